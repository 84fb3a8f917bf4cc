//! Opening a message for reading: the segment table, the segments and the read limits.

use alloc::vec::Vec;
use core::cell::Cell;

use crate::error::{Error, ErrorKind, Result};
use crate::reader::{PointerReader, StructReader};
use crate::wire::BYTES_PER_WORD;

/// The most segments a message may have; more is treated as hostile. The reference (C++'s
/// `segmentCount < 512`) and the capnp crate refuse a table of 512 segments or more, so 511 is
/// what every reader accepts, and what capnzero's builder never goes past.
pub const MAX_SEGMENTS: usize = 511;

/// Limits that keep hostile messages from costing unbounded time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderOptions {
    /// How many words all reads of one message may visit together. Every struct or list that
    /// is opened charges its size (a list of zero-sized elements charges one word per
    /// element), so amplification and pointer cycles end in [`ErrorKind::TraversalLimitExceeded`].
    pub traversal_limit_words: u64,
    /// How deep pointers may nest below the root.
    pub nesting_limit: u32,
}

impl ReaderOptions {
    /// 8 Mi words (64 MiB) of traversal and 64 levels of nesting, as in the reference implementation.
    pub const DEFAULT: ReaderOptions = ReaderOptions { traversal_limit_words: 8 * 1024 * 1024, nesting_limit: 64 };

    /// No traversal limit and a nesting limit of 1024; for messages this process built itself
    /// (and `MessageBuilder::as_reader`). The nesting limit stays, far above what schemas and the
    /// text format build, because copying and compacting recurse once per level.
    pub const UNLIMITED: ReaderOptions = ReaderOptions { traversal_limit_words: u64::MAX, nesting_limit: 1024 };
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions::DEFAULT
    }
}

/// A message opened for reading: its segments, borrowed, and the remaining read budget.
///
/// Opening costs O(number of segments): nothing but the segment table is looked at until a
/// pointer is followed. Readers obtained from it borrow it, and every read through them is
/// checked against the segment it lands in.
pub struct MessageReader<'a> {
    first: &'a [u8],
    rest: Vec<&'a [u8]>,
    options: ReaderOptions,
    budget: Cell<u64>,
}

impl<'a> MessageReader<'a> {
    /// Opens a message in the standard framing (segment table, then segments). The bytes may
    /// have any alignment. Bytes after the last segment are an error; see
    /// [`MessageReader::from_bytes_prefix`] to read a message at the start of a longer buffer.
    pub fn from_bytes(bytes: &'a [u8], options: ReaderOptions) -> Result<MessageReader<'a>> {
        let (message, rest) = Self::from_bytes_prefix(bytes, options)?;
        if !rest.is_empty() {
            return Err(Error::with_message(
                ErrorKind::TrailingBytes,
                alloc::format!("{} bytes follow the message", rest.len()),
            ));
        }
        Ok(message)
    }

    /// Opens the framed message at the start of `bytes` and returns the bytes after it.
    pub fn from_bytes_prefix(bytes: &'a [u8], options: ReaderOptions) -> Result<(MessageReader<'a>, &'a [u8])> {
        let table = SegmentTable::parse(bytes)?;
        let mut at = table.header_bytes;
        let mut take = |words: u32| -> Result<&'a [u8]> {
            let len = words as usize * BYTES_PER_WORD;
            let segment = bytes
                .get(at..at + len)
                .ok_or_else(|| Error::new(ErrorKind::Truncated, "a segment extends past the end of the data"))?;
            at += len;
            Ok(segment)
        };
        let first = take(table.size(bytes, 0))?;
        let mut rest = Vec::with_capacity(table.count - 1);
        for i in 1..table.count {
            rest.push(take(table.size(bytes, i))?);
        }
        let message = MessageReader::new(first, rest, options);
        Ok((message, &bytes[at..]))
    }

