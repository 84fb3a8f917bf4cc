//! The Cap'n Proto type of a Rust field type, read from its syntax: the derive sees only the
//! tokens of its own item, so a type is known by how it is written (`Vec<u8>` is Data, a path
//! is a struct unless the field says `#[capnp(enum)]`).

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, Type};

use crate::codegen::OwnedForm;

/// A field's (or list element's) Cap'n Proto type.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum FieldType {
    /// A primitive, by its schema name (`Void`, `Bool`, `Int32`, `Float64`, …).
    Prim(&'static str),
    Text,
    Data,
    List(Box<FieldType>),
    /// A struct or enum declared elsewhere (or the derived struct itself).
    Named(Named),
}

/// A type a field names: the Rust path as written, and what the derive takes it to be.
#[derive(Clone)]
pub(crate) struct Named {
    /// The path as written (`Address`, `crate::geo::Address`), or `Self`.
    pub path: syn::Path,
    /// Its last segment: the name in the equivalent schema.
    pub name: String,
    /// `#[capnp(enum)]` on the field: an enum, not a struct.
    pub is_enum: bool,
    /// Where the type is written, for errors about it.
    pub span: Span,
}

impl PartialEq for Named {
    fn eq(&self, other: &Named) -> bool {
        self.path.to_token_stream().to_string() == other.path.to_token_stream().to_string()
            && self.is_enum == other.is_enum
    }
}

impl Eq for Named {}

/// What the derive reads from a field's type: its Cap'n Proto type and how the owned value
/// holds it.
#[derive(Clone)]
pub(crate) struct Shape {
    pub ty: FieldType,
    pub form: OwnedForm,
}

/// How a field's type is to be read.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hints {
    /// `#[capnp(enum)]`: a path names an enum.
    pub is_enum: bool,
    /// `#[capnp(list)]`: `Vec<u8>` is `List(UInt8)`, not Data.
    pub bytes_as_list: bool,
}

const SUPPORTED: &str = "supported: bool, i8..i64, u8..u64, f32, f64, (), String, Box<str>, Vec<u8>, \
                         Box<[u8]>, Vec<T>, a derived struct or enum (T, Box<T>), and Option<…> of the pointer types";

/// The shape of a field of type `ty`.
pub(crate) fn field_shape(ty: &Type, hints: Hints) -> syn::Result<Shape> {
    if let Some(inner) = generic_arg(ty, "Option") {
        let shape = field_shape(inner, hints)?;
        if shape.form.optional || matches!(shape.ty, FieldType::Prim(_)) || (shape.ty.is_enum()) {
            return Err(syn::Error::new_spanned(
                ty,
                "`Option` is only for pointer fields (text, data, lists, structs): Cap'n Proto has no null for \
                 primitives and enums",
            ));
        }
        return Ok(Shape { ty: shape.ty, form: OwnedForm { optional: true, ..shape.form } });
    }
    if let Some(inner) = generic_arg(ty, "Box") {
        let ty = match inner {
            Type::Path(path) if path.qself.is_none() && path.path.is_ident("str") => FieldType::Text,
            Type::Slice(slice) if is_ident(&slice.elem, "u8") => FieldType::Data,
            _ => match element_type(inner, hints)? {
                FieldType::Named(named) if !named.is_enum => FieldType::Named(named),
                _ => {
                    return Err(syn::Error::new_spanned(
                        ty,
                        "`Box` holds a struct (`Box<T>`, for recursion), `str` or `[u8]`",
                    ))
                }
            },
        };
        return Ok(Shape { ty, form: OwnedForm { optional: false, boxed: true } });
    }
    if let Some(inner) = generic_arg(ty, "Vec") {
        if is_ident(inner, "u8") && !hints.bytes_as_list {
            return Ok(Shape { ty: FieldType::Data, form: OwnedForm::default() });
        }
    }
    Ok(Shape { ty: element_type(ty, hints)?, form: OwnedForm::default() })
}

