//! Keys (capnpy's `$Py.key("x, y")`, capnzero's `$Rust.key`): the `PartialEq`/`Eq`/`Hash`/`key()`
//! items of keyed structs (which fields make the key is planned in `plan/key.rs`). Every reader gets `PartialEq`, `Eq` and `Hash` impls that require
//! `capnzero::KeyAnnotation`, which only keyed readers implement: comparing a reader without a key is a
//! compile error whose message says to add one.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};

use super::emit::{rt, Emitter};
use super::generics::Generics;
use super::ir::{Kind, Member, Storage};

fn key_doc(members: &[&Member<'_>]) -> String {
    let names: Vec<&str> = members.iter().map(|m| m.field.name.as_str()).collect();
    format!(
        " The key: ({}), as a tuple. Equality and hashing look only at it; floats appear as their bit patterns.",
        names.join(", ")
    )
}

/// One key field's parts: the reader's key type and value, the owned value's, and the
/// comparison of a reader (`self`) with an owned value (`other`).
struct KeyPart {
    reader_ty: TokenStream,
    reader_value: TokenStream,
    owned_ty: TokenStream,
    owned_value: TokenStream,
    cross_eq: TokenStream,
}

impl Emitter<'_, '_> {
    /// `PartialEq`, `Eq` and `Hash` of a reader, through `capnzero::KeyAnnotation`.
    pub(super) fn reader_comparisons(&self, reader: &TokenStream, g: &Generics) -> TokenStream {
        let rt = rt();
        let Generics { impl_a, args_a, .. } = g;
        quote! {
            impl #impl_a ::core::cmp::PartialEq for #reader #args_a where #reader #args_a: #rt::KeyAnnotation {
                fn eq(&self, other: &Self) -> bool {
                    #rt::KeyAnnotation::key_eq(self, other)
                }
            }

            impl #impl_a ::core::cmp::Eq for #reader #args_a where #reader #args_a: #rt::KeyAnnotation {}

            impl #impl_a ::core::hash::Hash for #reader #args_a where #reader #args_a: #rt::KeyAnnotation {
                fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                    #rt::KeyAnnotation::key_hash(self, state)
                }
            }
        }
    }

    /// The key items of a keyed struct `depth` modules deep whose key is `key` (its members, in
    /// key order): `key()` on the reader and the owned value, `KeyAnnotation`, and the owned
    /// value's `PartialEq`/`Eq`/`Hash` and comparisons with readers.
    pub(super) fn key_items(
        &self,
        key: &[&Member<'_>],
        depth: usize,
        owned: &TokenStream,
        reader: &TokenStream,
    ) -> TokenStream {
        let mut items = self.reader_key_items(key, depth, reader);
        items.extend(self.owned_key_items(key, depth, owned, reader));
        items
    }

    /// `key()` and `KeyAnnotation` of a reader (or a virtual group's view) `depth` modules deep,
    /// keyed by the members `key`.
    pub(super) fn reader_key_items(&self, key: &[&Member<'_>], depth: usize, reader: &TokenStream) -> TokenStream {
        let rt = rt();
        let parts: Vec<KeyPart> = key.iter().map(|m| self.key_part(m, depth)).collect();
        let reader_tys = parts.iter().map(|p| &p.reader_ty);
        let reader_values = parts.iter().map(|p| &p.reader_value);
        let indices: Vec<proc_macro2::Literal> = (0..parts.len()).map(proc_macro2::Literal::usize_unsuffixed).collect();
        let key_doc = key_doc(key);
        quote! {
            impl<'a> #reader<'a> {
                #[doc = #key_doc]
                pub fn key(self) -> (#(#reader_tys,)*) {
                    (#(#reader_values,)*)
                }
            }

            // Field by field, which is what hashing and comparing the tuple does, also for keys
            // longer than the tuples the standard library implements the traits for.
            impl<'a> #rt::KeyAnnotation for #reader<'a> {
                fn key_eq(&self, other: &Self) -> bool {
                    let (this, other) = (self.key(), other.key());
                    true #(&& this.#indices == other.#indices)*
                }

                fn key_hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                    let key = self.key();
                    #(::core::hash::Hash::hash(&key.#indices, state);)*
                }
            }
        }
    }

    /// `key()`, `PartialEq`, `Eq` and `Hash` of an owned value, and its comparisons with its
    /// reader.
    fn owned_key_items(
        &self,
        key: &[&Member<'_>],
        depth: usize,
        owned: &TokenStream,
        reader: &TokenStream,
    ) -> TokenStream {
        let parts: Vec<KeyPart> = key.iter().map(|m| self.key_part(m, depth)).collect();
        let owned_tys = parts.iter().map(|p| &p.owned_ty);
        let owned_values = parts.iter().map(|p| &p.owned_value);
        let cross = parts.iter().map(|p| &p.cross_eq);
        let indices: Vec<proc_macro2::Literal> = (0..parts.len()).map(proc_macro2::Literal::usize_unsuffixed).collect();
        let key_doc = key_doc(key);
        // A derived type's impls carry its `key = "…"`: one the user derives as well then
        // clashes there (E0119 "conflicting implementations"), at the key that provides it.
        let span = self.plan.key_span.unwrap_or_else(proc_macro2::Span::call_site);
        let traits = quote_spanned! {span=>
            impl ::core::cmp::PartialEq for #owned {
                fn eq(&self, other: &Self) -> bool {
                    let (this, other) = (self.key(), other.key());
                    true #(&& this.#indices == other.#indices)*
                }
            }

            impl ::core::cmp::Eq for #owned {}

            impl ::core::hash::Hash for #owned {
                fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                    let key = self.key();
                    #(::core::hash::Hash::hash(&key.#indices, state);)*
                }
            }
        };
        quote! {
            impl #owned {
                #[doc = #key_doc]
                pub fn key(&self) -> (#(#owned_tys,)*) {
                    (#(#owned_values,)*)
                }
            }

            #traits

            impl<'a> ::core::cmp::PartialEq<#owned> for #reader<'a> {
                fn eq(&self, other: &#owned) -> bool {
                    let this = *self;
                    let _ = (this, other);
                    true #(&& #cross)*
                }
            }

            impl<'a> ::core::cmp::PartialEq<#reader<'a>> for #owned {
                fn eq(&self, other: &#reader<'a>) -> bool {
                    other == self
                }
            }
        }
    }

    fn key_part(&self, m: &Member<'_>, depth: usize) -> KeyPart {
        let rt = rt();
        let (name, get) = (m.name(), m.accessor("get"));
        let mut reader_value = quote!(self.#name());
        // A derived struct's field that is not an `Option` holds the value a null reads as, so
        // both sides key on the value with the default applied.
        let form = m.user_form;
        let plain_value = form.is_some_and(|f| !f.optional);
        let this_value =
            if plain_value { quote!(::core::option::Option::Some(this.#get())) } else { quote!(this.#name()) };
        let kind = match (&m.storage, m.kind()) {
            (Storage::Group { type_id, .. }, _) => {
                let group_reader = self.path(depth, *type_id, "Reader");
                let group = self.path(depth, *type_id, "");
                return KeyPart {
                    reader_ty: quote!(#group_reader<'a>),
                    reader_value,
                    owned_ty: quote!(&#group),
                    owned_value: quote!(&self.#name),
                    cross_eq: quote!(this.#name() == other.#name),
                };
            }
            (_, kind) => kind.unwrap_or(Kind::Void),
        };
        let is_pointer = matches!(kind, Kind::Text | Kind::Data | Kind::Struct(..) | Kind::List(_));
        if plain_value && is_pointer {
            reader_value = quote!(::core::option::Option::Some(self.#get()));
        }
        match kind {
            Kind::Prim(float @ ("f32" | "f64")) => {
                let bits = if float == "f32" { quote!(u32) } else { quote!(u64) };
                KeyPart {
                    reader_ty: bits.clone(),
                    reader_value: quote!(self.#name().to_bits()),
                    owned_ty: bits,
                    owned_value: quote!(self.#name.to_bits()),
                    cross_eq: quote!(this.#name().to_bits() == other.#name.to_bits()),
                }
            }
            Kind::Text | Kind::Data => {
                let unsized_ty = if matches!(kind, Kind::Text) { quote!(str) } else { quote!([u8]) };
                KeyPart {
                    reader_ty: quote!(::core::option::Option<&'a #unsized_ty>),
                    reader_value,
                    owned_ty: quote!(::core::option::Option<&#unsized_ty>),
                    owned_value: if plain_value {
                        quote!(::core::option::Option::Some(&*self.#name))
                    } else {
                        quote!(self.#name.as_deref())
                    },
                    cross_eq: if plain_value {
                        quote!(#this_value == ::core::option::Option::Some(&*other.#name))
                    } else {
                        quote!(this.#name() == other.#name.as_deref())
                    },
                }
            }
            Kind::Struct(type_id, _) => {
                let target_reader = self.path(depth, type_id, "Reader");
                let target = self.path(depth, type_id, "");
                let boxed = form.map_or(matches!(m.storage, Storage::Pointer { boxed: true, .. }), |f| f.boxed);
                let as_ref = if boxed { quote!(as_deref) } else { quote!(as_ref) };
                let owned_of = |value: TokenStream| {
                    if plain_value {
                        quote!(::core::option::Option::Some(::core::borrow::Borrow::<#target>::borrow(&#value.#name)))
                    } else {
                        quote!(#value.#name.#as_ref())
                    }
                };
                let owned_value = owned_of(quote!(self));
                let other_value = owned_of(quote!(other));
                KeyPart {
                    reader_ty: quote!(::core::option::Option<#target_reader<'a>>),
                    reader_value,
                    owned_ty: quote!(::core::option::Option<&#target>),
                    owned_value,
                    cross_eq: quote!(#rt::eq_option(#this_value, #other_value)),
                }
            }
            Kind::List(inner) => {
                let element = self.element(depth, &inner);
                let owned_element = self.owned_element(depth, &inner);
                KeyPart {
                    reader_ty: quote!(::core::option::Option<#rt::List<'a, #element>>),
                    reader_value,
                    owned_ty: quote!(::core::option::Option<#rt::ListKey<'_, #owned_element>>),
                    owned_value: if plain_value {
                        quote!(::core::option::Option::Some(#rt::ListKey::new(&self.#name)))
                    } else {
                        quote!(self.#name.as_deref().map(#rt::ListKey::new))
                    },
                    cross_eq: if plain_value {
                        quote!(#rt::eq_list(#this_value, ::core::option::Option::Some(&other.#name[..])))
                    } else {
                        quote!(#rt::eq_list(this.#name(), other.#name.as_deref()))
                    },
                }
            }
            _ => {
                let value_ty = match kind {
                    Kind::Bool => quote!(bool),
                    Kind::Enum(type_id) => self.path(depth, type_id, ""),
                    Kind::Prim(prim) => Kind::prim(prim).into_token_stream(),
                    _ => quote!(()),
                };
                KeyPart {
                    reader_ty: value_ty.clone(),
                    reader_value,
                    owned_ty: value_ty,
                    owned_value: quote!(self.#name),
                    cross_eq: quote!(this.#name() == other.#name),
                }
            }
        }
    }
}
