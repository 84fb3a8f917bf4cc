//! Compile-time descriptions of types for the text format: what generated code (of
//! `capnp_schema!` and the derive) states of each struct, so that its `Display` and `Debug`
//! print what `capnp decode` prints with no schema at run time.
//!
//! A struct or group is a [`StructDesc`]: its fields in the node's order, each with its name,
//! its discriminant and where it is stored. Types are [`TypeDesc`]s; a struct type refers to its
//! description through a function (so that descriptions may refer to each other, and to
//! themselves, as statics) with the types its generic parameters are bound to. Inside the
//! description of a generic struct, [`TypeDesc::Param`] stands for the struct's `i`-th Rust type
//! parameter, bound when the value is printed.

/// A type, as the text format needs to know it.
#[derive(Clone, Copy, Debug)]
pub enum TypeDesc {
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
    /// An enum: its enumerants' schema names by ordinal.
    Enum(&'static [&'static str]),
    /// `List(T)`.
    List(&'static TypeDesc),
    /// A struct: its description, and what its Rust type parameters are bound to.
    Struct(fn() -> &'static StructDesc, &'static [TypeDesc]),
    /// `AnyPointer` (or an unbound parameter): printed as `<opaque pointer>`.
    AnyPointer,
    /// An interface: printed as `<external capability>`.
    Capability,
    /// The `i`-th Rust type parameter of the struct being described.
    Param(u16),
}

impl TypeDesc {
    /// A struct type's description function (`fn` of [`TypeDesc::Struct`]); for any other type,
    /// that of the empty struct.
    pub const fn struct_fn(self) -> fn() -> &'static StructDesc {
        match self {
            TypeDesc::Struct(desc, _) => desc,
            _ => StructDesc::empty,
        }
    }
}

/// A struct or group.
#[derive(Debug)]
pub struct StructDesc {
    /// Words of the data section (a group: its struct's), for printing an owned value written
    /// into a new message.
    pub data_words: u16,
    /// Pointers of the pointer section (a group: its struct's).
    pub pointers: u16,
    /// Where the union's discriminant is, in 16-bit units (unused without a union).
    pub discriminant_offset: u32,
    /// The fields, in the node's order (code order).
    pub fields: &'static [FieldDesc],
}

impl StructDesc {
    /// The description of a struct with no fields.
    pub fn empty() -> &'static StructDesc {
        static EMPTY: StructDesc = StructDesc { data_words: 0, pointers: 0, discriminant_offset: 0, fields: &[] };
        &EMPTY
    }
}

/// The discriminant of a field that is not a union member.
pub const NO_DISCRIMINANT: u16 = 0xffff;

/// A field.
#[derive(Debug)]
pub struct FieldDesc {
    /// Its schema name.
    pub name: &'static str,
    /// Its discriminant in the union, or [`NO_DISCRIMINANT`].
    pub discriminant: u16,
    /// Where it is stored.
    pub slot: Slot,
}

impl FieldDesc {
    /// A Void, Bool, number or enum field (see [`Slot::Data`]).
    pub const fn data(name: &'static str, discriminant: u16, ty: TypeDesc, offset: u32, default: u64) -> FieldDesc {
        FieldDesc { name, discriminant, slot: Slot::Data { ty, offset, default } }
    }

    /// A pointer field (see [`Slot::Pointer`]).
    pub const fn pointer(
        name: &'static str,
        discriminant: u16,
        ty: TypeDesc,
        index: u16,
        default: &'static [u8],
    ) -> FieldDesc {
        FieldDesc { name, discriminant, slot: Slot::Pointer { ty, index, default } }
    }

    /// A group (see [`Slot::Group`]).
    pub const fn group(name: &'static str, discriminant: u16, desc: fn() -> &'static StructDesc) -> FieldDesc {
        FieldDesc { name, discriminant, slot: Slot::Group(desc) }
    }
}

/// Where a field is stored.
#[derive(Clone, Copy, Debug)]
pub enum Slot {
    /// A Void, Bool, number or enum in the data section: its type, its offset in units of its
    /// size, and its default's bits (what the stored value is XORed with).
    Data {
        /// The type (Void, Bool, a number or an enum).
        ty: TypeDesc,
        /// The offset in units of the type's size (bits for Bool).
        offset: u32,
        /// The default's bits.
        default: u64,
    },
    /// A pointer: its type, its index in the pointer section, and its default (Text and Data:
    /// the bytes; a list, struct or AnyPointer: its canonical encoding; empty: none).
    Pointer {
        /// The type.
        ty: TypeDesc,
        /// The pointer index.
        index: u16,
        /// The default.
        default: &'static [u8],
    },
    /// A group: its description.
    Group(fn() -> &'static StructDesc),
}

/// A type's description, for the types a generic parameter or a list element can be: every
/// [`Pointee`](crate::Pointee), every [`ListElement`](crate::ListElement) of a generated or
/// built-in kind.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Cap'n Proto type",
    note = "derive `CapnpStruct` or `CapnpEnum` for it or generate it with `capnp_schema!`"
)]
pub trait Describe {
    /// The type.
    const TYPE: TypeDesc;
}

/// The description of a generated struct's or group's reader type.
pub trait DescribeStruct {
    /// The struct's (or group's) description.
    fn struct_desc() -> &'static StructDesc;
}

macro_rules! describe {
    ($($t:ty => $desc:expr),* $(,)?) => {
        $(impl Describe for $t {
            const TYPE: TypeDesc = $desc;
        })*
    };
}

describe! {
    () => TypeDesc::Void,
    bool => TypeDesc::Bool,
    i8 => TypeDesc::Int8,
    i16 => TypeDesc::Int16,
    i32 => TypeDesc::Int32,
    i64 => TypeDesc::Int64,
    u8 => TypeDesc::UInt8,
    u16 => TypeDesc::UInt16,
    u32 => TypeDesc::UInt32,
    u64 => TypeDesc::UInt64,
    f32 => TypeDesc::Float32,
    f64 => TypeDesc::Float64,
    crate::kind::Text => TypeDesc::Text,
    crate::kind::Data => TypeDesc::Data,
    crate::kind::AnyPointer => TypeDesc::AnyPointer,
}

impl<T: Describe> Describe for crate::kind::List<T> {
    const TYPE: TypeDesc = TypeDesc::List(&T::TYPE);
}
