//! The packed encoding: each word becomes a tag byte (one bit per non-zero byte) and its
//! non-zero bytes; a zero word is followed by a count of further zero words, and a word with
//! no zero byte by a count of further words copied as they are.
//!
//! The packer makes the same choices as the reference implementation, so the output is byte
//! for byte the same: a run of copied words continues while words have at most one zero byte,
//! and runs never cross the end of the piece being packed (the reference packs the segment
//! table and each segment as separate pieces).
//!
//! Both directions work a word at a time on `u64`s and fixed-size windows, so that no byte
//! costs a branch or a capacity check of its own.

use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::wire::BYTES_PER_WORD;

/// The most words a zero or copied run counts after its first word.
const MAX_RUN: usize = 255;

/// Room the packer wants free before it packs a word: a tag and eight bytes, the most a word
/// with zero bytes takes, which it stores whatever the word's packed length.
const WINDOW: usize = 1 + BYTES_PER_WORD;

/// The largest single unit the packer writes: a word without zero bytes, its count and a full
/// run of copied words.
const MAX_UNIT: usize = 2 + BYTES_PER_WORD * (MAX_RUN + 1);

/// How much output the packer zero-fills ahead of itself at most, and the bytes a
/// [`PackedWrite`] gathers before it hands them on. Large enough for any unit.
const CHUNK: usize = 16 * 1024;

const _: () = assert!(CHUNK >= MAX_UNIT + WINDOW);

/// The packed size of `len` bytes at worst (every word a tag, eight bytes and a count), plus
/// the window the packer stores through.
fn packed_bound(len: usize) -> usize {
    (len / BYTES_PER_WORD + 1) * (BYTES_PER_WORD + 2) + WINDOW
}

fn truncated() -> Error {
    Error::new(ErrorKind::InvalidPacked, "packed data ends inside a word or run")
}

/// Bit 7 of each byte of the result is set when that byte of `w` is non-zero; no other bits are.
#[inline(always)]
fn nonzero_bytes(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // Adding 0x7f to a byte's low seven bits sets its bit 7 when they are not all zero, and never
    // carries into the next byte.
    (((w & LOW7) + LOW7) | w) & !LOW7
}

/// The packed tag of `w`: bit `i` set when byte `i` is non-zero.
#[inline(always)]
fn tag_of(w: u64) -> u8 {
    // The multiplier moves bit 8i+7 to bit 56+i; the partial products land on distinct bits, so
    // nothing carries into the top byte.
    (nonzero_bytes(w).wrapping_mul(0x0002_0408_1020_4081) >> 56) as u8
}

/// Whether a word would continue a run of copied words: at most one of its bytes is zero.
#[inline(always)]
fn is_dense(w: u64) -> bool {
    tag_of(w).count_ones() >= 7
}

#[inline(always)]
fn load(chunk: &[u8; BYTES_PER_WORD]) -> u64 {
    u64::from_le_bytes(*chunk)
}

/// Whether a chunk of the input (a word, or the trailing partial word) is all zeros.
#[inline(always)]
fn is_zero_chunk(chunk: &[u8]) -> bool {
    match <&[u8; BYTES_PER_WORD]>::try_from(chunk) {
        Ok(word) => load(word) == 0,
        Err(_) => chunk.iter().all(|&b| b == 0),
    }
}

/// How a tag's bytes move between their places in the word and their packed places, as masks of
/// the bytes that move by one, two and four places in each of three steps. Moving by the powers
/// of two in turn (smallest first when packing, largest first when unpacking) lands each byte
/// on a place that is empty or being left in the same step, so each step is a mask, a shift and
/// a merge on a `u64`.
#[derive(Clone, Copy)]
struct Moves {
    by1: u64,
    by2: u64,
    by4: u64,
}

/// The byte mask of byte `i`.
const fn byte_mask(i: usize) -> u64 {
    0xff << (8 * i)
}

/// For each tag: which bytes move down while packing, to close the gaps of its zero bytes.
static PACK_MOVES: [Moves; 256] = {
    let mut table = [Moves { by1: 0, by2: 0, by4: 0 }; 256];
    let mut tag = 0;
    while tag < 256 {
        let mut packed = 0;
        let mut at = 0;
        while at < BYTES_PER_WORD {
            if tag & (1 << at) != 0 {
                let distance = at - packed;
                let mut pos = at;
                if distance & 1 != 0 {
                    table[tag].by1 |= byte_mask(pos);
                    pos -= 1;
                }
                if distance & 2 != 0 {
                    table[tag].by2 |= byte_mask(pos);
                    pos -= 2;
                }
                if distance & 4 != 0 {
                    table[tag].by4 |= byte_mask(pos);
                }
                packed += 1;
            }
            at += 1;
        }
        tag += 1;
    }
    table
};

