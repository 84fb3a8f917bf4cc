//! The anonymous union of a struct or group: the `Which` enum its reader gives, the owned
//! `Union` enum, and their conversions; for a derived type, the user's enum in their place.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::Value;

use super::emit::{doc, literal, rt, top_level, Emitter, FieldsOut};
use super::ir::{Kind, Member, Storage, Struct};
use super::names::{ident, plain, snake_case};

impl Emitter<'_, '_> {
    /// The reader and owned types of a union member, named from code `depth` modules deep;
    /// `None` for Void.
    fn member_types(&self, depth: usize, m: &Member<'_>) -> Option<(TokenStream, TokenStream)> {
        let rt = rt();
        let kind = match (&m.storage, m.kind()) {
            (Storage::Group { type_id, .. }, _) => {
                let reader = self.type_at(depth, *type_id, "Reader", None, Some(quote!('a)));
                return Some((reader, self.type_at(depth, *type_id, "", None, None)));
            }
            (_, Some(kind)) => kind,
            (_, None) => return None,
        };
        Some(match kind {
            Kind::Void => return None,
            Kind::Bool => (quote!(bool), quote!(bool)),
            Kind::Prim(name) => {
                let t = Kind::prim(name);
                (quote!(#t), quote!(#t))
            }
            Kind::Enum(id) => (self.path(depth, id, ""), self.path(depth, id, "")),
            Kind::Text => (quote!(::core::option::Option<&'a str>), quote!(::core::option::Option<#rt::String>)),
            Kind::Data => (quote!(::core::option::Option<&'a [u8]>), quote!(::core::option::Option<#rt::Vec<u8>>)),
            Kind::List(inner) => {
                let element = self.element(depth, &inner);
                let owned = self.owned_element(depth, &inner);
                (
                    quote!(::core::option::Option<#rt::List<'a, #element>>),
                    quote!(::core::option::Option<#rt::Vec<#owned>>),
                )
            }
            Kind::Any => {
                (quote!(::core::option::Option<#rt::AnyPointer<'a>>), quote!(::core::option::Option<#rt::AnyValue>))
            }
            Kind::Struct(id, args) => {
                let reader = self.type_at(depth, id, "Reader", Some(&args), Some(quote!('a)));
                let owned = self.type_at(depth, id, "", Some(&args), None);
                let boxed = matches!(m.storage, Storage::Pointer { boxed: true, .. });
                let owned = if boxed { quote!(#rt::Box<#owned>) } else { owned };
                (quote!(::core::option::Option<#reader>), quote!(::core::option::Option<#owned>))
            }
            Kind::Param(param) => {
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
    pub(super) fn union(&mut self, s: &Struct<'_>, disc: &Literal, out: &mut FieldsOut) -> TokenStream {
        let depth = s.depth;
        let members = s.union_members();
        let module = ident(&snake_case(&s.name));
        let mut arms = UnionArms { default: quote!(Union::Unknown(0)), ..UnionArms::default() };
        for m in &members {
            self.union_member(m, depth, disc, &module, out, &mut arms);
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
        let union_params = s.union_params.clone();
        let union_extra = &s.derives;
        let union_extra = quote!(#(, #union_extra)*);
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
        if s.user_owned {
            self.user_union(s, &members, &module, disc, out);
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
    fn union_member(
        &mut self,
        m: &Member<'_>,
        depth: usize,
        disc: &Literal,
        module: &Ident,
        out: &FieldsOut,
        arms: &mut UnionArms,
    ) {
        let inner = depth + 1;
        let field = m.field;
        let (name, set, init, variant) = (m.name(), m.accessor("set"), m.accessor("init"), m.variant());
        let d = Literal::u16_suffixed(field.discriminant_value);
        let member_doc = m.doc.map(doc).unwrap_or_else(|| doc(&format!("The member `{}`.", field.name)));
        let conversion = out.union_payloads.iter().find(|(i, _)| *i == m.index).map(|(_, c)| c.clone());
        let conversion = conversion.unwrap_or_default();
        let types = self.member_types(inner, m);
        let is_group = m.group().is_some();
        let is_pointer = m.kind().is_some_and(|kind| kind.is_pointer());
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
                    let group_id = m.group().unwrap_or_default();
                    let group = self.path(depth, group_id, "Reader");
                    arms.which_arms.extend(quote!(#d => #module::Which::#variant(#group::from_untyped(self.reader)),));
                    arms.to_owned_arms
                        .extend(quote!(#module::Which::#variant(value) => #module::Union::#variant(value.to_owned()),));
                    let write = Self::write_group(m.is_user_group(), quote!(value), quote!(builder.#init()));
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
                    let fallback = match m.kind() {
                        Some(Kind::Enum(type_id)) => {
                            let e = self.path(depth, type_id, "");
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
                    arms.default = match &m.storage {
                        Storage::Data { kind, default: default_value, .. } => {
                            let value = match kind {
                                Kind::Bool => {
                                    let b = matches!(default_value, Value::Bool(true));
                                    quote!(#b)
                                }
                                Kind::Enum(id) => {
                                    let e = self.path(inner, *id, "");
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
    fn user_union(&self, s: &Struct<'_>, members: &[&Member<'_>], module: &Ident, disc: &Literal, out: &mut FieldsOut) {
        let reader = plain(&format!("{}Reader", s.name));
        let (owned, field) = match &s.user_union {
            Some((field, alias)) => (top_level(s.depth, alias), Some(ident(field))),
            None => (self.path(s.depth, s.node.id, ""), None),
        };
        let mut read_arms = TokenStream::new();
        let mut write_arms = TokenStream::new();
        for m in members {
            let (name, get, set, init, variant) =
                (m.name(), m.accessor("get"), m.accessor("set"), m.accessor("init"), m.variant());
            let form = m.user_form.unwrap_or_default();
            let d = Literal::u16_suffixed(m.field.discriminant_value);
            let kind = match (m.group(), m.kind()) {
                (None, Some(kind)) => kind,
                _ => {
                    read_arms.extend(quote!(#module::Which::#variant(value) => #owned::#variant(value.to_owned()),));
                    let write = Self::write_group(m.is_user_group(), quote!(value), quote!(builder.#init()));
                    write_arms.extend(quote!(#owned::#variant(value) => { #write }));
                    continue;
                }
            };
            match kind {
                Kind::Void => {
                    read_arms.extend(quote!(#module::Which::#variant => #owned::#variant,));
                    write_arms.extend(quote!(#owned::#variant => builder.#set(),));
                }
                Kind::Bool | Kind::Prim(_) | Kind::Enum(_) => {
                    read_arms.extend(quote!(#module::Which::#variant(value) => #owned::#variant(value),));
                    write_arms.extend(quote!(#owned::#variant(value) => builder.#set(*value),));
                }
                kind => {
                    let expr = Self::user_value(&kind, form, &name, &get);
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
