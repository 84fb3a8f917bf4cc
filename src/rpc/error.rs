//! The error of an RPC operation: the exception types of `rpc.capnp`, so that an exception a peer
//! sends arrives with its type, and one capnzero sends carries the type it was made with.

use std::fmt;
use std::string::{String, ToString};

/// What kind of failure an [`Error`] is: the `Exception.Type` of `rpc.capnp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Something went wrong; the catch-all.
    Failed,
    /// The peer is out of a resource for now (too many calls, too many bytes queued); a retry
    /// later may work.
    Overloaded,
    /// The connection is gone (closed, aborted, or never up), or the capability was on it.
    Disconnected,
    /// The peer does not implement the interface, the method or the message.
    Unimplemented,
}

/// An RPC error: its kind and the peer's or capnzero's reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    reason: String,
}

/// The result of an RPC operation.
pub type Result<T> = core::result::Result<T, Error>;

impl Error {
    /// An error of `kind` with `reason`.
    pub fn new(kind: ErrorKind, reason: impl Into<String>) -> Error {
        Error { kind, reason: reason.into() }
    }

    /// A `Failed` error.
    pub fn failed(reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Failed, reason)
    }

    /// An `Overloaded` error.
    pub fn overloaded(reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Overloaded, reason)
    }

    /// A `Disconnected` error.
    pub fn disconnected(reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Disconnected, reason)
    }

    /// An `Unimplemented` error.
    pub fn unimplemented(reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Unimplemented, reason)
    }

    /// The `Unimplemented` error a server gives for a method it does not serve.
    pub fn unimplemented_method(interface_id: u64, method_id: u16) -> Error {
        Error::unimplemented(format!("method @{method_id} of interface {interface_id:#018x} is not implemented"))
    }

    /// Its kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Its reason, as the peer or capnzero wrote it.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Failed => "failed",
            ErrorKind::Overloaded => "overloaded",
            ErrorKind::Disconnected => "disconnected",
            ErrorKind::Unimplemented => "unimplemented",
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.reason)
    }
}

impl std::error::Error for Error {}

/// A message that cannot be read or built (malformed, over a limit) fails the call it was for.
impl From<crate::Error> for Error {
    fn from(error: crate::Error) -> Error {
        Error::failed(error.to_string())
    }
}
