//! What `/capnp/compat/json.capnp`'s annotations make of a struct: each field's JSON name and
//! encoding, the flattened members, the discriminator, and the map from JSON names back to
//! fields the decoder uses (the official `AnnotatedHandler`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use capnzero_runtime::MessageReader;

use crate::dynamic::{EnumSchema, FieldSchema, StructSchema};
use crate::model::UNLIMITED;
use crate::model::{Annotation, Field, Type, Value};

use super::JsonError;

/// `$Json.name`.
pub const NAME_ID: u64 = 0xfa5b_1fd6_1c2e_7c3d;
/// `$Json.flatten`.
pub const FLATTEN_ID: u64 = 0x82d3_e852_af03_36bf;
/// `$Json.discriminator`.
pub const DISCRIMINATOR_ID: u64 = 0xcfa7_94e8_d19a_0162;
/// `$Json.base64`.
pub const BASE64_ID: u64 = 0xd7d8_7945_0a25_3e4b;
/// `$Json.hex`.
pub const HEX_ID: u64 = 0xf061_e22f_0ae5_c7b5;
/// `json.capnp`'s `Value` (`JsonValue`), written and read as the JSON it holds.
pub const JSON_VALUE_ID: u64 = 0xa3fa_7845_f919_dd83;

/// How a Data field is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataEncoding {
    /// An array of numbers.
    Array,
    /// `$Json.base64`: a base64 string.
    Base64,
    /// `$Json.hex`: a string of lower-case hex digits.
    Hex,
}

/// A field as JSON sees it.
pub struct FieldInfo {
    /// Its member name (`valueName` for a member of a union that has one).
    pub name: Vec<u8>,
    /// The name the discriminator gives for it when it is the union's member.
    pub name_for_discriminant: Vec<u8>,
    /// `$Json.flatten`: the plan of the struct or group whose members it lends, and the prefix.
    pub flatten: Option<(Rc<Plan>, Vec<u8>)>,
    /// For Data fields.
    pub data: DataEncoding,
}

/// What a JSON member name stands for in a struct.
#[derive(Clone, Debug)]
pub enum NameKind {
    /// The field with this index.
    Normal(usize),
    /// A member of the flattened struct or group field `index`, after a prefix of `prefix` bytes.
    Flattened { index: usize, prefix: usize },
    /// The flattened union's discriminant.
    UnionTag,
    /// A member of one of the flattened union members (which one the tag says).
    FlattenedFromUnion { prefix: usize },
    /// The value of a union with a `valueName`.
    UnionValue,
}

/// A struct or group as JSON sees it.
pub struct Plan {
    /// By field index.
    pub fields: Vec<FieldInfo>,
    /// JSON member name → what it is.
    pub by_name: HashMap<Vec<u8>, NameKind>,
    /// Discriminator value → the union member's field index.
    pub tag_values: HashMap<Vec<u8>, usize>,
    /// The member that holds the discriminator, when the union has one.
    pub tag_name: Option<Vec<u8>>,
}

#[derive(Clone, Default)]
struct Discriminator {
    name: Option<Vec<u8>>,
    value_name: Option<Vec<u8>>,
}

fn find(annotations: &[Annotation], id: u64) -> Option<&Value> {
    annotations.iter().find(|a| a.id == id).map(|a| &a.value)
}

/// The Text pointers of a struct value (in canonical form) at `indices`, `None` when null.
fn struct_texts(value: &Value, count: u16) -> Vec<Option<Vec<u8>>> {
    let mut out = vec![None; usize::from(count)];
    if let Value::Struct(Some(bytes)) = value {
        if let Ok(message) = MessageReader::from_flat(bytes, UNLIMITED) {
            if let Ok(root) = message.root_struct() {
                for (i, slot) in out.iter_mut().enumerate() {
                    if let Ok(Some(text)) = root.pointer(i as u16).get_text() {
                        *slot = Some(text.as_bytes().to_vec());
                    }
                }
            }
        }
    }
    out
}

fn discriminator_of(annotations: &[Annotation]) -> Option<Discriminator> {
    let value = find(annotations, DISCRIMINATOR_ID)?;
    let mut texts = struct_texts(value, 2).into_iter();
    Some(Discriminator { name: texts.next().flatten(), value_name: texts.next().flatten() })
}

/// The JSON name of a field or enumerant: `$Json.name`, or its own.
pub fn json_name(annotations: &[Annotation], own: &str) -> Vec<u8> {
    match find(annotations, NAME_ID) {
        Some(Value::Text(Some(name))) => name.as_bytes().to_vec(),
        _ => own.as_bytes().to_vec(),
    }
}

/// The JSON names of an enum's enumerants, by ordinal.
pub fn enumerant_names(schema: &EnumSchema<'_>) -> Vec<Vec<u8>> {
    schema.enumerants().iter().map(|e| json_name(&e.annotations, &e.name)).collect()
}

/// Builds and keeps the plans of the structs met.
#[derive(Default)]
pub struct Plans {
    done: HashMap<u64, Rc<Plan>>,
    building: HashSet<u64>,
    enums: HashMap<u64, Rc<Vec<Vec<u8>>>>,
}

impl Plans {
    /// The JSON names of an enum's enumerants, by ordinal (worked out once per enum).
    pub fn enum_names(&mut self, schema: &EnumSchema<'_>) -> Rc<Vec<Vec<u8>>> {
        Rc::clone(self.enums.entry(schema.id()).or_insert_with(|| Rc::new(enumerant_names(schema))))
    }

    /// The plan of a struct type (its own `$Json.discriminator` applies to its union).
    pub fn of_struct(&mut self, schema: &StructSchema<'_>) -> Result<Rc<Plan>, JsonError> {
        self.get(schema, None, None)
    }

