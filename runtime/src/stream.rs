//! Reading and writing framed messages over `std::io`, plain and packed.

use std::io::{self, BufRead, Read, Write};
use std::vec::Vec;

use crate::builder::MessageBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::frame::FrameDecoder;
use crate::message::{ReaderOptions, SegmentTable};
use crate::packed::{PackedRead, PackedWrite};
use crate::serialize::{segment_table, write_segment_table, OwnedMessage};

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
    // The decoder asks for exactly what the message still needs: nothing past it is read.
    let mut decoder = FrameDecoder::new(options);
    loop {
        match reader.read(decoder.space()) {
            Ok(0) => return decoder.end_of_input().map_or(Ok(None), Err),
            Ok(n) => {
                if let Some(message) = decoder.advance(n)? {
                    return Ok(Some(message));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
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
