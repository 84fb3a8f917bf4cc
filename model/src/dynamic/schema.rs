//! The schema handle and the type descriptions the dynamic reader and builder work from.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use capnzero_runtime::ElementSize;

use crate::compiled::CompiledSchema;
use crate::model::{AnyPointer, Binding, Brand, BrandScope, Enumerant, Field, FieldKind, Node, NodeKind, StructNode};
use crate::model::{Type, Value};
use crate::type_name::{type_name, AnyPointers};

use super::error::Error;

/// The nodes of a compilation, indexed by ID: what the dynamic API reads types from.
#[derive(Clone, Debug)]
pub struct Schema {
    compiled: CompiledSchema,
    index: HashMap<u64, usize>,
}

impl Schema {
    /// Indexes the nodes of a compilation by ID (the first node of an ID wins).
    pub fn new(compiled: impl Into<CompiledSchema>) -> Schema {
        let compiled = compiled.into();
        let mut index = HashMap::with_capacity(compiled.nodes.len());
        for (i, node) in compiled.nodes.iter().enumerate() {
            index.entry(node.id).or_insert(i);
        }
        Schema { compiled, index }
    }

    /// The compilation this schema was made from.
    pub fn compiled(&self) -> &CompiledSchema {
        &self.compiled
    }

    /// The node with ID `id`, found in O(1).
    pub fn node(&self, id: u64) -> Option<&Node> {
        self.index.get(&id).map(|&i| &self.compiled.nodes[i])
    }

    /// The node named `name` declared directly inside the node `scope_id`.
    pub fn nested(&self, scope_id: u64, name: &str) -> Option<&Node> {
        let scope = self.node(scope_id)?;
        let nested = scope.nested_nodes.iter().find(|n| n.name == name)?;
        self.node(nested.id)
    }

    /// The struct `id`, with every generic parameter unbound (read as AnyPointer).
    pub fn struct_schema(&self, id: u64) -> Result<StructSchema<'_>, Error> {
        self.branded_struct(id, &Brand::default())
    }

    /// The struct `id` as the brand `brand` binds its generic parameters (and those of the
    /// scopes around it).
    pub fn branded_struct(&self, id: u64, brand: &Brand) -> Result<StructSchema<'_>, Error> {
        let node = self.node(id).ok_or(Error::NoSuchNode(id))?;
        match &node.kind {
            NodeKind::Struct(layout) => Ok(StructSchema { schema: self, node, layout, brand: Arc::new(brand.clone()) }),
            _ => Err(Error::WrongNodeKind { node: node.display_name.clone(), expected: "struct" }),
        }
    }

    /// The enum `id`.
    pub fn enum_schema(&self, id: u64) -> Result<EnumSchema<'_>, Error> {
        let node = self.node(id).ok_or(Error::NoSuchNode(id))?;
        match &node.kind {
            NodeKind::Enum(enumerants) => Ok(EnumSchema { node, enumerants }),
            _ => Err(Error::WrongNodeKind { node: node.display_name.clone(), expected: "enum" }),
        }
    }

    /// The struct a [`Type::Struct`] names, with its brand.
    pub fn struct_of_type(&self, ty: &Type) -> Result<StructSchema<'_>, Error> {
        match ty {
            Type::Struct { type_id, brand } => self.branded_struct(*type_id, brand),
            other => Err(Error::TypeMismatch { expected: "a struct type".into(), found: self.type_name(other) }),
        }
    }

    /// The name of a type, as error messages give it (`List(Int32)`, a struct's display name).
    pub fn type_name(&self, ty: &Type) -> String {
        type_name(ty, AnyPointers::Constrained, &mut |id| match self.node(id) {
            Some(node) => node.display_name.clone(),
            None => format!("@0x{id:016x}"),
        })
    }
}

/// The list element size a list of `element` is read and written with.
pub fn element_size(element: &Type) -> ElementSize {
    match element {
        Type::Void => ElementSize::Void,
        Type::Bool => ElementSize::Bit,
        Type::Int8 | Type::UInt8 => ElementSize::Byte,
        Type::Int16 | Type::UInt16 | Type::Enum { .. } => ElementSize::TwoBytes,
        Type::Int32 | Type::UInt32 | Type::Float32 => ElementSize::FourBytes,
        Type::Int64 | Type::UInt64 | Type::Float64 => ElementSize::EightBytes,
        Type::Struct { .. } => ElementSize::InlineComposite,
        Type::Text | Type::Data | Type::List(_) | Type::Interface { .. } | Type::AnyPointer(_) => ElementSize::Pointer,
    }
}

