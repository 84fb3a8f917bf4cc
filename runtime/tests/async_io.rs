//! Framed messages over `futures-io` (`--features futures-io`): read from a stream that gives
//! one byte at a time and is not ready every other poll, written to one that takes three bytes
//! at a time; each message comes out whole, nothing past it is read, truncation says where.
#![cfg(feature = "futures-io")]

use std::future::Future;
use std::io;
use std::pin::{pin, Pin};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use capnzero_runtime::{
    read_message_async, try_read_message_async, write_message_async, write_packed_message_async, ErrorKind,
    MessageBuilder, PackedMessageReader, ReaderOptions,
};
use futures_io::{AsyncRead, AsyncWrite};

/// Runs `future` to completion on this thread (a pending poll wakes at once here).
fn block_on<T>(future: impl Future<Output = T>) -> T {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(value) => return value,
            Poll::Pending => std::thread::park(),
        }
    }
}

/// One byte per read, and not ready on every other poll.
struct Trickle<'a> {
    bytes: &'a [u8],
    ready: bool,
}

impl AsyncRead for Trickle<'_> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        self.ready = !self.ready;
        if !self.ready {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        match (self.bytes.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.bytes = rest;
                Poll::Ready(Ok(1))
            }
            _ => Poll::Ready(Ok(0)),
        }
    }
}

/// Takes at most three bytes per write, and is not ready on every other poll.
#[derive(Default)]
struct Sip {
    bytes: Vec<u8>,
    ready: bool,
}

impl AsyncWrite for Sip {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.ready = !self.ready;
        if !self.ready {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let n = buf.len().min(3);
        self.bytes.extend_from_slice(&buf[..n]);
        Poll::Ready(Ok(n))
    }
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_close(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

fn message(value: u64, text: &str) -> MessageBuilder {
    let mut message = MessageBuilder::default();
    let mut root = message.init_root(1, 1);
    root.set::<u64>(0, value);
    root.pointer(0).unwrap().set_text(text).unwrap();
    message
}

#[test]
fn messages_written_and_read_in_trickles_come_out_whole() {
    let messages = [message(1, "one"), message(2, "two, a little longer"), message(3, "")];
    let mut sink = Sip::default();
    block_on(async {
        for m in &messages {
            write_message_async(&mut sink, m).await.unwrap();
        }
    });
    let expected: Vec<u8> = messages.iter().flat_map(MessageBuilder::to_bytes).collect();
    assert_eq!(sink.bytes, expected);

    let mut source = Trickle { bytes: &sink.bytes, ready: false };
    let first = block_on(read_message_async(&mut source, ReaderOptions::default())).unwrap();
    assert_eq!(first.as_bytes(), &messages[0].to_bytes()[..]);
    // Nothing of the next message was read.
    assert_eq!(source.bytes.len(), expected.len() - messages[0].to_bytes().len());
    let reader = first.reader();
    assert_eq!(reader.root_struct().unwrap().get::<u64>(0), 1);
    let mut rest = Vec::new();
    while let Some(m) = block_on(try_read_message_async(&mut source, ReaderOptions::default())).unwrap() {
        rest.push(m.reader().root_struct().unwrap().get::<u64>(0));
    }
    assert_eq!(rest, [2, 3]);
}

#[test]
fn a_truncated_stream_and_a_hostile_table_are_errors() {
    let bytes = message(9, "nine").to_bytes();
    let mut cut = Trickle { bytes: &bytes[..bytes.len() - 1], ready: false };
    let e = block_on(read_message_async(&mut cut, ReaderOptions::default())).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Truncated);
    assert!(e.to_string().contains("inside a message"), "{e}");
    let mut empty = Trickle { bytes: &[], ready: false };
    assert!(block_on(try_read_message_async(&mut empty, ReaderOptions::default())).unwrap().is_none());
    // A table announcing more than the traversal limit: refused before the body is read.
    let huge = [0u32.to_le_bytes(), u32::MAX.to_le_bytes()].concat();
    let mut hostile = Trickle { bytes: &huge, ready: false };
    let e = block_on(read_message_async(&mut hostile, ReaderOptions::default())).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge);
}

#[test]
fn packed_messages_written_and_read_in_trickles_come_out_whole() {
    let messages = [message(1, "one"), message(0, ""), message(u64::MAX, "a text of some length, packed")];
    let mut sink = Sip::default();
    block_on(async {
        for m in &messages {
            write_packed_message_async(&mut sink, m).await.unwrap();
        }
    });
    // What `write_packed_message_async` writes is what the sync writer writes.
    let expected: Vec<u8> = messages.iter().flat_map(|m| capnzero_runtime::pack(&m.to_bytes())).collect();
    assert_eq!(sink.bytes, expected);
    // One byte at a time, not ready every other poll: each message whole, then a clean end.
    let mut reader = PackedMessageReader::new(Trickle { bytes: &sink.bytes, ready: false }, ReaderOptions::default());
    let mut read = Vec::new();
    while let Some(m) = block_on(reader.next()).unwrap() {
        read.push(m.as_bytes().to_vec());
    }
    assert_eq!(read, messages.iter().map(MessageBuilder::to_bytes).collect::<Vec<_>>());
    // All at once (one read holds every message): the same.
    let mut reader = PackedMessageReader::new(&sink.bytes[..], ReaderOptions::default());
    let mut values = Vec::new();
    while let Some(m) = block_on(reader.next()).unwrap() {
        values.push(m.reader().root_struct().unwrap().get::<u64>(0));
    }
    assert_eq!(values, [1, 0, u64::MAX]);
}

#[test]
fn a_truncated_packed_stream_is_an_error_that_says_where() {
    let packed = capnzero_runtime::pack(&message(5, "five").to_bytes());
    for cut in 1..packed.len() {
        let mut reader =
            PackedMessageReader::new(Trickle { bytes: &packed[..cut], ready: false }, ReaderOptions::default());
        let e = block_on(reader.next()).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::InvalidPacked | ErrorKind::Truncated), "cut at {cut}: {e}");
    }
    // A table announcing more than the traversal limit, packed: refused before the body.
    let huge = capnzero_runtime::pack(&[0u32.to_le_bytes(), u32::MAX.to_le_bytes()].concat());
    let mut reader = PackedMessageReader::new(Trickle { bytes: &huge, ready: false }, ReaderOptions::default());
    assert_eq!(block_on(reader.next()).unwrap_err().kind(), ErrorKind::TooLarge);
}
