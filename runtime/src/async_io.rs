//! Framed and packed messages over `futures-io`'s `AsyncRead` and `AsyncWrite` (the
//! `futures-io` feature): the same framing and limits as the `std::io` readers, through the same
//! [`FrameDecoder`], so a message is returned as soon as its last byte is in; a framed read
//! reads nothing past it, a packed stream is read by a [`PackedMessageReader`] that keeps what it
//! read ahead. Usable without RPC, on any executor.

use core::future::poll_fn;
use core::pin::Pin;
use std::io;

use futures_io::{AsyncRead, AsyncWrite};

use crate::builder::MessageBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::frame::FrameDecoder;
use crate::message::ReaderOptions;
use crate::packed_decoder::PackedDecoder;
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

/// Writes `message` packed (its segment table, then its segments, each packed as the reference
/// packs them); it does not flush.
pub async fn write_packed_message_async<W: AsyncWrite + Unpin>(writer: &mut W, message: &MessageBuilder) -> Result<()> {
    let mut table = std::vec::Vec::new();
    write_segment_table(message.segment_slices().map(<[u8]>::len), &mut table);
    let mut pieces = std::vec![&table[..]];
    pieces.extend(message.segment_slices());
    write_all(writer, &crate::packed::pack_pieces(&pieces)).await
}

/// Reads packed messages one after another from a stream, with the limits of
/// [`FrameDecoder`]: each message is returned as soon as its last word is in. Reads take what
/// the stream has (up to 64 KiB); the bytes read past a message are kept for the next one, so
/// one reader serves the whole stream.
pub struct PackedMessageReader<R> {
    reader: R,
    options: ReaderOptions,
    buf: std::vec::Vec<u8>,
    pos: usize,
    end: usize,
}

impl<R: AsyncRead + Unpin> PackedMessageReader<R> {
    /// A reader of the packed messages of `reader`.
    pub fn new(reader: R, options: ReaderOptions) -> PackedMessageReader<R> {
        PackedMessageReader { reader, options, buf: std::vec::Vec::new(), pos: 0, end: 0 }
    }

    /// The next message, or `None` when the stream ends cleanly before its first byte; any
    /// other end is an error that says where it ended.
    pub async fn next(&mut self) -> Result<Option<OwnedMessage>> {
        let mut frame = FrameDecoder::new(self.options);
        let mut packed = PackedDecoder::new();
        let mut started = false;
        let message = loop {
            if self.pos == self.end && !self.fill().await? {
                if !started {
                    return Ok(None);
                }
                let error = packed.end_of_input().or_else(|| frame.end_of_input());
                return Err(
                    error.unwrap_or_else(|| Error::new(ErrorKind::Truncated, "the stream ended inside a message"))
                );
            }
            let (read, written) = packed.decode(&self.buf[self.pos..self.end], frame.space());
            self.pos += read;
            started |= read > 0;
            if written > 0 {
                if let Some(message) = frame.advance(written)? {
                    break message;
                }
            }
        };
        // The message's last word may still have its run count to come (0, as a message is
        // packed on its own); a run that goes on is an error.
        while !packed.at_boundary() {
            if !packed.awaits_count() {
                return Err(Error::new(ErrorKind::InvalidPacked, "a packed run goes past the end of a message"));
            }
            if self.pos == self.end && !self.fill().await? {
                return Err(Error::new(ErrorKind::InvalidPacked, "packed data ends before a run's count"));
            }
            let (read, _) = packed.decode(&self.buf[self.pos..self.end], &mut []);
            self.pos += read;
        }
        Ok(Some(message))
    }

    /// Reads what the stream has into the buffer; `false` at its end.
    async fn fill(&mut self) -> Result<bool> {
        if self.buf.is_empty() {
            self.buf = std::vec![0; 64 * 1024];
        }
        loop {
            match poll_fn(|cx| Pin::new(&mut self.reader).poll_read(cx, &mut self.buf)).await {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    self.pos = 0;
                    self.end = n.min(self.buf.len());
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The wrapped stream (bytes read past the last message returned are dropped).
    pub fn into_inner(self) -> R {
        self.reader
    }
}