/// For each tag: the packed bytes that belong to it (the rest of the window is the next
/// unit's), and which of them move up while unpacking.
static UNPACK_MOVES: [(u64, Moves); 256] = {
    let mut table = [(0, Moves { by1: 0, by2: 0, by4: 0 }); 256];
    let mut tag = 0;
    while tag < 256 {
        let mut packed = 0;
        let mut at = 0;
        while at < BYTES_PER_WORD {
            if tag & (1 << at) != 0 {
                let distance = at - packed;
                table[tag].0 |= byte_mask(packed);
                let mut pos = packed;
                if distance & 4 != 0 {
                    table[tag].1.by4 |= byte_mask(pos);
                    pos += 4;
                }
                if distance & 2 != 0 {
                    table[tag].1.by2 |= byte_mask(pos);
                    pos += 2;
                }
                if distance & 1 != 0 {
                    table[tag].1.by1 |= byte_mask(pos);
                }
                packed += 1;
            }
            at += 1;
        }
        tag += 1;
    }
    table
};

/// For each tag: the packed bytes of its unit up to the next tag, not counting a run's copied
/// words: the tag, its non-zero bytes and, for tags 0 and 0xff, the run's count.
static UNIT_LEN: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut tag = 0;
    while tag < 256 {
        table[tag] = 1 + (tag as u8).count_ones() as u8 + (tag == 0 || tag == 0xff) as u8;
        tag += 1;
    }
    table
};

/// The non-zero bytes of `w` (whose tag is `tag`) moved together at the bottom, in order.
#[inline(always)]
fn squeeze(w: u64, tag: u8) -> u64 {
    let m = PACK_MOVES[usize::from(tag)];
    // Every byte outside the tag's bits is zero already, so unlike `spread` nothing is masked first.
    let moving = w & m.by1;
    let w = (w ^ moving) | (moving >> 8);
    let moving = w & m.by2;
    let w = (w ^ moving) | (moving >> 16);
    let moving = w & m.by4;
    (w ^ moving) | (moving >> 32)
}

/// Stores the tag and non-zero bytes of `w`, a word with both zero and non-zero bytes, through
/// `window`, and returns how many of the window's bytes count.
#[inline(always)]
fn store_sparse(w: u64, tag: u8, window: &mut [u8]) -> usize {
    window[0] = tag;
    window[1..WINDOW].copy_from_slice(&squeeze(w, tag).to_le_bytes());
    usize::from(UNIT_LEN[usize::from(tag)])
}

/// The word that `tag` and the packed bytes at the bottom of `bytes` stand for.
#[inline(always)]
fn spread(bytes: u64, tag: u8) -> u64 {
    let (own, m) = UNPACK_MOVES[usize::from(tag)];
    let w = bytes & own;
    let moving = w & m.by4;
    let w = (w ^ moving) | (moving << 32);
    let moving = w & m.by2;
    let w = (w ^ moving) | (moving << 16);
    let moving = w & m.by1;
    (w ^ moving) | (moving << 8)
}

/// Packs whole units (a word with its run, if any) of `words` into `out` while they fit, and
/// returns the bytes of `words` and of `out` used. Each unit's choices depend only on the words
/// from its start on, so packing the rest later gives the same bytes as packing all at once.
/// Packs at least one unit when `out` holds `packed_bound(words.len()).min(CHUNK)` bytes.
fn pack_some(words: &[u8], out: &mut [u8]) -> (usize, usize) {
    let mut rest = words;
    let mut o = 0;
    while let Some((first, after)) = rest.split_first_chunk::<BYTES_PER_WORD>() {
        let Some(window) = out.get_mut(o..o + WINDOW) else { break };
        let w = load(first);
        let tag = tag_of(w);
        // Tags 0 and 0xff (and only they) wrap to 1 and 0.
        if tag.wrapping_add(1) > 1 {
            o += store_sparse(w, tag, window);
            rest = after;
        } else if tag == 0 {
            let run = after.chunks(BYTES_PER_WORD).take(MAX_RUN).take_while(|c| is_zero_chunk(c)).count();
            window[0] = 0;
            window[1] = run as u8;
            o += 2;
            // A zero trailing partial word may end the run; it counts as a whole word.
            rest = after.get(BYTES_PER_WORD * run..).unwrap_or_default();
        } else {
            let run = after
                .chunks_exact(BYTES_PER_WORD)
                .take(MAX_RUN)
                .take_while(|c| <&[u8; BYTES_PER_WORD]>::try_from(*c).is_ok_and(|c| is_dense(load(c))))
                .count();
            let (raw, after_run) = after.split_at(BYTES_PER_WORD * run);
            let Some(unit) = out.get_mut(o..o + 2 + BYTES_PER_WORD + raw.len()) else { break };
            unit[0] = 0xff;
            unit[1..1 + BYTES_PER_WORD].copy_from_slice(first);
            unit[1 + BYTES_PER_WORD] = run as u8;
            unit[2 + BYTES_PER_WORD..].copy_from_slice(raw);
            o += unit.len();
            rest = after_run;
        }
    }
    if !rest.is_empty() && rest.len() < BYTES_PER_WORD {
        if let Some(window) = out.get_mut(o..o + WINDOW) {
            // The trailing partial word is packed as if padded with zeros, so it has a zero byte
            // and never starts a copied run.
            let mut word = [0u8; BYTES_PER_WORD];
            word[..rest.len()].copy_from_slice(rest);
            let w = load(&word);
            let tag = tag_of(w);
            if tag == 0 {
                window[0] = 0;
                window[1] = 0;
                o += 2;
            } else {
                o += store_sparse(w, tag, window);
            }
            rest = &[];
        }
    }
    (words.len() - rest.len(), o)
}

