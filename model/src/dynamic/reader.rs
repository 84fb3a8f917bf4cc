//! Reading messages through a schema: structs by field name, lists, enums and the other values.

use std::fmt;

use capnzero_runtime::{ListReader, MessageReader, PointerReader, StructReader};

use crate::model::{Enumerant, FieldKind, Type, Value};

use super::error::Error;
use super::schema::{element_size, EnumSchema, FieldSchema, Schema, StructSchema};

/// A value read from a message, typed by the schema.
#[derive(Clone)]
pub enum DynamicValue<'a> {
    /// `Void`.
    Void,
    /// `Bool`.
    Bool(bool),
    /// `Int8`.
    Int8(i8),
    /// `Int16`.
    Int16(i16),
    /// `Int32`.
    Int32(i32),
    /// `Int64`.
    Int64(i64),
    /// `UInt8`.
    UInt8(u8),
    /// `UInt16`.
    UInt16(u16),
    /// `UInt32`.
    UInt32(u32),
    /// `UInt64`.
    UInt64(u64),
    /// `Float32`.
    Float32(f32),
    /// `Float64`.
    Float64(f64),
    /// `Text`: its bytes without the NUL terminator (not checked to be UTF-8; see
    /// [`DynamicValue::as_str`]).
    Text(&'a [u8]),
    /// `Data`.
    Data(&'a [u8]),
    /// A list.
    List(DynamicList<'a>),
    /// An enum value (known to the schema or not).
    Enum(DynamicEnum<'a>),
    /// A struct (or a group).
    Struct(DynamicStruct<'a>),
    /// An AnyPointer field or element: the pointer itself.
    AnyPointer(PointerReader<'a>),
    /// A capability: its index in the message's capability table (`None`: null).
    Capability(Option<u32>),
}

impl<'a> DynamicValue<'a> {
    /// The name of the value's kind, for messages (`Int32`, `Text`, `struct`, ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            DynamicValue::Void => "Void",
            DynamicValue::Bool(_) => "Bool",
            DynamicValue::Int8(_) => "Int8",
            DynamicValue::Int16(_) => "Int16",
            DynamicValue::Int32(_) => "Int32",
            DynamicValue::Int64(_) => "Int64",
            DynamicValue::UInt8(_) => "UInt8",
            DynamicValue::UInt16(_) => "UInt16",
            DynamicValue::UInt32(_) => "UInt32",
            DynamicValue::UInt64(_) => "UInt64",
            DynamicValue::Float32(_) => "Float32",
            DynamicValue::Float64(_) => "Float64",
            DynamicValue::Text(_) => "Text",
            DynamicValue::Data(_) => "Data",
            DynamicValue::List(_) => "list",
            DynamicValue::Enum(_) => "enum",
            DynamicValue::Struct(_) => "struct",
            DynamicValue::AnyPointer(_) => "AnyPointer",
            DynamicValue::Capability(_) => "capability",
        }
    }

    /// The Bool, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            DynamicValue::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// Any integer, widened (`None` for other kinds).
    pub fn as_i128(&self) -> Option<i128> {
        Some(match *self {
            DynamicValue::Int8(v) => v as i128,
            DynamicValue::Int16(v) => v as i128,
            DynamicValue::Int32(v) => v as i128,
            DynamicValue::Int64(v) => v as i128,
            DynamicValue::UInt8(v) => v as i128,
            DynamicValue::UInt16(v) => v as i128,
            DynamicValue::UInt32(v) => v as i128,
            DynamicValue::UInt64(v) => v as i128,
            _ => return None,
        })
    }

    /// Any integer that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// Any integer that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_i128().and_then(|v| u64::try_from(v).ok())
    }

    /// Any float (a Float32 exactly) or integer, as an `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            DynamicValue::Float32(v) => Some(v as f64),
            DynamicValue::Float64(v) => Some(v),
            _ => self.as_i128().map(|v| v as f64),
        }
    }

    /// The text as `&str`, checked to be UTF-8.
    pub fn as_str(&self) -> Result<&'a str, Error> {
        match *self {
            DynamicValue::Text(bytes) => std::str::from_utf8(bytes).map_err(|e| {
                Error::Wire(capnzero_runtime::Error::with_message(
                    capnzero_runtime::ErrorKind::InvalidUtf8,
                    format!("at byte {}", e.valid_up_to()),
                ))
            }),
            _ => Err(Error::TypeMismatch { expected: "Text".into(), found: self.kind_name().into() }),
        }
    }

    /// The bytes of a Text (without its NUL) or of a Data.
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        match *self {
            DynamicValue::Text(bytes) | DynamicValue::Data(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// The struct, if this is one.
    pub fn as_struct(&self) -> Option<&DynamicStruct<'a>> {
        match self {
            DynamicValue::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// The struct, if this is one.
    pub fn into_struct(self) -> Option<DynamicStruct<'a>> {
        match self {
            DynamicValue::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// The list, if this is one.
    pub fn as_list(&self) -> Option<&DynamicList<'a>> {
        match self {
            DynamicValue::List(l) => Some(l),
            _ => None,
        }
    }

    /// The list, if this is one.
    pub fn into_list(self) -> Option<DynamicList<'a>> {
        match self {
            DynamicValue::List(l) => Some(l),
            _ => None,
        }
    }

    /// The enum value, if this is one.
    pub fn as_enum(&self) -> Option<DynamicEnum<'a>> {
        match self {
            DynamicValue::Enum(e) => Some(*e),
            _ => None,
        }
    }
}

