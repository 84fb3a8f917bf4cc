//! The CodeGeneratorRequest: the message a schema compiler hands to a code generator, read into
//! the [schema model](crate::model) and written back out of it.
//!
//! [`read()`] takes what `capnp compile -o-` prints (one message in the standard stream framing)
//! and [`write()`] makes one. Both go through capnzero's own runtime (`capnzero-runtime`'s
//! readers and builders) with the layout of `schema.capnp` of Cap'n Proto 0.9.2, field for field
//! (the offsets are in `request/schema_capnp.rs`, as `capnp compile -ocapnp` prints them).
//!
//! # Choices
//!
//! - **Pointer values.** A struct, list or AnyPointer [`Value`] is held in the model as the
//!   *canonical* encoding of that value: one flat segment, without a segment table, whose first
//!   word is the root pointer (what [`capnzero_runtime::canonicalize`] returns for the pointer
//!   to the value). [`read()`] canonicalizes each value it finds, so equal values have equal
//!   bytes; [`write()`] accepts any flat single segment laid out that way and copies the value
//!   in. A null pointer is `None`.
//! - **Null text.** A null `Text` read into an `Option` (doc comments, Text and Data values) is
//!   `None`; a null name or file name (a `String` in the model) reads as `""`. The official
//!   compiler never leaves a name null. Text that is not UTF-8 is an error.
//! - **Null or empty lists, null brands.** The model does not say whether an empty list or brand
//!   was written as a null pointer or as an empty one; [`write()`] decides as `capnp compile` 0.9.2
//!   does, so that reading its output and writing it again gives the same message:
//!   - a node's `parameters` and `annotations`, a field's, enumerant's or method's `annotations`,
//!     a struct's `fields` and a brand's `scopes` are null when empty;
//!   - a node's `nestedNodes` is an empty list when empty, except on groups and on method
//!     parameter and result structs (struct nodes with `scopeId` 0), where it is null;
//!   - `enumerants`, `methods`, `superclasses`, `implicitParameters`, `bind`, `imports` and the
//!     request's own lists are always written, even empty;
//!   - the brand of a type, a superclass or a method's parameter or result struct is null when it
//!     has no scopes; the brand of an annotation is always written (with null `scopes` when it has
//!     none);
//!   - a source info's `members` is null when empty, except for enums and interfaces (looked up
//!     by ID among the request's nodes), where it is an empty list.
//!
//!   [`read()`] reads a null list as an empty one and a null brand as a brand with no scopes.
//! - **Canonical output.** [`write()`] builds the message with the runtime's builders and then
//!   writes its canonical form (one segment, objects in pointer order, trailing zero words
//!   and null pointers of each struct cut) in the standard framing. Equal models therefore give
//!   equal bytes, and `write(&read(x)?)` is byte for byte the canonical form of `x` when `x` came
//!   from `capnp compile` 0.9.2.
//! - **Limits.** [`read()`] reads with the official code generators' limits: a traversal limit of
//!   2^30 words and a nesting limit of 64.

use std::collections::HashMap;
use std::fmt;

use capnzero_runtime::{
    canonicalize, frame_segments, ElementSize as WireSize, ErrorKind, ListBuilder, MessageBuilder, MessageReader,
    PointerBuilder, PointerReader, ReaderOptions, StructBuilder, StructElements, StructReader, BYTES_PER_WORD,
    MAX_LIST_ELEMENTS,
};

use crate::model::{
    Annotation, AnyPointer, Binding, Brand, BrandScope, ElementSize, Enumerant, Field, FieldKind, InterfaceNode,
    Method, NestedNode, Node, NodeKind, SourceInfo, StructNode, Superclass, Type, Value,
};

mod schema_capnp;

use schema_capnp as sc;

/// A CodeGeneratorRequest: every node the requested files need, their doc comments, and which
/// files were asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeGeneratorRequest {
    /// The version of the compiler that made the request: `(major, minor, micro)`, `(0, 0, 0)`
    /// when it does not say (compilers older than 0.6).
    pub capnp_version: (u16, u8, u8),
    /// All nodes of the requested files and of the files they import, in the compiler's order.
    pub nodes: Vec<Node>,
    /// Doc comments, one entry per node that has a source-info record, in the compiler's order.
    pub source_info: Vec<SourceInfo>,
    /// The files code is to be generated for.
    pub requested_files: Vec<RequestedFile>,
}

impl CodeGeneratorRequest {
    /// The node with this ID, if the request has one.
    pub fn node(&self, id: u64) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id == id)
    }

    /// The source info of the node with this ID, if the request has one.
    pub fn source_info(&self, id: u64) -> Option<&SourceInfo> {
        self.source_info.iter().find(|info| info.id == id)
    }
}

/// A file code is to be generated for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestedFile {
    /// The file node's ID.
    pub id: u64,
    /// Its name, as given to the compiler (less `--src-prefix`).
    pub filename: String,
    /// The files it imports.
    pub imports: Vec<Import>,
}

/// An `import "…"` of a requested file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The imported file's node ID.
    pub id: u64,
    /// The name exactly as written in the import expression (`"/capnp/c++.capnp"`).
    pub name: String,
}

/// Why a CodeGeneratorRequest could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// Not a valid Cap'n Proto message (framing, pointers, limits), in `capnzero-runtime`'s words.
    Message(String),
    /// Bytes after the end of the message.
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// A union discriminant or enum value that `schema.capnp` 0.9.2 does not define.
    NotInSchema {
        /// The union or enum (`"Type"`, `"Value"`, `"ElementSize"`, …).
        what: &'static str,
        /// The value found.
        value: u16,
    },
    /// A Text field that is not UTF-8.
    NotUtf8 {
        /// The field (`"Node.displayName"`, …).
        what: &'static str,
    },
    /// A struct, list or AnyPointer value of the model whose bytes are not a flat segment with
    /// the root pointer first, or whose value cannot be copied.
    BadValue(String),
    /// A list too long for a Cap'n Proto list.
    TooLong {
        /// The list (`"nodes"`, …).
        what: &'static str,
        /// Its length.
        len: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Message(message) => write!(f, "malformed CodeGeneratorRequest: {message}"),
            Error::TrailingBytes { count } => {
                write!(f, "{count} bytes after the end of the CodeGeneratorRequest")
            }
            Error::NotInSchema { what, value } => {
                write!(f, "{what}: value {value} is not in schema.capnp")
            }
            Error::NotUtf8 { what } => write!(f, "{what}: text is not UTF-8"),
            Error::BadValue(message) => write!(f, "bad pointer value: {message}"),
            Error::TooLong { what, len } => write!(f, "{what}: {len} elements is too many for a list"),
        }
    }
}

