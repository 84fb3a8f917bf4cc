//! `capnzero eval`: the value of a constant, of a struct field's default, or of a field or list
//! element within them, printed in the text format or written as a message, as `capnp eval`
//! (0.9.2) does.

use std::io::Write;

use capnzero_runtime::{MessageBuilder, PointerReader, StructBuilder, StructReader};
use capnzero_schema::dynamic::{element_size, DynamicEnum, DynamicList, DynamicStruct, DynamicValue, Schema};
use capnzero_schema::model::{Node, NodeKind, Type, Value};
use capnzero_schema::text::print::{list_to_pretty_bytes, struct_to_pretty_bytes, value_to_bytes};

use crate::args::{Parsed, UsageError};
use crate::convert::{compile_schema, fail, Conversion, Format};

/// One part of a name: an identifier and the subscripts after it (`list[2][0]`).
#[derive(Debug, PartialEq, Eq)]
struct Part {
    name: String,
    subscripts: Vec<u64>,
}

/// Reads `a.b[1][2].c` as `capnp eval` does: identifiers joined by dots, each followed by any
/// number of decimal subscripts. `None` for anything else.
fn parse_name(text: &str) -> Option<Vec<Part>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut parts = Vec::new();
    while at < bytes.len() {
        let start = at;
        if !(bytes[at].is_ascii_alphabetic() || bytes[at] == b'_') {
            return None;
        }
        while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
            at += 1;
        }
        let mut part = Part { name: text[start..at].to_string(), subscripts: Vec::new() };
        while at < bytes.len() && bytes[at] == b'[' {
            let digits = at + 1;
            let mut end = digits;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if end == digits || bytes.get(end) != Some(&b']') {
                return None;
            }
            part.subscripts.push(text[digits..end].parse().ok()?);
            at = end + 1;
        }
        parts.push(part);
        if at < bytes.len() {
            // A dot, and something after it.
            if bytes[at] != b'.' || at + 1 == bytes.len() {
                return None;
            }
            at += 1;
        }
    }
    Some(parts)
}

/// The output format from `-o`, `-b`, `--flat` and `-p`, with the errors `capnp` gives for
/// flags that contradict each other (`-b` with `--flat` or `-p`, in either order).
fn output_format(parsed: &Parsed) -> Result<Format, UsageError> {
    let error = |spelled: &str, why: &str| UsageError::new("eval", format!("{spelled}: {why}"));
    let (mut binary, mut flat, mut packed) = (false, false, false);
    let mut format = Format::Text;
    for ((name, value), spelled) in parsed.options.iter().zip(&parsed.spelled) {
        match *name {
            "binary" if packed => return Err(error(spelled, "cannot be used with --packed")),
            "binary" if flat => return Err(error(spelled, "cannot be used with --flat")),
            "binary" => binary = true,
            "flat" | "packed" if binary => return Err(error(spelled, "cannot be used with --binary")),
            "flat" => flat = true,
            "packed" => packed = true,
            "output" => {
                let value = value.as_deref().unwrap_or_default();
                format = Format::parse(value).ok_or_else(|| error(spelled, &format!("unknown format: {value}")))?;
            }
            _ => {}
        }
    }
    Ok(Format::from_flags(parsed, format))
}

/// The name of a node without its scope (`TestDefaults`).
fn short_name(node: &Node) -> &str {
    node.display_name.get(node.display_name_prefix_length as usize..).unwrap_or(&node.display_name)
}

