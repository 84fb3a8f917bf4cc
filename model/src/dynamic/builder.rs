//! Building messages through a schema: fields set by name, structs, groups and lists initialised.

use capnzero_runtime::{ListBuilder, MessageBuilder, PointerBuilder, StructBuilder};

use crate::model::{FieldKind, Type, Value};

use super::error::Error;
use super::reader::{check_owner, DynamicList, DynamicStruct, DynamicValue};
use super::schema::{element_size, FieldSchema, Schema, StructSchema};

/// A primitive as stored: its bits, by width.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Raw {
    Void,
    Bool(bool),
    B8(u8),
    B16(u16),
    B32(u32),
    B64(u64),
}

impl Raw {
    fn xor(self, other: Raw) -> Raw {
        match (self, other) {
            (Raw::Bool(a), Raw::Bool(b)) => Raw::Bool(a ^ b),
            (Raw::B8(a), Raw::B8(b)) => Raw::B8(a ^ b),
            (Raw::B16(a), Raw::B16(b)) => Raw::B16(a ^ b),
            (Raw::B32(a), Raw::B32(b)) => Raw::B32(a ^ b),
            (Raw::B64(a), Raw::B64(b)) => Raw::B64(a ^ b),
            (a, _) => a,
        }
    }
}

/// The stored bits of a schema default (zero for anything else).
fn default_raw(value: Option<&Value>) -> Option<Raw> {
    Some(match *value? {
        Value::Bool(v) => Raw::Bool(v),
        Value::Int8(v) => Raw::B8(v as u8),
        Value::UInt8(v) => Raw::B8(v),
        Value::Int16(v) => Raw::B16(v as u16),
        Value::UInt16(v) => Raw::B16(v),
        Value::Enum(v) => Raw::B16(v),
        Value::Int32(v) => Raw::B32(v as u32),
        Value::UInt32(v) => Raw::B32(v),
        Value::Float32(v) => Raw::B32(v.to_bits()),
        Value::Int64(v) => Raw::B64(v as u64),
        Value::UInt64(v) => Raw::B64(v),
        Value::Float64(v) => Raw::B64(v.to_bits()),
        _ => return None,
    })
}

fn mismatch(schema: &Schema, ty: &Type, value: &DynamicValue<'_>) -> Error {
    Error::TypeMismatch { expected: schema.type_name(ty), found: value.kind_name().into() }
}

/// `value` converted to the primitive type `ty`: integers of any width when in range, floats
/// from floats or integers, enums from enum values of the same enum, integers or enumerant
/// names. `None` when `ty` is not a primitive.
fn encode_primitive(schema: &Schema, ty: &Type, value: &DynamicValue<'_>) -> Option<Result<Raw, Error>> {
    let int = |min: i128, max: i128| -> Result<i128, Error> {
        let v = value.as_i128().ok_or_else(|| mismatch(schema, ty, value))?;
        if v < min || v > max {
            return Err(Error::OutOfRange { ty: schema.type_name(ty) });
        }
        Ok(v)
    };
    let float = || value.as_f64().ok_or_else(|| mismatch(schema, ty, value));
    Some(match ty {
        Type::Void => match value {
            DynamicValue::Void => Ok(Raw::Void),
            _ => Err(mismatch(schema, ty, value)),
        },
        Type::Bool => value.as_bool().map(Raw::Bool).ok_or_else(|| mismatch(schema, ty, value)),
        Type::Int8 => int(i8::MIN as i128, i8::MAX as i128).map(|v| Raw::B8(v as i8 as u8)),
        Type::UInt8 => int(0, u8::MAX as i128).map(|v| Raw::B8(v as u8)),
        Type::Int16 => int(i16::MIN as i128, i16::MAX as i128).map(|v| Raw::B16(v as i16 as u16)),
        Type::UInt16 => int(0, u16::MAX as i128).map(|v| Raw::B16(v as u16)),
        Type::Int32 => int(i32::MIN as i128, i32::MAX as i128).map(|v| Raw::B32(v as i32 as u32)),
        Type::UInt32 => int(0, u32::MAX as i128).map(|v| Raw::B32(v as u32)),
        Type::Int64 => int(i64::MIN as i128, i64::MAX as i128).map(|v| Raw::B64(v as i64 as u64)),
        Type::UInt64 => int(0, u64::MAX as i128).map(|v| Raw::B64(v as u64)),
        Type::Float32 => match value {
            DynamicValue::Float32(v) => Ok(Raw::B32(v.to_bits())),
            _ => float().map(|v| Raw::B32((v as f32).to_bits())),
        },
        Type::Float64 => float().map(|v| Raw::B64(v.to_bits())),
        Type::Enum { type_id, .. } => encode_enum(schema, *type_id, ty, value).map(Raw::B16),
        _ => return None,
    })
}