impl std::error::Error for Error {}

impl From<capnzero_runtime::Error> for Error {
    fn from(error: capnzero_runtime::Error) -> Error {
        Error::Message(error.to_string())
    }
}

fn not_in_schema(what: &'static str, value: u16) -> Error {
    Error::NotInSchema { what, value }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// The official code generators' traversal limit (`capnpc-c++` reads with 2^30 words).
const TRAVERSAL_LIMIT_WORDS: u64 = 1 << 30;

/// The official code generators' nesting limit.
const NESTING_LIMIT: u32 = 64;

const READER_OPTIONS: ReaderOptions =
    ReaderOptions { traversal_limit_words: TRAVERSAL_LIMIT_WORDS, nesting_limit: NESTING_LIMIT };

/// Reads a CodeGeneratorRequest from one message in the standard stream framing (what
/// `capnp compile -o-` writes). The input must hold exactly that message.
pub fn read(bytes: &[u8]) -> Result<CodeGeneratorRequest, Error> {
    use sc::request as r;
    let (message, rest) = MessageReader::from_bytes_prefix(bytes, READER_OPTIONS)?;
    if !rest.is_empty() {
        return Err(Error::TrailingBytes { count: rest.len() });
    }
    let root = message.root_struct()?;

    let version = child(&root, r::CAPNP_VERSION)?;
    let capnp_version = (
        version.get::<u16>(sc::capnp_version::MAJOR),
        version.get::<u8>(sc::capnp_version::MINOR),
        version.get::<u8>(sc::capnp_version::MICRO),
    );

    let nodes = elements(&root, r::NODES)?.map(|node| read_node(&node)).collect::<Result<_, _>>()?;

    let mut source_info = Vec::new();
    for info in elements(&root, r::SOURCE_INFO)? {
        use sc::source_info as s;
        let mut members = Vec::new();
        for member in elements(&info, s::MEMBERS)? {
            members.push(opt_text(&member, sc::member::DOC_COMMENT, "Member.docComment")?);
        }
        source_info.push(SourceInfo {
            id: info.get::<u64>(s::ID),
            doc_comment: opt_text(&info, s::DOC_COMMENT, "SourceInfo.docComment")?,
            members,
        });
    }

    let mut requested_files = Vec::new();
    for file in elements(&root, r::REQUESTED_FILES)? {
        use sc::requested_file as f;
        let mut imports = Vec::new();
        for import in elements(&file, f::IMPORTS)? {
            imports.push(Import {
                id: import.get::<u64>(sc::import::ID),
                name: text(&import, sc::import::NAME, "Import.name")?,
            });
        }
        requested_files.push(RequestedFile {
            id: file.get::<u64>(f::ID),
            filename: text(&file, f::FILENAME, "RequestedFile.filename")?,
            imports,
        });
    }

    Ok(CodeGeneratorRequest { capnp_version, nodes, source_info, requested_files })
}

/// The struct pointer `index` of `parent` points at; a null pointer reads as the struct with
/// every field at its default.
fn child<'a>(parent: &StructReader<'a>, index: u16) -> Result<StructReader<'a>, Error> {
    Ok(parent.pointer(index).get_struct()?.unwrap_or_default())
}

/// The elements of the struct list pointer `index` of `parent` points at; a null pointer reads
/// as the empty list.
fn elements<'a>(parent: &StructReader<'a>, index: u16) -> Result<StructElements<'a>, Error> {
    Ok(parent.pointer(index).get_list(WireSize::InlineComposite)?.unwrap_or_default().struct_elements())
}

/// The Text pointer `index` of `parent` points at; null reads as `""`.
fn text(parent: &StructReader<'_>, index: u16, what: &'static str) -> Result<String, Error> {
    Ok(opt_text(parent, index, what)?.unwrap_or_default())
}

/// The Text pointer `index` of `parent` points at; `None` when null.
fn opt_text(parent: &StructReader<'_>, index: u16, what: &'static str) -> Result<Option<String>, Error> {
    match parent.pointer(index).get_text()? {
        Some(text) => text.as_str().map(|text| Some(text.to_owned())).map_err(|_| Error::NotUtf8 { what }),
        None => Ok(None),
    }
}

fn read_node(node: &StructReader<'_>) -> Result<Node, Error> {
    use sc::node as n;
    let mut parameters = Vec::new();
    for parameter in elements(node, n::PARAMETERS)? {
        parameters.push(text(&parameter, sc::parameter::NAME, "Node.Parameter.name")?);
    }
    let mut nested_nodes = Vec::new();
    for nested in elements(node, n::NESTED_NODES)? {
        nested_nodes.push(NestedNode {
            name: text(&nested, sc::nested_node::NAME, "NestedNode.name")?,
            id: nested.get::<u64>(sc::nested_node::ID),
        });
    }
    let kind = read_node_kind(node)?;
    Ok(Node {
        id: node.get::<u64>(n::ID),
        display_name: text(node, n::DISPLAY_NAME, "Node.displayName")?,
        display_name_prefix_length: node.get::<u32>(n::DISPLAY_NAME_PREFIX_LENGTH),
        scope_id: node.get::<u64>(n::SCOPE_ID),
        parameters,
        is_generic: node.get_bool(n::IS_GENERIC),
        nested_nodes,
        annotations: read_annotations(node, n::ANNOTATIONS)?,
        kind,
    })
}

