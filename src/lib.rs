#![doc = include_str!("../README.md")]
//!
//! This facade re-exports the wire-format runtime ([`runtime`], also at the crate root). The
//! schema compiler, `capnp_schema!` and `#[derive(CapnpStruct)]` build on it.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

pub use capnzero_macros::capnp_schema;
pub use capnzero_runtime as runtime;
pub use capnzero_runtime::*;

/// What generated code reaches the runtime by: re-exported so that a user's own names cannot
/// shadow them. Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use alloc::boxed::Box;
    pub use alloc::string::String;
    pub use alloc::vec::Vec;
    pub use capnzero_runtime::__typed::*;
    pub use capnzero_runtime::{
        kind, write_list, ElementSize, List, ListBuilder, ListBuilderOf, ListConst, ListElement, ListReader,
        PointerBuilder, PointerConst, PointerReader, Result, Struct, StructBuilder, StructConst, StructReader,
    };
}
