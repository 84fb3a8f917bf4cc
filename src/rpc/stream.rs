//! Flow control for `-> stream` methods (and any calls sent as a stream): [`StreamWriter`] keeps
//! at most a window of bytes of calls in flight, so a fast sender does not queue without bound
//! ahead of a slow receiver; a failed call fails the sends after it.

use std::collections::VecDeque;

use super::client::Promise;
use super::error::Result;
use super::typed::TypedRequest;
use crate::Struct;

/// Sends calls of a streaming method one after the other, at most `window` bytes of them in
/// flight (their messages' sizes): [`send`](Self::send) waits, when the window is full, for the
/// oldest call to return. The calls reach the server in the order sent. An error of a call
/// comes back from a later `send` or from [`finish`](Self::finish), which waits for all of them.
pub struct StreamWriter {
    window: usize,
    in_flight: VecDeque<(usize, Promise)>,
    bytes: usize,
}

impl StreamWriter {
    /// The window of 64 KiB.
    pub const DEFAULT_WINDOW: usize = 64 * 1024;

    /// A writer with a window of `window` bytes (one call is always let through, however big).
    pub fn new(window: usize) -> StreamWriter {
        StreamWriter { window, in_flight: VecDeque::new(), bytes: 0 }
    }

    /// How many calls are in flight.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Sends `request` once the window has room for it.
    pub async fn send<P: Struct, R: Struct>(&mut self, mut request: TypedRequest<P, R>) -> Result<()> {
        let size = request.untyped().size_bytes();
        while !self.in_flight.is_empty() && self.bytes + size > self.window {
            self.wait_oldest().await?;
        }
        self.bytes += size;
        let promise = request.send().into_untyped();
        self.in_flight.push_back((size, promise));
        Ok(())
    }

    async fn wait_oldest(&mut self) -> Result<()> {
        if let Some((size, promise)) = self.in_flight.pop_front() {
            self.bytes -= size;
            promise.await?;
        }
        Ok(())
    }

    /// Waits for every call sent; the first error, if one failed.
    pub async fn finish(mut self) -> Result<()> {
        while !self.in_flight.is_empty() {
            self.wait_oldest().await?;
        }
        Ok(())
    }
}

impl Default for StreamWriter {
    fn default() -> StreamWriter {
        StreamWriter::new(StreamWriter::DEFAULT_WINDOW)
    }
}
