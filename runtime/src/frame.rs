//! The standard stream framing read without I/O: a [`FrameDecoder`] is handed the bytes of a
//! stream as they arrive and gives back each message as soon as its last byte is in, never
//! asking for a byte past it. The `std::io` readers (`read_message`, `read_messages`) run on it,
//! and so can any other transport: a non-blocking socket, an async stream, an RPC connection.
//!
//! ```
//! use capnzero_runtime::{FrameDecoder, MessageBuilder, ReaderOptions};
//!
//! let mut message = MessageBuilder::default();
//! message.init_root(1, 0).set::<u64>(0, 42);
//! let bytes = message.to_bytes();
//!
//! let mut decoder = FrameDecoder::new(ReaderOptions::default());
//! let mut input = &bytes[..];
//! let decoded = loop {
//!     // Feed one byte at a time, as a slow socket would.
//!     let space = decoder.space();
//!     space[0] = input[0];
//!     input = &input[1..];
//!     if let Some(message) = decoder.advance(1).unwrap() {
//!         break message;
//!     }
//! };
//! assert!(input.is_empty());
//! assert_eq!(decoded.reader().root_struct().unwrap().get::<u64>(0), 42);
//! ```

use alloc::format;
use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::message::{ReaderOptions, SegmentTable, MAX_SEGMENTS};
use crate::serialize::OwnedMessage;
use crate::wire::BYTES_PER_WORD;

/// Reads framed messages from bytes handed to it: put at most `space().len()` bytes into
/// [`space`](Self::space), then say how many with [`advance`](Self::advance). The space is
/// always exactly what the current step still needs (the rest of the first word, of the segment
/// table, of the segments), so a caller reading into it never reads past the message.
///
/// The limits are the sync readers': at most [`MAX_SEGMENTS`] segments, and a message no larger
/// than the traversal limit, checked from the segment table before the body is allocated.
#[derive(Debug)]
pub struct FrameDecoder {
    options: ReaderOptions,
    /// The first word, until it is in (no allocation before the sizes are known).
    first: [u8; 8],
    /// The message so far after its first word: segment table, then segments, as
    /// `OwnedMessage` holds it.
    bytes: Vec<u8>,
    filled: usize,
    stage: Stage,
}

#[derive(Debug)]
enum Stage {
    /// The first word: the segment count and the first segment's size.
    First,
    /// The rest of the segment table of `count` segments.
    Table { count: usize },
    /// The segments, at these (offset, length) places.
    Body { segments: Vec<(usize, usize)> },
}

impl FrameDecoder {
    /// A decoder at the start of a message.
    pub fn new(options: ReaderOptions) -> FrameDecoder {
        FrameDecoder { options, first: [0; 8], bytes: Vec::new(), filled: 0, stage: Stage::First }
    }

    /// Where the next bytes go: never empty, and never more than the message still needs.
    pub fn space(&mut self) -> &mut [u8] {
        match self.stage {
            Stage::First => &mut self.first[self.filled..],
            _ => &mut self.bytes[self.filled..],
        }
    }

    /// How many bytes the current step needs in all.
    fn step_len(&self) -> usize {
        match self.stage {
            Stage::First => self.first.len(),
            _ => self.bytes.len(),
        }
    }

    /// Whether the decoder is between messages (no byte of the next one has arrived).
    pub fn at_boundary(&self) -> bool {
        self.filled == 0 && matches!(self.stage, Stage::First)
    }

    /// Takes `n` bytes written at the start of [`space`](Self::space); the message, when they
    /// complete it (the decoder is then ready for the next one). An error for a segment table
    /// beyond the limits; the decoder is then spent.
    pub fn advance(&mut self, n: usize) -> Result<Option<OwnedMessage>> {
        self.filled = (self.filled + n).min(self.step_len());
        while self.filled == self.step_len() {
            match &mut self.stage {
                Stage::First => self.first_word()?,
                Stage::Table { count } => {
                    let count = *count;
                    self.table(count)?
                }
                Stage::Body { segments } => {
                    let segments = core::mem::take(segments);
                    let bytes = core::mem::take(&mut self.bytes);
                    self.filled = 0;
                    self.stage = Stage::First;
                    return Ok(Some(OwnedMessage::from_parts(bytes, segments, self.options)));
                }
            }
        }
        Ok(None)
    }

    /// The error for an input that ends now: `None` at a message boundary (a clean end), else
    /// where in the message it ended.
    pub fn end_of_input(&self) -> Option<Error> {
        if self.at_boundary() {
            return None;
        }
        let message = match self.stage {
            Stage::First | Stage::Table { .. } => {
                format!("the stream ended inside a segment table, after {} bytes of it", self.filled)
            }
            Stage::Body { .. } => {
                format!("the stream ended inside a message, after {} of its {} bytes", self.filled, self.bytes.len())
            }
        };
        Some(Error::with_message(ErrorKind::Truncated, message))
    }

    fn first_word(&mut self) -> Result<()> {
        let first = self.first;
        let count = u32::from_le_bytes([first[0], first[1], first[2], first[3]]) as usize + 1;
        if count > MAX_SEGMENTS {
            return Err(Error::with_message(
                ErrorKind::InvalidSegmentTable,
                format!("the segment table announces {count} segments; at most {MAX_SEGMENTS} are accepted"),
            ));
        }
        let header_bytes = SegmentTable::header_bytes(count);
        // One segment (the common case) has its size here: the buffer is allocated once.
        let single = if count == 1 { segment_words(&first, 0) } else { 0 };
        let exact = if single <= self.options.traversal_limit_words { single as usize * BYTES_PER_WORD } else { 0 };
        self.bytes = Vec::with_capacity(header_bytes + exact);
        self.bytes.extend_from_slice(&first);
        self.bytes.resize(header_bytes, 0);
        // The first word is in `bytes` now, and counts as filled there.
        self.stage = Stage::Table { count };
        Ok(())
    }

    fn table(&mut self, count: usize) -> Result<()> {
        let total_words: u64 = (0..count).map(|i| segment_words(&self.bytes, i)).sum();
        if total_words > self.options.traversal_limit_words {
            return Err(Error::with_message(
                ErrorKind::TooLarge,
                format!(
                    "the message has {total_words} words, more than the traversal limit of {}",
                    self.options.traversal_limit_words
                ),
            ));
        }
        let mut at = self.bytes.len();
        let segments = (0..count)
            .map(|i| {
                let place = (at, segment_words(&self.bytes, i) as usize * BYTES_PER_WORD);
                at += place.1;
                place
            })
            .collect();
        // Below the traversal limit, so a hostile table cannot make this allocate much.
        self.bytes.resize(at, 0);
        self.stage = Stage::Body { segments };
        Ok(())
    }
}

/// The size in words of segment `i`, from the segment table `table` (which has entry `i`).
fn segment_words(table: &[u8], i: usize) -> u64 {
    u32::from_le_bytes([table[4 + 4 * i], table[5 + 4 * i], table[6 + 4 * i], table[7 + 4 * i]]) as u64
}
