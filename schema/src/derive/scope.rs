//! A derived type read into the members the schema declares: fields, groups and unions, each
//! group's and union's members read from the description its own derive left (see `chain`).

use std::collections::HashMap;

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use super::attrs::{self, member_attrs, type_attrs, Place};
use super::chain::Desc;
use super::lower_camel;
use super::types::{field_shape, FieldType, Hints, Shape};
use crate::codegen::{pascal_case, snake_case};

/// A struct, group or union: its members in declaration order.
pub(crate) struct Scope {
    pub members: Vec<Member>,
    /// An enum with data: every member is a member of the union.
    pub is_union: bool,
}

/// A field, or a variant of a union.
pub(crate) struct Member {
    pub ident: syn::Ident,
    pub rust_name: String,
    /// Its name in the schema (lowerCamel).
    pub schema_name: String,
    /// Where errors about it go: its default when it has one, else its name.
    pub span: Span,
    pub kind: MemberKind,
}

pub(crate) enum MemberKind {
    /// A value: its type and form, the default as the schema writes it, its ordinal (given by
    /// `#[capnp(ordinal = …)]`, or the declaration order once numbered).
    Slot { shape: Shape, default: Option<String>, ordinal: u16, given: Option<(u16, Span)> },
    /// `#[capnp(group)]`: a group (a struct type) or named union (an enum type) of the type
    /// `ty`, whose members are `scope`.
    Group { ty: syn::Path, scope: Scope },
    /// `#[capnp(union)]`: the anonymous union, the members of the enum `ty`.
    Union { ty: syn::Path, scope: Scope },
}

/// The key a group type's description is found by: its path as written.
pub(crate) fn path_key(path: &syn::Path) -> String {
    path.to_token_stream().to_string()
}

/// What reading a type needs besides its tokens.
pub(crate) struct Reading<'d> {
    /// The descriptions of the group and union types, by [`path_key`]; `None` reads group
    /// and union fields without their members (a group type checking itself).
    pub descs: Option<&'d HashMap<String, Desc>>,
    /// The group types being read, outermost first, to refuse a group holding itself.
    pub stack: Vec<String>,
    /// A group type's derive failed (and reported why): nothing more to say.
    pub broken: bool,
}

/// A field (or union variant) as written: its name, type and attributes.
type Written<'a> = (syn::Ident, &'a syn::Type, &'a [syn::Attribute]);

