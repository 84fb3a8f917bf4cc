//! The packed encoding: each word becomes a tag byte (one bit per non-zero byte) and its
//! non-zero bytes; a zero word is followed by a count of further zero words, and a word with
//! no zero byte by a count of further words copied as they are.
//!
//! The packer makes the same choices as the reference implementation, so the output is byte
//! for byte the same: a run of copied words continues while words have at most one zero byte,
//! and runs never cross the end of the piece being packed (the reference packs the segment
//! table and each segment as separate pieces).

use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::wire::BYTES_PER_WORD;

/// Packs `words` (a whole number of words; a trailing partial word is packed as if padded
/// with zeros) and appends the result to `out`.
pub fn pack_into(words: &[u8], out: &mut Vec<u8>) {
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
                && chunks.peek().is_some_and(|c| c.len() == BYTES_PER_WORD && c.iter().filter(|&&b| b == 0).count() < 2)
            {
                out.extend_from_slice(chunks.next().unwrap_or(&[]));
                run += 1;
            }
            out[count_at] = run;
        }
    }
}

/// Packs `words`.
pub fn pack(words: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len() / 2 + 16);
    pack_into(words, &mut out);
    out
}

/// Packs a message given as pieces (segment table, then segments), as the reference does.
pub fn pack_pieces(pieces: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for piece in pieces {
        pack_into(piece, &mut out);
    }
    out
}

/// Unpacks all of `packed`. Input that ends inside a word or run is an error.
pub fn unpack(packed: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut input = packed.iter().copied();
    let truncated = || Error::new(ErrorKind::InvalidPacked, "packed data ends inside a word or run");
    while let Some(tag) = input.next() {
        for i in 0..BYTES_PER_WORD {
            let byte = if tag & (1 << i) != 0 { input.next().ok_or_else(truncated)? } else { 0 };
            out.push(byte);
        }
        if tag == 0 {
            let run = input.next().ok_or_else(truncated)? as usize;
            out.resize(out.len() + run * BYTES_PER_WORD, 0);
        } else if tag == 0xff {
            let run = input.next().ok_or_else(truncated)? as usize * BYTES_PER_WORD;
            let start = packed.len() - input.len();
            let raw = packed.get(start..start + run).ok_or_else(truncated)?;
            out.extend_from_slice(raw);
            input = packed[start + run..].iter().copied();
        }
    }
    Ok(out)
}

#[cfg(feature = "std")]
pub use self::stream::{PackedRead, PackedWrite};

#[cfg(feature = "std")]
mod stream {
    use std::io::{self, BufRead, Read, Write};

    use super::*;

    /// Unpacks a packed stream as it is read. End of input at a word boundary is a clean end
    /// (a read of 0 bytes); anywhere else it is an error.
    pub struct PackedRead<R> {
        inner: R,
        word: [u8; BYTES_PER_WORD],
        word_pos: usize,
        zeros: usize,
        raw: usize,
    }

    impl<R: BufRead> PackedRead<R> {
        /// Wraps a buffered reader of packed bytes.
        pub fn new(inner: R) -> PackedRead<R> {
            PackedRead { inner, word: [0; BYTES_PER_WORD], word_pos: BYTES_PER_WORD, zeros: 0, raw: 0 }
        }

        /// The wrapped reader.
        pub fn into_inner(self) -> R {
            self.inner
        }

        fn byte(&mut self) -> io::Result<Option<u8>> {
            let buf = self.inner.fill_buf()?;
            match buf.first() {
                Some(&b) => {
                    self.inner.consume(1);
                    Ok(Some(b))
                }
                None => Ok(None),
            }
        }

        fn required_byte(&mut self) -> io::Result<u8> {
            self.byte()?.ok_or_else(|| {
                io::Error::from(Error::new(ErrorKind::InvalidPacked, "packed data ends inside a word or run"))
            })
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
                } else if self.raw > 0 {
                    let n = self.raw.min(buf.len() - written);
                    let got = self.inner.read(&mut buf[written..written + n])?;
                    if got == 0 {
                        return Err(Error::new(ErrorKind::InvalidPacked, "packed data ends inside a run").into());
                    }
                    self.raw -= got;
                    written += got;
                } else {
                    let tag = match self.byte()? {
                        Some(tag) => tag,
                        None => break,
                    };
                    for i in 0..BYTES_PER_WORD {
                        self.word[i] = if tag & (1 << i) != 0 { self.required_byte()? } else { 0 };
                    }
                    self.word_pos = 0;
                    if tag == 0 {
                        self.zeros = self.required_byte()? as usize * BYTES_PER_WORD;
                    } else if tag == 0xff {
                        self.raw = self.required_byte()? as usize * BYTES_PER_WORD;
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
            self.buf.clear();
            for piece in pieces {
                pack_into(piece, &mut self.buf);
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
        let plain = alloc::vec![0u8; 300 * 8];
        let packed = pack(&plain);
        assert_eq!(packed, [0, 255, 0, 43]);
        assert_eq!(unpack(&packed).unwrap(), plain);
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
}
