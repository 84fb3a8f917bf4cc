//! The one path generated code reaches the runtime by: `::capnzero::__private`, the hidden
//! module of the facade crate (`src/lib.rs`), or `<path>::__private` when the macro call names
//! the facade crate by another path (`crate = …`, for a crate that re-exports capnzero). The code
//! generator (`codegen/`) and the derive (`derive/`) both write it from here, so the two cannot
//! drift apart.
//!
//! The options of one generation live here too: the crate path, and whether the reflection items
//! (the embedded schema, `schema()`, `dynamic()`, `Reflect`) are emitted
//! ([`reflection_items`]).

use std::cell::{Cell, RefCell};

use proc_macro2::TokenStream;
use quote::quote;

thread_local! {
    /// The facade crate's path for the generation under way; `None` for `::capnzero`.
    static CRATE: RefCell<Option<TokenStream>> = const { RefCell::new(None) };
    /// Whether the generation under way emits reflection (`reflection = off` turns it off).
    static REFLECTION: Cell<bool> = const { Cell::new(true) };
}

/// `::capnzero::__private` (or the `__private` of the crate path in force), as tokens.
pub(crate) fn runtime_path() -> TokenStream {
    CRATE.with(|path| match &*path.borrow() {
        Some(path) => quote!(#path::__private),
        None => quote!(::capnzero::__private),
    })
}

/// Runs `generate` with generated code naming the facade crate `path` (`::capnzero` when
/// `None`) and with reflection on or off, then puts back the options that were in force.
pub(crate) fn with_options<R>(path: Option<&TokenStream>, reflection: bool, generate: impl FnOnce() -> R) -> R {
    let previous = CRATE.with(|current| current.replace(path.cloned()));
    let previous_reflection = REFLECTION.with(|current| current.replace(reflection));
    let result = generate();
    CRATE.with(|current| *current.borrow_mut() = previous);
    REFLECTION.with(|current| current.set(previous_reflection));
    result
}

/// Reflection items, as generated code holds them: nothing when the generation has reflection
/// off; else inside the facade's `if_reflection!`, which keeps them only when the facade has its
/// schema model (the `std` feature), so that the same expansion builds without `std`.
pub(crate) fn reflection_items(items: TokenStream) -> TokenStream {
    if !reflection_on() {
        return TokenStream::new();
    }
    let rt = runtime_path();
    quote!(#rt::if_reflection! { #items })
}

/// RPC items (an interface's client, server and dispatch), as generated code holds them: inside
/// the facade's `if_rpc!`, which keeps them only with its `rpc` feature.
pub(crate) fn rpc_items(items: TokenStream) -> TokenStream {
    let rt = runtime_path();
    quote!(#rt::if_rpc! { #items })
}

/// Whether the generation under way emits reflection.
pub(crate) fn reflection_on() -> bool {
    REFLECTION.with(Cell::get)
}
