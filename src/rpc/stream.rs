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

/// The order of calls on one object with `-> stream` methods, as the C++ implementation keeps
/// it: a streaming call runs alone — the calls that arrive after it wait until it returns — and
/// the calls waiting go on in the order they arrived. Generated `Dispatch`es hold one.
#[derive(Clone, Default)]
pub struct StreamQueue {
    inner: std::sync::Arc<std::sync::Mutex<QueueState>>,
}

#[derive(Default)]
struct QueueState {
    /// A streaming call is running: later calls wait.
    blocked: bool,
    /// The tickets waiting, in arrival order: (ticket, streaming, waker).
    waiting: VecDeque<(u64, bool, Option<core::task::Waker>)>,
    /// The tickets let through, not yet taken by their calls.
    admitted: std::collections::HashSet<u64>,
    next: u64,
}

impl StreamQueue {
    /// A call arriving (`streaming` for a `-> stream` method): its turn, to await before it runs
    /// and to hold while it runs. Take it in arrival order (before any `.await`).
    pub fn admit(&self, streaming: bool) -> Turn {
        let mut state = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let ticket = state.next;
        state.next += 1;
        if !state.blocked && state.waiting.is_empty() {
            state.blocked |= streaming;
            state.admitted.insert(ticket);
        } else {
            state.waiting.push_back((ticket, streaming, None));
        }
        Turn { queue: self.clone(), ticket, streaming, running: false }
    }

    /// A streaming call returned: lets the waiting calls through, up to the next streaming one.
    fn unblock(&self) {
        let mut state = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        state.blocked = false;
        let mut wakers = Vec::new();
        while !state.blocked {
            let Some((ticket, streaming, waker)) = state.waiting.pop_front() else { break };
            state.blocked = streaming;
            state.admitted.insert(ticket);
            wakers.extend(waker);
        }
        drop(state);
        wakers.into_iter().for_each(core::task::Waker::wake);
    }
}

/// A call's turn on a [`StreamQueue`]: a future that is ready when the call may run; held while
/// it runs (a streaming call's lets the calls after it through when dropped).
pub struct Turn {
    queue: StreamQueue,
    ticket: u64,
    streaming: bool,
    running: bool,
}

impl core::future::Future for Turn {
    type Output = ();

    fn poll(mut self: core::pin::Pin<&mut Self>, cx: &mut core::task::Context<'_>) -> core::task::Poll<()> {
        let mut state = self.queue.inner.lock().unwrap_or_else(|e| e.into_inner());
        if state.admitted.remove(&self.ticket) {
            drop(state);
            self.running = true;
            return core::task::Poll::Ready(());
        }
        if self.running {
            return core::task::Poll::Ready(());
        }
        let ticket = self.ticket;
        if let Some(entry) = state.waiting.iter_mut().find(|(t, _, _)| *t == ticket) {
            entry.2 = Some(cx.waker().clone());
        }
        core::task::Poll::Pending
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        let mut state = self.queue.inner.lock().unwrap_or_else(|e| e.into_inner());
        if !self.running {
            // Never ran (cancelled while waiting, or admitted and dropped before polled).
            let ticket = self.ticket;
            state.waiting.retain(|(t, _, _)| *t != ticket);
            let was_admitted = state.admitted.remove(&ticket);
            drop(state);
            if was_admitted && self.streaming {
                self.queue.unblock();
            }
            return;
        }
        drop(state);
        if self.streaming {
            self.queue.unblock();
        }
    }
}
