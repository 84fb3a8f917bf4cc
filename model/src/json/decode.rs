//! JSON values into messages, as the official codec's annotated handlers read them.

use std::collections::HashSet;
use std::rc::Rc;

use capnzero_runtime::{MessageBuilder, MessageReader, ReaderOptions};

use crate::dynamic::{
    DynamicEnum, DynamicListBuilder, DynamicStruct, DynamicStructBuilder, DynamicValue, EnumSchema, FieldSchema,
    Schema, Which,
};
use crate::model::{Type, Value};

use super::annotations::{DataEncoding, NameKind, Plan, Plans, JSON_VALUE_ID};
use super::value::JsonValue;
use super::JsonError;

#[derive(Default)]
pub struct Decoder {
    plans: Plans,
}

/// The unions whose discriminator has been read, by the address of their struct's data
/// section and the discriminant's offset (as the official codec tells them apart).
type Seen = HashSet<(usize, u32)>;

fn union_id(builder: &mut DynamicStructBuilder<'_>) -> (usize, u32) {
    let offset = builder.schema().discriminant_offset();
    let address = builder.reborrow().into_inner().data_section_mut().as_ptr() as usize;
    (address, offset)
}

/// What a JSON value becomes for a field or element of a type that is not a struct or list.
enum Scalar {
    Void,
    Bool(bool),
    Signed(i64),
    Unsigned(u64),
    Float(f64),
    Bytes(Vec<u8>),
    Enum(u16),
}

impl Scalar {
    fn as_value(&self, ty: &Type) -> DynamicValue<'_> {
        match self {
            Scalar::Void => DynamicValue::Void,
            Scalar::Bool(b) => DynamicValue::Bool(*b),
            Scalar::Signed(v) => DynamicValue::Int64(*v),
            Scalar::Unsigned(v) => DynamicValue::UInt64(*v),
            Scalar::Float(v) => DynamicValue::Float64(*v),
            Scalar::Bytes(b) if *ty == Type::Text => DynamicValue::Text(b),
            Scalar::Bytes(b) => DynamicValue::Data(b),
            Scalar::Enum(v) => DynamicValue::Enum(DynamicEnum::new(*v, None)),
        }
    }
}

fn expected(what: &str) -> JsonError {
    JsonError::new(format!("Expected {what} value"))
}

/// The range of an integer type, `None` for other types.
fn int_range(ty: &Type) -> Option<(i128, i128)> {
    Some(match ty {
        Type::Int8 => (i8::MIN.into(), i8::MAX.into()),
        Type::Int16 => (i16::MIN.into(), i16::MAX.into()),
        Type::Int32 => (i32::MIN.into(), i32::MAX.into()),
        Type::Int64 => (i64::MIN.into(), i64::MAX.into()),
        Type::UInt8 => (0, u8::MAX.into()),
        Type::UInt16 => (0, u16::MAX.into()),
        Type::UInt32 => (0, u32::MAX.into()),
        Type::UInt64 => (0, u64::MAX.into()),
        _ => return None,
    })
}

