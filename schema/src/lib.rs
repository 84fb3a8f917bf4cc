//! The schema compiler of capnzero: the `.capnp` language parsed, resolved and laid out in
//! pure Rust, as the official compiler does it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ast;
#[cfg(feature = "codegen")]
pub mod codegen;
pub mod compile;
#[cfg(feature = "codegen")]
pub mod derive;
pub mod diagnostic;
pub mod dynamic;
pub mod id;
pub mod json;
pub mod layout;
pub mod lexer;
pub mod load;
mod md5;
pub mod members;
pub mod model;
pub mod parser;
pub mod reflect;
pub mod request;
#[cfg(feature = "codegen")]
mod runtime_path;
pub mod text;
mod translate;
mod type_name;
