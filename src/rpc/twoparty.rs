//! The two-party vat network of `rpc-twoparty.capnp` over any byte stream: [`RpcConnection`]
//! is the future that drives one connection. It reads messages (framed, the same
//! [`FrameDecoder`] and limits as every reader), hands them to the connection state, starts
//! the calls they make on local objects and polls them, and writes what the state queued. It
//! stops reading while more than `RpcOptions::max_queued_bytes` wait to be written, so a peer
//! that sends calls and does not read their results cannot grow the queue without bound.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::io;
use std::sync::Arc;
use std::vec::Vec;

use futures_io::{AsyncRead, AsyncWrite};

use super::client::{BoxFuture, Client};
use super::connection::{Close, Conn};
use super::error::{Error, Result};
use super::payload::Results;
use super::RpcOptions;
use crate::FrameDecoder;

/// How much one read asks the peer's stream for.
const READ_CHUNK: usize = 64 * 1024;

struct Running {
    answer_id: u32,
    serial: u64,
    future: BoxFuture<Result<Results>>,
}

/// One two-party RPC connection over `reader` and `writer` (the two halves of a socket or
/// pipe). Spawn it (or await it): it resolves when the connection ends, `Ok` when the peer
/// closed it cleanly, `Err` when it was aborted or failed. [`bootstrap`](Self::bootstrap) gives
/// the peer's bootstrap capability; the `bootstrap` given to [`new`](Self::new) is what the peer
/// gets from its own.
pub struct RpcConnection<R, W> {
    conn: Arc<Conn>,
    reader: R,
    writer: W,
    decoder: FrameDecoder,
    options: RpcOptions,
    running: Vec<Running>,
    /// Bytes read from the peer and not yet fed to the decoder (`read_buf[read_pos..read_end]`):
    /// reads take what the socket has, many messages at a time.
    read_buf: Vec<u8>,
    read_pos: usize,
    read_end: usize,
    write_buf: Vec<u8>,
    written: usize,
    flush: bool,
    read_closed: bool,
    end: Option<core::result::Result<(), Error>>,
}