macro_rules! value_from {
    ($($t:ty => $variant:ident),*) => {$(
        impl From<$t> for DynamicValue<'_> {
            fn from(v: $t) -> Self {
                DynamicValue::$variant(v)
            }
        }
    )*};
}

value_from!(bool => Bool, i8 => Int8, i16 => Int16, i32 => Int32, i64 => Int64, u8 => UInt8, u16 => UInt16,
    u32 => UInt32, u64 => UInt64, f32 => Float32, f64 => Float64);

impl From<()> for DynamicValue<'_> {
    fn from(_: ()) -> Self {
        DynamicValue::Void
    }
}

impl<'a> From<&'a str> for DynamicValue<'a> {
    /// Text.
    fn from(v: &'a str) -> Self {
        DynamicValue::Text(v.as_bytes())
    }
}

impl<'a> From<&'a String> for DynamicValue<'a> {
    /// Text.
    fn from(v: &'a String) -> Self {
        DynamicValue::Text(v.as_bytes())
    }
}

impl<'a> From<&'a [u8]> for DynamicValue<'a> {
    /// Data.
    fn from(v: &'a [u8]) -> Self {
        DynamicValue::Data(v)
    }
}

impl<'a> From<DynamicStruct<'a>> for DynamicValue<'a> {
    fn from(v: DynamicStruct<'a>) -> Self {
        DynamicValue::Struct(v)
    }
}

impl<'a> From<DynamicList<'a>> for DynamicValue<'a> {
    fn from(v: DynamicList<'a>) -> Self {
        DynamicValue::List(v)
    }
}

impl<'a> From<DynamicEnum<'a>> for DynamicValue<'a> {
    fn from(v: DynamicEnum<'a>) -> Self {
        DynamicValue::Enum(v)
    }
}

impl PartialEq for DynamicValue<'_> {
    /// Values are equal when they hold the same data: floats by bit pattern, structs field by
    /// field (those the struct currently holds), lists element by element, AnyPointers by their
    /// canonical form. A value that cannot be read compares unequal.
    fn eq(&self, other: &Self) -> bool {
        use DynamicValue as V;
        match (self, other) {
            (V::Void, V::Void) => true,
            (V::Bool(a), V::Bool(b)) => a == b,
            (V::Int8(a), V::Int8(b)) => a == b,
            (V::Int16(a), V::Int16(b)) => a == b,
            (V::Int32(a), V::Int32(b)) => a == b,
            (V::Int64(a), V::Int64(b)) => a == b,
            (V::UInt8(a), V::UInt8(b)) => a == b,
            (V::UInt16(a), V::UInt16(b)) => a == b,
            (V::UInt32(a), V::UInt32(b)) => a == b,
            (V::UInt64(a), V::UInt64(b)) => a == b,
            (V::Float32(a), V::Float32(b)) => a.to_bits() == b.to_bits(),
            (V::Float64(a), V::Float64(b)) => a.to_bits() == b.to_bits(),
            (V::Text(a), V::Text(b)) | (V::Data(a), V::Data(b)) => a == b,
            (V::Enum(a), V::Enum(b)) => a == b,
            (V::Capability(a), V::Capability(b)) => a == b,
            (V::Struct(a), V::Struct(b)) => a == b,
            (V::List(a), V::List(b)) => a == b,
            (V::AnyPointer(a), V::AnyPointer(b)) => match (a.is_null(), b.is_null()) {
                (true, true) => true,
                (false, false) => matches!(
                    (capnzero_runtime::canonicalize(*a), capnzero_runtime::canonicalize(*b)),
                    (Ok(x), Ok(y)) if x == y
                ),
                _ => false,
            },
            _ => false,
        }
    }
}