/// The members of `input` (a struct's fields or an enum's variants), with `#[capnp(…)]`
/// checked; errors go to `errors`.
pub(crate) fn read_scope(input: &DeriveInput, reading: &mut Reading<'_>, errors: &mut Vec<syn::Error>) -> Scope {
    let void: syn::Type = syn::parse_quote!(());
    let (written, is_union): (Vec<Written<'_>>, bool) = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => {
                (named.named.iter().filter_map(|f| Some((f.ident.clone()?, &f.ty, &f.attrs[..]))).collect(), false)
            }
            Fields::Unit => (Vec::new(), false),
            Fields::Unnamed(_) => {
                errors.push(syn::Error::new(
                    input.ident.span(),
                    "`CapnpStruct` needs named fields (Cap'n Proto fields have names)",
                ));
                (Vec::new(), false)
            }
        },
        Data::Enum(data) => {
            let mut written = Vec::new();
            for variant in &data.variants {
                match &variant.fields {
                    Fields::Unit => written.push((variant.ident.clone(), &void, &variant.attrs[..])),
                    Fields::Unnamed(one) if one.unnamed.len() == 1 => {
                        written.push((variant.ident.clone(), &one.unnamed[0].ty, &variant.attrs[..]))
                    }
                    _ => errors.push(syn::Error::new(
                        variant.ident.span(),
                        "a variant of a union holds nothing or one value (`Circle(f64)`, or a group: \
                         `#[capnp(group)] Square(Side)`)",
                    )),
                }
            }
            if written.len() < 2 && errors.is_empty() {
                errors.push(syn::Error::new(input.ident.span(), "a Cap'n Proto union has at least two members"));
            }
            (written, true)
        }
        Data::Union(_) => {
            errors.push(syn::Error::new(
                input.ident.span(),
                "`CapnpStruct` derives structs, and enums with data as unions; not Rust unions",
            ));
            (Vec::new(), false)
        }
    };
    let mut members = Vec::new();
    let mut union_field: Option<String> = None;
    for (ident, ty, field_attrs) in written {
        let attrs = member_attrs(field_attrs, Place::Field, errors);
        let rust_name = ident.unraw().to_string();
        let schema_name = lower_camel(&rust_name);
        if is_union && pascal_case(&snake_case(&schema_name)) != rust_name {
            errors.push(syn::Error::new(
                ident.span(),
                format!(
                    "`{rust_name}` does not come back from its member name `{schema_name}`: name variants in \
                     PascalCase (`HttpCode`, not `HTTPCode`)"
                ),
            ));
        }
        if attrs.group || attrs.union {
            if attrs.group && attrs.union {
                errors.push(syn::Error::new(ident.span(), "a field is a group or the union, not both"));
                continue;
            }
            if attrs.union && is_union {
                errors.push(syn::Error::new(
                    ident.span(),
                    "a union's member cannot be an anonymous union; make it a named union: `#[capnp(group)]`",
                ));
                continue;
            }
            if attrs.union {
                if let Some(first) = &union_field {
                    errors.push(syn::Error::new(
                        ident.span(),
                        format!(
                            "a struct has one anonymous union, and `{first}` is it: make this one a named union \
                             (`#[capnp(group)]`)"
                        ),
                    ));
                    continue;
                }
                union_field = Some(rust_name.clone());
            }
            if attrs.group && !is_union && snake_case(&schema_name) != rust_name {
                errors.push(syn::Error::new(
                    ident.span(),
                    format!(
                        "`{rust_name}` does not come back from its member name `{schema_name}`: name group fields \
                         in snake_case (`line_2`, not `line2`)"
                    ),
                ));
            }
            if attrs.ordinal.is_some() || attrs.default.is_some() || attrs.is_enum || attrs.list {
                errors.push(syn::Error::new(
                    ident.span(),
                    "a group or union has no ordinal, default, `enum` or `list` of its own (its members do)",
                ));
            }
            let Some(path) = plain_path(ty) else {
                errors.push(syn::Error::new_spanned(
                    ty,
                    "a group or union field names its derived type by a plain path (`Position`), not in an \
                     `Option`, `Box` or `Vec`",
                ));
                continue;
            };
            let Some(scope) = read_group(&path, attrs.union, reading, errors) else { continue };
            let kind =
                if attrs.union { MemberKind::Union { ty: path, scope } } else { MemberKind::Group { ty: path, scope } };
            members.push(Member { span: ident.span(), ident, rust_name, schema_name, kind });
            continue;
        }
        if let Some(slot) = read_slot(ty, &attrs, is_union, errors) {
            let span = attrs.default.as_ref().map_or(ident.span(), |d| d.span());
            members.push(Member { span, ident, rust_name, schema_name, kind: slot });
        }
    }
    Scope { members, is_union }
}

/// A value field (or variant): its shape, default and given ordinal.
fn read_slot(
    ty: &syn::Type,
    attrs: &attrs::MemberAttrs,
    is_union: bool,
    errors: &mut Vec<syn::Error>,
) -> Option<MemberKind> {
    let hints = Hints { is_enum: attrs.is_enum, bytes_as_list: attrs.list };
    if is_union && attrs.default.is_some() {
        errors.push(syn::Error::new_spanned(&attrs.default, "a union member has no default (its kind's zero)"));
    }
    let shape = match field_shape(ty, hints) {
        Ok(shape) => shape,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    if attrs.is_enum && !shape.ty.named().is_some_and(|n| n.is_enum) {
        errors.push(syn::Error::new(ty.span(), "`#[capnp(enum)]` is for a field that names an enum type"));
    }
    let default = match &attrs.default {
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
                    "this default does not fit the field: give a number, `true`/`false`, a string (Text), a byte \
                     string (Data) or an enum variant (`Color::Green`)",
                ));
                None
            }
        },
        None => None,
    };
    Some(MemberKind::Slot { shape, default, ordinal: 0, given: attrs.ordinal })
}

