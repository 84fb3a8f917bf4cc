//! Printing a struct by its compile-time description ([`StructDesc`]): what `Display` and
//! `Debug` of generated types call. The rules are `capnp decode`'s (see [`super::layout`] and
//! [`printed_order`]); values are read as the dynamic API reads them: a field outside the
//! message's sections reads as its default, and a pointer that cannot be read (a malformed
//! message) prints as the field's default.

use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use crate::builder::{MessageBuilder, StructBuilder};
use crate::error::Result;
use crate::reader::{ListReader, PointerReader, StructReader};
use crate::wire::ElementSize;

use super::describe::{Slot, StructDesc, TypeDesc, NO_DISCRIMINANT};
use super::format::{format_f32, format_f64, quoted};
use super::layout::{print_tree, printed_order, Brackets, Child, Item, Tree};

/// The text of `reader`, read as the struct (or group) `desc` whose Rust type parameters are
/// bound to `args`: as `capnp decode --short` prints it as a root (`pretty` false) or as
/// `capnp decode` prints it, without the newline.
pub fn struct_text(reader: StructReader<'_>, desc: &'static StructDesc, args: &[TypeDesc], pretty: bool) -> Vec<u8> {
    let ctx = bind(args, &None);
    print_tree(&mut Walker(PhantomData), Item::Node(Node::Struct { reader, desc, ctx }), pretty)
}

/// Writes [`struct_text`] to `f`: pretty with `{:#}` (or `{:#?}`), short otherwise; width and
/// precision pad or cut it as a `str`. Bytes that are not UTF-8 (in Text) show as U+FFFD.
pub fn fmt_struct(
    reader: StructReader<'_>,
    desc: &'static StructDesc,
    args: &[TypeDesc],
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let text = struct_text(reader, desc, args, f.alternate());
    f.pad(&String::from_utf8_lossy(&text))
}

/// Writes an owned value in the text format, as [`fmt_struct`] prints it once `write` has
/// written it into a new message (a root struct of the description's size, which for a group
/// is its struct's). If it cannot be written, `<capnzero: reason>` is printed instead.
pub fn fmt_written(
    desc: &'static StructDesc,
    args: &[TypeDesc],
    f: &mut fmt::Formatter<'_>,
    write: impl FnOnce(StructBuilder<'_>) -> Result<()>,
) -> fmt::Result {
    let mut message = MessageBuilder::default();
    if let Err(e) = write(message.init_root(desc.data_words, desc.pointers)) {
        return write!(f, "<capnzero: the value cannot be encoded: {e}>");
    }
    let reader = message.as_reader();
    match reader.root_struct() {
        Ok(root) => fmt_struct(root, desc, args, f),
        Err(e) => write!(f, "<capnzero: the value cannot be encoded: {e}>"),
    }
}

/// What a generic parameter is bound to: a type, and the bindings its own parameters are read
/// in (a parameter may be bound to another parameter of an enclosing struct).
#[derive(Clone)]
struct Bound {
    ty: TypeDesc,
    ctx: Ctx,
}

/// The bindings of the Rust type parameters of the struct being read; `None`: it has none.
type Ctx = Option<Rc<[Bound]>>;

/// The bindings a struct type's `args` give, the arguments read in `ctx`.
fn bind(args: &[TypeDesc], ctx: &Ctx) -> Ctx {
    if args.is_empty() {
        return None;
    }
    Some(args.iter().map(|&ty| Bound { ty, ctx: ctx.clone() }).collect())
}

/// `ty` with its parameter replaced by what `ctx` binds it to (AnyPointer when nothing does).
fn resolve(mut ty: TypeDesc, mut ctx: Ctx) -> (TypeDesc, Ctx) {
    // Each step goes to the bindings of an enclosing struct, of which there are finitely many.
    while let TypeDesc::Param(index) = ty {
        match ctx.as_ref().and_then(|args| args.get(index as usize)).cloned() {
            Some(bound) => (ty, ctx) = (bound.ty, bound.ctx),
            None => return (TypeDesc::AnyPointer, None),
        }
    }
    (ty, ctx)
}

/// A struct or list being printed.
enum Node<'a> {
    Struct { reader: StructReader<'a>, desc: &'static StructDesc, ctx: Ctx },
    List { reader: ListReader<'a>, element: TypeDesc, ctx: Ctx },
}

struct Walker<'a>(PhantomData<&'a ()>);

