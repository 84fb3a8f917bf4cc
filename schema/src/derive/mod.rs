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
mod binding;
mod chain;
mod enumeration;
mod fallback;
mod scope;
mod text;
mod types;

use std::collections::HashMap;

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::codegen::{generate_derived, DeriveSpec, OwnedForm};
use crate::compile::{compile, Compiled, MemoryLoader, SourceFile};
use crate::diagnostic::FileDiagnostic;
use crate::id::child_id;
use crate::load::STANDARD_IMPORTS;
use crate::model::{FieldKind, NodeKind};

use attrs::{type_attrs, Place};
use chain::Desc;
use scope::{Member, MemberKind, Reading, Scope};
use text::{Style, Text};
use types::{suffixed, Named};

pub use chain::derive_step;
pub use enumeration::derive_enum;

// The path generated code reaches the runtime through.
use crate::runtime_path::runtime_path as rt;

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

/// Compiles the text of a derived type's file, with the standard imports at hand: the
/// compiled schema and the file's ID, or the compiler's errors.
fn compile_text(file_name: &str, text: &str) -> Result<(Compiled, u64), Vec<FileDiagnostic>> {
    let mut loader = MemoryLoader::default();
    for (name, text) in STANDARD_IMPORTS {
        loader.files.insert(name.to_string(), text.to_string());
    }
    let source = SourceFile { name: file_name.to_string(), text: text.to_string() };
    let compiled = compile(&[source], &mut loader).map_err(|e| e.0)?;
    // One file given, one compiled (its ID is 0 only if the compiler broke that rule).
    let file_id = compiled.requested.first().map_or(0, |f| f.id);
    Ok((compiled, file_id))
}

/// `#[derive(CapnpStruct)]`: the type's description (for structs that name it as a group),
/// and its code: generated at once, or, when its fields name groups or unions, once their
/// descriptions are in (see `chain`).
pub fn derive_struct(input: &DeriveInput) -> TokenStream {
    if scope::is_group_type(input) {
        return derive_group(input);
    }
    let own = chain::description(&input.ident, &Desc::Struct);
    let paths = scope::group_paths(input);
    let body = if paths.is_empty() { generate(input, &HashMap::new()) } else { chain::start(input, &paths) };
    quote!(#own #body)
}

/// A `#[capnp(group)]` type: checked, and described for the structs that hold it; the code
/// that reads and writes it is theirs (its offsets are in their layouts).
fn derive_group(input: &DeriveInput) -> TokenStream {
    let mut errors = Vec::new();
    let attrs = type_attrs(&input.attrs, Place::Struct, &mut errors);
    let given = [
        ("id", attrs.id.map(|(_, span)| span)),
        ("key", attrs.key.as_ref().map(|k| k.span())),
        ("schema", attrs.schema.as_ref().map(|s| s.span())),
        ("name", attrs.name.as_ref().map(|s| s.span())),
    ];
    for (what, span) in given {
        if let Some(span) = span {
            errors.push(syn::Error::new(
                span,
                format!("a group has no `{what}` of its own: it is part of the structs that hold it"),
            ));
        }
    }
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(input.generics.span(), "a derived Cap'n Proto group cannot be generic"));
    }
    let mut reading = Reading { descs: None, stack: Vec::new(), broken: false };
    scope::read_scope(input, &mut reading, &mut errors);
    if errors.is_empty() {
        chain::description(&input.ident, &Desc::Group(Box::new(chain::group_tokens(input))))
    } else {
        let own = chain::description(&input.ident, &Desc::Broken);
        let errors = errors_to_tokens(errors);
        quote!(#own #errors)
    }
}

/// The code of a derived struct, its group and union types' descriptions at hand.
pub(crate) fn generate(input: &DeriveInput, descs: &HashMap<String, Desc>) -> TokenStream {
    match generate_inner(input, descs) {
        Ok(tokens) => tokens,
        Err(Failed { errors, keyed }) => {
            let mut out = errors_to_tokens(errors);
            out.extend(fallback::fallback_struct(input, keyed));
            out
        }
    }
}

/// Why a derived struct's code could not be made: every error, and whether the struct asked for
/// a key (its stand-in then implements what the key would have).
struct Failed {
    errors: Vec<syn::Error>,
    keyed: bool,
}

/// What a derived struct's item says, checked: its attributes, members, key and binding.
struct Checked {
    attrs: attrs::TypeAttrs,
    scope: Scope,
    /// The key's field list, as the schema annotation writes it.
    key: Option<String>,
    bound: Option<Bound>,
    /// The struct's node ID.
    id: u64,
}

