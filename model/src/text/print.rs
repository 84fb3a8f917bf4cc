//! Printing messages of the dynamic API in the text format, byte for byte as `capnp decode`
//! (0.9.2) prints them. The rules, and the layout engine that applies them, are the runtime's
//! ([`capnzero_runtime::text`]); this module walks values by a schema loaded at run time.
//!
//! A pointer that cannot be read (a malformed message) prints as the field's default, as the
//! official reader substitutes defaults; the first such error is returned beside the text.

use std::fmt;

use capnzero_runtime::{MessageReader, StructReader};

use crate::dynamic::{DynamicEnum, DynamicList, DynamicStruct, DynamicValue, Error, FieldSchema, StructSchema, Which};

use capnzero_runtime::text::layout::{print_tree, printed_order, Brackets, Child, Item, Tree};

use super::format::{format_f32, format_f64, quoted};

/// Text printed for a message, and the first error met while reading it (the text then shows
/// defaults where the message could not be read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// The bytes written (Text values are written as they are, so this need not be UTF-8).
    pub text: Vec<u8>,
    /// The first read error, if any.
    pub error: Option<Error>,
}

/// What `capnp decode` (pretty) or `capnp decode --short` writes to standard output for one
/// message whose root is `root`: the struct, then a newline.
pub fn decode_root(root: &DynamicStruct<'_>, pretty: bool) -> Printed {
    let (mut text, error) = print(&DynamicValue::Struct(root.clone()), pretty);
    text.push(b'\n');
    Printed { text, error }
}

/// [`decode_root`] for the root of `message` read as `schema`. A root pointer that cannot be
/// read prints as the empty struct, with the error returned.
pub fn decode_message(message: &MessageReader<'_>, schema: StructSchema<'_>, pretty: bool) -> Printed {
    let (reader, error) = match message.root().get_struct() {
        Ok(reader) => (reader.unwrap_or_default(), None),
        Err(e) => (StructReader::default(), Some(Error::Wire(e))),
    };
    let mut printed = decode_root(&DynamicStruct::new(reader, schema), pretty);
    if error.is_some() {
        printed.error = error;
    }
    printed
}

/// A struct in the short format (`capnp decode --short`, without the newline).
pub fn struct_to_bytes(value: &DynamicStruct<'_>) -> Vec<u8> {
    print(&DynamicValue::Struct(value.clone()), false).0
}

/// A struct in the pretty format (`capnp decode`, without the newline).
pub fn struct_to_pretty_bytes(value: &DynamicStruct<'_>) -> Vec<u8> {
    print(&DynamicValue::Struct(value.clone()), true).0
}

/// A list in the short format.
pub fn list_to_bytes(value: &DynamicList<'_>) -> Vec<u8> {
    print(&DynamicValue::List(value.clone()), false).0
}

/// A list in the pretty format.
pub fn list_to_pretty_bytes(value: &DynamicList<'_>) -> Vec<u8> {
    print(&DynamicValue::List(value.clone()), true).0
}

/// Any value on its own, as the official library stringifies a lone value: structs and lists
/// as in the short format; a Float32 on its own prints with double precision, as there.
pub fn value_to_bytes(value: &DynamicValue<'_>) -> Vec<u8> {
    match value {
        DynamicValue::Float32(v) => format_f64(*v as f64).into_bytes(),
        other => print(other, false).0,
    }
}

/// `value` in the short format or the pretty one, with the first read error met.
fn print(value: &DynamicValue<'_>, pretty: bool) -> (Vec<u8>, Option<Error>) {
    let mut walk = Walk { sink: None };
    let text = print_tree(&mut walk, item(value.clone()), pretty);
    (text, walk.sink)
}

