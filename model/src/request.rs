//! The CodeGeneratorRequest: the message a schema compiler hands to a code generator, read into
//! the [schema model](crate::model) and written back out of it.
//!
//! [`read()`] takes what `capnp compile -o-` prints (one message in the standard stream framing)
//! and [`write()`] makes one with the `capnp` crate's builders for `schema.capnp`. Both follow
//! `schema.capnp` of Cap'n Proto 0.9.2 field for field.
//!
//! # Choices
//!
//! - **Pointer values.** A struct, list or AnyPointer [`Value`] is held in the model as the
//!   *canonical* encoding of that value: one flat segment, without a segment table, whose first
//!   word is the root pointer (what `capnp::message::Reader::canonicalize` returns for a message
//!   whose root is the value). [`read()`] canonicalizes each value it finds, so equal values have
//!   equal bytes; [`write()`] accepts any flat single segment laid out that way and copies the value
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
//! - **Canonical output.** [`write()`] builds the message with the `capnp` crate's builders and
//!   then writes its canonical form (one segment, objects in pointer order, trailing zero words
//!   and null pointers of each struct cut) in the standard framing. Equal models therefore give
//!   equal bytes, and `write(&read(x)?)` is byte for byte the canonical form of `x` when `x` came
//!   from `capnp compile` 0.9.2.
//! - **Limits.** [`read()`] reads with the official code generators' limits: a traversal limit of
//!   2^30 words and a nesting limit of 64.

use std::collections::HashMap;
use std::fmt;

use capnp::message::{self, ReaderOptions};
use capnp::schema_capnp as sc;
use capnp::{any_pointer, struct_list, Word};

use crate::model::{
    Annotation, AnyPointer, Binding, Brand, BrandScope, ElementSize, Enumerant, Field, FieldKind, InterfaceNode,
    Method, NestedNode, Node, NodeKind, SourceInfo, StructNode, Superclass, Type, Value,
};

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
    /// Not a valid Cap'n Proto message (framing, pointers, limits), in the `capnp` crate's words.
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

impl From<capnp::Error> for Error {
    fn from(error: capnp::Error) -> Error {
        Error::Message(error.to_string())
    }
}