fn encode_enum(schema: &Schema, type_id: u64, ty: &Type, value: &DynamicValue<'_>) -> Result<u16, Error> {
    match value {
        DynamicValue::Enum(e) => match e.schema() {
            Some(s) if s.id() != type_id => Err(mismatch(schema, ty, value)),
            _ => Ok(e.raw()),
        },
        DynamicValue::Text(name) => {
            let enum_schema = schema.enum_schema(type_id)?;
            std::str::from_utf8(name).ok().and_then(|n| enum_schema.ordinal_of(n)).ok_or_else(|| {
                Error::NoSuchEnumerant {
                    node: enum_schema.display_name().to_string(),
                    name: String::from_utf8_lossy(name).into_owned(),
                }
            })
        }
        other => match other.as_i128() {
            Some(v) => u16::try_from(v).map_err(|_| Error::OutOfRange { ty: schema.type_name(ty) }),
            None => Err(mismatch(schema, ty, value)),
        },
    }
}

fn write_raw(builder: &mut StructBuilder<'_>, offset: usize, raw: Raw) {
    match raw {
        Raw::Void => {}
        Raw::Bool(v) => builder.set_bool(offset, v),
        Raw::B8(v) => builder.set(offset, v),
        Raw::B16(v) => builder.set(offset, v),
        Raw::B32(v) => builder.set(offset, v),
        Raw::B64(v) => builder.set(offset, v),
    }
}

fn write_raw_element(list: &mut ListBuilder<'_>, index: u32, raw: Raw) -> Result<(), Error> {
    match raw {
        Raw::Void => Ok(()),
        Raw::Bool(v) => list.set_bool(index, v),
        Raw::B8(v) => list.set(index, v),
        Raw::B16(v) => list.set(index, v),
        Raw::B32(v) => list.set(index, v),
        Raw::B64(v) => list.set(index, v),
    }
    .map_err(Error::from)
}

/// Writes the pointer value `value` of type `ty` into `dest`: Text, Data, a copy of a struct, a
/// list or an AnyPointer, or a capability index.
fn write_pointer(
    schema: &Schema,
    ty: &Type,
    value: &DynamicValue<'_>,
    mut dest: PointerBuilder<'_>,
) -> Result<(), Error> {
    match (ty, value) {
        (Type::Text, DynamicValue::Text(bytes)) => {
            let len = u32::try_from(bytes.len()).map_err(|_| Error::OutOfRange { ty: "Text".into() })?;
            dest.init_text(len)?.copy_from_slice(bytes);
            Ok(())
        }
        (Type::Data, DynamicValue::Data(bytes) | DynamicValue::Text(bytes)) => Ok(dest.set_data(bytes)?),
        (Type::Struct { type_id, .. }, DynamicValue::Struct(source)) if source.schema().id() == *type_id => {
            let target = schema.struct_of_type(ty)?;
            copy_struct(source, dest.init_struct_for(&target))
        }
        (Type::List(element), DynamicValue::List(source)) if **element == *source.element_type() => {
            let list = init_list(schema, element, dest, source.len())?;
            copy_list(source, list)
        }
        (Type::AnyPointer(_), DynamicValue::AnyPointer(source)) => Ok(dest.set_copy_of(*source)?),
        (Type::AnyPointer(_), DynamicValue::Text(bytes)) => {
            write_pointer(schema, &Type::Text, &DynamicValue::Text(bytes), dest)
        }
        (Type::AnyPointer(_), DynamicValue::Data(bytes)) => {
            write_pointer(schema, &Type::Data, &DynamicValue::Data(bytes), dest)
        }
        (Type::AnyPointer(_), DynamicValue::Struct(source)) => {
            let target = source.schema().clone();
            copy_struct(source, dest.init_struct_for(&target))
        }
        (Type::AnyPointer(_), DynamicValue::List(source)) => {
            let element = source.element_type().clone();
            let list = init_list(schema, &element, dest, source.len())?;
            copy_list(source, list)
        }
        (Type::Interface { .. } | Type::AnyPointer(_), DynamicValue::Capability(index)) => {
            match index {
                Some(index) => dest.set_capability(*index),
                None => dest.clear(),
            }
            Ok(())
        }
        _ => Err(mismatch(schema, ty, value)),
    }
}