/// A struct or list to walk, or any other value printed.
fn item(value: DynamicValue<'_>) -> Item<DynamicValue<'_>> {
    match value {
        DynamicValue::Struct(_) | DynamicValue::List(_) => Item::Node(value),
        other => Item::Scalar(scalar(&other)),
    }
}

/// The dynamic API's values, walked for the layout engine; the first read error is kept.
struct Walk {
    sink: Option<Error>,
}

impl<'a> Tree<'a> for Walk {
    type Node = DynamicValue<'a>;

    fn children(&mut self, node: &DynamicValue<'a>) -> (Brackets, Vec<Child<'a, DynamicValue<'a>>>) {
        match node {
            DynamicValue::Struct(s) => {
                let fields: Vec<FieldSchema<'a>> = s.schema().fields().collect();
                let member = match s.which() {
                    Some(Which::Member(field)) if field.discriminant() != Some(0) || s.has_field(&field) => {
                        fields.iter().position(|f| f.index() == field.index())
                    }
                    _ => None,
                };
                let order = printed_order(
                    fields.len(),
                    |i| fields[i].discriminant().is_some(),
                    |i| s.has_field(&fields[i]),
                    member,
                );
                let children = order
                    .into_iter()
                    .map(|(i, slot)| {
                        let value = s.get_lenient(&fields[i], &mut self.sink);
                        Child { name: Some(fields[i].name()), slot, item: item(value) }
                    })
                    .collect();
                (Brackets::Struct, children)
            }
            DynamicValue::List(list) => {
                let children = (0..list.len())
                    .map(|i| Child { name: None, slot: i as usize, item: item(list.get_lenient(i, &mut self.sink)) })
                    .collect();
                (Brackets::List, children)
            }
            _ => (Brackets::List, Vec::new()),
        }
    }
}

/// A value that is neither a struct nor a list, printed.
fn scalar(value: &DynamicValue<'_>) -> Vec<u8> {
    match value {
        DynamicValue::Void => b"void".to_vec(),
        DynamicValue::Bool(true) => b"true".to_vec(),
        DynamicValue::Bool(false) => b"false".to_vec(),
        DynamicValue::Int8(v) => v.to_string().into_bytes(),
        DynamicValue::Int16(v) => v.to_string().into_bytes(),
        DynamicValue::Int32(v) => v.to_string().into_bytes(),
        DynamicValue::Int64(v) => v.to_string().into_bytes(),
        DynamicValue::UInt8(v) => v.to_string().into_bytes(),
        DynamicValue::UInt16(v) => v.to_string().into_bytes(),
        DynamicValue::UInt32(v) => v.to_string().into_bytes(),
        DynamicValue::UInt64(v) => v.to_string().into_bytes(),
        DynamicValue::Float32(v) => format_f32(*v).into_bytes(),
        DynamicValue::Float64(v) => format_f64(*v).into_bytes(),
        DynamicValue::Text(bytes) => quoted(bytes, false),
        DynamicValue::Data(bytes) => quoted(bytes, true),
        DynamicValue::Enum(e) => enum_text(e),
        DynamicValue::AnyPointer(_) => b"<opaque pointer>".to_vec(),
        DynamicValue::Capability(_) => b"<external capability>".to_vec(),
        DynamicValue::Struct(_) | DynamicValue::List(_) => Vec::new(),
    }
}

fn enum_text(value: &DynamicEnum<'_>) -> Vec<u8> {
    match value.name() {
        Some(name) => name.as_bytes().to_vec(),
        None => format!("({})", value.raw()).into_bytes(),
    }
}

fn write_bytes(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    f.write_str(&String::from_utf8_lossy(bytes))
}

impl fmt::Display for DynamicStruct<'_> {
    /// The short text format; `{:#}` gives the pretty one. Bytes that are not UTF-8 (in Text
    /// values) are shown as U+FFFD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = if f.alternate() { struct_to_pretty_bytes(self) } else { struct_to_bytes(self) };
        write_bytes(f, &bytes)
    }
}

impl fmt::Debug for DynamicStruct<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.schema().short_name())?;
        write_bytes(f, &struct_to_bytes(self))
    }
}

impl fmt::Display for DynamicList<'_> {
    /// The short text format; `{:#}` gives the pretty one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = if f.alternate() { list_to_pretty_bytes(self) } else { list_to_bytes(self) };
        write_bytes(f, &bytes)
    }
}

impl fmt::Debug for DynamicList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_bytes(f, &list_to_bytes(self))
    }
}

impl fmt::Display for DynamicEnum<'_> {
    /// The enumerant's name, or `(N)` for a value the schema does not know.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_bytes(f, &enum_text(self))
    }
}

impl fmt::Display for DynamicValue<'_> {
    /// As [`value_to_bytes`]; `{:#}` pretty-prints structs and lists.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DynamicValue::Struct(s) if f.alternate() => write_bytes(f, &struct_to_pretty_bytes(s)),
            DynamicValue::List(l) if f.alternate() => write_bytes(f, &list_to_pretty_bytes(l)),
            other => write_bytes(f, &value_to_bytes(other)),
        }
    }
}
