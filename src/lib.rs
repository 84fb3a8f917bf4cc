#![doc = include_str!("../README.md")]
//!
//! This facade re-exports the wire-format runtime ([`runtime`], also at the crate root). The
//! schema compiler, `capnp_schema!` and `#[derive(CapnpStruct)]` build on it. With the `std`
//! feature (the default) the schema compiler is also here at run time, as [`schema`]: loading
//! `.capnp` files, the dynamic API, the text format, and the reflection of generated types.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

pub use capnzero_macros::{capnp_schema, CapnpEnum, CapnpStruct};
pub use capnzero_runtime as runtime;
pub use capnzero_runtime::*;

/// The schema compiler and model at run time (crate `capnzero-schema`, without its code
/// generator): what generated types' `schema()` and `dynamic()` return, and the same API for
/// schemas loaded at run time.
///
/// - [`schema::load`](schema::load()) compiles a `.capnp` file (relative to the current
///   directory, the standard imports included) into a [`Compiled`](schema::compile::Compiled);
///   [`schema::load::FsLoader`] adds import paths and
///   `--src-prefix` directories, as the `capnp` tool's flags do.
/// - [`schema::dynamic`]: `Schema::new(compiled)` and messages read
///   and built by field name (`DynamicStruct`, `DynamicStructBuilder`).
/// - [`schema::text`]: the text format, printed and parsed as
///   `capnp decode` and `capnp encode` do.
/// - [`schema::reflect`]: the embedded schema of generated types.
///
/// ```
/// use capnzero::schema::compile::{compile, MemoryLoader, SourceFile};
/// use capnzero::schema::dynamic::Schema;
///
/// let source = SourceFile { name: "p.capnp".into(), text: "@0xd1f0a1b2c3d4e5f6; struct P { x @0 :Int8; }".into() };
/// let schema = Schema::new(compile(&[source], &mut MemoryLoader::default()).unwrap());
/// let file = schema.compiled().requested[0].id;
/// assert_eq!(schema.find_type(file, "P").unwrap().field_count(), 1);
/// ```
#[cfg(feature = "std")]
pub mod schema {
    pub use capnzero_schema::load::load;
    pub use capnzero_schema::*;
}

#[cfg(feature = "std")]
pub mod json;

/// What generated code reaches the runtime by: re-exported so that a user's own names cannot
/// shadow them. Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use alloc::boxed::Box;
    pub use alloc::string::String;
    pub use alloc::vec::Vec;
    pub use capnzero_macros::__derive_step as derive_step;
    pub use capnzero_runtime::__typed::*;
    pub use capnzero_runtime::{
        any_pointer, eq_list, eq_option, kind, write_list, AnyPointer, AnyValue, ElementSize, Enum, KeyAnnotation,
        List, ListBuilder, ListBuilderOf, ListConst, ListElement, ListKey, ListReader, Pointee, PointerBuilder,
        PointerConst, PointerReader, Result, Struct, StructBuilder, StructConst, StructReader,
    };
    #[cfg(feature = "std")]
    pub use capnzero_schema::dynamic::{DynamicStruct, EnumSchema, StructSchema};
    #[cfg(feature = "std")]
    pub use capnzero_schema::reflect::{self, Error as ReflectError, Link, Reflect, SchemaCell};
    pub use core::marker::PhantomData;
}
