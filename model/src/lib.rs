//! The run-time schema model of capnzero: what generated code's reflection and the dynamic API
//! need, without the compiler.
//!
//! - [`model`]: schema nodes as `schema.capnp` defines them; [`compiled`]: a compiled schema as
//!   data; [`request`]: the CodeGeneratorRequest, read and written.
//! - [`dynamic`]: messages read and built by field name over a [`dynamic::Schema`].
//! - [`text`]: the text format printer (`capnp decode`); [`json`]: the JSON codec.
//! - [`reflect`]: the embedded schema of generated and derived types.
//!
//! The compiler (`capnzero-schema`) produces this model from schema text and re-exports these
//! modules; programs that only run generated code link this crate and not the compiler.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod compiled;
pub mod dynamic;
pub mod json;
pub mod model;
pub mod reflect;
pub mod request;
pub mod text;
#[doc(hidden)]
pub mod type_name;
