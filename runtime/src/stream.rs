//! Reading and writing framed messages over `std::io`, plain and packed.

use std::io::{self, BufRead, Read, Write};
use std::vec::Vec;

use crate::builder::MessageBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ReaderOptions, SegmentTable, MAX_SEGMENTS};
use crate::packed::{PackedRead, PackedWrite};
use crate::serialize::{segment_table, write_segment_table, OwnedMessage};
use crate::wire::BYTES_PER_WORD;

/// Reads one framed message. The end of input before the message is an error; see
/// [`try_read_message`] for a stream of messages.
pub fn read_message<R: Read>(reader: R, options: ReaderOptions) -> Result<OwnedMessage> {
    try_read_message(reader, options)?
        .ok_or_else(|| Error::new(ErrorKind::Truncated, "the stream ended before a message"))
}

/// Reads one framed message, or `None` when the input ends cleanly before its first byte.
/// Any other truncation is an error. The segment table's total size is checked against the
/// traversal limit before anything is allocated, so a hostile header cannot make it allocate
/// more than the limit allows.
pub fn try_read_message<R: Read>(mut reader: R, options: ReaderOptions) -> Result<Option<OwnedMessage>> {
    let mut first = [0u8; 8];
    let mut got = 0;
    while got < first.len() {
        match reader.read(&mut first[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(Error::new(ErrorKind::Truncated, "the stream ended inside a segment table")),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let count = u32::from_le_bytes([first[0], first[1], first[2], first[3]]) as usize + 1;
    if count > MAX_SEGMENTS {
        return Err(Error::with_message(
            ErrorKind::InvalidSegmentTable,
            format!("the segment table announces {count} segments; at most {MAX_SEGMENTS} are accepted"),
        ));
    }
    // The message is kept framed, table and segments in one buffer, as `OwnedMessage::from_bytes`
    // holds it: a typed message takes it as it is.
    let header_bytes = SegmentTable::header_bytes(count);
    // One segment (the common case) has its size in `first`: the buffer is allocated once.
    let single = if count == 1 { segment_words(&first, 0) } else { 0 };
    let exact = if single <= options.traversal_limit_words { single as usize * BYTES_PER_WORD } else { 0 };
    let mut bytes = Vec::with_capacity(header_bytes + exact);
    bytes.extend_from_slice(&first);
    bytes.resize(header_bytes, 0);
    reader.read_exact(&mut bytes[8..])?;
    let total_words: u64 = (0..count).map(|i| segment_words(&bytes, i)).sum();
    if total_words > options.traversal_limit_words {
        return Err(Error::with_message(
            ErrorKind::TooLarge,
            format!(
                "the message has {total_words} words, more than the traversal limit of {}",
                options.traversal_limit_words
            ),
        ));
    }
    let mut at = header_bytes;
    let segments = (0..count)
        .map(|i| {
            let range = (at, segment_words(&bytes, i) as usize * BYTES_PER_WORD);
            at += range.1;
            range
        })
        .collect();
    // Below the traversal limit, so a hostile table cannot make this allocate much.
    bytes.resize(header_bytes + total_words as usize * BYTES_PER_WORD, 0);
    reader.read_exact(&mut bytes[header_bytes..])?;
    Ok(Some(OwnedMessage::from_parts(bytes, segments, options)))
}

/// The size in words of segment `i`, from the segment table `table` (which has entry `i`).
fn segment_words(table: &[u8], i: usize) -> u64 {
    u32::from_le_bytes([table[4 + 4 * i], table[5 + 4 * i], table[6 + 4 * i], table[7 + 4 * i]]) as u64
}

/// The framed messages of a stream, until it ends cleanly at a message boundary.
pub struct MessageStream<R> {
    reader: R,
    options: ReaderOptions,
    done: bool,
}

impl<R: Read> Iterator for MessageStream<R> {
    type Item = Result<OwnedMessage>;

    fn next(&mut self) -> Option<Result<OwnedMessage>> {
        if self.done {
            return None;
        }
        let next = try_read_message(&mut self.reader, self.options).transpose();
        if !matches!(next, Some(Ok(_))) {
            self.done = true;
        }
        next
    }
}

/// Iterates over the framed messages of `reader`; a clean end of input at a message boundary
/// ends the iteration, any other truncation yields an error (and ends it).
pub fn read_messages<R: Read>(reader: R, options: ReaderOptions) -> MessageStream<R> {
    MessageStream { reader, options, done: false }
}

/// Reads one packed message.
pub fn read_packed_message<R: BufRead>(reader: R, options: ReaderOptions) -> Result<OwnedMessage> {
    read_message(PackedRead::new(reader), options)
}

/// Iterates over the packed messages of `reader`.
pub fn read_packed_messages<R: BufRead>(reader: R, options: ReaderOptions) -> MessageStream<PackedRead<R>> {
    read_messages(PackedRead::new(reader), options)
}

/// Writes `message` in the standard framing.
pub fn write_message<W: Write>(mut writer: W, message: &MessageBuilder) -> Result<()> {
    let mut table = Vec::with_capacity(SegmentTable::header_bytes(message.segment_count()));
    write_segment_table(message.segment_slices().map(<[u8]>::len), &mut table);
    writer.write_all(&table)?;
    for segment in message.segment_slices() {
        writer.write_all(segment)?;
    }
    Ok(())
}

/// Writes `message` packed, byte for byte as the reference implementation packs it.
pub fn write_packed_message<W: Write>(writer: W, message: &MessageBuilder) -> Result<()> {
    let segments = message.segments();
    let lengths: Vec<usize> = segments.iter().map(|s| s.len()).collect();
    let table = segment_table(&lengths);
    let mut pieces = Vec::with_capacity(segments.len() + 1);
    pieces.push(&table[..]);
    pieces.extend(segments);
    PackedWrite::new(writer).write_pieces(&pieces)?;
    Ok(())
}