impl<'a> Tree<'static> for Walker<'a> {
    type Node = Node<'a>;

    fn children(&mut self, node: &Node<'a>) -> (Brackets, Vec<Child<'static, Node<'a>>>) {
        match node {
            Node::Struct { reader, desc, ctx } => (Brackets::Struct, struct_children(*reader, desc, ctx)),
            Node::List { reader, element, ctx } => (Brackets::List, list_children(*reader, *element, ctx)),
        }
    }
}

fn struct_children<'a>(
    reader: StructReader<'a>,
    desc: &'static StructDesc,
    ctx: &Ctx,
) -> Vec<Child<'static, Node<'a>>> {
    let fields = desc.fields;
    let has = |i: usize| match fields[i].slot {
        Slot::Pointer { index, .. } => !reader.pointer(index).is_null(),
        Slot::Data { .. } | Slot::Group(_) => true,
    };
    let in_union = |i: usize| fields[i].discriminant != NO_DISCRIMINANT;
    let member = if (0..fields.len()).any(in_union) {
        let discriminant = reader.get::<u16>(desc.discriminant_offset as usize);
        fields.iter().position(|f| f.discriminant == discriminant).filter(|&m| discriminant != 0 || has(m))
    } else {
        None
    };
    printed_order(fields.len(), in_union, has, member)
        .into_iter()
        .map(|(i, slot)| {
            let field = &fields[i];
            let item = match field.slot {
                Slot::Data { ty, offset, default } => Item::Scalar(data_text(reader, ty, offset as usize, default)),
                Slot::Pointer { ty, index, default } => {
                    let (ty, ctx) = resolve(ty, ctx.clone());
                    pointer_item(reader.pointer(index), ty, ctx, default)
                }
                Slot::Group(desc) => Item::Node(Node::Struct { reader, desc: desc(), ctx: ctx.clone() }),
            };
            Child { name: Some(field.name), slot, item }
        })
        .collect()
}

fn list_children<'a>(reader: ListReader<'a>, element: TypeDesc, ctx: &Ctx) -> Vec<Child<'static, Node<'a>>> {
    // The bindings of struct elements are the same for each.
    let struct_ctx = match element {
        TypeDesc::Struct(_, args) => bind(args, ctx),
        _ => None,
    };
    (0..reader.len())
        .map(|i| {
            let scalar = |text: Vec<u8>| Item::Scalar(text);
            let item = match element {
                TypeDesc::Void => scalar(b"void".to_vec()),
                TypeDesc::Bool => scalar(bool_text(reader.get_bool(i).unwrap_or(false))),
                TypeDesc::Int8 => scalar(number(reader.get::<i8>(i).unwrap_or(0))),
                TypeDesc::Int16 => scalar(number(reader.get::<i16>(i).unwrap_or(0))),
                TypeDesc::Int32 => scalar(number(reader.get::<i32>(i).unwrap_or(0))),
                TypeDesc::Int64 => scalar(number(reader.get::<i64>(i).unwrap_or(0))),
                TypeDesc::UInt8 => scalar(number(reader.get::<u8>(i).unwrap_or(0))),
                TypeDesc::UInt16 => scalar(number(reader.get::<u16>(i).unwrap_or(0))),
                TypeDesc::UInt32 => scalar(number(reader.get::<u32>(i).unwrap_or(0))),
                TypeDesc::UInt64 => scalar(number(reader.get::<u64>(i).unwrap_or(0))),
                TypeDesc::Float32 => scalar(format_f32(reader.get::<f32>(i).unwrap_or(0.0)).into_bytes()),
                TypeDesc::Float64 => scalar(format_f64(reader.get::<f64>(i).unwrap_or(0.0)).into_bytes()),
                TypeDesc::Enum(names) => scalar(enum_text(names, reader.get::<u16>(i).unwrap_or(0))),
                TypeDesc::Struct(desc, _) => Item::Node(Node::Struct {
                    reader: reader.get_struct(i).unwrap_or_default(),
                    desc: desc(),
                    ctx: struct_ctx.clone(),
                }),
                ty => {
                    let pointer = reader.get_pointer(i).unwrap_or_else(PointerReader::null);
                    pointer_item(pointer, ty, ctx.clone(), &[])
                }
            };
            Child { name: None, slot: i as usize, item }
        })
        .collect()
}

