//! The schema model: nodes, fields, types, values and brands, as `schema.capnp` defines them.
//!
//! Both frontends produce it (the `.capnp` compiler and the derive), the code generator and
//! the dynamic API read it, and it is written out as a CodeGeneratorRequest node for node.

/// Limits for reading the values of the model (messages the compiler built itself): none, as the
/// official tool reads them, so values may nest as deep as they are written. (Embedded files
/// are read with the default limits: they are not the compiler's, and may be hostile.)
pub const UNLIMITED: capnzero_runtime::ReaderOptions =
    capnzero_runtime::ReaderOptions { traversal_limit_words: u64::MAX, nesting_limit: u32::MAX };

/// A node: a file, struct (or group), enum, interface, const or annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Its ID.
    pub id: u64,
    /// `file.capnp:Outer.Inner`.
    pub display_name: String,
    /// Length of the prefix of `display_name` before the node's own name.
    pub display_name_prefix_length: u32,
    /// The enclosing node (0 for files).
    pub scope_id: u64,
    /// Generic parameters' names.
    pub parameters: Vec<String>,
    /// Whether this node or an enclosing one has generic parameters.
    pub is_generic: bool,
    /// Named nodes declared inside this one (groups and method structs not included).
    pub nested_nodes: Vec<NestedNode>,
    /// Annotations applied to it.
    pub annotations: Vec<Annotation>,
    /// What kind of node it is.
    pub kind: NodeKind,
}

/// A named child of a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NestedNode {
    /// Its name.
    pub name: String,
    /// Its ID.
    pub id: u64,
}

/// The kinds of node.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    /// A file.
    File,
    /// A struct or group.
    Struct(StructNode),
    /// An enum: its enumerants in ordinal order.
    Enum(Vec<Enumerant>),
    /// An interface.
    Interface(InterfaceNode),
    /// A constant.
    Const {
        /// Its type.
        ty: Type,
        /// Its value.
        value: Value,
    },
    /// An annotation declaration.
    Annotation {
        /// The value type.
        ty: Type,
        /// Where it may be applied, in `schema.capnp`'s order (`targetsFile` … `targetsAnnotation`).
        targets: [bool; 12],
    },
}

/// A struct's (or group's) layout and fields.
#[derive(Clone, Debug, PartialEq)]
pub struct StructNode {
    /// Data words.
    pub data_word_count: u16,
    /// Pointers.
    pub pointer_count: u16,
    /// Always `InlineComposite` for structs the compiler makes.
    pub preferred_list_encoding: ElementSize,
    /// Whether this is a group or named union.
    pub is_group: bool,
    /// Members of its union (0 when it has none).
    pub discriminant_count: u16,
    /// Where its union's discriminant is, in 16-bit units.
    pub discriminant_offset: u32,
    /// Fields in ordinal order of their first slot.
    pub fields: Vec<Field>,
}

/// A field of a struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its position in the source among its siblings.
    pub code_order: u16,
    /// Annotations applied to it.
    pub annotations: Vec<Annotation>,
    /// Its discriminant value, [`Field::NO_DISCRIMINANT`] outside a union.
    pub discriminant_value: u16,
    /// A slot or a group.
    pub kind: FieldKind,
    /// Its ordinal, if it has one of its own.
    pub ordinal: Option<u16>,
}

impl Field {
    /// The discriminant value of a field that is not in a union.
    pub const NO_DISCRIMINANT: u16 = 0xffff;
}

/// What a field holds.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldKind {
    /// A value in the data or pointer section.
    Slot {
        /// In units of the type's size (pointer index for pointers).
        offset: u32,
        /// Its type.
        ty: Type,
        /// Its default.
        default_value: Value,
        /// Whether the default was written in the schema.
        had_explicit_default: bool,
    },
    /// A group or named union: its node's ID.
    Group {
        /// The group node.
        type_id: u64,
    },
}

/// An enumerant.
#[derive(Clone, Debug, PartialEq)]
pub struct Enumerant {
    /// Its name.
    pub name: String,
    /// Its position in the source.
    pub code_order: u16,
    /// Annotations applied to it.
    pub annotations: Vec<Annotation>,
}