fn not_in_schema(what: &'static str) -> impl Fn(capnp::NotInSchema) -> Error {
    move |capnp::NotInSchema(value)| Error::NotInSchema { what, value }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// The official code generators' traversal limit (`capnpc-c++` reads with 2^30 words).
const TRAVERSAL_LIMIT_WORDS: usize = 1 << 30;

/// Reads a CodeGeneratorRequest from one message in the standard stream framing (what
/// `capnp compile -o-` writes). The input must hold exactly that message.
pub fn read(bytes: &[u8]) -> Result<CodeGeneratorRequest, Error> {
    let options = ReaderOptions { traversal_limit_in_words: Some(TRAVERSAL_LIMIT_WORDS), nesting_limit: 64 };
    let mut rest = bytes;
    let message = capnp::serialize::read_message(&mut rest, options)?;
    if !rest.is_empty() {
        return Err(Error::TrailingBytes { count: rest.len() });
    }
    let root: sc::code_generator_request::Reader<'_> = message.get_root()?;

    let version = root.get_capnp_version()?;
    let capnp_version = (version.get_major(), version.get_minor(), version.get_micro());

    let nodes = root.get_nodes()?.iter().map(read_node).collect::<Result<_, _>>()?;

    let mut source_info = Vec::new();
    for info in root.get_source_info()? {
        let mut members = Vec::new();
        for member in info.get_members()? {
            members.push(opt_text(member.has_doc_comment(), member.get_doc_comment(), "Member.docComment")?);
        }
        source_info.push(SourceInfo {
            id: info.get_id(),
            doc_comment: opt_text(info.has_doc_comment(), info.get_doc_comment(), "SourceInfo.docComment")?,
            members,
        });
    }

    let mut requested_files = Vec::new();
    for file in root.get_requested_files()? {
        let mut imports = Vec::new();
        for import in file.get_imports()? {
            imports.push(Import { id: import.get_id(), name: text(import.get_name(), "Import.name")? });
        }
        requested_files.push(RequestedFile {
            id: file.get_id(),
            filename: text(file.get_filename(), "RequestedFile.filename")?,
            imports,
        });
    }

    Ok(CodeGeneratorRequest { capnp_version, nodes, source_info, requested_files })
}

fn text(reader: capnp::Result<capnp::text::Reader<'_>>, what: &'static str) -> Result<String, Error> {
    reader?.to_string().map_err(|_| Error::NotUtf8 { what })
}

fn opt_text(
    has: bool,
    reader: capnp::Result<capnp::text::Reader<'_>>,
    what: &'static str,
) -> Result<Option<String>, Error> {
    if has {
        text(reader, what).map(Some)
    } else {
        Ok(None)
    }
}

fn read_node(node: sc::node::Reader<'_>) -> Result<Node, Error> {
    let mut parameters = Vec::new();
    for parameter in node.get_parameters()? {
        parameters.push(text(parameter.get_name(), "Node.Parameter.name")?);
    }
    let mut nested_nodes = Vec::new();
    for nested in node.get_nested_nodes()? {
        nested_nodes.push(NestedNode { name: text(nested.get_name(), "NestedNode.name")?, id: nested.get_id() });
    }
    let kind = match node.which().map_err(not_in_schema("Node"))? {
        sc::node::File(()) => NodeKind::File,
        sc::node::Struct(st) => NodeKind::Struct(StructNode {
            data_word_count: st.get_data_word_count(),
            pointer_count: st.get_pointer_count(),
            preferred_list_encoding: read_element_size(
                st.get_preferred_list_encoding().map_err(not_in_schema("ElementSize"))?,
            ),
            is_group: st.get_is_group(),
            discriminant_count: st.get_discriminant_count(),
            discriminant_offset: st.get_discriminant_offset(),
            fields: st.get_fields()?.iter().map(read_field).collect::<Result<_, _>>()?,
        }),
        sc::node::Enum(en) => {
            let mut enumerants = Vec::new();
            for enumerant in en.get_enumerants()? {
                enumerants.push(Enumerant {
                    name: text(enumerant.get_name(), "Enumerant.name")?,
                    code_order: enumerant.get_code_order(),
                    annotations: read_annotations(enumerant.get_annotations()?)?,
                });
            }
            NodeKind::Enum(enumerants)
        }
        sc::node::Interface(interface) => {
            let mut superclasses = Vec::new();
            for superclass in interface.get_superclasses()? {
                superclasses.push(Superclass { id: superclass.get_id(), brand: read_brand(superclass.get_brand()?)? });
            }
            NodeKind::Interface(InterfaceNode {
                methods: interface.get_methods()?.iter().map(read_method).collect::<Result<_, _>>()?,
                superclasses,
            })
        }
        sc::node::Const(constant) => {
            NodeKind::Const { ty: read_type(constant.get_type()?)?, value: read_value(constant.get_value()?)? }
        }
        sc::node::Annotation(annotation) => NodeKind::Annotation {
            ty: read_type(annotation.get_type()?)?,
            targets: [
                annotation.get_targets_file(),
                annotation.get_targets_const(),
                annotation.get_targets_enum(),
                annotation.get_targets_enumerant(),
                annotation.get_targets_struct(),
                annotation.get_targets_field(),
                annotation.get_targets_union(),
                annotation.get_targets_group(),
                annotation.get_targets_interface(),
                annotation.get_targets_method(),
                annotation.get_targets_param(),
                annotation.get_targets_annotation(),
            ],
        },
    };
    Ok(Node {
        id: node.get_id(),
        display_name: text(node.get_display_name(), "Node.displayName")?,
        display_name_prefix_length: node.get_display_name_prefix_length(),
        scope_id: node.get_scope_id(),
        parameters,
        is_generic: node.get_is_generic(),
        nested_nodes,
        annotations: read_annotations(node.get_annotations()?)?,
        kind,
    })
}

fn read_element_size(size: sc::ElementSize) -> ElementSize {
    match size {
        sc::ElementSize::Empty => ElementSize::Empty,
        sc::ElementSize::Bit => ElementSize::Bit,
        sc::ElementSize::Byte => ElementSize::Byte,
        sc::ElementSize::TwoBytes => ElementSize::TwoBytes,
        sc::ElementSize::FourBytes => ElementSize::FourBytes,
        sc::ElementSize::EightBytes => ElementSize::EightBytes,
        sc::ElementSize::Pointer => ElementSize::Pointer,
        sc::ElementSize::InlineComposite => ElementSize::InlineComposite,
    }
}

fn read_field(field: sc::field::Reader<'_>) -> Result<Field, Error> {
    let kind = match field.which().map_err(not_in_schema("Field"))? {
        sc::field::Slot(slot) => FieldKind::Slot {
            offset: slot.get_offset(),
            ty: read_type(slot.get_type()?)?,
            default_value: read_value(slot.get_default_value()?)?,
            had_explicit_default: slot.get_had_explicit_default(),
        },
        sc::field::Group(group) => FieldKind::Group { type_id: group.get_type_id() },
    };
    let ordinal = match field.get_ordinal().which().map_err(not_in_schema("Field.ordinal"))? {
        sc::field::ordinal::Implicit(()) => None,
        sc::field::ordinal::Explicit(ordinal) => Some(ordinal),
    };
    Ok(Field {
        name: text(field.get_name(), "Field.name")?,
        code_order: field.get_code_order(),
        annotations: read_annotations(field.get_annotations()?)?,
        discriminant_value: field.get_discriminant_value(),
        kind,
        ordinal,
    })
}

fn read_method(method: sc::method::Reader<'_>) -> Result<Method, Error> {
    let mut implicit_parameters = Vec::new();
    for parameter in method.get_implicit_parameters()? {
        implicit_parameters.push(text(parameter.get_name(), "Node.Parameter.name")?);
    }
    Ok(Method {
        name: text(method.get_name(), "Method.name")?,
        code_order: method.get_code_order(),
        implicit_parameters,
        param_struct_type: method.get_param_struct_type(),
        param_brand: read_brand(method.get_param_brand()?)?,
        result_struct_type: method.get_result_struct_type(),
        result_brand: read_brand(method.get_result_brand()?)?,
        annotations: read_annotations(method.get_annotations()?)?,
    })
}

fn read_annotations(annotations: struct_list::Reader<'_, sc::annotation::Owned>) -> Result<Vec<Annotation>, Error> {
    annotations
        .iter()
        .map(|annotation| {
            Ok(Annotation {
                id: annotation.get_id(),
                brand: read_brand(annotation.get_brand()?)?,
                value: read_value(annotation.get_value()?)?,
            })
        })
        .collect()
}

fn read_brand(brand: sc::brand::Reader<'_>) -> Result<Brand, Error> {
    let mut scopes = Vec::new();
    for scope in brand.get_scopes()? {
        let bind = match scope.which().map_err(not_in_schema("Brand.Scope"))? {
            sc::brand::scope::Inherit(()) => None,
            sc::brand::scope::Bind(bindings) => {
                let mut bind = Vec::new();
                for binding in bindings? {
                    bind.push(match binding.which().map_err(not_in_schema("Brand.Binding"))? {
                        sc::brand::binding::Unbound(()) => Binding::Unbound,
                        sc::brand::binding::Type(ty) => Binding::Type(read_type(ty?)?),
                    });
                }
                Some(bind)
            }
        };
        scopes.push(BrandScope { scope_id: scope.get_scope_id(), bind });
    }
    Ok(Brand { scopes })
}

fn read_type(ty: sc::type_::Reader<'_>) -> Result<Type, Error> {
    use sc::type_ as t;
    Ok(match ty.which().map_err(not_in_schema("Type"))? {
        t::Void(()) => Type::Void,
        t::Bool(()) => Type::Bool,
        t::Int8(()) => Type::Int8,
        t::Int16(()) => Type::Int16,
        t::Int32(()) => Type::Int32,
        t::Int64(()) => Type::Int64,
        t::Uint8(()) => Type::UInt8,
        t::Uint16(()) => Type::UInt16,
        t::Uint32(()) => Type::UInt32,
        t::Uint64(()) => Type::UInt64,
        t::Float32(()) => Type::Float32,
        t::Float64(()) => Type::Float64,
        t::Text(()) => Type::Text,
        t::Data(()) => Type::Data,
        t::List(list) => Type::List(Box::new(read_type(list.get_element_type()?)?)),
        t::Enum(en) => Type::Enum { type_id: en.get_type_id(), brand: read_brand(en.get_brand()?)? },
        t::Struct(st) => Type::Struct { type_id: st.get_type_id(), brand: read_brand(st.get_brand()?)? },
        t::Interface(interface) => {
            Type::Interface { type_id: interface.get_type_id(), brand: read_brand(interface.get_brand()?)? }
        }
        t::AnyPointer(any) => Type::AnyPointer(match any.which().map_err(not_in_schema("Type.anyPointer"))? {
            t::any_pointer::Unconstrained(unconstrained) => {
                match unconstrained.which().map_err(not_in_schema("Type.anyPointer.unconstrained"))? {
                    t::any_pointer::unconstrained::AnyKind(()) => AnyPointer::AnyKind,
                    t::any_pointer::unconstrained::Struct(()) => AnyPointer::Struct,
                    t::any_pointer::unconstrained::List(()) => AnyPointer::List,
                    t::any_pointer::unconstrained::Capability(()) => AnyPointer::Capability,
                }
            }
            t::any_pointer::Parameter(parameter) => {
                AnyPointer::Parameter { scope_id: parameter.get_scope_id(), index: parameter.get_parameter_index() }
            }
            t::any_pointer::ImplicitMethodParameter(parameter) => {
                AnyPointer::ImplicitMethodParameter { index: parameter.get_parameter_index() }
            }
        }),
    })
}

fn read_value(value: sc::value::Reader<'_>) -> Result<Value, Error> {
    use sc::value as v;
    // `which` takes the reader by value; it is `Copy`, so the arms can still ask `has_*`.
    Ok(match value.which().map_err(not_in_schema("Value"))? {
        v::Void(()) => Value::Void,
        v::Bool(b) => Value::Bool(b),
        v::Int8(n) => Value::Int8(n),
        v::Int16(n) => Value::Int16(n),
        v::Int32(n) => Value::Int32(n),
        v::Int64(n) => Value::Int64(n),
        v::Uint8(n) => Value::UInt8(n),
        v::Uint16(n) => Value::UInt16(n),
        v::Uint32(n) => Value::UInt32(n),
        v::Uint64(n) => Value::UInt64(n),
        v::Float32(x) => Value::Float32(x),
        v::Float64(x) => Value::Float64(x),
        v::Text(t) => Value::Text(opt_text(value.has_text(), t, "Value.text")?),
        v::Data(d) => Value::Data(if value.has_data() { Some(d?.to_vec()) } else { None }),
        v::List(p) => Value::List(canonical_value(p)?),
        v::Enum(n) => Value::Enum(n),
        v::Struct(p) => Value::Struct(canonical_value(p)?),
        v::Interface(()) => Value::Interface,
        v::AnyPointer(p) => Value::AnyPointer(canonical_value(p)?),
    })
}

/// The canonical encoding of a pointer value: one flat segment, root pointer first.
fn canonical_value(pointer: any_pointer::Reader<'_>) -> Result<Option<Vec<u8>>, Error> {
    if pointer.is_null() {
        return Ok(None);
    }
    // The canonical form is never larger than the value plus its root pointer, so it fits in a
    // first segment of that size (which `set_root_canonical` requires).
    let words = pointer.target_size()?.word_count + 1;
    let words = u32::try_from(words).map_err(|_| Error::BadValue(format!("value of {words} words")))?;
    let mut copy = message::Builder::new(message::HeapAllocator::new().first_segment_words(words));
    copy.set_root_canonical(pointer)?;
    let segments = copy.get_segments_for_output();
    Ok(Some(segments[0].to_vec()))
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
    let kinds: HashMap<u64, &NodeKind> = request.nodes.iter().map(|node| (node.id, &node.kind)).collect();
    let mut message = message::Builder::new_default();
    {
        let mut root: sc::code_generator_request::Builder<'_> = message.init_root();

        let mut version = root.reborrow().init_capnp_version();
        let (major, minor, micro) = request.capnp_version;
        version.set_major(major);
        version.set_minor(minor);
        version.set_micro(micro);

        let mut nodes = root.reborrow().init_nodes(count(request.nodes.len(), "nodes")?);
        for (i, node) in request.nodes.iter().enumerate() {
            write_node(node, nodes.reborrow().get(i as u32))?;
        }

        let mut infos = root.reborrow().init_source_info(count(request.source_info.len(), "sourceInfo")?);
        for (i, info) in request.source_info.iter().enumerate() {
            let mut builder = infos.reborrow().get(i as u32);
            builder.set_id(info.id);
            if let Some(doc) = &info.doc_comment {
                builder.set_doc_comment(doc.as_str());
            }
            let always_listed = matches!(kinds.get(&info.id), Some(NodeKind::Enum(_) | NodeKind::Interface(_)));
            if always_listed || !info.members.is_empty() {
                let mut members = builder.init_members(count(info.members.len(), "SourceInfo.members")?);
                for (j, doc) in info.members.iter().enumerate() {
                    if let Some(doc) = doc {
                        members.reborrow().get(j as u32).set_doc_comment(doc.as_str());
                    }
                }
            }
        }

        let mut files = root.init_requested_files(count(request.requested_files.len(), "requestedFiles")?);
        for (i, file) in request.requested_files.iter().enumerate() {
            let mut builder = files.reborrow().get(i as u32);
            builder.set_id(file.id);
            builder.set_filename(file.filename.as_str());
            let mut imports = builder.init_imports(count(file.imports.len(), "RequestedFile.imports")?);
            for (j, import) in file.imports.iter().enumerate() {
                let mut builder = imports.reborrow().get(j as u32);
                builder.set_id(import.id);
                builder.set_name(import.name.as_str());
            }
        }
    }
    let canonical = message.into_reader().canonicalize()?;
    let segment = Word::words_to_bytes(&canonical);
    let mut bytes = Vec::with_capacity(8 + segment.len());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&(canonical.len() as u32).to_le_bytes());
    bytes.extend_from_slice(segment);
    Ok(bytes)
}

