//! Framed messages over `futures-io`'s `AsyncRead` and `AsyncWrite` (the `futures-io` feature):
//! the same framing and limits as the `std::io` readers, through the same [`FrameDecoder`], so a
//! message is returned as soon as its last byte is in and nothing past it is read. Usable
//! without RPC, on any executor.

use core::future::poll_fn;
use core::pin::Pin;
use std::io;

use futures_io::{AsyncRead, AsyncWrite};

use crate::builder::MessageBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::frame::FrameDecoder;
use crate::message::ReaderOptions;
use crate::serialize::{write_segment_table, OwnedMessage};

/// Reads one framed message, or `None` when the input ends cleanly before its first byte; any
/// other end is a `Truncated` error that says where it ended. Limits as [`FrameDecoder`]'s.
pub async fn try_read_message_async<R: AsyncRead + Unpin>(
    reader: &mut R,
    options: ReaderOptions,
) -> Result<Option<OwnedMessage>> {
    let mut decoder = FrameDecoder::new(options);
    loop {
        let read = poll_fn(|cx| Pin::new(&mut *reader).poll_read(cx, decoder.space())).await;
        match read {
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

/// Reads one framed message; the end of input before it is an error.
pub async fn read_message_async<R: AsyncRead + Unpin>(reader: &mut R, options: ReaderOptions) -> Result<OwnedMessage> {
    try_read_message_async(reader, options)
        .await?
        .ok_or_else(|| Error::new(ErrorKind::Truncated, "the stream ended before a message"))
}

/// Writes `message` in the standard framing (segment table, then segments), as
/// [`write_message`](crate::write_message) does; it does not flush.
pub async fn write_message_async<W: AsyncWrite + Unpin>(writer: &mut W, message: &MessageBuilder) -> Result<()> {
    let mut table = std::vec::Vec::new();
    write_segment_table(message.segment_slices().map(<[u8]>::len), &mut table);
    write_all(writer, &table).await?;
    for segment in message.segment_slices() {
        write_all(writer, segment).await?;
    }
    Ok(())
}

async fn write_all<W: AsyncWrite + Unpin>(writer: &mut W, mut bytes: &[u8]) -> Result<()> {
    while !bytes.is_empty() {
        match poll_fn(|cx| Pin::new(&mut *writer).poll_write(cx, bytes)).await {
            Ok(0) => return Err(Error::new(ErrorKind::Io, "the stream took no more bytes")),
            Ok(n) => bytes = &bytes[n.min(bytes.len())..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