/// An integer in a string as C's `strtoll` / `strtoull` read it for the official codec: blanks
/// first, a sign, then decimal digits, or hex digits after `0x`; the whole string must be used.
fn parse_integer(text: &[u8], unsigned: bool) -> Result<i128, JsonError> {
    let invalid = || JsonError::new(format!("String does not contain valid number: {}", String::from_utf8_lossy(text)));
    let out_of_range = || JsonError::new(format!("Value out-of-range: {}", String::from_utf8_lossy(text)));
    if text.is_empty() {
        return Err(invalid());
    }
    if unsigned && text[0] == b'-' {
        return Err(out_of_range());
    }
    let hex = {
        let t = text.strip_prefix(b"-").unwrap_or(text);
        t.len() >= 2 && t[0] == b'0' && (t[1] == b'x' || t[1] == b'X')
    };
    let mut rest = text;
    while let [b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r', tail @ ..] = rest {
        rest = tail;
    }
    let negative = match rest {
        [b'-', tail @ ..] => {
            rest = tail;
            true
        }
        [b'+', tail @ ..] => {
            rest = tail;
            false
        }
        _ => false,
    };
    let radix =
        if hex && rest.len() > 2 && rest[0] == b'0' && matches!(rest[1], b'x' | b'X') && rest[2].is_ascii_hexdigit() {
            rest = &rest[2..];
            16
        } else {
            10
        };
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut value: i128 = 0;
    for &c in rest {
        let digit = (c as char).to_digit(radix).ok_or_else(invalid)?;
        value = value.saturating_mul(i128::from(radix)).saturating_add(i128::from(digit));
    }
    if unsigned {
        // strtoull negates in unsigned arithmetic: " -1" is the largest value (only a '-' as
        // the very first character was refused above).
        if value > i128::from(u64::MAX) {
            return Err(out_of_range());
        }
        let value = value as u64;
        return Ok(i128::from(if negative { value.wrapping_neg() } else { value }));
    }
    let value = if negative { -value } else { value };
    if value < i128::from(i64::MIN) || value > i128::from(i64::MAX) {
        return Err(out_of_range());
    }
    Ok(value)
}

/// A float in a string as C's `strtod` reads it: blanks first, then the whole rest a number,
/// `inf`, `infinity` or `nan` (any case).
fn parse_float(text: &[u8]) -> Result<f64, JsonError> {
    let invalid =
        || JsonError::new(format!("String does not contain valid floating number: {}", String::from_utf8_lossy(text)));
    let t = std::str::from_utf8(text).map_err(|_| invalid())?;
    let t = t.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    if t.is_empty() || t.contains('_') {
        return Err(invalid());
    }
    let (negative, unsigned) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if let Some(hex) = unsigned.strip_prefix("0x").or_else(|| unsigned.strip_prefix("0X")) {
        let v = parse_hex_float(hex).ok_or_else(invalid)?;
        return Ok(if negative { -v } else { v });
    }
    t.parse::<f64>().map_err(|_| invalid())
}

/// The digits of a C hex float after `0x`: hex digits, an optional point and more, an optional
/// binary exponent `p±N`.
fn parse_hex_float(text: &str) -> Option<f64> {
    let (mantissa, exponent) = match text.find(['p', 'P']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut bits: u128 = 0;
    let mut scale: i64 = 0;
    for (i, c) in whole.chars().chain(fraction.chars()).enumerate() {
        let digit = c.to_digit(16)?;
        if bits >> 120 == 0 {
            bits = (bits << 4) | u128::from(digit);
            if i >= whole.len() {
                scale -= 4;
            }
        } else if i < whole.len() {
            scale += 4;
        }
    }
    let exponent: i64 = match exponent {
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') { -100_000 } else { 100_000 })
        }
        None => 0,
    };
    let power = (exponent + scale).clamp(-100_000, 100_000) as i32;
    Some(bits as f64 * 2f64.powi(power))
}

fn check_range(value: i128, ty: &Type) -> Result<Scalar, JsonError> {
    let (min, max) = int_range(ty).unwrap_or((0, 0));
    if value < min || value > max {
        return Err(JsonError::new("Value out-of-range for requested type."));
    }
    Ok(if min < 0 { Scalar::Signed(value as i64) } else { Scalar::Unsigned(value as u64) })
}

/// Lenient base64 as the official codec decodes it: bytes outside the alphabet are skipped,
/// and a last group of two or three digits gives one or two bytes.
fn decode_base64(text: &[u8]) -> Vec<u8> {
    let sextets: Vec<u32> = text
        .iter()
        .filter_map(|&c| match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        })
        .collect();
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for group in sextets.chunks(4) {
        let n = group.iter().enumerate().fold(0u32, |n, (i, &s)| n | (s << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..group.len().saturating_sub(1)]);
    }
    out
}

/// Hex as the official codec decodes it: two digits a byte, a digit that is not hex counts 0,
/// an odd last digit is dropped.
fn decode_hex(text: &[u8]) -> Vec<u8> {
    let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
    text.chunks_exact(2).map(|pair| (digit(pair[0]) << 4) | digit(pair[1])).collect()
}

