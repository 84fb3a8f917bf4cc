//! Cap'n Proto RPC (the `rpc` feature): capabilities, calls, promise pipelining, and the
//! two-party network over any `futures-io` byte stream (with the `tokio` feature,
//! [`TokioIo`] carries tokio's streams). See `docs/rpc.md`.
//!
//! - A [`Client`] is a capability: a local object ([`Client::new`] on a [`Server`]), one
//!   imported from a connection, or one promised by a call not yet returned.
//! - [`Client::new_call`] gives a [`Request`]; [`Request::send`] sends it at once and gives a
//!   [`Promise`] of the [`Response`]; [`Promise::pipeline`] gives the capabilities of the
//!   results before they arrive (pipelining: calls on them go out without waiting).
//! - [`RpcConnection`] drives one connection; its [`bootstrap`](RpcConnection::bootstrap) is
//!   the peer's bootstrap capability.
//!
//! The protocol is level 1 of `rpc.capnp` (no three-party handoff), wire-compatible with the
//! C++ implementation; the connection's state is sans-I/O (`connection.rs`), fed whole
//! messages, and everything is `Send + Sync`.

mod client;
mod connection;
mod error;
#[doc(hidden)]
pub mod fuzz;
mod payload;
mod stream;
#[cfg(feature = "tokio")]
mod tokio_io;
mod twoparty;
mod typed;
mod wire;

pub use client::{unimplemented_call, BoxFuture, Client, Promise, Request, Server};
pub use error::{Error, ErrorKind, Result};
pub use payload::{Params, PayloadReader, Response, Results};
pub use stream::{StreamQueue, StreamWriter, Turn};
#[cfg(feature = "tokio")]
pub use tokio_io::TokioIo;
pub use twoparty::RpcConnection;
pub use typed::{Pipelined, TypedParams, TypedPromise, TypedReader, TypedRequest, TypedResponse, TypedResults};

use crate::ReaderOptions;

/// The limits of one connection.
#[derive(Clone, Copy, Debug)]
pub struct RpcOptions {
    /// The limits of each message read (size, nesting, traversal), as every reader has them.
    pub reader: ReaderOptions,
    /// How many calls this side may have outstanding on the connection; a call past it fails
    /// at once with `Overloaded`.
    pub max_questions: usize,
    /// How many of the peer's calls may be in progress at once; a call past it is answered
    /// with an `Overloaded` exception without running.
    pub max_answers: usize,
    /// How many bytes may wait to be written before the connection stops reading from the
    /// peer (it reads again once they are written).
    pub max_queued_bytes: usize,
    /// How many rounds one poll of the connection runs before it yields to other tasks.
    pub messages_per_poll: usize,
}

impl Default for RpcOptions {
    fn default() -> RpcOptions {
        RpcOptions {
            reader: ReaderOptions::default(),
            max_questions: 1 << 16,
            max_answers: 1 << 14,
            max_queued_bytes: 16 << 20,
            messages_per_poll: 64,
        }
    }
}
