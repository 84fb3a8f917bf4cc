//! `#[derive(CapnpStruct)]` and `#[derive(CapnpEnum)]`: the second frontend. A derived type is
//! written out as the schema declaration it is equivalent to, which the schema compiler
//! compiles (names, ordinals, IDs, layout) exactly as it compiles a `.capnp` file; the code
//! generator then emits the reader, the builder and the trait impls for it, with the user's
//! own type as the owned value. The declaration is also what the type exposes as its
//! `CAPNP_SCHEMA`, so other languages get the schema the bytes were laid out by.
//!
//! A derive sees only its own item. The types its fields name are declared in the compiled
//! file as empty placeholders (their layout does not matter to the struct naming them), named
//! in generated code through aliases of the paths the user wrote, and linked at run time to
//! the real types' embedded schemas for reflection and the text format.

mod attrs;
mod enumeration;
mod types;

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use crate::codegen::{generate_derived, DeriveSpec};
use crate::compile::{compile, Compiled, MemoryLoader, SourceFile};
use crate::id::child_id;
use crate::load::STANDARD_IMPORTS;

use attrs::{member_attrs, type_attrs, Place};
use types::{field_shape, suffixed, FieldType, Hints, Named, Shape};

pub use enumeration::derive_enum;

/// The path generated code reaches the runtime through.
fn rt() -> TokenStream {
    quote!(::capnzero::__private)
}

/// The errors as `compile_error!`s, each at its span.
fn errors_to_tokens(errors: Vec<syn::Error>) -> TokenStream {
    errors.into_iter().map(|e| e.to_compile_error()).collect()
}