impl Decoder {
    /// Fills `builder` from the JSON object `value`.
    pub fn decode_struct(&mut self, value: &JsonValue, mut builder: DynamicStructBuilder<'_>) -> Result<(), JsonError> {
        if builder.schema().id() == JSON_VALUE_ID {
            return write_raw(value, builder);
        }
        let plan = self.plans.of_struct(builder.schema())?;
        self.object(value, &plan, builder.reborrow())
    }

    /// The official annotated `decode`: every member in order; a member that needs a union's
    /// discriminator not read yet waits, and waiting members are retried until a round makes
    /// no progress (those left then are dropped).
    fn object(
        &mut self,
        value: &JsonValue,
        plan: &Plan,
        mut builder: DynamicStructBuilder<'_>,
    ) -> Result<(), JsonError> {
        let JsonValue::Object(members) = value else {
            return Err(expected("object"));
        };
        let mut seen = Seen::new();
        let mut retries = Vec::new();
        for (name, member) in members {
            if !self.member(plan, name, member, builder.reborrow(), &mut seen)? {
                retries.push((name, member));
            }
        }
        while !retries.is_empty() {
            let round = std::mem::take(&mut retries);
            for &(name, member) in &round {
                if !self.member(plan, name, member, builder.reborrow(), &mut seen)? {
                    retries.push((name, member));
                }
            }
            if retries.len() == round.len() {
                break;
            }
        }
        Ok(())
    }

    /// Decodes one member; `false` when it has to wait for its union's discriminator.
    fn member(
        &mut self,
        plan: &Plan,
        name: &[u8],
        value: &JsonValue,
        mut builder: DynamicStructBuilder<'_>,
        seen: &mut Seen,
    ) -> Result<bool, JsonError> {
        let schema = builder.schema().clone();
        let field_at = |index: usize| schema.field_by_index(index).ok_or_else(|| JsonError::new("no such field"));
        match plan.by_name.get(name) {
            None => Ok(true),
            Some(NameKind::Normal(index)) => {
                let field = field_at(*index)?;
                let data = plan.fields[*index].data;
                self.field(&field, data, value, builder)?;
                Ok(true)
            }
            Some(NameKind::Flattened { index, prefix }) => {
                let field = field_at(*index)?;
                let (child, _) = plan.fields[*index].flatten.clone().ok_or_else(|| JsonError::new("not flattened"))?;
                let inner = builder.get_struct(field.name())?;
                self.member(&child, &name[*prefix..], value, inner, seen)
            }
            Some(NameKind::UnionTag) => {
                let JsonValue::String(tag) = value else {
                    return Err(JsonError::new("Expected string value."));
                };
                if let Some(&index) = plan.tag_values.get(tag) {
                    let field = field_at(index)?;
                    clear(&mut builder, &field)?;
                    seen.insert(union_id(&mut builder));
                }
                Ok(true)
            }
            Some(NameKind::FlattenedFromUnion { prefix }) => {
                if !seen.contains(&union_id(&mut builder)) {
                    return Ok(false);
                }
                let variant = active(&builder)?;
                let Some((child, _)) = plan.fields[variant.index()].flatten.clone() else {
                    return Err(JsonError::new(format!(
                        "\"{}\" belongs to a flattened union member, but the union holds '{}'",
                        String::from_utf8_lossy(name),
                        variant.name()
                    )));
                };
                let inner = builder.get_struct(variant.name())?;
                self.member(&child, &name[*prefix..], value, inner, seen)
            }
            Some(NameKind::UnionValue) => {
                if !seen.contains(&union_id(&mut builder)) {
                    return Ok(false);
                }
                let variant = active(&builder)?;
                let data = plan.fields[variant.index()].data;
                self.field(&variant, data, value, builder)?;
                Ok(true)
            }
        }
    }