impl<R, W> RpcConnection<R, W>
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    /// A connection serving `bootstrap` (if any) to the peer, with the default limits.
    pub fn new(reader: R, writer: W, bootstrap: Option<Client>) -> RpcConnection<R, W> {
        RpcConnection::with_options(reader, writer, bootstrap, RpcOptions::default())
    }

    /// A connection with the limits of `options`.
    pub fn with_options(reader: R, writer: W, bootstrap: Option<Client>, options: RpcOptions) -> RpcConnection<R, W> {
        RpcConnection {
            conn: Conn::new(bootstrap, options),
            reader,
            writer,
            decoder: FrameDecoder::new(options.reader),
            options,
            running: Vec::new(),
            read_buf: Vec::new(),
            read_pos: 0,
            read_end: 0,
            write_buf: Vec::new(),
            written: 0,
            flush: false,
            read_closed: false,
            end: None,
        }
    }

    /// The peer's bootstrap capability, usable at once: calls on it are pipelined on the
    /// `Bootstrap` question.
    pub fn bootstrap(&self) -> Client {
        let client = Conn::bootstrap(&self.conn);
        self.conn.wake();
        client
    }

    /// Handles what clients dropped, the messages read, and the calls to start; whether
    /// anything happened.
    fn step_read(&mut self, cx: &mut Context<'_>) -> bool {
        let mut progress = false;
        let dropped = self.conn.take_dropped();
        if !dropped.is_empty() {
            let mut state = self.conn.lock();
            for d in dropped {
                state.on_dropped(d);
            }
            progress = true;
        }
        if self.read_closed || self.end.is_some() || self.conn.lock().outbox_full() {
            return progress;
        }
        if self.read_pos == self.read_end {
            if self.read_buf.is_empty() {
                self.read_buf = vec![0; READ_CHUNK];
            }
            self.read_pos = 0;
            self.read_end = 0;
            let read = Pin::new(&mut self.reader).poll_read(cx, &mut self.read_buf);
            match read {
                Poll::Pending => return progress,
                Poll::Ready(Ok(0)) => {
                    self.read_closed = true;
                    let (error, clean) = match self.decoder.end_of_input() {
                        Some(error) => {
                            (Error::disconnected(format!("the peer closed the connection mid-message: {error}")), false)
                        }
                        None => (Error::disconnected("the peer closed the connection"), true),
                    };
                    self.close(Close { error, abort: false }, clean);
                    return true;
                }
                Poll::Ready(Ok(n)) => self.read_end = n.min(self.read_buf.len()),
                Poll::Ready(Err(e)) => {
                    if e.kind() != io::ErrorKind::Interrupted {
                        self.read_closed = true;
                        let error = Error::disconnected(format!("reading failed: {e}"));
                        self.close(Close { error, abort: false }, false);
                    }
                    return true;
                }
            }
        }
        // Feed the decoder what was read, up to one whole message.
        while self.read_pos < self.read_end {
            let space = self.decoder.space();
            let take = space.len().min(self.read_end - self.read_pos);
            space[..take].copy_from_slice(&self.read_buf[self.read_pos..self.read_pos + take]);
            self.read_pos += take;
            match self.decoder.advance(take) {
                Ok(None) => {}
                Ok(Some(message)) => {
                    let conn = self.conn.clone();
                    let handled = conn.lock().handle(&conn, message);
                    if let Err(close) = handled {
                        self.close(close, false);
                    }
                    return true;
                }
                Err(error) => {
                    let error = Error::failed(format!("unreadable message: {error}"));
                    self.close(Close { error, abort: true }, false);
                    return true;
                }
            }
        }
        true
    }

    fn close(&mut self, close: Close, clean: bool) {
        let mut state = self.conn.lock();
        if close.abort {
            state.send_abort(&close.error);
        }
        state.close(close.error.clone());
        let graveyard = core::mem::take(&mut state.graveyard);
        drop(state);
        drop(graveyard);
        self.running.clear();
        if self.end.is_none() {
            self.end = Some(if clean { Ok(()) } else { Err(close.error) });
        }
    }

    /// Starts the calls the state queued and polls the running ones.
    fn step_calls(&mut self, cx: &mut Context<'_>) -> bool {
        let (deliveries, cancelled, graveyard) = {
            let mut state = self.conn.lock();
            (
                core::mem::take(&mut state.deliveries),
                core::mem::take(&mut state.cancelled),
                core::mem::take(&mut state.graveyard),
            )
        };
        let mut progress = !deliveries.is_empty() || !cancelled.is_empty() || !graveyard.is_empty();
        drop(graveyard);
        if !cancelled.is_empty() {
            self.running.retain(|r| !cancelled.contains(&(r.answer_id, r.serial)));
        }
        for d in deliveries {
            // A delivery whose answer was finished meanwhile is not started.
            if cancelled.contains(&(d.answer_id, d.serial)) {
                continue;
            }
            let results = Results::new(d.answer_id);
            let future = d.target.dispatch(d.interface_id, d.method_id, d.params, results);
            self.running.push(Running { answer_id: d.answer_id, serial: d.serial, future });
        }
        // Polled in the order they started; those done leave in one pass, in that order.
        let mut finished = Vec::new();
        self.running.retain_mut(|running| match running.future.as_mut().poll(cx) {
            Poll::Pending => true,
            Poll::Ready(result) => {
                finished.push((running.answer_id, running.serial, result));
                false
            }
        });
        if !finished.is_empty() {
            progress = true;
            let conn = self.conn.clone();
            let mut state = conn.lock();
            for (answer_id, serial, result) in finished {
                state.return_answer(&conn, answer_id, serial, result);
            }
        }
        progress
    }

    /// Writes what is queued; whether anything was written.
    fn step_write(&mut self, cx: &mut Context<'_>) -> bool {
        let mut progress = false;
        loop {
            if self.written == self.write_buf.len() {
                self.write_buf.clear();
                self.written = 0;
                self.conn.lock().take_outbox(&mut self.write_buf);
                if self.write_buf.is_empty() {
                    break;
                }
            }
            match Pin::new(&mut self.writer).poll_write(cx, &self.write_buf[self.written..]) {
                Poll::Pending => return progress,
                Poll::Ready(Ok(0)) => {
                    self.fail_write(io::ErrorKind::WriteZero.into());
                    return true;
                }
                Poll::Ready(Ok(n)) => {
                    self.written += n;
                    self.flush = true;
                    progress = true;
                }
                Poll::Ready(Err(e)) if e.kind() == io::ErrorKind::Interrupted => {}
                Poll::Ready(Err(e)) => {
                    self.fail_write(e);
                    return true;
                }
            }
        }
        if self.flush {
            match Pin::new(&mut self.writer).poll_flush(cx) {
                Poll::Ready(Ok(())) => self.flush = false,
                Poll::Ready(Err(e)) => self.fail_write(e),
                Poll::Pending => {}
            }
        }
        progress
    }

    fn fail_write(&mut self, error: io::Error) {
        self.write_buf.clear();
        self.written = 0;
        self.close(Close { error: Error::disconnected(format!("writing failed: {error}")), abort: false }, false);
        self.conn.lock().take_outbox(&mut Vec::new());
    }
}

impl<R, W> Future for RpcConnection<R, W>
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    type Output = core::result::Result<(), Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        this.conn.set_waker(cx.waker());
        let mut budget = this.options.messages_per_poll;
        loop {
            let mut progress = this.step_read(cx);
            progress |= this.step_calls(cx);
            progress |= this.step_write(cx);
            if let Some(end) = &this.end {
                if this.written == this.write_buf.len() && this.conn.lock().outbox_is_empty() && !this.flush {
                    let _ = Pin::new(&mut this.writer).poll_close(cx);
                    return Poll::Ready(end.clone());
                }
            }
            if !progress {
                return Poll::Pending;
            }
            budget = budget.saturating_sub(1);
            if budget == 0 {
                // Let other tasks run; come back at once.
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
        }
    }
}

impl<R, W> Drop for RpcConnection<R, W> {
    fn drop(&mut self) {
        let mut state = self.conn.lock();
        state.close(Error::disconnected("the connection's driver was dropped"));
        let graveyard = core::mem::take(&mut state.graveyard);
        drop(state);
        drop(graveyard);
    }
}
