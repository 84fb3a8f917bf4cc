//! The errors of the dynamic API.

use std::fmt;

/// What can go wrong reading or building through a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The message is malformed, or a pointer does not hold what the schema says.
    Wire(capnzero_runtime::Error),
    /// The schema has no node with this ID.
    NoSuchNode(u64),
    /// The node exists but is not of the kind needed (`expected`: "struct", "enum", ...).
    WrongNodeKind {
        /// The node's display name.
        node: String,
        /// The kind that was needed.
        expected: &'static str,
    },
    /// The struct has no field of this name.
    NoSuchField {
        /// The struct's display name.
        node: String,
        /// The name asked for.
        field: String,
    },
    /// A union member was read that is not the active one.
    NotActive {
        /// The member's name.
        field: String,
    },
    /// A value of one type was given where another is needed, or an operation does not apply
    /// to the field's type.
    TypeMismatch {
        /// The type needed (or the operation's requirement).
        expected: String,
        /// What was given.
        found: String,
    },
    /// A number that does not fit the type of the field or element.
    OutOfRange {
        /// The type of the field or element.
        ty: String,
    },
    /// The enum has no enumerant of this name.
    NoSuchEnumerant {
        /// The enum's display name.
        node: String,
        /// The name asked for.
        name: String,
    },
    /// A list index past the end.
    IndexOutOfBounds {
        /// The index.
        index: u32,
        /// The list's length.
        len: u32,
    },
    /// A type name (as `capnp decode` takes it) that does not name a struct: the message is the
    /// one the official tool prints after the type name, e.g. `1-4: Not defined: Nope`.
    TypeName(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Wire(e) => write!(f, "{e}"),
            Error::NoSuchNode(id) => write!(f, "no schema node with ID @0x{id:016x}"),
            Error::WrongNodeKind { node, expected } => write!(f, "'{node}' is not a {expected}"),
            Error::NoSuchField { node, field } => write!(f, "'{node}' has no field named '{field}'"),
            Error::NotActive { field } => {
                write!(f, "union member '{field}' is not the one currently set")
            }
            Error::TypeMismatch { expected, found } => write!(f, "type mismatch: expected {expected}, got {found}"),
            Error::OutOfRange { ty } => write!(f, "value out of range for {ty}"),
            Error::NoSuchEnumerant { node, name } => write!(f, "enum '{node}' has no enumerant named '{name}'"),
            Error::IndexOutOfBounds { index, len } => write!(f, "index {index} of a list of {len} elements"),
            Error::TypeName(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Wire(e) => Some(e),
            _ => None,
        }
    }
}

impl From<capnzero_runtime::Error> for Error {
    fn from(e: capnzero_runtime::Error) -> Error {
        Error::Wire(e)
    }
}
