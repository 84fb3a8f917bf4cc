//! Where `schema.capnp` of Cap'n Proto 0.9.2 puts each field of the structs a
//! CodeGeneratorRequest is made of, as `capnp compile -ocapnp /usr/include/capnp/schema.capnp`
//! prints it: one module per struct (nested structs as `outer_inner`), with
//!
//! - `DATA_WORDS` and `POINTERS`, the sections' sizes;
//! - data fields as offsets in units of the field's own width (`u64` offsets count 8-byte
//!   units, `u16` offsets 2-byte units, `Bool` offsets bits), the unit the runtime's
//!   `get::<T>(offset)` and `get_bool(offset)` take;
//! - pointer fields as indices into the pointer section;
//! - for each union, the offset of its discriminant (`WHICH`, a `u16`) and each member's
//!   discriminant value.
//!
//! No field of these structs has a default other than zero except `Field.discriminantValue`
//! (0xffff, [`field::DISCRIMINANT_VALUE_DEFAULT`]).

/// `CodeGeneratorRequest`: 0 bytes, 4 pointers.
pub mod request {
    pub const DATA_WORDS: u16 = 0;
    pub const POINTERS: u16 = 4;
    pub const NODES: u16 = 0;
    pub const REQUESTED_FILES: u16 = 1;
    pub const CAPNP_VERSION: u16 = 2;
    pub const SOURCE_INFO: u16 = 3;
}

/// `CapnpVersion`: 8 bytes, no pointers.
pub mod capnp_version {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 0;
    /// `u16`, bits [0, 16).
    pub const MAJOR: usize = 0;
    /// `u8`, bits [16, 24).
    pub const MINOR: usize = 2;
    /// `u8`, bits [24, 32).
    pub const MICRO: usize = 3;
}

/// `CodeGeneratorRequest.RequestedFile`: 8 bytes, 2 pointers.
pub mod requested_file {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 2;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
    pub const FILENAME: u16 = 0;
    pub const IMPORTS: u16 = 1;
}

/// `CodeGeneratorRequest.RequestedFile.Import`: 8 bytes, 1 pointer.
pub mod import {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 1;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
    pub const NAME: u16 = 0;
}

/// `Node`: 40 bytes, 6 pointers. The members of the groups in its anonymous union share the
/// data section and pointers 3 and 4.
pub mod node {
    pub const DATA_WORDS: u16 = 5;
    pub const POINTERS: u16 = 6;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
    pub const DISPLAY_NAME: u16 = 0;
    /// `u32`, bits [64, 96).
    pub const DISPLAY_NAME_PREFIX_LENGTH: usize = 2;
    /// `u64`, bits [128, 192).
    pub const SCOPE_ID: usize = 2;
    pub const NESTED_NODES: u16 = 1;
    pub const ANNOTATIONS: u16 = 2;
    pub const PARAMETERS: u16 = 5;
    /// Bool, bit 288.
    pub const IS_GENERIC: usize = 288;

    /// `u16`, bits [96, 112).
    pub const WHICH: usize = 6;
    pub const FILE: u16 = 0;
    pub const STRUCT: u16 = 1;
    pub const ENUM: u16 = 2;
    pub const INTERFACE: u16 = 3;
    pub const CONST: u16 = 4;
    pub const ANNOTATION: u16 = 5;

    /// `Node.struct`.
    pub mod structure {
        /// `u16`, bits [112, 128).
        pub const DATA_WORD_COUNT: usize = 7;
        /// `u16`, bits [192, 208).
        pub const POINTER_COUNT: usize = 12;
        /// `u16` (enum `ElementSize`), bits [208, 224).
        pub const PREFERRED_LIST_ENCODING: usize = 13;
        /// Bool, bit 224.
        pub const IS_GROUP: usize = 224;
        /// `u16`, bits [240, 256).
        pub const DISCRIMINANT_COUNT: usize = 15;
        /// `u32`, bits [256, 288).
        pub const DISCRIMINANT_OFFSET: usize = 8;
        pub const FIELDS: u16 = 3;
    }

    /// `Node.enum`.
    pub mod enumeration {
        pub const ENUMERANTS: u16 = 3;
    }

    /// `Node.interface`.
    pub mod interface {
        pub const METHODS: u16 = 3;
        pub const SUPERCLASSES: u16 = 4;
    }

    /// `Node.const`.
    pub mod constant {
        pub const TYPE: u16 = 3;
        pub const VALUE: u16 = 4;
    }

    /// `Node.annotation`.
    pub mod annotation {
        pub const TYPE: u16 = 3;
        /// Bools, bits 112 to 123, in the order `targetsFile`, `targetsConst`, `targetsEnum`,
        /// `targetsEnumerant`, `targetsStruct`, `targetsField`, `targetsUnion`, `targetsGroup`,
        /// `targetsInterface`, `targetsMethod`, `targetsParam`, `targetsAnnotation`: the order
        /// of the model's `targets`.
        pub const TARGETS: [usize; 12] = [112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123];
    }
}