/// The member of a node's anonymous union.
fn read_node_kind(node: &StructReader<'_>) -> Result<NodeKind, Error> {
    use sc::node as n;
    Ok(match node.get::<u16>(n::WHICH) {
        n::FILE => NodeKind::File,
        n::STRUCT => {
            use n::structure as s;
            let encoding = node.get::<u16>(s::PREFERRED_LIST_ENCODING);
            NodeKind::Struct(StructNode {
                data_word_count: node.get::<u16>(s::DATA_WORD_COUNT),
                pointer_count: node.get::<u16>(s::POINTER_COUNT),
                preferred_list_encoding: read_element_size(encoding)
                    .ok_or_else(|| not_in_schema("ElementSize", encoding))?,
                is_group: node.get_bool(s::IS_GROUP),
                discriminant_count: node.get::<u16>(s::DISCRIMINANT_COUNT),
                discriminant_offset: node.get::<u32>(s::DISCRIMINANT_OFFSET),
                fields: elements(node, s::FIELDS)?.map(|field| read_field(&field)).collect::<Result<_, _>>()?,
            })
        }
        n::ENUM => {
            use sc::enumerant as e;
            let mut enumerants = Vec::new();
            for enumerant in elements(node, n::enumeration::ENUMERANTS)? {
                enumerants.push(Enumerant {
                    name: text(&enumerant, e::NAME, "Enumerant.name")?,
                    code_order: enumerant.get::<u16>(e::CODE_ORDER),
                    annotations: read_annotations(&enumerant, e::ANNOTATIONS)?,
                });
            }
            NodeKind::Enum(enumerants)
        }
        n::INTERFACE => {
            let mut superclasses = Vec::new();
            for superclass in elements(node, n::interface::SUPERCLASSES)? {
                superclasses.push(Superclass {
                    id: superclass.get::<u64>(sc::superclass::ID),
                    brand: read_brand(&child(&superclass, sc::superclass::BRAND)?)?,
                });
            }
            NodeKind::Interface(InterfaceNode {
                methods: elements(node, n::interface::METHODS)?
                    .map(|method| read_method(&method))
                    .collect::<Result<_, _>>()?,
                superclasses,
            })
        }
        n::CONST => NodeKind::Const {
            ty: read_type(&child(node, n::constant::TYPE)?)?,
            value: read_value(&child(node, n::constant::VALUE)?)?,
        },
        n::ANNOTATION => NodeKind::Annotation {
            ty: read_type(&child(node, n::annotation::TYPE)?)?,
            targets: n::annotation::TARGETS.map(|bit| node.get_bool(bit)),
        },
        other => return Err(not_in_schema("Node", other)),
    })
}

/// The model's element size for the value of an `ElementSize` field.
fn read_element_size(value: u16) -> Option<ElementSize> {
    Some(match value {
        0 => ElementSize::Empty,
        1 => ElementSize::Bit,
        2 => ElementSize::Byte,
        3 => ElementSize::TwoBytes,
        4 => ElementSize::FourBytes,
        5 => ElementSize::EightBytes,
        6 => ElementSize::Pointer,
        7 => ElementSize::InlineComposite,
        _ => return None,
    })
}

fn read_field(field: &StructReader<'_>) -> Result<Field, Error> {
    use sc::field as f;
    let kind = match field.get::<u16>(f::WHICH) {
        f::SLOT => FieldKind::Slot {
            offset: field.get::<u32>(f::slot::OFFSET),
            ty: read_type(&child(field, f::slot::TYPE)?)?,
            default_value: read_value(&child(field, f::slot::DEFAULT_VALUE)?)?,
            had_explicit_default: field.get_bool(f::slot::HAD_EXPLICIT_DEFAULT),
        },
        f::GROUP => FieldKind::Group { type_id: field.get::<u64>(f::group::TYPE_ID) },
        other => return Err(not_in_schema("Field", other)),
    };
    let ordinal = match field.get::<u16>(f::ordinal::WHICH) {
        f::ordinal::IMPLICIT => None,
        f::ordinal::EXPLICIT => Some(field.get::<u16>(f::ordinal::EXPLICIT_VALUE)),
        other => return Err(not_in_schema("Field.ordinal", other)),
    };
    Ok(Field {
        name: text(field, f::NAME, "Field.name")?,
        code_order: field.get::<u16>(f::CODE_ORDER),
        annotations: read_annotations(field, f::ANNOTATIONS)?,
        discriminant_value: field.get_or::<u16>(f::DISCRIMINANT_VALUE, f::DISCRIMINANT_VALUE_DEFAULT),
        kind,
        ordinal,
    })
}

fn read_method(method: &StructReader<'_>) -> Result<Method, Error> {
    use sc::method as m;
    let mut implicit_parameters = Vec::new();
    for parameter in elements(method, m::IMPLICIT_PARAMETERS)? {
        implicit_parameters.push(text(&parameter, sc::parameter::NAME, "Node.Parameter.name")?);
    }
    Ok(Method {
        name: text(method, m::NAME, "Method.name")?,
        code_order: method.get::<u16>(m::CODE_ORDER),
        implicit_parameters,
        param_struct_type: method.get::<u64>(m::PARAM_STRUCT_TYPE),
        param_brand: read_brand(&child(method, m::PARAM_BRAND)?)?,
        result_struct_type: method.get::<u64>(m::RESULT_STRUCT_TYPE),
        result_brand: read_brand(&child(method, m::RESULT_BRAND)?)?,
        annotations: read_annotations(method, m::ANNOTATIONS)?,
    })
}

/// The annotation list pointer `index` of `parent` points at.
fn read_annotations(parent: &StructReader<'_>, index: u16) -> Result<Vec<Annotation>, Error> {
    use sc::annotation as a;
    elements(parent, index)?
        .map(|annotation| {
            Ok(Annotation {
                id: annotation.get::<u64>(a::ID),
                brand: read_brand(&child(&annotation, a::BRAND)?)?,
                value: read_value(&child(&annotation, a::VALUE)?)?,
            })
        })
        .collect()
}

