//! The one path generated code reaches the runtime by: `::capnzero::__private`, the hidden
//! module of the facade crate (`src/lib.rs`). The code generator (`codegen/`) and the derive
//! (`derive/`) both write it from here, so the two cannot drift apart.

use proc_macro2::TokenStream;
use quote::quote;

/// `::capnzero::__private`, as tokens.
pub(crate) fn runtime_path() -> TokenStream {
    quote!(::capnzero::__private)
}