/// The most elements a Cap'n Proto list can hold.
const MAX_LIST_LEN: usize = (1 << 29) - 1;

fn count(len: usize, what: &'static str) -> Result<u32, Error> {
    if len > MAX_LIST_LEN {
        return Err(Error::TooLong { what, len });
    }
    Ok(len as u32)
}

fn write_node(node: &Node, mut builder: sc::node::Builder<'_>) -> Result<(), Error> {
    builder.set_id(node.id);
    builder.set_display_name(node.display_name.as_str());
    builder.set_display_name_prefix_length(node.display_name_prefix_length);
    builder.set_scope_id(node.scope_id);
    if !node.parameters.is_empty() {
        let mut parameters = builder.reborrow().init_parameters(count(node.parameters.len(), "Node.parameters")?);
        for (i, name) in node.parameters.iter().enumerate() {
            parameters.reborrow().get(i as u32).set_name(name.as_str());
        }
    }
    builder.set_is_generic(node.is_generic);

    // The compiler gives every declared node a nested-node list; groups and method parameter
    // and result structs, which it makes itself, get none.
    let made_by_compiler = matches!(&node.kind, NodeKind::Struct(st) if st.is_group || node.scope_id == 0);
    if !made_by_compiler || !node.nested_nodes.is_empty() {
        let mut nested = builder.reborrow().init_nested_nodes(count(node.nested_nodes.len(), "Node.nestedNodes")?);
        for (i, child) in node.nested_nodes.iter().enumerate() {
            let mut builder = nested.reborrow().get(i as u32);
            builder.set_name(child.name.as_str());
            builder.set_id(child.id);
        }
    }
    if !node.annotations.is_empty() {
        write_annotations(
            &node.annotations,
            builder.reborrow().init_annotations(count(node.annotations.len(), "Node.annotations")?),
        )?;
    }

    match &node.kind {
        NodeKind::File => builder.set_file(()),
        NodeKind::Struct(st) => {
            let mut builder = builder.init_struct();
            builder.set_data_word_count(st.data_word_count);
            builder.set_pointer_count(st.pointer_count);
            builder.set_preferred_list_encoding(write_element_size(st.preferred_list_encoding));
            builder.set_is_group(st.is_group);
            builder.set_discriminant_count(st.discriminant_count);
            builder.set_discriminant_offset(st.discriminant_offset);
            if !st.fields.is_empty() {
                let mut fields = builder.init_fields(count(st.fields.len(), "Node.struct.fields")?);
                for (i, field) in st.fields.iter().enumerate() {
                    write_field(field, fields.reborrow().get(i as u32))?;
                }
            }
        }
        NodeKind::Enum(enumerants) => {
            let mut list = builder.init_enum().init_enumerants(count(enumerants.len(), "Node.enum.enumerants")?);
            for (i, enumerant) in enumerants.iter().enumerate() {
                let mut builder = list.reborrow().get(i as u32);
                builder.set_name(enumerant.name.as_str());
                builder.set_code_order(enumerant.code_order);
                if !enumerant.annotations.is_empty() {
                    let len = count(enumerant.annotations.len(), "Enumerant.annotations")?;
                    write_annotations(&enumerant.annotations, builder.init_annotations(len))?;
                }
            }
        }
        NodeKind::Interface(interface) => {
            let mut builder = builder.init_interface();
            let mut methods =
                builder.reborrow().init_methods(count(interface.methods.len(), "Node.interface.methods")?);
            for (i, method) in interface.methods.iter().enumerate() {
                write_method(method, methods.reborrow().get(i as u32))?;
            }
            let len = count(interface.superclasses.len(), "Node.interface.superclasses")?;
            let mut superclasses = builder.init_superclasses(len);
            for (i, superclass) in interface.superclasses.iter().enumerate() {
                let mut builder = superclasses.reborrow().get(i as u32);
                builder.set_id(superclass.id);
                if !superclass.brand.scopes.is_empty() {
                    write_brand(&superclass.brand, builder.init_brand())?;
                }
            }
        }
        NodeKind::Const { ty, value } => {
            let mut builder = builder.init_const();
            write_type(ty, builder.reborrow().init_type())?;
            write_value(value, builder.init_value())?;
        }
        NodeKind::Annotation { ty, targets } => {
            let mut builder = builder.init_annotation();
            write_type(ty, builder.reborrow().init_type())?;
            let [file, constant, en, enumerant, st, field, union, group, interface, method, param, annotation] =
                *targets;
            builder.set_targets_file(file);
            builder.set_targets_const(constant);
            builder.set_targets_enum(en);
            builder.set_targets_enumerant(enumerant);
            builder.set_targets_struct(st);
            builder.set_targets_field(field);
            builder.set_targets_union(union);
            builder.set_targets_group(group);
            builder.set_targets_interface(interface);
            builder.set_targets_method(method);
            builder.set_targets_param(param);
            builder.set_targets_annotation(annotation);
        }
    }
    Ok(())
}