/// The value of a constant of type `ty`.
fn constant<'a>(schema: &'a Schema, ty: &Type, value: &'a Value) -> Result<DynamicValue<'a>, String> {
    let wire = |e: capnzero_runtime::Error| e.to_string();
    Ok(match value {
        Value::Void => DynamicValue::Void,
        Value::Bool(v) => DynamicValue::Bool(*v),
        Value::Int8(v) => DynamicValue::Int8(*v),
        Value::Int16(v) => DynamicValue::Int16(*v),
        Value::Int32(v) => DynamicValue::Int32(*v),
        Value::Int64(v) => DynamicValue::Int64(*v),
        Value::UInt8(v) => DynamicValue::UInt8(*v),
        Value::UInt16(v) => DynamicValue::UInt16(*v),
        Value::UInt32(v) => DynamicValue::UInt32(*v),
        Value::UInt64(v) => DynamicValue::UInt64(*v),
        Value::Float32(v) => DynamicValue::Float32(*v),
        Value::Float64(v) => DynamicValue::Float64(*v),
        Value::Text(text) => DynamicValue::Text(text.as_deref().unwrap_or_default().as_bytes()),
        Value::Data(data) => DynamicValue::Data(data.as_deref().unwrap_or_default()),
        Value::Enum(v) => {
            let enum_schema = match ty {
                Type::Enum { type_id, .. } => schema.enum_schema(*type_id).ok(),
                _ => None,
            };
            DynamicValue::Enum(DynamicEnum::new(*v, enum_schema))
        }
        Value::Interface => DynamicValue::Capability(None),
        Value::AnyPointer(words) => {
            DynamicValue::AnyPointer(words.as_deref().map(PointerReader::constant).unwrap_or_else(PointerReader::null))
        }
        Value::List(words) => {
            let Type::List(element) = ty else { return Err("a list constant of a type that is not a list".into()) };
            let reader = match words {
                Some(words) => PointerReader::constant(words).get_list(element_size(element)).map_err(wire)?,
                None => None,
            };
            DynamicValue::List(DynamicList::new(schema, (**element).clone(), reader.unwrap_or_default()))
        }
        Value::Struct(words) => {
            let struct_schema = schema.struct_of_type(ty).map_err(|e| e.to_string())?;
            let reader = match words {
                Some(words) => PointerReader::constant(words).get_struct().map_err(wire)?,
                None => None,
            };
            DynamicValue::Struct(DynamicStruct::new(reader.unwrap_or_default(), struct_schema))
        }
    })
}

/// Finds the value `parts` names in the file `file_id`, or what `capnp eval` says is wrong; and
/// whether it is a struct field's value read from a null pointer with no default (the empty
/// struct, which `capnp` writes empty).
fn evaluate<'a>(schema: &'a Schema, file_id: u64, parts: &[Part]) -> Result<(DynamicValue<'a>, bool), String> {
    // The longest run of parts naming nested declarations; stops at the first with subscripts.
    let mut scope = file_id;
    let mut pos = 0;
    let mut stopped_at_subscript = false;
    while pos < parts.len() {
        let Some(child) = schema.nested(scope, &parts[pos].name) else { break };
        scope = child.id;
        if !parts[pos].subscripts.is_empty() {
            stopped_at_subscript = true;
            break;
        }
        pos += 1;
    }
    let node = schema.node(scope).ok_or_else(|| format!("No node with ID @0x{scope:016x}."))?;
    let mut from_null = false;
    let mut value = match &node.kind {
        NodeKind::Const { ty, value } => constant(schema, ty, value)?,
        NodeKind::Struct(_) => {
            if pos == parts.len() {
                return Err(format!("'{}' cannot be evaluated.", short_name(node)));
            }
            // The struct's defaults: a struct with no data at all.
            let struct_schema = schema.struct_schema(scope).map_err(|e| e.to_string())?;
            DynamicValue::Struct(DynamicStruct::new(StructReader::default(), struct_schema))
        }
        _ if stopped_at_subscript => return Err(format!("'{}' is not a list.", short_name(node))),
        _ if pos < parts.len() => return Err(format!("'{}' is not defined.", parts[pos].name)),
        _ => return Err(format!("'{}' cannot be evaluated.", short_name(node))),
    };
    while pos < parts.len() {
        let part = &parts[pos];
        if !stopped_at_subscript {
            // `pos` is past the first part here: a const or struct was found before it.
            let previous = &parts[pos - 1].name;
            let DynamicValue::Struct(structure) = &value else {
                return Err(format!("'{previous}' is not a struct."));
            };
            let Some(field) = structure.schema().field(&part.name) else {
                return Err(format!("'{previous}' has no member '{}'.", part.name));
            };
            // A group is its parent's struct seen through another schema: as empty as it.
            if !field.is_group() {
                from_null = matches!(field.default_value(), Some(Value::Struct(None)))
                    && field.offset().is_some_and(|slot| structure.reader().pointer(slot as u16).is_null());
            }
            value = structure.get_field(&field).map_err(|e| e.to_string())?;
        }
        for (i, &subscript) in part.subscripts.iter().enumerate() {
            let shown = |n: usize| {
                let list: Vec<String> = part.subscripts[..n].iter().map(u64::to_string).collect();
                format!("{}[{}]", part.name, list.join("]["))
            };
            let DynamicValue::List(list) = &value else {
                return Err(if i > 0 {
                    format!("'{}' is not a list.", shown(i))
                } else {
                    format!("'{}' is not a list.", part.name)
                });
            };
            if subscript >= u64::from(list.len()) {
                return Err(format!("'{}' is out-of-bounds.", shown(i + 1)));
            }
            value = list.get(subscript as u32).map_err(|e| e.to_string())?;
            from_null = false;
        }
        stopped_at_subscript = false;
        pos += 1;
    }
    Ok((value, from_null))
}

