//! The procedural macros of capnzero. Thin shims: the schema compiler and the code generator
//! live in `capnzero-schema`, so the CLI, build scripts and tests run the same code. Use them
//! through the `capnzero` crate.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::path::PathBuf;

use capnzero_schema::codegen::{Expander, Expansion};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::quote;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Token};

/// Generates Rust types from a Cap'n Proto schema. Invoke it at module level (the generated
/// items refer to each other through module paths). Its forms:
///
/// - `capnp_schema!("schemas/point.capnp")`: a schema file, the path relative to the crate root
///   (`CARGO_MANIFEST_DIR`);
/// - `capnp_schema!(inline = "@0x…; struct Point { … }")`: the schema as a string;
/// - `capnp_schema! { @0x…; struct Point { … } }`: the schema written as tokens (it starts
///   with `@`), its errors reported on the offending token; `inline = { … }` is the same with
///   options.
///
/// Options, after the schema:
///
/// - `include = ["dir", …]`: directories (relative to the crate root) searched for `/…`
///   imports, like `capnp -I`;
/// - `imports = { "schemas/units.capnp": crate::units, … }`: imported files whose types another
///   `capnp_schema!` generated, in the module given, so that both share them (the file named
///   by its path from the crate root, or as a `/…` import);
/// - `crate = ::my_crate::capnzero`: the path generated code names the `capnzero` crate by
///   (`::capnzero` by default), for a crate that re-exports capnzero to its users;
/// - `reflection = off`: no embedded schema, no `schema()`, `dynamic()` or `Reflect` (`on`, the
///   default, has them when capnzero has its `std` feature). `Display` and `Debug` stay.
///
/// See the `capnzero` crate and `docs/codegen.md`.
#[proc_macro]
pub fn capnp_schema(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as Input);
    expand(input).into()
}

/// The macro's arguments.
struct Input {
    schema: Schema,
    /// The import directories, as written.
    include: Vec<LitStr>,
    /// Imported files generated elsewhere: the file and the module holding its types.
    imports: Vec<(LitStr, TokenStream)>,
    /// The path of the `capnzero` crate, when not `::capnzero`.
    crate_path: Option<syn::Path>,
    /// `reflection = on | off`, when given.
    reflection: Option<bool>,
}

