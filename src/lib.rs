#![doc = include_str!("../README.md")]
//!
//! This facade re-exports the wire-format runtime ([`runtime`], also at the crate root). The
//! schema compiler, `capnp_schema!` and `#[derive(CapnpStruct)]` build on it.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

pub use capnzero_runtime as runtime;
pub use capnzero_runtime::*;
