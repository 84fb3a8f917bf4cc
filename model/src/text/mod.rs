//! The Cap'n Proto text format as `capnp decode` prints it. Parsing it (`capnp encode`) needs
//! the schema language's parser and is in the compiler crate (`capnzero_schema::text::parse`).

pub mod format;
pub mod print;