trait InitStructFor<'a> {
    fn init_struct_for(self, schema: &StructSchema<'_>) -> StructBuilder<'a>;
}

impl<'a> InitStructFor<'a> for PointerBuilder<'a> {
    fn init_struct_for(self, schema: &StructSchema<'_>) -> StructBuilder<'a> {
        self.init_struct(schema.layout().data_word_count, schema.layout().pointer_count)
    }
}

/// Copies a struct's sections (data bytes and pointers, as far as both have them) into `dest`.
fn copy_struct(source: &DynamicStruct<'_>, mut dest: StructBuilder<'_>) -> Result<(), Error> {
    let reader = source.reader();
    let data = reader.data_section();
    let target = dest.data_section_mut();
    let n = data.len().min(target.len());
    target[..n].copy_from_slice(&data[..n]);
    for i in 0..reader.pointer_count().min(dest.pointer_count()) {
        if let Some(pointer) = dest.pointer(i) {
            pointer.set_copy_of(reader.pointer(i))?;
        }
    }
    Ok(())
}

/// Points `dest` at a new list of `len` elements of type `element`.
fn init_list<'b>(
    schema: &Schema,
    element: &Type,
    dest: PointerBuilder<'b>,
    len: u32,
) -> Result<ListBuilder<'b>, Error> {
    Ok(match element {
        Type::Struct { .. } => {
            let s = schema.struct_of_type(element)?;
            dest.init_struct_list(len, s.layout().data_word_count, s.layout().pointer_count)?
        }
        other => dest.init_list(element_size(other), len)?,
    })
}

/// Copies the elements of `source` into `dest`, a list of the same length and element type.
fn copy_list(source: &DynamicList<'_>, mut dest: ListBuilder<'_>) -> Result<(), Error> {
    let reader = source.reader();
    for i in 0..source.len() {
        match source.element_type() {
            Type::Struct { .. } => {
                let element = source.get(i)?;
                if let DynamicValue::Struct(s) = element {
                    copy_struct(&s, dest.get_struct(i)?)?;
                }
            }
            ty if element_size(ty) == capnzero_runtime::ElementSize::Pointer => {
                if let Some(pointer) = reader.get_pointer(i) {
                    dest.get_pointer(i)?.set_copy_of(pointer)?;
                }
            }
            _ => {
                let value = source.get(i)?;
                let raw = encode_primitive(source.schema(), source.element_type(), &value).unwrap_or(Ok(Raw::Void))?;
                write_raw_element(&mut dest, i, raw)?;
            }
        }
    }
    Ok(())
}

/// A struct of a message under construction, written through its schema.
pub struct DynamicStructBuilder<'a> {
    schema: StructSchema<'a>,
    builder: StructBuilder<'a>,
}

