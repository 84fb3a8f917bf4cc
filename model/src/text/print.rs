//! Printing messages in the text format, byte for byte as `capnp decode` (0.9.2) prints them.
//!
//! The rules, as the official printer applies them:
//!
//! - A struct prints every field outside its union that it "has": primitives and groups
//!   always (Void included, as `void`), pointers when not null. The active union member is
//!   printed unless it is the member with discriminant 0 and a null pointer; it goes before the
//!   first non-union field that follows it in the node's field order. An unknown discriminant
//!   prints no member.
//! - Floats print as C's `%.15g` (`%.6g` for Float32), with two more digits when that does not
//!   read back as the same value, without `+` in exponents; `inf`, `-inf` and `nan`.
//! - Text and Data are quoted with C escapes (`\n`, `\"`, `\\`, octal for other control bytes);
//!   Data also escapes bytes above 0x7f, Text writes them as they are.
//! - An enum prints its enumerant's name, or `(N)` for a value the schema does not know;
//!   AnyPointer prints `<opaque pointer>`, a capability `<external capability>`.
//! - Pretty printing (the default of `capnp decode`) keeps a struct or list on one line when each
//!   item is at most 24 bytes without a line break (and a struct's items total at most 64
//!   bytes); otherwise each item goes on its own line, indented by two spaces per level.
//!
//! A pointer that cannot be read (a malformed message) prints as the field's default, as the
//! official reader substitutes defaults; the first such error is returned beside the text.

use std::fmt;

use capnzero_runtime::{MessageReader, StructReader};

use crate::dynamic::{DynamicEnum, DynamicList, DynamicStruct, DynamicValue, Error, FieldSchema, StructSchema, Which};

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
    let mut printer = Printer { sink: None };
    let mut text = printer.print_value(&DynamicValue::Struct(root.clone()), if pretty { 1 } else { 0 }, Mode::Bare);
    text.push(b'\n');
    Printed { text, error: printer.sink }
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
    Printer { sink: None }.print_value(&DynamicValue::Struct(value.clone()), 0, Mode::Bare)
}

/// A struct in the pretty format (`capnp decode`, without the newline).
pub fn struct_to_pretty_bytes(value: &DynamicStruct<'_>) -> Vec<u8> {
    Printer { sink: None }.print_value(&DynamicValue::Struct(value.clone()), 1, Mode::Bare)
}

/// A list in the short format.
pub fn list_to_bytes(value: &DynamicList<'_>) -> Vec<u8> {
    Printer { sink: None }.print_value(&DynamicValue::List(value.clone()), 0, Mode::Bare)
}

/// A list in the pretty format.
pub fn list_to_pretty_bytes(value: &DynamicList<'_>) -> Vec<u8> {
    Printer { sink: None }.print_value(&DynamicValue::List(value.clone()), 1, Mode::Bare)
}

/// Any value on its own, as the official library stringifies a lone value: structs and lists
/// as in the short format; a Float32 on its own prints with double precision, as there.
pub fn value_to_bytes(value: &DynamicValue<'_>) -> Vec<u8> {
    match value {
        DynamicValue::Float32(v) => format_f64(*v as f64).into_bytes(),
        other => Printer { sink: None }.print_value(other, 0, Mode::Bare),
    }
}

/// How a value is placed: on its own (a list element, the root) or after `name = `.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Bare,
    Prefixed,
}

const MAX_INLINE_VALUE: usize = 24;
const MAX_INLINE_RECORD: usize = 64;

struct Printer {
    sink: Option<Error>,
}

/// The indentation of the level below: none stays none.
fn next(indent: u32) -> u32 {
    if indent == 0 {
        0
    } else {
        indent + 1
    }
}

/// Printed text as a tree of byte strings, so that a value is placed inside its parent without
/// copying it; with its length and whether it has a line break, which is all the line breaking
/// rules look at.
#[derive(Default)]
struct Piece {
    parts: Vec<Part>,
    len: usize,
    newline: bool,
}

enum Part {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Piece(Piece),
}

impl Piece {
    fn bytes(bytes: Vec<u8>) -> Piece {
        let mut piece = Piece::default();
        piece.push_bytes(bytes);
        piece
    }

