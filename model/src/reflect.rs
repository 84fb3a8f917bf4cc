//! Run-time reflection for the types `capnp_schema!` generates.
//!
//! Each generated file embeds the CodeGeneratorRequest of its compilation (the bytes
//! [`crate::request::write`] gives for [`crate::compiled::CompiledSchema::request`]) in one
//! [`SchemaCell`], a `static` at the macro's call site. The first lookup decodes it into a
//! [`Schema`], the same model the dynamic API reads messages with, and keeps it for the life of
//! the program; later lookups are an index into it. Generated types reach it through
//! `Foo::schema()` (a [`StructSchema`] or [`EnumSchema`]) and `FooReader::dynamic()` (a
//! [`DynamicStruct`]). Their `Debug` and `Display` do not come here: they print from
//! descriptions generated at compile time (`capnzero_runtime::text`). A cell can still print a
//! struct it describes by ID ([`SchemaCell::fmt_struct`], [`SchemaCell::fmt_written`]), through
//! the dynamic API's printer, as `capnp decode --short` does (`{:#}`: as `capnp decode` does).
//!
//! A derived type's cell holds a schema compiled on its own, which declares the types its fields
//! name only as empty placeholders. Its [`Link`]s name the cells that declare the real types; its
//! schema is its own nodes with the placeholders replaced, plus the nodes of every cell it
//! reaches through links (see [`SchemaCell::with_links`]).
//!
//! Nothing here panics. The embedded bytes are made by the code generator, so a failure means a
//! bug rather than bad input; lookups report it as an [`Error`], and printing writes a short
//! placeholder (`<capnzero: …>`) in place of the value, since a formatting error would make
//! `format!` panic.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::sync::OnceLock;

use capnzero_runtime::{MessageBuilder, StructBuilder, StructReader};

use crate::compiled::{CompiledFile, CompiledSchema};
use crate::dynamic::{self, DynamicStruct, EnumSchema, Schema, StructSchema};
use crate::model::{Annotation, Binding, Brand, FieldKind, Node, NodeKind, SourceInfo, Type};
use crate::request::{self, CodeGeneratorRequest};
use crate::text::print::{struct_to_bytes, struct_to_pretty_bytes};

/// Why a generated type's schema, or a printable form of one of its values, is not available.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The embedded CodeGeneratorRequest could not be read.
    Request(request::Error),
    /// The schema has no struct (or enum) of the ID asked for.
    Schema(dynamic::Error),
    /// An owned value could not be encoded into a message to be printed.
    Encode(capnzero_runtime::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request(e) => write!(f, "the embedded schema cannot be read: {e}"),
            Error::Schema(e) => write!(f, "{e}"),
            Error::Encode(e) => write!(f, "the value cannot be encoded: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// A type whose schema is embedded in the program: every struct and enum `capnp_schema!`
/// generates or `#[derive(CapnpStruct)]`/`#[derive(CapnpEnum)]` derives.
pub trait Reflect {
    /// The type's node ID.
    const TYPE_ID: u64;
    /// The cell holding the type's schema.
    fn schema_cell() -> &'static SchemaCell;
}

/// A type a cell's schema names but does not declare: the placeholder node ID it was compiled
/// with, the real type's ID, and the cell that declares it.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// The ID of the (empty) node standing in for the type in the cell's own schema.
    pub placeholder: u64,
    /// The real type's ID.
    pub id: u64,
    /// The cell whose schema declares the real type.
    pub cell: fn() -> &'static SchemaCell,
}

/// The schema of one generated file or derived type: the embedded CodeGeneratorRequest, decoded
/// on first use, merged with the schemas of the cells it links to.
pub struct SchemaCell {
    request: &'static [u8],
    links: &'static [Link],
    /// The cell's own request decoded, placeholder references rewritten, not merged; only
    /// filled for cells with links (a cell without links uses its schema instead). Merges read
    /// other cells through this lock and never through their merged schema, and filling it reads
    /// no other cell: so no initialisation ever waits for itself, whatever the link graph.
    own: OnceLock<Result<CompiledSchema, Error>>,
    cell: OnceLock<Result<Schema, Error>>,
}

impl fmt::Debug for SchemaCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SchemaCell")
            .field("request_bytes", &self.request.len())
            .field("links", &self.links.len())
            .field("decoded", &self.cell.get().map(|r| r.is_ok()))
            .finish()
    }
}

impl SchemaCell {
    /// A cell over a CodeGeneratorRequest in the standard framing, not decoded yet.
    pub const fn new(request: &'static [u8]) -> SchemaCell {
        SchemaCell::with_links(request, &[])
    }

    /// A cell whose schema names types of other cells (`links`): its schema is its own nodes,
    /// with every reference to a link's placeholder made a reference to the link's type and the
    /// placeholder nodes left out, plus the nodes of the linked cells (and of the cells they
    /// link to, and so on).
    pub const fn with_links(request: &'static [u8], links: &'static [Link]) -> SchemaCell {
        SchemaCell { request, links, own: OnceLock::new(), cell: OnceLock::new() }
    }

