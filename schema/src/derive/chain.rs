//! How a derive learns the members of the group and union types its fields name, which live
//! in other items it cannot see. Every derive leaves a description of its type: a
//! `macro_rules!` named `__capnzero_desc_{Type}` beside the type, which hands the type's
//! `#[capnp]`-relevant tokens to `::capnzero::__private::derive_step!` with whatever state it
//! is called with. A struct with group or union fields expands to a call of the first group
//! type's description; each step records what it got, asks for the next description it lacks
//! (a group's own groups too), and the last one generates the struct.
//!
//! Group types are named by the paths written in the struct being derived, resolved where it
//! is (a group's own group fields too): keep a struct's groups nameable from its module.

use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::parse::{ParseStream, Parser};
use syn::{Data, DeriveInput, Fields};

use super::rt;
use super::scope::{group_paths, path_key};

/// What a type's description says of it.
pub enum Desc {
    /// A group (or named union) type: its tokens.
    Group(Box<DeriveInput>),
    /// A struct of its own.
    Struct,
    /// A fieldless enum.
    Enum,
    /// A type whose derive reported errors.
    Broken,
}

/// The name of the description macro of the type `ident`.
fn desc_name(ident: &Ident) -> Ident {
    format_ident!("__capnzero_desc_{}", ident, span = ident.span())
}

/// The description macro of a derived type, to put beside it.
pub(crate) fn description(ident: &Ident, desc: &Desc) -> TokenStream {
    let name = desc_name(ident);
    let desc = desc_tokens(desc);
    let rt = rt();
    quote! {
        #[doc(hidden)]
        #[allow(unused_macros)]
        macro_rules! #name {
            ($($state:tt)*) => {
                #rt::derive_step! { [#desc] $($state)* }
            };
        }
        #[allow(unused_imports)]
        pub(crate) use #name;
    }
}

/// The tokens of a group type that its parents read: its `#[capnp]` attributes, fields and
/// variants, without docs or other attributes.
pub(crate) fn group_tokens(input: &DeriveInput) -> DeriveInput {
    let keep = |attrs: &[syn::Attribute]| attrs.iter().filter(|a| a.path().is_ident("capnp")).cloned().collect();
    let mut item = input.clone();
    item.attrs = keep(&input.attrs);
    item.vis = syn::Visibility::Inherited;
    match &mut item.data {
        Data::Struct(data) => {
            if let Fields::Named(named) = &mut data.fields {
                for field in named.named.iter_mut() {
                    field.attrs = keep(&field.attrs);
                    field.vis = syn::Visibility::Inherited;
                }
            }
        }
        Data::Enum(data) => {
            for variant in data.variants.iter_mut() {
                variant.attrs = keep(&variant.attrs);
            }
        }
        Data::Union(_) => {}
    }
    item
}

/// The path of the description macro of the type at `path`.
fn desc_path(path: &syn::Path) -> syn::Path {
    let mut path = path.clone();
    if let Some(last) = path.segments.last_mut() {
        last.ident = desc_name(&last.ident);
    }
    path
}

/// The start of a derive whose struct has group or union fields: a call of the first
/// description it needs.
pub(crate) fn start(input: &DeriveInput, paths: &[syn::Path]) -> TokenStream {
    let first = desc_path(&paths[0]);
    quote! {
        #first! { parent [#input] got [] pending [#((#paths))*] }
    }
}

/// `derive_step!`: one description received.
pub fn derive_step(input: TokenStream) -> TokenStream {
    match step(input) {
        Ok(tokens) => tokens,
        Err(e) => e.to_compile_error(),
    }
}

fn step(input: TokenStream) -> syn::Result<TokenStream> {
    let (delivered, parent, mut got, mut pending) = parse_state.parse2(input)?;
    if pending.is_empty() {
        return Err(syn::Error::new(parent.ident.span(), "capnzero: a description came with nothing pending"));
    }
    let head = pending.remove(0);
    if let Desc::Group(item) = &delivered {
        for path in group_paths(item) {
            let key = path_key(&path);
            if !got.iter().any(|(p, _)| path_key(p) == key) && !pending.iter().any(|p| path_key(p) == key) {
                pending.push(path);
            }
        }
    }
    got.push((head, delivered));
    if let Some(next) = pending.first() {
        let next = desc_path(next);
        let got = got.iter().map(|(path, desc)| {
            let desc = desc_tokens(desc);
            quote!((#path) [#desc])
        });
        return Ok(quote! {
            #next! { parent [#parent] got [#(#got)*] pending [#((#pending))*] }
        });
    }
    let descs: HashMap<String, Desc> = got.into_iter().map(|(path, desc)| (path_key(&path), desc)).collect();
    Ok(super::generate(&parent, &descs))
}

fn desc_tokens(desc: &Desc) -> TokenStream {
    match desc {
        Desc::Group(item) => quote!(group #item),
        Desc::Struct => quote!(struct),
        Desc::Enum => quote!(enum),
        Desc::Broken => quote!(broken),
    }
}

type State = (Desc, DeriveInput, Vec<(syn::Path, Desc)>, Vec<syn::Path>);

/// `[desc] parent [item] got [(path) [desc] …] pending [(path) …]`.
fn parse_state(input: ParseStream) -> syn::Result<State> {
    let content;
    syn::bracketed!(content in input);
    let delivered = parse_desc(&content)?;
    keyword(input, "parent")?;
    let content;
    syn::bracketed!(content in input);
    let parent: DeriveInput = content.parse()?;
    keyword(input, "got")?;
    let got_tokens;
    syn::bracketed!(got_tokens in input);
    let mut got = Vec::new();
    while !got_tokens.is_empty() {
        let path;
        syn::parenthesized!(path in got_tokens);
        let path: syn::Path = path.parse()?;
        let desc;
        syn::bracketed!(desc in got_tokens);
        got.push((path, parse_desc(&desc)?));
    }
    keyword(input, "pending")?;
    let pending_tokens;
    syn::bracketed!(pending_tokens in input);
    let mut pending = Vec::new();
    while !pending_tokens.is_empty() {
        let path;
        syn::parenthesized!(path in pending_tokens);
        pending.push(path.parse()?);
    }
    Ok((delivered, parent, got, pending))
}

fn parse_desc(input: ParseStream) -> syn::Result<Desc> {
    if input.peek(syn::Token![struct]) {
        input.parse::<syn::Token![struct]>()?;
        return Ok(Desc::Struct);
    }
    if input.peek(syn::Token![enum]) {
        input.parse::<syn::Token![enum]>()?;
        return Ok(Desc::Enum);
    }
    let tag: Ident = input.parse()?;
    match tag.to_string().as_str() {
        "group" => Ok(Desc::Group(Box::new(input.parse()?))),
        "broken" => Ok(Desc::Broken),
        _ => Err(syn::Error::new(tag.span(), "capnzero: not a description")),
    }
}

fn keyword(input: ParseStream, word: &str) -> syn::Result<()> {
    let ident: Ident = input.parse()?;
    if ident == word {
        Ok(())
    } else {
        Err(syn::Error::new(ident.span(), format!("capnzero: expected `{word}`")))
    }
}