    /// Sets `field` from `value` (a union member becomes the active one).
    fn field<'a>(
        &mut self,
        field: &FieldSchema<'a>,
        data: DataEncoding,
        value: &JsonValue,
        mut builder: DynamicStructBuilder<'a>,
    ) -> Result<(), JsonError> {
        if field.is_group() {
            // As the official codec does: the group is read into a struct of its own, then the
            // group reset and what that struct holds copied in (the active union member and
            // the other fields that are set).
            let plan = self.plans.of_group(field)?;
            let group_schema = field.group().ok_or_else(|| JsonError::new("not a group"))??;
            let mut scratch = MessageBuilder::default();
            self.object(value, &plan, DynamicStructBuilder::init_root(&mut scratch, group_schema.clone()))?;
            let bytes = scratch.to_bytes();
            let options = ReaderOptions { traversal_limit_words: u64::MAX, nesting_limit: u32::MAX };
            let reader = MessageReader::from_bytes(&bytes, options)?;
            let source = DynamicStruct::new(reader.root_struct()?, group_schema);
            let group = builder.init_field(field)?;
            return copy_group(&source, group);
        }
        let ty = field.ty();
        match &ty {
            Type::Struct { .. } => {
                let inner = builder.init_field(field)?;
                self.decode_struct(value, inner)
            }
            Type::List(element) => {
                let JsonValue::Array(items) = value else {
                    return Err(expected("list"));
                };
                let len = u32::try_from(items.len()).map_err(|_| JsonError::new("list too long"))?;
                let schema = builder.schema().schema();
                let list = builder.init_list(field.name(), len)?;
                self.list(schema, element, items, list)
            }
            Type::Data if data != DataEncoding::Array => {
                // The official handlers read the string without checking the value is one: a
                // null, a boolean or a number reads as the empty string (an array or an object
                // is a list where Text was expected).
                let text: &[u8] = match value {
                    JsonValue::String(text) => text,
                    JsonValue::Array(_) | JsonValue::Object(_) | JsonValue::Call(..) => {
                        return Err(JsonError::new(
                            "Message contains list pointer of non-bytes where text was expected.",
                        ))
                    }
                    _ => b"",
                };
                let bytes = if data == DataEncoding::Base64 { decode_base64(text) } else { decode_hex(text) };
                Ok(builder.set_field(field, &DynamicValue::Data(&bytes))?)
            }
            _ => {
                let scalar = self.scalar(&builder, &ty, value)?;
                Ok(builder.set_field(field, &scalar.as_value(&ty))?)
            }
        }
    }

    fn list(
        &mut self,
        schema: &Schema,
        element: &Type,
        items: &[JsonValue],
        mut list: DynamicListBuilder<'_>,
    ) -> Result<(), JsonError> {
        for (i, item) in items.iter().enumerate() {
            let i = i as u32;
            match element {
                Type::Struct { .. } => {
                    let inner = list.get_struct(i)?;
                    self.decode_struct(item, inner)?;
                }
                Type::List(inner_element) => {
                    let JsonValue::Array(inner_items) = item else {
                        return Err(expected("list"));
                    };
                    let len = u32::try_from(inner_items.len()).map_err(|_| JsonError::new("list too long"))?;
                    let inner = list.init_list(i, len)?;
                    self.list(schema, inner_element, inner_items, inner)?;
                }
                _ => {
                    let scalar = scalar_value(self.names(enum_of(schema, element)), element, item)?;
                    list.set(i, scalar.as_value(element))?;
                }
            }
        }
        Ok(())
    }

    fn names(&mut self, schema: Option<EnumSchema<'_>>) -> Option<Rc<Vec<Vec<u8>>>> {
        schema.map(|schema| self.plans.enum_names(&schema))
    }

    fn scalar(
        &mut self,
        builder: &DynamicStructBuilder<'_>,
        ty: &Type,
        value: &JsonValue,
    ) -> Result<Scalar, JsonError> {
        scalar_value(self.names(enum_of(builder.schema().schema(), ty)), ty, value)
    }
}

fn enum_of<'s>(schema: &'s Schema, ty: &Type) -> Option<EnumSchema<'s>> {
    match ty {
        Type::Enum { type_id, .. } => schema.enum_schema(*type_id).ok(),
        _ => None,
    }
}