/// `first_name` → `firstName`, `Green` → `green`: a schema member name.
pub(crate) fn lower_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for (i, c) in name.chars().enumerate() {
        if c == '_' {
            upper = i > 0;
        } else if out.is_empty() {
            out.push(c.to_ascii_lowercase());
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The ID of the crate being compiled, from which the IDs of its derived types come.
fn crate_id() -> u64 {
    let name = std::env::var("CARGO_CRATE_NAME")
        .or_else(|_| std::env::var("CARGO_PKG_NAME"))
        .unwrap_or_else(|_| "capnzero-derive".to_string());
    child_id(0x8000_0000_0000_0000, &format!("crate {name}"))
}

/// The ID of a derived type: given by `#[capnp(id = …)]`, or derived from the crate's name and
/// the type's (as the schema compiler derives a nested declaration's ID from its parent's).
fn type_id(given: Option<(u64, Span)>, name: &str) -> u64 {
    given.map_or_else(|| child_id(crate_id(), name), |(id, _)| id)
}

/// Compiles the text of a derived type's file, with the standard imports at hand.
fn compile_text(file_name: &str, text: &str) -> Result<(Compiled, u64), Vec<String>> {
    let mut loader = MemoryLoader::default();
    for (name, text) in STANDARD_IMPORTS {
        loader.files.insert(name.to_string(), text.to_string());
    }
    let source = SourceFile { name: file_name.to_string(), text: text.to_string() };
    let compiled = compile(&[source], &mut loader).map_err(|e| e.0)?;
    let file_id = compiled.requested.first().map(|f| f.id).ok_or_else(|| vec!["nothing was compiled".to_string()])?;
    Ok((compiled, file_id))
}

/// The line an error rendered `file:line:col: …` is at.
fn error_line(error: &str, file_name: &str) -> Option<usize> {
    let rest = error.strip_prefix(file_name)?.strip_prefix(':')?;
    rest.split(':').next()?.parse().ok()
}

/// The message of an error rendered `file:line:col: error: message`.
fn error_message(error: &str) -> &str {
    error.split_once(": error: ").map_or(error, |(_, message)| message)
}

/// A field (or union variant) as written: its name, type and attributes.
type Member<'a> = (syn::Ident, &'a syn::Type, &'a [syn::Attribute]);

/// One field of a derived struct, as the schema declares it.
struct DerivedField {
    ident: syn::Ident,
    rust_name: String,
    schema_name: String,
    ordinal: u16,
    shape: Shape,
    default: Option<String>,
    /// Where errors about the field go: its default when it has one, else its name.
    span: Span,
}

/// `#[derive(CapnpStruct)]`.
pub fn derive_struct(input: &DeriveInput) -> TokenStream {
    match derive_struct_inner(input) {
        Ok(tokens) => tokens,
        Err(errors) => errors_to_tokens(errors),
    }
}

fn derive_struct_inner(input: &DeriveInput) -> Result<TokenStream, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let name = input.ident.to_string();
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(input.generics.span(), "a derived Cap'n Proto struct cannot be generic"));
    }
    // The members: a struct's fields, or the variants of an enum (a struct that is only a
    // union): a unit variant is Void, a variant of one value is a member of its type.
    let void: syn::Type = syn::parse_quote!(());
    let (members, is_union): (Vec<Member<'_>>, bool) = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => {
                (named.named.iter().filter_map(|f| Some((f.ident.clone()?, &f.ty, &f.attrs[..]))).collect(), false)
            }
            Fields::Unit => (Vec::new(), false),
            Fields::Unnamed(_) => {
                return Err(vec![syn::Error::new(
                    input.ident.span(),
                    "`CapnpStruct` needs named fields (Cap'n Proto fields have names)",
                )])
            }
        },
        Data::Enum(data) => {
            let mut members = Vec::new();
            for variant in &data.variants {
                match &variant.fields {
                    Fields::Unit => members.push((variant.ident.clone(), &void, &variant.attrs[..])),
                    Fields::Unnamed(one) if one.unnamed.len() == 1 => {
                        members.push((variant.ident.clone(), &one.unnamed[0].ty, &variant.attrs[..]))
                    }
                    _ => errors.push(syn::Error::new(
                        variant.ident.span(),
                        "a variant of a union holds nothing or one value (`Circle(f64)`); groups in unions are not \
                         supported yet",
                    )),
                }
            }
            if members.len() < 2 && errors.is_empty() {
                errors.push(syn::Error::new(input.ident.span(), "a Cap'n Proto union has at least two members"));
            }
            (members, true)
        }
        Data::Union(_) => {
            return Err(vec![syn::Error::new(
                input.ident.span(),
                "`CapnpStruct` derives structs, and enums with data as unions; not Rust unions",
            )])
        }
    };
    let attrs = type_attrs(&input.attrs, Place::Struct, &mut errors);
    let mut derived = Vec::new();
    for (index, (ident, field_ty, field_attrs)) in members.into_iter().enumerate() {
        let member = member_attrs(field_attrs, Place::Field, &mut errors);
        let hints = Hints { is_enum: member.is_enum, bytes_as_list: member.list };
        if is_union && member.default.is_some() {
            errors.push(syn::Error::new(ident.span(), "a union member has no default (its kind's zero)"));
        }
        let shape = match field_shape(field_ty, hints) {
            Ok(shape) => shape,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if member.is_enum && !shape.ty.named().is_some_and(|n| n.is_enum) {
            errors.push(syn::Error::new(field_ty.span(), "`#[capnp(enum)]` is for a field that names an enum type"));
        }
        let default = match &member.default {
            // The enum's ordinals are in its own derive, out of this one's sight.
            Some(expr) if shape.ty.is_enum() => {
                errors.push(syn::Error::new_spanned(
                    expr,
                    "a default for an enum field is not supported yet: the derive cannot see the enum's ordinals \
                     (its default is the enumerant of ordinal 0)",
                ));
                None
            }
            Some(expr) => match attrs::default_text(expr) {
                Some(text) if default_fits(&shape.ty, expr) => Some(text),
                _ => {
                    errors.push(syn::Error::new_spanned(
                        expr,
                        "this default does not fit the field: give a number, `true`/`false`, a string (Text), a \
                         byte string (Data) or an enum variant (`Color::Green`)",
                    ));
                    None
                }
            },
            None => None,
        };
        let rust_name = ident.unraw().to_string();
        let schema_name = lower_camel(&rust_name);
        if is_union && crate::codegen::pascal_case(&crate::codegen::snake_case(&schema_name)) != rust_name {
            errors.push(syn::Error::new(
                ident.span(),
                format!(
                    "`{rust_name}` does not come back from its member name `{schema_name}`: name variants in \
                         PascalCase (`HttpCode`, not `HTTPCode`)"
                ),
            ));
        }
        let ordinal = member.ordinal.map_or(index as u16, |(n, _)| n);
        let span = member.default.as_ref().map_or(ident.span(), |d| d.span());
        derived.push((
            member.ordinal,
            DerivedField { schema_name: lower_camel(&rust_name), rust_name, ident, ordinal, shape, default, span },
        ));
    }
    check_ordinals(&input.ident, &derived, &mut errors);
    let derived: Vec<DerivedField> = derived.into_iter().map(|(_, f)| f).collect();
    let key = attrs.key.as_ref().map(|key| key_text(key, &derived, &mut errors));
    if !errors.is_empty() {
        return Err(errors);
    }

    let id = type_id(attrs.id, &name);
    let is_self = |named: &Named| named.path.is_ident("Self") || named.path.is_ident(&input.ident);
    // The types the fields name, each once, in order.
    let mut deps: Vec<Named> = Vec::new();
    for field in &derived {
        if let Some(named) = field.shape.ty.named() {
            if !is_self(named) && !deps.contains(named) {
                deps.push(named.clone());
            }
        }
    }
    let placeholder_id = |i: usize| child_id(id, &format!("placeholder {i}"));
    let dep_index = |named: &Named| deps.iter().position(|d| d == named);

    let declaration = declaration(&name, id, &derived, is_union, &|named| {
        if is_self(named) {
            name.clone()
        } else {
            named.name.clone()
        }
    });
    let file_name = format!("{name}.capnp");
    let file_id = child_id(id, "file");
    let mut text = format!("@{file_id:#018x};\nusing Rust = import \"/capnzero/annotate.capnp\";\n");
    let key_annotation = key.map(|k| format!(" $Rust.key(\"{k}\")")).unwrap_or_default();
    text.push_str(&format!("struct {name} @{id:#018x}{key_annotation} {{\n"));
    let first_field_line = if is_union { 5 } else { 4 };
    if is_union {
        text.push_str("  union {\n");
    }
    for field in &derived {
        let ty = field.shape.ty.schema(&|named| {
            if is_self(named) {
                name.clone()
            } else {
                format!("CapnzeroPlaceholder{}", dep_index(named).unwrap_or(0))
            }
        });
        let default = field.default.as_ref().map(|d| format!(" = {d}")).unwrap_or_default();
        // Variants were checked to come back from their member names.
        let rename = if is_union || crate::codegen::snake_case(&field.schema_name) == field.rust_name {
            String::new()
        } else {
            format!(" $Rust.name(\"{}\")", field.rust_name)
        };
        text.push_str(&format!("  {} @{} :{ty}{default}{rename};\n", field.schema_name, field.ordinal));
    }
    if is_union {
        text.push_str("  }\n");
    }
    text.push_str("}\n");
    for (i, dep) in deps.iter().enumerate() {
        let kind = if dep.is_enum { "enum" } else { "struct" };
        text.push_str(&format!("{kind} CapnzeroPlaceholder{i} @{:#018x} {{}}\n", placeholder_id(i)));
    }

    let (compiled, compiled_file) = compile_text(&file_name, &text).map_err(|errors| {
        errors
            .iter()
            .map(|error| {
                let at = error_line(error, &file_name)
                    .and_then(|line| line.checked_sub(first_field_line))
                    .and_then(|index| derived.get(index))
                    .map_or(input.ident.span(), |field| field.span);
                syn::Error::new(at, format!("Cap'n Proto: {}", error_message(error)))
            })
            .collect::<Vec<_>>()
    })?;

    let rt = rt();
    let alias = |i: usize| format_ident!("__Capnzero{}{}", name, i);
    let mut spec = DeriveSpec::default();
    let mut uses = TokenStream::new();
    let mut links = Vec::new();
    let mut checks = TokenStream::new();
    for (i, dep) in deps.iter().enumerate() {
        let alias_ident = alias(i);
        spec.aliases.insert(placeholder_id(i), alias_ident.to_string());
        let path = &dep.path;
        uses.extend(quote!(#[allow(unused_imports)] use #path as #alias_ident;));
        let span = dep.span;
        if dep.is_enum {
            checks.extend(quote_spanned!(span=> __capnzero_is_enum::<#path>();));
        } else {
            let reader = suffixed(path, "Reader");
            let builder = suffixed(path, "Builder");
            let reader_alias = format_ident!("{}Reader", alias_ident);
            let builder_alias = format_ident!("{}Builder", alias_ident);
            uses.extend(quote! {
                #[allow(unused_imports)] use #reader as #reader_alias;
                #[allow(unused_imports)] use #builder as #builder_alias;
            });
            checks.extend(quote_spanned!(span=> __capnzero_is_struct::<#path>();));
        }
        let placeholder = placeholder_id(i);
        links.push(quote! {
            #rt::Link {
                placeholder: #placeholder,
                id: <#alias_ident as #rt::Reflect>::TYPE_ID,
                cell: <#alias_ident as #rt::Reflect>::schema_cell,
            }
        });
    }
    spec.owned.insert(id, derived.iter().map(|f| f.shape.form).collect());
    let generated = generate_derived(&compiled, compiled_file, &spec, &links).map_err(|errors| {
        errors.into_iter().map(|e| syn::Error::new(input.ident.span(), format!("capnzero: {e}"))).collect::<Vec<_>>()
    })?;

    let ident = &input.ident;
    let doc = format!(
        "The Cap'n Proto declaration `{name}` is equivalent to: its layout, IDs and names, to hand to \
         other languages.\n\n```capnp\n{declaration}```"
    );
    Ok(quote! {
        #uses
        #generated

        impl #ident {
            #[doc = #doc]
            pub const CAPNP_SCHEMA: &'static str = #declaration;
        }

        const _: () = {
            #[allow(dead_code)]
            fn __capnzero_is_struct<T: #rt::Struct>() {}
            #[allow(dead_code)]
            fn __capnzero_is_enum<T: #rt::Enum>() {}
            #[allow(dead_code)]
            fn __capnzero_checks() {
                #checks
            }
        };
    })
}

/// Whether a default literal is of the field's kind.
fn default_fits(ty: &FieldType, expr: &syn::Expr) -> bool {
    use syn::{Expr, ExprLit, Lit};
    let lit = match expr {
        Expr::Unary(unary) => match &*unary.expr {
            Expr::Lit(ExprLit { lit, .. }) => lit,
            _ => return false,
        },
        Expr::Lit(ExprLit { lit, .. }) => lit,
        Expr::Path(_) => return ty.is_enum(),
        _ => return false,
    };
    match (ty, lit) {
        (FieldType::Prim("Bool"), Lit::Bool(_)) => true,
        (FieldType::Prim("Float32" | "Float64"), Lit::Int(_) | Lit::Float(_)) => true,
        (FieldType::Prim(p), Lit::Int(_)) => p.starts_with("Int") || p.starts_with("UInt"),
        (FieldType::Text, Lit::Str(_)) => true,
        (FieldType::Data, Lit::ByteStr(_)) => true,
        _ => false,
    }
}

/// Every ordinal once, from 0 without gaps, as the schema language demands; the errors are
/// spanned on the ordinal that repeats, or on the type for a gap.
fn check_ordinals(ident: &syn::Ident, fields: &[(Option<(u16, Span)>, DerivedField)], errors: &mut Vec<syn::Error>) {
    let mut seen: HashMap<u16, &str> = HashMap::new();
    let before = errors.len();
    for (given, field) in fields {
        if let Some(first) = seen.insert(field.ordinal, &field.rust_name) {
            let at = given.map_or(field.ident.span(), |(_, span)| span);
            errors.push(syn::Error::new(at, format!("duplicate ordinal @{}: `{first}` has it already", field.ordinal)));
        }
    }
    // A duplicate leaves a gap too; it is the error to report.
    let missing = (0..fields.len() as u16).find(|n| !seen.contains_key(n)).filter(|_| errors.len() == before);
    if let Some(missing) = missing {
        errors.push(syn::Error::new(
            ident.span(),
            format!(
                "the ordinals of `{ident}` skip @{missing}: Cap'n Proto numbers fields from @0 without gaps (set \
                 `#[capnp(ordinal = {missing})]` on a field)"
            ),
        ));
    }
}

/// The key annotation's text (schema field names) for `#[capnp(key = "…")]`, naming Rust
/// fields; errors on the key's string.
fn key_text(key: &syn::LitStr, fields: &[DerivedField], errors: &mut Vec<syn::Error>) -> String {
    let value = key.value();
    if value.trim() == "*" {
        return "*".to_string();
    }
    let mut names = Vec::new();
    for part in value.split(',').map(str::trim) {
        match fields.iter().find(|f| f.rust_name == part) {
            Some(field) => names.push(field.schema_name.clone()),
            None => {
                let known = fields.iter().map(|f| format!("`{}`", f.rust_name)).collect::<Vec<_>>().join(", ");
                errors.push(syn::Error::new(
                    key.span(),
                    format!("the key names `{part}`, which is not a field of this struct (its fields: {known})"),
                ));
            }
        }
    }
    names.join(", ")
}

/// The declaration a derived struct is equivalent to, as a `.capnp` file writes it.
fn declaration(
    name: &str,
    id: u64,
    fields: &[DerivedField],
    is_union: bool,
    type_name: &dyn Fn(&Named) -> String,
) -> String {
    let mut out = format!("struct {name} @{id:#018x} {{\n");
    let indent = if is_union { "    " } else { "  " };
    if is_union {
        out.push_str("  union {\n");
    }
    for field in fields {
        let ty = field.shape.ty.schema(type_name);
        let default = field.default.as_ref().map(|d| format!(" = {d}")).unwrap_or_default();
        out.push_str(&format!("{indent}{} @{} :{ty}{default};\n", field.schema_name, field.ordinal));
    }
    if is_union {
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}
