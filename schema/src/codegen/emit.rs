//! Tokens for the planned types: per struct (or group) an owned type, a reader and a builder;
//! per enum a Rust enum. Generated code reaches the runtime only through
//! `::capnzero::__private` and calls its helpers rather than inlining wire logic.

use std::collections::HashSet;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, ToTokens};

use crate::model::{AnyPointer, Brand, Field, FieldKind, Node, NodeKind, StructNode, Type, Value};

use super::generics::{Generics, Param};
use super::names::{ident, plain, snake_case};
use super::plan::{OwnedForm, Plan};

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
    /// Accessor name collisions found while emitting.
    pub errors: Vec<String>,
    /// The generic parameters of the struct being emitted, which its code names as themselves.
    pub(super) in_scope: Vec<Param>,
}

/// How a slot field is stored, as far as generated code cares.
enum Slot<'m> {
    Void,
    Bool,
    Prim(TokenStream),
    Enum(u64),
    Text,
    Data,
    List(&'m Type),
    Struct(u64, &'m Brand),
    /// A generic parameter in scope.
    Param(Param),
    Any,
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

    pub(super) fn node_doc(&self, id: u64, fallback: &str) -> TokenStream {
        match self.plan.docs.get(&id).and_then(|s| s.doc_comment.as_deref()) {
            Some(text) => doc(text),
            None => doc(fallback),
        }
    }

    pub(super) fn member_doc(&self, id: u64, index: usize) -> Option<TokenStream> {
        let text = self.plan.docs.get(&id)?.members.get(index)?.as_deref()?;
        Some(doc(text))
    }

    fn enumeration(&mut self, node: &Node) -> TokenStream {
        let NodeKind::Enum(enumerants) = &node.kind else { return TokenStream::new() };
        let loc = &self.plan.locs[&node.id];
        let name = plain(&loc.name);
        let docs = self.node_doc(node.id, &format!("The enum `{}`.", node.display_name));
        let mut variants = Vec::new();
        let mut seen = HashSet::new();
        for (index, e) in enumerants.iter().enumerate() {
            let variant = self.plan.enumerant_name(e);
            if !seen.insert(variant.clone()) {
                self.errors.push(format!(
                    "{}: capnzero does not generate enumerants whose Rust names collide (`{variant}`) yet",
                    node.display_name
                ));
            }
            let member_doc =
                self.member_doc(node.id, index).unwrap_or_else(|| doc(&format!("`{}` ({index}).", e.name)));
            variants.push((plain(&variant), Literal::u16_unsuffixed(index as u16), member_doc));
        }
        let decls = variants.iter().map(|(v, _, d)| quote!(#d #v,));
        let from = variants.iter().map(|(v, n, _)| quote!(#n => #name::#v,));
        let to = variants.iter().map(|(v, n, _)| quote!(#name::#v => #n,));
        let first = match variants.first() {
            Some((v, _, _)) => quote!(#name::#v),
            None => quote!(#name::Unknown(0)),
        };
        let reflect = self.reflect_enum(node, enumerants);
        let impls = enum_impls(&name);
        quote! {
            #reflect

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

    fn slot<'m>(&self, ty: &'m Type) -> Slot<'m> {
        match ty {
            Type::Void => Slot::Void,
            Type::Bool => Slot::Bool,
            Type::Int8 => Slot::Prim(quote!(i8)),
            Type::Int16 => Slot::Prim(quote!(i16)),
            Type::Int32 => Slot::Prim(quote!(i32)),
            Type::Int64 => Slot::Prim(quote!(i64)),
            Type::UInt8 => Slot::Prim(quote!(u8)),
            Type::UInt16 => Slot::Prim(quote!(u16)),
            Type::UInt32 => Slot::Prim(quote!(u32)),
            Type::UInt64 => Slot::Prim(quote!(u64)),
            Type::Float32 => Slot::Prim(quote!(f32)),
            Type::Float64 => Slot::Prim(quote!(f64)),
            Type::Text => Slot::Text,
            Type::Data => Slot::Data,
            Type::List(inner) => Slot::List(inner),
            Type::Enum { type_id, .. } => Slot::Enum(*type_id),
            Type::Struct { type_id, brand } => Slot::Struct(*type_id, brand),
            Type::AnyPointer(AnyPointer::Parameter { scope_id, index })
                if self.in_scope.contains(&(*scope_id, *index)) =>
            {
                Slot::Param((*scope_id, *index))
            }
            // Unbound parameters, and capabilities of a known interface, read as AnyPointer.
            Type::AnyPointer(_) | Type::Interface { .. } => Slot::Any,
        }
    }

    /// The Rust type of a primitive (numbers only).
    pub(super) fn slot_type(&self, ty: &Type) -> Option<TokenStream> {
        match self.slot(ty) {
            Slot::Prim(t) => Some(t),
            _ => None,
        }
    }

    /// The enumerant `value` of the enum `id`, as a constant expression.
    pub(super) fn enumerant(&self, depth: usize, id: u64, value: u16) -> TokenStream {
        let e = self.path(depth, id, "");
        let known = match self.plan.nodes.get(&id).map(|n| &n.kind) {
            Some(NodeKind::Enum(enumerants)) => enumerants.get(value as usize),
            _ => None,
        };
        match known {
            Some(enumerant) => {
                let variant = plain(&self.plan.enumerant_name(enumerant));
                quote!(#e::#variant)
            }
            None => quote!(#e::Unknown(#value)),
        }
    }

    /// The `ListElement` type of list elements of type `ty`.
    pub(super) fn element(&self, depth: usize, ty: &Type) -> TokenStream {
        let rt = rt();
        match self.slot(ty) {
            Slot::Void => quote!(()),
            Slot::Bool => quote!(bool),
            Slot::Prim(t) => t,
            Slot::Enum(id) => self.path(depth, id, ""),
            Slot::Struct(id, brand) => self.type_at(depth, id, "", Some(brand), None),
            Slot::Param(param) => self.in_scope_param(param),
            Slot::Text => quote!(#rt::kind::Text),
            Slot::Data => quote!(#rt::kind::Data),
            Slot::Any => quote!(#rt::kind::AnyPointer),
            Slot::List(inner) => {
                let inner = self.element(depth, inner);
                quote!(#rt::kind::List<#inner>)
            }
        }
    }

    /// The owned type of list elements of type `ty`.
    pub(super) fn owned_element(&self, depth: usize, ty: &Type) -> TokenStream {
        let rt = rt();
        match self.slot(ty) {
            Slot::Void => quote!(()),
            Slot::Bool => quote!(bool),
            Slot::Prim(t) => t,
            Slot::Enum(id) => self.path(depth, id, ""),
            Slot::Struct(id, brand) => self.type_at(depth, id, "", Some(brand), None),
            Slot::Param(param) => {
                let param = self.in_scope_param(param);
                quote!(<#param as #rt::ListElement>::Owned)
            }
            Slot::Text => quote!(#rt::String),
            Slot::Data => quote!(#rt::Vec<u8>),
            Slot::Any => quote!(#rt::AnyValue),
            Slot::List(inner) => {
                let inner = self.owned_element(depth, inner);
                quote!(#rt::Vec<#inner>)
            }
        }
    }

    fn structure(&mut self, node: &Node, st: &StructNode) -> TokenStream {
        let rt = rt();
        let loc = self.plan.locs[&node.id].clone();
        let depth = loc.modules.len();
        let inner_depth = depth + 1;
        let user_group = self.plan.user_groups.contains_key(&node.id);
        let owned = if user_group { self.path(depth, node.id, "") } else { plain(&loc.name).into_token_stream() };
        let reader = plain(&format!("{}Reader", loc.name));
        let builder = plain(&format!("{}Builder", loc.name));
        let module = ident(&snake_case(&loc.name));
        // A name the naming rules gave a `_` (`Foo_`) makes `Foo_Reader`, which is not camel case.
        let suffixed =
            if loc.name.ends_with('_') { quote!(#[allow(non_camel_case_types)]) } else { TokenStream::new() };
        let kind = if st.is_group { "group" } else { "struct" };
        let docs = self.node_doc(node.id, &format!("The {kind} `{}`.", node.display_name));
        let reader_doc = doc(&format!("A zero-copy view of the {kind} `{}`.", node.display_name));
        let builder_doc = doc(&format!("Writes the {kind} `{}` in place in a message.", node.display_name));
        let params = self.params_of(node.id).to_vec();
        let outer_scope = std::mem::replace(&mut self.in_scope, params.clone());
        let g = Generics::new(self, &params);
        let Generics { owned_decl, reader_decl, impl_plain, impl_a, args, args_a, args_anon, phantom, phantom_init } =
            g.clone();

        let mut fields = FieldsOut::default();
        let has_union = st.discriminant_count > 0;
        let disc = Literal::usize_unsuffixed(st.discriminant_offset as usize);
        let mut reader_names = HashSet::new();
        let mut builder_names = HashSet::new();
        for name in ["from_untyped", "untyped", "to_owned", "which", "raw_discriminant", "dynamic"] {
            reader_names.insert(name.to_string());
        }
        for name in ["from_untyped", "untyped", "reborrow", "clear_fields"] {
            builder_names.insert(name.to_string());
        }
        if self.plan.keys.contains_key(&node.id) {
            reader_names.insert("key".to_string());
        }
        let mut union_members = Vec::new();
        for (index, field) in st.fields.iter().enumerate() {
            let in_union = field.discriminant_value != Field::NO_DISCRIMINANT;
            if in_union {
                union_members.push((index, field));
            }
            let names = self.field(node, index, field, depth, in_union, &disc, &mut fields);
            for (is_reader, name) in names {
                let set = if is_reader { &mut reader_names } else { &mut builder_names };
                if !set.insert(name.clone()) {
                    self.errors.push(format!(
                        "{}.{}: capnzero does not generate fields whose accessor names collide (`{name}`) yet",
                        node.display_name, field.name
                    ));
                }
            }
        }

        let mut inner_items = std::mem::take(&mut fields.inner);
        if has_union {
            inner_items.extend(self.union(node, &union_members, depth, &disc, &mut fields));
        }
        for nested in &node.nested_nodes {
            if self.plan.locs.contains_key(&nested.id) {
                inner_items.extend(self.node(nested.id));
            }
        }
        for field in &st.fields {
            if let FieldKind::Group { type_id } = field.kind {
                inner_items.extend(self.node(type_id));
            }
        }

        let FieldsOut {
            owned_fields,
            owned_defaults,
            to_owned,
            reader_methods,
            builder_methods,
            write,
            clear,
            owned_expr,
            ..
        } = fields;
        let to_owned_expr = owned_expr.unwrap_or_else(|| quote!(#owned { #to_owned }));
        // Accessors are a few instructions over the runtime's: inlined into other crates too.
        let reader_methods = inline_methods(reader_methods);
        let builder_methods = inline_methods(builder_methods);
        let id = Literal::u64_suffixed(node.id);
        let data_words = Literal::u16_suffixed(st.data_word_count);
        let pointers = Literal::u16_suffixed(st.pointer_count);
        let struct_impls = if st.is_group {
            TokenStream::new()
        } else {
            quote! {
                #[automatically_derived]
                impl #impl_plain #rt::Struct for #owned #args {
                    type Reader<'a> = #reader #args_a;
                    type Builder<'a> = #builder #args_a;
                    const TYPE_ID: u64 = #id;
                    const DATA_WORDS: u16 = #data_words;
                    const POINTER_COUNT: u16 = #pointers;
                    #[inline]
                    fn wrap_reader(reader: #rt::StructReader<'_>) -> #reader #args_anon {
                        #reader { reader, #phantom_init }
                    }
                    #[inline]
                    fn wrap_builder(builder: #rt::StructBuilder<'_>) -> #builder #args_anon {
                        #builder { builder, #phantom_init }
                    }
                    #[inline]
                    fn unwrap_reader<'a>(reader: Self::Reader<'a>) -> #rt::StructReader<'a> {
                        reader.reader
                    }
                    fn read_owned(reader: #reader #args_anon) -> Self {
                        reader.to_owned()
                    }
                    fn write_to(&self, builder: #rt::StructBuilder<'_>) -> #rt::Result<()> {
                        self.write_fields(#builder { builder, #phantom_init })
                    }
                }

                #[automatically_derived]
                impl #impl_plain #rt::ListElement for #owned #args {
                    type Reader<'a> = #reader #args_a;
                    type Owned = Self;
                    const SIZE: #rt::ElementSize = #rt::ElementSize::InlineComposite;
                    #[inline]
                    fn read<'a>(list: &#rt::ListReader<'a>, index: u32) -> #reader #args_a {
                        #rt::struct_element::<Self>(list, index)
                    }
                    #[inline]
                    fn read_struct_element<'a>(
                        _: &#rt::ListReader<'a>,
                        _: u32,
                        element: #rt::StructReader<'a>,
                    ) -> #reader #args_a {
                        <Self as #rt::Struct>::wrap_reader(element)
                    }
                    fn to_owned(value: #reader #args_anon) -> Self {
                        value.to_owned()
                    }
                    fn init(pointer: #rt::PointerBuilder<'_>, len: u32) -> #rt::Result<#rt::ListBuilder<'_>> {
                        #rt::init_struct_list::<Self>(pointer, len)
                    }
                    fn write(list: &mut #rt::ListBuilder<'_>, index: u32, value: &Self) -> #rt::Result<()> {
                        #rt::write_struct_element(list, index, value)
                    }
                }

                #[automatically_derived]
                impl #impl_plain #rt::Pointee for #owned #args {
                    #[inline]
                    fn read_pointer(pointer: #rt::PointerReader<'_>) -> ::core::option::Option<#reader #args_anon> {
                        #rt::struct_at::<Self>(pointer)
                    }
                    #[inline]
                    fn default_reader<'a>() -> #reader #args_a {
                        ::core::default::Default::default()
                    }
                    fn write_pointer(pointer: #rt::PointerBuilder<'_>, value: &Self) -> #rt::Result<()> {
                        #rt::write_struct(pointer, value)
                    }
                }
            }
        };
        let module_doc = doc(&format!("Types nested in `{}`.", node.display_name));
        let inner_module = if inner_items.is_empty() {
            TokenStream::new()
        } else {
            quote! {
                #module_doc
                pub mod #module {
                    #inner_items
                }
            }
        };
        let _ = inner_depth;
        let reflect = self.reflect_struct(node, st, &g);
        let owned_path = quote!(#owned);
        let reader_path = quote!(#reader);
        let mut comparisons = self.reader_comparisons(&reader_path, &g);
        let (reader_derive, reader_copy) = if params.is_empty() {
            (quote!(#[derive(::core::clone::Clone, ::core::marker::Copy)]), TokenStream::new())
        } else {
            // By hand: derives would ask the parameters, which are only markers, to be `Copy`.
            let copy = quote! {
                impl #impl_plain ::core::clone::Clone for #reader #args_anon {
                    fn clone(&self) -> Self {
                        *self
                    }
                }
                impl #impl_plain ::core::marker::Copy for #reader #args_anon {}
            };
            (TokenStream::new(), copy)
        };
        let extra = self.extra_derives(node.id);
        let owned_derive = match self.plan.keys.get(&node.id) {
            Some(key) => {
                comparisons.extend(self.key_items(node, st, key, &owned_path, &reader_path));
                quote!(#[derive(::core::clone::Clone #extra)])
            }
            None => quote!(#[derive(::core::clone::Clone, ::core::cmp::PartialEq #extra)]),
        };
        // A derived struct's owned type is the user's own.
        let owned_item = if self.plan.user_owned.contains_key(&node.id) {
            TokenStream::new()
        } else {
            quote! {
                #docs
                #owned_derive
                pub struct #owned #owned_decl {
                    #owned_fields
                }

                impl #impl_plain ::core::default::Default for #owned #args {
                    /// Every field at its schema default; pointers null.
                    fn default() -> Self {
                        #owned { #owned_defaults }
                    }
                }
            }
        };
        let write_fields = if user_group {
            quote! {
                impl<'b> #rt::WriteGroup<#builder<'b>> for #owned {
                    fn write_group(&self, mut builder: #builder<'b>) -> #rt::Result<()> {
                        let _ = &mut builder;
                        #write
                        ::core::result::Result::Ok(())
                    }
                }
            }
        } else {
            quote! {
                impl #impl_plain #owned #args {
                    /// Writes every field into `builder`.
                    #[doc(hidden)]
                    pub fn write_fields(&self, mut builder: #builder #args_anon) -> #rt::Result<()> {
                        let _ = &mut builder;
                        #write
                        ::core::result::Result::Ok(())
                    }
                }
            }
        };
        let tokens = quote! {
            #reflect

            #owned_item

            #write_fields

            #reader_doc
            #reader_derive
            #suffixed
            pub struct #reader #reader_decl {
                reader: #rt::StructReader<'a>,
                #phantom
            }

            #reader_copy

            impl #impl_plain ::core::default::Default for #reader #args_anon {
                /// The struct with every field at its default.
                fn default() -> Self {
                    #reader { reader: #rt::empty_struct(), #phantom_init }
                }
            }

            impl #impl_a #reader #args_a {
                /// Views an untyped struct as this type.
                pub fn from_untyped(reader: #rt::StructReader<'a>) -> Self {
                    #reader { reader, #phantom_init }
                }

                /// The untyped struct.
                pub fn untyped(self) -> #rt::StructReader<'a> {
                    self.reader
                }

                /// An owned copy of every field.
                pub fn to_owned(self) -> #owned #args {
                    #to_owned_expr
                }

                #reader_methods
            }

            #builder_doc
            #suffixed
            pub struct #builder #reader_decl {
                builder: #rt::StructBuilder<'a>,
                #phantom
            }

            impl #impl_a #builder #args_a {
                /// Writes an untyped struct as this type.
                pub fn from_untyped(builder: #rt::StructBuilder<'a>) -> Self {
                    #builder { builder, #phantom_init }
                }

                /// A shorter-lived builder of the same struct.
                pub fn reborrow(&mut self) -> #builder #args_anon {
                    #builder { builder: self.builder.reborrow(), #phantom_init }
                }

                /// The untyped struct.
                pub fn untyped(&mut self) -> #rt::StructBuilder<'_> {
                    self.builder.reborrow()
                }

                /// Sets every field to zero (its default), pointers to null.
                #[doc(hidden)]
                pub fn clear_fields(&mut self) {
                    #clear
                }

                #builder_methods
            }

            #struct_impls

            #comparisons

            #inner_module
        };
        self.in_scope = outer_scope;
        tokens
    }

    /// The accessors of one field; returns the method names it defined (`true` for reader
    /// methods).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn field(
        &mut self,
        node: &Node,
        index: usize,
        field: &Field,
        depth: usize,
        in_union: bool,
        disc: &Literal,
        out: &mut FieldsOut,
    ) -> Vec<(bool, String)> {
        let rt = rt();
        let snake = self.plan.field_name(field);
        let name = ident(&snake);
        let has = plain(&format!("has_{snake}"));
        let get = plain(&format!("get_{snake}"));
        let set = plain(&format!("set_{snake}"));
        let init = plain(&format!("init_{snake}"));
        let field_doc = self.member_doc(node.id, index).unwrap_or_else(|| doc(&format!("The field `{}`.", field.name)));
        let set_disc = if in_union {
            let value = Literal::u16_suffixed(field.discriminant_value);
            quote!(self.builder.set::<u16>(#disc, #value);)
        } else {
            TokenStream::new()
        };
        let mut names = Vec::new();
        let is_name = plain(&format!("is_{snake}"));
        let (offset, ty, default) = match &field.kind {
            FieldKind::Group { type_id } => {
                let group_reader = self.path(depth, *type_id, "Reader");
                let group_builder = self.path(depth, *type_id, "Builder");
                let group_reader_ty = self.type_at(depth, *type_id, "Reader", None, Some(quote!('a)));
                let group_builder_ty = self.type_at(depth, *type_id, "Builder", None, Some(quote!('_)));
                let group_owned = self.type_at(depth, *type_id, "", None, None);
                let disc_value = Literal::u16_suffixed(field.discriminant_value);
                out.clear.extend(quote!(<#group_builder_ty>::from_untyped(self.builder.reborrow()).clear_fields();));
                if in_union {
                    out.reader_methods.extend(quote! {
                        #field_doc
                        /// `None` when another member of the union is set.
                        pub fn #name(self) -> ::core::option::Option<#group_reader_ty> {
                            if self.raw_discriminant() == #disc_value {
                                ::core::option::Option::Some(#group_reader::from_untyped(self.reader))
                            } else {
                                ::core::option::Option::None
                            }
                        }

                        /// Whether this member of the union is set.
                        pub fn #is_name(self) -> bool {
                            self.raw_discriminant() == #disc_value
                        }
                    });
                    names.push((true, snake.clone()));
                    names.push((true, format!("is_{snake}")));
                    out.union_payloads.push((index, quote!(.to_owned())));
                    out.builder_methods.extend(quote! {
                        #field_doc
                        /// Makes it the union's member and clears its fields.
                        pub fn #init(&mut self) -> #group_builder_ty {
                            #set_disc
                            let mut group = #group_builder::from_untyped(self.builder.reborrow());
                            group.clear_fields();
                            group
                        }
                    });
                    names.push((false, format!("init_{snake}")));
                } else if let Some(nullable) = self.plan.nullable.get(type_id) {
                    self.nullable_group(field, *type_id, nullable, depth, &field_doc, out);
                    names.push((true, snake.clone()));
                    names.push((false, snake.clone()));
                } else {
                    out.owned_fields.extend(quote!(#field_doc pub #name: #group_owned,));
                    out.owned_defaults.extend(quote!(#name: ::core::default::Default::default(),));
                    out.to_owned.extend(quote!(#name: self.#name().to_owned(),));
                    out.write.extend(self.write_group(*type_id, quote!(&self.#name), quote!(builder.#name())));
                    out.reader_methods.extend(quote! {
                        #field_doc
                        pub fn #name(self) -> #group_reader_ty {
                            #group_reader::from_untyped(self.reader)
                        }
                    });
                    names.push((true, snake.clone()));
                    out.builder_methods.extend(quote! {
                        #field_doc
                        pub fn #name(&mut self) -> #group_builder_ty {
                            #group_builder::from_untyped(self.builder.reborrow())
                        }
                    });
                    names.push((false, snake.clone()));
                }
                return names;
            }
            FieldKind::Slot { offset, ty, default_value, .. } => (*offset as usize, ty, default_value),
        };
        let off = Literal::usize_unsuffixed(offset);
        let ptr = Literal::u16_suffixed(offset as u16);
        let disc_value = Literal::u16_suffixed(field.discriminant_value);
        let active = if in_union { quote!(self.raw_discriminant() == #disc_value) } else { quote!(true) };
        match self.slot(ty) {
            Slot::Void => {
                if in_union {
                    out.union_payloads.push((index, TokenStream::new()));
                    out.builder_methods.extend(quote! {
                        #field_doc
                        /// Makes it the union's member.
                        pub fn #set(&mut self) {
                            #set_disc
                        }
                    });
                    names.push((false, format!("set_{snake}")));
                } else if self.user_form(node.id, index).is_some() {
                    out.to_owned.extend(quote!(#name: (),));
                } else if let Some(group) = self.plan.virtual_groups.get(&(node.id, index)) {
                    let (accessor, view) = self.virtual_group(node, index, field, group, depth);
                    out.reader_methods.extend(quote!(#field_doc #accessor));
                    out.inner.extend(view);
                    names.push((true, snake.clone()));
                }
            }
            Slot::Bool | Slot::Prim(_) | Slot::Enum(_) => {
                let (value_ty, read, write, clear, default_expr) = match self.slot(ty) {
                    Slot::Bool => {
                        let d = matches!(default, Value::Bool(true));
                        (
                            quote!(bool),
                            quote!(self.reader.get_bool_or(#off, #d)),
                            quote!(self.builder.set_bool_or(#off, value, #d)),
                            quote!(self.builder.set_bool(#off, false);),
                            quote!(#d),
                        )
                    }
                    Slot::Prim(t) => {
                        let d = literal(default);
                        (
                            t.clone(),
                            quote!(self.reader.get_or::<#t>(#off, #d)),
                            quote!(self.builder.set_or::<#t>(#off, value, #d)),
                            quote!(self.builder.set::<#t>(#off, ::core::default::Default::default());),
                            d,
                        )
                    }
                    Slot::Enum(id) => {
                        let e = self.path(depth, id, "");
                        let d = match default {
                            Value::Enum(n) => Literal::u16_suffixed(*n),
                            _ => Literal::u16_suffixed(0),
                        };
                        (
                            e.clone(),
                            quote!(#e::from_u16(self.reader.get_or::<u16>(#off, #d))),
                            quote!(self.builder.set_or::<u16>(#off, value.to_u16(), #d)),
                            quote!(self.builder.set::<u16>(#off, 0);),
                            quote!(#e::from_u16(#d)),
                        )
                    }
                    _ => unreachable_slot(),
                };
                out.clear.extend(clear);
                out.builder_methods.extend(quote! {
                    #field_doc
                    pub fn #set(&mut self, value: #value_ty) {
                        #set_disc
                        #write
                    }
                });
                names.push((false, format!("set_{snake}")));
                if in_union {
                    out.union_payloads.push((index, TokenStream::new()));
                    out.reader_methods.extend(quote! {
                        #field_doc
                        /// `None` when another member of the union is set.
                        pub fn #name(self) -> ::core::option::Option<#value_ty> {
                            if #active { ::core::option::Option::Some(#read) } else { ::core::option::Option::None }
                        }
                    });
                } else {
                    out.owned_fields.extend(quote!(#field_doc pub #name: #value_ty,));
                    out.owned_defaults.extend(quote!(#name: #default_expr,));
                    out.to_owned.extend(quote!(#name: self.#name(),));
                    out.write.extend(quote!(builder.#set(self.#name);));
                    out.reader_methods.extend(quote! {
                        #field_doc
                        pub fn #name(self) -> #value_ty {
                            #read
                        }
                    });
                }
                names.push((true, snake.clone()));
            }
            slot @ (Slot::Text | Slot::Data | Slot::List(_) | Slot::Struct(..) | Slot::Param(_) | Slot::Any) => {
                let boxed = self.plan.boxed.contains(&(node.id, index));
                let pointer = quote!(self.reader.pointer(#ptr));
                // `init_…` of AnyPointer and parameter fields: the cleared pointer.
                let init_any = quote! {
                    #field_doc
                    /// Clears the pointer and returns it, to point at anything.
                    pub fn #init(&mut self) -> #rt::Result<#rt::PointerBuilder<'_>> {
                        #set_disc
                        #rt::cleared_pointer_of(&mut self.builder, #ptr)
                    }
                };
                let (reader_ty, read, owned_ty, to_owned, default_expr, setter) = match slot {
                    Slot::Text => (
                        quote!(&'a str),
                        quote!(#rt::text(#pointer)),
                        quote!(#rt::String),
                        quote!(.map(#rt::String::from)),
                        match default {
                            Value::Text(Some(text)) => quote!(#text),
                            _ => quote!(""),
                        },
                        quote! {
                            pub fn #set(&mut self, value: &str) -> #rt::Result<()> {
                                #set_disc
                                #rt::pointer_of(&mut self.builder, #ptr)?.set_text(value)
                            }
                        },
                    ),
                    Slot::Data => (
                        quote!(&'a [u8]),
                        quote!(#rt::data(#pointer)),
                        quote!(#rt::Vec<u8>),
                        quote!(.map(<[u8]>::to_vec)),
                        match default {
                            Value::Data(Some(bytes)) => {
                                let bytes = Literal::byte_string(bytes);
                                quote!(#bytes)
                            }
                            _ => quote!(&[]),
                        },
                        quote! {
                            pub fn #set(&mut self, value: &[u8]) -> #rt::Result<()> {
                                #set_disc
                                #rt::pointer_of(&mut self.builder, #ptr)?.set_data(value)
                            }
                        },
                    ),
                    Slot::List(inner) => {
                        let element = self.element(depth, inner);
                        let owned_element = self.owned_element(depth, inner);
                        let default_expr = match default {
                            Value::List(Some(words)) => {
                                let bytes = Literal::byte_string(words);
                                quote!(#rt::default_list::<#element>(#bytes))
                            }
                            _ => quote!(#rt::List::default()),
                        };
                        (
                            quote!(#rt::List<'a, #element>),
                            quote!(#rt::List::<#element>::from_pointer(#pointer)),
                            quote!(#rt::Vec<#owned_element>),
                            quote!(.map(|list| list.to_vec())),
                            default_expr,
                            quote! {
                                pub fn #set(&mut self, value: &[#owned_element]) -> #rt::Result<()> {
                                    #set_disc
                                    #rt::write_list::<#element>(#rt::pointer_of(&mut self.builder, #ptr)?, value)
                                }

                                #field_doc
                                /// Points it at a new list of `len` zero elements, to fill in place.
                                pub fn #init(&mut self, len: u32) -> #rt::Result<#rt::ListBuilderOf<'_, #element>> {
                                    #set_disc
                                    #rt::ListBuilderOf::init(#rt::pointer_of(&mut self.builder, #ptr)?, len)
                                }
                            },
                        )
                    }
                    Slot::Struct(id, brand) => {
                        let target = self.type_at(depth, id, "", Some(brand), None);
                        let target_reader = self.path(depth, id, "Reader");
                        let target_reader_ty = self.type_at(depth, id, "Reader", Some(brand), Some(quote!('a)));
                        let target_builder = self.type_at(depth, id, "Builder", Some(brand), Some(quote!('_)));
                        let default_expr = match default {
                            Value::Struct(Some(words)) => {
                                let bytes = Literal::byte_string(words);
                                quote!(#rt::default_struct::<#target>(#bytes))
                            }
                            _ => quote!(#target_reader::default()),
                        };
                        let (owned_ty, to_owned) = if boxed {
                            (quote!(#rt::Box<#target>), quote!(.map(|value| #rt::Box::new(value.to_owned()))))
                        } else {
                            (target.clone(), quote!(.map(|value| value.to_owned())))
                        };
                        (
                            target_reader_ty,
                            quote!(#rt::struct_at::<#target>(#pointer)),
                            owned_ty,
                            to_owned,
                            default_expr,
                            quote! {
                                pub fn #set(&mut self, value: &#target) -> #rt::Result<()> {
                                    #set_disc
                                    #rt::write_struct(#rt::pointer_of(&mut self.builder, #ptr)?, value)
                                }

                                #field_doc
                                /// Points it at a new struct with every field at its default, to fill in place.
                                pub fn #init(&mut self) -> #rt::Result<#target_builder> {
                                    #set_disc
                                    ::core::result::Result::Ok(#rt::init_struct::<#target>(#rt::pointer_of(&mut self.builder, #ptr)?))
                                }
                            },
                        )
                    }
                    Slot::Param(param) => {
                        let t = self.in_scope_param(param);
                        (
                            quote!(<#t as #rt::ListElement>::Reader<'a>),
                            quote!(<#t as #rt::Pointee>::read_pointer(#pointer)),
                            quote!(<#t as #rt::ListElement>::Owned),
                            quote!(.map(<#t as #rt::ListElement>::to_owned)),
                            quote!(<#t as #rt::Pointee>::default_reader()),
                            quote! {
                                pub fn #set(&mut self, value: &<#t as #rt::ListElement>::Owned) -> #rt::Result<()> {
                                    #set_disc
                                    <#t as #rt::Pointee>::write_pointer(#rt::pointer_of(&mut self.builder, #ptr)?, value)
                                }

                                #init_any
                            },
                        )
                    }
                    Slot::Any => (
                        quote!(#rt::AnyPointer<'a>),
                        quote!(#rt::any_pointer(#pointer)),
                        quote!(#rt::AnyValue),
                        quote!(.and_then(|value| value.to_owned())),
                        quote!(#rt::AnyPointer::new(#rt::PointerReader::null())),
                        quote! {
                            pub fn #set(&mut self, value: &#rt::AnyValue) -> #rt::Result<()> {
                                #set_disc
                                value.write_to(#rt::pointer_of(&mut self.builder, #ptr)?)
                            }

                            #init_any
                        },
                    ),
                    _ => unreachable_slot(),
                };
                if matches!(slot, Slot::List(_) | Slot::Struct(..) | Slot::Param(_) | Slot::Any) {
                    names.push((false, format!("init_{snake}")));
                }
                names.push((false, format!("set_{snake}")));
                names.extend([(true, snake.clone()), (true, format!("has_{snake}")), (true, format!("get_{snake}"))]);
                out.clear.extend(quote!(#rt::clear_pointer(&mut self.builder, #ptr);));
                out.builder_methods.extend(quote!(#field_doc #setter));
                out.reader_methods.extend(quote! {
                    #field_doc
                    /// `None` when the pointer is null or malformed.
                    pub fn #name(self) -> ::core::option::Option<#reader_ty> {
                        if #active { #read } else { ::core::option::Option::None }
                    }

                    /// Whether the pointer is set (not null).
                    pub fn #has(self) -> bool {
                        #active && !#pointer.is_null()
                    }

                    #field_doc
                    /// The schema default when the pointer is null or malformed.
                    pub fn #get(self) -> #reader_ty {
                        match self.#name() {
                            ::core::option::Option::Some(value) => value,
                            ::core::option::Option::None => #default_expr,
                        }
                    }
                });
                if in_union {
                    out.union_payloads.push((index, to_owned));
                } else if let Some(form) = self.user_form(node.id, index) {
                    out.to_owned.extend(self.user_to_owned(&slot, form, &name, &get));
                    out.write.extend(if form.optional {
                        quote! {
                            if let ::core::option::Option::Some(value) = &self.#name {
                                builder.#set(value)?;
                            }
                        }
                    } else {
                        quote!(builder.#set(&self.#name)?;)
                    });
                } else {
                    out.owned_fields.extend(quote!(#field_doc pub #name: ::core::option::Option<#owned_ty>,));
                    out.owned_defaults.extend(quote!(#name: ::core::option::Option::None,));
                    out.to_owned.extend(quote!(#name: self.#name()#to_owned,));
                    out.write.extend(quote! {
                        if let ::core::option::Option::Some(value) = &self.#name {
                            builder.#set(value)?;
                        }
                    });
                }
            }
        }
        if in_union {
            out.reader_methods.extend(quote! {
                /// Whether this member of the union is set.
                pub fn #is_name(self) -> bool {
                    self.raw_discriminant() == #disc_value
                }
            });
            names.push((true, format!("is_{snake}")));
        }
        names
    }
}

impl Emitter<'_, '_> {
    /// How the user's own type (`#[derive(CapnpStruct)]`) holds field `index` of struct `id`;
    /// `None` for generated owned types.
    pub(super) fn user_form(&self, id: u64, index: usize) -> Option<OwnedForm> {
        self.plan.user_owned.get(&id).and_then(|forms| forms.get(index)).copied()
    }

    /// The user's owned value of a pointer field, read from the reader: `Option<…>` from the
    /// field's accessor, a plain value from its `get_…` (the default when null).
    fn user_to_owned(&self, slot: &Slot<'_>, form: OwnedForm, name: &Ident, get: &Ident) -> TokenStream {
        let value = self.user_value(slot, form, name, get);
        quote!(#name: #value,)
    }

    /// The expression of [`Self::user_to_owned`].
    fn user_value(&self, slot: &Slot<'_>, form: OwnedForm, name: &Ident, get: &Ident) -> TokenStream {
        let rt = rt();
        let convert = match (slot, form.boxed) {
            (Slot::Text, false) => quote!(#rt::String::from(value)),
            (Slot::Text, true) => quote!(#rt::Box::<str>::from(value)),
            (Slot::Data, false) => quote!(<[u8]>::to_vec(value)),
            (Slot::Data, true) => quote!(#rt::Box::<[u8]>::from(value)),
            (Slot::Struct(..), true) => quote!(#rt::Box::new(value.to_owned())),
            (Slot::List(_), _) => quote!(value.to_vec()),
            _ => quote!(value.to_owned()),
        };
        if form.optional {
            quote!(self.#name().map(|value| #convert))
        } else {
            quote!({ let value = self.#get(); #convert })
        }
    }

    /// The reader and owned types of a union member, named from code `depth` modules deep;
    /// `None` for Void.
    fn member_types(
        &self,
        depth: usize,
        node: &Node,
        index: usize,
        field: &Field,
    ) -> Option<(TokenStream, TokenStream)> {
        let rt = rt();
        let ty = match &field.kind {
            FieldKind::Group { type_id } => {
                let reader = self.type_at(depth, *type_id, "Reader", None, Some(quote!('a)));
                return Some((reader, self.type_at(depth, *type_id, "", None, None)));
            }
            FieldKind::Slot { ty, .. } => ty,
        };
        Some(match self.slot(ty) {
            Slot::Void => return None,
            Slot::Bool => (quote!(bool), quote!(bool)),
            Slot::Prim(t) => (t.clone(), t),
            Slot::Enum(id) => (self.path(depth, id, ""), self.path(depth, id, "")),
            Slot::Text => (quote!(::core::option::Option<&'a str>), quote!(::core::option::Option<#rt::String>)),
            Slot::Data => (quote!(::core::option::Option<&'a [u8]>), quote!(::core::option::Option<#rt::Vec<u8>>)),
            Slot::List(inner) => {
                let element = self.element(depth, inner);
                let owned = self.owned_element(depth, inner);
                (
                    quote!(::core::option::Option<#rt::List<'a, #element>>),
                    quote!(::core::option::Option<#rt::Vec<#owned>>),
                )
            }
            Slot::Any => {
                (quote!(::core::option::Option<#rt::AnyPointer<'a>>), quote!(::core::option::Option<#rt::AnyValue>))
            }
            Slot::Struct(id, brand) => {
                let reader = self.type_at(depth, id, "Reader", Some(brand), Some(quote!('a)));
                let owned = self.type_at(depth, id, "", Some(brand), None);
                let owned = if self.plan.boxed.contains(&(node.id, index)) { quote!(#rt::Box<#owned>) } else { owned };
                (quote!(::core::option::Option<#reader>), quote!(::core::option::Option<#owned>))
            }
            Slot::Param(param) => {
                let t = self.in_scope_param(param);
                (
                    quote!(::core::option::Option<<#t as #rt::ListElement>::Reader<'a>>),
                    quote!(::core::option::Option<<#t as #rt::ListElement>::Owned>),
                )
            }
        })
    }

    /// The anonymous union of a struct or group: its `Which` and `Union` enums (in the inner
    /// module) and the reader, owned and write code for it.
    fn union(
        &mut self,
        node: &Node,
        members: &[(usize, &Field)],
        depth: usize,
        disc: &Literal,
        out: &mut FieldsOut,
    ) -> TokenStream {
        let module = ident(&snake_case(&self.plan.locs[&node.id].name));
        let mut arms = UnionArms { default: quote!(Union::Unknown(0)), ..UnionArms::default() };
        for &(index, field) in members {
            self.union_member(node, index, field, depth, disc, &module, out, &mut arms);
        }
        let UnionArms {
            which_variants,
            union_variants,
            which_arms,
            to_owned_arms,
            write_arms,
            needs_lifetime,
            default,
        } = arms;
        let union_default = default;
        let union_params = self.plan.union_generics.get(&node.id).cloned().unwrap_or_default();
        let union_extra = self.extra_derives(node.id);
        let which_args = self.own_args(&union_params, needs_lifetime.then(|| quote!('a)));
        let union_args = self.own_args(&union_params, None);
        let which_decl = self.decl_generics(&union_params, needs_lifetime);
        let union_decl = self.decl_generics(&union_params, false);
        let union_impl = self.impl_generics(&union_params, false);
        let (which_derive, which_copy) = if union_params.is_empty() {
            (quote!(#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]), TokenStream::new())
        } else {
            // By hand: derives would ask the parameters, which are only markers, to be `Copy`.
            let anon = self.own_args(&union_params, needs_lifetime.then(|| quote!('_)));
            let copy = quote! {
                impl #union_impl ::core::clone::Clone for Which #anon {
                    fn clone(&self) -> Self {
                        *self
                    }
                }
                impl #union_impl ::core::marker::Copy for Which #anon {}
            };
            (quote!(#[derive(::core::fmt::Debug)]), copy)
        };
        let rt = rt();
        out.reader_methods.extend(quote! {
            /// The member of the union that is set, with its value.
            pub fn which(self) -> #module::Which #which_args {
                match self.raw_discriminant() {
                    #which_arms
                    other => #module::Which::Unknown(other),
                }
            }

            /// The union's discriminant as stored.
            pub fn raw_discriminant(self) -> u16 {
                self.reader.get::<u16>(#disc)
            }
        });
        out.clear.extend(quote!(self.builder.set::<u16>(#disc, 0);));
        let which_enum = quote! {
            /// The member of the union that is set, as a reader sees it.
            #which_derive
            pub enum Which #which_decl {
                #which_variants
                /// A discriminant this schema does not know (written by a newer schema).
                Unknown(u16),
            }

            #which_copy
        };
        if self.plan.user_owned.contains_key(&node.id) {
            self.user_union(node, members, &module, disc, depth, out);
            return which_enum;
        }
        out.owned_fields.extend(quote! {
            /// The anonymous union.
            pub union: #module::Union #union_args,
        });
        out.owned_defaults.extend(quote!(union: ::core::default::Default::default(),));
        out.to_owned.extend(quote! {
            union: match self.which() {
                #to_owned_arms
                #module::Which::Unknown(other) => #module::Union::Unknown(other),
            },
        });
        out.write.extend(quote! {
            match &self.union {
                #write_arms
                #module::Union::Unknown(other) => builder.builder.set::<u16>(#disc, *other),
            }
        });
        let _ = rt;
        quote! {
            #which_enum

            /// The member of the union that is set, owned.
            #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq #union_extra)]
            #[allow(clippy::large_enum_variant)]
            pub enum Union #union_decl {
                #union_variants
                /// A discriminant this schema does not know (written by a newer schema).
                Unknown(u16),
            }

            impl #union_impl ::core::default::Default for Union #union_args {
                /// The member of discriminant 0 at its default.
                fn default() -> Self {
                    #union_default
                }
            }
        }
    }

    /// The arms and variants one member of a struct's anonymous union adds to `arms`.
    #[allow(clippy::too_many_arguments)]
    fn union_member(
        &mut self,
        node: &Node,
        index: usize,
        field: &Field,
        depth: usize,
        disc: &Literal,
        module: &Ident,
        out: &FieldsOut,
        arms: &mut UnionArms,
    ) {
        let inner = depth + 1;
        let snake = self.plan.field_name(field);
        let name = ident(&snake);
        let set = plain(&format!("set_{snake}"));
        let init = plain(&format!("init_{snake}"));
        let variant = plain(&self.plan.variant_name(field));
        let d = Literal::u16_suffixed(field.discriminant_value);
        let member_doc =
            self.member_doc(node.id, index).unwrap_or_else(|| doc(&format!("The member `{}`.", field.name)));
        let conversion = out.union_payloads.iter().find(|(i, _)| *i == index).map(|(_, c)| c.clone());
        let conversion = conversion.unwrap_or_default();
        let types = self.member_types(inner, node, index, field);
        let is_group = matches!(field.kind, FieldKind::Group { .. });
        let is_pointer = matches!(&field.kind, FieldKind::Slot { ty, .. }
            if matches!(self.slot(ty), Slot::Text | Slot::Data | Slot::List(_) | Slot::Struct(..) | Slot::Param(_) | Slot::Any));
        match types {
            None => {
                arms.which_variants.extend(quote!(#member_doc #variant,));
                arms.union_variants.extend(quote!(#member_doc #variant,));
                arms.which_arms.extend(quote!(#d => #module::Which::#variant,));
                arms.to_owned_arms.extend(quote!(#module::Which::#variant => #module::Union::#variant,));
                arms.write_arms.extend(quote!(#module::Union::#variant => builder.#set(),));
                if field.discriminant_value == 0 {
                    arms.default = quote!(Union::#variant);
                }
            }
            Some((reader_ty, owned_ty)) => {
                arms.needs_lifetime |= is_group || is_pointer;
                arms.which_variants.extend(quote!(#member_doc #variant(#reader_ty),));
                arms.union_variants.extend(quote!(#member_doc #variant(#owned_ty),));
                if is_group {
                    let group = self.path(depth, self.group_id(field), "Reader");
                    arms.which_arms.extend(quote!(#d => #module::Which::#variant(#group::from_untyped(self.reader)),));
                    arms.to_owned_arms
                        .extend(quote!(#module::Which::#variant(value) => #module::Union::#variant(value.to_owned()),));
                    let write = self.write_group(self.group_id(field), quote!(value), quote!(builder.#init()));
                    arms.write_arms.extend(quote!(#module::Union::#variant(value) => { #write }));
                } else if is_pointer {
                    arms.which_arms.extend(quote!(#d => #module::Which::#variant(self.#name()),));
                    arms.to_owned_arms.extend(
                        quote!(#module::Which::#variant(value) => #module::Union::#variant(value #conversion),),
                    );
                    arms.write_arms.extend(quote! {
                        #module::Union::#variant(value) => match value {
                            ::core::option::Option::Some(value) => builder.#set(value)?,
                            ::core::option::Option::None => builder.builder.set::<u16>(#disc, #d),
                        },
                    });
                } else {
                    // The member is set, so the accessor gives `Some`; no `Default` needed
                    // (a derived enum may not have it).
                    let fallback = match &field.kind {
                        FieldKind::Slot { ty: Type::Enum { type_id, .. }, .. } => {
                            let e = self.path(depth, *type_id, "");
                            let rt = rt();
                            quote!(<#e as #rt::Enum>::from_u16(0))
                        }
                        _ => quote!(::core::default::Default::default()),
                    };
                    arms.which_arms
                        .extend(quote!(#d => #module::Which::#variant(self.#name().unwrap_or_else(|| #fallback)),));
                    arms.to_owned_arms
                        .extend(quote!(#module::Which::#variant(value) => #module::Union::#variant(value),));
                    arms.write_arms.extend(quote!(#module::Union::#variant(value) => builder.#set(*value),));
                }
                if field.discriminant_value == 0 {
                    arms.default = match &field.kind {
                        FieldKind::Slot { ty, default_value, .. } if !is_pointer => {
                            let value = match self.slot(ty) {
                                Slot::Bool => {
                                    let b = matches!(default_value, Value::Bool(true));
                                    quote!(#b)
                                }
                                Slot::Enum(id) => {
                                    let e = self.path(inner, id, "");
                                    let n = match default_value {
                                        Value::Enum(n) => *n,
                                        _ => 0,
                                    };
                                    quote!(#e::from_u16(#n))
                                }
                                _ => literal(default_value),
                            };
                            quote!(Union::#variant(#value))
                        }
                        _ => quote!(Union::#variant(::core::default::Default::default())),
                    };
                }
            }
        }
    }

    /// The owned value and the write of the anonymous union of a derived struct or group: the
    /// user's enum, one variant per member (a unit variant for Void, else one value in the form
    /// the derive read), which is the whole owned value of a struct or named union that is only
    /// a union, or the value of one field. A discriminant this schema does not know reads as the
    /// member of discriminant 0 at its default, as an empty struct does: the user's enum has no
    /// variant for it.
    fn user_union(
        &self,
        node: &Node,
        members: &[(usize, &Field)],
        module: &Ident,
        disc: &Literal,
        depth: usize,
        out: &mut FieldsOut,
    ) {
        let reader = plain(&format!("{}Reader", self.plan.locs[&node.id].name));
        let (owned, field) = match self.plan.user_unions.get(&node.id) {
            Some((field, alias)) => (top_level(depth, alias), Some(ident(field))),
            None => (self.path(depth, node.id, ""), None),
        };
        let mut read_arms = TokenStream::new();
        let mut write_arms = TokenStream::new();
        for &(index, field) in members {
            let snake = self.plan.field_name(field);
            let name = ident(&snake);
            let get = plain(&format!("get_{snake}"));
            let set = plain(&format!("set_{snake}"));
            let init = plain(&format!("init_{snake}"));
            let variant = plain(&self.plan.variant_name(field));
            let form = self.user_form(node.id, index).unwrap_or_default();
            let d = Literal::u16_suffixed(field.discriminant_value);
            let ty = match &field.kind {
                FieldKind::Slot { ty, .. } => ty,
                FieldKind::Group { type_id } => {
                    read_arms.extend(quote!(#module::Which::#variant(value) => #owned::#variant(value.to_owned()),));
                    let write = self.write_group(*type_id, quote!(value), quote!(builder.#init()));
                    write_arms.extend(quote!(#owned::#variant(value) => { #write }));
                    continue;
                }
            };
            match self.slot(ty) {
                Slot::Void => {
                    read_arms.extend(quote!(#module::Which::#variant => #owned::#variant,));
                    write_arms.extend(quote!(#owned::#variant => builder.#set(),));
                }
                Slot::Bool | Slot::Prim(_) | Slot::Enum(_) => {
                    read_arms.extend(quote!(#module::Which::#variant(value) => #owned::#variant(value),));
                    write_arms.extend(quote!(#owned::#variant(value) => builder.#set(*value),));
                }
                slot => {
                    let expr = self.user_value(&slot, form, &name, &get);
                    read_arms.extend(quote!(#module::Which::#variant(_) => #owned::#variant(#expr),));
                    write_arms.extend(if form.optional {
                        quote! {
                            #owned::#variant(value) => match value {
                                ::core::option::Option::Some(value) => builder.#set(value)?,
                                ::core::option::Option::None => builder.builder.set::<u16>(#disc, #d),
                            },
                        }
                    } else {
                        quote!(#owned::#variant(value) => builder.#set(value)?,)
                    });
                }
            }
        }
        out.reader_methods.extend(quote! {
            /// The union, owned.
            #[doc(hidden)]
            pub fn __capnzero_union(self) -> #owned {
                match self.which() {
                    #read_arms
                    // Discriminant 0 is a known member: no second turn.
                    #module::Which::Unknown(_) => #reader::default().__capnzero_union(),
                }
            }
        });
        match field {
            Some(field) => {
                out.to_owned.extend(quote!(#field: self.__capnzero_union(),));
                out.write.extend(quote!(match &self.#field { #write_arms }));
            }
            None => {
                out.owned_expr = Some(quote!(self.__capnzero_union()));
                out.write.extend(quote!(match self { #write_arms }));
            }
        }
    }

    /// `, Path, …`: the derives `$Rust.options` adds to the owned types of struct `id`.
    fn extra_derives(&self, id: u64) -> TokenStream {
        let paths = self.plan.derives.get(&id).into_iter().flatten().filter_map(|p| p.parse::<TokenStream>().ok());
        quote!(#(, #paths)*)
    }

    /// The statement writing the owned value of group `id` (`value`, a reference) through
    /// `builder`.
    fn write_group(&self, id: u64, value: TokenStream, builder: TokenStream) -> TokenStream {
        if self.plan.user_groups.contains_key(&id) {
            let rt = rt();
            quote!(#rt::WriteGroup::write_group(#value, #builder)?;)
        } else {
            quote!((#value).write_fields(#builder)?;)
        }
    }

    fn group_id(&self, field: &Field) -> u64 {
        match field.kind {
            FieldKind::Group { type_id } => type_id,
            FieldKind::Slot { .. } => 0,
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
    union_payloads: Vec<(usize, TokenStream)>,
    /// Items for the struct's inner module (views of virtual groups).
    inner: TokenStream,
    /// The reader's owned value when it is not a struct literal of the fields: the user's enum
    /// of a derived struct that is only a union.
    owned_expr: Option<TokenStream>,
}

fn unreachable_slot() -> ! {
    unreachable!("slot kinds are matched exhaustively above")
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
fn top_level(depth: usize, name: &str) -> TokenStream {
    let supers = (0..depth).map(|_| quote!(super::));
    let name = plain(name);
    quote!(#(#supers)* #name)
}

/// `methods` (items of an impl block) with `#[inline]` on every `pub fn`.
fn inline_methods(methods: TokenStream) -> TokenStream {
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

/// What the members of an anonymous union add up to: the `Which` and `Union` variants, the
/// arms of `which()`, `to_owned()` and the owned value's write, whether `Which` borrows the
/// message, and the owned union's default (its member of discriminant 0).
#[derive(Default)]
struct UnionArms {
    which_variants: TokenStream,
    union_variants: TokenStream,
    which_arms: TokenStream,
    to_owned_arms: TokenStream,
    write_arms: TokenStream,
    needs_lifetime: bool,
    default: TokenStream,
}
