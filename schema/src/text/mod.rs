//! The Cap'n Proto text format, as `capnp decode` prints it and `capnp encode` parses it. The
//! printer is the run-time model's ([`capnzero_model::text`]); the parser, which evaluates
//! values with the schema language's own parser, is here.

pub use capnzero_model::text::{format, print};
pub mod parse;