/// The official `decode` of a value of a type that is neither a struct nor a list.
fn scalar_value(enum_names: Option<Rc<Vec<Vec<u8>>>>, ty: &Type, value: &JsonValue) -> Result<Scalar, JsonError> {
    match ty {
        Type::Void => Ok(Scalar::Void),
        Type::Bool => match value {
            JsonValue::Boolean(b) => Ok(Scalar::Bool(*b)),
            _ => Err(expected("boolean")),
        },
        Type::Float32 | Type::Float64 => match value {
            JsonValue::Null => Ok(Scalar::Float(f64::NAN)),
            JsonValue::Number(n) => Ok(Scalar::Float(*n)),
            JsonValue::String(s) => Ok(Scalar::Float(parse_float(s)?)),
            _ => Err(expected("float")),
        },
        Type::Text => match value {
            JsonValue::String(s) => Ok(Scalar::Bytes(s.clone())),
            _ => Err(expected("text")),
        },
        Type::Data => match value {
            JsonValue::Array(items) => {
                let mut bytes = Vec::with_capacity(items.len());
                for item in items {
                    // The official codec reads every element as a number without checking it
                    // is one: anything else reads as 0.
                    let n = match item {
                        JsonValue::Number(n) => *n,
                        _ => 0.0,
                    };
                    if !(0.0..=255.0).contains(&n) || n.fract() != 0.0 {
                        return Err(JsonError::new("Number in byte array is not an integer in [0, 255]"));
                    }
                    bytes.push(n as u8);
                }
                Ok(Scalar::Bytes(bytes))
            }
            _ => Err(expected("data")),
        },
        Type::Enum { .. } => match value {
            // A C++ conversion of the double to uint16_t: the fraction dropped.
            JsonValue::Number(n) if *n > -1.0 && *n < 65536.0 => Ok(Scalar::Enum(n.trunc() as u16)),
            JsonValue::Number(n) => Err(JsonError::new(format!("enum value out of range: {n}"))),
            JsonValue::String(name) => {
                let names = enum_names.unwrap_or_default();
                match names.iter().position(|n| n == name) {
                    Some(i) => Ok(Scalar::Enum(i as u16)),
                    None => Err(JsonError::new(format!("invalid enum value: {}", String::from_utf8_lossy(name)))),
                }
            }
            _ => Err(expected("enum")),
        },
        Type::AnyPointer(_) => Err(JsonError::new(
            "don't know how to JSON-decode AnyPointer; please register a JsonCodec::Handler for this",
        )),
        Type::Interface { .. } => Err(JsonError::new(
            "don't know how to JSON-decode capabilities; please register a JsonCodec::Handler for this",
        )),
        ty => {
            let (min, _) = int_range(ty).ok_or_else(|| expected("integer"))?;
            let unsigned = min == 0;
            let wide = match value {
                JsonValue::Number(n) => {
                    // As the official codec converts a double: in range and no fraction.
                    if !(n.is_finite() && n.fract() == 0.0 && n.abs() < 1.9e19) {
                        return Err(JsonError::new("Value out-of-range for requested type."));
                    }
                    *n as i128
                }
                JsonValue::String(s) => parse_integer(s, unsigned)?,
                _ => return Err(expected("integer")),
            };
            check_range(wide, ty)
        }
    }
}

/// The active member of the builder's union.
fn active<'a>(builder: &DynamicStructBuilder<'a>) -> Result<FieldSchema<'a>, JsonError> {
    let discriminant = builder.discriminant().ok_or_else(|| JsonError::new("no union"))?;
    builder.schema().field_by_discriminant(discriminant).ok_or_else(|| JsonError::new("unknown union member"))
}