fn read_brand(brand: &StructReader<'_>) -> Result<Brand, Error> {
    use sc::brand_binding as b;
    use sc::brand_scope as s;
    let mut scopes = Vec::new();
    for scope in elements(brand, sc::brand::SCOPES)? {
        let bind = match scope.get::<u16>(s::WHICH) {
            s::INHERIT => None,
            s::BIND => {
                let mut bind = Vec::new();
                for binding in elements(&scope, s::BIND_LIST)? {
                    bind.push(match binding.get::<u16>(b::WHICH) {
                        b::UNBOUND => Binding::Unbound,
                        b::TYPE => Binding::Type(read_type(&child(&binding, b::TYPE_POINTER)?)?),
                        other => return Err(not_in_schema("Brand.Binding", other)),
                    });
                }
                Some(bind)
            }
            other => return Err(not_in_schema("Brand.Scope", other)),
        };
        scopes.push(BrandScope { scope_id: scope.get::<u64>(s::SCOPE_ID), bind });
    }
    Ok(Brand { scopes })
}

fn read_type(ty: &StructReader<'_>) -> Result<Type, Error> {
    use sc::ty as t;
    let brand = || -> Result<Brand, Error> { read_brand(&child(ty, t::BRAND)?) };
    Ok(match ty.get::<u16>(t::WHICH) {
        t::VOID => Type::Void,
        t::BOOL => Type::Bool,
        t::INT8 => Type::Int8,
        t::INT16 => Type::Int16,
        t::INT32 => Type::Int32,
        t::INT64 => Type::Int64,
        t::UINT8 => Type::UInt8,
        t::UINT16 => Type::UInt16,
        t::UINT32 => Type::UInt32,
        t::UINT64 => Type::UInt64,
        t::FLOAT32 => Type::Float32,
        t::FLOAT64 => Type::Float64,
        t::TEXT => Type::Text,
        t::DATA => Type::Data,
        t::LIST => Type::List(Box::new(read_type(&child(ty, t::ELEMENT_TYPE)?)?)),
        t::ENUM => Type::Enum { type_id: ty.get::<u64>(t::TYPE_ID), brand: brand()? },
        t::STRUCT => Type::Struct { type_id: ty.get::<u64>(t::TYPE_ID), brand: brand()? },
        t::INTERFACE => Type::Interface { type_id: ty.get::<u64>(t::TYPE_ID), brand: brand()? },
        t::ANY_POINTER => Type::AnyPointer(read_any_pointer(ty)?),
        other => return Err(not_in_schema("Type", other)),
    })
}

/// The `anyPointer` group of a Type.
fn read_any_pointer(ty: &StructReader<'_>) -> Result<AnyPointer, Error> {
    use sc::ty::any_pointer as p;
    use sc::ty::any_pointer::unconstrained as u;
    Ok(match ty.get::<u16>(p::WHICH) {
        p::UNCONSTRAINED => match ty.get::<u16>(u::WHICH) {
            u::ANY_KIND => AnyPointer::AnyKind,
            u::STRUCT => AnyPointer::Struct,
            u::LIST => AnyPointer::List,
            u::CAPABILITY => AnyPointer::Capability,
            other => return Err(not_in_schema("Type.anyPointer.unconstrained", other)),
        },
        p::PARAMETER => {
            AnyPointer::Parameter { scope_id: ty.get::<u64>(p::SCOPE_ID), index: ty.get::<u16>(p::PARAMETER_INDEX) }
        }
        p::IMPLICIT_METHOD_PARAMETER => {
            AnyPointer::ImplicitMethodParameter { index: ty.get::<u16>(p::PARAMETER_INDEX) }
        }
        other => return Err(not_in_schema("Type.anyPointer", other)),
    })
}

fn read_value(value: &StructReader<'_>) -> Result<Value, Error> {
    use sc::value as v;
    let pointer = value.pointer(v::POINTER);
    Ok(match value.get::<u16>(v::WHICH) {
        v::VOID => Value::Void,
        v::BOOL => Value::Bool(value.get_bool(v::BOOL_BIT)),
        v::INT8 => Value::Int8(value.get::<i8>(v::BYTE)),
        v::INT16 => Value::Int16(value.get::<i16>(v::TWO_BYTES)),
        v::INT32 => Value::Int32(value.get::<i32>(v::FOUR_BYTES)),
        v::INT64 => Value::Int64(value.get::<i64>(v::EIGHT_BYTES)),
        v::UINT8 => Value::UInt8(value.get::<u8>(v::BYTE)),
        v::UINT16 => Value::UInt16(value.get::<u16>(v::TWO_BYTES)),
        v::UINT32 => Value::UInt32(value.get::<u32>(v::FOUR_BYTES)),
        v::UINT64 => Value::UInt64(value.get::<u64>(v::EIGHT_BYTES)),
        v::FLOAT32 => Value::Float32(value.get::<f32>(v::FOUR_BYTES)),
        v::FLOAT64 => Value::Float64(value.get::<f64>(v::EIGHT_BYTES)),
        v::TEXT => Value::Text(opt_text(value, v::POINTER, "Value.text")?),
        v::DATA => Value::Data(pointer.get_data()?.map(<[u8]>::to_vec)),
        v::LIST => Value::List(canonical_value(pointer)?),
        v::ENUM => Value::Enum(value.get::<u16>(v::TWO_BYTES)),
        v::STRUCT => Value::Struct(canonical_value(pointer)?),
        v::INTERFACE => Value::Interface,
        v::ANY_POINTER => Value::AnyPointer(canonical_value(pointer)?),
        other => return Err(not_in_schema("Value", other)),
    })
}