impl fmt::Debug for DynamicValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DynamicValue::Text(bytes) => write!(f, "Text({:?})", String::from_utf8_lossy(bytes)),
            DynamicValue::Data(bytes) => write!(f, "Data({bytes:?})"),
            DynamicValue::AnyPointer(p) => write!(f, "AnyPointer(0x{:016x})", p.raw_word()),
            DynamicValue::Capability(index) => write!(f, "Capability({index:?})"),
            DynamicValue::List(list) => write!(f, "List({list})"),
            DynamicValue::Struct(s) => write!(f, "Struct({s})"),
            DynamicValue::Enum(e) => write!(f, "{e:?}"),
            other => write!(f, "{}({other})", other.kind_name()),
        }
    }
}

/// An enum value: the raw 16-bit value, and the enum's schema when it is known.
#[derive(Clone, Copy)]
pub struct DynamicEnum<'a> {
    value: u16,
    schema: Option<EnumSchema<'a>>,
}

impl<'a> DynamicEnum<'a> {
    /// The value `value` of the enum `schema`.
    pub fn new(value: u16, schema: Option<EnumSchema<'a>>) -> DynamicEnum<'a> {
        DynamicEnum { value, schema }
    }

    /// The raw value (the enumerant's ordinal).
    pub fn raw(&self) -> u16 {
        self.value
    }

    /// The enum's schema, if the schema has the enum.
    pub fn schema(&self) -> Option<EnumSchema<'a>> {
        self.schema
    }

    /// The enumerant, if the schema knows this value.
    pub fn enumerant(&self) -> Option<&'a Enumerant> {
        self.schema.and_then(|s| s.enumerant(self.value))
    }

    /// The enumerant's name, if the schema knows this value.
    pub fn name(&self) -> Option<&'a str> {
        self.enumerant().map(|e| e.name.as_str())
    }
}

impl PartialEq for DynamicEnum<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.schema.map(|s| s.id()) == other.schema.map(|s| s.id())
    }
}

impl fmt::Debug for DynamicEnum<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "Enum({name})"),
            None => write!(f, "Enum({})", self.value),
        }
    }
}

/// The union member a struct holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Which<'a> {
    /// A member the schema knows.
    Member(FieldSchema<'a>),
    /// A discriminant value the schema does not know (written by a newer schema).
    Unknown(u16),
}

/// A struct of a message, read through its schema.
#[derive(Clone)]
pub struct DynamicStruct<'a> {
    schema: StructSchema<'a>,
    reader: StructReader<'a>,
}

/// [`Error::NoSuchField`] unless `field` belongs to the struct `schema`.
pub(crate) fn check_owner(schema: &StructSchema<'_>, field: &FieldSchema<'_>) -> Result<(), Error> {
    if field.containing_struct().id() == schema.id() {
        Ok(())
    } else {
        Err(Error::NoSuchField { node: schema.display_name().to_string(), field: field.name().to_string() })
    }
}

/// Where errors go while reading leniently: the first one is kept.
pub(crate) type ErrorSink = Option<Error>;

fn note(sink: &mut ErrorSink, error: Error) {
    if sink.is_none() {
        *sink = Some(error);
    }
}

