//! The procedural macros of capnzero. Thin shims: the schema compiler and the code generator
//! live in `capnzero-schema`, so the CLI, build scripts and tests run the same code. Use them
//! through the `capnzero` crate.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// Generates Rust types from a Cap'n Proto schema: `capnp_schema!("schemas/point.capnp")`
/// (path relative to the crate root, `CARGO_MANIFEST_DIR`) or
/// `capnp_schema!(inline = "@0x…; struct Point { … }")`. Invoke it at module level (the generated
/// items refer to each other through module paths). See the `capnzero` crate and
/// `docs/codegen.md` for the generated API.
#[proc_macro]
pub fn capnp_schema(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as Input);
    expand(input).into()
}

/// The macro's arguments.
enum Input {
    /// A schema file.
    File(LitStr),
    /// A schema written in the macro.
    Inline(LitStr),
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Input> {
        let parsed = if input.peek(LitStr) {
            Input::File(input.parse()?)
        } else {
            let key: Ident = input.parse()?;
            if key != "inline" {
                return Err(syn::Error::new(key.span(), "expected a schema path (\"x.capnp\") or `inline = \"…\"`"));
            }
            input.parse::<Token![=]>()?;
            Input::Inline(input.parse()?)
        };
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the schema"));
        }
        Ok(parsed)
    }
}

fn expand(input: Input) -> TokenStream {
    let base = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => return error(Span::call_site(), "capnp_schema!: CARGO_MANIFEST_DIR is not set (build with cargo)"),
    };
    let (literal, expansion) = match &input {
        Input::File(path) => (path, capnzero_schema::codegen::expand_file(&base, &path.value())),
        Input::Inline(text) => (text, capnzero_schema::codegen::expand_inline(&base, &text.value())),
    };
    let mut out = TokenStream::new();
    for file in &expansion.files_read {
        let file = file.to_string_lossy();
        out.extend(quote!(
            const _: &[u8] = ::core::include_bytes!(#file);
        ));
    }
    for message in &expansion.errors {
        out.extend(error(literal.span(), message));
    }
    if expansion.errors.is_empty() {
        out.extend(expansion.tokens);
    }
    out
}

fn error(span: Span, message: &str) -> TokenStream {
    syn::Error::new(span, message).to_compile_error()
}