/// The canonical encoding of a pointer value: one flat segment, root pointer first.
fn canonical_value(pointer: PointerReader<'_>) -> Result<Option<Vec<u8>>, Error> {
    if pointer.is_null() {
        return Ok(None);
    }
    Ok(Some(canonicalize(pointer)?))
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes a CodeGeneratorRequest as one canonical message in the standard stream framing.
///
/// # Panics
///
/// If [`try_write`] fails: a struct, list or AnyPointer value whose bytes are not an encoded
/// value (see the [module documentation](self)), or a list longer than 2^29 - 1 elements.
pub fn write(request: &CodeGeneratorRequest) -> Vec<u8> {
    match try_write(request) {
        Ok(bytes) => bytes,
        Err(error) => panic!("cannot write the CodeGeneratorRequest: {error}"),
    }
}

/// Writes a CodeGeneratorRequest as one canonical message in the standard stream framing, or
/// says why it cannot (see [`write()`]).
pub fn try_write(request: &CodeGeneratorRequest) -> Result<Vec<u8>, Error> {
    use sc::request as r;
    let kinds: HashMap<u64, &NodeKind> = request.nodes.iter().map(|node| (node.id, &node.kind)).collect();
    let mut message = MessageBuilder::default();
    {
        let mut root = message.init_root(r::DATA_WORDS, r::POINTERS);

        let mut version = pointer(&mut root, r::CAPNP_VERSION)?
            .init_struct(sc::capnp_version::DATA_WORDS, sc::capnp_version::POINTERS);
        let (major, minor, micro) = request.capnp_version;
        version.set::<u16>(sc::capnp_version::MAJOR, major);
        version.set::<u8>(sc::capnp_version::MINOR, minor);
        version.set::<u8>(sc::capnp_version::MICRO, micro);

        let shape = (sc::node::DATA_WORDS, sc::node::POINTERS);
        let mut nodes = init_list(&mut root, r::NODES, request.nodes.len(), shape, "nodes")?;
        for (i, node) in request.nodes.iter().enumerate() {
            write_node(node, nodes.get_struct(i as u32)?)?;
        }

        let shape = (sc::source_info::DATA_WORDS, sc::source_info::POINTERS);
        let mut infos = init_list(&mut root, r::SOURCE_INFO, request.source_info.len(), shape, "sourceInfo")?;
        for (i, info) in request.source_info.iter().enumerate() {
            use sc::source_info as s;
            let mut builder = infos.get_struct(i as u32)?;
            builder.set::<u64>(s::ID, info.id);
            if let Some(doc) = &info.doc_comment {
                set_text(&mut builder, s::DOC_COMMENT, doc)?;
            }
            let always_listed = matches!(kinds.get(&info.id), Some(NodeKind::Enum(_) | NodeKind::Interface(_)));
            if always_listed || !info.members.is_empty() {
                let shape = (sc::member::DATA_WORDS, sc::member::POINTERS);
                let mut members = init_list(&mut builder, s::MEMBERS, info.members.len(), shape, "SourceInfo.members")?;
                for (j, doc) in info.members.iter().enumerate() {
                    if let Some(doc) = doc {
                        set_text(&mut members.get_struct(j as u32)?, sc::member::DOC_COMMENT, doc)?;
                    }
                }
            }
        }

        let shape = (sc::requested_file::DATA_WORDS, sc::requested_file::POINTERS);
        let len = request.requested_files.len();
        let mut files = init_list(&mut root, r::REQUESTED_FILES, len, shape, "requestedFiles")?;
        for (i, file) in request.requested_files.iter().enumerate() {
            use sc::requested_file as f;
            let mut builder = files.get_struct(i as u32)?;
            builder.set::<u64>(f::ID, file.id);
            set_text(&mut builder, f::FILENAME, &file.filename)?;
            let shape = (sc::import::DATA_WORDS, sc::import::POINTERS);
            let mut imports = init_list(&mut builder, f::IMPORTS, file.imports.len(), shape, "RequestedFile.imports")?;
            for (j, import) in file.imports.iter().enumerate() {
                let mut builder = imports.get_struct(j as u32)?;
                builder.set::<u64>(sc::import::ID, import.id);
                set_text(&mut builder, sc::import::NAME, &import.name)?;
            }
        }
    }
    let reader = message.as_reader();
    let canonical = canonicalize(reader.root()).map_err(|error| match error.kind() {
        // Only a pointer value of the model can bring a capability into the message.
        ErrorKind::CapabilityNotCanonical => Error::BadValue(error.to_string()),
        _ => Error::from(error),
    })?;
    Ok(frame_segments(&[&canonical]))
}

/// The most elements a Cap'n Proto list can hold.
const MAX_LIST_LEN: usize = MAX_LIST_ELEMENTS as usize;

fn count(len: usize, what: &'static str) -> Result<u32, Error> {
    if len > MAX_LIST_LEN {
        return Err(Error::TooLong { what, len });
    }
    Ok(len as u32)
}

/// A struct's section sizes: data words and pointers.
type Shape = (u16, u16);

/// Pointer `index` of `parent`. The indices come from [`sc`], within the sizes the structs are
/// made with, so the error is for a mistake in those tables.
fn pointer<'b>(parent: &'b mut StructBuilder<'_>, index: u16) -> Result<PointerBuilder<'b>, Error> {
    let count = parent.pointer_count();
    parent
        .pointer(index)
        .ok_or_else(|| Error::Message(format!("pointer {index} past the {count} pointers of its struct")))
}

/// Points pointer `index` of `parent` at a new struct of `shape`.
fn init_struct<'b>(parent: &'b mut StructBuilder<'_>, index: u16, shape: Shape) -> Result<StructBuilder<'b>, Error> {
    Ok(pointer(parent, index)?.init_struct(shape.0, shape.1))
}

/// Points pointer `index` of `parent` at a new list of `len` structs of `shape`.
fn init_list<'b>(
    parent: &'b mut StructBuilder<'_>,
    index: u16,
    len: usize,
    shape: Shape,
    what: &'static str,
) -> Result<ListBuilder<'b>, Error> {
    let len = count(len, what)?;
    Ok(pointer(parent, index)?.init_struct_list(len, shape.0, shape.1)?)
}

/// Points pointer `index` of `parent` at a copy of `text`.
fn set_text(parent: &mut StructBuilder<'_>, index: u16, text: &str) -> Result<(), Error> {
    Ok(pointer(parent, index)?.set_text(text)?)
}