/// The type of a list element (or of a plain field): no `Option` or `Box` here.
fn element_type(ty: &Type, hints: Hints) -> syn::Result<FieldType> {
    let unsupported = || syn::Error::new_spanned(ty, format!("this type has no Cap'n Proto equivalent ({SUPPORTED})"));
    match ty {
        Type::Tuple(tuple) if tuple.elems.is_empty() => Ok(FieldType::Prim("Void")),
        Type::Paren(paren) => element_type(&paren.elem, hints),
        Type::Group(group) => element_type(&group.elem, hints),
        Type::Path(path) if path.qself.is_none() => {
            if let Some(inner) = generic_arg(ty, "Vec") {
                // Nested `Vec<u8>` is Data; only the field's own `Vec<u8>` can be a list.
                if is_ident(inner, "u8") && !hints.bytes_as_list {
                    return Ok(FieldType::Data);
                }
                let hints = Hints { bytes_as_list: false, ..hints };
                return Ok(FieldType::List(Box::new(element_type(inner, hints)?)));
            }
            if generic_arg(ty, "Option").is_some() || generic_arg(ty, "Box").is_some() {
                return Err(syn::Error::new_spanned(
                    ty,
                    "list elements cannot be `Option` or `Box`: Cap'n Proto lists hold values (a null text or \
                     struct element reads as its default)",
                ));
            }
            if let Some(ident) = path.path.get_ident() {
                let prim = match ident.to_string().as_str() {
                    "bool" => Some("Bool"),
                    "i8" => Some("Int8"),
                    "i16" => Some("Int16"),
                    "i32" => Some("Int32"),
                    "i64" => Some("Int64"),
                    "u8" => Some("UInt8"),
                    "u16" => Some("UInt16"),
                    "u32" => Some("UInt32"),
                    "u64" => Some("UInt64"),
                    "f32" => Some("Float32"),
                    "f64" => Some("Float64"),
                    "String" => return Ok(FieldType::Text),
                    "isize" | "usize" | "i128" | "u128" | "char" | "str" => return Err(unsupported()),
                    _ => None,
                };
                if let Some(prim) = prim {
                    return Ok(FieldType::Prim(prim));
                }
            }
            let spelled: Vec<String> = path.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if matches!(
                spelled.iter().map(String::as_str).collect::<Vec<_>>()[..],
                ["std" | "alloc", "string", "String"]
            ) {
                return Ok(FieldType::Text);
            }
            if is_standard_type(&path.path) {
                return Err(unsupported());
            }
            let last = path.path.segments.last().ok_or_else(unsupported)?;
            if !matches!(last.arguments, PathArguments::None) {
                return Err(syn::Error::new_spanned(
                    ty,
                    "generic types are not supported in derived structs (name a concrete struct or enum)",
                ));
            }
            Ok(FieldType::Named(Named {
                path: path.path.clone(),
                name: last.ident.to_string(),
                is_enum: hints.is_enum,
                span: ty.span(),
            }))
        }
        _ => Err(unsupported()),
    }
}

/// Types of the standard library a field may name that are not derived structs: a path
/// through `std`, `core` or `alloc`, or one of the standard names commonly imported. Anything
/// else that is a path is taken to be a derived struct (checked by the compiler).
const STANDARD_TYPES: &[&str] = &[
    "SystemTime",
    "Instant",
    "Duration",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "VecDeque",
    "BinaryHeap",
    "LinkedList",
    "Rc",
    "Arc",
    "Weak",
    "Cell",
    "RefCell",
    "Mutex",
    "RwLock",
    "PathBuf",
    "Path",
    "OsString",
    "OsStr",
    "CString",
    "CStr",
    "Cow",
    "IpAddr",
    "Ipv4Addr",
    "Ipv6Addr",
    "SocketAddr",
    "PhantomData",
    "Wrapping",
    "Saturating",
    "Ordering",
];

fn is_standard_type(path: &syn::Path) -> bool {
    let first = path.segments.first().map(|s| s.ident.to_string()).unwrap_or_default();
    let last = path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
    ["std", "core", "alloc"].contains(&first.as_str())
        || (path.leading_colon.is_none() && path.segments.len() == 1 && STANDARD_TYPES.contains(&last.as_str()))
        || (path.segments.len() == 1 && last.starts_with("NonZero"))
}

/// `T` when `ty` is `Name<T>` (written as `Name`, or a path ending in it).
fn generic_arg<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    if args.args.len() != 1 {
        return None;
    }
    match args.args.first()? {
        GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

fn is_ident(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none() && path.path.is_ident(name))
}

impl FieldType {
    /// Whether the type is an enum (a 16-bit data field).
    pub(crate) fn is_enum(&self) -> bool {
        matches!(self, FieldType::Named(named) if named.is_enum)
    }

    /// The innermost named type, if any.
    pub(crate) fn named(&self) -> Option<&Named> {
        match self {
            FieldType::Named(named) => Some(named),
            FieldType::List(inner) => inner.named(),
            _ => None,
        }
    }

    /// The type as the schema writes it, with `name` giving each named type's name.
    pub(crate) fn schema(&self, name: &dyn Fn(&Named) -> String) -> String {
        match self {
            FieldType::Prim(prim) => prim.to_string(),
            FieldType::Text => "Text".to_string(),
            FieldType::Data => "Data".to_string(),
            FieldType::List(inner) => format!("List({})", inner.schema(name)),
            FieldType::Named(named) => name(named),
        }
    }
}

/// The tokens of a path with its last segment renamed `{last}{suffix}` (`a::B` → `a::BReader`).
pub(crate) fn suffixed(path: &syn::Path, suffix: &str) -> TokenStream {
    let mut path = path.clone();
    if let Some(last) = path.segments.last_mut() {
        last.ident = syn::Ident::new(&format!("{}{suffix}", last.ident), last.ident.span());
    }
    path.to_token_stream()
}
