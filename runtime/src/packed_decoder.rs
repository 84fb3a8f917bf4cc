//! The packed encoding undone incrementally, without I/O: [`PackedDecoder`] is handed packed
//! bytes as they arrive, split anywhere, and gives unpacked bytes, never more than asked for, so
//! that a reader on top of it ([`FrameDecoder`](crate::FrameDecoder)) can stop exactly at the end
//! of a message. What a tag, a run count or a word still lacks is kept between calls.

use crate::error::{Error, ErrorKind};
use crate::wire::BYTES_PER_WORD;

/// Undoes the packed encoding of bytes handed to it in pieces (see the module's doc).
#[derive(Clone, Debug, Default)]
pub struct PackedDecoder {
    state: State,
    /// The word being read (its tag's bytes) or given out.
    word: [u8; BYTES_PER_WORD],
    /// How many bytes of `word` were given out (`BYTES_PER_WORD`: none to give).
    word_out: usize,
    /// Zero bytes still to give (a run after a zero tag).
    zeros: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum State {
    /// At a tag (a word boundary of the unpacked stream).
    #[default]
    Tag,
    /// Reading the bytes of `tag`'s word, from byte `next` on.
    Bytes { tag: u8, next: u8 },
    /// The count of the zero words after a zero tag's word.
    ZeroCount,
    /// The count of the raw words after a 0xff tag's word.
    RawCount,
    /// Raw bytes still to copy.
    Raw { left: usize },
}

impl PackedDecoder {
    /// A decoder at the start of a packed stream.
    pub fn new() -> PackedDecoder {
        PackedDecoder { word_out: BYTES_PER_WORD, ..PackedDecoder::default() }
    }

    /// Whether the decoder is at a word boundary with nothing pending: where a packed stream may
    /// end cleanly.
    pub fn at_boundary(&self) -> bool {
        self.state == State::Tag && self.word_out == BYTES_PER_WORD && self.zeros == 0
    }

    /// Whether the next byte is the count of a run (after a zero or a 0xff tag's word).
    pub fn awaits_count(&self) -> bool {
        matches!(self.state, State::ZeroCount | State::RawCount)
    }

    /// Unpacks from `input` into `out`: gives `(read, written)`, the bytes of `input` consumed
    /// and of `out` filled. It stops when `out` is full or `input` is used up; the state in
    /// between is kept for the next call.
    pub fn decode(&mut self, input: &[u8], out: &mut [u8]) -> (usize, usize) {
        let (mut read, mut written) = (0, 0);
        loop {
            // Give out what is pending first.
            if self.word_out < BYTES_PER_WORD && written < out.len() {
                let n = (BYTES_PER_WORD - self.word_out).min(out.len() - written);
                out[written..written + n].copy_from_slice(&self.word[self.word_out..self.word_out + n]);
                self.word_out += n;
                written += n;
                continue;
            }
            if self.zeros > 0 && self.word_out == BYTES_PER_WORD && written < out.len() {
                let n = self.zeros.min(out.len() - written);
                out[written..written + n].fill(0);
                self.zeros -= n;
                written += n;
                continue;
            }
            if let State::Raw { left } = self.state {
                if self.word_out == BYTES_PER_WORD {
                    let n = left.min(out.len() - written).min(input.len() - read);
                    if n == 0 {
                        return (read, written);
                    }
                    out[written..written + n].copy_from_slice(&input[read..read + n]);
                    read += n;
                    written += n;
                    self.state = if n == left { State::Tag } else { State::Raw { left: left - n } };
                    continue;
                }
            }
            // What remains needs input; a tag or a word's bytes also need room for the word
            // (so nothing of what follows a message is read when its last byte is given), a
            // run's count does not (it is the end of the word just given).
            if read == input.len() || (written == out.len() && !self.awaits_count()) {
                return (read, written);
            }
            let byte = input[read];
            read += 1;
            self.state = match self.state {
                State::Tag => {
                    self.word = [0; BYTES_PER_WORD];
                    self.next_byte(byte, 0)
                }
                State::Bytes { tag, next } => {
                    self.word[usize::from(next)] = byte;
                    self.next_byte(tag, next + 1)
                }
                State::ZeroCount => {
                    self.zeros = usize::from(byte) * BYTES_PER_WORD;
                    State::Tag
                }
                State::RawCount => match usize::from(byte) * BYTES_PER_WORD {
                    0 => State::Tag,
                    left => State::Raw { left },
                },
                State::Raw { .. } => unreachable!("raw bytes are copied above"),
            };
        }
    }