fn write_node(node: &Node, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::node as n;
    builder.set::<u64>(n::ID, node.id);
    set_text(&mut builder, n::DISPLAY_NAME, &node.display_name)?;
    builder.set::<u32>(n::DISPLAY_NAME_PREFIX_LENGTH, node.display_name_prefix_length);
    builder.set::<u64>(n::SCOPE_ID, node.scope_id);
    if !node.parameters.is_empty() {
        let shape = (sc::parameter::DATA_WORDS, sc::parameter::POINTERS);
        let mut parameters = init_list(&mut builder, n::PARAMETERS, node.parameters.len(), shape, "Node.parameters")?;
        for (i, name) in node.parameters.iter().enumerate() {
            set_text(&mut parameters.get_struct(i as u32)?, sc::parameter::NAME, name)?;
        }
    }
    builder.set_bool(n::IS_GENERIC, node.is_generic);

    // The compiler gives every declared node a nested-node list; groups and method parameter
    // and result structs, which it makes itself, get none.
    let made_by_compiler = matches!(&node.kind, NodeKind::Struct(st) if st.is_group || node.scope_id == 0);
    if !made_by_compiler || !node.nested_nodes.is_empty() {
        let shape = (sc::nested_node::DATA_WORDS, sc::nested_node::POINTERS);
        let len = node.nested_nodes.len();
        let mut nested = init_list(&mut builder, n::NESTED_NODES, len, shape, "Node.nestedNodes")?;
        for (i, child) in node.nested_nodes.iter().enumerate() {
            let mut builder = nested.get_struct(i as u32)?;
            set_text(&mut builder, sc::nested_node::NAME, &child.name)?;
            builder.set::<u64>(sc::nested_node::ID, child.id);
        }
    }
    if !node.annotations.is_empty() {
        write_annotations(&node.annotations, &mut builder, n::ANNOTATIONS, "Node.annotations")?;
    }
    write_node_kind(&node.kind, builder)
}

/// The member of a node's anonymous union.
fn write_node_kind(kind: &NodeKind, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::node as n;
    match kind {
        NodeKind::File => builder.set::<u16>(n::WHICH, n::FILE),
        NodeKind::Struct(st) => {
            use n::structure as s;
            builder.set::<u16>(n::WHICH, n::STRUCT);
            builder.set::<u16>(s::DATA_WORD_COUNT, st.data_word_count);
            builder.set::<u16>(s::POINTER_COUNT, st.pointer_count);
            builder.set::<u16>(s::PREFERRED_LIST_ENCODING, write_element_size(st.preferred_list_encoding));
            builder.set_bool(s::IS_GROUP, st.is_group);
            builder.set::<u16>(s::DISCRIMINANT_COUNT, st.discriminant_count);
            builder.set::<u32>(s::DISCRIMINANT_OFFSET, st.discriminant_offset);
            if !st.fields.is_empty() {
                let shape = (sc::field::DATA_WORDS, sc::field::POINTERS);
                let mut fields = init_list(&mut builder, s::FIELDS, st.fields.len(), shape, "Node.struct.fields")?;
                for (i, field) in st.fields.iter().enumerate() {
                    write_field(field, fields.get_struct(i as u32)?)?;
                }
            }
        }
        NodeKind::Enum(enumerants) => {
            use sc::enumerant as e;
            builder.set::<u16>(n::WHICH, n::ENUM);
            let shape = (e::DATA_WORDS, e::POINTERS);
            let len = enumerants.len();
            let mut list = init_list(&mut builder, n::enumeration::ENUMERANTS, len, shape, "Node.enum.enumerants")?;
            for (i, enumerant) in enumerants.iter().enumerate() {
                let mut builder = list.get_struct(i as u32)?;
                set_text(&mut builder, e::NAME, &enumerant.name)?;
                builder.set::<u16>(e::CODE_ORDER, enumerant.code_order);
                if !enumerant.annotations.is_empty() {
                    write_annotations(&enumerant.annotations, &mut builder, e::ANNOTATIONS, "Enumerant.annotations")?;
                }
            }
        }
        NodeKind::Interface(interface) => {
            use n::interface as i;
            builder.set::<u16>(n::WHICH, n::INTERFACE);
            let shape = (sc::method::DATA_WORDS, sc::method::POINTERS);
            let len = interface.methods.len();
            let mut methods = init_list(&mut builder, i::METHODS, len, shape, "Node.interface.methods")?;
            for (j, method) in interface.methods.iter().enumerate() {
                write_method(method, methods.get_struct(j as u32)?)?;
            }
            let shape = (sc::superclass::DATA_WORDS, sc::superclass::POINTERS);
            let len = interface.superclasses.len();
            let mut superclasses = init_list(&mut builder, i::SUPERCLASSES, len, shape, "Node.interface.superclasses")?;
            for (j, superclass) in interface.superclasses.iter().enumerate() {
                let mut builder = superclasses.get_struct(j as u32)?;
                builder.set::<u64>(sc::superclass::ID, superclass.id);
                write_optional_brand(&superclass.brand, &mut builder, sc::superclass::BRAND)?;
            }
        }
        NodeKind::Const { ty, value } => {
            builder.set::<u16>(n::WHICH, n::CONST);
            write_type(ty, init_struct(&mut builder, n::constant::TYPE, (sc::ty::DATA_WORDS, sc::ty::POINTERS))?)?;
            let shape = (sc::value::DATA_WORDS, sc::value::POINTERS);
            write_value(value, init_struct(&mut builder, n::constant::VALUE, shape)?)?;
        }
        NodeKind::Annotation { ty, targets } => {
            builder.set::<u16>(n::WHICH, n::ANNOTATION);
            let shape = (sc::ty::DATA_WORDS, sc::ty::POINTERS);
            write_type(ty, init_struct(&mut builder, n::annotation::TYPE, shape)?)?;
            for (&bit, &target) in n::annotation::TARGETS.iter().zip(targets) {
                builder.set_bool(bit, target);
            }
        }
    }
    Ok(())
}

/// The value of an `ElementSize` field for the model's element size.
fn write_element_size(size: ElementSize) -> u16 {
    match size {
        ElementSize::Empty => 0,
        ElementSize::Bit => 1,
        ElementSize::Byte => 2,
        ElementSize::TwoBytes => 3,
        ElementSize::FourBytes => 4,
        ElementSize::EightBytes => 5,
        ElementSize::Pointer => 6,
        ElementSize::InlineComposite => 7,
    }
}

