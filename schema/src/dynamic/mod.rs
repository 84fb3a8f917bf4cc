//! The dynamic API of the run-time model ([`capnzero_model::dynamic`]), with what needs the
//! schema language's parser: [`FindType`], type names evaluated as `capnp decode` takes them.

pub use capnzero_model::dynamic::*;

mod typename;

pub use typename::FindType;