    /// Opens a single segment given without a segment table (`capnp --flat`).
    pub fn from_flat(bytes: &'a [u8], options: ReaderOptions) -> Result<MessageReader<'a>> {
        if bytes.len() % BYTES_PER_WORD != 0 {
            return Err(Error::new(ErrorKind::Truncated, "a flat message must be a whole number of words"));
        }
        Ok(MessageReader::new(bytes, Vec::new(), options))
    }

    /// Opens a message from segments held elsewhere. Each must be a whole number of words.
    pub fn from_segments(segments: &[&'a [u8]], options: ReaderOptions) -> Result<MessageReader<'a>> {
        let (first, rest) = segments
            .split_first()
            .ok_or_else(|| Error::new(ErrorKind::InvalidSegmentTable, "a message needs at least one segment"))?;
        if segments.iter().any(|s| s.len() % BYTES_PER_WORD != 0) {
            return Err(Error::new(ErrorKind::Truncated, "a segment must be a whole number of words"));
        }
        Ok(MessageReader::new(first, rest.to_vec(), options))
    }

    pub(crate) fn new(first: &'a [u8], rest: Vec<&'a [u8]>, options: ReaderOptions) -> MessageReader<'a> {
        MessageReader { first, rest, options, budget: Cell::new(options.traversal_limit_words) }
    }

    /// The options this message was opened with.
    pub fn options(&self) -> ReaderOptions {
        self.options
    }

    /// The number of segments.
    pub fn segment_count(&self) -> usize {
        1 + self.rest.len()
    }

    /// Segment `id`'s bytes, if it exists.
    #[inline]
    pub fn segment(&self, id: u32) -> Option<&'a [u8]> {
        if id == 0 {
            Some(self.first)
        } else {
            self.rest.get(id as usize - 1).copied()
        }
    }

    /// The words the traversal limit still allows.
    pub fn traversal_budget(&self) -> u64 {
        self.budget.get()
    }

    /// Gives the traversal budget back in full, for a caller that reads the message again.
    pub fn reset_traversal_budget(&self) {
        self.budget.set(self.options.traversal_limit_words)
    }

    /// Charges `words` against the traversal limit.
    #[inline]
    pub(crate) fn charge(&self, words: u64) -> Result<()> {
        let left = self.budget.get();
        if words > left {
            self.budget.set(0);
            return Err(Error::new(
                ErrorKind::TraversalLimitExceeded,
                "the message visits more words than the traversal limit allows (amplified or cyclic pointers?)",
            ));
        }
        self.budget.set(left - words);
        Ok(())
    }

    /// The root pointer: the first word of the first segment (null when that segment is empty).
    pub fn root(&self) -> PointerReader<'_> {
        PointerReader::root(self)
    }

    /// The root as a struct; a null root reads as a struct with every field at its default.
    pub fn root_struct(&self) -> Result<StructReader<'_>> {
        Ok(self.root().get_struct()?.unwrap_or_default())
    }

    /// The segments, in order.
    pub fn segments(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        core::iter::once(self.first).chain(self.rest.iter().copied())
    }

    /// Total words in all segments.
    pub fn total_words(&self) -> usize {
        self.segments().map(|s| s.len() / BYTES_PER_WORD).sum()
    }
}

/// The standard framing's header: segment count minus one, then each segment's size in words,
/// all little-endian `u32`, padded to a whole word.
pub(crate) struct SegmentTable {
    pub count: usize,
    pub header_bytes: usize,
}

impl SegmentTable {
    /// Reads and checks the table at the start of `bytes` (its sizes stay in `bytes`).
    pub fn parse(bytes: &[u8]) -> Result<SegmentTable> {
        let first = bytes
            .get(0..4)
            .ok_or_else(|| Error::new(ErrorKind::Truncated, "the message is shorter than its segment table"))?;
        let count = u32::from_le_bytes([first[0], first[1], first[2], first[3]]) as u64 + 1;
        if count > MAX_SEGMENTS as u64 {
            return Err(Error::with_message(
                ErrorKind::InvalidSegmentTable,
                alloc::format!("the segment table announces {count} segments; at most {MAX_SEGMENTS} are accepted"),
            ));
        }
        let count = count as usize;
        let header_bytes = Self::header_bytes(count);
        if bytes.len() < header_bytes {
            return Err(Error::new(ErrorKind::Truncated, "the message is shorter than its segment table"));
        }
        let table = SegmentTable { count, header_bytes };
        let total: u64 = (0..count).map(|i| table.size(bytes, i) as u64).sum();
        let available = (bytes.len() - header_bytes) as u64 / BYTES_PER_WORD as u64;
        if total > available {
            return Err(Error::with_message(
                ErrorKind::Truncated,
                alloc::format!("the segment table announces {total} words but only {available} follow"),
            ));
        }
        Ok(table)
    }

    /// Size in bytes of the header of a message with `count` segments.
    pub fn header_bytes(count: usize) -> usize {
        (4 + 4 * count).next_multiple_of(BYTES_PER_WORD)
    }

    /// Segment `i`'s size in words; `bytes` must be the parsed buffer.
    pub fn size(&self, bytes: &[u8], i: usize) -> u32 {
        let at = 4 + 4 * i;
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }
}
