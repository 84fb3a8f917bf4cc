//! The schema compiler of capnzero: the `.capnp` language parsed, resolved and laid out in
//! pure Rust, as the official compiler does it.
//!
//! The model it produces (nodes, the CodeGeneratorRequest, the dynamic API, the text printer,
//! JSON, reflection) is the crate `capnzero-model`, re-exported here under the same module
//! names, so that programs running generated code link the model without the compiler.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use capnzero_model::{compiled, json, model, reflect, request};

pub mod ast;
#[cfg(feature = "codegen")]
pub mod codegen;
pub mod compile;
#[cfg(feature = "codegen")]
pub mod derive;
pub mod diagnostic;
pub mod dynamic;
pub mod id;
pub mod layout;
pub mod lexer;
pub mod load;
mod md5;
pub mod members;
pub mod parser;
#[cfg(feature = "codegen")]
mod runtime_path;
pub mod text;
mod translate;
use capnzero_model::type_name;