impl<'a> DynamicStructBuilder<'a> {
    /// The struct `builder` seen as `schema` (its sections should be at least the schema's).
    pub fn new(builder: StructBuilder<'a>, schema: StructSchema<'a>) -> DynamicStructBuilder<'a> {
        DynamicStructBuilder { schema, builder }
    }

    /// Sets the root of `message` to a new struct of type `schema`.
    pub fn init_root(message: &'a mut MessageBuilder, schema: StructSchema<'a>) -> DynamicStructBuilder<'a> {
        let builder = message.init_root(schema.layout().data_word_count, schema.layout().pointer_count);
        DynamicStructBuilder { schema, builder }
    }

    /// The struct's schema.
    pub fn schema(&self) -> &StructSchema<'a> {
        &self.schema
    }

    /// A shorter-lived builder for the same struct.
    pub fn reborrow(&mut self) -> DynamicStructBuilder<'_> {
        DynamicStructBuilder { schema: self.schema.clone(), builder: self.builder.reborrow() }
    }

    /// The wire-level builder.
    pub fn into_inner(self) -> StructBuilder<'a> {
        self.builder
    }

    fn field(&self, name: &str) -> Result<FieldSchema<'a>, Error> {
        self.schema.field_or_error(name)
    }

    /// Makes `field` the active union member, if it is one.
    fn activate(&mut self, field: &FieldSchema<'a>) {
        if let Some(value) = field.discriminant() {
            self.builder.set::<u16>(self.schema.discriminant_offset() as usize, value);
        }
    }

    /// The union member currently set, as the discriminant says (`None` without a union).
    pub fn discriminant(&self) -> Option<u16> {
        self.schema.has_union().then(|| self.builder.get::<u16>(self.schema.discriminant_offset() as usize))
    }

    /// Sets the field called `name` to `value` (a union member becomes the active one).
    /// Integers convert to the field's integer type when in range; floats from floats or
    /// integers; enums from an enum value, an integer or an enumerant name (Text); Text, Data,
    /// AnyPointer and capabilities from values of their kind; a struct or list field takes a
    /// copy of a struct or list read elsewhere.
    pub fn set<'v>(&mut self, name: &str, value: impl Into<DynamicValue<'v>>) -> Result<(), Error> {
        let field = self.field(name)?;
        self.set_field(&field, &value.into())
    }

    /// [`DynamicStructBuilder::set`] for a field of this struct's schema.
    pub fn set_field(&mut self, field: &FieldSchema<'a>, value: &DynamicValue<'_>) -> Result<(), Error> {
        check_owner(&self.schema, field)?;
        let schema = self.schema.schema();
        let offset = match field.proto().kind {
            FieldKind::Group { .. } => {
                let DynamicValue::Struct(source) = value else {
                    return Err(Error::TypeMismatch {
                        expected: "a group value".into(),
                        found: value.kind_name().into(),
                    });
                };
                let group = field.group().unwrap_or(Err(Error::NoSuchNode(0)))?;
                if source.schema().id() != group.id() {
                    return Err(Error::TypeMismatch {
                        expected: group.display_name().to_string(),
                        found: source.schema().display_name().to_string(),
                    });
                }
                self.activate(field);
                let mut target = DynamicStructBuilder { schema: group, builder: self.builder.reborrow() };
                for (member, member_value) in source.fields() {
                    let member = target.schema.field_by_index(member.index()).ok_or(Error::NoSuchNode(0))?;
                    target.set_field(&member, &member_value?)?;
                }
                return Ok(());
            }
            FieldKind::Slot { offset, .. } => offset,
        };
        let ty = field.ty();
        match encode_primitive(schema, &ty, value) {
            Some(raw) => {
                let raw = raw?;
                let stored = match default_raw(field.default_value()) {
                    Some(default) => raw.xor(default),
                    None => raw,
                };
                self.activate(field);
                write_raw(&mut self.builder, offset as usize, stored);
                Ok(())
            }
            None => {
                let dest = self.builder.pointer(offset as u16).ok_or_else(|| out_of_section(field))?;
                write_pointer(schema, &ty, value, dest)?;
                self.activate(field);
                Ok(())
            }
        }
    }

    /// Clears the pointer field called `name` (sets it to null; it then reads as its default).
    pub fn clear(&mut self, name: &str) -> Result<(), Error> {
        let field = self.field(name)?;
        let offset = field.offset().filter(|_| is_pointer(&field.ty())).ok_or_else(|| Error::TypeMismatch {
            expected: "a pointer field".into(),
            found: self.schema.schema().type_name(&field.ty()),
        })?;
        self.activate(&field);
        if let Some(mut pointer) = self.builder.pointer(offset as u16) {
            pointer.clear();
        }
        Ok(())
    }

    /// Initialises the struct or group field called `name`: a struct field gets a new struct
    /// with every field at its default; a group's fields are reset to their defaults. A union
    /// member becomes the active one.
    pub fn init(&mut self, name: &str) -> Result<DynamicStructBuilder<'_>, Error> {
        let field = self.field(name)?;
        self.init_field(&field)
    }

    /// [`DynamicStructBuilder::init`] for a field of this struct's schema.
    pub fn init_field(&mut self, field: &FieldSchema<'a>) -> Result<DynamicStructBuilder<'_>, Error> {
        check_owner(&self.schema, field)?;
        if let Some(group) = field.group() {
            let group = group?;
            self.activate(field);
            let mut target = DynamicStructBuilder { schema: group, builder: self.builder.reborrow() };
            target.reset()?;
            return Ok(target);
        }
        let ty = field.ty();
        let Type::Struct { .. } = ty else {
            return Err(Error::TypeMismatch {
                expected: "a struct or group field".into(),
                found: self.schema.schema().type_name(&ty),
            });
        };
        let target = self.schema.schema().struct_of_type(&ty)?;
        self.activate(field);
        let offset = field.offset().unwrap_or(0) as u16;
        let pointer = self.builder.pointer(offset).ok_or_else(|| out_of_section(field))?;
        Ok(DynamicStructBuilder { builder: pointer.init_struct_for(&target), schema: target })
    }

    /// The struct or group field called `name` as it is: a null struct field is created first.
    /// A group that is an inactive union member is [`Error::NotActive`].
    pub fn get_struct(&mut self, name: &str) -> Result<DynamicStructBuilder<'_>, Error> {
        let field = self.field(name)?;
        if let Some(value) = field.discriminant() {
            if self.discriminant() != Some(value) {
                return Err(Error::NotActive { field: field.name().to_string() });
            }
        }
        if let Some(group) = field.group() {
            return Ok(DynamicStructBuilder { schema: group?, builder: self.builder.reborrow() });
        }
        let ty = field.ty();
        let Type::Struct { .. } = ty else {
            return Err(Error::TypeMismatch {
                expected: "a struct or group field".into(),
                found: self.schema.schema().type_name(&ty),
            });
        };
        let target = self.schema.schema().struct_of_type(&ty)?;
        let offset = field.offset().unwrap_or(0) as u16;
        let pointer = self.builder.pointer(offset).ok_or_else(|| out_of_section(&field))?;
        let builder = pointer.get_struct(target.layout().data_word_count, target.layout().pointer_count)?;
        Ok(DynamicStructBuilder { builder, schema: target })
    }

    /// Initialises the list field called `name` with `len` elements at zero (null pointers,
    /// default structs). A union member becomes the active one.
    pub fn init_list(&mut self, name: &str, len: u32) -> Result<DynamicListBuilder<'_>, Error> {
        let field = self.field(name)?;
        let ty = field.ty();
        let Type::List(element) = ty else {
            return Err(Error::TypeMismatch {
                expected: "a list field".into(),
                found: self.schema.schema().type_name(&ty),
            });
        };
        let schema = self.schema.schema();
        self.activate(&field);
        let offset = field.offset().unwrap_or(0) as u16;
        let pointer = self.builder.pointer(offset).ok_or_else(|| out_of_section(&field))?;
        let builder = init_list(schema, &element, pointer, len)?;
        Ok(DynamicListBuilder { schema, element: *element, builder })
    }

    /// Sets every field of this struct (or group) to its default: primitives to their
    /// defaults, pointers to null, groups recursively; the union to its first member.
    fn reset(&mut self) -> Result<(), Error> {
        if self.schema.has_union() {
            self.builder.set::<u16>(self.schema.discriminant_offset() as usize, 0);
        }
        for field in self.schema.fields().collect::<Vec<_>>() {
            match field.proto().kind {
                FieldKind::Group { .. } => {
                    let group = field.group().unwrap_or(Err(Error::NoSuchNode(0)))?;
                    DynamicStructBuilder { schema: group, builder: self.builder.reborrow() }.reset()?;
                }
                FieldKind::Slot { offset, .. } => {
                    let ty = field.ty();
                    if is_pointer(&ty) {
                        if let Some(mut pointer) = self.builder.pointer(offset as u16) {
                            pointer.clear();
                        }
                    } else {
                        let zero = match ty {
                            Type::Void => Raw::Void,
                            Type::Bool => Raw::Bool(false),
                            Type::Int8 | Type::UInt8 => Raw::B8(0),
                            Type::Int16 | Type::UInt16 | Type::Enum { .. } => Raw::B16(0),
                            Type::Int32 | Type::UInt32 | Type::Float32 => Raw::B32(0),
                            _ => Raw::B64(0),
                        };
                        write_raw(&mut self.builder, offset as usize, zero);
                    }
                }
            }
        }
        Ok(())
    }
}