/// An interface's methods and superclasses.
#[derive(Clone, Debug, PartialEq)]
pub struct InterfaceNode {
    /// Methods in ordinal order.
    pub methods: Vec<Method>,
    /// `extends(…)`.
    pub superclasses: Vec<Superclass>,
}

/// A superclass of an interface.
#[derive(Clone, Debug, PartialEq)]
pub struct Superclass {
    /// Its ID.
    pub id: u64,
    /// Its brand.
    pub brand: Brand,
}

/// A method.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    /// Its name.
    pub name: String,
    /// Its position in the source.
    pub code_order: u16,
    /// `[T, U]` after the ordinal.
    pub implicit_parameters: Vec<String>,
    /// The parameter struct.
    pub param_struct_type: u64,
    /// Its brand.
    pub param_brand: Brand,
    /// The result struct.
    pub result_struct_type: u64,
    /// Its brand.
    pub result_brand: Brand,
    /// Annotations applied to it.
    pub annotations: Vec<Annotation>,
}

/// A type.
#[derive(Clone, Debug, PartialEq)]
pub enum Type {
    /// `Void`.
    Void,
    /// `Bool`.
    Bool,
    /// `Int8`.
    Int8,
    /// `Int16`.
    Int16,
    /// `Int32`.
    Int32,
    /// `Int64`.
    Int64,
    /// `UInt8`.
    UInt8,
    /// `UInt16`.
    UInt16,
    /// `UInt32`.
    UInt32,
    /// `UInt64`.
    UInt64,
    /// `Float32`.
    Float32,
    /// `Float64`.
    Float64,
    /// `Text`.
    Text,
    /// `Data`.
    Data,
    /// `List(T)`.
    List(Box<Type>),
    /// An enum.
    Enum {
        /// Its node.
        type_id: u64,
        /// Its brand.
        brand: Brand,
    },
    /// A struct.
    Struct {
        /// Its node.
        type_id: u64,
        /// Its brand.
        brand: Brand,
    },
    /// An interface.
    Interface {
        /// Its node.
        type_id: u64,
        /// Its brand.
        brand: Brand,
    },
    /// `AnyPointer` and its constrained forms, or a generic parameter.
    AnyPointer(AnyPointer),
}

/// The forms of AnyPointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnyPointer {
    /// `AnyPointer`.
    AnyKind,
    /// `AnyStruct`.
    Struct,
    /// `AnyList`.
    List,
    /// `Capability`.
    Capability,
    /// Parameter `index` of the generic node `scope_id`.
    Parameter {
        /// The node declaring the parameter.
        scope_id: u64,
        /// Its position.
        index: u16,
    },
    /// Implicit parameter `index` of a method.
    ImplicitMethodParameter {
        /// Its position.
        index: u16,
    },
}

/// The bindings of generic parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Brand {
    /// One entry per generic scope that is bound or inherited.
    pub scopes: Vec<BrandScope>,
}

/// A `using` alias, which has no node of its own: where it is declared, its name, and what it
/// stands for, interpreted where it is declared (the parameters of its scope inherited).
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The node it is declared in.
    pub scope_id: u64,
    /// Its name.
    pub name: String,
    /// What it stands for.
    pub target: AliasTarget,
}

/// What a `using` alias stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum AliasTarget {
    /// A declaration (a struct, enum, interface, constant, annotation or file) with the brand
    /// the alias gives it (inherited scopes as `bind: None`).
    Node {
        /// The declaration.
        id: u64,
        /// Its brand.
        brand: Brand,
    },
    /// A generic parameter of an enclosing scope.
    Parameter {
        /// The generic declaration.
        scope_id: u64,
        /// The parameter's index.
        index: u16,
    },
    /// A built-in type (`Text`, `List(Foo)`, `AnyPointer`…).
    Type(Type),
}

/// The bindings of one generic scope.
#[derive(Clone, Debug, PartialEq)]
pub struct BrandScope {
    /// The generic node.
    pub scope_id: u64,
    /// `None` means "inherit"; otherwise one binding per parameter.
    pub bind: Option<Vec<Binding>>,
}