/// Packs as much of `words` as fits into at most [`CHUNK`] more bytes of `out`, and returns the
/// rest. The output is zero-filled one chunk at a time and cut back to what was written, so that
/// only about the packed size is ever filled.
fn pack_chunk<'a>(words: &'a [u8], out: &mut Vec<u8>) -> &'a [u8] {
    let start = out.len();
    out.resize(start + packed_bound(words.len()).min(CHUNK), 0);
    let (used, written) = pack_some(words, &mut out[start..]);
    out.truncate(start + written);
    &words[used..]
}

/// Packs `words` (a whole number of words; a trailing partial word is packed as if padded
/// with zeros) and appends the result to `out`.
pub fn pack_into(words: &[u8], out: &mut Vec<u8>) {
    out.reserve(packed_bound(words.len()));
    let mut rest = words;
    while !rest.is_empty() {
        rest = pack_chunk(rest, out);
    }
}

/// Packs `words`.
pub fn pack(words: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(packed_bound(words.len()));
    pack_into(words, &mut out);
    out
}

/// Packs a message given as pieces (segment table, then segments), as the reference does.
pub fn pack_pieces(pieces: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pieces.iter().map(|p| packed_bound(p.len())).fold(0, usize::saturating_add));
    for piece in pieces {
        pack_into(piece, &mut out);
    }
    out
}

/// The eight bytes after the tag in a window of packed input.
#[inline(always)]
fn window_bytes(window: &[u8]) -> u64 {
    let mut bytes = [0u8; BYTES_PER_WORD];
    bytes.copy_from_slice(&window[1..1 + BYTES_PER_WORD]);
    u64::from_le_bytes(bytes)
}

/// Unpacks all of `packed`. Input that ends inside a word or run is an error.
pub fn unpack(packed: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut p = 0;
    // While a tag, eight bytes and a count are there, a word is read from a fixed window
    // without checking its length byte by byte. The next tag is taken from the bytes already
    // read where it is among them, which keeps a memory load off the chain from one tag to the
    // next (each tag's position depends on the one before).
    let mut tag = packed.first().copied().unwrap_or(0);
    while let Some(window) = packed.get(p..p + 2 + BYTES_PER_WORD) {
        debug_assert_eq!(tag, window[0]);
        let bytes = window_bytes(window);
        out.extend_from_slice(&spread(bytes, tag).to_le_bytes());
        let len = usize::from(UNIT_LEN[usize::from(tag)]);
        p += len;
        if tag == 0xff {
            let run = BYTES_PER_WORD * usize::from(window[1 + BYTES_PER_WORD]);
            out.extend_from_slice(packed.get(p..p + run).ok_or_else(truncated)?);
            p += run;
            tag = packed.get(p).copied().unwrap_or(0);
        } else {
            if tag == 0 {
                let run = usize::from(window[1]);
                out.resize(out.len() + BYTES_PER_WORD * run, 0);
            }
            // Any other unit is 2 to 8 bytes long, so the next tag is among `bytes`.
            tag = (bytes >> (8 * (len - 1))) as u8;
        }
    }
    unpack_tail(&packed[p..], &mut out)?;
    Ok(out)
}

/// Unpacks the last few bytes of packed input, where the window of [`unpack`] does not fit.
fn unpack_tail(packed: &[u8], out: &mut Vec<u8>) -> Result<()> {
    let mut p = 0;
    while let Some(&tag) = packed.get(p) {
        p += 1;
        let mut word = [0u8; BYTES_PER_WORD];
        for (i, byte) in word.iter_mut().enumerate() {
            if tag & (1 << i) != 0 {
                *byte = *packed.get(p).ok_or_else(truncated)?;
                p += 1;
            }
        }
        out.extend_from_slice(&word);
        if tag == 0 || tag == 0xff {
            let run = BYTES_PER_WORD * usize::from(*packed.get(p).ok_or_else(truncated)?);
            p += 1;
            if tag == 0 {
                out.resize(out.len() + run, 0);
            } else {
                out.extend_from_slice(packed.get(p..p + run).ok_or_else(truncated)?);
                p += run;
            }
        }
    }
    Ok(())
}

/// What [`unpack_some`] did: the bytes of input and output it used, and the zero bytes and
/// copied bytes of a run it began but could not finish.
#[cfg(feature = "std")]
struct Unpacked {
    read: usize,
    written: usize,
    zeros: usize,
    raw: usize,
}

