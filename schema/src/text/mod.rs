//! The Cap'n Proto text format, as `capnp decode` prints it and `capnp encode` parses it.

pub mod format;
pub mod parse;
pub mod print;