    /// The plan of the group `field` (the field's `$Json.discriminator` applies to it; when
    /// the field is flattened, its name is the discriminator's default name).
    pub fn of_group(&mut self, field: &FieldSchema<'_>) -> Result<Rc<Plan>, JsonError> {
        let group = field.group().ok_or_else(|| JsonError::new("not a group"))??;
        let annotations = &field.proto().annotations;
        let decl_name = find(annotations, FLATTEN_ID).map(|_| field.name().as_bytes().to_vec());
        self.get(&group, discriminator_of(annotations), decl_name)
    }

    fn get(
        &mut self,
        schema: &StructSchema<'_>,
        discriminator: Option<Discriminator>,
        decl_name: Option<Vec<u8>>,
    ) -> Result<Rc<Plan>, JsonError> {
        let id = schema.id();
        if let Some(plan) = self.done.get(&id) {
            return Ok(Rc::clone(plan));
        }
        if !self.building.insert(id) {
            return Err(JsonError::new(format!("cyclic JSON flattening detected: {}", schema.display_name())));
        }
        let plan = self.build(schema, discriminator, decl_name);
        self.building.remove(&id);
        let plan = Rc::new(plan?);
        self.done.insert(id, Rc::clone(&plan));
        Ok(plan)
    }

    fn build(
        &mut self,
        schema: &StructSchema<'_>,
        discriminator: Option<Discriminator>,
        decl_name: Option<Vec<u8>>,
    ) -> Result<Plan, JsonError> {
        let type_name = schema.display_name();
        let discriminator = discriminator.or_else(|| discriminator_of(&schema.node().annotations));
        let mut plan = Plan { fields: Vec::new(), by_name: HashMap::new(), tag_values: HashMap::new(), tag_name: None };
        let duplicate = |name: &[u8]| {
            JsonError::new(format!("{type_name}: two members have the JSON name \"{}\"", String::from_utf8_lossy(name)))
        };
        if let Some(d) = &discriminator {
            plan.tag_name = d.name.clone().or(decl_name);
            if let Some(tag) = &plan.tag_name {
                plan.by_name.insert(tag.clone(), NameKind::UnionTag);
            }
            if let Some(value_name) = &d.value_name {
                if plan.by_name.insert(value_name.clone(), NameKind::UnionValue).is_some() {
                    return Err(duplicate(value_name));
                }
            }
        }
        for field in schema.fields() {
            let proto = field.proto();
            let annotations = &proto.annotations;
            let name = json_name(annotations, field.name());
            let is_union_member = proto.discriminant_value != Field::NO_DISCRIMINANT;
            let ty = field.ty();
            let mut data = DataEncoding::Array;
            for (id, encoding, what) in
                [(BASE64_ID, DataEncoding::Base64, "base64"), (HEX_ID, DataEncoding::Hex, "hex")]
            {
                if find(annotations, id).is_some() {
                    if ty != Type::Data || field.is_group() {
                        return Err(JsonError::new(format!(
                            "only Data can be marked for {what} encoding: {type_name}.{}",
                            field.name()
                        )));
                    }
                    data = encoding;
                }
            }
            let flatten = match find(annotations, FLATTEN_ID) {
                None => None,
                Some(options) => {
                    let prefix = struct_texts(options, 1).pop().flatten().unwrap_or_default();
                    let child = if field.is_group() {
                        self.of_group(&field)?
                    } else if let Type::Struct { .. } = ty {
                        let child = schema.schema().struct_of_type(&ty)?;
                        self.of_struct(&child)?
                    } else {
                        return Err(JsonError::new(format!(
                            "only struct types can be flattened: {type_name}.{}",
                            field.name()
                        )));
                    };
                    Some((child, prefix))
                }
            };
            if find(annotations, DISCRIMINATOR_ID).is_some() && !field.is_group() {
                return Err(JsonError::new(format!(
                    "only unions can have discriminator: {type_name}.{}",
                    field.name()
                )));
            }
            if let Some((child, prefix)) = &flatten {
                let mut entries: Vec<(&Vec<u8>, &NameKind)> = child.by_name.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                for (key, _) in entries {
                    let mut flat_name = prefix.clone();
                    flat_name.extend_from_slice(key);
                    let kind = if is_union_member {
                        NameKind::FlattenedFromUnion { prefix: prefix.len() }
                    } else {
                        NameKind::Flattened { index: field.index(), prefix: prefix.len() }
                    };
                    match plan.by_name.get(&flat_name) {
                        None => {
                            plan.by_name.insert(flat_name, kind);
                        }
                        Some(NameKind::FlattenedFromUnion { .. }) if is_union_member => {}
                        Some(_) => {
                            return Err(JsonError::new(format!(
                            "{type_name}: flattened members have the same name and are not mutually exclusive: \"{}\"",
                            String::from_utf8_lossy(&flat_name)
                        )))
                        }
                    }
                }
            }
            let name_for_discriminant = name.clone();
            let mut name = name;
            if flatten.is_none() {
                let value_name = discriminator.as_ref().and_then(|d| d.value_name.clone()).filter(|_| is_union_member);
                match value_name {
                    Some(value_name) => name = value_name,
                    None => {
                        if plan.by_name.insert(name.clone(), NameKind::Normal(field.index())).is_some() {
                            return Err(duplicate(&name));
                        }
                    }
                }
            }
            if is_union_member {
                plan.tag_values.insert(name_for_discriminant.clone(), field.index());
            }
            plan.fields.push(FieldInfo { name, name_for_discriminant, flatten, data });
        }
        Ok(plan)
    }
}