/// A message whose root is a copy of `value` as `capnp` holds it. `capnp` copies a value at
/// the sizes it has in memory: the empty struct a null pointer reads as stays empty, and a
/// constant has every struct at its schema's size, as the compiler built it. capnzero keeps
/// constants in canonical form (trailing zero words dropped), so the copy widens each struct
/// within the value, the root, struct fields and struct list elements, back to its schema's
/// size.
fn message_of(value: &DynamicStruct<'_>, from_null: bool) -> Result<MessageBuilder, String> {
    let mut message = MessageBuilder::default();
    if from_null {
        message.init_root(0, 0);
        return Ok(message);
    }
    let (data_words, pointer_count) = widened(value);
    widen_struct(value, message.init_root(data_words, pointer_count)).map_err(|e| e.to_string())?;
    Ok(message)
}

/// The sections of `value` widened to its schema's size.
fn widened(value: &DynamicStruct<'_>) -> (u16, u16) {
    let (reader, layout) = (value.reader(), value.schema().layout());
    (layout.data_word_count.max(reader.data_words()), layout.pointer_count.max(reader.pointer_count()))
}

/// Whether values of `ty` are held in a pointer slot.
fn is_pointer(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Text | Type::Data | Type::List(_) | Type::Struct { .. } | Type::Interface { .. } | Type::AnyPointer(_)
    )
}

/// The type of each pointer slot of `value` that its held fields (groups included) use.
fn pointer_types(value: &DynamicStruct<'_>, types: &mut Vec<Option<Type>>) {
    for (field, field_value) in value.fields() {
        if field.is_group() {
            if let Ok(DynamicValue::Struct(group)) = field_value {
                pointer_types(&group, types);
            }
            continue;
        }
        let ty = field.ty();
        if !is_pointer(&ty) {
            continue;
        }
        if let Some(slot) = field.offset().map(|o| o as usize) {
            if slot >= types.len() {
                types.resize(slot + 1, None);
            }
            types[slot] = Some(ty);
        }
    }
}

/// Copies `value` into `dest` (already as wide as [`widened`] says), its pointers in order.
fn widen_struct(value: &DynamicStruct<'_>, mut dest: StructBuilder<'_>) -> capnzero_runtime::Result<()> {
    let reader = value.reader();
    let data = reader.data_section();
    dest.data_section_mut()[..data.len()].copy_from_slice(data);
    let schema = value.schema().schema();
    // A group's pointers are its struct's: their types come from the outermost struct.
    let mut whole = value.clone();
    while whole.schema().is_group() {
        match schema.struct_schema(whole.schema().node().scope_id) {
            Ok(parent) => whole = DynamicStruct::new(reader, parent),
            Err(_) => break,
        }
    }
    let mut types = Vec::new();
    pointer_types(&whole, &mut types);
    for i in 0..reader.pointer_count() {
        let source = reader.pointer(i);
        let Some(pointer) = dest.pointer(i) else { continue };
        match types.get(i as usize).cloned().flatten() {
            Some(ty) if !source.is_null() => widen_pointer(schema, &ty, source, pointer)?,
            _ => pointer.set_copy_of(source)?,
        }
    }
    Ok(())
}