fn write_field(field: &Field, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::field as f;
    set_text(&mut builder, f::NAME, &field.name)?;
    builder.set::<u16>(f::CODE_ORDER, field.code_order);
    if !field.annotations.is_empty() {
        write_annotations(&field.annotations, &mut builder, f::ANNOTATIONS, "Field.annotations")?;
    }
    builder.set_or::<u16>(f::DISCRIMINANT_VALUE, field.discriminant_value, f::DISCRIMINANT_VALUE_DEFAULT);
    match field.ordinal {
        None => builder.set::<u16>(f::ordinal::WHICH, f::ordinal::IMPLICIT),
        Some(ordinal) => {
            builder.set::<u16>(f::ordinal::WHICH, f::ordinal::EXPLICIT);
            builder.set::<u16>(f::ordinal::EXPLICIT_VALUE, ordinal);
        }
    }
    match &field.kind {
        FieldKind::Slot { offset, ty, default_value, had_explicit_default } => {
            builder.set::<u16>(f::WHICH, f::SLOT);
            builder.set::<u32>(f::slot::OFFSET, *offset);
            builder.set_bool(f::slot::HAD_EXPLICIT_DEFAULT, *had_explicit_default);
            write_type(ty, init_struct(&mut builder, f::slot::TYPE, (sc::ty::DATA_WORDS, sc::ty::POINTERS))?)?;
            let shape = (sc::value::DATA_WORDS, sc::value::POINTERS);
            write_value(default_value, init_struct(&mut builder, f::slot::DEFAULT_VALUE, shape)?)?;
        }
        FieldKind::Group { type_id } => {
            builder.set::<u16>(f::WHICH, f::GROUP);
            builder.set::<u64>(f::group::TYPE_ID, *type_id);
        }
    }
    Ok(())
}

fn write_method(method: &Method, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::method as m;
    set_text(&mut builder, m::NAME, &method.name)?;
    builder.set::<u16>(m::CODE_ORDER, method.code_order);
    let shape = (sc::parameter::DATA_WORDS, sc::parameter::POINTERS);
    let len = method.implicit_parameters.len();
    let mut implicit = init_list(&mut builder, m::IMPLICIT_PARAMETERS, len, shape, "Method.implicitParameters")?;
    for (i, name) in method.implicit_parameters.iter().enumerate() {
        set_text(&mut implicit.get_struct(i as u32)?, sc::parameter::NAME, name)?;
    }
    builder.set::<u64>(m::PARAM_STRUCT_TYPE, method.param_struct_type);
    write_optional_brand(&method.param_brand, &mut builder, m::PARAM_BRAND)?;
    builder.set::<u64>(m::RESULT_STRUCT_TYPE, method.result_struct_type);
    write_optional_brand(&method.result_brand, &mut builder, m::RESULT_BRAND)?;
    if !method.annotations.is_empty() {
        write_annotations(&method.annotations, &mut builder, m::ANNOTATIONS, "Method.annotations")?;
    }
    Ok(())
}

/// Points pointer `index` of `parent` at a list of `annotations`.
fn write_annotations(
    annotations: &[Annotation],
    parent: &mut StructBuilder<'_>,
    index: u16,
    what: &'static str,
) -> Result<(), Error> {
    use sc::annotation as a;
    let mut list = init_list(parent, index, annotations.len(), (a::DATA_WORDS, a::POINTERS), what)?;
    for (i, annotation) in annotations.iter().enumerate() {
        let mut builder = list.get_struct(i as u32)?;
        builder.set::<u64>(a::ID, annotation.id);
        // An annotation's brand is always there, with no scopes when it has none.
        write_brand(
            &annotation.brand,
            init_struct(&mut builder, a::BRAND, (sc::brand::DATA_WORDS, sc::brand::POINTERS))?,
        )?;
        write_value(
            &annotation.value,
            init_struct(&mut builder, a::VALUE, (sc::value::DATA_WORDS, sc::value::POINTERS))?,
        )?;
    }
    Ok(())
}

/// Points pointer `index` of `parent` at `brand`, or leaves it null when the brand has no scopes.
fn write_optional_brand(brand: &Brand, parent: &mut StructBuilder<'_>, index: u16) -> Result<(), Error> {
    if brand.scopes.is_empty() {
        return Ok(());
    }
    write_brand(brand, init_struct(parent, index, (sc::brand::DATA_WORDS, sc::brand::POINTERS))?)
}

