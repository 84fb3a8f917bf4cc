//! The text format of generated types from compile-time descriptions: per struct or group a
//! `StructDesc` (the runtime's `text::DescribeStruct` on its reader), `Describe` on a struct's
//! owned type and on an enum, and `Display` and `Debug` that print what `capnp decode` prints
//! through the runtime's printer, with no schema at run time.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::{AnyPointer, Field, FieldKind, Type, Value};
use crate::translate::is_pointer;

use super::emit::{doc, rt, Emitter};
use super::generics::Generics;
use super::ir::{self, Kind, Struct};
use super::names::plain;
use super::plan::{bound, Bound};

impl Emitter<'_, '_> {
    /// For a struct or group: its description, `Describe` of a struct's owned type, and
    /// `Display` and `Debug` of its reader and owned type in the text format.
    pub(super) fn text_struct(&self, s: &Struct<'_>, g: &Generics) -> TokenStream {
        let Generics { impl_plain, args, args_anon, phantom_init, .. } = g;
        let rt = rt();
        let owned = plain(&s.name);
        let reader = plain(&format!("{}Reader", s.name));
        let builder = plain(&format!("{}Builder", s.name));
        let reader_static = self.own_args(&s.params, Some(quote!('static)));
        let desc = self.struct_desc(s);
        let bound_args = s.params.iter().map(|&p| {
            let name = self.param_ident(p);
            quote!(<#name as #rt::text::Describe>::TYPE)
        });
        let bound_args = quote!(&[#(#bound_args),*]);
        let text_doc =
            doc("The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as \
             `capnp decode` prints it.");
        let write_owned = quote! {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #rt::text::fmt_written(
                    <#reader #reader_static as #rt::text::DescribeStruct>::struct_desc(),
                    #bound_args,
                    f,
                    |builder| self.write_fields(#builder { builder, #phantom_init }),
                )
            }
        };
        // A derived group's owned type is the user's, which may be the group of several parents:
        // its text is its parent's.
        let owned_display = if s.user_group {
            TokenStream::new()
        } else {
            quote! {
                impl #impl_plain ::core::fmt::Display for #owned #args {
                    #text_doc
                    #write_owned
                }
            }
        };
        // A derived struct's owned type is the user's, who may derive `Debug`. Where `Display`
        // is there, `Debug` is the same text.
        let owned_debug = match (s.user_owned, s.user_group) {
            (true, _) => TokenStream::new(),
            (false, false) => quote! {
                impl #impl_plain ::core::fmt::Debug for #owned #args {
                    #text_doc
                    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        ::core::fmt::Display::fmt(self, f)
                    }
                }
            },
            (false, true) => quote! {
                impl #impl_plain ::core::fmt::Debug for #owned #args {
                    #text_doc
                    #write_owned
                }
            },
        };
        let describe = if s.st.is_group {
            TokenStream::new()
        } else {
            quote! {
                impl #impl_plain #rt::text::Describe for #owned #args {
                    const TYPE: #rt::text::TypeDesc = #rt::text::TypeDesc::Struct(
                        <#reader #reader_static as #rt::text::DescribeStruct>::struct_desc,
                        #bound_args,
                    );
                }
            }
        };
        let reader_fmt = quote! {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #rt::text::fmt_struct(self.reader, <Self as #rt::text::DescribeStruct>::struct_desc(), #bound_args, f)
            }
        };
        quote! {
            impl #impl_plain #rt::text::DescribeStruct for #reader #args_anon {
                fn struct_desc() -> &'static #rt::text::StructDesc {
                    // Short names for the description's many paths; a block's names, seen by
                    // nothing else.
                    #[allow(unused_imports)]
                    use #rt::text::{Describe as __D, FieldDesc as __F, TypeDesc as __T};
                    static DESC: #rt::text::StructDesc = #desc;
                    &DESC
                }
            }

            #describe

            impl #impl_plain ::core::fmt::Display for #reader #args_anon {
                #text_doc
                #reader_fmt
            }

            impl #impl_plain ::core::fmt::Debug for #reader #args_anon {
                #text_doc
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Display::fmt(self, f)
                }
            }

            #owned_display

            #owned_debug
        }
    }

    /// `Describe` and `Display` of an enum: see [`enum_text_impls`].
    pub(super) fn text_enum(&self, e: &ir::Enum<'_>) -> TokenStream {
        let mut names: Vec<(u16, &str)> = e.variants.iter().map(|v| (v.ordinal, v.schema_name)).collect();
        names.sort_by_key(|&(ordinal, _)| ordinal);
        enum_text_impls(&plain(&e.name), names.iter().map(|&(_, name)| name))
    }

    /// The `StructDesc` literal of a struct or group, as a static in its reader's impl.
    fn struct_desc(&self, s: &Struct<'_>) -> TokenStream {
        let rt = rt();
        let st = s.st;
        let data_words = Literal::u16_unsuffixed(st.data_word_count);
        let pointers = Literal::u16_unsuffixed(st.pointer_count);
        let discriminant_offset = Literal::u32_unsuffixed(st.discriminant_offset);
        let fields = st.fields.iter().map(|field| self.field_desc(s.depth, field));
        quote! {
            #rt::text::StructDesc {
                data_words: #data_words,
                pointers: #pointers,
                discriminant_offset: #discriminant_offset,
                fields: &[#(#fields),*],
            }
        }
    }

    /// A `FieldDesc` constructor call (`__F::data(…)`, `pointer` or `group`), in the names
    /// `text_struct` brings into the description's scope.
    fn field_desc(&self, depth: usize, field: &Field) -> TokenStream {
        let name = &field.name;
        let discriminant = Literal::u16_unsuffixed(field.discriminant_value);
        match &field.kind {
            FieldKind::Group { type_id } => {
                let anys = vec![Kind::Any; self.params_of(*type_id).len()];
                let reader = self.type_at(depth, *type_id, "Reader", Some(&anys), Some(quote!('static)));
                let rt = rt();
                quote!(__F::group(#name, #discriminant, <#reader as #rt::text::DescribeStruct>::struct_desc))
            }
            FieldKind::Slot { offset, ty, default_value, .. } => {
                let desc = self.type_desc(depth, ty);
                if is_pointer(ty) {
                    let index = Literal::u16_unsuffixed(*offset as u16);
                    let default = Literal::byte_string(pointer_default(default_value));
                    quote!(__F::pointer(#name, #discriminant, #desc, #index, #default))
                } else {
                    let offset = Literal::u32_unsuffixed(*offset);
                    let default = Literal::u64_unsuffixed(data_default(default_value));
                    quote!(__F::data(#name, #discriminant, #desc, #offset, #default))
                }
            }
        }
    }

    /// The `TypeDesc` of `ty` in the struct being emitted (in the names `text_struct` brings into
    /// the description's scope): a parameter in scope is its place among the struct's Rust type
    /// parameters, bound when a value is printed.
    fn type_desc(&self, depth: usize, ty: &Type) -> TokenStream {
        let simple = |name: &str| {
            let name = plain(name);
            quote!(__T::#name)
        };
        match ty {
            Type::Void => simple("Void"),
            Type::Bool => simple("Bool"),
            Type::Int8 => simple("Int8"),
            Type::Int16 => simple("Int16"),
            Type::Int32 => simple("Int32"),
            Type::Int64 => simple("Int64"),
            Type::UInt8 => simple("UInt8"),
            Type::UInt16 => simple("UInt16"),
            Type::UInt32 => simple("UInt32"),
            Type::UInt64 => simple("UInt64"),
            Type::Float32 => simple("Float32"),
            Type::Float64 => simple("Float64"),
            Type::Text => simple("Text"),
            Type::Data => simple("Data"),
            Type::List(inner) => {
                let inner = self.type_desc(depth, inner);
                quote!(__T::List(&#inner))
            }
            Type::Enum { type_id, .. } => {
                let path = self.path(depth, *type_id, "");
                quote!(<#path as __D>::TYPE)
            }
            Type::Struct { type_id, brand } => {
                let params = self.params_of(*type_id);
                let anys = vec![Kind::Any; params.len()];
                let owned = self.type_at(depth, *type_id, "", Some(&anys), None);
                let args = params.iter().map(|&param| match bound(brand, param) {
                    Bound::Type(ty) => self.type_desc(depth, ty),
                    Bound::Inherit => self.param_desc(param),
                    Bound::Unbound => simple("AnyPointer"),
                });
                quote!(__T::Struct(<#owned as __D>::TYPE.struct_fn(), &[#(#args),*]))
            }
            Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => self.param_desc((*scope_id, *index)),
            Type::AnyPointer(_) => simple("AnyPointer"),
            Type::Interface { .. } => simple("Capability"),
        }
    }

    /// A generic parameter: its place among the struct's Rust type parameters, or AnyPointer
    /// when it is not one of them.
    fn param_desc(&self, param: super::plan::Param) -> TokenStream {
        match self.in_scope.iter().position(|&p| p == param) {
            Some(i) => {
                let i = Literal::u16_unsuffixed(i as u16);
                quote!(__T::Param(#i))
            }
            None => quote!(__T::AnyPointer),
        }
    }
}

/// The bits a data field's stored value is XORed with.
fn data_default(value: &Value) -> u64 {
    match *value {
        Value::Bool(v) => v as u64,
        Value::Int8(v) => v as u8 as u64,
        Value::Int16(v) => v as u16 as u64,
        Value::Int32(v) => v as u32 as u64,
        Value::Int64(v) => v as u64,
        Value::UInt8(v) => v as u64,
        Value::UInt16(v) => v as u64,
        Value::UInt32(v) => v as u64,
        Value::UInt64(v) => v,
        Value::Float32(v) => v.to_bits() as u64,
        Value::Float64(v) => v.to_bits(),
        Value::Enum(v) => v as u64,
        _ => 0,
    }
}

/// A pointer field's default as `Slot::Pointer` holds it.
fn pointer_default(value: &Value) -> &[u8] {
    match value {
        Value::Text(Some(text)) => text.as_bytes(),
        Value::Data(Some(bytes))
        | Value::List(Some(bytes))
        | Value::Struct(Some(bytes))
        | Value::AnyPointer(Some(bytes)) => bytes,
        _ => &[],
    }
}

/// `Describe` of the enum `name` (the schema names of its enumerants, by ordinal from 0), and
/// `Display` in the text format: the enumerant's schema name, `(N)` for a value the schema does
/// not know. For generated and derived enums, whose inherent `to_u16` gives the ordinal.
pub(crate) fn enum_text_impls<'n>(name: &Ident, names: impl Iterator<Item = &'n str>) -> TokenStream {
    let rt = rt();
    quote! {
        impl #rt::text::Describe for #name {
            const TYPE: #rt::text::TypeDesc = #rt::text::TypeDesc::Enum(&[#(#names),*]);
        }

        impl ::core::fmt::Display for #name {
            /// The Cap'n Proto text format: the enumerant's schema name, `(N)` for a value
            /// this schema does not know.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #rt::text::fmt_enum(<Self as #rt::text::Describe>::TYPE, #name::to_u16(*self), f)
            }
        }
    }
}