/// Unpacks from `input` into `out` while a whole tag window is there to read and a whole word
/// fits. A run that does not fit is left to the caller, counted in the result.
#[cfg(feature = "std")]
fn unpack_some(input: &[u8], out: &mut [u8]) -> Unpacked {
    let mut p = 0;
    let mut o = 0;
    let mut zeros = 0;
    let mut raw = 0;
    // As in `unpack`, the next tag comes from the bytes already read.
    let mut tag = input.first().copied().unwrap_or(0);
    while let (Some(window), Some(dest)) = (input.get(p..p + 2 + BYTES_PER_WORD), out.get_mut(o..o + BYTES_PER_WORD)) {
        debug_assert_eq!(tag, window[0]);
        let bytes = window_bytes(window);
        dest.copy_from_slice(&spread(bytes, tag).to_le_bytes());
        o += BYTES_PER_WORD;
        let len = usize::from(UNIT_LEN[usize::from(tag)]);
        p += len;
        if tag == 0xff {
            let run = BYTES_PER_WORD * usize::from(window[1 + BYTES_PER_WORD]);
            let n = run.min(out.len() - o).min(input.len() - p);
            out[o..o + n].copy_from_slice(&input[p..p + n]);
            o += n;
            p += n;
            if n < run {
                raw = run - n;
                break;
            }
            tag = input.get(p).copied().unwrap_or(0);
        } else {
            if tag == 0 {
                let run = BYTES_PER_WORD * usize::from(window[1]);
                let n = run.min(out.len() - o);
                out[o..o + n].fill(0);
                o += n;
                if n < run {
                    zeros = run - n;
                    break;
                }
            }
            tag = (bytes >> (8 * (len - 1))) as u8;
        }
    }
    Unpacked { read: p, written: o, zeros, raw }
}

#[cfg(feature = "std")]
pub use self::stream::{PackedRead, PackedWrite};

#[cfg(feature = "std")]
mod stream {
    use std::io::{self, BufRead, Read, Write};

    use super::*;

    /// Unpacks a packed stream as it is read. End of input at a word boundary is a clean end
    /// (a read of 0 bytes); anywhere else it is an error. A read returns what the bytes already
    /// buffered give, as soon as it has some: it asks the inner reader for more only when it
    /// has nothing yet (or is inside a word), so on a socket it never waits for bytes past what
    /// arrived.
    pub struct PackedRead<R> {
        inner: R,
        word: [u8; BYTES_PER_WORD],
        word_pos: usize,
        zeros: usize,
        raw: usize,
        /// Bytes left in the inner reader's buffer after the last consume (only this reader
        /// consumes from it, so the count is exact).
        buffered: usize,
    }

    impl<R: BufRead> PackedRead<R> {
        /// Wraps a buffered reader of packed bytes.
        pub fn new(inner: R) -> PackedRead<R> {
            PackedRead { inner, word: [0; BYTES_PER_WORD], word_pos: BYTES_PER_WORD, zeros: 0, raw: 0, buffered: 0 }
        }

        /// The wrapped reader.
        pub fn into_inner(self) -> R {
            self.inner
        }

        fn byte(&mut self) -> io::Result<Option<u8>> {
            let buf = self.inner.fill_buf()?;
            match buf.first() {
                Some(&b) => {
                    self.buffered = buf.len() - 1;
                    self.inner.consume(1);
                    Ok(Some(b))
                }
                None => Ok(None),
            }
        }

        fn required_byte(&mut self) -> io::Result<u8> {
            self.byte()?.ok_or_else(|| io::Error::from(truncated()))
        }

        /// Reads the word of `tag` a byte at a time, for a word that straddles the end of the
        /// inner reader's buffer or does not fit the caller's.
        fn slow_word(&mut self, tag: u8) -> io::Result<()> {
            for i in 0..BYTES_PER_WORD {
                self.word[i] = if tag & (1 << i) != 0 { self.required_byte()? } else { 0 };
            }
            self.word_pos = 0;
            if tag == 0 {
                self.zeros = usize::from(self.required_byte()?) * BYTES_PER_WORD;
            } else if tag == 0xff {
                self.raw = usize::from(self.required_byte()?) * BYTES_PER_WORD;
            }
            Ok(())
        }
    }