    /// The embedded CodeGeneratorRequest, as `capnp compile -o-` would write it.
    pub fn request_bytes(&self) -> &'static [u8] {
        self.request
    }

    /// The cells this one's schema names types of.
    pub fn links(&self) -> &'static [Link] {
        self.links
    }

    /// The decoded schema, merged with those of the linked cells (made by the first call, from
    /// any thread; later calls share it).
    pub fn schema(&self) -> Result<&Schema, Error> {
        let schema = self.cell.get_or_init(|| {
            if self.links.is_empty() {
                decode(self.request).map(Schema::new)
            } else {
                merge(self).map(Schema::new)
            }
        });
        schema.as_ref().map_err(Clone::clone)
    }

    /// The cell's own nodes, not merged with the linked cells'.
    fn own(&self) -> Result<&CompiledSchema, Error> {
        if self.links.is_empty() {
            // Initialising a cell without links reads no other cell, so it may be entered here.
            return self.schema().map(Schema::compiled);
        }
        let own = self.own.get_or_init(|| {
            decode(self.request).map(|mut compiled| {
                rewrite_placeholders(&mut compiled, self.links);
                compiled
            })
        });
        own.as_ref().map_err(Clone::clone)
    }

    /// The IDs of this cell's placeholder nodes, left out of every merged schema. A link whose
    /// placeholder is its own ID in this very cell names a real node, which stays.
    fn placeholders(&self) -> HashSet<u64> {
        self.links
            .iter()
            .filter(|link| !(link.placeholder == link.id && core::ptr::eq((link.cell)(), self)))
            .map(|link| link.placeholder)
            .collect()
    }

    /// The struct (or group) `id`.
    pub fn struct_schema(&self, id: u64) -> Result<StructSchema<'_>, Error> {
        self.schema()?.struct_schema(id).map_err(Error::Schema)
    }

    /// The enum `id`.
    pub fn enum_schema(&self, id: u64) -> Result<EnumSchema<'_>, Error> {
        self.schema()?.enum_schema(id).map_err(Error::Schema)
    }

    /// `reader` read as the struct (or group) `id` through the dynamic API.
    pub fn dynamic<'a>(&'a self, id: u64, reader: StructReader<'a>) -> Result<DynamicStruct<'a>, Error> {
        Ok(DynamicStruct::new(reader, self.struct_schema(id)?))
    }

    /// Writes `reader`, read as the struct (or group) `id`, in the text format: as
    /// `capnp decode --short` prints it as a root, without the newline; with `{:#}` (or
    /// `{:#?}`), as `capnp decode` prints it. Width and precision pad or cut it as a `str`.
    pub fn fmt_struct(&self, id: u64, reader: StructReader<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.dynamic(id, reader) {
            Ok(value) => write_text(&value, f),
            Err(e) => placeholder(&e, f),
        }
    }

    /// Writes an owned value of the struct (or group) `id` in the text format, as
    /// [`fmt_struct`](Self::fmt_struct) prints it once `write` has written it into a new message
    /// (into a root struct of the size the schema gives, which for a group is its parent's).
    pub fn fmt_written(
        &self,
        id: u64,
        f: &mut fmt::Formatter<'_>,
        write: impl FnOnce(StructBuilder<'_>) -> capnzero_runtime::Result<()>,
    ) -> fmt::Result {
        let schema = match self.struct_schema(id) {
            Ok(schema) => schema,
            Err(e) => return placeholder(&e, f),
        };
        let layout = schema.layout();
        let mut message = MessageBuilder::default();
        if let Err(e) = write(message.init_root(layout.data_word_count, layout.pointer_count)) {
            return placeholder(&Error::Encode(e), f);
        }
        let reader = message.as_reader();
        match reader.root_struct() {
            Ok(root) => write_text(&DynamicStruct::new(root, schema), f),
            Err(e) => placeholder(&Error::Encode(e), f),
        }
    }
}

/// An enum value in the text format: its enumerant's name, or `(N)` for a value the schema does
/// not know, as `capnp decode` prints it.
pub fn fmt_enumerant(name: Option<&str>, raw: u16, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match name {
        Some(name) => f.pad(name),
        None => f.pad(&format!("({raw})")),
    }
}

/// The [`CompiledSchema`] a CodeGeneratorRequest describes: its nodes, doc comments and requested
/// files, in its order (what [`CompiledSchema::request`] gives back).
pub fn compiled_from_request(request: CodeGeneratorRequest) -> CompiledSchema {
    CompiledSchema {
        request_order: request.nodes.iter().map(|n| n.id).collect(),
        nodes: request.nodes,
        request_source_info: request.source_info.clone(),
        aliases: Vec::new(),
        source_info: request.source_info,
        requested: request
            .requested_files
            .into_iter()
            .map(|file| CompiledFile {
                id: file.id,
                name: file.filename,
                imports: file.imports.into_iter().map(|import| (import.id, import.name)).collect(),
            })
            .collect(),
    }
}

/// A cell's own request, decoded.
fn decode(bytes: &[u8]) -> Result<CompiledSchema, Error> {
    request::read(bytes).map(compiled_from_request).map_err(Error::Request)
}