fn write_brand(brand: &Brand, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::brand_binding as b;
    use sc::brand_scope as s;
    if brand.scopes.is_empty() {
        return Ok(());
    }
    let shape = (s::DATA_WORDS, s::POINTERS);
    let mut scopes = init_list(&mut builder, sc::brand::SCOPES, brand.scopes.len(), shape, "Brand.scopes")?;
    for (i, scope) in brand.scopes.iter().enumerate() {
        let mut builder = scopes.get_struct(i as u32)?;
        builder.set::<u64>(s::SCOPE_ID, scope.scope_id);
        match &scope.bind {
            None => builder.set::<u16>(s::WHICH, s::INHERIT),
            Some(bindings) => {
                builder.set::<u16>(s::WHICH, s::BIND);
                let shape = (b::DATA_WORDS, b::POINTERS);
                let mut list = init_list(&mut builder, s::BIND_LIST, bindings.len(), shape, "Brand.Scope.bind")?;
                for (j, binding) in bindings.iter().enumerate() {
                    let mut builder = list.get_struct(j as u32)?;
                    match binding {
                        Binding::Unbound => builder.set::<u16>(b::WHICH, b::UNBOUND),
                        Binding::Type(ty) => {
                            builder.set::<u16>(b::WHICH, b::TYPE);
                            let shape = (sc::ty::DATA_WORDS, sc::ty::POINTERS);
                            write_type(ty, init_struct(&mut builder, b::TYPE_POINTER, shape)?)?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn write_type(ty: &Type, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::ty as t;
    let (which, branded) = match ty {
        Type::Void => (t::VOID, None),
        Type::Bool => (t::BOOL, None),
        Type::Int8 => (t::INT8, None),
        Type::Int16 => (t::INT16, None),
        Type::Int32 => (t::INT32, None),
        Type::Int64 => (t::INT64, None),
        Type::UInt8 => (t::UINT8, None),
        Type::UInt16 => (t::UINT16, None),
        Type::UInt32 => (t::UINT32, None),
        Type::UInt64 => (t::UINT64, None),
        Type::Float32 => (t::FLOAT32, None),
        Type::Float64 => (t::FLOAT64, None),
        Type::Text => (t::TEXT, None),
        Type::Data => (t::DATA, None),
        Type::List(element) => {
            builder.set::<u16>(t::WHICH, t::LIST);
            return write_type(element, init_struct(&mut builder, t::ELEMENT_TYPE, (t::DATA_WORDS, t::POINTERS))?);
        }
        Type::Enum { type_id, brand } => (t::ENUM, Some((*type_id, brand))),
        Type::Struct { type_id, brand } => (t::STRUCT, Some((*type_id, brand))),
        Type::Interface { type_id, brand } => (t::INTERFACE, Some((*type_id, brand))),
        Type::AnyPointer(any) => {
            builder.set::<u16>(t::WHICH, t::ANY_POINTER);
            write_any_pointer(any, &mut builder);
            return Ok(());
        }
    };
    builder.set::<u16>(t::WHICH, which);
    if let Some((type_id, brand)) = branded {
        builder.set::<u64>(t::TYPE_ID, type_id);
        write_optional_brand(brand, &mut builder, t::BRAND)?;
    }
    Ok(())
}

/// The `anyPointer` group of a Type.
fn write_any_pointer(any: &AnyPointer, builder: &mut StructBuilder<'_>) {
    use sc::ty::any_pointer as p;
    use sc::ty::any_pointer::unconstrained as u;
    let unconstrained = match any {
        AnyPointer::AnyKind => u::ANY_KIND,
        AnyPointer::Struct => u::STRUCT,
        AnyPointer::List => u::LIST,
        AnyPointer::Capability => u::CAPABILITY,
        AnyPointer::Parameter { scope_id, index } => {
            builder.set::<u16>(p::WHICH, p::PARAMETER);
            builder.set::<u64>(p::SCOPE_ID, *scope_id);
            builder.set::<u16>(p::PARAMETER_INDEX, *index);
            return;
        }
        AnyPointer::ImplicitMethodParameter { index } => {
            builder.set::<u16>(p::WHICH, p::IMPLICIT_METHOD_PARAMETER);
            builder.set::<u16>(p::PARAMETER_INDEX, *index);
            return;
        }
    };
    builder.set::<u16>(p::WHICH, p::UNCONSTRAINED);
    builder.set::<u16>(u::WHICH, unconstrained);
}

fn write_value(value: &Value, mut builder: StructBuilder<'_>) -> Result<(), Error> {
    use sc::value as v;
    let which = match value {
        Value::Void => v::VOID,
        Value::Bool(b) => {
            builder.set_bool(v::BOOL_BIT, *b);
            v::BOOL
        }
        Value::Int8(n) => {
            builder.set::<i8>(v::BYTE, *n);
            v::INT8
        }
        Value::Int16(n) => {
            builder.set::<i16>(v::TWO_BYTES, *n);
            v::INT16
        }
        Value::Int32(n) => {
            builder.set::<i32>(v::FOUR_BYTES, *n);
            v::INT32
        }
        Value::Int64(n) => {
            builder.set::<i64>(v::EIGHT_BYTES, *n);
            v::INT64
        }
        Value::UInt8(n) => {
            builder.set::<u8>(v::BYTE, *n);
            v::UINT8
        }
        Value::UInt16(n) => {
            builder.set::<u16>(v::TWO_BYTES, *n);
            v::UINT16
        }
        Value::UInt32(n) => {
            builder.set::<u32>(v::FOUR_BYTES, *n);
            v::UINT32
        }
        Value::UInt64(n) => {
            builder.set::<u64>(v::EIGHT_BYTES, *n);
            v::UINT64
        }
        Value::Float32(x) => {
            builder.set::<f32>(v::FOUR_BYTES, *x);
            v::FLOAT32
        }
        Value::Float64(x) => {
            builder.set::<f64>(v::EIGHT_BYTES, *x);
            v::FLOAT64
        }
        // A null Text or Data leaves the pointer null.
        Value::Text(text) => {
            if let Some(text) = text {
                set_text(&mut builder, v::POINTER, text)?;
            }
            v::TEXT
        }
        Value::Data(data) => {
            if let Some(data) = data {
                pointer(&mut builder, v::POINTER)?.set_data(data)?;
            }
            v::DATA
        }
        Value::List(bytes) => {
            copy_value(bytes.as_deref(), pointer(&mut builder, v::POINTER)?)?;
            v::LIST
        }
        Value::Enum(n) => {
            builder.set::<u16>(v::TWO_BYTES, *n);
            v::ENUM
        }
        Value::Struct(bytes) => {
            copy_value(bytes.as_deref(), pointer(&mut builder, v::POINTER)?)?;
            v::STRUCT
        }
        Value::Interface => v::INTERFACE,
        Value::AnyPointer(bytes) => {
            copy_value(bytes.as_deref(), pointer(&mut builder, v::POINTER)?)?;
            v::ANY_POINTER
        }
    };
    builder.set::<u16>(v::WHICH, which);
    Ok(())
}

/// Copies a value held as a flat segment (root pointer first) into `target`; `None` leaves it
/// null.
fn copy_value(bytes: Option<&[u8]>, target: PointerBuilder<'_>) -> Result<(), Error> {
    let Some(bytes) = bytes else { return Ok(()) };
    if bytes.is_empty() || bytes.len() % BYTES_PER_WORD != 0 {
        return Err(Error::BadValue(format!("{} bytes is not a whole number of words", bytes.len())));
    }
    // The runtime reads segments at any alignment, so the bytes are read where they are.
    let source = MessageReader::from_flat(bytes, READER_OPTIONS).map_err(|e| Error::BadValue(e.to_string()))?;
    target.set_copy_of(source.root()).map_err(|e| Error::BadValue(e.to_string()))
}