impl<'a> DynamicStruct<'a> {
    /// The struct `reader` seen as `schema`.
    pub fn new(reader: StructReader<'a>, schema: StructSchema<'a>) -> DynamicStruct<'a> {
        DynamicStruct { schema, reader }
    }

    /// The root of `message` seen as `schema` (a null root reads as the default struct).
    pub fn root(message: &'a MessageReader<'a>, schema: StructSchema<'a>) -> Result<DynamicStruct<'a>, Error> {
        Ok(DynamicStruct { schema, reader: message.root_struct()? })
    }

    /// The struct's schema.
    pub fn schema(&self) -> &StructSchema<'a> {
        &self.schema
    }

    /// The wire-level reader.
    pub fn reader(&self) -> StructReader<'a> {
        self.reader
    }

    /// The union's discriminant, if the struct has a union.
    pub fn discriminant(&self) -> Option<u16> {
        self.schema.has_union().then(|| self.reader.get::<u16>(self.schema.discriminant_offset() as usize))
    }

    /// The union member the struct holds; `None` when the struct has no union.
    pub fn which(&self) -> Option<Which<'a>> {
        let discriminant = self.discriminant()?;
        Some(match self.schema.field_by_discriminant(discriminant) {
            Some(field) => Which::Member(field),
            None => Which::Unknown(discriminant),
        })
    }

    fn is_active(&self, field: &FieldSchema<'a>) -> bool {
        match field.discriminant() {
            Some(value) => self.discriminant() == Some(value),
            None => true,
        }
    }

    /// Whether the field called `name` is set, as the official `has()` means it: false for an
    /// inactive union member and for a null pointer; true otherwise (primitives and groups).
    pub fn has(&self, name: &str) -> Result<bool, Error> {
        Ok(self.has_field(&self.schema.field_or_error(name)?))
    }

    /// [`DynamicStruct::has`] for a field of this struct's schema (false for a field of another
    /// struct).
    pub fn has_field(&self, field: &FieldSchema<'a>) -> bool {
        if field.containing_struct().id() != self.schema.id() || !self.is_active(field) {
            return false;
        }
        match field.proto().kind {
            FieldKind::Group { .. } => true,
            FieldKind::Slot { offset, .. } => match field.ty() {
                Type::Text
                | Type::Data
                | Type::List(_)
                | Type::Struct { .. }
                | Type::Interface { .. }
                | Type::AnyPointer(_) => !self.reader.pointer(offset as u16).is_null(),
                _ => true,
            },
        }
    }

    /// The value of the field called `name`. A union member that is not active is
    /// [`Error::NotActive`]; a null pointer reads as the field's default.
    pub fn get(&self, name: &str) -> Result<DynamicValue<'a>, Error> {
        self.get_field(&self.schema.field_or_error(name)?)
    }

    /// [`DynamicStruct::get`] for a field of this struct's schema.
    pub fn get_field(&self, field: &FieldSchema<'a>) -> Result<DynamicValue<'a>, Error> {
        check_owner(&self.schema, field)?;
        if !self.is_active(field) {
            return Err(Error::NotActive { field: field.name().to_string() });
        }
        self.read(field, None)
    }

    /// The field's value, malformed pointers read as the field's default (the first error is
    /// kept in `sink`), as the official tool reads while printing.
    pub(crate) fn get_lenient(&self, field: &FieldSchema<'a>, sink: &mut ErrorSink) -> DynamicValue<'a> {
        match self.read(field, Some(sink)) {
            Ok(value) => value,
            Err(e) => {
                note(sink, e);
                DynamicValue::Void
            }
        }
    }

    fn read(&self, field: &FieldSchema<'a>, sink: Option<&mut ErrorSink>) -> Result<DynamicValue<'a>, Error> {
        let schema = self.schema.schema();
        let (offset, default) = match &field.proto().kind {
            FieldKind::Group { .. } => {
                let group = field.group().unwrap_or(Err(Error::NoSuchNode(0)))?;
                return Ok(DynamicValue::Struct(DynamicStruct { schema: group, reader: self.reader }));
            }
            FieldKind::Slot { offset, default_value, .. } => (*offset as usize, default_value),
        };
        let r = &self.reader;
        Ok(match (field.ty(), default) {
            (Type::Void, _) => DynamicValue::Void,
            (Type::Bool, d) => DynamicValue::Bool(r.get_bool_or(offset, matches!(d, Value::Bool(true)))),
            (Type::Int8, d) => DynamicValue::Int8(r.get_or(offset, if let Value::Int8(v) = d { *v } else { 0 })),
            (Type::Int16, d) => DynamicValue::Int16(r.get_or(offset, if let Value::Int16(v) = d { *v } else { 0 })),
            (Type::Int32, d) => DynamicValue::Int32(r.get_or(offset, if let Value::Int32(v) = d { *v } else { 0 })),
            (Type::Int64, d) => DynamicValue::Int64(r.get_or(offset, if let Value::Int64(v) = d { *v } else { 0 })),
            (Type::UInt8, d) => DynamicValue::UInt8(r.get_or(offset, if let Value::UInt8(v) = d { *v } else { 0 })),
            (Type::UInt16, d) => DynamicValue::UInt16(r.get_or(offset, if let Value::UInt16(v) = d { *v } else { 0 })),
            (Type::UInt32, d) => DynamicValue::UInt32(r.get_or(offset, if let Value::UInt32(v) = d { *v } else { 0 })),
            (Type::UInt64, d) => DynamicValue::UInt64(r.get_or(offset, if let Value::UInt64(v) = d { *v } else { 0 })),
            (Type::Float32, d) => {
                DynamicValue::Float32(r.get_or(offset, if let Value::Float32(v) = d { *v } else { 0.0 }))
            }
            (Type::Float64, d) => {
                DynamicValue::Float64(r.get_or(offset, if let Value::Float64(v) = d { *v } else { 0.0 }))
            }
            (Type::Enum { type_id, .. }, d) => {
                let raw = r.get_or::<u16>(offset, if let Value::Enum(v) = d { *v } else { 0 });
                DynamicValue::Enum(DynamicEnum::new(raw, schema.enum_schema(type_id).ok()))
            }
            (ty, d) => pointer_value(schema, &ty, r.pointer(offset as u16), Some(d), sink)?,
        })
    }

    /// The fields the struct holds — every field outside the union and the active union
    /// member — in the node's order, with their values.
    pub fn fields(&self) -> impl Iterator<Item = (FieldSchema<'a>, Result<DynamicValue<'a>, Error>)> + '_ {
        self.schema.fields().filter(|f| self.is_active(f)).map(|f| {
            let value = self.read(&f, None);
            (f, value)
        })
    }
}

impl PartialEq for DynamicStruct<'_> {
    /// Same struct type, and the same fields held with equal values.
    fn eq(&self, other: &Self) -> bool {
        if self.schema != other.schema || self.discriminant() != other.discriminant() {
            return false;
        }
        let mut mine = self.fields();
        let mut theirs = other.fields();
        loop {
            match (mine.next(), theirs.next()) {
                (None, None) => return true,
                (Some((_, Ok(a))), Some((_, Ok(b)))) if a == b => {}
                _ => return false,
            }
        }
    }
}

