//! Run-time reflection for the types `capnp_schema!` generates.
//!
//! Each generated file embeds the CodeGeneratorRequest of its compilation (the bytes
//! [`crate::request::write`] gives for [`crate::compile::Compiled::request`]) in one
//! [`SchemaCell`], a `static` at the macro's call site. The first lookup decodes it into a
//! [`Schema`], the same model the dynamic API reads messages with, and keeps it for the life of
//! the program; later lookups are an index into it. Generated types reach it through
//! `Foo::schema()` (a [`StructSchema`] or [`EnumSchema`]), `FooReader::dynamic()` (a
//! [`DynamicStruct`]) and their `Debug` and `Display`, which print the Cap'n Proto text format
//! exactly as `capnp decode --short` does (`{:#}` and `{:#?}`: as `capnp decode` does).
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

use crate::compile::{Compiled, CompiledFile};
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
    own: OnceLock<Result<Compiled, Error>>,
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
    fn own(&self) -> Result<&Compiled, Error> {
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

/// The [`Compiled`] a CodeGeneratorRequest describes: its nodes, doc comments and requested
/// files, in its order (what [`Compiled::request`] gives back).
pub fn compiled_from_request(request: CodeGeneratorRequest) -> Compiled {
    Compiled {
        request_order: request.nodes.iter().map(|n| n.id).collect(),
        nodes: request.nodes,
        request_source_info: request.source_info.clone(),
        aliases: Vec::new(),
        warnings: Vec::new(),
        locations: Default::default(),
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
fn decode(bytes: &[u8]) -> Result<Compiled, Error> {
    request::read(bytes).map(compiled_from_request).map_err(Error::Request)
}

/// Makes every reference to a link's placeholder a reference to the link's type.
fn rewrite_placeholders(compiled: &mut Compiled, links: &[Link]) {
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
fn merge(root: &SchemaCell) -> Result<Compiled, Error> {
    let mut merged = Compiled::default();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, MemoryLoader, SourceFile};

    const SCHEMA: &str = "@0xd1f0a1b2c3d4e5f6;\n\
        struct Point { x @0 :Int64; y @1 :Int64 = 7; name @2 :Text; }\n\
        enum Color { red @0; green @1; }\n";

    fn request_bytes() -> (&'static [u8], Compiled) {
        let source = SourceFile { name: "point.capnp".into(), text: SCHEMA.into() };
        let compiled = compile(&[source], &mut MemoryLoader::default()).unwrap();
        let bytes = request::write(&compiled.request());
        (Box::leak(bytes.into_boxed_slice()), compiled)
    }

    fn id_of(compiled: &Compiled, name: &str) -> u64 {
        compiled.nodes.iter().find(|n| n.display_name == name).unwrap().id
    }

    /// Formats with a closure, as a generated `Display` does.
    struct Show<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(F);

    impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Show<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }

    #[test]
    fn the_cache_decodes_once_and_finds_nodes() {
        let (bytes, compiled) = request_bytes();
        let cell = SchemaCell::new(bytes);
        assert_eq!(
            format!("{cell:?}"),
            format!("SchemaCell {{ request_bytes: {}, links: 0, decoded: None }}", bytes.len())
        );
        let first = cell.schema().unwrap();
        let second = cell.schema().unwrap();
        assert!(std::ptr::eq(first, second));
        assert_eq!(first.compiled(), &compiled_from_request(compiled.request()));
        assert_eq!(first.compiled().request(), compiled.request());

        let point_id = id_of(&compiled, "point.capnp:Point");
        let point = cell.struct_schema(point_id).unwrap();
        assert_eq!(point.id(), point_id);
        assert_eq!(point.fields().map(|f| f.name()).collect::<Vec<_>>(), ["x", "y", "name"]);
        let color = cell.enum_schema(id_of(&compiled, "point.capnp:Color")).unwrap();
        assert_eq!(color.enumerants().iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["red", "green"]);

        assert_eq!(cell.struct_schema(1), Err(Error::Schema(dynamic::Error::NoSuchNode(1))));
        assert!(matches!(cell.enum_schema(point_id), Err(Error::Schema(dynamic::Error::WrongNodeKind { .. }))));
        assert!(format!("{cell:?}").ends_with("decoded: Some(true) }"));
    }

    #[test]
    fn printing_reads_and_writes_through_the_schema() {
        let (bytes, compiled) = request_bytes();
        let cell = SchemaCell::new(bytes);
        let id = id_of(&compiled, "point.capnp:Point");
        let write = |mut b: StructBuilder<'_>| {
            b.set::<i64>(0, -3);
            b.pointer(0).unwrap().set_text("a \"b\"\n")
        };
        let short = Show(|f| cell.fmt_written(id, f, write)).to_string();
        assert_eq!(short, r#"(x = -3, y = 7, name = "a \"b\"\n")"#);
        let padded = format!("{:>12}", Show(|f| cell.fmt_written(id, f, |_| Ok(()))));
        assert_eq!(padded, "(x = 0, y = 7)".to_string());
        assert_eq!(format!("{:>16}", Show(|f| cell.fmt_written(id, f, |_| Ok(())))), "  (x = 0, y = 7)");

        let mut message = MessageBuilder::default();
        write(message.init_root(2, 1)).unwrap();
        let reader = message.as_reader();
        let root = reader.root_struct().unwrap();
        assert_eq!(Show(|f| cell.fmt_struct(id, root, f)).to_string(), short);
        assert_eq!(cell.dynamic(id, root).unwrap().get("x").unwrap(), dynamic::DynamicValue::Int64(-3));
        let failing = Show(|f| {
            cell.fmt_written(id, f, |_| {
                Err(capnzero_runtime::Error::new(capnzero_runtime::ErrorKind::OutOfBounds, "no room"))
            })
        })
        .to_string();
        assert!(failing.starts_with("<capnzero: the value cannot be encoded: "), "{failing}");
        assert_eq!(
            Show(|f| cell.fmt_struct(5, root, f)).to_string(),
            "<capnzero: no schema node with ID @0x0000000000000005>"
        );
    }

    #[test]
    fn bad_bytes_are_an_error_and_print_a_placeholder() {
        let cell = SchemaCell::new(b"not a message");
        assert!(matches!(cell.schema(), Err(Error::Request(_))));
        assert!(matches!(cell.struct_schema(1), Err(Error::Request(_))));
        let printed = Show(|f| cell.fmt_struct(1, StructReader::default(), f)).to_string();
        assert!(printed.starts_with("<capnzero: the embedded schema cannot be read: "), "{printed}");
        assert_eq!(format!("{:>5}", Show(|f| fmt_enumerant(Some("red"), 0, f))), "  red");
        assert_eq!(Show(|f| fmt_enumerant(None, 9, f)).to_string(), "(9)");
    }

    // ---------------------------------------------------------------------------------------
    // Links

    /// A compiled schema's request, leaked to live as long as a `static` cell's.
    fn leaked_request(name: &str, text: &str) -> &'static [u8] {
        let source = SourceFile { name: name.into(), text: text.into() };
        let compiled = compile(&[source], &mut MemoryLoader::default()).unwrap();
        Box::leak(request::write(&compiled.request()).into_boxed_slice())
    }

    fn leaked_links(links: Vec<Link>) -> &'static [Link] {
        Box::leak(links.into_boxed_slice())
    }

    /// What a derive makes of `Person`: the struct, and empty stand-ins for the types it names.
    const PERSON: &str = "@0xa000000000000001;\n\
        struct Person @0xa000000000000002 {\n\
          name @0 :Text; address @1 :Address; color @2 :Color;\n\
          addresses @3 :List(Address); grid @4 :List(List(Color));\n\
        }\n\
        struct Address @0x8000000000000001 {}\n\
        enum Color @0x8000000000000002 {}\n\
        const nobody @0xa000000000000003 :List(Address) = [];\n";
    const PERSON_ID: u64 = 0xa000_0000_0000_0002;
    const ADDRESS_PLACEHOLDER: u64 = 0x8000_0000_0000_0001;
    const COLOR_PLACEHOLDER: u64 = 0x8000_0000_0000_0002;

    /// The real types, as another cell declares them.
    const PLACES: &str = "@0xb000000000000001;\n\
        struct Address @0xb000000000000002 { city @0 :Text; zip @1 :UInt32; }\n\
        enum Color @0xb000000000000003 { red @0; green @1; blue @2; }\n";
    const ADDRESS_ID: u64 = 0xb000_0000_0000_0002;
    const COLOR_ID: u64 = 0xb000_0000_0000_0003;

    fn places_cell() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| SchemaCell::new(leaked_request("places.capnp", PLACES)))
    }

    fn person_cell() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| {
            SchemaCell::with_links(
                leaked_request("person.capnp", PERSON),
                leaked_links(vec![
                    Link { placeholder: ADDRESS_PLACEHOLDER, id: ADDRESS_ID, cell: places_cell },
                    Link { placeholder: COLOR_PLACEHOLDER, id: COLOR_ID, cell: places_cell },
                ]),
            )
        })
    }

    fn struct_type(type_id: u64) -> Type {
        Type::Struct { type_id, brand: Brand::default() }
    }

    fn enum_type(type_id: u64) -> Type {
        Type::Enum { type_id, brand: Brand::default() }
    }

    #[test]
    fn placeholders_become_the_linked_types() {
        let fresh = SchemaCell::with_links(person_cell().request_bytes(), person_cell().links());
        let bytes = fresh.request_bytes().len();
        assert_eq!(format!("{fresh:?}"), format!("SchemaCell {{ request_bytes: {bytes}, links: 2, decoded: None }}"));
        assert!(fresh.struct_schema(PERSON_ID).is_ok());
        assert_eq!(
            format!("{fresh:?}"),
            format!("SchemaCell {{ request_bytes: {bytes}, links: 2, decoded: Some(true) }}")
        );
        let cell = person_cell();
        let person = cell.struct_schema(PERSON_ID).unwrap();
        let types: Vec<(&str, Type)> = person.fields().map(|f| (f.name(), f.ty())).collect();
        assert_eq!(
            types,
            [
                ("name", Type::Text),
                ("address", struct_type(ADDRESS_ID)),
                ("color", enum_type(COLOR_ID)),
                ("addresses", Type::List(Box::new(struct_type(ADDRESS_ID)))),
                ("grid", Type::List(Box::new(Type::List(Box::new(enum_type(COLOR_ID)))))),
            ]
        );

        let schema = cell.schema().unwrap();
        let nobody = schema.node(0xa000_0000_0000_0003).unwrap();
        assert!(
            matches!(&nobody.kind, NodeKind::Const { ty, .. } if *ty == Type::List(Box::new(struct_type(ADDRESS_ID))))
        );
        assert_eq!(schema.node(ADDRESS_PLACEHOLDER), None);
        assert_eq!(schema.node(COLOR_PLACEHOLDER), None);
        let file = schema.node(0xa000_0000_0000_0001).unwrap();
        assert_eq!(file.nested_nodes.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["Person", "nobody"]);
        assert_eq!(schema.nested(0xb000_0000_0000_0001, "Address").map(|n| n.id), Some(ADDRESS_ID));
        let ids: Vec<u64> = schema.compiled().nodes.iter().map(|n| n.id).collect();
        assert_eq!(
            ids,
            [0xa000_0000_0000_0001, PERSON_ID, 0xa000_0000_0000_0003, 0xb000_0000_0000_0001, ADDRESS_ID, COLOR_ID]
        );
        assert_eq!(schema.compiled().request_order, ids);
        assert_eq!(schema.compiled().requested.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["person.capnp"]);
        let city = cell.struct_schema(ADDRESS_ID).unwrap();
        assert_eq!(city.fields().map(|f| f.name()).collect::<Vec<_>>(), ["city", "zip"]);
        let color = cell.enum_schema(COLOR_ID).unwrap();
        assert_eq!(color.enumerants().iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["red", "green", "blue"]);
        // The linked cell is left as it was.
        assert_eq!(places_cell().schema().unwrap().compiled().nodes.len(), 3);
    }

    #[test]
    fn linked_values_print_with_their_fields_and_enumerants() {
        let cell = person_cell();
        let layout = cell.struct_schema(PERSON_ID).unwrap().layout();
        assert_eq!((layout.data_word_count, layout.pointer_count), (1, 4));
        let write = |mut b: StructBuilder<'_>| {
            b.pointer(0).unwrap().set_text("a")?;
            let mut address = b.pointer(1).unwrap().init_struct(1, 1);
            address.pointer(0).unwrap().set_text("x")?;
            address.set::<u32>(0, 7);
            b.set::<u16>(0, 1);
            let mut list = b.pointer(2).unwrap().init_struct_list(1, 1, 1)?;
            list.get_struct(0)?.pointer(0).unwrap().set_text("y")?;
            let mut grid = b.pointer(3).unwrap().init_list(capnzero_runtime::ElementSize::Pointer, 1)?;
            let mut row = grid.get_pointer(0)?.init_list(capnzero_runtime::ElementSize::TwoBytes, 3)?;
            row.set::<u16>(0, 2)?;
            row.set::<u16>(1, 0)?;
            row.set::<u16>(2, 9)
        };
        let expected = r#"(name = "a", address = (city = "x", zip = 7), color = green, addresses = [(city = "y", zip = 0)], grid = [[blue, red, (9)]])"#;
        assert_eq!(Show(|f| cell.fmt_written(PERSON_ID, f, write)).to_string(), expected);

        let mut message = MessageBuilder::default();
        write(message.init_root(1, 4)).unwrap();
        let reader = message.as_reader();
        let root = reader.root_struct().unwrap();
        assert_eq!(Show(|f| cell.fmt_struct(PERSON_ID, root, f)).to_string(), expected);
        let pretty = format!("{:#}", Show(|f| cell.fmt_struct(PERSON_ID, root, f)));
        assert_eq!(
            pretty,
            "( name = \"a\",\n  address = (city = \"x\", zip = 7),\n  color = green,\n  \
             addresses = [(city = \"y\", zip = 0)],\n  grid = [[blue, red, (9)]] )"
        );
    }

    /// Derived `A { b :B; n :UInt8 }` and `B { a :A; s :Text }`, each naming the other through a
    /// placeholder, in one module (one file ID), as two derives make them.
    const MUTUAL_A: &str = "@0xa100000000000001;\n\
        struct A @0xa100000000000002 { b @0 :B; n @1 :UInt8; }\n\
        struct B @0x8100000000000001 {}\n";
    const MUTUAL_B: &str = "@0xa100000000000001;\n\
        struct B @0xa100000000000003 { a @0 :A; s @1 :Text; }\n\
        struct A @0x8200000000000001 {}\n";
    const A_ID: u64 = 0xa100_0000_0000_0002;
    const B_ID: u64 = 0xa100_0000_0000_0003;

    fn a_cell() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| {
            SchemaCell::with_links(
                leaked_request("a.capnp", MUTUAL_A),
                leaked_links(vec![Link { placeholder: 0x8100_0000_0000_0001, id: B_ID, cell: b_cell }]),
            )
        })
    }

    fn b_cell() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| {
            SchemaCell::with_links(
                leaked_request("b.capnp", MUTUAL_B),
                leaked_links(vec![Link { placeholder: 0x8200_0000_0000_0001, id: A_ID, cell: a_cell }]),
            )
        })
    }

    #[test]
    fn cells_linking_to_each_other_both_print() {
        // Both merges at once, from two threads: each reads the other's own nodes only.
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| a_cell().schema().map(|schema| schema.compiled().nodes.len()));
            let b = s.spawn(|| b_cell().schema().map(|schema| schema.compiled().nodes.len()));
            (a.join().unwrap(), b.join().unwrap())
        });
        assert_eq!((a, b), (Ok(3), Ok(3)));

        for cell in [a_cell(), b_cell()] {
            let schema = cell.schema().unwrap();
            assert_eq!(schema.nested(0xa100_0000_0000_0001, "A").map(|n| n.id), Some(A_ID));
            assert_eq!(schema.nested(0xa100_0000_0000_0001, "B").map(|n| n.id), Some(B_ID));
            assert_eq!(schema.node(0x8100_0000_0000_0001), None);
            assert_eq!(schema.node(0x8200_0000_0000_0001), None);
        }

        let mut message = MessageBuilder::default();
        let mut a = message.init_root(1, 1);
        a.set::<u8>(0, 1);
        let mut b = a.pointer(0).unwrap().init_struct(0, 2);
        b.pointer(1).unwrap().set_text("q").unwrap();
        b.pointer(0).unwrap().init_struct(1, 1).set::<u8>(0, 3);
        let reader = message.as_reader();
        let root = reader.root_struct().unwrap();
        let printed = r#"(b = (a = (n = 3), s = "q"), n = 1)"#;
        assert_eq!(Show(|f| a_cell().fmt_struct(A_ID, root, f)).to_string(), printed);
        assert_eq!(Show(|f| b_cell().fmt_struct(A_ID, root, f)).to_string(), printed);
        let inner = root.pointer(0).get_struct().unwrap().unwrap();
        assert_eq!(Show(|f| b_cell().fmt_struct(B_ID, inner, f)).to_string(), r#"(a = (n = 3), s = "q")"#);
    }

    /// `Tree` names itself once directly and once through a placeholder linked to its own cell;
    /// a second link names a real node of the cell by its own ID, which must stay.
    const TREE: &str = "@0xa300000000000001;\n\
        struct Tree @0xa300000000000002 { label @0 :Text; children @1 :List(Tree); parent @2 :TreeRef; }\n\
        struct TreeRef @0x8300000000000001 {}\n";
    const TREE_ID: u64 = 0xa300_0000_0000_0002;

    fn tree_cell() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| {
            SchemaCell::with_links(
                leaked_request("tree.capnp", TREE),
                leaked_links(vec![
                    Link { placeholder: 0x8300_0000_0000_0001, id: TREE_ID, cell: tree_cell },
                    Link { placeholder: TREE_ID, id: TREE_ID, cell: tree_cell },
                ]),
            )
        })
    }

    #[test]
    fn a_cell_may_link_to_itself() {
        let cell = tree_cell();
        let schema = cell.schema().unwrap();
        assert_eq!(schema.compiled().nodes.iter().map(|n| n.id).collect::<Vec<_>>(), [0xa300_0000_0000_0001, TREE_ID]);
        let tree = cell.struct_schema(TREE_ID).unwrap();
        assert_eq!(tree.field("parent").unwrap().ty(), struct_type(TREE_ID));

        let mut message = MessageBuilder::default();
        let mut root = message.init_root(0, 3);
        root.pointer(0).unwrap().set_text("r").unwrap();
        let mut children = root.pointer(1).unwrap().init_struct_list(1, 0, 3).unwrap();
        children.get_struct(0).unwrap().pointer(0).unwrap().set_text("c").unwrap();
        root.pointer(2).unwrap().init_struct(0, 3).pointer(0).unwrap().set_text("p").unwrap();
        let reader = message.as_reader();
        let printed = Show(|f| cell.fmt_struct(TREE_ID, reader.root_struct().unwrap(), f)).to_string();
        assert_eq!(printed, r#"(label = "r", children = [(label = "c")], parent = (label = "p"))"#);
    }

    fn broken_cell() -> &'static SchemaCell {
        static CELL: SchemaCell = SchemaCell::new(b"not a message");
        &CELL
    }

    /// Links to a good cell and, through it, to a broken one.
    fn linking_to_broken_cell() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| {
            SchemaCell::with_links(
                leaked_request("person.capnp", PERSON),
                leaked_links(vec![
                    Link { placeholder: ADDRESS_PLACEHOLDER, id: ADDRESS_ID, cell: places_with_broken_link },
                    Link { placeholder: COLOR_PLACEHOLDER, id: COLOR_ID, cell: places_with_broken_link },
                ]),
            )
        })
    }

    fn places_with_broken_link() -> &'static SchemaCell {
        static CELL: OnceLock<SchemaCell> = OnceLock::new();
        CELL.get_or_init(|| {
            SchemaCell::with_links(
                leaked_request("places.capnp", PLACES),
                leaked_links(vec![Link { placeholder: 0x8400_0000_0000_0001, id: 1, cell: broken_cell }]),
            )
        })
    }

    #[test]
    fn a_broken_linked_cell_is_an_error() {
        for cell in [linking_to_broken_cell(), places_with_broken_link()] {
            assert!(matches!(cell.schema(), Err(Error::Request(_))), "{:?}", cell.schema());
            assert!(matches!(cell.struct_schema(PERSON_ID), Err(Error::Request(_))));
            assert!(matches!(cell.enum_schema(COLOR_ID), Err(Error::Request(_))));
            let printed = Show(|f| cell.fmt_struct(PERSON_ID, StructReader::default(), f)).to_string();
            assert!(printed.starts_with("<capnzero: the embedded schema cannot be read: "), "{printed}");
            let written = Show(|f| cell.fmt_written(PERSON_ID, f, |_| Ok(()))).to_string();
            assert_eq!(written, printed);
        }
        // The broken cell spoils only the schemas that reach it.
        assert_eq!(Show(|f| person_cell().fmt_written(PERSON_ID, f, |_| Ok(()))).to_string(), "(color = red)");
    }

    /// A type whose cell is a `static` made from constants, as generated code makes it.
    struct Basics;

    static BASICS: SchemaCell = SchemaCell::new(include_bytes!("../tests/request/basics.cgr"));

    impl Reflect for Basics {
        const TYPE_ID: u64 = 0xd7f2_30fd_2e7c_3606;
        fn schema_cell() -> &'static SchemaCell {
            &BASICS
        }
    }

    static LINKING: SchemaCell = SchemaCell::with_links(
        include_bytes!("../tests/request/imported.cgr"),
        &[Link {
            placeholder: 0x8000_0000_0000_0001,
            id: <Basics as Reflect>::TYPE_ID,
            cell: <Basics as Reflect>::schema_cell,
        }],
    );

    #[test]
    fn links_work_in_statics() {
        let person = LINKING.struct_schema(Basics::TYPE_ID).unwrap();
        assert_eq!(person.node().display_name, "basics.capnp:Person");
        assert_eq!(LINKING.links().len(), 1);
        let own = request::read(LINKING.request_bytes()).unwrap();
        let basics = BASICS.schema().unwrap().compiled();
        let merged = LINKING.schema().unwrap().compiled();
        // Own nodes first, then the linked cell's, each ID once (basics.capnp imports imported.capnp).
        let mut expected: Vec<u64> = own.nodes.iter().map(|n| n.id).collect();
        expected.extend(basics.nodes.iter().map(|n| n.id).filter(|id| own.node(*id).is_none()));
        assert_eq!(merged.nodes.iter().map(|n| n.id).collect::<Vec<_>>(), expected);
        assert!(expected.len() > own.nodes.len());
        assert_eq!(merged.source_info.len(), merged.request_source_info.len());
    }
}
