//! `capnzero eval`: the value of a constant, of a struct field's default, or of a field or list
//! element within them, printed in the text format or written as a message, as `capnp eval`
//! (0.9.2) does.

use std::io::Write;

use capnzero_runtime::{MessageBuilder, PointerReader, StructReader};
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

/// Finds the value `parts` names in the file `file_id`, or what `capnp eval` says is wrong.
fn evaluate<'a>(schema: &'a Schema, file_id: u64, parts: &[Part]) -> Result<DynamicValue<'a>, String> {
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
        }
        stopped_at_subscript = false;
        pos += 1;
    }
    Ok(value)
}

/// A message whose root is a copy of `value`. `capnp` copies the struct at its own size: the
/// empty struct a null pointer reads as stays empty, and a constant's struct has its schema's
/// size there (capnzero keeps constants in canonical form, which drops trailing zero words, so
/// the root is widened back to the schema's size).
fn message_of(value: &DynamicStruct<'_>) -> Result<MessageBuilder, String> {
    let reader = value.reader();
    let layout = value.schema().layout();
    let empty = reader.data_words() == 0 && reader.pointer_count() == 0;
    let (data_words, pointer_count) = if empty {
        (0, 0)
    } else {
        (layout.data_word_count.max(reader.data_words()), layout.pointer_count.max(reader.pointer_count()))
    };
    let mut message = MessageBuilder::default();
    let mut root = message.init_root(data_words, pointer_count);
    let data = reader.data_section();
    root.data_section_mut()[..data.len()].copy_from_slice(data);
    for i in 0..reader.pointer_count() {
        if let Some(pointer) = root.pointer(i) {
            pointer.set_copy_of(reader.pointer(i)).map_err(|e| e.to_string())?;
        }
    }
    Ok(message)
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
    let value = evaluate(&schema, file_id, &parts).map_err(invalid)?;
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
    let message = message_of(&root).map_err(invalid)?;
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
