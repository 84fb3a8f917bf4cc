//! The standard stream framing, flat single segments, and messages that own their bytes.

use alloc::vec::Vec;

use crate::builder::MessageBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{MessageReader, ReaderOptions, SegmentTable};
use crate::wire::BYTES_PER_WORD;

/// The segment table for segments of the given byte lengths (whole words).
pub fn segment_table(segment_lengths: &[usize]) -> Vec<u8> {
    let mut table = Vec::with_capacity(SegmentTable::header_bytes(segment_lengths.len()));
    write_segment_table(segment_lengths.iter().copied(), &mut table);
    table
}

/// Appends the segment table for segments of the given byte lengths to `out`.
pub(crate) fn write_segment_table(segment_lengths: impl ExactSizeIterator<Item = usize>, out: &mut Vec<u8>) {
    let count = segment_lengths.len();
    out.extend_from_slice(&(count.max(1) as u32 - 1).to_le_bytes());
    for len in segment_lengths {
        out.extend_from_slice(&((len / BYTES_PER_WORD) as u32).to_le_bytes());
    }
    if count % 2 == 0 {
        out.extend_from_slice(&[0; 4]);
    }
}

/// Frames segments (segment table, then the segments) into one buffer of exactly the right
/// size: one allocation, each byte copied once.
pub fn frame_segments(segments: &[&[u8]]) -> Vec<u8> {
    frame(segments.iter().copied())
}

fn frame<'s>(segments: impl ExactSizeIterator<Item = &'s [u8]> + Clone) -> Vec<u8> {
    let total = SegmentTable::header_bytes(segments.len()) + segments.clone().map(<[u8]>::len).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    write_segment_table(segments.clone().map(<[u8]>::len), &mut out);
    for segment in segments {
        out.extend_from_slice(segment);
    }
    out
}

impl MessageBuilder {
    /// The message in the standard framing.
    pub fn to_bytes(&self) -> Vec<u8> {
        frame(self.segment_slices())
    }

    /// The message as one segment without a table (`capnp --flat`). A message that spilled
    /// into more segments is copied into one first.
    pub fn to_flat_bytes(&self) -> Result<Vec<u8>> {
        let segments = self.segments();
        if let [only] = segments[..] {
            return Ok(only.to_vec());
        }
        let reader = self.as_reader();
        crate::canonical::compact(reader.root())?
            .into_single_segment()
            .ok_or_else(|| Error::new(ErrorKind::TooLarge, "the message does not fit one segment"))
    }
}

/// A message that owns its bytes: what reading from a stream or a copy gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedMessage {
    bytes: Vec<u8>,
    /// Byte range of the first segment in `bytes`.
    first: (usize, usize),
    /// Byte ranges of the other segments (none, and no allocation, for most messages).
    rest: Vec<(usize, usize)>,
    options: ReaderOptions,
}

impl OwnedMessage {
    /// Takes framed bytes, checking the segment table (exactly one message, no trailing bytes).
    pub fn from_bytes(bytes: Vec<u8>, options: ReaderOptions) -> Result<OwnedMessage> {
        let segments: Vec<(usize, usize)> = {
            let reader = MessageReader::from_bytes(&bytes, options)?;
            let base = bytes.as_ptr() as usize;
            reader.segments().map(|s| (s.as_ptr() as usize - base, s.len())).collect()
        };
        Ok(OwnedMessage::from_parts(bytes, segments, options))
    }

    /// Takes one segment without a table.
    pub fn from_flat(bytes: Vec<u8>, options: ReaderOptions) -> Result<OwnedMessage> {
        MessageReader::from_flat(&bytes, options)?;
        let len = bytes.len();
        Ok(OwnedMessage { bytes, first: (0, len), rest: Vec::new(), options })
    }

    /// A message of `bytes` whose segments are the byte ranges `segments` (at least one).
    pub(crate) fn from_parts(
        bytes: Vec<u8>,
        mut segments: Vec<(usize, usize)>,
        options: ReaderOptions,
    ) -> OwnedMessage {
        let first = if segments.is_empty() { (0, 0) } else { segments.remove(0) };
        let rest = if segments.is_empty() { Vec::new() } else { segments };
        OwnedMessage { bytes, first, rest, options }
    }

    /// Opens the message for reading (O(number of segments)), with a fresh traversal budget.
    #[inline]
    pub fn reader(&self) -> MessageReader<'_> {
        let segment = |&(at, len): &(usize, usize)| self.bytes.get(at..at + len).unwrap_or(&[]);
        MessageReader::new(segment(&self.first), self.rest.iter().map(segment).collect(), self.options)
    }

    /// Whether the bytes held are the standard framing, a segment table before the segments
    /// (not so for a flat segment).
    pub(crate) fn is_framed(&self) -> bool {
        self.first.0 > 0
    }

    /// The bytes held: the framed message, or the flat segment.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The message in the standard framing.
    pub fn to_bytes(&self) -> Vec<u8> {
        let segments: Vec<&[u8]> = self.reader().segments().collect();
        frame_segments(&segments)
    }
}
