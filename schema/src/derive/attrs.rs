//! The `#[capnp(…)]` attributes of derived types, their fields and variants. Every error is
//! spanned on what it is about: an unknown key on the key.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, ExprPath, ExprUnary, Lit, LitInt, LitStr, UnOp};

/// The attributes of a derived struct or enum.
#[derive(Default)]
pub(crate) struct TypeAttrs {
    /// `id = 0x…`: the node ID.
    pub id: Option<(u64, Span)>,
    /// `key = "x, y"`: value semantics by these fields (struct only).
    pub key: Option<LitStr>,
    /// `group`: the type is a group (or, an enum with data, a union) laid out in its parents.
    pub group: Option<Span>,
    /// `schema = "file.capnp"`: the file of the declaration the type is bound to.
    pub schema: Option<LitStr>,
    /// `name = "Point"`: the bound declaration's name in that file.
    pub name: Option<LitStr>,
}

/// The attributes of a field or an enum variant.
#[derive(Default)]
pub(crate) struct MemberAttrs {
    /// `ordinal = N` (`@N`).
    pub ordinal: Option<(u16, Span)>,
    /// `default = …`: the schema default.
    pub default: Option<Expr>,
    /// `enum`: the field's type (or list element type) is a derived enum.
    pub is_enum: bool,
    /// `list`: a `Vec<u8>` field is `List(UInt8)`, not Data.
    pub list: bool,
    /// `group`: the field's type is a derived group, laid out in this struct.
    pub group: bool,
    /// `union`: the field's type is a derived union, this struct's anonymous union.
    pub union: bool,
}

/// Where the attributes are, which decides the keys they take.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Struct,
    Enum,
    Field,
    Variant,
}

impl Place {
    fn keys(self) -> &'static str {
        match self {
            Place::Struct => "`id`, `key`, `group`, `schema`, `name`",
            Place::Enum => "`id`",
            Place::Field => "`ordinal`, `default`, `enum`, `list`, `group`, `union`",
            Place::Variant => "`ordinal`",
        }
    }
}

/// The `#[capnp(…)]` attributes of a struct or enum.
pub(crate) fn type_attrs(attrs: &[Attribute], place: Place, errors: &mut Vec<syn::Error>) -> TypeAttrs {
    let mut out = TypeAttrs::default();
    let mut seen = Seen::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("capnp")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            seen.check(&meta, &key)?;
            match key.as_str() {
                "id" => {
                    let lit: LitInt = meta.value()?.parse()?;
                    let id = lit.base10_parse::<u64>()?;
                    if id & 1 << 63 == 0 {
                        return Err(syn::Error::new(
                            lit.span(),
                            "a Cap'n Proto ID has its top bit set (generate one with `capnp id` or `capnzero id`)",
                        ));
                    }
                    out.id = Some((id, lit.span()));
                }
                "key" if place == Place::Struct => out.key = Some(meta.value()?.parse()?),
                "group" if place == Place::Struct => out.group = Some(meta.path.span()),
                "schema" if place == Place::Struct => out.schema = Some(meta.value()?.parse()?),
                "name" if place == Place::Struct => out.name = Some(meta.value()?.parse()?),
                _ => return Err(unknown(&meta, place)),
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    out
}

/// The `#[capnp(…)]` attributes of a field or variant.
pub(crate) fn member_attrs(attrs: &[Attribute], place: Place, errors: &mut Vec<syn::Error>) -> MemberAttrs {
    let mut out = MemberAttrs::default();
    let mut seen = Seen::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("capnp")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            seen.check(&meta, &key)?;
            match key.as_str() {
                "ordinal" => {
                    let lit: LitInt = meta.value()?.parse()?;
                    out.ordinal = Some((lit.base10_parse::<u16>()?, lit.span()));
                }
                "default" if place == Place::Field => out.default = Some(meta.value()?.parse()?),
                "enum" if place == Place::Field => out.is_enum = true,
                "list" if place == Place::Field => out.list = true,
                "group" if place == Place::Field => out.group = true,
                "union" if place == Place::Field => out.union = true,
                _ => return Err(unknown(&meta, place)),
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    if seen.contradicted {
        (out.is_enum, out.list, out.group, out.union) = (false, false, false, false);
    }
    out
}

/// The keys given so far on one item (over all its `#[capnp(…)]` attributes): a key given
/// twice, or one that contradicts an earlier one, is an error on the later one.
#[derive(Default)]
struct Seen {
    keys: Vec<String>,
    /// Whether two of [`EXCLUSIVE`] met (the field is then read without any of them, so that
    /// the one mistake gives one error).
    contradicted: bool,
}

/// Keys that cannot go together on one field: what the field's type is read as.
const EXCLUSIVE: &[&str] = &["group", "union", "enum", "list"];

impl Seen {
    fn check(&mut self, meta: &syn::meta::ParseNestedMeta<'_>, key: &str) -> syn::Result<()> {
        if self.keys.iter().any(|k| k == key) {
            return Err(meta.error(format!("`{key}` is given twice; give each capnp attribute once")));
        }
        if EXCLUSIVE.contains(&key) {
            if let Some(other) = self.keys.iter().find(|k| EXCLUSIVE.contains(&k.as_str())) {
                self.contradicted = true;
                return Err(meta.error(format!(
                    "`{key}` and `{other}` contradict each other: a field's type is read one way (a group, a \
                     union, an enum or a list)"
                )));
            }
        }
        if (key == "default" && self.keys.iter().any(|k| k == "group" || k == "union"))
            || ((key == "group" || key == "union") && self.keys.iter().any(|k| k == "default"))
        {
            return Err(meta.error("a group or union field has no `default` (its members have their own)"));
        }
        self.keys.push(key.to_string());
        Ok(())
    }
}

fn unknown(meta: &syn::meta::ParseNestedMeta<'_>, place: Place) -> syn::Error {
    let name = meta.path.get_ident().map(ToString::to_string).unwrap_or_else(|| "this".to_string());
    let what = match place {
        Place::Struct => "a struct",
        Place::Enum => "an enum",
        Place::Field => "a field",
        Place::Variant => "an enum variant",
    };
    meta.error(format!("unknown capnp attribute `{name}` on {what}; expected {}", place.keys()))
}

/// A default value as the schema writes it, from a Rust literal: `5`, `-1.5`, `true`,
/// `"text"`, `b"bytes"`, or an enum variant path (`Color::Green`, written as `green`).
pub(crate) fn default_text(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(ExprLit { lit, .. }) => match lit {
            Lit::Int(int) => Some(int.base10_digits().to_string()),
            Lit::Float(float) => Some(float.base10_digits().to_string()),
            Lit::Bool(b) => Some(b.value.to_string()),
            Lit::Str(s) => Some(quoted(s.value().as_bytes())),
            Lit::ByteStr(b) => {
                Some(format!("0x\"{}\"", b.value().iter().map(|byte| format!("{byte:02x}")).collect::<String>()))
            }
            _ => None,
        },
        Expr::Unary(ExprUnary { op: UnOp::Neg(_), expr, .. }) => {
            let inner = default_text(expr)?;
            inner.starts_with(|c: char| c.is_ascii_digit()).then(|| format!("-{inner}"))
        }
        Expr::Path(ExprPath { path, qself: None, .. }) => {
            let last = path.segments.last()?.ident.to_string();
            Some(super::lower_camel(&last))
        }
        _ => None,
    }
}

/// A schema string literal of `bytes` (UTF-8 text), escaped as the schema language reads it.
fn quoted(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}