/// A parameter's binding.
#[derive(Clone, Debug, PartialEq)]
pub enum Binding {
    /// Left unbound (AnyPointer).
    Unbound,
    /// Bound to a type.
    Type(Type),
}

/// A value: a default, a const or an annotation's value. Equality compares floats by bit
/// pattern, as the wire stores them (a NaN default equals itself; 0.0 and -0.0 differ).
#[derive(Clone, Debug)]
pub enum Value {
    /// `void`.
    Void,
    /// A Bool.
    Bool(bool),
    /// An Int8.
    Int8(i8),
    /// An Int16.
    Int16(i16),
    /// An Int32.
    Int32(i32),
    /// An Int64.
    Int64(i64),
    /// A UInt8.
    UInt8(u8),
    /// A UInt16.
    UInt16(u16),
    /// A UInt32.
    UInt32(u32),
    /// A UInt64.
    UInt64(u64),
    /// A Float32.
    Float32(f32),
    /// A Float64.
    Float64(f64),
    /// Text (`None`: null).
    Text(Option<String>),
    /// Data (`None`: null).
    Data(Option<Vec<u8>>),
    /// A list (`None`: null). Struct, list and AnyPointer values are kept in canonical form:
    /// one flat segment without a segment table, whose first word is the root pointer.
    List(Option<Vec<u8>>),
    /// An enumerant's ordinal.
    Enum(u16),
    /// A struct, in canonical form as for [`Value::List`] (`None`: null).
    Struct(Option<Vec<u8>>),
    /// An interface (always null).
    Interface,
    /// Anything, in canonical form as for [`Value::List`] (`None`: null).
    AnyPointer(Option<Vec<u8>>),
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn floats_compare_by_bit_pattern() {
        assert_eq!(Value::Float64(f64::NAN), Value::Float64(f64::NAN));
        assert_ne!(Value::Float32(0.0), Value::Float32(-0.0));
        assert_ne!(Value::Float64(f64::from_bits(0x7ff8_0000_0000_0001)), Value::Float64(f64::NAN));
        assert_ne!(Value::Int8(1), Value::UInt8(1));
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Float32(a), Value::Float32(b)) => a.to_bits() == b.to_bits(),
            (Value::Float64(a), Value::Float64(b)) => a.to_bits() == b.to_bits(),
            (Value::Void, Value::Void) | (Value::Interface, Value::Interface) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int8(a), Value::Int8(b)) => a == b,
            (Value::Int16(a), Value::Int16(b)) => a == b,
            (Value::Int32(a), Value::Int32(b)) => a == b,
            (Value::Int64(a), Value::Int64(b)) => a == b,
            (Value::UInt8(a), Value::UInt8(b)) => a == b,
            (Value::UInt16(a), Value::UInt16(b)) => a == b,
            (Value::UInt32(a), Value::UInt32(b)) => a == b,
            (Value::UInt64(a), Value::UInt64(b)) => a == b,
            (Value::Text(a), Value::Text(b)) => a == b,
            (Value::Data(a), Value::Data(b))
            | (Value::List(a), Value::List(b))
            | (Value::Struct(a), Value::Struct(b))
            | (Value::AnyPointer(a), Value::AnyPointer(b)) => a == b,
            (Value::Enum(a), Value::Enum(b)) => a == b,
            _ => false,
        }
    }
}

/// An annotation applied to something.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// The annotation's node.
    pub id: u64,
    /// Its brand.
    pub brand: Brand,
    /// Its value.
    pub value: Value,
}

/// A list's element size, as `schema.capnp` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementSize {
    /// No data.
    Empty,
    /// One bit.
    Bit,
    /// One byte.
    Byte,
    /// Two bytes.
    TwoBytes,
    /// Four bytes.
    FourBytes,
    /// Eight bytes.
    EightBytes,
    /// One pointer.
    Pointer,
    /// A struct.
    InlineComposite,
}

/// Doc comments of a node and its members, as the CodeGeneratorRequest carries them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceInfo {
    /// The node.
    pub id: u64,
    /// Its doc comment.
    pub doc_comment: Option<String>,
    /// Doc comments of its fields, enumerants or methods, in list order.
    pub members: Vec<Option<String>>,
}
