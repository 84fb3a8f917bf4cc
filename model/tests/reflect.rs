//! The reflection cells of generated code: decoded once, linked to each other, printed through
//! the dynamic API.

use std::fmt;
use std::sync::OnceLock;

use capnzero_model::compiled::CompiledSchema;
use capnzero_model::model::{Brand, NodeKind, Type};
use capnzero_model::reflect::*;
use capnzero_model::{dynamic, request};
use capnzero_runtime::{MessageBuilder, StructBuilder, StructReader};
use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};

const SCHEMA: &str = "@0xd1f0a1b2c3d4e5f6;\n\
    struct Point { x @0 :Int64; y @1 :Int64 = 7; name @2 :Text; }\n\
    enum Color { red @0; green @1; }\n";

fn request_bytes() -> (&'static [u8], CompiledSchema) {
    let source = SourceFile { name: "point.capnp".into(), text: SCHEMA.into() };
    let compiled = compile(&[source], &mut MemoryLoader::default()).unwrap();
    let bytes = request::write(&compiled.request());
    (Box::leak(bytes.into_boxed_slice()), compiled.schema)
}

fn id_of(compiled: &CompiledSchema, name: &str) -> u64 {
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
    assert_eq!(format!("{fresh:?}"), format!("SchemaCell {{ request_bytes: {bytes}, links: 2, decoded: Some(true) }}"));
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
    assert!(matches!(&nobody.kind, NodeKind::Const { ty, .. } if *ty == Type::List(Box::new(struct_type(ADDRESS_ID)))));
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

static BASICS: SchemaCell = SchemaCell::new(include_bytes!("../../schema/tests/request/basics.cgr"));

impl Reflect for Basics {
    const TYPE_ID: u64 = 0xd7f2_30fd_2e7c_3606;
    fn schema_cell() -> &'static SchemaCell {
        &BASICS
    }
}

static LINKING: SchemaCell = SchemaCell::with_links(
    include_bytes!("../../schema/tests/request/imported.cgr"),
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