/// `Node.Parameter`: 0 bytes, 1 pointer.
pub mod parameter {
    pub const DATA_WORDS: u16 = 0;
    pub const POINTERS: u16 = 1;
    pub const NAME: u16 = 0;
}

/// `Node.NestedNode`: 8 bytes, 1 pointer.
pub mod nested_node {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 1;
    pub const NAME: u16 = 0;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
}

/// `Node.SourceInfo`: 8 bytes, 2 pointers.
pub mod source_info {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 2;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
    pub const DOC_COMMENT: u16 = 0;
    pub const MEMBERS: u16 = 1;
}

/// `Node.SourceInfo.Member`: 0 bytes, 1 pointer.
pub mod member {
    pub const DATA_WORDS: u16 = 0;
    pub const POINTERS: u16 = 1;
    pub const DOC_COMMENT: u16 = 0;
}

/// `Field`: 24 bytes, 4 pointers.
pub mod field {
    pub const DATA_WORDS: u16 = 3;
    pub const POINTERS: u16 = 4;
    pub const NAME: u16 = 0;
    /// `u16`, bits [0, 16).
    pub const CODE_ORDER: usize = 0;
    pub const ANNOTATIONS: u16 = 1;
    /// `u16`, bits [16, 32), stored XOR [`DISCRIMINANT_VALUE_DEFAULT`].
    pub const DISCRIMINANT_VALUE: usize = 1;
    /// `discriminantValue`'s default, `Field.noDiscriminant`.
    pub const DISCRIMINANT_VALUE_DEFAULT: u16 = 0xffff;

    /// `u16`, bits [64, 80).
    pub const WHICH: usize = 4;
    pub const SLOT: u16 = 0;
    pub const GROUP: u16 = 1;

    /// `Field.slot`.
    pub mod slot {
        /// `u32`, bits [32, 64).
        pub const OFFSET: usize = 1;
        pub const TYPE: u16 = 2;
        pub const DEFAULT_VALUE: u16 = 3;
        /// Bool, bit 128.
        pub const HAD_EXPLICIT_DEFAULT: usize = 128;
    }

    /// `Field.group`.
    pub mod group {
        /// `u64`, bits [128, 192).
        pub const TYPE_ID: usize = 2;
    }

    /// `Field.ordinal`, a group holding a union.
    pub mod ordinal {
        /// `u16`, bits [80, 96).
        pub const WHICH: usize = 5;
        pub const IMPLICIT: u16 = 0;
        pub const EXPLICIT: u16 = 1;
        /// `u16`, bits [96, 112).
        pub const EXPLICIT_VALUE: usize = 6;
    }
}

/// `Enumerant`: 8 bytes, 2 pointers.
pub mod enumerant {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 2;
    pub const NAME: u16 = 0;
    /// `u16`, bits [0, 16).
    pub const CODE_ORDER: usize = 0;
    pub const ANNOTATIONS: u16 = 1;
}

/// `Superclass`: 8 bytes, 1 pointer.
pub mod superclass {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 1;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
    pub const BRAND: u16 = 0;
}

/// `Method`: 24 bytes, 5 pointers.
pub mod method {
    pub const DATA_WORDS: u16 = 3;
    pub const POINTERS: u16 = 5;
    pub const NAME: u16 = 0;
    /// `u16`, bits [0, 16).
    pub const CODE_ORDER: usize = 0;
    pub const ANNOTATIONS: u16 = 1;
    /// `u64`, bits [64, 128).
    pub const PARAM_STRUCT_TYPE: usize = 1;
    pub const PARAM_BRAND: u16 = 2;
    /// `u64`, bits [128, 192).
    pub const RESULT_STRUCT_TYPE: usize = 2;
    pub const RESULT_BRAND: u16 = 3;
    pub const IMPLICIT_PARAMETERS: u16 = 4;
}

/// `Type`: 24 bytes, 1 pointer.
pub mod ty {
    pub const DATA_WORDS: u16 = 3;
    pub const POINTERS: u16 = 1;

    /// `u16`, bits [0, 16).
    pub const WHICH: usize = 0;
    pub const VOID: u16 = 0;
    pub const BOOL: u16 = 1;
    pub const INT8: u16 = 2;
    pub const INT16: u16 = 3;
    pub const INT32: u16 = 4;
    pub const INT64: u16 = 5;
    pub const UINT8: u16 = 6;
    pub const UINT16: u16 = 7;
    pub const UINT32: u16 = 8;
    pub const UINT64: u16 = 9;
    pub const FLOAT32: u16 = 10;
    pub const FLOAT64: u16 = 11;
    pub const TEXT: u16 = 12;
    pub const DATA: u16 = 13;
    pub const LIST: u16 = 14;
    pub const ENUM: u16 = 15;
    pub const STRUCT: u16 = 16;
    pub const INTERFACE: u16 = 17;
    pub const ANY_POINTER: u16 = 18;