fn write_element_size(size: ElementSize) -> sc::ElementSize {
    match size {
        ElementSize::Empty => sc::ElementSize::Empty,
        ElementSize::Bit => sc::ElementSize::Bit,
        ElementSize::Byte => sc::ElementSize::Byte,
        ElementSize::TwoBytes => sc::ElementSize::TwoBytes,
        ElementSize::FourBytes => sc::ElementSize::FourBytes,
        ElementSize::EightBytes => sc::ElementSize::EightBytes,
        ElementSize::Pointer => sc::ElementSize::Pointer,
        ElementSize::InlineComposite => sc::ElementSize::InlineComposite,
    }
}

fn write_field(field: &Field, mut builder: sc::field::Builder<'_>) -> Result<(), Error> {
    builder.set_name(field.name.as_str());
    builder.set_code_order(field.code_order);
    if !field.annotations.is_empty() {
        let len = count(field.annotations.len(), "Field.annotations")?;
        write_annotations(&field.annotations, builder.reborrow().init_annotations(len))?;
    }
    builder.set_discriminant_value(field.discriminant_value);
    match field.ordinal {
        None => builder.reborrow().init_ordinal().set_implicit(()),
        Some(ordinal) => builder.reborrow().init_ordinal().set_explicit(ordinal),
    }
    match &field.kind {
        FieldKind::Slot { offset, ty, default_value, had_explicit_default } => {
            let mut slot = builder.init_slot();
            slot.set_offset(*offset);
            slot.set_had_explicit_default(*had_explicit_default);
            write_type(ty, slot.reborrow().init_type())?;
            write_value(default_value, slot.init_default_value())?;
        }
        FieldKind::Group { type_id } => builder.init_group().set_type_id(*type_id),
    }
    Ok(())
}