/// Reads and checks the item: every error found, or what the rest of the derive works from.
fn check_input(input: &DeriveInput, descs: &HashMap<String, Desc>) -> Result<Checked, Failed> {
    let mut errors = Vec::new();
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(input.generics.span(), "a derived Cap'n Proto struct cannot be generic"));
    }
    let attrs = type_attrs(&input.attrs, Place::Struct, &mut errors);
    let mut reading = Reading { descs: Some(descs), stack: Vec::new(), broken: false };
    let mut scope = scope::read_scope(input, &mut reading, &mut errors);
    let keyed = attrs.key.is_some();
    if reading.broken {
        // A group type's derive has said what is wrong.
        return Err(Failed { errors, keyed });
    }
    scope.number(&mut 0);
    check_ordinals(&input.ident, &scope.slots(), &mut errors);
    let key = attrs.key.as_ref().map(|key| key_text(key, &scope, &mut errors));
    let bound = bound_declaration(&attrs, &mut errors);
    if !errors.is_empty() {
        return Err(Failed { errors, keyed });
    }
    let id = match &bound {
        Some(bound) => bound.id,
        None => type_id(attrs.id, &input.ident.to_string()),
    };
    Ok(Checked { attrs, scope, key, bound, id })
}

/// The types the fields name (not the struct itself), each once, in order.
fn field_deps(scope: &Scope, is_self: &dyn Fn(&Named) -> bool) -> Vec<Named> {
    let mut deps: Vec<Named> = Vec::new();
    for member in scope.slots() {
        if let MemberKind::Slot { shape, .. } = &member.kind {
            if let Some(named) = shape.ty.named() {
                if !is_self(named) && !deps.contains(named) {
                    deps.push(named.clone());
                }
            }
        }
    }
    deps
}

/// The ID of the placeholder declared for the `index`th type a field of struct `id` names.
fn placeholder_id(id: u64, index: usize) -> u64 {
    child_id(id, &format!("placeholder {index}"))
}

/// The struct's schema declaration as it would be written (its `CAPNP_SCHEMA`), and the file
/// the derive compiles: the declaration with its key annotation, and a placeholder for each
/// type its fields name.
fn schema_texts(input: &DeriveInput, checked: &Checked, deps: &[Named]) -> (String, Text) {
    let name = input.ident.to_string();
    let id = checked.id;
    let is_self = |named: &Named| named.path.is_ident("Self") || named.path.is_ident(&input.ident);
    let header = format!("struct {name} @{id:#018x}");
    let mut declaration = Text::default();
    let real_names = |named: &Named| if is_self(named) { name.clone() } else { named.name.clone() };
    declaration.structure(&header, &checked.scope, &Style { annotated: false, type_name: &real_names });

    let mut text = Text::default();
    text.line(0, &format!("@{:#018x};", child_id(id, "file")), None);
    text.line(0, "using Rust = import \"/capnzero/annotate.capnp\";", None);
    let key_annotation = checked.key.as_ref().map(|k| format!(" $Rust.key(\"{k}\")")).unwrap_or_default();
    let placeholders = |named: &Named| {
        if is_self(named) {
            name.clone()
        } else {
            format!("CapnzeroPlaceholder{}", deps.iter().position(|d| d == named).unwrap_or(0))
        }
    };
    let style = Style { annotated: true, type_name: &placeholders };
    text.structure(&format!("{header}{key_annotation}"), &checked.scope, &style);
    for (i, dep) in deps.iter().enumerate() {
        let kind = if dep.is_enum { "enum" } else { "struct" };
        text.line(0, &format!("{kind} CapnzeroPlaceholder{i} @{:#018x} {{}}", placeholder_id(id, i)), None);
    }
    (declaration.text, text)
}

/// Compiles the derive's file; the compiler's errors on the members their lines declare.
fn compile_derived(input: &DeriveInput, text: &Text) -> Result<(Compiled, u64), Vec<syn::Error>> {
    let file_name = format!("{}.capnp", input.ident);
    compile_text(&file_name, &text.text).map_err(|errors| {
        errors
            .iter()
            .map(|error| {
                let line = (error.file == file_name).then(|| error.start.line - 1);
                let at = line.and_then(|line| text.spans.get(line).copied().flatten()).unwrap_or(input.ident.span());
                syn::Error::new(at, format!("Cap'n Proto: {}", error.message))
            })
            .collect()
    })
}

