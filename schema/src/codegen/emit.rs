//! Tokens for the planned types: per struct (or group) an owned type, a reader and a builder;
//! per enum a Rust enum. Generated code reaches the runtime only through
//! `::capnzero::__private` and calls its helpers rather than inlining wire logic.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, ToTokens};

use crate::model::{Node, NodeKind, Value};

use super::ir::{self, Kind};
use super::names::{ident, plain};
use super::plan::{GenerateError, Param, Plan};

// The path generated code reaches the runtime by.
pub(super) use crate::runtime_path::runtime_path as rt;

pub(super) fn doc(text: &str) -> TokenStream {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    let mut out = TokenStream::new();
    for line in lines {
        let line = format!(" {}", line.trim_end());
        out.extend(quote!(#[doc = #line]));
    }
    out
}

/// The emitter of one file.
pub struct Emitter<'p, 'c> {
    pub(super) plan: &'p Plan<'c>,
    /// What cannot be generated, found while emitting (accessor collisions, bad virtual
    /// groups).
    pub errors: Vec<GenerateError>,
    /// The generic parameters of the struct being emitted, which its code names as themselves.
    pub(super) in_scope: Vec<Param>,
}

impl<'p, 'c> Emitter<'p, 'c> {
    /// An emitter over a plan without errors.
    pub fn new(plan: &'p Plan<'c>) -> Emitter<'p, 'c> {
        Emitter { plan, errors: Vec::new(), in_scope: Vec::new() }
    }

    /// Every planned type of the file.
    pub fn file(&mut self) -> TokenStream {
        let mut out = TokenStream::new();
        for &id in &self.plan.roots {
            out.extend(self.node(id));
        }
        for (module, file_name, roots) in &self.plan.imported {
            let name = ident(module);
            let mut items = TokenStream::new();
            for &id in roots {
                items.extend(self.node(id));
            }
            let module_doc = doc(&format!("The types of the imported file `{file_name}`."));
            out.extend(quote! {
                #module_doc
                pub mod #name {
                    #items
                }
            });
        }
        for (module, path) in &self.plan.external {
            let name = ident(module);
            // Private: the module given may be private too, and only the generated items (in
            // this module and below it) name the file through the alias.
            out.extend(quote! {
                use #path as #name;
            });
        }
        out
    }

    pub(super) fn node(&mut self, id: u64) -> TokenStream {
        let node = self.plan.nodes[&id];
        match &node.kind {
            NodeKind::Struct(st) => self.structure(node, st),
            NodeKind::Enum(_) => self.enumeration(node),
            NodeKind::Interface(interface) => self.interface(node, interface),
            NodeKind::Const { ty, value } => self.constant(node, ty, value),
            NodeKind::File | NodeKind::Annotation { .. } => TokenStream::new(),
        }
    }

    /// The path to the type `id` (with `suffix` appended to its name) from code in `modules`.
    pub(super) fn path(&self, from_depth: usize, id: u64, suffix: &str) -> TokenStream {
        let loc = &self.plan.locs[&id];
        // A derived group's owned type is the user's, named through its alias at the top.
        if let (Some(alias), "") = (self.plan.user_groups.get(&id), suffix) {
            return top_level(from_depth, alias);
        }
        let supers = (0..from_depth).map(|_| quote!(super::));
        let modules = loc.modules.iter().map(|m| ident(m));
        let name = plain(&format!("{}{suffix}", loc.name));
        quote!(#(#supers)* #(#modules ::)* #name)
    }

    fn enumeration(&mut self, node: &Node) -> TokenStream {
        let NodeKind::Enum(enumerants) = &node.kind else { return TokenStream::new() };
        let e = ir::enumeration(self.plan, node, enumerants);
        self.errors.extend(ir::check_variants(&e));
        let name = plain(&e.name);
        let docs = doc(e.doc.unwrap_or(&format!("The enum `{}`.", node.display_name)));
        let variants: Vec<(Ident, Literal, TokenStream)> = e
            .variants
            .iter()
            .map(|v| {
                let member_doc = doc(v.doc.unwrap_or(&format!("`{}` ({}).", v.schema_name, v.ordinal)));
                (plain(&v.name), Literal::u16_unsuffixed(v.ordinal), member_doc)
            })
            .collect();
        let decls = variants.iter().map(|(v, _, d)| quote!(#d #v,));
        let from = variants.iter().map(|(v, n, _)| quote!(#n => #name::#v,));
        let to = variants.iter().map(|(v, n, _)| quote!(#name::#v => #n,));
        let first = match variants.first() {
            Some((v, _, _)) => quote!(#name::#v),
            None => quote!(#name::Unknown(0)),
        };
        let reflect = self.reflect_enum(&e);
        let text = self.text_enum(&e);
        let impls = enum_impls(&name);
        quote! {
            #reflect

            #text

            #docs
            #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::cmp::PartialEq,
                ::core::cmp::Eq, ::core::hash::Hash)]
            pub enum #name {
                #(#decls)*
                /// A value this schema does not know (written by a newer schema).
                Unknown(u16),
            }

            impl #name {
                /// The enumerant with ordinal `value`.
                pub fn from_u16(value: u16) -> #name {
                    match value {
                        #(#from)*
                        other => #name::Unknown(other),
                    }
                }

                /// The ordinal, as stored on the wire.
                pub fn to_u16(self) -> u16 {
                    match self {
                        #(#to)*
                        #name::Unknown(other) => other,
                    }
                }
            }

            impl ::core::default::Default for #name {
                /// The enumerant of ordinal 0.
                fn default() -> #name {
                    #first
                }
            }

            #impls
        }
    }

    /// The `ListElement` type of list elements of kind `kind`.
    pub(super) fn element(&self, depth: usize, kind: &Kind) -> TokenStream {
        self.element_type(depth, kind, false)
    }

    /// The owned type of list elements of kind `kind`.
    pub(super) fn owned_element(&self, depth: usize, kind: &Kind) -> TokenStream {
        self.element_type(depth, kind, true)
    }

    /// [`Self::element`], or with `owned` [`Self::owned_element`]: they differ only for
    /// pointers (a marker type such as `kind::Text` against the owned `String`).
    fn element_type(&self, depth: usize, kind: &Kind, owned: bool) -> TokenStream {
        let rt = rt();
        match (kind, owned) {
            (Kind::Void, _) => quote!(()),
            (Kind::Bool, _) => quote!(bool),
            (Kind::Prim(name), _) => Kind::prim(name).into_token_stream(),
            (Kind::Enum(id), _) => self.path(depth, *id, ""),
            (Kind::Struct(id, args), _) => self.type_at(depth, *id, "", Some(args), None),
            (Kind::Param(param), false) => self.in_scope_param(*param),
            (Kind::Param(param), true) => {
                let param = self.in_scope_param(*param);
                quote!(<#param as #rt::ListElement>::Owned)
            }
            (Kind::Text, false) => quote!(#rt::kind::Text),
            (Kind::Text, true) => quote!(#rt::String),
            (Kind::Data, false) => quote!(#rt::kind::Data),
            (Kind::Data, true) => quote!(#rt::Vec<u8>),
            (Kind::Any, false) => quote!(#rt::kind::AnyPointer),
            (Kind::Any, true) => quote!(#rt::AnyValue),
            (Kind::List(inner), false) => {
                let inner = self.element_type(depth, inner, false);
                quote!(#rt::kind::List<#inner>)
            }
            (Kind::List(inner), true) => {
                let inner = self.element_type(depth, inner, true);
                quote!(#rt::Vec<#inner>)
            }
        }
    }
}

impl Emitter<'_, '_> {
    /// The statement writing the owned value of a group (`value`, a reference) through
    /// `builder`: its `write_fields`, or for a type of the user's the runtime's `WriteGroup`.
    pub(super) fn write_group(user_type: bool, value: TokenStream, builder: TokenStream) -> TokenStream {
        if user_type {
            let rt = rt();
            quote!(#rt::WriteGroup::write_group(#value, #builder)?;)
        } else {
            quote!((#value).write_fields(#builder)?;)
        }
    }
}

/// The runtime traits of an enum `name` with inherent `from_u16`/`to_u16` (generated or
/// derived): `Enum`, and `ListElement` as a list of 16-bit ordinals.
pub(crate) fn enum_impls(name: &Ident) -> TokenStream {
    let rt = rt();
    quote! {
        impl #rt::Enum for #name {
            fn from_u16(value: u16) -> #name {
                #name::from_u16(value)
            }
            fn to_u16(self) -> u16 {
                #name::to_u16(self)
            }
        }

        impl #rt::ListElement for #name {
            type Reader<'a> = #name;
            type Owned = #name;
            const SIZE: #rt::ElementSize = #rt::ElementSize::TwoBytes;
            fn read(list: &#rt::ListReader<'_>, index: u32) -> #name {
                #name::from_u16(list.get::<u16>(index).unwrap_or(0))
            }
            fn to_owned(value: #name) -> #name {
                value
            }
            fn init(pointer: #rt::PointerBuilder<'_>, len: u32) -> #rt::Result<#rt::ListBuilder<'_>> {
                pointer.init_list(#rt::ElementSize::TwoBytes, len)
            }
            fn write(list: &mut #rt::ListBuilder<'_>, index: u32, value: &#name) -> #rt::Result<()> {
                list.set::<u16>(index, value.to_u16())
            }
        }
    }
}

/// The tokens an emitter collects for one struct.
#[derive(Default)]
pub(super) struct FieldsOut {
    pub(super) owned_fields: TokenStream,
    pub(super) owned_defaults: TokenStream,
    pub(super) to_owned: TokenStream,
    pub(super) reader_methods: TokenStream,
    pub(super) builder_methods: TokenStream,
    pub(super) write: TokenStream,
    pub(super) clear: TokenStream,
    /// Per union member: its field index and the `.map(…)` (pointers) or method (groups)
    /// making its owned value from its reader value.
    pub(super) union_payloads: Vec<(usize, TokenStream)>,
    /// Items for the struct's inner module (views of virtual groups).
    pub(super) inner: TokenStream,
    /// The reader's owned value when it is not a struct literal of the fields: the user's enum
    /// of a derived struct that is only a union.
    pub(super) owned_expr: Option<TokenStream>,
}

/// A primitive default as a literal of its type (floats by bit pattern).
pub(super) fn literal(value: &Value) -> TokenStream {
    match value {
        Value::Int8(v) => quote!(#v),
        Value::Int16(v) => quote!(#v),
        Value::Int32(v) => quote!(#v),
        Value::Int64(v) => quote!(#v),
        Value::UInt8(v) => quote!(#v),
        Value::UInt16(v) => quote!(#v),
        Value::UInt32(v) => quote!(#v),
        Value::UInt64(v) => quote!(#v),
        Value::Float32(v) => {
            let bits = v.to_bits();
            quote!(f32::from_bits(#bits))
        }
        Value::Float64(v) => {
            let bits = v.to_bits();
            quote!(f64::from_bits(#bits))
        }
        _ => quote!(0),
    }
}

/// The item `name` at the macro's top level, named from code `depth` modules deep.
pub(super) fn top_level(depth: usize, name: &str) -> TokenStream {
    let supers = (0..depth).map(|_| quote!(super::));
    let name = plain(name);
    quote!(#(#supers)* #name)
}

/// `methods` (items of an impl block) with `#[inline]` on every `pub fn`.
pub(super) fn inline_methods(methods: TokenStream) -> TokenStream {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = methods.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, token) in tokens.iter().enumerate() {
        let starts_fn = matches!(token, TokenTree::Ident(word) if word == "pub")
            && matches!(tokens.get(i + 1), Some(TokenTree::Ident(word)) if word == "fn");
        if starts_fn {
            out.extend(quote!(#[inline]));
        }
        out.extend([token.clone()]);
    }
    out
}