fn write_method(method: &Method, mut builder: sc::method::Builder<'_>) -> Result<(), Error> {
    builder.set_name(method.name.as_str());
    builder.set_code_order(method.code_order);
    let len = count(method.implicit_parameters.len(), "Method.implicitParameters")?;
    let mut implicit = builder.reborrow().init_implicit_parameters(len);
    for (i, name) in method.implicit_parameters.iter().enumerate() {
        implicit.reborrow().get(i as u32).set_name(name.as_str());
    }
    builder.set_param_struct_type(method.param_struct_type);
    if !method.param_brand.scopes.is_empty() {
        write_brand(&method.param_brand, builder.reborrow().init_param_brand())?;
    }
    builder.set_result_struct_type(method.result_struct_type);
    if !method.result_brand.scopes.is_empty() {
        write_brand(&method.result_brand, builder.reborrow().init_result_brand())?;
    }
    if !method.annotations.is_empty() {
        let len = count(method.annotations.len(), "Method.annotations")?;
        write_annotations(&method.annotations, builder.init_annotations(len))?;
    }
    Ok(())
}

fn write_annotations(
    annotations: &[Annotation],
    mut list: struct_list::Builder<'_, sc::annotation::Owned>,
) -> Result<(), Error> {
    for (i, annotation) in annotations.iter().enumerate() {
        let mut builder = list.reborrow().get(i as u32);
        builder.set_id(annotation.id);
        // An annotation's brand is always there, with no scopes when it has none.
        write_brand(&annotation.brand, builder.reborrow().init_brand())?;
        write_value(&annotation.value, builder.init_value())?;
    }
    Ok(())
}

