//! A struct or group: its owned type, reader and builder, the runtime traits of a struct, and
//! its inner module (nested types, groups, the union's enums, virtual group views).

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

use crate::model::{Node, StructNode};

use super::emit::{doc, inline_methods, rt, Emitter, FieldsOut};
use super::generics::Generics;
use super::ir::{self, Member, Struct};
use super::names::{ident, plain, snake_case};

/// The names of a struct's generated types.
struct TypeNames {
    /// The owned type, as named inside the struct's own module (a derived group's is the
    /// user's type, named through its alias).
    owned: TokenStream,
    reader: proc_macro2::Ident,
    builder: proc_macro2::Ident,
}

impl Emitter<'_, '_> {
    /// The items of struct (or group) `node`, laid out as `st`.
    pub(super) fn structure(&mut self, node: &Node, st: &StructNode) -> TokenStream {
        let s = ir::structure(self.plan, node, st);
        let names = TypeNames {
            owned: if s.user_group { self.path(s.depth, node.id, "") } else { plain(&s.name).into_token_stream() },
            reader: plain(&format!("{}Reader", s.name)),
            builder: plain(&format!("{}Builder", s.name)),
        };
        let outer_scope = std::mem::replace(&mut self.in_scope, s.params.clone());
        let g = Generics::new(self, &s.params);
        self.errors.extend(ir::check_accessors(node, &s.members, s.key.is_some()));

        let mut fields = FieldsOut::default();
        let disc = Literal::usize_unsuffixed(st.discriminant_offset as usize);
        for m in &s.members {
            self.member(node, m, s.depth, &disc, &mut fields);
        }
        let mut inner_items = std::mem::take(&mut fields.inner);
        if st.discriminant_count > 0 {
            inner_items.extend(self.union(&s, &disc, &mut fields));
        }
        for &id in &s.inner {
            inner_items.extend(self.node(id));
        }
        let module = ident(&snake_case(&s.name));
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
        let tokens = self.struct_items(&s, &names, &g, fields, inner_module);
        self.in_scope = outer_scope;
        tokens
    }

    /// Every item of the struct but its inner module's contents.
    fn struct_items(
        &mut self,
        s: &Struct<'_>,
        names: &TypeNames,
        g: &Generics,
        fields: FieldsOut,
        inner_module: TokenStream,
    ) -> TokenStream {
        let reflect = self.reflect_struct(s, g);
        let text = self.text_struct(s, g);
        let (owned_item, comparisons) = self.owned_item(s, names, g, &fields);
        let write_fields = self.write_fields(s, names, g, &fields.write);
        // A name the naming rules gave a `_` (`Foo_`) makes `Foo_Reader`, which is not camel case.
        let suffixed = if s.name.ends_with('_') { quote!(#[allow(non_camel_case_types)]) } else { TokenStream::new() };
        let reader_item = self.reader_item(s, names, g, &fields, &suffixed);
        let builder_item = self.builder_item(s, names, g, &fields, &suffixed);
        let struct_impls = if s.st.is_group { TokenStream::new() } else { self.struct_impls(s, names, g) };
        quote! {
            #reflect

            #text

            #owned_item

            #write_fields

            #reader_item

            #builder_item

            #struct_impls

            #comparisons

            #inner_module
        }
    }

    /// The owned type (none for a derived struct: it is the user's) and its `Default`; the
    /// comparisons of the reader and, for a keyed struct, of the owned type.
    fn owned_item(
        &mut self,
        s: &Struct<'_>,
        names: &TypeNames,
        g: &Generics,
        fields: &FieldsOut,
    ) -> (TokenStream, TokenStream) {
        let node = s.node;
        let TypeNames { owned, reader, .. } = names;
        let Generics { owned_decl, impl_plain, args, .. } = g;
        let docs = doc(s.doc.unwrap_or(&format!("The {} `{}`.", s.kind, node.display_name)));
        let owned_path = quote!(#owned);
        let reader_path = quote!(#reader);
        let mut comparisons = self.reader_comparisons(&reader_path, g);
        let extra = &s.derives;
        let extra = quote!(#(, #extra)*);
        let owned_derive = match &s.key {
            Some(key) => {
                let key: Vec<&Member<'_>> = key.iter().map(|&index| &s.members[index]).collect();
                comparisons.extend(self.key_items(&key, s.depth, &owned_path, &reader_path));
                quote!(#[derive(::core::clone::Clone #extra)])
            }
            None => quote!(#[derive(::core::clone::Clone, ::core::cmp::PartialEq #extra)]),
        };
        if s.user_owned {
            return (TokenStream::new(), comparisons);
        }
        let (owned_fields, owned_defaults) = (&fields.owned_fields, &fields.owned_defaults);
        let item = quote! {
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
        };
        (item, comparisons)
    }

    /// The write of the owned value into a builder: `write_fields`, or for a derived group the
    /// runtime's `WriteGroup`.
    fn write_fields(&self, s: &Struct<'_>, names: &TypeNames, g: &Generics, write: &TokenStream) -> TokenStream {
        let rt = rt();
        let TypeNames { owned, builder, .. } = names;
        let Generics { impl_plain, args, args_anon, .. } = g;
        if s.user_group {
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
        }
    }

    /// The reader: its type, `Clone`/`Copy`, `Default` and methods.
    fn reader_item(
        &self,
        s: &Struct<'_>,
        names: &TypeNames,
        g: &Generics,
        fields: &FieldsOut,
        suffixed: &TokenStream,
    ) -> TokenStream {
        let rt = rt();
        let TypeNames { owned, reader, .. } = names;
        let Generics { reader_decl, impl_plain, impl_a, args, args_a, args_anon, phantom, phantom_init, .. } = g;
        let reader_doc = doc(&format!("A zero-copy view of the {} `{}`.", s.kind, s.node.display_name));
        let to_owned = &fields.to_owned;
        let to_owned_expr = fields.owned_expr.clone().unwrap_or_else(|| quote!(#owned { #to_owned }));
        // Accessors are a few instructions over the runtime's: inlined into other crates too.
        let reader_methods = inline_methods(fields.reader_methods.clone());
        let (reader_derive, reader_copy) = if s.params.is_empty() {
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
        quote! {
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
        }
    }

    /// The builder: its type and methods.
    fn builder_item(
        &self,
        s: &Struct<'_>,
        names: &TypeNames,
        g: &Generics,
        fields: &FieldsOut,
        suffixed: &TokenStream,
    ) -> TokenStream {
        let rt = rt();
        let builder = &names.builder;
        let Generics { reader_decl, impl_a, args_a, args_anon, phantom, phantom_init, .. } = g;
        let builder_doc = doc(&format!("Writes the {} `{}` in place in a message.", s.kind, s.node.display_name));
        let builder_methods = inline_methods(fields.builder_methods.clone());
        let clear = &fields.clear;
        quote! {
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
        }
    }

    /// The runtime trait of a struct (not of a group): `Struct`. `ListElement` and `Pointee` are
    /// the runtime's blanket impls over it.
    fn struct_impls(&self, s: &Struct<'_>, names: &TypeNames, g: &Generics) -> TokenStream {
        let rt = rt();
        let TypeNames { owned, reader, builder } = names;
        let Generics { impl_plain, args, args_a, args_anon, phantom_init, .. } = g;
        let id = Literal::u64_suffixed(s.node.id);
        let data_words = Literal::u16_suffixed(s.st.data_word_count);
        let pointers = Literal::u16_suffixed(s.st.pointer_count);
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
        }
    }
}
