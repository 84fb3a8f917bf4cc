//! The one path generated code reaches the runtime by: `::capnzero::__private`, the hidden
//! module of the facade crate (`src/lib.rs`), or `<path>::__private` when the macro call names
//! the facade crate by another path (`crate = …`, for a crate that re-exports capnzero). The code
//! generator (`codegen/`) and the derive (`derive/`) both write it from here, so the two cannot
//! drift apart.

use std::cell::RefCell;

use proc_macro2::TokenStream;
use quote::quote;

thread_local! {
    /// The facade crate's path for the generation under way; `None` for `::capnzero`.
    static CRATE: RefCell<Option<TokenStream>> = const { RefCell::new(None) };
}

/// `::capnzero::__private` (or the `__private` of the crate path in force), as tokens.
pub(crate) fn runtime_path() -> TokenStream {
    CRATE.with(|path| match &*path.borrow() {
        Some(path) => quote!(#path::__private),
        None => quote!(::capnzero::__private),
    })
}

/// Runs `generate` with generated code naming the facade crate `path` (`::capnzero` when
/// `None`), then puts back the path that was in force.
pub(crate) fn with_crate_path<R>(path: Option<&TokenStream>, generate: impl FnOnce() -> R) -> R {
    let previous = CRATE.with(|current| current.replace(path.cloned()));
    let result = generate();
    CRATE.with(|current| *current.borrow_mut() = previous);
    result
}