fn write_brand(brand: &Brand, builder: sc::brand::Builder<'_>) -> Result<(), Error> {
    if brand.scopes.is_empty() {
        return Ok(());
    }
    let mut scopes = builder.init_scopes(count(brand.scopes.len(), "Brand.scopes")?);
    for (i, scope) in brand.scopes.iter().enumerate() {
        let mut builder = scopes.reborrow().get(i as u32);
        builder.set_scope_id(scope.scope_id);
        match &scope.bind {
            None => builder.set_inherit(()),
            Some(bindings) => {
                let mut list = builder.init_bind(count(bindings.len(), "Brand.Scope.bind")?);
                for (j, binding) in bindings.iter().enumerate() {
                    let mut builder = list.reborrow().get(j as u32);
                    match binding {
                        Binding::Unbound => builder.set_unbound(()),
                        Binding::Type(ty) => write_type(ty, builder.init_type())?,
                    }
                }
            }
        }
    }
    Ok(())
}

fn write_type(ty: &Type, mut builder: sc::type_::Builder<'_>) -> Result<(), Error> {
    match ty {
        Type::Void => builder.set_void(()),
        Type::Bool => builder.set_bool(()),
        Type::Int8 => builder.set_int8(()),
        Type::Int16 => builder.set_int16(()),
        Type::Int32 => builder.set_int32(()),
        Type::Int64 => builder.set_int64(()),
        Type::UInt8 => builder.set_uint8(()),
        Type::UInt16 => builder.set_uint16(()),
        Type::UInt32 => builder.set_uint32(()),
        Type::UInt64 => builder.set_uint64(()),
        Type::Float32 => builder.set_float32(()),
        Type::Float64 => builder.set_float64(()),
        Type::Text => builder.set_text(()),
        Type::Data => builder.set_data(()),
        Type::List(element) => write_type(element, builder.init_list().init_element_type())?,
        Type::Enum { type_id, brand } => {
            let mut builder = builder.init_enum();
            builder.set_type_id(*type_id);
            if !brand.scopes.is_empty() {
                write_brand(brand, builder.init_brand())?;
            }
        }
        Type::Struct { type_id, brand } => {
            let mut builder = builder.init_struct();
            builder.set_type_id(*type_id);
            if !brand.scopes.is_empty() {
                write_brand(brand, builder.init_brand())?;
            }
        }
        Type::Interface { type_id, brand } => {
            let mut builder = builder.init_interface();
            builder.set_type_id(*type_id);
            if !brand.scopes.is_empty() {
                write_brand(brand, builder.init_brand())?;
            }
        }
        Type::AnyPointer(any) => {
            let builder = builder.init_any_pointer();
            match any {
                AnyPointer::AnyKind => builder.init_unconstrained().set_any_kind(()),
                AnyPointer::Struct => builder.init_unconstrained().set_struct(()),
                AnyPointer::List => builder.init_unconstrained().set_list(()),
                AnyPointer::Capability => builder.init_unconstrained().set_capability(()),
                AnyPointer::Parameter { scope_id, index } => {
                    let mut builder = builder.init_parameter();
                    builder.set_scope_id(*scope_id);
                    builder.set_parameter_index(*index);
                }
                AnyPointer::ImplicitMethodParameter { index } => {
                    builder.init_implicit_method_parameter().set_parameter_index(*index)
                }
            }
        }
    }
    Ok(())
}