    impl<R: BufRead> Read for PackedRead<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let mut written = 0;
            while written < buf.len() {
                if self.word_pos < BYTES_PER_WORD {
                    let n = (BYTES_PER_WORD - self.word_pos).min(buf.len() - written);
                    buf[written..written + n].copy_from_slice(&self.word[self.word_pos..self.word_pos + n]);
                    self.word_pos += n;
                    written += n;
                } else if self.zeros > 0 {
                    let n = self.zeros.min(buf.len() - written);
                    buf[written..written + n].fill(0);
                    self.zeros -= n;
                    written += n;
                } else if written > 0 && self.buffered == 0 {
                    // What arrived is given; more would wait for the stream.
                    break;
                } else if self.raw > 0 {
                    let input = self.inner.fill_buf()?;
                    if input.is_empty() {
                        return Err(Error::new(ErrorKind::InvalidPacked, "packed data ends inside a run").into());
                    }
                    let n = self.raw.min(buf.len() - written).min(input.len());
                    buf[written..written + n].copy_from_slice(&input[..n]);
                    self.buffered = input.len() - n;
                    self.inner.consume(n);
                    self.raw -= n;
                    written += n;
                } else {
                    let input = self.inner.fill_buf()?;
                    let Some(&tag) = input.first() else { break };
                    // Whole words go straight from the inner reader's buffer into `buf`.
                    let done = unpack_some(input, &mut buf[written..]);
                    if done.read > 0 {
                        self.buffered = input.len() - done.read;
                        self.inner.consume(done.read);
                        written += done.written;
                        self.zeros = done.zeros;
                        self.raw = done.raw;
                    } else {
                        self.inner.consume(1);
                        self.slow_word(tag)?;
                    }
                }
            }
            Ok(written)
        }
    }

    /// Packs what is written, a whole word at a time; each `write_pieces` call packs its pieces
    /// separately, as the reference packs a message's segment table and segments.
    pub struct PackedWrite<W> {
        inner: W,
        buf: Vec<u8>,
    }

    impl<W: Write> PackedWrite<W> {
        /// Wraps a writer of packed bytes.
        pub fn new(inner: W) -> PackedWrite<W> {
            PackedWrite { inner, buf: Vec::new() }
        }

        /// Packs each piece (each a whole number of words) and writes the result.
        pub fn write_pieces(&mut self, pieces: &[&[u8]]) -> io::Result<()> {
            // The packed bytes are handed on [`CHUNK`] bytes at a time, so the buffer is sized
            // once for the message (or a chunk of it) and never grows while packing.
            let bound = pieces.iter().map(|p| packed_bound(p.len())).fold(0, usize::saturating_add);
            self.buf.clear();
            self.buf.reserve(bound.min(2 * CHUNK));
            for piece in pieces {
                let mut rest = *piece;
                while !rest.is_empty() {
                    if self.buf.len() >= CHUNK {
                        self.inner.write_all(&self.buf)?;
                        self.buf.clear();
                    }
                    rest = pack_chunk(rest, &mut self.buf);
                }
            }
            self.inner.write_all(&self.buf)
        }

        /// The wrapped writer.
        pub fn into_inner(self) -> W {
            self.inner
        }

        /// Flushes the wrapped writer.
        pub fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    /// The packer as first written, a byte at a time: what the fast one must match.
    fn reference_pack(words: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut chunks = words.chunks(BYTES_PER_WORD).peekable();
        while let Some(chunk) = chunks.next() {
            let mut word = [0u8; BYTES_PER_WORD];
            word[..chunk.len()].copy_from_slice(chunk);
            let mut tag = 0u8;
            let tag_at = out.len();
            out.push(0);
            for (i, &b) in word.iter().enumerate() {
                if b != 0 {
                    tag |= 1 << i;
                    out.push(b);
                }
            }
            out[tag_at] = tag;
            if tag == 0 {
                let mut run = 0u8;
                while run < 255 && chunks.peek().is_some_and(|c| c.iter().all(|&b| b == 0)) {
                    chunks.next();
                    run += 1;
                }
                out.push(run);
            } else if tag == 0xff {
                let count_at = out.len();
                out.push(0);
                let mut run = 0u8;
                while run < 255
                    && chunks
                        .peek()
                        .is_some_and(|c| c.len() == BYTES_PER_WORD && c.iter().filter(|&&b| b == 0).count() < 2)
                {
                    out.extend_from_slice(chunks.next().unwrap_or(&[]));
                    run += 1;
                }
                out[count_at] = run;
            }
        }
        out
    }

    /// The unpacker as first written, a byte at a time; `None` for malformed input.
    fn reference_unpack(packed: &[u8]) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut input = packed.iter().copied();
        while let Some(tag) = input.next() {
            for i in 0..BYTES_PER_WORD {
                out.push(if tag & (1 << i) != 0 { input.next()? } else { 0 });
            }
            if tag == 0 {
                let run = input.next()? as usize;
                out.resize(out.len() + run * BYTES_PER_WORD, 0);
            } else if tag == 0xff {
                let run = input.next()? as usize * BYTES_PER_WORD;
                let start = packed.len() - input.len();
                out.extend_from_slice(packed.get(start..start + run)?);
                input = packed[start + run..].iter().copied();
            }
        }
        Some(out)
    }

    /// A small deterministic generator (xorshift64*), so the tests need no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn byte(&mut self) -> u8 {
            (self.next() >> 32) as u8
        }

        /// Up to `max_len` random bytes, with tags 0 and 0xff (runs, also past the end) made
        /// common: packed input that is mostly malformed.
        fn garbage(&mut self, max_len: usize) -> Vec<u8> {
            (0..self.below(max_len))
                .map(|_| match self.below(4) {
                    0 => 0,
                    1 => 0xff,
                    _ => self.byte(),
                })
                .collect()
        }

        /// A non-zero byte, so that the caller decides exactly which bytes are zero.
        fn nonzero_byte(&mut self) -> u8 {
            self.byte() | 1
        }

        /// A word with exactly `zeros` zero bytes at random places.
        fn word_with_zeros(&mut self, zeros: usize) -> [u8; BYTES_PER_WORD] {
            let mut word = [0u8; BYTES_PER_WORD];
            for b in &mut word {
                *b = self.nonzero_byte();
            }
            let mut placed = 0;
            while placed < zeros {
                let i = self.below(BYTES_PER_WORD);
                if word[i] != 0 {
                    word[i] = 0;
                    placed += 1;
                }
            }
            word
        }

        /// Words in 1 to `max` stretches, as [`Rng::words`] makes them.
        fn some_words(&mut self, max: usize) -> Vec<u8> {
            let stretches = 1 + self.below(max);
            self.words(stretches)
        }

        /// Words in stretches of one kind: zero words, words with no or one zero byte (copied
        /// runs), sparse words and random bytes, each stretch short or longer than a run's 255
        /// words; then, sometimes, a trailing partial word.
        fn words(&mut self, stretches: usize) -> Vec<u8> {
            let mut out = Vec::new();
            for _ in 0..stretches {
                let len = match self.below(4) {
                    0 => 256 + self.below(300),
                    1 => 1 + self.below(20),
                    _ => 1 + self.below(4),
                };
                let kind = self.below(6);
                for _ in 0..len {
                    let word = match kind {
                        0 => [0; BYTES_PER_WORD],
                        1 => self.word_with_zeros(0),
                        2 => {
                            let zeros = self.below(2);
                            self.word_with_zeros(zeros)
                        }
                        3 => {
                            let zeros = 2 + self.below(6);
                            self.word_with_zeros(zeros)
                        }
                        4 => self.next().to_le_bytes(),
                        _ => {
                            let zeros = self.below(9);
                            self.word_with_zeros(zeros)
                        }
                    };
                    out.extend_from_slice(&word);
                }
            }
            if self.below(3) == 0 {
                let tail = 1 + self.below(BYTES_PER_WORD - 1);
                for _ in 0..tail {
                    out.push(if self.below(2) == 0 { 0 } else { self.nonzero_byte() });
                }
            }
            out
        }
    }

    /// Reads all of `reader` through reads of at most `piece` bytes.
    #[cfg(feature = "std")]
    fn read_in_pieces(mut reader: impl std::io::Read, piece: usize) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut buf = vec![0u8; piece];
        loop {
            match reader.read(&mut buf)? {
                0 => return Ok(out),
                n => out.extend_from_slice(&buf[..n]),
            }
        }
    }

    #[test]
    fn tags_and_dense_words_match_their_bytes() {
        let mut rng = Rng(23);
        for case in 0..20_000 {
            let zeros = rng.below(9);
            let word = rng.word_with_zeros(zeros);
            let w = u64::from_le_bytes(word);
            let tag = word.iter().enumerate().fold(0u8, |tag, (i, &b)| if b != 0 { tag | 1 << i } else { tag });
            assert_eq!(tag_of(w), tag, "case {case}: {word:?}");
            assert_eq!(is_dense(w), zeros <= 1, "case {case}: {word:?}");
        }
        // Bytes with only their top bit, or only their low bit, set.
        assert_eq!(tag_of(0x8000_0000_0000_0080), 0b1000_0001);
        assert_eq!(tag_of(0x0001_0000_0000_0100), 0b0100_0010);
    }

    #[test]
    fn squeeze_and_spread_move_the_bytes_of_every_tag() {
        for tag in 0..=255u8 {
            // Distinct non-zero bytes where the tag has bits, so any misplaced byte shows.
            let mut word = [0u8; BYTES_PER_WORD];
            let mut packed = Vec::new();
            for (i, byte) in word.iter_mut().enumerate() {
                if tag & (1 << i) != 0 {
                    *byte = 0x11 * (i as u8 + 1);
                    packed.push(*byte);
                }
            }
            let w = u64::from_le_bytes(word);
            let squeezed = squeeze(w, tag).to_le_bytes();
            assert_eq!(&squeezed[..packed.len()], packed, "tag {tag:#04x}");
            assert!(squeezed[packed.len()..].iter().all(|&b| b == 0), "tag {tag:#04x}");
            // What follows the tag's bytes in packed input belongs to the next unit.
            let mut window = [0xeeu8; BYTES_PER_WORD];
            window[..packed.len()].copy_from_slice(&packed);
            assert_eq!(spread(u64::from_le_bytes(window), tag), w, "tag {tag:#04x}");
            let extra = usize::from(tag == 0 || tag == 0xff);
            assert_eq!(usize::from(UNIT_LEN[usize::from(tag)]), 1 + packed.len() + extra, "tag {tag:#04x}");
        }
    }

    #[test]
    fn examples_from_the_encoding_spec() {
        let cases: &[(&[u8], &[u8])] = &[
            (&[0; 8], &[0, 0]),
            (&[0, 0, 12, 0, 0, 34, 0, 0], &[0x24, 12, 34]),
            (&[1, 3, 2, 4, 5, 7, 6, 8], &[0xff, 1, 3, 2, 4, 5, 7, 6, 8, 0]),
            (&[0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 2, 4, 5, 7, 6, 8], &[0, 0, 0xff, 1, 3, 2, 4, 5, 7, 6, 8, 0]),
            (&[0, 0, 12, 0, 0, 34, 0, 0, 1, 3, 2, 4, 5, 7, 6, 8], &[0x24, 12, 34, 0xff, 1, 3, 2, 4, 5, 7, 6, 8, 0]),
            (
                &[1, 3, 2, 4, 5, 7, 6, 8, 8, 6, 7, 4, 5, 2, 3, 1],
                &[0xff, 1, 3, 2, 4, 5, 7, 6, 8, 1, 8, 6, 7, 4, 5, 2, 3, 1],
            ),
            (
                &[1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0, 2, 4, 0, 9, 0, 5, 1],
                &[0xff, 1, 2, 3, 4, 5, 6, 7, 8, 2, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0xd6, 2, 4, 9, 5, 1],
            ),
        ];
        for (plain, packed) in cases {
            assert_eq!(&pack(plain), packed, "packing {plain:?}");
            assert_eq!(&unpack(packed).unwrap(), plain, "unpacking {packed:?}");
        }
    }

    #[test]
    fn long_zero_runs_split_at_256_words() {
        let plain = vec![0u8; 300 * 8];
        let packed = pack(&plain);
        assert_eq!(packed, [0, 255, 0, 43]);
        assert_eq!(unpack(&packed).unwrap(), plain);
    }

    #[test]
    fn long_copied_runs_split_at_256_words() {
        // 300 words without zero bytes: a tag, the word and 255 more, then a tag, the word and 43.
        let plain: Vec<u8> = (0..300 * 8).map(|i| (i % 251 + 1) as u8).collect();
        let packed = pack(&plain);
        assert_eq!(packed.len(), 2 * 10 + 298 * 8);
        assert_eq!((packed[0], packed[9], packed[10 + 255 * 8], packed[19 + 255 * 8]), (0xff, 255, 0xff, 43));
        assert_eq!(&packed[10..10 + 255 * 8], &plain[8..256 * 8]);
        assert_eq!(packed, reference_pack(&plain));
        assert_eq!(unpack(&packed).unwrap(), plain);
    }

    #[test]
    fn copied_runs_take_words_with_one_zero_byte_and_stop_at_two() {
        let mut plain = vec![0xffu8; 8];
        plain.extend_from_slice(&[1, 0, 1, 1, 1, 1, 1, 1]);
        plain.extend_from_slice(&[1, 0, 1, 1, 0, 1, 1, 1]);
        assert_eq!(
            pack(&plain),
            [[0xff].as_slice(), &[0xff; 8], &[1, 1, 0, 1, 1, 1, 1, 1, 1], &[0xed, 1, 1, 1, 1, 1, 1]].concat()
        );
    }

    #[test]
    fn trailing_partial_words_pack_as_if_padded() {
        // A partial word with no zero byte still has zero padding, so it never starts a run; an
        // all-zero partial word ends a zero run; a dense partial word does not join a copied run.
        assert_eq!(pack(&[1, 2, 3]), [0b111, 1, 2, 3]);
        assert_eq!(pack(&[0, 0, 0]), [0, 0]);
        assert_eq!(pack(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), [0, 1]);
        assert_eq!(pack(&[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), [0xff, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0b11, 1, 1]);
        for len in 1..64 {
            let plain: Vec<u8> = (0..len).map(|i| if i % 3 == 0 { 0 } else { i as u8 }).collect();
            assert_eq!(pack(&plain), reference_pack(&plain), "{len} bytes");
        }
    }

    #[test]
    fn packing_matches_the_byte_at_a_time_packer() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for case in 0..300 {
            let plain = rng.some_words(12);
            let packed = pack(&plain);
            assert_eq!(packed, reference_pack(&plain), "case {case}");
            let mut padded = plain.clone();
            padded.resize(plain.len().div_ceil(BYTES_PER_WORD) * BYTES_PER_WORD, 0);
            assert_eq!(unpack(&packed).unwrap(), padded, "case {case}");
        }
    }

    #[test]
    fn packing_large_inputs_across_chunks_matches() {
        // Inputs well past the packer's chunk, so units meet its boundaries in every way.
        let mut rng = Rng(7);
        for case in 0..8 {
            let plain = rng.words(200);
            assert!(plain.len() > 4 * CHUNK, "case {case} is large");
            assert_eq!(pack(&plain), reference_pack(&plain), "case {case}");
        }
    }

    #[test]
    fn pack_into_appends_and_pack_pieces_packs_each_piece() {
        let mut rng = Rng(11);
        let pieces: Vec<Vec<u8>> = (0..5).map(|_| rng.words(4)).collect();
        let slices: Vec<&[u8]> = pieces.iter().map(Vec::as_slice).collect();
        let expected: Vec<u8> = pieces.iter().flat_map(|p| reference_pack(p)).collect();
        assert_eq!(pack_pieces(&slices), expected);
        let mut out = vec![42u8, 43];
        pack_into(&pieces[0], &mut out);
        assert_eq!(out, [&[42, 43][..], &reference_pack(&pieces[0])].concat());
    }

    #[test]
    fn unpacking_matches_the_byte_at_a_time_unpacker() {
        let mut rng = Rng(3);
        for case in 0..200 {
            let plain = rng.some_words(8);
            let packed = reference_pack(&plain);
            assert_eq!(unpack(&packed).ok(), reference_unpack(&packed), "case {case}");
        }
    }

    #[test]
    fn truncated_packed_input_is_an_error() {
        for bad in [
            &[0x24u8, 12][..],
            &[0][..],
            &[0xff, 1, 2, 3, 4, 5, 6, 7, 8][..],
            &[0xff, 1, 2, 3, 4, 5, 6, 7, 8, 2, 0][..],
        ] {
            assert_eq!(unpack(bad).unwrap_err().kind(), ErrorKind::InvalidPacked, "{bad:?}");
        }
    }

    #[test]
    fn every_truncation_and_random_input_unpacks_as_the_reference_does() {
        let mut rng = Rng(5);
        for case in 0..40 {
            let packed = reference_pack(&rng.some_words(4));
            for cut in 0..packed.len() {
                let got = unpack(&packed[..cut]);
                match reference_unpack(&packed[..cut]) {
                    Some(plain) => assert_eq!(got.unwrap(), plain, "case {case} cut {cut}"),
                    None => assert_eq!(got.unwrap_err().kind(), ErrorKind::InvalidPacked, "case {case} cut {cut}"),
                }
            }
        }
        for case in 0..2000 {
            let garbage = rng.garbage(64);
            let got = unpack(&garbage);
            match reference_unpack(&garbage) {
                Some(plain) => assert_eq!(got.unwrap(), plain, "case {case}"),
                None => assert_eq!(got.unwrap_err().kind(), ErrorKind::InvalidPacked, "case {case}"),
            }
        }
    }

    #[test]
    fn a_run_past_the_end_is_an_error() {
        // A copied run of 3 words with 2 present, and a window-sized prefix so the fast path
        // meets it; a zero tag whose count is missing.
        let mut bad = vec![0xff, 1, 2, 3, 4, 5, 6, 7, 8, 3];
        bad.extend_from_slice(&[9; 16]);
        assert_eq!(unpack(&bad).unwrap_err().kind(), ErrorKind::InvalidPacked);
        let mut bad = vec![0x01, 5, 0x01, 6, 0x01, 7, 0x01, 8, 0x01, 9, 0xff];
        bad.extend_from_slice(&[1; 8]);
        bad.push(255);
        bad.extend_from_slice(&[1; 100]);
        assert_eq!(unpack(&bad).unwrap_err().kind(), ErrorKind::InvalidPacked);
    }

    #[cfg(feature = "std")]
    #[test]
    fn packed_read_matches_unpack_for_any_buffer_sizes() {
        use std::io::BufReader;

        let mut rng = Rng(13);
        for case in 0..60 {
            let plain = rng.some_words(8);
            let mut packed = reference_pack(&plain);
            let valid = case % 3 != 0;
            if !valid {
                packed.truncate(rng.below(packed.len() + 1));
            }
            let expected = reference_unpack(&packed);
            for inner in [1, 2, 3, 9, 10, 11, 64, 4096] {
                for piece in [1, 3, 8, 13, 64, 1 << 16] {
                    let reader = PackedRead::new(BufReader::with_capacity(inner, &packed[..]));
                    let got = read_in_pieces(reader, piece);
                    match &expected {
                        Some(plain) => {
                            assert_eq!(&got.unwrap(), plain, "case {case}, inner buffer {inner}, reads of {piece}")
                        }
                        None => {
                            let kind = Error::from(got.unwrap_err()).kind();
                            assert_eq!(kind, ErrorKind::InvalidPacked, "case {case}, inner {inner}, reads of {piece}");
                        }
                    }
                }
            }
            // A slice is a reader whose buffer is all the input at once.
            let got = read_in_pieces(PackedRead::new(&packed[..]), 1000).ok();
            assert_eq!(got, expected, "case {case} from a slice");
        }
    }

    #[cfg(feature = "std")]
    #[test]
    fn packed_read_of_garbage_errs_as_unpack_does() {
        let mut rng = Rng(17);
        for case in 0..1000 {
            let garbage = rng.garbage(80);
            let got = read_in_pieces(PackedRead::new(&garbage[..]), 1 + rng.below(40)).ok();
            assert_eq!(got, reference_unpack(&garbage), "case {case}");
        }
    }

    #[cfg(feature = "std")]
    #[test]
    fn packed_read_leaves_an_unfinished_run_for_the_next_read() {
        // A zero word with 200 more zero words, then a copied run: reads of 5 bytes see them all.
        let mut plain = vec![0u8; 201 * 8];
        plain.extend((0..40 * 8).map(|i| (i % 200 + 1) as u8));
        plain.extend_from_slice(&[0, 0, 0, 7, 0, 0, 0, 0]);
        let packed = pack(&plain);
        let mut reader = PackedRead::new(&packed[..]);
        let mut first = [0u8; 13];
        assert_eq!(std::io::Read::read(&mut reader, &mut first).unwrap(), 13);
        assert_eq!(first, [0; 13]);
        let rest = read_in_pieces(reader, 5).unwrap();
        assert_eq!(rest, plain[13..]);
    }

    #[cfg(feature = "std")]
    #[test]
    fn packed_write_matches_pack_pieces_for_small_and_chunked_messages() {
        let mut rng = Rng(19);
        for stretches in [1, 3, 40, 300] {
            let pieces: Vec<Vec<u8>> = (0..3)
                .map(|_| {
                    let mut piece = rng.words(stretches);
                    piece.truncate(piece.len() / BYTES_PER_WORD * BYTES_PER_WORD);
                    piece
                })
                .collect();
            let slices: Vec<&[u8]> = pieces.iter().map(Vec::as_slice).collect();
            let expected: Vec<u8> = pieces.iter().flat_map(|p| reference_pack(p)).collect();
            let mut writer = PackedWrite::new(Vec::new());
            writer.write_pieces(&slices).unwrap();
            writer.write_pieces(&slices[1..2]).unwrap();
            writer.flush().unwrap();
            let written = writer.into_inner();
            assert_eq!(written, [&expected[..], &reference_pack(&pieces[1])].concat(), "{stretches} stretches");
        }
    }
}