    /// `Type.list.elementType`.
    pub const ELEMENT_TYPE: u16 = 0;
    /// `typeId` of `Type.enum`, `Type.struct` and `Type.interface`: `u64`, bits [64, 128).
    pub const TYPE_ID: usize = 1;
    /// `brand` of `Type.enum`, `Type.struct` and `Type.interface`.
    pub const BRAND: u16 = 0;

    /// `Type.anyPointer`, a group holding a union.
    pub mod any_pointer {
        /// `u16`, bits [64, 80).
        pub const WHICH: usize = 4;
        pub const UNCONSTRAINED: u16 = 0;
        pub const PARAMETER: u16 = 1;
        pub const IMPLICIT_METHOD_PARAMETER: u16 = 2;

        /// `Type.anyPointer.unconstrained`, a group holding a union.
        pub mod unconstrained {
            /// `u16`, bits [80, 96).
            pub const WHICH: usize = 5;
            pub const ANY_KIND: u16 = 0;
            pub const STRUCT: u16 = 1;
            pub const LIST: u16 = 2;
            pub const CAPABILITY: u16 = 3;
        }

        /// `Type.anyPointer.parameter.scopeId`: `u64`, bits [128, 192).
        pub const SCOPE_ID: usize = 2;
        /// `parameterIndex` of `Type.anyPointer.parameter` and of
        /// `Type.anyPointer.implicitMethodParameter`: `u16`, bits [80, 96).
        pub const PARAMETER_INDEX: usize = 5;
    }
}

/// `Brand`: 0 bytes, 1 pointer.
pub mod brand {
    pub const DATA_WORDS: u16 = 0;
    pub const POINTERS: u16 = 1;
    pub const SCOPES: u16 = 0;
}

/// `Brand.Scope`: 16 bytes, 1 pointer.
pub mod brand_scope {
    pub const DATA_WORDS: u16 = 2;
    pub const POINTERS: u16 = 1;
    /// `u64`, bits [0, 64).
    pub const SCOPE_ID: usize = 0;
    /// `u16`, bits [64, 80).
    pub const WHICH: usize = 4;
    pub const BIND: u16 = 0;
    pub const INHERIT: u16 = 1;
    /// `bind`, a `List(Binding)`.
    pub const BIND_LIST: u16 = 0;
}

/// `Brand.Binding`: 8 bytes, 1 pointer.
pub mod brand_binding {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 1;
    /// `u16`, bits [0, 16).
    pub const WHICH: usize = 0;
    pub const UNBOUND: u16 = 0;
    pub const TYPE: u16 = 1;
    /// `type`.
    pub const TYPE_POINTER: u16 = 0;
}

/// `Value`: 16 bytes, 1 pointer. Every member with a pointer (text, data, list, struct,
/// anyPointer) uses pointer 0.
pub mod value {
    pub const DATA_WORDS: u16 = 2;
    pub const POINTERS: u16 = 1;
    pub const POINTER: u16 = 0;

    /// `u16`, bits [0, 16).
    pub const WHICH: usize = 0;
    pub const VOID: u16 = 0;
    pub const BOOL: u16 = 1;
    pub const INT8: u16 = 2;
    pub const INT16: u16 = 3;
    pub const INT32: u16 = 4;
    pub const INT64: u16 = 5;
    pub const UINT8: u16 = 6;
    pub const UINT16: u16 = 7;
    pub const UINT32: u16 = 8;
    pub const UINT64: u16 = 9;
    pub const FLOAT32: u16 = 10;
    pub const FLOAT64: u16 = 11;
    pub const TEXT: u16 = 12;
    pub const DATA: u16 = 13;
    pub const LIST: u16 = 14;
    pub const ENUM: u16 = 15;
    pub const STRUCT: u16 = 16;
    pub const INTERFACE: u16 = 17;
    pub const ANY_POINTER: u16 = 18;

    /// `bool`: bit 16.
    pub const BOOL_BIT: usize = 16;
    /// `int8` and `uint8`: bits [16, 24), in bytes.
    pub const BYTE: usize = 2;
    /// `int16`, `uint16` and `enum`: bits [16, 32), in 2-byte units.
    pub const TWO_BYTES: usize = 1;
    /// `int32`, `uint32` and `float32`: bits [32, 64), in 4-byte units.
    pub const FOUR_BYTES: usize = 1;
    /// `int64`, `uint64` and `float64`: bits [64, 128), in 8-byte units.
    pub const EIGHT_BYTES: usize = 1;
}

/// `Annotation`: 8 bytes, 2 pointers.
pub mod annotation {
    pub const DATA_WORDS: u16 = 1;
    pub const POINTERS: u16 = 2;
    /// `u64`, bits [0, 64).
    pub const ID: usize = 0;
    pub const VALUE: u16 = 0;
    pub const BRAND: u16 = 1;
}