/// `ty` as seen through `context`, the brand of the struct it appears in: a generic parameter
/// becomes the type the brand binds it to (AnyPointer when unbound or not bound at all), and
/// the brands of struct, enum and interface types have their parameters resolved likewise,
/// inheriting the context's bindings where they say "inherit".
pub fn substitute(ty: &Type, context: &Brand) -> Type {
    match ty {
        Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => {
            let bound = context
                .scopes
                .iter()
                .find(|s| s.scope_id == *scope_id)
                .and_then(|s| s.bind.as_ref())
                .and_then(|bindings| bindings.get(*index as usize));
            match bound {
                Some(Binding::Type(t)) => t.clone(),
                _ => Type::AnyPointer(AnyPointer::AnyKind),
            }
        }
        Type::AnyPointer(AnyPointer::ImplicitMethodParameter { .. }) => Type::AnyPointer(AnyPointer::AnyKind),
        Type::List(element) => Type::List(Box::new(substitute(element, context))),
        Type::Struct { type_id, brand } => Type::Struct { type_id: *type_id, brand: resolve_brand(brand, context) },
        Type::Enum { type_id, brand } => Type::Enum { type_id: *type_id, brand: resolve_brand(brand, context) },
        Type::Interface { type_id, brand } => {
            Type::Interface { type_id: *type_id, brand: resolve_brand(brand, context) }
        }
        other => other.clone(),
    }
}

/// A brand written inside a struct whose own brand is `context`, with its bindings resolved.
fn resolve_brand(brand: &Brand, context: &Brand) -> Brand {
    if brand.scopes.is_empty() && context.scopes.is_empty() {
        return Brand::default();
    }
    let mut scopes: Vec<BrandScope> = Vec::with_capacity(brand.scopes.len() + context.scopes.len());
    for scope in &brand.scopes {
        match &scope.bind {
            None => {
                if let Some(inherited) = context.scopes.iter().find(|c| c.scope_id == scope.scope_id) {
                    scopes.push(inherited.clone());
                }
            }
            Some(bindings) => scopes.push(BrandScope {
                scope_id: scope.scope_id,
                bind: Some(
                    bindings
                        .iter()
                        .map(|b| match b {
                            Binding::Unbound => Binding::Unbound,
                            Binding::Type(t) => Binding::Type(substitute(t, context)),
                        })
                        .collect(),
                ),
            }),
        }
    }
    // Scopes the brand does not mention are those around the current one: inherited.
    for scope in &context.scopes {
        if !scopes.iter().any(|s| s.scope_id == scope.scope_id) {
            scopes.push(scope.clone());
        }
    }
    Brand { scopes }
}

/// A struct (or group) type: its node, its layout and the brand binding its generic parameters.
#[derive(Clone)]
pub struct StructSchema<'a> {
    schema: &'a Schema,
    node: &'a Node,
    layout: &'a StructNode,
    brand: Arc<Brand>,
}

impl fmt::Debug for StructSchema<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StructSchema")
            .field("name", &self.node.display_name)
            .field("id", &format_args!("@0x{:016x}", self.node.id))
            .field("brand", &self.brand)
            .finish()
    }
}

impl PartialEq for StructSchema<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.node.id == other.node.id && self.brand == other.brand
    }
}

impl<'a> StructSchema<'a> {
    /// The schema the struct belongs to.
    pub fn schema(&self) -> &'a Schema {
        self.schema
    }

    /// The struct's node.
    pub fn node(&self) -> &'a Node {
        self.node
    }

    /// The struct's ID.
    pub fn id(&self) -> u64 {
        self.node.id
    }

    /// `file.capnp:Outer.Inner`.
    pub fn display_name(&self) -> &'a str {
        &self.node.display_name
    }

    /// The name without its file and scope prefix.
    pub fn short_name(&self) -> &'a str {
        self.node.display_name.get(self.node.display_name_prefix_length as usize..).unwrap_or("")
    }

    /// The bindings of generic parameters in force for this struct.
    pub fn brand(&self) -> &Brand {
        &self.brand
    }

    /// Section sizes, union discriminant and fields as the node gives them.
    pub fn layout(&self) -> &'a StructNode {
        self.layout
    }

    /// Whether this is a group or named union (a part of its parent struct).
    pub fn is_group(&self) -> bool {
        self.layout.is_group
    }

    /// Whether it has an anonymous union (a group may be the union itself).
    pub fn has_union(&self) -> bool {
        self.layout.discriminant_count > 0
    }

    /// Where the union's discriminant is, in 16-bit units of the data section.
    pub fn discriminant_offset(&self) -> u32 {
        self.layout.discriminant_offset
    }

    /// The number of fields.
    pub fn field_count(&self) -> usize {
        self.layout.fields.len()
    }

    /// The fields, in the node's order (ordinal order).
    pub fn fields(&self) -> impl ExactSizeIterator<Item = FieldSchema<'a>> + '_ {
        self.layout.fields.iter().enumerate().map(|(index, proto)| FieldSchema { parent: self.clone(), proto, index })
    }

    /// Field number `index` in the node's order.
    pub fn field_by_index(&self, index: usize) -> Option<FieldSchema<'a>> {
        let proto = self.layout.fields.get(index)?;
        Some(FieldSchema { parent: self.clone(), proto, index })
    }

    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<FieldSchema<'a>> {
        let index = self.layout.fields.iter().position(|f| f.name == name)?;
        self.field_by_index(index)
    }

    /// The field called `name`, or [`Error::NoSuchField`].
    pub fn field_or_error(&self, name: &str) -> Result<FieldSchema<'a>, Error> {
        self.field(name)
            .ok_or_else(|| Error::NoSuchField { node: self.node.display_name.clone(), field: name.to_string() })
    }

    /// The members of the anonymous union, in the node's order.
    pub fn union_fields(&self) -> Vec<FieldSchema<'a>> {
        self.fields().filter(|f| f.discriminant().is_some()).collect()
    }

    /// The fields outside the union, in the node's order.
    pub fn non_union_fields(&self) -> Vec<FieldSchema<'a>> {
        self.fields().filter(|f| f.discriminant().is_none()).collect()
    }

    /// The union member whose discriminant value is `value`.
    pub fn field_by_discriminant(&self, value: u16) -> Option<FieldSchema<'a>> {
        if value == Field::NO_DISCRIMINANT {
            return None;
        }
        let index = self.layout.fields.iter().position(|f| f.discriminant_value == value)?;
        self.field_by_index(index)
    }
}