    fn push_bytes(&mut self, bytes: Vec<u8>) {
        self.len += bytes.len();
        self.newline |= bytes.contains(&b'\n');
        self.parts.push(Part::Bytes(bytes));
    }

    fn push_static(&mut self, bytes: &'static [u8]) {
        self.len += bytes.len();
        self.newline |= bytes.contains(&b'\n');
        self.parts.push(Part::Static(bytes));
    }

    fn push(&mut self, piece: Piece) {
        self.len += piece.len;
        self.newline |= piece.newline;
        self.parts.push(Part::Piece(piece));
    }

    /// The bytes, in order (walked without recursion).
    fn flatten(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        let mut stack = vec![self.parts.into_iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                Some(Part::Bytes(bytes)) => out.extend_from_slice(&bytes),
                Some(Part::Static(bytes)) => out.extend_from_slice(bytes),
                Some(Part::Piece(piece)) => stack.push(piece.parts.into_iter()),
                None => {
                    stack.pop();
                }
            }
        }
        out
    }
}

fn all_inline(items: &[Piece], record: bool) -> bool {
    let mut total = 0;
    for item in items {
        if item.len > MAX_INLINE_VALUE || item.newline {
            return false;
        }
        if record {
            total += item.len;
            if total > MAX_INLINE_RECORD {
                return false;
            }
        }
    }
    true
}

/// Joins the items of a struct or list: on one line, or one per line at `indent`.
fn delimit(items: Vec<Piece>, indent: u32, mode: Mode, record: bool, out: &mut Piece) {
    if indent == 0 || all_inline(&items, record) {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_static(b", ");
            }
            out.push(item);
        }
        return;
    }
    let mut separator = b",\n".to_vec();
    separator.resize(2 + 2 * indent as usize, b' ');
    out.push_bytes(if mode == Mode::Bare { b" ".to_vec() } else { separator[1..].to_vec() });
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_bytes(separator.clone());
        }
        out.push(item);
    }
    out.push_static(b" ");
}

/// A struct or list being printed: its items so far, and the children still to print.
struct Frame<'a> {
    kind: FrameKind<'a>,
    indent: u32,
    mode: Mode,
    /// The printed items, in output order (empty until filled).
    items: Vec<Piece>,
    /// The next child to evaluate.
    next: usize,
    /// What goes before this value in its parent's item (`name = `), and the item's place.
    prefix: Vec<u8>,
    slot: usize,
}

enum FrameKind<'a> {
    /// The fields to print, in the order they are evaluated (the union member first, as the
    /// official printer computes it first), each with its place among the printed items.
    Struct {
        s: DynamicStruct<'a>,
        fields: Vec<(FieldSchema<'a>, usize)>,
    },
    List {
        list: DynamicList<'a>,
    },
}

impl Printer {
    /// Prints `value`. Structs and lists are walked with a stack on the heap, so deeply nested
    /// messages need no deep recursion.
    fn print_value(&mut self, value: &DynamicValue<'_>, indent: u32, mode: Mode) -> Vec<u8> {
        let Ok(root) = frame(value, indent, mode, Vec::new(), 0) else { return scalar(value) };
        let mut stack = vec![root];
        loop {
            let Some(top) = stack.last_mut() else { return Vec::new() };
            let child = match &top.kind {
                FrameKind::Struct { s, fields } => fields.get(top.next).map(|(field, slot)| {
                    let mut prefix = field.name().as_bytes().to_vec();
                    prefix.extend_from_slice(b" = ");
                    (s.get_lenient(field, &mut self.sink), Mode::Prefixed, prefix, *slot)
                }),
                FrameKind::List { list } => (top.next < list.len() as usize)
                    .then(|| (list.get_lenient(top.next as u32, &mut self.sink), Mode::Bare, Vec::new(), top.next)),
            };
            match child {
                Some((value, child_mode, mut prefix, slot)) => {
                    top.next += 1;
                    let child_indent = next(top.indent);
                    match frame(&value, child_indent, child_mode, prefix, slot) {
                        Ok(child) => stack.push(child),
                        Err(returned) => {
                            prefix = returned;
                            prefix.extend(scalar(&value));
                            top.items[slot] = Piece::bytes(prefix);
                        }
                    }
                }
                None => {
                    let Some(done) = stack.pop() else { return Vec::new() };
                    let (open, close, record) = match done.kind {
                        FrameKind::Struct { .. } => (&b"("[..], &b")"[..], true),
                        FrameKind::List { .. } => (&b"["[..], &b"]"[..], false),
                    };
                    let mut out = Piece::bytes(done.prefix);
                    out.push_static(open);
                    delimit(done.items, done.indent, done.mode, record, &mut out);
                    out.push_static(close);
                    match stack.last_mut() {
                        Some(parent) => parent.items[done.slot] = out,
                        None => return out.flatten(),
                    }
                }
            }
        }
    }
}