fn write_value(value: &Value, mut builder: sc::value::Builder<'_>) -> Result<(), Error> {
    match value {
        Value::Void => builder.set_void(()),
        Value::Bool(b) => builder.set_bool(*b),
        Value::Int8(n) => builder.set_int8(*n),
        Value::Int16(n) => builder.set_int16(*n),
        Value::Int32(n) => builder.set_int32(*n),
        Value::Int64(n) => builder.set_int64(*n),
        Value::UInt8(n) => builder.set_uint8(*n),
        Value::UInt16(n) => builder.set_uint16(*n),
        Value::UInt32(n) => builder.set_uint32(*n),
        Value::UInt64(n) => builder.set_uint64(*n),
        Value::Float32(x) => builder.set_float32(*x),
        Value::Float64(x) => builder.set_float64(*x),
        Value::Text(Some(text)) => builder.set_text(text.as_str()),
        Value::Text(None) => set_null_member(builder, "text")?,
        Value::Data(Some(data)) => builder.set_data(data),
        Value::Data(None) => set_null_member(builder, "data")?,
        Value::List(bytes) => copy_value(bytes.as_deref(), builder.init_list())?,
        Value::Enum(n) => builder.set_enum(*n),
        Value::Struct(bytes) => copy_value(bytes.as_deref(), builder.init_struct())?,
        Value::Interface => builder.set_interface(()),
        Value::AnyPointer(bytes) => copy_value(bytes.as_deref(), builder.init_any_pointer())?,
    }
    Ok(())
}

