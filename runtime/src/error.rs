//! The one error type of the runtime.

use alloc::borrow::Cow;
use core::fmt;

/// What went wrong, as a closed set callers can match on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes end before the segment table or a segment it announces.
    Truncated,
    /// The segment table is malformed (zero or too many segments, sizes that overflow).
    InvalidSegmentTable,
    /// A pointer names a segment the message does not have.
    InvalidSegmentId,
    /// A pointer's target lies (partly) outside its segment.
    OutOfBounds,
    /// A far pointer lands on something that is not a valid landing pad.
    InvalidFarPointer,
    /// The pointer has another kind than the one asked for (list where a struct was expected, ...).
    WrongPointerKind,
    /// A list's elements cannot be read as the element type asked for.
    IncompatibleList,
    /// Reading would visit more words than the traversal limit allows (amplification, cycles).
    TraversalLimitExceeded,
    /// Pointers nest deeper than the nesting limit allows.
    NestingLimitExceeded,
    /// A text is not terminated by a NUL byte.
    TextNotTerminated,
    /// A text is not valid UTF-8.
    InvalidUtf8,
    /// Packed input is malformed or ends inside a word or a run.
    InvalidPacked,
    /// A value does not fit the wire format (a list of 2^29 or more elements, a segment that is too large).
    TooLarge,
    /// The input has bytes after the message where none may follow.
    TrailingBytes,
    /// An I/O error from the underlying reader or writer.
    Io,
    /// A capability pointer where none may be: the canonical form has no capabilities.
    CapabilityNotCanonical,
}

impl ErrorKind {
    fn describe(self) -> &'static str {
        match self {
            ErrorKind::Truncated => "message truncated",
            ErrorKind::InvalidSegmentTable => "invalid segment table",
            ErrorKind::InvalidSegmentId => "pointer to a segment that does not exist",
            ErrorKind::OutOfBounds => "pointer out of bounds",
            ErrorKind::InvalidFarPointer => "invalid far pointer",
            ErrorKind::WrongPointerKind => "wrong pointer kind",
            ErrorKind::IncompatibleList => "incompatible list element type",
            ErrorKind::TraversalLimitExceeded => "traversal limit exceeded",
            ErrorKind::NestingLimitExceeded => "nesting limit exceeded",
            ErrorKind::TextNotTerminated => "text is not NUL-terminated",
            ErrorKind::InvalidUtf8 => "text is not valid UTF-8",
            ErrorKind::InvalidPacked => "invalid packed data",
            ErrorKind::TooLarge => "value too large for the wire format",
            ErrorKind::TrailingBytes => "trailing bytes after the message",
            ErrorKind::Io => "I/O error",
            ErrorKind::CapabilityNotCanonical => "capability in a canonical message",
        }
    }
}

/// A runtime error: a [`ErrorKind`] and a message for humans.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: Cow<'static, str>,
}

/// The runtime's result type.
pub type Result<T> = core::result::Result<T, Error>;

impl Error {
    /// An error of `kind` with a fixed explanation.
    #[cold]
    pub fn new(kind: ErrorKind, message: &'static str) -> Error {
        Error { kind, message: Cow::Borrowed(message) }
    }

    /// An error of `kind` with an explanation built at run time.
    #[cold]
    pub fn with_message(kind: ErrorKind, message: alloc::string::String) -> Error {
        Error { kind, message: Cow::Owned(message) }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The explanation, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.describe(), self.message)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({:?}: {})", self.kind, self.message)
    }
}

impl core::error::Error for Error {}

#[cfg(feature = "std")]
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        // An error of ours that travelled through `std::io` (from `PackedRead`) comes back as it was.
        if e.get_ref().is_some_and(|inner| inner.is::<Error>()) {
            if let Some(Ok(ours)) = e.into_inner().map(|inner| inner.downcast::<Error>()) {
                return *ours;
            }
            return Error::new(ErrorKind::Io, "an I/O error");
        }
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            Error::new(ErrorKind::Truncated, "the stream ended inside a message")
        } else {
            Error::with_message(ErrorKind::Io, alloc::format!("{e}"))
        }
    }
}

#[cfg(feature = "std")]
impl From<Error> for std::io::Error {
    fn from(e: Error) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }
}