/// Makes every reference to a link's placeholder a reference to the link's type.
fn rewrite_placeholders(compiled: &mut CompiledSchema, links: &[Link]) {
    let mut real = HashMap::with_capacity(links.len());
    for link in links {
        real.entry(link.placeholder).or_insert(link.id);
    }
    for node in &mut compiled.nodes {
        rewrite_annotations(&mut node.annotations, &real);
        match &mut node.kind {
            NodeKind::File => {}
            NodeKind::Struct(st) => {
                for field in &mut st.fields {
                    rewrite_annotations(&mut field.annotations, &real);
                    if let FieldKind::Slot { ty, .. } = &mut field.kind {
                        rewrite_type(ty, &real);
                    }
                }
            }
            NodeKind::Enum(enumerants) => {
                for enumerant in enumerants {
                    rewrite_annotations(&mut enumerant.annotations, &real);
                }
            }
            NodeKind::Interface(interface) => {
                for superclass in &mut interface.superclasses {
                    rewrite_brand(&mut superclass.brand, &real);
                }
                for method in &mut interface.methods {
                    rewrite_brand(&mut method.param_brand, &real);
                    rewrite_brand(&mut method.result_brand, &real);
                    rewrite_annotations(&mut method.annotations, &real);
                }
            }
            NodeKind::Const { ty, .. } | NodeKind::Annotation { ty, .. } => rewrite_type(ty, &real),
        }
    }
}

fn rewrite_type(ty: &mut Type, real: &HashMap<u64, u64>) {
    match ty {
        Type::List(element) => rewrite_type(element, real),
        Type::Struct { type_id, brand } | Type::Enum { type_id, brand } | Type::Interface { type_id, brand } => {
            if let Some(&id) = real.get(type_id) {
                *type_id = id;
            }
            rewrite_brand(brand, real);
        }
        _ => {}
    }
}

fn rewrite_brand(brand: &mut Brand, real: &HashMap<u64, u64>) {
    for scope in &mut brand.scopes {
        for binding in scope.bind.iter_mut().flatten() {
            if let Binding::Type(ty) = binding {
                rewrite_type(ty, real);
            }
        }
    }
}

fn rewrite_annotations(annotations: &mut [Annotation], real: &HashMap<u64, u64>) {
    for annotation in annotations {
        rewrite_brand(&mut annotation.brand, real);
    }
}

/// The nodes of `root` and of every cell reachable through links, each cell's placeholders
/// left out, breadth first from `root`. Only the cells' own nodes are read (see
/// [`SchemaCell::own`]); a cell reached twice (a cycle, or a link to itself) is read once, and a
/// node ID already taken keeps its first node. File nodes of one ID (derived types of one
/// module) get each other's nested nodes, so that names still resolve in the merged schema.
fn merge(root: &SchemaCell) -> Result<CompiledSchema, Error> {
    let mut merged = CompiledSchema::default();
    let mut index: HashMap<u64, usize> = HashMap::new();
    let mut visited: HashSet<*const SchemaCell> = HashSet::from([root as *const SchemaCell]);
    let mut pending = VecDeque::from([root]);
    while let Some(cell) = pending.pop_front() {
        let own = cell.own()?;
        if core::ptr::eq(cell, root) {
            merged.requested = own.requested.clone();
        }
        let dropped = cell.placeholders();
        let mut added = HashSet::new();
        for node in own.nodes.iter().filter(|node| !dropped.contains(&node.id)) {
            let nested = node.nested_nodes.iter().filter(|entry| !dropped.contains(&entry.id));
            match index.get(&node.id) {
                Some(&i) => {
                    let present = &mut merged.nodes[i];
                    if matches!((&present.kind, &node.kind), (NodeKind::File, NodeKind::File)) {
                        for entry in nested {
                            if !present.nested_nodes.iter().any(|n| n.id == entry.id) {
                                present.nested_nodes.push(entry.clone());
                            }
                        }
                    }
                }
                None => {
                    index.insert(node.id, merged.nodes.len());
                    added.insert(node.id);
                    merged.request_order.push(node.id);
                    merged.nodes.push(Node { nested_nodes: nested.cloned().collect(), ..node.clone() });
                }
            }
        }
        // Doc comments of method parameter and result structs are kept under ID 0.
        let keep = |info: &&SourceInfo| added.contains(&info.id) || (info.id == 0 && !added.is_empty());
        merged.source_info.extend(own.source_info.iter().filter(keep).cloned());
        merged.request_source_info.extend(own.request_source_info.iter().filter(keep).cloned());
        for link in cell.links {
            let next = (link.cell)();
            if visited.insert(next as *const SchemaCell) {
                pending.push_back(next);
            }
        }
    }
    Ok(merged)
}

fn write_text(value: &DynamicStruct<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let bytes = if f.alternate() { struct_to_pretty_bytes(value) } else { struct_to_bytes(value) };
    // Text values are printed as their bytes; a formatter only takes UTF-8.
    f.pad(&String::from_utf8_lossy(&bytes))
}

fn placeholder(error: &Error, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "<capnzero: {error}>")
}