/// The members of the group or union type `path`, from its description.
fn read_group(path: &syn::Path, union: bool, reading: &mut Reading<'_>, errors: &mut Vec<syn::Error>) -> Option<Scope> {
    let Some(descs) = reading.descs else {
        return Some(Scope { members: Vec::new(), is_union: union });
    };
    let key = path_key(path);
    let name = path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
    let wanted = if union { "`#[capnp(union)]` takes an enum with data" } else { "`#[capnp(group)]` takes a type" };
    let not_group = |what: &str| {
        syn::Error::new_spanned(
            path,
            format!(
                "`{name}` is {what}, not derived as a group: {wanted} derived with `#[derive(CapnpStruct)]` and \
                 `#[capnp(group)]` (a group's fields are laid out in its parent's struct)"
            ),
        )
    };
    let item = match descs.get(&key) {
        Some(Desc::Group(item)) => item,
        Some(Desc::Broken) => {
            reading.broken = true;
            return None;
        }
        Some(Desc::Struct) => {
            errors.push(not_group("a struct of its own"));
            return None;
        }
        Some(Desc::Enum) => {
            errors.push(not_group("an enum"));
            return None;
        }
        None => {
            errors.push(syn::Error::new_spanned(path, format!("no description of `{name}` reached this derive")));
            return None;
        }
    };
    let is_enum = matches!(item.data, Data::Enum(_));
    if union && !is_enum {
        errors.push(syn::Error::new_spanned(
            path,
            format!("`{name}` is a struct: `#[capnp(union)]` takes an enum with data (a union); a struct is a group"),
        ));
        return None;
    }
    if reading.stack.contains(&key) {
        errors.push(syn::Error::new_spanned(path, format!("the group `{name}` contains itself")));
        return None;
    }
    reading.stack.push(key);
    let scope = read_scope(item, reading, errors);
    reading.stack.pop();
    Some(scope)
}

/// The path of a type written as a plain path (`Position`, `shapes::Position`).
fn plain_path(ty: &syn::Type) -> Option<syn::Path> {
    match ty {
        syn::Type::Path(path)
            if path.qself.is_none()
                && path.path.segments.iter().all(|s| s.arguments.is_empty())
                && !path.path.is_ident("Self") =>
        {
            Some(path.path.clone())
        }
        syn::Type::Group(group) => plain_path(&group.elem),
        _ => None,
    }
}

/// The group and union fields of a struct or enum, as written (what its derive must fetch
/// the descriptions of).
pub(crate) fn group_paths(input: &DeriveInput) -> Vec<syn::Path> {
    let mut out = Vec::new();
    let mut visit = |ty: &syn::Type, field_attrs: &[syn::Attribute]| {
        let marked = field_attrs.iter().filter(|a| a.path().is_ident("capnp")).any(|a| {
            let mut found = false;
            let _ = a.parse_nested_meta(|meta| {
                found |= meta.path.is_ident("group") || meta.path.is_ident("union");
                if meta.input.peek(syn::Token![=]) {
                    meta.value()?.parse::<syn::Expr>()?;
                }
                Ok(())
            });
            found
        });
        if let Some(path) = plain_path(ty).filter(|_| marked) {
            if !out.iter().any(|p| path_key(p) == path_key(&path)) {
                out.push(path);
            }
        }
    };
    match &input.data {
        Data::Struct(data) => data.fields.iter().for_each(|f| visit(&f.ty, &f.attrs)),
        Data::Enum(data) => {
            for variant in &data.variants {
                if let Fields::Unnamed(one) = &variant.fields {
                    if one.unnamed.len() == 1 {
                        visit(&one.unnamed[0].ty, &variant.attrs);
                    }
                }
            }
        }
        Data::Union(_) => {}
    }
    out
}

/// Whether the type's own attributes say `#[capnp(group)]`.
pub(crate) fn is_group_type(input: &DeriveInput) -> bool {
    type_attrs(&input.attrs, Place::Struct, &mut Vec::new()).group.is_some()
}

impl Scope {
    /// Numbers the values that have no ordinal of their own in declaration order (depth
    /// first, through groups and unions); `next` is the first number.
    pub(crate) fn number(&mut self, next: &mut u16) {
        for member in &mut self.members {
            match &mut member.kind {
                MemberKind::Slot { ordinal, given, .. } => {
                    *ordinal = given.map_or(*next, |(n, _)| n);
                    *next += 1;
                }
                MemberKind::Group { scope, .. } | MemberKind::Union { scope, .. } => scope.number(next),
            }
        }
    }

    /// Every value, depth first.
    pub(crate) fn slots(&self) -> Vec<&Member> {
        let mut out = Vec::new();
        for member in &self.members {
            match &member.kind {
                MemberKind::Slot { .. } => out.push(member),
                MemberKind::Group { scope, .. } | MemberKind::Union { scope, .. } => out.extend(scope.slots()),
            }
        }
        out
    }
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