/// Copies what `source`, a pointer of type `ty`, points at into `dest`, widening structs.
fn widen_pointer(
    schema: &Schema,
    ty: &Type,
    source: PointerReader<'_>,
    dest: capnzero_runtime::PointerBuilder<'_>,
) -> capnzero_runtime::Result<()> {
    match ty {
        Type::Struct { .. } => {
            let (Ok(struct_schema), Some(reader)) = (schema.struct_of_type(ty), source.get_struct()?) else {
                return dest.set_copy_of(source);
            };
            let value = DynamicStruct::new(reader, struct_schema);
            let (data_words, pointer_count) = widened(&value);
            widen_struct(&value, dest.init_struct(data_words, pointer_count))
        }
        Type::List(element) if matches!(**element, Type::Struct { .. } | Type::List(_)) => {
            let Some(list) = source.get_list(element_size(element))? else { return dest.set_copy_of(source) };
            let list = DynamicList::new(schema, (**element).clone(), list);
            if let Type::Struct { .. } = **element {
                let Ok(struct_schema) = schema.struct_of_type(element) else { return dest.set_copy_of(source) };
                let layout = struct_schema.layout();
                let (data_bits, pointers) = list.reader().element_layout();
                let data_words = u16::try_from(data_bits.div_ceil(64)).unwrap_or(u16::MAX);
                let mut out = dest.init_struct_list(
                    list.len(),
                    layout.data_word_count.max(data_words),
                    layout.pointer_count.max(pointers),
                )?;
                for i in 0..list.len() {
                    if let Ok(DynamicValue::Struct(item)) = list.get(i) {
                        widen_struct(&item, out.get_struct(i)?)?;
                    }
                }
            } else {
                let mut out = dest.init_list(capnzero_runtime::ElementSize::Pointer, list.len())?;
                for i in 0..list.len() {
                    if let Some(item) = list.reader().get_pointer(i) {
                        let target = out.get_pointer(i)?;
                        if item.is_null() {
                            target.set_copy_of(item)?;
                        } else {
                            widen_pointer(schema, element, item, target)?;
                        }
                    }
                }
            }
            Ok(())
        }
        _ => dest.set_copy_of(source),
    }
}

/// Runs `eval`.
pub fn run(parsed: &Parsed, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<u8, UsageError> {
    let format = output_format(parsed)?;
    let name = &parsed.positionals[1];
    let invalid = |why: String| UsageError::new("eval", format!("{name}: {why}"));
    let Some(parts) = parse_name(name) else { return Err(invalid("invalid syntax".into())) };
    let (schema, file_id) = match compile_schema(parsed, "eval", 0) {
        Ok(found) => found,
        Err(failure) => return fail(failure, stderr),
    };
    let (value, from_null) = evaluate(&schema, file_id, &parts).map_err(invalid)?;
    let pretty = !parsed.flag("short");
    if format == Format::Text {
        let mut text = match &value {
            DynamicValue::Struct(s) if pretty => struct_to_pretty_bytes(s),
            DynamicValue::List(l) if pretty => list_to_pretty_bytes(l),
            other => value_to_bytes(other),
        };
        text.push(b'\n');
        return Ok(if stdout.write_all(&text).and_then(|()| stdout.flush()).is_ok() { 0 } else { 1 });
    }
    let DynamicValue::Struct(root) = value else {
        return Err(invalid("not a struct; binary output is only available on structs".into()));
    };
    let message = message_of(&root, from_null).map_err(invalid)?;
    let conversion = Conversion {
        from: Format::Binary,
        to: format,
        root: Some(root.schema().clone()),
        pretty,
        options: capnzero_runtime::BuilderOptions::DEFAULT,
    };
    Ok(conversion.write_root(&message.as_reader(), stdout, stderr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(name: &str, subscripts: &[u64]) -> Part {
        Part { name: name.into(), subscripts: subscripts.to_vec() }
    }

    #[test]
    fn names_read_like_capnp_eval() {
        assert_eq!(parse_name("a"), Some(vec![part("a", &[])]));
        assert_eq!(
            parse_name("T.lists.x_1[2][0].y"),
            Some(vec![part("T", &[]), part("lists", &[]), part("x_1", &[2, 0]), part("y", &[])])
        );
        for bad in ["1x", "a.", ".a", "a[", "a[]", "a[x]", "a..b", "a b", "a[1]x", "a-b"] {
            assert_eq!(parse_name(bad), None, "{bad}");
        }
        assert_eq!(parse_name(""), Some(vec![]));
    }
}