/// A frame for a struct or list value; other values give the prefix back.
fn frame<'a>(
    value: &DynamicValue<'a>,
    indent: u32,
    mode: Mode,
    prefix: Vec<u8>,
    slot: usize,
) -> Result<Frame<'a>, Vec<u8>> {
    let (kind, count) = match value {
        DynamicValue::Struct(s) => {
            let fields = printed_fields(s);
            let count = fields.len();
            (FrameKind::Struct { s: s.clone(), fields }, count)
        }
        DynamicValue::List(list) => (FrameKind::List { list: list.clone() }, list.len() as usize),
        _ => return Err(prefix),
    };
    Ok(Frame { kind, indent, mode, items: (0..count).map(|_| Piece::default()).collect(), next: 0, prefix, slot })
}

/// The fields a struct prints, in evaluation order, with their places in the output: every
/// field outside the union that it has, and the active union member — unless that is the
/// member with discriminant 0 and not set — placed before the first non-union field that
/// follows it in the node's order.
fn printed_fields<'a>(s: &DynamicStruct<'a>) -> Vec<(FieldSchema<'a>, usize)> {
    let member = match s.which() {
        Some(Which::Member(field)) if field.discriminant() != Some(0) || s.has_field(&field) => Some(field),
        _ => None,
    };
    let mut output: Vec<FieldSchema<'a>> = Vec::with_capacity(s.schema().field_count());
    let mut member_place = None;
    for field in s.schema().fields().filter(|f| f.discriminant().is_none()) {
        if let Some(m) = &member {
            if member_place.is_none() && m.index() < field.index() {
                member_place = Some(output.len());
                output.push(m.clone());
            }
        }
        if s.has_field(&field) {
            output.push(field);
        }
    }
    if let (Some(m), None) = (&member, member_place) {
        member_place = Some(output.len());
        output.push(m.clone());
    }
    let mut fields = Vec::with_capacity(output.len());
    if let Some(place) = member_place {
        fields.push((output[place].clone(), place));
    }
    fields.extend(output.into_iter().enumerate().filter(|(i, _)| Some(*i) != member_place).map(|(i, f)| (f, i)));
    fields
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_break_lines_past_the_inline_limits() {
        let piece = |text: &[u8]| Piece::bytes(text.to_vec());
        let joined = |items: Vec<Piece>, indent, mode, record| {
            let mut out = Piece::default();
            delimit(items, indent, mode, record, &mut out);
            out.flatten()
        };
        assert_eq!(joined(vec![piece(b"a = 1"), piece(b"b = 2")], 1, Mode::Bare, true), b"a = 1, b = 2");
        let long = || vec![piece(b"a = 1"), piece(&[b'x'; 25])];
        let expected = [&b"\n    a = 1,\n    "[..], &[b'x'; 25], b" "].concat();
        assert_eq!(joined(long(), 2, Mode::Prefixed, true), expected);
        let expected = [&b" a = 1,\n  "[..], &[b'x'; 25], b" "].concat();
        assert_eq!(joined(long(), 1, Mode::Bare, false), expected);
        // Short format: never broken.
        assert_eq!(joined(long(), 0, Mode::Bare, true), [&b"a = 1, "[..], &[b'x'; 25]].concat());
        // Records: at most 64 bytes in all; lists have no total limit; a line break inside an
        // item breaks the line.
        let many = || (0..7).map(|_| piece(b"abcdefghij")).collect::<Vec<_>>();
        assert!(joined(many(), 1, Mode::Bare, true).contains(&b'\n'));
        assert!(!joined(many(), 1, Mode::Bare, false).contains(&b'\n'));
        assert!(joined(vec![piece(b"a\nb")], 1, Mode::Bare, false).starts_with(b" a\nb"));
    }
}