/// A list of a message, read through its element type.
#[derive(Clone)]
pub struct DynamicList<'a> {
    schema: &'a Schema,
    element: Type,
    reader: ListReader<'a>,
}

impl<'a> DynamicList<'a> {
    /// The list `reader` with elements of type `element` (generic parameters already resolved).
    pub fn new(schema: &'a Schema, element: Type, reader: ListReader<'a>) -> DynamicList<'a> {
        DynamicList { schema, element, reader }
    }

    /// The schema the element type belongs to.
    pub fn schema(&self) -> &'a Schema {
        self.schema
    }

    /// The number of elements.
    pub fn len(&self) -> u32 {
        self.reader.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.reader.is_empty()
    }

    /// The element type.
    pub fn element_type(&self) -> &Type {
        &self.element
    }

    /// The wire-level reader.
    pub fn reader(&self) -> ListReader<'a> {
        self.reader
    }

    /// Element `index`; [`Error::IndexOutOfBounds`] past the end.
    pub fn get(&self, index: u32) -> Result<DynamicValue<'a>, Error> {
        self.read(index, None)
    }

    /// The element, malformed pointers read as defaults (first error kept in `sink`).
    pub(crate) fn get_lenient(&self, index: u32, sink: &mut ErrorSink) -> DynamicValue<'a> {
        match self.read(index, Some(sink)) {
            Ok(value) => value,
            Err(e) => {
                note(sink, e);
                DynamicValue::Void
            }
        }
    }

    fn read(&self, index: u32, sink: Option<&mut ErrorSink>) -> Result<DynamicValue<'a>, Error> {
        if index >= self.reader.len() {
            return Err(Error::IndexOutOfBounds { index, len: self.reader.len() });
        }
        let r = &self.reader;
        Ok(match &self.element {
            Type::Void => DynamicValue::Void,
            Type::Bool => DynamicValue::Bool(r.get_bool(index).unwrap_or(false)),
            Type::Int8 => DynamicValue::Int8(r.get(index).unwrap_or(0)),
            Type::Int16 => DynamicValue::Int16(r.get(index).unwrap_or(0)),
            Type::Int32 => DynamicValue::Int32(r.get(index).unwrap_or(0)),
            Type::Int64 => DynamicValue::Int64(r.get(index).unwrap_or(0)),
            Type::UInt8 => DynamicValue::UInt8(r.get(index).unwrap_or(0)),
            Type::UInt16 => DynamicValue::UInt16(r.get(index).unwrap_or(0)),
            Type::UInt32 => DynamicValue::UInt32(r.get(index).unwrap_or(0)),
            Type::UInt64 => DynamicValue::UInt64(r.get(index).unwrap_or(0)),
            Type::Float32 => DynamicValue::Float32(r.get(index).unwrap_or(0.0)),
            Type::Float64 => DynamicValue::Float64(r.get(index).unwrap_or(0.0)),
            Type::Enum { type_id, .. } => {
                DynamicValue::Enum(DynamicEnum::new(r.get(index).unwrap_or(0), self.schema.enum_schema(*type_id).ok()))
            }
            Type::Struct { .. } => DynamicValue::Struct(DynamicStruct {
                schema: self.schema.struct_of_type(&self.element)?,
                reader: r.get_struct(index).unwrap_or_default(),
            }),
            ty => {
                let pointer = r.get_pointer(index).unwrap_or_else(PointerReader::null);
                pointer_value(self.schema, ty, pointer, None, sink)?
            }
        })
    }

    /// The elements in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Result<DynamicValue<'a>, Error>> + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }
}

