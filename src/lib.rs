#![doc = include_str!("../README.md")]
//!
//! This facade re-exports the wire-format runtime ([`runtime`], also at the crate root). The
//! schema compiler, `capnp_schema!` and `#[derive(CapnpStruct)]` build on it. With the `std`
//! feature (the default) the run-time schema model is here too, as [`schema`]: the dynamic API,
//! the text format, JSON, and the reflection of generated types. The compiler itself runs in the
//! macros only; the `compiler` feature brings it to run time, for programs that load `.capnp`
//! files.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

pub use capnzero_macros::{capnp_schema, CapnpEnum, CapnpStruct};
pub use capnzero_runtime as runtime;
pub use capnzero_runtime::*;

/// The schema model at run time (crate `capnzero-model`): what generated types' `schema()` and
/// `dynamic()` return, the dynamic API, the text format printer and JSON. With the `compiler`
/// feature, also the schema compiler (crate `capnzero-schema`, without its code generator), for
/// schemas loaded at run time.
///
/// - [`schema::dynamic`]: messages read and built by field name (`DynamicStruct`,
///   `DynamicStructBuilder`) over a `Schema`.
/// - [`schema::text`]: the text format, printed as `capnp decode` prints it (and, with
///   `compiler`, parsed as `capnp encode` parses it).
/// - [`schema::reflect`]: the embedded schema of generated types.
/// - With `compiler`: `schema::load` compiles a `.capnp` file (relative to the current
///   directory, the standard imports included) into a `Compiled`; `schema::load::FsLoader` adds
///   import paths and `--src-prefix` directories, as the `capnp` tool's flags do.
///
/// ```
/// capnzero::capnp_schema!(inline = "@0xd1f0a1b2c3d4e5f6; struct P { x @0 :Int8; name @1 :Text; }");
///
/// let schema = P::schema().unwrap();
/// assert_eq!(schema.display_name(), "inline.capnp:P");
/// assert_eq!(schema.fields().map(|f| f.name()).collect::<Vec<_>>(), ["x", "name"]);
/// ```
#[cfg(feature = "std")]
pub mod schema {
    #[cfg(not(feature = "compiler"))]
    pub use capnzero_model::*;
    #[cfg(feature = "compiler")]
    pub use capnzero_schema::load::load;
    #[cfg(feature = "compiler")]
    pub use capnzero_schema::*;
}

#[cfg(feature = "std")]
pub mod json;

#[cfg(feature = "rpc")]
pub mod rpc;

/// Keeps the reflection items of generated code (the embedded schema, `schema()`, `dynamic()`,
/// `Reflect`) when the facade has its schema model (`std`), and drops them without it, so that
/// one expansion builds in both. Not a stable API.
#[cfg(feature = "std")]
#[doc(hidden)]
#[macro_export]
macro_rules! __capnzero_if_reflection {
    ($($items:tt)*) => { $($items)* };
}

/// [`__capnzero_if_reflection`] without `std`: nothing.
#[cfg(not(feature = "std"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __capnzero_if_reflection {
    ($($items:tt)*) => {};
}

/// Keeps the RPC items of generated code (an interface's `Client`, `Server`, `dispatch`) when
/// the facade has its `rpc` feature, and drops them without it. Not a stable API.
#[cfg(feature = "rpc")]
#[doc(hidden)]
#[macro_export]
macro_rules! __capnzero_if_rpc {
    ($($items:tt)*) => { $($items)* };
}

/// [`__capnzero_if_rpc`] without `rpc`: nothing.
#[cfg(not(feature = "rpc"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __capnzero_if_rpc {
    ($($items:tt)*) => {};
}

/// What generated code reaches the runtime by: re-exported so that a user's own names cannot
/// shadow them. Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::__capnzero_if_reflection as if_reflection;
    pub use crate::__capnzero_if_rpc as if_rpc;
    #[cfg(feature = "rpc")]
    pub use crate::rpc;
    pub use alloc::boxed::Box;
    pub use alloc::string::String;
    pub use alloc::vec::Vec;
    pub use capnzero_macros::__derive_step as derive_step;
    #[cfg(feature = "std")]
    pub use capnzero_model::dynamic::{DynamicStruct, EnumSchema, StructSchema};
    #[cfg(feature = "std")]
    pub use capnzero_model::reflect::{self, Error as ReflectError, Link, Reflect, SchemaCell};
    pub use capnzero_runtime::__typed::*;
    pub use capnzero_runtime::text;
    pub use capnzero_runtime::{
        any_pointer, eq_list, eq_option, kind, write_list, AnyPointer, AnyValue, ElementSize, Enum, KeyAnnotation,
        List, ListBuilder, ListBuilderOf, ListConst, ListElement, ListKey, ListReader, Pointee, PointerBuilder,
        PointerConst, PointerReader, Result, Struct, StructBuilder, StructConst, StructReader,
    };
    pub use core::marker::PhantomData;
    #[cfg(feature = "rpc")]
    pub use std::sync::Arc;
}