/// Makes `member` (`text` or `data`) the active member of a Value with a null pointer, which
/// the generated setters cannot express.
fn set_null_member(builder: sc::value::Builder<'_>, member: &str) -> Result<(), Error> {
    let mut dynamic = capnp::dynamic_value::Builder::from(builder).downcast::<capnp::dynamic_struct::Builder<'_>>();
    dynamic.clear_named(member)?;
    Ok(())
}

/// Copies a value held as a flat segment (root pointer first) into `target`; `None` leaves it
/// null.
fn copy_value(bytes: Option<&[u8]>, mut target: any_pointer::Builder<'_>) -> Result<(), Error> {
    let Some(bytes) = bytes else { return Ok(()) };
    if bytes.is_empty() || bytes.len() % 8 != 0 {
        return Err(Error::BadValue(format!("{} bytes is not a whole number of words", bytes.len())));
    }
    // Copied into words so the segment is aligned whatever the vector's allocation.
    let mut words = Word::allocate_zeroed_vec(bytes.len() / 8);
    Word::words_to_bytes_mut(&mut words).copy_from_slice(bytes);
    let segments = [Word::words_to_bytes(&words)];
    let options = ReaderOptions { traversal_limit_in_words: Some(TRAVERSAL_LIMIT_WORDS), nesting_limit: 64 };
    let source = message::Reader::new(message::SegmentArray::new(&segments), options);
    let root: any_pointer::Reader<'_> = source.get_root().map_err(|e| Error::BadValue(e.to_string()))?;
    target.set_as(root).map_err(|e| Error::BadValue(e.to_string()))
}
