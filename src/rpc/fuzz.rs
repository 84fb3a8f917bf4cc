//! The RPC message handler driven without I/O, for the fuzz target `rpc_messages` (and its
//! replay in `cargo test`): a connection serving a small bootstrap object is fed the framed
//! messages of an arbitrary input, one by one; the calls they start are polled to completion (or
//! dropped when they would wait); what the connection sends back is read again and must be a
//! well-formed RPC message. Not a stable API.

use core::task::{Context, Poll, Waker};
use std::sync::Arc;
use std::task::Wake;
use std::vec::Vec;

use super::client::{BoxFuture, Client, Server};
use super::connection::Conn;
use super::error::{Error, Result};
use super::payload::{Params, Results};
use super::{wire, RpcOptions};
use crate::{FrameDecoder, OwnedMessage, ReaderOptions, Struct};

struct Noop;

impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

/// The bootstrap object: method 0 echoes its parameters as results (capabilities included),
/// method 1 returns itself, method 2 fails, method 3 never returns, others are unimplemented.
struct Echo;

impl Server for Echo {
    fn call(
        self: Arc<Self>,
        _: u64,
        method_id: u16,
        params: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results>> {
        std::boxed::Box::pin(async move {
            match method_id {
                0 => {
                    let message = params.frame.reader();
                    let content = super::payload::content_of(&message, true)?;
                    results.content()?.set_copy_of(content)?;
                    results.caps = params.caps.clone();
                    Ok(results)
                }
                1 => {
                    let index = results.add_cap(Client::new(Echo));
                    let mut content = results.content()?;
                    if let Some(mut pointer) = content.reborrow().init_struct(0, 1).pointer(0) {
                        pointer.set_capability(index);
                    }
                    Ok(results)
                }
                2 => Err(Error::overloaded("asked to fail")),
                3 => std::future::pending().await,
                _ => Err(Error::unimplemented("no such method")),
            }
        })
    }
}

/// How many connection states exist in the process (each `RpcConnection` has one until its
/// driver and everything referring to it are gone). For leak tests.
pub fn live_connections() -> usize {
    super::connection::LIVE.load(core::sync::atomic::Ordering::SeqCst)
}

/// What one run did: messages handled, messages sent back, whether the connection closed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub handled: usize,
    pub sent: usize,
    pub closed: bool,
    /// Calls still queued on answers that have not returned, when the input ended.
    pub queued: usize,
}

/// Feeds `input`'s framed messages to a connection (see the module's doc). Panics only on a
/// bug: an outgoing message that does not read back, or a table left non-empty after close.
pub fn feed(input: &[u8]) -> Outcome {
    let options = RpcOptions {
        reader: ReaderOptions { traversal_limit_words: 1 << 16, nesting_limit: 32 },
        max_answers: 64,
        max_questions: 64,
        ..RpcOptions::default()
    };
    let conn = Conn::new(Some(Client::new(Echo)), options);
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut outcome = Outcome::default();
    // A question of our own, so Returns and pipelined descriptors have something to name.
    let bootstrap = Conn::bootstrap(&conn);
    let mut decoder = FrameDecoder::new(options.reader);
    let mut rest = input;
    let mut running: Vec<(u32, u64, BoxFuture<Result<Results>>)> = Vec::new();
    while !rest.is_empty() && !outcome.closed {
        let space = decoder.space();
        let take = space.len().min(rest.len());
        space[..take].copy_from_slice(&rest[..take]);
        rest = &rest[take..];
        let message = match decoder.advance(take) {
            Ok(None) => continue,
            Ok(Some(message)) => message,
            Err(_) => break,
        };
        outcome.handled += 1;
        let handled = conn.lock().handle(&conn, message);
        if let Err(close) = handled {
            let mut state = conn.lock();
            if close.abort {
                state.send_abort(&close.error);
            }
            state.close(close.error);
            outcome.closed = true;
        }
        // Start what the message asked for, poll everything once, drop what waits.
        let (deliveries, cancelled, graveyard) = {
            let mut state = conn.lock();
            (
                core::mem::take(&mut state.deliveries),
                core::mem::take(&mut state.cancelled),
                core::mem::take(&mut state.graveyard),
            )
        };
        drop(graveyard);
        running.retain(|(id, serial, _)| !cancelled.contains(&(*id, *serial)));
        for d in deliveries {
            if cancelled.contains(&(d.answer_id, d.serial)) {
                continue;
            }
            let future = d.target.dispatch(d.interface_id, d.method_id, d.params, Results::new(d.answer_id));
            running.push((d.answer_id, d.serial, future));
        }
        let mut index = 0;
        while index < running.len() {
            match running[index].2.as_mut().poll(&mut cx) {
                Poll::Pending => index += 1,
                Poll::Ready(result) => {
                    let (id, serial, _) = running.remove(index);
                    conn.lock().return_answer(&conn, id, serial, result);
                }
            }
        }
        let dropped = conn.take_dropped();
        let mut state = conn.lock();
        for d in dropped {
            state.on_dropped(d);
        }
        let mut out = Vec::new();
        state.take_outbox(&mut out);
        drop(state);
        outcome.sent += check_sent(&out);
    }
    outcome.queued = conn.lock().queued_calls();
    drop(running);
    drop(bootstrap);
    conn.lock().close(Error::disconnected("the input ended"));
    loop {
        let graveyard = core::mem::take(&mut conn.lock().graveyard);
        let dropped = conn.take_dropped();
        if graveyard.is_empty() && dropped.is_empty() {
            break;
        }
        drop(graveyard);
        let mut state = conn.lock();
        for d in dropped {
            state.on_dropped(d);
        }
    }
    assert!(conn.lock().is_empty(), "a closed connection holds no entries once its clients are gone");
    outcome
}

/// Reads back every message in `bytes` (what the connection sent): each must be a well-formed
/// framed RPC message whose body is set. Gives how many there were.
fn check_sent(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    while !bytes.is_empty() {
        let (message, rest) = crate::MessageReader::from_bytes_prefix(bytes, ReaderOptions::default())
            .expect("the connection sends well-framed messages");
        let root = message.root().get_struct().expect("a readable root").expect("a root");
        let message = <wire::Message as Struct>::wrap_reader(root);
        assert!(
            !matches!(message.which(), wire::message::Which::Unknown(_)),
            "the connection sends only message kinds of rpc.capnp"
        );
        let _ = OwnedMessage::from_bytes(bytes[..bytes.len() - rest.len()].to_vec(), ReaderOptions::default())
            .expect("an owned copy reads too");
        bytes = rest;
        count += 1;
    }
    count
}