fn is_pointer(ty: &Type) -> bool {
    element_size(ty) == capnzero_runtime::ElementSize::Pointer || matches!(ty, Type::Struct { .. })
}

fn out_of_section(field: &FieldSchema<'_>) -> Error {
    Error::Wire(capnzero_runtime::Error::with_message(
        capnzero_runtime::ErrorKind::OutOfBounds,
        format!("field '{}' is past the struct's pointer section", field.name()),
    ))
}

/// A list of a message under construction, written through its element type.
pub struct DynamicListBuilder<'a> {
    schema: &'a Schema,
    element: Type,
    builder: ListBuilder<'a>,
}

impl<'a> DynamicListBuilder<'a> {
    /// The list `builder` with elements of type `element`.
    pub fn new(schema: &'a Schema, element: Type, builder: ListBuilder<'a>) -> DynamicListBuilder<'a> {
        DynamicListBuilder { schema, element, builder }
    }

    /// The number of elements.
    pub fn len(&self) -> u32 {
        self.builder.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.builder.is_empty()
    }

    /// The element type.
    pub fn element_type(&self) -> &Type {
        &self.element
    }

    /// A shorter-lived builder for the same list.
    pub fn reborrow(&mut self) -> DynamicListBuilder<'_> {
        DynamicListBuilder { schema: self.schema, element: self.element.clone(), builder: self.builder.reborrow() }
    }

    fn check(&self, index: u32) -> Result<(), Error> {
        if index < self.builder.len() {
            Ok(())
        } else {
            Err(Error::IndexOutOfBounds { index, len: self.builder.len() })
        }
    }

    /// Sets element `index` to `value`, converted as [`DynamicStructBuilder::set`] converts.
    /// A struct element takes a copy of a struct read elsewhere.
    pub fn set<'v>(&mut self, index: u32, value: impl Into<DynamicValue<'v>>) -> Result<(), Error> {
        self.check(index)?;
        let value = value.into();
        let element = self.element.clone();
        if let Some(raw) = encode_primitive(self.schema, &element, &value) {
            return write_raw_element(&mut self.builder, index, raw?);
        }
        match (&element, &value) {
            (Type::Struct { type_id, .. }, DynamicValue::Struct(source)) if source.schema().id() == *type_id => {
                copy_struct(source, self.builder.get_struct(index)?)
            }
            (Type::Struct { .. }, _) => Err(mismatch(self.schema, &element, &value)),
            _ => write_pointer(self.schema, &element, &value, self.builder.get_pointer(index)?),
        }
    }

    /// Struct element `index`, to fill in.
    pub fn get_struct(&mut self, index: u32) -> Result<DynamicStructBuilder<'_>, Error> {
        self.check(index)?;
        let schema = self.schema.struct_of_type(&self.element)?;
        Ok(DynamicStructBuilder { builder: self.builder.get_struct(index)?, schema })
    }

    /// Initialises element `index` of a list of lists with `len` elements.
    pub fn init_list(&mut self, index: u32, len: u32) -> Result<DynamicListBuilder<'_>, Error> {
        self.check(index)?;
        let Type::List(element) = &self.element else {
            return Err(Error::TypeMismatch {
                expected: "a list of lists".into(),
                found: format!("List({})", self.schema.type_name(&self.element)),
            });
        };
        let element = (**element).clone();
        let pointer = self.builder.get_pointer(index)?;
        let builder = init_list(self.schema, &element, pointer, len)?;
        Ok(DynamicListBuilder { schema: self.schema, element, builder })
    }

    /// Sets element `index` of a list of Text or Data to `len` zero bytes (a Text gets its NUL
    /// terminator besides) and returns them to fill in.
    pub fn init_data(&mut self, index: u32, len: u32) -> Result<&mut [u8], Error> {
        self.check(index)?;
        match self.element {
            Type::Data => Ok(self.builder.get_pointer(index)?.init_data(len)?),
            Type::Text => Ok(self.builder.get_pointer(index)?.init_text(len)?),
            _ => Err(Error::TypeMismatch {
                expected: "a list of Text or Data".into(),
                found: format!("List({})", self.schema.type_name(&self.element)),
            }),
        }
    }
}