/// How generated code reaches the types the fields name: for each, aliases of the user's paths
/// (`uses`), the run-time link of its placeholder to its schema (`links`) and a check that it
/// is a struct or enum, on the type's tokens (`checks`).
struct DepLinks {
    uses: TokenStream,
    links: Vec<TokenStream>,
    checks: TokenStream,
}

fn link_deps(name: &str, id: u64, deps: &[Named], spec: &mut DeriveSpec) -> DepLinks {
    let rt = rt();
    let mut out = DepLinks { uses: TokenStream::new(), links: Vec::new(), checks: TokenStream::new() };
    for (i, dep) in deps.iter().enumerate() {
        let alias_ident = format_ident!("__Capnzero{}{}", name, i);
        spec.aliases.insert(placeholder_id(id, i), alias_ident.to_string());
        let path = &dep.path;
        out.uses.extend(quote!(#[allow(unused_imports)] use #path as #alias_ident;));
        let span = dep.span;
        if dep.is_enum {
            out.checks.extend(quote_spanned!(span=> __capnzero_is_enum::<#path>();));
        } else {
            let reader = suffixed(path, "Reader");
            let builder = suffixed(path, "Builder");
            let reader_alias = format_ident!("{}Reader", alias_ident);
            let builder_alias = format_ident!("{}Builder", alias_ident);
            out.uses.extend(quote! {
                #[allow(unused_imports)] use #reader as #reader_alias;
                #[allow(unused_imports)] use #builder as #builder_alias;
            });
            out.checks.extend(quote_spanned!(span=> __capnzero_is_struct::<#path>();));
        }
        let placeholder = placeholder_id(id, i);
        out.links.push(quote! {
            #rt::Link {
                placeholder: #placeholder,
                id: <#alias_ident as #rt::Reflect>::TYPE_ID,
                cell: <#alias_ident as #rt::Reflect>::schema_cell,
            }
        });
    }
    out
}

fn generate_inner(input: &DeriveInput, descs: &HashMap<String, Desc>) -> Result<TokenStream, Failed> {
    let checked = check_input(input, descs)?;
    let failed = |errors| Failed { errors, keyed: checked.attrs.key.is_some() };
    let name = input.ident.to_string();
    let id = checked.id;
    let is_self = |named: &Named| named.path.is_ident("Self") || named.path.is_ident(&input.ident);
    let deps = field_deps(&checked.scope, &is_self);
    let (declaration, text) = schema_texts(input, &checked, &deps);
    let (compiled, compiled_file) = compile_derived(input, &text).map_err(failed)?;
    if let Some(bound) = &checked.bound {
        let differences = binding::compare(&compiled, id, &bound.compiled, bound.id);
        if !differences.is_empty() {
            return Err(failed(vec![syn::Error::new(
                bound.span,
                format!("`{name}` is not laid out as `{}` in {}: {}", bound.name, bound.file, differences.join("; ")),
            )]));
        }
    }

    let rt = rt();
    let mut spec = DeriveSpec { key_span: checked.attrs.key.as_ref().map(|k| k.span()), ..DeriveSpec::default() };
    let DepLinks { mut uses, links, checks } = link_deps(&name, id, &deps, &mut spec);
    let mut groups = Vec::new();
    map_nodes(&compiled, id, &checked.scope, &mut spec, &mut groups, &|i| format!("__Capnzero{name}G{i}"));
    for (i, path) in groups.iter().enumerate() {
        let alias_ident = format_ident!("__Capnzero{}G{}", name, i);
        uses.extend(quote!(#[allow(unused_imports)] use #path as #alias_ident;));
    }
    let generated = generate_derived(&compiled, compiled_file, &spec, &links).map_err(|errors| {
        failed(errors.into_iter().map(|e| syn::Error::new(input.ident.span(), format!("capnzero: {e}"))).collect())
    })?;

    let ident = &input.ident;
    let doc = format!(
        "The Cap'n Proto declaration `{name}` is equivalent to: its layout, IDs and names, to hand to \
         other languages.\n\n```capnp\n{declaration}```"
    );
    let rebuild = checked.bound.iter().flat_map(|b| &b.files).map(|file| {
        let file = file.to_string_lossy();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#file);
        )
    });
    Ok(quote! {
        #uses
        #generated
        #(#rebuild)*

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

/// Fills in, for the compiled node `id` (the struct or one of its groups) read from `scope`,
/// each field's owned form, the user's types of its groups and union, and recurses into its
/// groups; `groups` collects the paths of those types, each aliased as `alias(index)`.
fn map_nodes(
    compiled: &Compiled,
    id: u64,
    scope: &Scope,
    spec: &mut DeriveSpec,
    groups: &mut Vec<syn::Path>,
    alias: &dyn Fn(usize) -> String,
) {
    let Some(node) = compiled.nodes.iter().find(|n| n.id == id) else { return };
    let NodeKind::Struct(st) = &node.kind else { return };
    let mut by_name: HashMap<&str, &Member> = HashMap::new();
    for member in &scope.members {
        if let MemberKind::Union { ty, scope: union } = &member.kind {
            groups.push(ty.clone());
            spec.union_fields.insert(id, (member.rust_name.clone(), alias(groups.len() - 1)));
            by_name.extend(union.members.iter().map(|m| (m.schema_name.as_str(), m)));
        } else {
            by_name.insert(&member.schema_name, member);
        }
    }
    let forms = st.fields.iter().map(|field| match by_name.get(field.name.as_str()).map(|m| &m.kind) {
        Some(MemberKind::Slot { shape, .. }) => shape.form,
        _ => OwnedForm::default(),
    });
    spec.owned.insert(id, forms.collect());
    for field in &st.fields {
        let FieldKind::Group { type_id } = field.kind else { continue };
        if let Some(MemberKind::Group { ty, scope }) = by_name.get(field.name.as_str()).map(|m| &m.kind) {
            groups.push(ty.clone());
            spec.group_types.insert(type_id, alias(groups.len() - 1));
            map_nodes(compiled, type_id, scope, spec, groups, alias);
        }
    }
}

/// The declaration a struct is bound to by `#[capnp(schema = "…", name = "…")]`.
struct Bound {
    compiled: Compiled,
    id: u64,
    /// The schema files read, to rebuild when they change.
    files: Vec<PathBuf>,
    file: String,
    name: String,
    /// The `schema = "…"` string, where mismatches are reported.
    span: Span,
}

/// The declaration `#[capnp(schema, name)]` binds the struct to, loaded; `None` without them.
fn bound_declaration(attrs: &attrs::TypeAttrs, errors: &mut Vec<syn::Error>) -> Option<Bound> {
    let (file, name) = match (&attrs.schema, &attrs.name) {
        (None, None) => return None,
        (Some(file), Some(name)) => (file, name),
        (Some(file), None) => {
            errors.push(syn::Error::new(file.span(), "`schema = \"…\"` needs the declaration's `name = \"…\"` too"));
            return None;
        }
        (None, Some(name)) => {
            errors.push(syn::Error::new(name.span(), "`name = \"…\"` needs the schema file: `schema = \"….capnp\"`"));
            return None;
        }
    };
    let Some(base) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        errors.push(syn::Error::new(file.span(), "CARGO_MANIFEST_DIR is not set (build with cargo)"));
        return None;
    };
    match binding::load_declaration(std::path::Path::new(&base), &file.value(), &name.value()) {
        Ok((compiled, id, files)) => {
            if let Some((given, span)) = attrs.id.filter(|(given, _)| *given != id) {
                errors.push(syn::Error::new(
                    span,
                    format!("the ID {given:#018x} is not the ID of `{}` ({id:#018x}); leave it out", name.value()),
                ));
            }
            Some(Bound { compiled, id, files, file: file.value(), name: name.value(), span: file.span() })
        }
        Err(e) => {
            errors.push(syn::Error::new(file.span(), e));
            None
        }
    }
}

/// Every ordinal once, from 0 without gaps, as the schema language demands; the errors are
/// spanned on the ordinal that repeats, or on the type for a gap.
fn check_ordinals(ident: &syn::Ident, slots: &[&Member], errors: &mut Vec<syn::Error>) {
    let mut seen: HashMap<u16, &str> = HashMap::new();
    let before = errors.len();
    for member in slots {
        let MemberKind::Slot { ordinal, given, .. } = &member.kind else { continue };
        if let Some(first) = seen.insert(*ordinal, &member.rust_name) {
            let at = given.map_or(member.ident.span(), |(_, span)| span);
            errors.push(syn::Error::new(at, format!("duplicate ordinal @{ordinal}: `{first}` has it already")));
        }
    }
    // A duplicate leaves a gap too; it is the error to report.
    let missing = (0..slots.len() as u16).find(|n| !seen.contains_key(n)).filter(|_| errors.len() == before);
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
/// fields of the struct; errors on the key's string.
fn key_text(key: &syn::LitStr, scope: &Scope, errors: &mut Vec<syn::Error>) -> String {
    let value = key.value();
    if value.trim() == "*" {
        return "*".to_string();
    }
    let fields: Vec<&Member> = scope.members.iter().filter(|m| matches!(m.kind, MemberKind::Slot { .. })).collect();
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