/// A Void, Bool, number or enum field at `offset` (in units of its size), XORed with `default`.
fn data_text(reader: StructReader<'_>, ty: TypeDesc, offset: usize, default: u64) -> Vec<u8> {
    match ty {
        TypeDesc::Bool => bool_text(reader.get_bool_or(offset, default != 0)),
        TypeDesc::Int8 => number(reader.get_or::<i8>(offset, default as i8)),
        TypeDesc::Int16 => number(reader.get_or::<i16>(offset, default as i16)),
        TypeDesc::Int32 => number(reader.get_or::<i32>(offset, default as i32)),
        TypeDesc::Int64 => number(reader.get_or::<i64>(offset, default as i64)),
        TypeDesc::UInt8 => number(reader.get_or::<u8>(offset, default as u8)),
        TypeDesc::UInt16 => number(reader.get_or::<u16>(offset, default as u16)),
        TypeDesc::UInt32 => number(reader.get_or::<u32>(offset, default as u32)),
        TypeDesc::UInt64 => number(reader.get_or::<u64>(offset, default)),
        TypeDesc::Float32 => format_f32(reader.get_or::<f32>(offset, f32::from_bits(default as u32))).into_bytes(),
        TypeDesc::Float64 => format_f64(reader.get_or::<f64>(offset, f64::from_bits(default))).into_bytes(),
        TypeDesc::Enum(names) => enum_text(names, reader.get_or::<u16>(offset, default as u16)),
        // Void, and nothing else: a pointer type is never in the data section.
        _ => b"void".to_vec(),
    }
}

/// The value of a pointer of type `ty` (its parameters resolved); a null pointer, or one that
/// cannot be read, reads as `default` (see [`Slot::Pointer`]).
fn pointer_item<'a>(pointer: PointerReader<'a>, ty: TypeDesc, ctx: Ctx, default: &'static [u8]) -> Item<Node<'a>> {
    match ty {
        TypeDesc::Text => match pointer.get_text() {
            Ok(Some(text)) => Item::Scalar(quoted(text.as_bytes(), false)),
            _ => Item::Scalar(quoted(default, false)),
        },
        TypeDesc::Data => match pointer.get_data() {
            Ok(Some(data)) => Item::Scalar(quoted(data, true)),
            _ => Item::Scalar(quoted(default, true)),
        },
        TypeDesc::List(element) => {
            let (element, element_ctx) = resolve(*element, ctx);
            let size = element_size(element);
            let reader = match pointer.get_list(size) {
                Ok(Some(list)) => list,
                _ => PointerReader::constant(default).get_list(size).ok().flatten().unwrap_or_default(),
            };
            Item::Node(Node::List { reader, element, ctx: element_ctx })
        }
        TypeDesc::Struct(desc, args) => {
            let reader = match pointer.get_struct() {
                Ok(Some(reader)) => reader,
                _ => PointerReader::constant(default).get_struct().ok().flatten().unwrap_or_default(),
            };
            Item::Node(Node::Struct { reader, desc: desc(), ctx: bind(args, &ctx) })
        }
        TypeDesc::Capability => Item::Scalar(b"<external capability>".to_vec()),
        _ => Item::Scalar(b"<opaque pointer>".to_vec()),
    }
}

/// The element size a list of `element` is read as.
fn element_size(element: TypeDesc) -> ElementSize {
    match element {
        TypeDesc::Void => ElementSize::Void,
        TypeDesc::Bool => ElementSize::Bit,
        TypeDesc::Int8 | TypeDesc::UInt8 => ElementSize::Byte,
        TypeDesc::Int16 | TypeDesc::UInt16 | TypeDesc::Enum(_) => ElementSize::TwoBytes,
        TypeDesc::Int32 | TypeDesc::UInt32 | TypeDesc::Float32 => ElementSize::FourBytes,
        TypeDesc::Int64 | TypeDesc::UInt64 | TypeDesc::Float64 => ElementSize::EightBytes,
        TypeDesc::Struct(..) => ElementSize::InlineComposite,
        _ => ElementSize::Pointer,
    }
}

fn number(value: impl ToString) -> Vec<u8> {
    value.to_string().into_bytes()
}

fn bool_text(value: bool) -> Vec<u8> {
    if value { &b"true"[..] } else { &b"false"[..] }.to_vec()
}

/// An enumerant's name, or `(N)` for a value the enum does not have.
pub fn enum_text(names: &[&str], raw: u16) -> Vec<u8> {
    match names.get(raw as usize) {
        Some(name) => name.as_bytes().to_vec(),
        None => alloc::format!("({raw})").into_bytes(),
    }
}

/// Writes an enum value as the text format prints it: the name `ty` (a [`TypeDesc::Enum`]) gives
/// its ordinal, or `(N)`; width and precision pad or cut it as a `str`.
pub fn fmt_enum(ty: TypeDesc, raw: u16, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let names = match ty {
        TypeDesc::Enum(names) => names,
        _ => &[],
    };
    f.pad(&String::from_utf8_lossy(&enum_text(names, raw)))
}