/// A field of a struct, seen through the struct's brand.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSchema<'a> {
    parent: StructSchema<'a>,
    proto: &'a Field,
    index: usize,
}

impl<'a> FieldSchema<'a> {
    /// The field's name.
    pub fn name(&self) -> &'a str {
        &self.proto.name
    }

    /// Its position among the struct's fields.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The field as the model holds it.
    pub fn proto(&self) -> &'a Field {
        self.proto
    }

    /// The struct (or group) it belongs to.
    pub fn containing_struct(&self) -> &StructSchema<'a> {
        &self.parent
    }

    /// Its discriminant value, if it is a union member.
    pub fn discriminant(&self) -> Option<u16> {
        (self.proto.discriminant_value != Field::NO_DISCRIMINANT).then_some(self.proto.discriminant_value)
    }

    /// Whether it is a group or named union.
    pub fn is_group(&self) -> bool {
        matches!(self.proto.kind, FieldKind::Group { .. })
    }

    /// The group's struct, when the field is a group (with the parent's brand).
    pub fn group(&self) -> Option<Result<StructSchema<'a>, Error>> {
        match self.proto.kind {
            FieldKind::Group { type_id } => Some(self.parent.schema.branded_struct(type_id, &self.parent.brand)),
            FieldKind::Slot { .. } => None,
        }
    }

    /// Its type with generic parameters replaced as the brand binds them; a group's type is its
    /// struct.
    pub fn ty(&self) -> Type {
        match &self.proto.kind {
            FieldKind::Slot { ty, .. } => substitute(ty, &self.parent.brand),
            FieldKind::Group { type_id } => Type::Struct { type_id: *type_id, brand: (*self.parent.brand).clone() },
        }
    }

    /// Its default value (a slot's); `None` for groups.
    pub fn default_value(&self) -> Option<&'a Value> {
        match &self.proto.kind {
            FieldKind::Slot { default_value, .. } => Some(default_value),
            FieldKind::Group { .. } => None,
        }
    }

    /// A slot's offset (in units of its type's size; the pointer index for pointers).
    pub fn offset(&self) -> Option<u32> {
        match self.proto.kind {
            FieldKind::Slot { offset, .. } => Some(offset),
            FieldKind::Group { .. } => None,
        }
    }
}

/// An enum type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EnumSchema<'a> {
    node: &'a Node,
    enumerants: &'a [Enumerant],
}

impl<'a> EnumSchema<'a> {
    /// The enum's node.
    pub fn node(&self) -> &'a Node {
        self.node
    }

    /// The enum's ID.
    pub fn id(&self) -> u64 {
        self.node.id
    }

    /// `file.capnp:Outer.Enum`.
    pub fn display_name(&self) -> &'a str {
        &self.node.display_name
    }

    /// The enumerants in ordinal order.
    pub fn enumerants(&self) -> &'a [Enumerant] {
        self.enumerants
    }

    /// The enumerant with ordinal `value`, if the schema knows it.
    pub fn enumerant(&self, value: u16) -> Option<&'a Enumerant> {
        self.enumerants.get(value as usize)
    }

    /// The ordinal of the enumerant called `name`.
    pub fn ordinal_of(&self, name: &str) -> Option<u16> {
        self.enumerants.iter().position(|e| e.name == name).map(|i| i as u16)
    }
}
