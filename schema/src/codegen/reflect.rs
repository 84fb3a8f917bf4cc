//! Reflection for generated types: the file's schema embedded once, and per struct and enum the
//! items that reach it (see `crate::reflect` for the run-time side). They are the reflection
//! items of `runtime_path::reflection_items`: left out with `reflection = off`, and kept by the
//! facade only when it has its schema model (`std`). The text format does not use them.
//!
//! The schema goes in as the CodeGeneratorRequest of the compilation, one byte-string literal
//! in a `static` at the macro's top level: the compiler takes a long literal much faster than
//! an array of numbers. Generated items name the static with `super::` paths, like each other.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::compile::Compiled;
use crate::request;
use crate::runtime_path::{reflection_items, reflection_on};

use super::emit::{doc, rt, Emitter};
use super::generics::Generics;
use super::ir::{self, Struct};
use super::names::plain;

/// The name of the static holding the schema of file `file_id`: one per file, so that two
/// schemas expanded in one module do not clash.
pub(crate) fn cell_name(file_id: u64) -> Ident {
    plain(&format!("__CAPNZERO_SCHEMA_{file_id:016X}"))
}

/// The `static` holding the embedded schema of the file `file_id` of `compiled`, to be put at
/// the macro's top level; an error when the request cannot be written.
///
/// `links` are the [`Link`](crate::reflect::Link)s of a derived type's placeholders (empty for
/// a schema file, which declares every type it names).
pub(super) fn schema_static(compiled: &Compiled, file_id: u64, links: &[TokenStream]) -> Result<TokenStream, String> {
    if !reflection_on() {
        return Ok(TokenStream::new());
    }
    let rt = rt();
    let bytes = request::try_write(&compiled.request())
        .map_err(|e| format!("capnzero: cannot embed the schema for reflection: {e}"))?;
    let literal = Literal::byte_string(&bytes);
    let name = cell_name(file_id);
    let cell = if links.is_empty() {
        quote!(#rt::SchemaCell::new(#literal))
    } else {
        quote!(#rt::SchemaCell::with_links(#literal, &[#(#links),*]))
    };
    Ok(reflection_items(quote! {
        /// The schema of the generated types (a CodeGeneratorRequest), decoded on first use.
        #[doc(hidden)]
        #[allow(dead_code)]
        static #name: #rt::SchemaCell = #cell;
    }))
}

impl Emitter<'_, '_> {
    /// The path to the file's schema static from code `depth` modules below the top level.
    fn schema_cell(&self, depth: usize) -> TokenStream {
        // Every top-level item's scope is the file.
        let file_id = self.plan.roots.first().and_then(|id| self.plan.nodes.get(id)).map_or(0, |n| n.scope_id);
        let supers = (0..depth).map(|_| quote!(super::));
        let name = cell_name(file_id);
        quote!(#(#supers)* #name)
    }

    /// For a struct or group: `FIELD_NAMES`, and the reflection items: `schema()` on the owned
    /// type, `dynamic()` on the reader, `Reflect`.
    pub(super) fn reflect_struct(&self, s: &Struct<'_>, g: &Generics) -> TokenStream {
        let Generics { impl_plain, impl_a, args, args_a, .. } = g;
        let rt = rt();
        let node = s.node;
        let cell = self.schema_cell(s.depth);
        let owned = plain(&s.name);
        let reader = plain(&format!("{}Reader", s.name));
        let id = Literal::u64_suffixed(node.id);
        let names = s.members.iter().map(|m| {
            let schema_name = &m.field.name;
            let rust_name = m.name().to_string();
            quote!((#schema_name, #rust_name))
        });
        let schema_doc = doc(&format!(
            "The schema of `{}`: its node (ID, fields, annotations with their values) as the dynamic \
             API sees it. An error only if the embedded schema is broken (a bug).",
            node.display_name
        ));
        let reflect_impl = if s.st.is_group {
            TokenStream::new()
        } else {
            quote! {
                #[automatically_derived]
                impl #impl_plain #rt::Reflect for #owned #args {
                    const TYPE_ID: u64 = #id;
                    fn schema_cell() -> &'static #rt::SchemaCell {
                        &#cell
                    }
                }
            }
        };
        // A derived group's owned type is the user's, which may be the group of several parents:
        // it has no schema of its own.
        let (owned_schema, field_names) = if s.user_group {
            (TokenStream::new(), TokenStream::new())
        } else {
            let schema = quote! {
                impl #impl_plain #owned #args {
                    #schema_doc
                    pub fn schema() -> ::core::result::Result<#rt::StructSchema<'static>, #rt::ReflectError> {
                        #cell.struct_schema(#id)
                    }
                }
            };
            let names = quote! {
                impl #impl_plain #owned #args {
                    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
                    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[#(#names),*];
                }
            };
            (schema, names)
        };
        let reflection = reflection_items(quote! {
            #owned_schema

            impl #impl_a #reader #args_a {
                /// The struct read through the dynamic API (fields by schema name).
                pub fn dynamic(self) -> ::core::result::Result<#rt::DynamicStruct<'a>, #rt::ReflectError> {
                    #cell.dynamic(#id, self.reader)
                }
            }

            #reflect_impl
        });
        quote! {
            #field_names

            #reflection
        }
    }

    /// For an enum: `ENUMERANT_NAMES`, and the reflection items: `schema()`, `Reflect`.
    pub(super) fn reflect_enum(&self, e: &ir::Enum<'_>) -> TokenStream {
        let rt = rt();
        let node = e.node;
        let cell = self.schema_cell(self.plan.locs[&node.id].modules.len());
        let name = plain(&e.name);
        let id = Literal::u64_suffixed(node.id);
        let variants: Vec<(Ident, &str)> = e.variants.iter().map(|v| (plain(&v.name), v.schema_name)).collect();
        let names = variants.iter().map(|(variant, schema_name)| {
            let rust_name = variant.to_string();
            quote!((#schema_name, #rust_name))
        });
        let schema_doc = doc(&format!(
            "The schema of `{}`: its node (ID, enumerants, annotations with their values). An error only if \
             the embedded schema is broken (a bug).",
            node.display_name
        ));
        let reflection = reflection_items(quote! {
            impl #name {
                #schema_doc
                pub fn schema() -> ::core::result::Result<#rt::EnumSchema<'static>, #rt::ReflectError> {
                    #cell.enum_schema(#id)
                }
            }

            #[automatically_derived]
            impl #rt::Reflect for #name {
                const TYPE_ID: u64 = #id;
                fn schema_cell() -> &'static #rt::SchemaCell {
                    &#cell
                }
            }
        });
        quote! {
            impl #name {
                /// Each enumerant's name in the schema and its Rust variant, in ordinal order.
                pub const ENUMERANT_NAMES: &'static [(&'static str, &'static str)] = &[#(#names),*];
            }

            #reflection
        }
    }
}
