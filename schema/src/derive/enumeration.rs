//! `#[derive(CapnpEnum)]`: a fieldless Rust enum as a Cap'n Proto enum. Variants are the
//! enumerants, numbered in declaration order unless `#[capnp(ordinal = N)]` says otherwise.

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use super::attrs::{member_attrs, type_attrs, Place};
use super::{compile_text, errors_to_tokens, lower_camel, rt, type_id};
use crate::id::child_id;

/// `#[derive(CapnpEnum)]`.
pub fn derive_enum(input: &DeriveInput) -> TokenStream {
    // Described, so that a struct naming it as a group learns it is an enum.
    let own = super::chain::description(&input.ident, &super::chain::Desc::Enum);
    let body = match derive_enum_inner(input) {
        Ok(tokens) => tokens,
        Err(errors) => {
            let mut out = errors_to_tokens(errors);
            out.extend(super::fallback::fallback_enum(input));
            out
        }
    };
    quote!(#own #body)
}

/// A derived enum's variants, each with its ordinal.
type Variants = Vec<(syn::Ident, u16)>;

/// The variants of a derived enum with their ordinals, checked (unit variants, ordinals from
/// 0 without gaps or repeats), and its attributes.
fn read_variants(input: &DeriveInput) -> Result<(super::attrs::TypeAttrs, Variants), Vec<syn::Error>> {
    let mut errors = Vec::new();
    let Data::Enum(data) = &input.data else {
        return Err(vec![syn::Error::new(
            input.ident.span(),
            "`CapnpEnum` derives enums without data; use `CapnpStruct` for a struct",
        )]);
    };
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(input.ident.span(), "a derived Cap'n Proto enum cannot be generic"));
    }
    let attrs = type_attrs(&input.attrs, Place::Enum, &mut errors);
    let mut variants = Vec::new();
    let mut seen: HashMap<u16, String> = HashMap::new();
    for (index, variant) in data.variants.iter().enumerate() {
        if !matches!(variant.fields, Fields::Unit) {
            errors.push(syn::Error::new(
                variant.ident.span(),
                "a Cap'n Proto enum's variants carry no data (a union is a `CapnpStruct`)",
            ));
            continue;
        }
        let member = member_attrs(&variant.attrs, Place::Variant, &mut errors);
        let ordinal = member.ordinal.map_or(index as u16, |(n, _)| n);
        if let Some(first) = seen.insert(ordinal, variant.ident.to_string()) {
            let at = member.ordinal.map_or(variant.ident.span(), |(_, span)| span);
            errors.push(syn::Error::new(at, format!("duplicate ordinal @{ordinal}: `{first}` has it already")));
        }
        variants.push((variant.ident.clone(), ordinal));
    }
    // A repeated ordinal leaves a gap too: that one mistake is reported once, above.
    let repeated = seen.len() < variants.len();
    if let Some(missing) = (0..variants.len() as u16).find(|n| !repeated && !seen.contains_key(n)) {
        errors.push(syn::Error::new(
            input.ident.span(),
            format!(
                "the ordinals of `{}` skip @{missing}: Cap'n Proto numbers enumerants from @0 without gaps",
                input.ident
            ),
        ));
    }
    if variants.is_empty() && errors.is_empty() {
        errors.push(syn::Error::new(input.ident.span(), "a Cap'n Proto enum needs at least one variant"));
    }
    if errors.is_empty() {
        Ok((attrs, variants))
    } else {
        Err(errors)
    }
}

fn derive_enum_inner(input: &DeriveInput) -> Result<TokenStream, Vec<syn::Error>> {
    let (attrs, variants) = read_variants(input)?;
    let name = input.ident.to_string();
    let id = type_id(attrs.id, &name);
    let mut sorted = variants.clone();
    sorted.sort_by_key(|(_, ordinal)| *ordinal);
    let mut declaration = format!("enum {name} @{id:#018x} {{\n");
    for (variant, ordinal) in &sorted {
        declaration.push_str(&format!("  {} @{ordinal};\n", lower_camel(&variant.to_string())));
    }
    declaration.push_str("}\n");
    let file_id = child_id(id, "file");
    let file_name = format!("{name}.capnp");
    let text = format!("@{file_id:#018x};\n{declaration}");
    let (compiled, compiled_file) = compile_text(&file_name, &text).map_err(|errors| {
        errors
            .iter()
            .map(|e| syn::Error::new(input.ident.span(), format!("Cap'n Proto: {}", e.message)))
            .collect::<Vec<_>>()
    })?;
    let cell = crate::codegen::schema_static(&compiled, compiled_file)
        .map_err(|e| vec![syn::Error::new(input.ident.span(), e)])?;
    let cell_name = crate::codegen::cell_name(compiled_file);

    let rt = rt();
    let ident = &input.ident;
    let impls = crate::codegen::enum_impls(ident);
    let first = &sorted[0].0;
    let from = sorted.iter().map(|(v, n)| {
        let n = Literal::u16_unsuffixed(*n);
        quote!(#n => #ident::#v,)
    });
    let to = sorted.iter().map(|(v, n)| {
        let n = Literal::u16_unsuffixed(*n);
        quote!(#ident::#v => #n,)
    });
    let names = sorted.iter().map(|(v, _)| {
        let schema = lower_camel(&v.to_string());
        let rust = v.to_string();
        quote!((#schema, #rust))
    });
    let schema_names: Vec<String> = sorted.iter().map(|(v, _)| lower_camel(&v.to_string())).collect();
    let text = crate::codegen::enum_text_impls(ident, schema_names.iter().map(String::as_str));
    let id_lit = Literal::u64_suffixed(id);
    let reflection = crate::runtime_path::reflection_items(quote! {
        impl #ident {
            /// The schema of this enum: its node (ID, enumerants) as the dynamic API sees it.
            pub fn schema() -> ::core::result::Result<#rt::EnumSchema<'static>, #rt::ReflectError> {
                #cell_name.enum_schema(#id_lit)
            }
        }

        #[automatically_derived]
        impl #rt::Reflect for #ident {
            const TYPE_ID: u64 = #id_lit;
            fn schema_cell() -> &'static #rt::SchemaCell {
                &#cell_name
            }
        }
    });
    let doc = format!(
        "The Cap'n Proto declaration `{name}` is equivalent to, to hand to other languages.\n\n```capnp\n{declaration}```"
    );
    Ok(quote! {
        #cell

        impl #ident {
            /// The variant with ordinal `value`; the variant of ordinal 0 (the wire default) for
            /// a value this enum does not know.
            pub fn from_u16(value: u16) -> #ident {
                match value {
                    #(#from)*
                    _ => #ident::#first,
                }
            }

            /// The ordinal, as stored on the wire.
            pub fn to_u16(self) -> u16 {
                match self {
                    #(#to)*
                }
            }


            /// Each enumerant's name in the schema and its Rust variant, in ordinal order.
            pub const ENUMERANT_NAMES: &'static [(&'static str, &'static str)] = &[#(#names),*];

            #[doc = #doc]
            pub const CAPNP_SCHEMA: &'static str = #declaration;
        }

        #text

        #reflection

        #impls
    })
}