impl PartialEq for DynamicList<'_> {
    /// Same element type and equal elements.
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element
            && self.len() == other.len()
            && self.iter().zip(other.iter()).all(|pair| matches!(pair, (Ok(a), Ok(b)) if a == b))
    }
}

/// The value of a pointer of type `ty`; a null pointer reads as `default` (the field's
/// default; empty or null when there is none). With a `sink`, a malformed pointer reads as the
/// default too and the error goes to the sink.
fn pointer_value<'a>(
    schema: &'a Schema,
    ty: &Type,
    pointer: PointerReader<'a>,
    default: Option<&'a Value>,
    sink: Option<&mut ErrorSink>,
) -> Result<DynamicValue<'a>, Error> {
    match pointer_value_strict(schema, ty, pointer, default) {
        Ok(value) => Ok(value),
        Err(e) => match sink {
            Some(sink) => {
                note(sink, e);
                pointer_value_strict(schema, ty, PointerReader::null(), default)
            }
            None => Err(e),
        },
    }
}

fn pointer_value_strict<'a>(
    schema: &'a Schema,
    ty: &Type,
    pointer: PointerReader<'a>,
    default: Option<&'a Value>,
) -> Result<DynamicValue<'a>, Error> {
    Ok(match ty {
        Type::Text => match pointer.get_text()? {
            Some(text) => DynamicValue::Text(text.as_bytes()),
            None => DynamicValue::Text(match default {
                Some(Value::Text(Some(text))) => text.as_bytes(),
                _ => &[],
            }),
        },
        Type::Data => match pointer.get_data()? {
            Some(data) => DynamicValue::Data(data),
            None => DynamicValue::Data(match default {
                Some(Value::Data(Some(data))) => data,
                _ => &[],
            }),
        },
        Type::List(element) => {
            let size = element_size(element);
            let reader = match pointer.get_list(size)? {
                Some(list) => list,
                None => match default {
                    Some(Value::List(Some(bytes))) => {
                        PointerReader::constant(bytes).get_list(size)?.unwrap_or_default()
                    }
                    _ => ListReader::default(),
                },
            };
            DynamicValue::List(DynamicList { schema, element: (**element).clone(), reader })
        }
        Type::Struct { .. } => {
            let struct_schema = schema.struct_of_type(ty)?;
            let reader = match pointer.get_struct()? {
                Some(s) => s,
                None => match default {
                    Some(Value::Struct(Some(bytes))) => {
                        PointerReader::constant(bytes).get_struct()?.unwrap_or_default()
                    }
                    _ => StructReader::default(),
                },
            };
            DynamicValue::Struct(DynamicStruct { schema: struct_schema, reader })
        }
        Type::Interface { .. } => DynamicValue::Capability(pointer.get_capability()?),
        Type::AnyPointer(_) => match (pointer.is_null(), default) {
            (true, Some(Value::AnyPointer(Some(bytes)))) => DynamicValue::AnyPointer(PointerReader::constant(bytes)),
            _ => DynamicValue::AnyPointer(pointer),
        },
        other => return Err(Error::TypeMismatch { expected: "a pointer type".into(), found: schema.type_name(other) }),
    })
}
