//! Messages to JSON values, as the official codec's annotated handlers write them.

use crate::dynamic::{DynamicStruct, DynamicValue, FieldSchema, Which};
use crate::model::Type;

use super::annotations::{DataEncoding, Plan, Plans, JSON_VALUE_ID};
use super::value::JsonValue;
use super::JsonError;

/// How deep structs and lists may nest in what is encoded (the reader's own nesting limit
/// usually stops a message long before).
const MAX_ENCODE_DEPTH: usize = 256;

#[derive(Default)]
pub struct Encoder {
    plans: Plans,
    depth: usize,
}

type Members = Vec<(Vec<u8>, JsonValue)>;

fn prefixed(prefix: &[u8], name: &[u8]) -> Vec<u8> {
    let mut out = prefix.to_vec();
    out.extend_from_slice(name);
    out
}

impl Encoder {
    /// A struct as a JSON object.
    pub fn encode_struct(&mut self, value: &DynamicStruct<'_>) -> Result<JsonValue, JsonError> {
        if value.schema().id() == JSON_VALUE_ID {
            return self.nested(|this| this.raw(value));
        }
        let plan = self.plans.of_struct(value.schema())?;
        self.object(value, &plan)
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, JsonError>) -> Result<T, JsonError> {
        if self.depth >= MAX_ENCODE_DEPTH {
            return Err(JsonError::new("Message is nested too deeply to encode as JSON."));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    fn object(&mut self, value: &DynamicStruct<'_>, plan: &Plan) -> Result<JsonValue, JsonError> {
        self.nested(|this| {
            let mut members = Members::new();
            this.gather(value, plan, &[], &mut members)?;
            Ok(JsonValue::Object(members))
        })
    }

    /// The official `gatherForEncode`: the fields outside the union that are set (a null
    /// pointer is left out), in order, then the union's member, always — after its
    /// discriminator when the union has one (and then a Void member writes nothing more).
    /// Flattened fields lend their own members, their prefix before each name.
    fn gather(
        &mut self,
        value: &DynamicStruct<'_>,
        plan: &Plan,
        prefix: &[u8],
        out: &mut Members,
    ) -> Result<(), JsonError> {
        for field in value.schema().non_union_fields() {
            if !value.has_field(&field) {
                continue;
            }
            self.member(value, plan, &field, prefix, out)?;
        }
        if let Some(Which::Member(field)) = value.which() {
            let info = &plan.fields[field.index()];
            if let Some(tag) = &plan.tag_name {
                out.push((prefixed(prefix, tag), JsonValue::String(info.name_for_discriminant.clone())));
            }
            if info.flatten.is_none() && field.ty() == Type::Void && !field.is_group() && plan.tag_name.is_some() {
                return Ok(());
            }
            self.member(value, plan, &field, prefix, out)?;
        }
        Ok(())
    }

    fn member(
        &mut self,
        value: &DynamicStruct<'_>,
        plan: &Plan,
        field: &FieldSchema<'_>,
        prefix: &[u8],
        out: &mut Members,
    ) -> Result<(), JsonError> {
        let info = &plan.fields[field.index()];
        let field_value = value.get_field(field)?;
        if let Some((child, more)) = &info.flatten {
            let DynamicValue::Struct(inner) = field_value else {
                return Err(JsonError::new("only struct types can be flattened"));
            };
            let child = child.clone();
            return self.nested(|this| this.gather(&inner, &child, &prefixed(prefix, more), out));
        }
        let encoded = if field.is_group() {
            let DynamicValue::Struct(group) = field_value else {
                return Err(JsonError::new("a group reads as a struct"));
            };
            let group_plan = self.plans.of_group(field)?;
            self.object(&group, &group_plan)?
        } else {
            match (info.data, &field_value) {
                (DataEncoding::Base64, DynamicValue::Data(bytes)) => JsonValue::String(base64(bytes)),
                (DataEncoding::Hex, DynamicValue::Data(bytes)) => JsonValue::String(hex(bytes)),
                _ => self.value(&field_value)?,
            }
        };
        out.push((prefixed(prefix, &info.name), encoded));
        Ok(())
    }

    fn value(&mut self, value: &DynamicValue<'_>) -> Result<JsonValue, JsonError> {
        Ok(match value {
            DynamicValue::Void => JsonValue::Null,
            DynamicValue::Bool(b) => JsonValue::Boolean(*b),
            DynamicValue::Int8(v) => JsonValue::Number(f64::from(*v)),
            DynamicValue::Int16(v) => JsonValue::Number(f64::from(*v)),
            DynamicValue::Int32(v) => JsonValue::Number(f64::from(*v)),
            DynamicValue::UInt8(v) => JsonValue::Number(f64::from(*v)),
            DynamicValue::UInt16(v) => JsonValue::Number(f64::from(*v)),
            DynamicValue::UInt32(v) => JsonValue::Number(f64::from(*v)),
            DynamicValue::Int64(v) => JsonValue::String(v.to_string().into_bytes()),
            DynamicValue::UInt64(v) => JsonValue::String(v.to_string().into_bytes()),
            DynamicValue::Float32(v) => float(f64::from(*v)),
            DynamicValue::Float64(v) => float(*v),
            DynamicValue::Text(bytes) => JsonValue::String(bytes.to_vec()),
            DynamicValue::Data(bytes) => {
                JsonValue::Array(bytes.iter().map(|&b| JsonValue::Number(f64::from(b))).collect())
            }
            DynamicValue::List(list) => self.nested(|this| {
                let mut items = Vec::with_capacity(list.len() as usize);
                for item in list.iter() {
                    items.push(this.value(&item?)?);
                }
                Ok(JsonValue::Array(items))
            })?,
            DynamicValue::Enum(e) => match (e.schema(), e.enumerant()) {
                (Some(schema), Some(_)) => {
                    let names = self.plans.enum_names(&schema);
                    JsonValue::String(names[usize::from(e.raw())].clone())
                }
                _ => JsonValue::Number(f64::from(e.raw())),
            },
            DynamicValue::Struct(s) => self.encode_struct(s)?,
            DynamicValue::AnyPointer(_) => {
                return Err(JsonError::new(
                    "don't know how to JSON-encode AnyPointer; please register a JsonCodec::Handler for this",
                ))
            }
            DynamicValue::Capability(_) => {
                return Err(JsonError::new(
                    "don't know how to JSON-encode capabilities; please register a JsonCodec::Handler for this",
                ))
            }
        })
    }

    /// A `JsonValue` struct of a message as the JSON it holds.
    fn raw(&mut self, value: &DynamicStruct<'_>) -> Result<JsonValue, JsonError> {
        let Some(Which::Member(member)) = value.which() else {
            return Err(JsonError::new(format!("unknown JsonValue type: {}", value.discriminant().unwrap_or(0))));
        };
        let field_value = value.get_field(&member)?;
        let nested_list = |this: &mut Self, v: &DynamicValue<'_>| -> Result<Vec<JsonValue>, JsonError> {
            let Some(list) = v.as_list() else { return Ok(Vec::new()) };
            let mut out = Vec::with_capacity(list.len() as usize);
            for item in list.iter() {
                match item? {
                    DynamicValue::Struct(s) => out.push(this.nested(|this| this.raw(&s))?),
                    other => return Err(JsonError::new(format!("a JsonValue list holds {}", other.kind_name()))),
                }
            }
            Ok(out)
        };
        Ok(match member.name() {
            "null" => JsonValue::Null,
            "boolean" => JsonValue::Boolean(field_value.as_bool().unwrap_or(false)),
            "number" => JsonValue::Number(field_value.as_f64().unwrap_or(0.0)),
            "string" => JsonValue::String(field_value.as_bytes().unwrap_or_default().to_vec()),
            "array" => JsonValue::Array(nested_list(self, &field_value)?),
            "object" => {
                let mut members = Members::new();
                if let Some(list) = field_value.as_list() {
                    for item in list.iter() {
                        let DynamicValue::Struct(f) = item? else { continue };
                        let name = f.get("name")?.as_bytes().unwrap_or_default().to_vec();
                        let DynamicValue::Struct(v) = f.get("value")? else { continue };
                        members.push((name, self.nested(|this| this.raw(&v))?));
                    }
                }
                JsonValue::Object(members)
            }
            "call" => {
                let DynamicValue::Struct(call) = field_value else { return Ok(JsonValue::Null) };
                let function = call.get("function")?.as_bytes().unwrap_or_default().to_vec();
                let params = nested_list(self, &call.get("params")?)?;
                JsonValue::Call(function, params)
            }
            other => return Err(JsonError::new(format!("unknown JsonValue type: {other}"))),
        })
    }
}

/// Infinities and NaN as the strings JSON needs for them; other values as numbers.
fn float(v: f64) -> JsonValue {
    if v == f64::INFINITY {
        JsonValue::String(b"Infinity".to_vec())
    } else if v == f64::NEG_INFINITY {
        JsonValue::String(b"-Infinity".to_vec())
    } else if v.is_nan() {
        JsonValue::String(b"NaN".to_vec())
    } else {
        JsonValue::Number(v)
    }
}

/// Standard base64 with `=` padding, no line breaks.
pub fn base64(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    out
}

/// Lower-case hex digits, two a byte.
pub fn hex(bytes: &[u8]) -> Vec<u8> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|&b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]]).collect()
}
