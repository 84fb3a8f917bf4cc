//! What a failed `#[derive(CapnpStruct)]` emits beside its errors: the reader and builder types
//! and the trait impls of a struct with no fields, so that code naming the type (`PointReader`,
//! `capnzero::read::<Point>`, another derived struct's field) type-checks and the mistake gives
//! its own errors only; and for a failed `#[derive(CapnpEnum)]`, the enum's traits. The crate does not build anyway (the errors are `compile_error!`s), so
//! none of this runs.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

use super::rt;

/// The stand-in items of the struct `input`, or nothing where they do not apply (a generic
/// type, whose derive is refused anyway). `keyed`: the type asked for a key, which would have
/// given it `PartialEq`, `Eq` and `Hash` (so the stand-in gives them too).
pub(crate) fn fallback_struct(input: &DeriveInput, keyed: bool) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let name = &input.ident;
    let never = format!("the derive of `{name}` failed: its program does not build");
    let key_traits = keyed.then(|| {
        quote! {
            impl ::core::cmp::PartialEq for #name {
                fn eq(&self, _: &Self) -> bool {
                    ::core::unreachable!(#never)
                }
            }

            impl ::core::cmp::Eq for #name {}

            impl ::core::hash::Hash for #name {
                fn hash<H: ::core::hash::Hasher>(&self, _: &mut H) {
                    ::core::unreachable!(#never)
                }
            }
        }
    });
    let types = stand_in_types(name, &never);
    let traits = stand_in_traits(name, &never);
    quote! {
        #key_traits
        #types
        #traits
    }
}

/// The reader and builder types (`PointReader`, `PointBuilder`).
fn stand_in_types(name: &syn::Ident, never: &str) -> TokenStream {
    let rt = rt();
    let reader = format_ident!("{}Reader", name);
    let builder = format_ident!("{}Builder", name);
    quote! {

        #[doc(hidden)]
        #[derive(::core::clone::Clone, ::core::marker::Copy)]
        pub struct #reader<'a> {
            reader: #rt::StructReader<'a>,
        }

        impl ::core::default::Default for #reader<'_> {
            fn default() -> Self {
                #reader { reader: #rt::empty_struct() }
            }
        }

        impl ::core::fmt::Debug for #reader<'_> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#never)
            }
        }

        impl<'a> #reader<'a> {
            /// Never called: the derive failed.
            pub fn to_owned(self) -> #name {
                ::core::unreachable!(#never)
            }
        }

        #[doc(hidden)]
        pub struct #builder<'a> {
            builder: #rt::StructBuilder<'a>,
        }

    }
}

/// `Reflect`, `Struct` and `Describe` (`ListElement` and `Pointee` are the runtime's blanket
/// impls over `Struct`).
fn stand_in_traits(name: &syn::Ident, never: &str) -> TokenStream {
    let rt = rt();
    let reader = format_ident!("{}Reader", name);
    let builder = format_ident!("{}Builder", name);
    let reflect = stand_in_reflect(name);
    quote! {
        #reflect

        impl #rt::Struct for #name {
            type Reader<'a> = #reader<'a>;
            type Builder<'a> = #builder<'a>;
            const TYPE_ID: u64 = 0;
            const DATA_WORDS: u16 = 0;
            const POINTER_COUNT: u16 = 0;
            fn wrap_reader(reader: #rt::StructReader<'_>) -> #reader<'_> {
                #reader { reader }
            }
            fn wrap_builder(builder: #rt::StructBuilder<'_>) -> #builder<'_> {
                #builder { builder }
            }
            fn unwrap_reader<'a>(reader: Self::Reader<'a>) -> #rt::StructReader<'a> {
                reader.reader
            }
            fn read_owned(_: #reader<'_>) -> Self {
                ::core::unreachable!(#never)
            }
            fn write_to(&self, _: #rt::StructBuilder<'_>) -> #rt::Result<()> {
                ::core::result::Result::Ok(())
            }
        }

        impl #rt::text::Describe for #name {
            const TYPE: #rt::text::TypeDesc = #rt::text::TypeDesc::Struct(#rt::text::StructDesc::empty, &[]);
        }
    }
}

/// The stand-in items of a failed `#[derive(CapnpEnum)]`: `from_u16` and `to_u16`, `Reflect`,
/// and the runtime's `Enum` and `ListElement`, so that a derived struct with a field of the
/// enum's type type-checks and the mistake gives its own errors only. Nothing for a generic
/// type (its derive is refused anyway).
pub(crate) fn fallback_enum(input: &DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let name = &input.ident;
    let never = format!("the derive of `{name}` failed: its program does not build");
    let reflect = stand_in_reflect(name);
    let rt = rt();
    let impls = crate::codegen::enum_impls(name);
    quote! {
        impl #name {
            pub fn from_u16(_: u16) -> #name {
                ::core::unreachable!(#never)
            }

            pub fn to_u16(self) -> u16 {
                ::core::unreachable!(#never)
            }
        }

        impl #rt::text::Describe for #name {
            const TYPE: #rt::text::TypeDesc = #rt::text::TypeDesc::Enum(&[]);
        }

        #reflect

        #impls
    }
}

/// `Reflect` over an empty schema cell (a reflection item).
fn stand_in_reflect(name: &syn::Ident) -> TokenStream {
    let rt = rt();
    let cell = format_ident!("__CAPNZERO_FALLBACK_{}", name.to_string().to_uppercase());
    crate::runtime_path::reflection_items(quote! {
        #[allow(non_upper_case_globals)]
        static #cell: #rt::SchemaCell = #rt::SchemaCell::new(&[]);

        impl #rt::Reflect for #name {
            const TYPE_ID: u64 = 0;
            fn schema_cell() -> &'static #rt::SchemaCell {
                &#cell
            }
        }
    })
}