/// Where the schema is.
enum Schema {
    /// A schema file.
    File(LitStr),
    /// A schema written in the macro as a string.
    Text(LitStr),
    /// A schema written in the macro as tokens.
    Tokens(TokenStream),
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Input> {
        if input.peek(Token![@]) {
            return Ok(Input {
                schema: Schema::Tokens(input.parse()?),
                include: Vec::new(),
                imports: Vec::new(),
                crate_path: None,
                reflection: None,
            });
        }
        let mut schema = None;
        let mut include = None;
        let mut imports = None;
        let mut crate_path = None;
        let mut reflection = None;
        while !input.is_empty() {
            if input.peek(LitStr) {
                let path: LitStr = input.parse()?;
                let span = path.span();
                set_schema(&mut schema, Schema::File(path), span)?;
            } else {
                // `Ident::parse_any`: a keyword (`type = …`) is still reported as an unknown option.
                let key = input.call(Ident::parse_any).map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected a schema path (\"x.capnp\"), `inline = \"…\"`, `inline = { … }` or an option \
                         (`include = [\"dir\", …]`, `imports = { \"file.capnp\": crate::module, … }`)",
                    )
                })?;
                if !input.peek(Token![=]) {
                    return Err(syn::Error::new(key.span(), format!("expected `=` after `{key}`")));
                }
                input.parse::<Token![=]>()?;
                if key == "crate" {
                    if crate_path.is_some() {
                        return Err(syn::Error::new(key.span(), "`crate` is given twice"));
                    }
                    crate_path =
                        Some(input.parse::<syn::Path>().map_err(|_| syn::Error::new(key.span(), missing_value(&key)))?);
                    if input.is_empty() {
                        break;
                    }
                    input.parse::<Token![,]>()?;
                    continue;
                }
                let value: TokenTree = input.parse().map_err(|_| syn::Error::new(key.span(), missing_value(&key)))?;
                match key.to_string().as_str() {
                    "inline" => {
                        let inline = inline_schema(&key, value)?;
                        set_schema(&mut schema, inline, key.span())?;
                    }
                    "include" => {
                        if include.is_some() {
                            return Err(syn::Error::new(key.span(), "`include` is given twice"));
                        }
                        include = Some(directories(&key, value)?);
                    }
                    "imports" => {
                        if imports.is_some() {
                            return Err(syn::Error::new(key.span(), "`imports` is given twice"));
                        }
                        imports = Some(import_modules(&key, value)?);
                    }
                    "reflection" => {
                        if reflection.is_some() {
                            return Err(syn::Error::new(key.span(), "`reflection` is given twice"));
                        }
                        reflection = Some(on_or_off(&key, value)?);
                    }
                    _ => {
                        return Err(syn::Error::new(
                            key.span(),
                            format!(
                                "unknown option `{key}`: the options of capnp_schema! are `inline`, `include`, \
                                 `imports`, `crate` and `reflection`"
                            ),
                        ))
                    }
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        let Some(schema) = schema else {
            return Err(input.error(
                "no schema given: write a path (\"schemas/x.capnp\"), `inline = \"…\"`, or the schema itself \
                 (`capnp_schema! { @0x…; … }`)",
            ));
        };
        Ok(Input {
            schema,
            include: include.unwrap_or_default(),
            imports: imports.unwrap_or_default(),
            crate_path,
            reflection,
        })
    }
}

fn set_schema(schema: &mut Option<Schema>, new: Schema, span: Span) -> syn::Result<()> {
    if schema.is_some() {
        return Err(syn::Error::new(span, "a second schema: capnp_schema! takes one (a path or `inline`)"));
    }
    *schema = Some(new);
    Ok(())
}

/// `on` or `off`.
fn on_or_off(key: &Ident, value: TokenTree) -> syn::Result<bool> {
    match &value {
        TokenTree::Ident(word) if word == "on" => Ok(true),
        TokenTree::Ident(word) if word == "off" => Ok(false),
        _ => Err(syn::Error::new(value.span(), format!("`{key}` is `on` or `off`"))),
    }
}

fn missing_value(key: &Ident) -> String {
    match key.to_string().as_str() {
        "include" => "`include` takes a list of directories: `include = [\"dir\", …]`".to_string(),
        "inline" => "`inline` takes the schema: `inline = \"…\"` or `inline = { … }`".to_string(),
        "crate" => "`crate` takes the path of the capnzero crate: `crate = ::my_crate::capnzero`".to_string(),
        "reflection" => "`reflection` is `on` or `off`".to_string(),
        "imports" => "`imports` takes imported files and the modules holding their types: \
                      `imports = { \"file.capnp\": crate::module, … }`"
            .to_string(),
        _ => format!("expected a value after `{key} =`"),
    }
}

/// The value of `inline`: a string or a braced schema.
fn inline_schema(key: &Ident, value: TokenTree) -> syn::Result<Schema> {
    match value {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => Ok(Schema::Tokens(group.stream())),
        TokenTree::Literal(literal) => match syn::parse2::<LitStr>(TokenTree::Literal(literal).into()) {
            Ok(text) => Ok(Schema::Text(text)),
            Err(_) => Err(syn::Error::new(key.span(), missing_value(key))),
        },
        _ => Err(syn::Error::new(key.span(), missing_value(key))),
    }
}

/// The value of `include`: a bracketed list of strings.
fn directories(key: &Ident, value: TokenTree) -> syn::Result<Vec<LitStr>> {
    let TokenTree::Group(group) = value else { return Err(syn::Error::new(key.span(), missing_value(key))) };
    if group.delimiter() != Delimiter::Bracket {
        return Err(syn::Error::new(key.span(), missing_value(key)));
    }
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated
        .parse2(group.stream())
        .map_err(|_| syn::Error::new(key.span(), missing_value(key)))?;
    Ok(list.into_iter().collect())
}

/// The value of `imports`: a braced list of `"file": path`, the path any tokens up to the next
/// top-level comma.
fn import_modules(key: &Ident, value: TokenTree) -> syn::Result<Vec<(LitStr, TokenStream)>> {
    let TokenTree::Group(group) = value else { return Err(syn::Error::new(key.span(), missing_value(key))) };
    if group.delimiter() != Delimiter::Brace {
        return Err(syn::Error::new(key.span(), missing_value(key)));
    }
    let parse = |input: ParseStream| -> syn::Result<Vec<(LitStr, TokenStream)>> {
        let mut out = Vec::new();
        while !input.is_empty() {
            let file: LitStr = input.parse().map_err(|e| syn::Error::new(e.span(), missing_value(key)))?;
            input.parse::<Token![:]>().map_err(|e| syn::Error::new(e.span(), missing_value(key)))?;
            let mut module = TokenStream::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                module.extend([input.parse::<TokenTree>()?]);
            }
            if module.is_empty() {
                return Err(syn::Error::new(file.span(), format!("no module given for `{}`", file.value())));
            }
            out.push((file, module));
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(out)
    };
    parse.parse2(group.stream())
}

fn expand(input: Input) -> TokenStream {
    let base = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => return error(Span::call_site(), "capnp_schema!: CARGO_MANIFEST_DIR is not set (build with cargo)"),
    };
    let mut expander = Expander::new(base);
    let mut out = TokenStream::new();
    for dir in &input.include {
        if let Err(e) = expander.include(dir.value()) {
            out.extend(error(dir.span(), &format!("{e} (an include directory is relative to the crate root)")));
        }
    }
    if !out.is_empty() {
        return out;
    }
    for (file, module) in &input.imports {
        expander.import_from(&file.value(), module.clone(), file.span());
    }
    if let Some(on) = input.reflection {
        expander.reflection(on);
    }
    if let Some(path) = &input.crate_path {
        expander.crate_path(quote!(#path));
    }
    // Errors without a position in tokens are reported on the path or string they are about, or
    // on the whole call for a schema written as tokens.
    let (span, expansion) = match input.schema {
        Schema::File(path) => (path.span(), expander.file(&path.value())),
        Schema::Text(text) => (text.span(), expander.text(&text.value())),
        Schema::Tokens(tokens) => (Span::call_site(), expander.tokens(tokens)),
    };
    let Expansion { tokens, errors, files_read } = expansion;
    for file in &files_read {
        let file = file.to_string_lossy();
        out.extend(quote!(
            const _: &[u8] = ::core::include_bytes!(#file);
        ));
    }
    for e in &errors {
        out.extend(error(e.span().unwrap_or(span), &e.message()));
    }
    if errors.is_empty() {
        out.extend(tokens);
    }
    out
}

fn error(span: Span, message: &str) -> TokenStream {
    syn::Error::new(span, message).to_compile_error()
}

/// Derives Cap'n Proto for a struct of your own: a zero-copy `…Reader<'a>`, an in-place
/// `…Builder<'a>` and `capnzero::Struct`, with the layout the official compiler gives the
/// equivalent schema declaration (the type's `CAPNP_SCHEMA`). See `docs/derive.md`.
#[proc_macro_derive(CapnpStruct, attributes(capnp))]
pub fn derive_capnp_struct(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    capnzero_schema::derive::derive_struct(&input).into()
}

/// Derives a Cap'n Proto enum for a fieldless enum of your own. See `docs/derive.md`.
#[proc_macro_derive(CapnpEnum, attributes(capnp))]
pub fn derive_capnp_enum(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    capnzero_schema::derive::derive_enum(&input).into()
}

/// One step of a derive whose struct has group or union fields: a group type's description
/// received (see `capnzero_schema::derive`). Generated code calls it; not an API.
#[doc(hidden)]
#[proc_macro]
pub fn __derive_step(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    capnzero_schema::derive::derive_step(input.into()).into()
}