    /// After the tag `tag` (or a byte of its word), the state reading byte `from` on: the next
    /// byte the tag has, or, when the word is complete, the word given out and what follows it.
    fn next_byte(&mut self, tag: u8, from: u8) -> State {
        let mut i = from;
        while usize::from(i) < BYTES_PER_WORD && tag & (1 << i) == 0 {
            i += 1;
        }
        if usize::from(i) < BYTES_PER_WORD {
            return State::Bytes { tag, next: i };
        }
        self.word_out = 0;
        match tag {
            0 => State::ZeroCount,
            0xff => State::RawCount,
            _ => State::Tag,
        }
    }

    /// The error for a packed stream that ends here: `None` at a boundary.
    pub fn end_of_input(&self) -> Option<Error> {
        if self.at_boundary() {
            return None;
        }
        let reason = match self.state {
            State::Bytes { .. } => "packed data ends inside a word",
            State::ZeroCount | State::RawCount => "packed data ends before a run's count",
            State::Raw { .. } => "packed data ends inside a run of raw words",
            State::Tag => "packed data ends with unpacked bytes not taken",
        };
        Some(Error::new(ErrorKind::InvalidPacked, reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packed::{pack, unpack};
    use alloc::vec::Vec;

    /// Unpacks `packed` through the decoder, input in pieces of `step`, output `room` at a time.
    fn through(packed: &[u8], step: usize, room: usize) -> Vec<u8> {
        let mut decoder = PackedDecoder::new();
        let mut out = Vec::new();
        for piece in packed.chunks(step) {
            let mut piece = piece;
            loop {
                let mut buf = alloc::vec![0u8; room];
                let (read, written) = decoder.decode(piece, &mut buf);
                out.extend_from_slice(&buf[..written]);
                piece = &piece[read..];
                if read == 0 && written == 0 {
                    break;
                }
            }
        }
        assert!(decoder.at_boundary(), "the whole stream was given out");
        out
    }

    #[test]
    fn agrees_with_unpack_however_split() {
        let mut words = Vec::new();
        for i in 0u64..300 {
            let w = match i % 7 {
                0 | 1 => 0,
                2 => u64::MAX,
                3 => i * 0x0101,
                4 => 0x1122_3344_5566_7788,
                _ => i << 40,
            };
            words.extend_from_slice(&w.to_le_bytes());
        }
        let packed = pack(&words);
        assert_eq!(unpack(&packed).unwrap(), words);
        for step in [1, 2, 3, 7, 8, 9, 64, packed.len()] {
            for room in [1, 3, 8, 13, 4096] {
                assert_eq!(through(&packed, step, room), words, "step {step}, room {room}");
            }
        }
    }

    #[test]
    fn ends_are_errors_unless_at_a_word() {
        // 0xff, eight bytes, a run of 0 raw words; then 0x00 and a run of 0 zero words.
        let packed = pack(&[1u8, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(packed.len(), 12);
        for cut in 1..packed.len() {
            let mut decoder = PackedDecoder::new();
            let mut out = [0u8; 64];
            decoder.decode(&packed[..cut], &mut out);
            assert_eq!(decoder.end_of_input().is_none(), cut == 10, "cut at {cut}");
        }
        let mut decoder = PackedDecoder::new();
        let mut out = [0u8; 64];
        assert_eq!(decoder.decode(&packed, &mut out).1, 16);
        assert!(decoder.end_of_input().is_none());
    }
}
