//! The Cap'n Proto text format as `capnp decode` prints it, for values of the dynamic API.
//! Parsing it (`capnp encode`) needs the schema language's parser and is in the compiler crate
//! (`capnzero_schema::text::parse`). How values are laid out, and how scalars are spelled, is the
//! runtime's ([`capnzero_runtime::text`]), which generated code prints with too.

pub use capnzero_runtime::text::format;
pub mod print;