/// Makes `field` the active member with its default value, allocating nothing (the official
/// `clear`): a group's fields reset, a pointer null, a primitive its default.
fn clear(builder: &mut DynamicStructBuilder<'_>, field: &FieldSchema<'_>) -> Result<(), JsonError> {
    let field = builder.schema().field_by_index(field.index()).ok_or_else(|| JsonError::new("no such field"))?;
    if field.is_group() {
        builder.init_field(&field)?;
        return Ok(());
    }
    let ty = field.ty();
    if matches!(
        ty,
        Type::Text | Type::Data | Type::List(_) | Type::Struct { .. } | Type::AnyPointer(_) | Type::Interface { .. }
    ) {
        builder.clear(field.name())?;
        return Ok(());
    }
    let value = match field.default_value() {
        Some(Value::Bool(v)) => DynamicValue::Bool(*v),
        Some(Value::Int8(v)) => DynamicValue::Int8(*v),
        Some(Value::Int16(v)) => DynamicValue::Int16(*v),
        Some(Value::Int32(v)) => DynamicValue::Int32(*v),
        Some(Value::Int64(v)) => DynamicValue::Int64(*v),
        Some(Value::UInt8(v)) => DynamicValue::UInt8(*v),
        Some(Value::UInt16(v)) => DynamicValue::UInt16(*v),
        Some(Value::UInt32(v)) => DynamicValue::UInt32(*v),
        Some(Value::UInt64(v)) => DynamicValue::UInt64(*v),
        Some(Value::Float32(v)) => DynamicValue::Float32(*v),
        Some(Value::Float64(v)) => DynamicValue::Float64(*v),
        Some(Value::Enum(v)) => DynamicValue::Enum(DynamicEnum::new(*v, None)),
        _ => DynamicValue::Void,
    };
    builder.set_field(&field, &value)?;
    Ok(())
}

/// Writes `value` into a `JsonValue` struct.
fn write_raw(value: &JsonValue, mut builder: DynamicStructBuilder<'_>) -> Result<(), JsonError> {
    match value {
        JsonValue::Null => builder.set("null", ())?,
        JsonValue::Boolean(b) => builder.set("boolean", DynamicValue::Bool(*b))?,
        JsonValue::Number(n) => builder.set("number", DynamicValue::Float64(*n))?,
        JsonValue::String(s) => builder.set("string", DynamicValue::Text(s))?,
        JsonValue::Array(items) => {
            let mut list = builder.init_list("array", items.len() as u32)?;
            for (i, item) in items.iter().enumerate() {
                write_raw(item, list.get_struct(i as u32)?)?;
            }
        }
        JsonValue::Object(members) => {
            let mut list = builder.init_list("object", members.len() as u32)?;
            for (i, (name, item)) in members.iter().enumerate() {
                let mut member = list.get_struct(i as u32)?;
                member.set("name", DynamicValue::Text(name))?;
                write_raw(item, member.init("value")?)?;
            }
        }
        JsonValue::Call(function, params) => {
            let mut call = builder.init("call")?;
            call.set("function", DynamicValue::Text(function))?;
            let mut list = call.init_list("params", params.len() as u32)?;
            for (i, item) in params.iter().enumerate() {
                write_raw(item, list.get_struct(i as u32)?)?;
            }
        }
    }
    Ok(())
}

/// Copies a group's active union member and its other fields that are set (groups within
/// recursively, each reset first) into `dest`, as the official `set` of a group does.
fn copy_group(source: &DynamicStruct<'_>, mut dest: DynamicStructBuilder<'_>) -> Result<(), JsonError> {
    let mut fields = Vec::new();
    if let Some(Which::Member(member)) = source.which() {
        fields.push(member);
    }
    fields.extend(source.schema().non_union_fields().into_iter().filter(|f| source.has_field(f)));
    for field in fields {
        let target = dest.schema().field_by_index(field.index()).ok_or_else(|| JsonError::new("no such field"))?;
        let value = source.get_field(&field)?;
        if field.is_group() {
            let DynamicValue::Struct(inner) = value else {
                return Err(JsonError::new("a group reads as a struct"));
            };
            copy_group(&inner, dest.init_field(&target)?)?;
        } else {
            dest.set_field(&target, &value)?;
        }
    }
    Ok(())
}
