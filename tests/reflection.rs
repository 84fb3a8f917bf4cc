//! Reflection and the text format of `capnp_schema!` types: `Debug` and `Display` of readers and
//! owned values print exactly what `capnp decode --short` prints for the same message (`{:#}`:
//! what `capnp decode` prints), checked against the official tool's output committed in
//! `tests/schemas/reflect/` (`check.sh` there regenerates and compares it); and `schema()` gives
//! each type's node, fields and annotations.

mod reflect {
    capnzero::capnp_schema!("tests/schemas/reflect/reflect.capnp");
}

/// Two schemas expanded in one module: each file has its own embedded schema.
mod two {
    capnzero::capnp_schema!(inline = "@0xe1b2c3d4e5f60718; struct Pair { left @0 :UInt8; right @1 :Text; }");
    capnzero::capnp_schema!(inline = "@0xf1b2c3d4e5f60719; struct Single { only @0 :Int16 = -1; }");
}

use std::fmt::{Debug, Display};

use capnzero::schema::model::Value;
use capnzero::{ElementSize, PointerReader, Struct};
use reflect::*;

/// The tool's output without its final newline.
fn expected(text: &str) -> &str {
    text.strip_suffix('\n').unwrap_or(text)
}

/// Reads `bytes` as a `T` and checks that the reader and its owned copy print `short` (Display,
/// Debug) and `pretty` (`{:#}`, `{:#?}`).
fn check<T>(case: &str, bytes: &[u8], short: &str, pretty: &str)
where
    T: Struct + Display + Debug,
    for<'a> T::Reader<'a>: Display + Debug,
{
    let (short, pretty) = (expected(short), expected(pretty));
    let message = capnzero::read::<T>(bytes).unwrap();
    let reader = message.root();
    assert_eq!(format!("{reader}"), short, "{case}: reader Display");
    assert_eq!(format!("{reader:?}"), short, "{case}: reader Debug");
    assert_eq!(format!("{reader:#}"), pretty, "{case}: reader {{:#}}");
    assert_eq!(format!("{reader:#?}"), pretty, "{case}: reader {{:#?}}");
    let owned = T::read_owned(reader);
    assert_eq!(format!("{owned}"), short, "{case}: owned Display");
    assert_eq!(format!("{owned:?}"), short, "{case}: owned Debug");
    assert_eq!(format!("{owned:#}"), pretty, "{case}: owned {{:#}}");
    assert_eq!(format!("{owned:#?}"), pretty, "{case}: owned {{:#?}}");
}

macro_rules! case {
    ($name:literal, $ty:ty) => {
        check::<$ty>(
            $name,
            include_bytes!(concat!("schemas/reflect/", $name, ".bin")),
            include_str!(concat!("schemas/reflect/", $name, ".short")),
            include_str!(concat!("schemas/reflect/", $name, ".pretty")),
        )
    };
}

#[test]
fn every_field_kind_prints_as_capnp_decode() {
    case!("everything", Everything);
    case!("defaults", Everything);
}

#[test]
fn unions_and_named_unions_print_as_capnp_decode() {
    case!("shape_circle", Shape);
    case!("shape_rect", Shape);
    case!("shape_empty", Shape);
    case!("shape_square_empty", Shape);
    case!("shape_points", Shape);
    case!("shape_color", Shape);
}

#[test]
fn values_this_schema_does_not_know_print_as_capnp_decode() {
    // An enum value and a union member of a newer schema: `(3)`, and no member.
    case!("newer_color", Shape);
    case!("newer_member", Shape);
}

#[test]
fn floats_print_as_capnp_decode() {
    case!("floats", Floats);
}

#[test]
fn values_built_in_rust_print_as_capnp_decode() {
    let shape = Shape {
        name: Some("new enum value".into()),
        union: shape::Union::Color(Color::Unknown(3)),
        border: shape::Border::default(),
        extra: 0,
    };
    assert_eq!(shape.to_string(), expected(include_str!("schemas/reflect/newer_color.short")));
    let rect = Shape {
        union: shape::Union::Rect(shape::Rect { w: 4, ..Default::default() }),
        border: shape::Border { union: shape::border::Union::Dashed(shape::border::Dashed { on: 2, off: 1 }) },
        ..Default::default()
    };
    assert_eq!(format!("{rect:?}"), expected(include_str!("schemas/reflect/shape_rect.short")));
    assert_eq!(format!("{:?}", Some(Point { x: 1, ..Default::default() })), "Some((x = 1, y = -7, isVisible = true))");
    // Width and precision apply to the text as to a `str`.
    let point = Point { x: 5, y: 6, label: None, is_visible: false };
    assert_eq!(format!("[{point:>36}]"), "[   (x = 5, y = 6, isVisible = false)]");
    assert_eq!(format!("[{point:.6}]"), "[(x = 5]");
}

#[test]
fn groups_print_on_their_own() {
    let bytes = include_bytes!("schemas/reflect/everything.bin");
    let short = include_str!("schemas/reflect/everything.short");
    let message = capnzero::read::<Everything>(bytes).unwrap();
    let position = message.root().position();
    assert_eq!(position.to_string(), "(lat = 52.5, lon = 13.25)");
    assert!(short.contains(&format!("position = {position}")));
    assert_eq!(format!("{:?}", position.to_owned()), "(lat = 52.5, lon = 13.25)");
    assert_eq!(everything::Position::default().to_string(), "(lat = 0, lon = 10)");
    let border = shape::Border { union: shape::border::Union::Width(3) };
    assert_eq!(border.to_string(), "(width = 3)");
    assert_eq!(format!("{border:#?}"), "(width = 3)");
    // The owned union enum keeps its derived Debug, its group payloads the text format.
    let dashed = shape::border::Union::Dashed(shape::border::Dashed { on: 1, off: 0 });
    assert_eq!(format!("{dashed:?}"), "Dashed((on = 1, off = 0))");
}

#[test]
fn enums_display_their_schema_names() {
    assert_eq!(Color::Green.to_string(), "green");
    assert_eq!(Color::Unknown(7).to_string(), "(7)");
    assert_eq!(format!("{:>6}|{:<6}|", Color::Red, Color::Blue), "   red|blue  |");
    // Debug stays the Rust enum's.
    assert_eq!(format!("{:?}", Color::Unknown(7)), "Unknown(7)");
    assert_eq!(Color::ENUMERANT_NAMES, &[("red", "Red"), ("green", "Green"), ("blue", "Blue")]);
}

/// The ID of `label`, `weight` and `tags` (`capnp compile -ocapnp reflect.capnp`).
const LABEL: u64 = 0xe4336097bf1b18da;
const WEIGHT: u64 = 0xe1cac34d89f826fb;
const TAGS: u64 = 0xfd450634ce2fb61b;

#[test]
fn struct_schemas_give_the_node_fields_and_annotations() {
    let point = Point::schema().unwrap();
    assert_eq!(point.id(), 0xb456f84cfd215d42);
    assert_eq!(point.id(), Point::TYPE_ID);
    assert_eq!(point.display_name(), "tests/schemas/reflect/reflect.capnp:Point");
    assert_eq!(point.short_name(), "Point");
    assert_eq!(point.fields().map(|f| f.name()).collect::<Vec<_>>(), ["x", "y", "label", "isVisible"]);
    assert_eq!(Point::FIELD_NAMES, &[("x", "x"), ("y", "y"), ("label", "label"), ("isVisible", "is_visible")]);
    assert_eq!((point.layout().data_word_count, point.layout().pointer_count), (3, 1));

    let annotations = &point.node().annotations;
    assert_eq!(annotations.iter().map(|a| a.id).collect::<Vec<_>>(), [LABEL, TAGS]);
    assert_eq!(annotations[0].value, Value::Text(Some("a point".into())));
    let Value::List(Some(words)) = &annotations[1].value else { panic!("{:?}", annotations[1].value) };
    let tags = PointerReader::constant(words).get_list(ElementSize::TwoBytes).unwrap().unwrap();
    assert_eq!((0..tags.len()).map(|i| tags.get::<u16>(i).unwrap()).collect::<Vec<_>>(), [1, 2, 3]);
    // The annotations' declarations are in the schema too.
    let schema = point.schema();
    assert_eq!(schema.node(LABEL).unwrap().display_name, "tests/schemas/reflect/reflect.capnp:label");

    let x = point.field("x").unwrap().proto();
    assert_eq!((x.annotations[0].id, &x.annotations[0].value), (WEIGHT, &Value::Float64(0.5)));
    let y = point.field("y").unwrap().proto();
    assert_eq!((y.annotations[0].id, &y.annotations[0].value), (LABEL, &Value::Text(Some("ordinate".into()))));

    let everything = Everything::schema().unwrap();
    assert_eq!(everything.id(), 0xf261035973781824);
    let names = Everything::FIELD_NAMES;
    assert_eq!(names.len(), everything.field_count());
    assert!(names.contains(&("type", "r#type")) && names.contains(&("self", "self_")));
    assert!(names.contains(&("float64s", "float64s")) && names.contains(&("position", "position")));
    // Groups have schemas of their own.
    let position = everything::Position::schema().unwrap();
    assert!(position.is_group());
    assert_eq!(position.fields().map(|f| f.name()).collect::<Vec<_>>(), ["lat", "lon"]);
    let shape = Shape::schema().unwrap();
    assert_eq!(shape.union_fields().len(), 6);
    assert!(shape::Border::schema().unwrap().has_union());
}

#[test]
fn enum_schemas_give_the_enumerants_and_annotations() {
    let color = Color::schema().unwrap();
    assert_eq!(color.id(), 0xcdc2fee183e6dcdb);
    assert_eq!(color.enumerants().iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["red", "green", "blue"]);
    assert_eq!(color.node().annotations[0].value, Value::Text(Some("colour".into())));
    let green = color.enumerant(1).unwrap();
    assert_eq!((green.annotations[0].id, &green.annotations[0].value), (LABEL, &Value::Text(Some("verdant".into()))));
}

#[test]
fn readers_read_through_the_dynamic_api() {
    let bytes = include_bytes!("schemas/reflect/everything.bin");
    let message = capnzero::read::<Everything>(bytes).unwrap();
    let root = message.root().dynamic().unwrap();
    assert_eq!(root.get("int16").unwrap().as_i64(), Some(-32768));
    assert_eq!(root.get("type").unwrap().as_str().unwrap(), "keyword");
    let point = root.get("point").unwrap().into_struct().unwrap();
    assert_eq!(point.get("isVisible").unwrap().as_bool(), Some(false));
    assert_eq!(point.schema(), &Point::schema().unwrap());
    assert_eq!(message.root().get_point().dynamic().unwrap().get("label").unwrap().as_str().unwrap(), "p");
}

#[test]
fn the_schema_is_decoded_once_for_every_thread() {
    let ids: Vec<u64> = std::thread::scope(|s| {
        let threads: Vec<_> =
            (0..4).map(|_| s.spawn(|| Shape::schema().unwrap().schema() as *const _ as usize)).collect();
        threads.into_iter().map(|t| t.join().unwrap() as u64).collect()
    });
    assert!(ids.iter().all(|&p| p == ids[0]));
    assert!(std::ptr::eq(Shape::schema().unwrap().schema(), Point::schema().unwrap().schema()));
}

#[test]
fn each_file_has_its_own_schema() {
    let pair = two::Pair { left: 1, right: Some("r".into()) };
    assert_eq!(pair.to_string(), r#"(left = 1, right = "r")"#);
    assert_eq!(two::Single::default().to_string(), "(only = -1)");
    assert_eq!(two::Pair::schema().unwrap().display_name(), "inline.capnp:Pair");
    assert_eq!(two::Single::schema().unwrap().display_name(), "inline.capnp:Single");
    assert!(!std::ptr::eq(two::Pair::schema().unwrap().schema(), two::Single::schema().unwrap().schema()));
}

/// Reads `bytes` as a `T` and checks that the generated printer (compile-time descriptions)
/// and the dynamic API's printer (the embedded schema) print the same, short and pretty. Each
/// printer reads its own copy of the message: a message's traversal budget is spent by reading.
/// The budget is small, so that a damaged list length (millions of Void elements) is cut short
/// the same way for both.
fn same_as_dynamic<T>(case: &str, bytes: &[u8]) -> bool
where
    T: Struct,
    for<'a> T::Reader<'a>: Display + Reflected<'a>,
{
    let options = capnzero::ReaderOptions { traversal_limit_words: 4096, ..Default::default() };
    let read = || capnzero::read_with_options::<T>(bytes, options);
    let (Ok(generated), Ok(dynamic)) = (read(), read()) else { return false };
    let (generated, dynamic) = (generated.root(), dynamic.root().to_dynamic());
    for (format, a, b) in [
        ("short", generated.to_string(), dynamic.to_string()),
        ("pretty", format!("{generated:#}"), format!("{dynamic:#}")),
    ] {
        // Not the texts themselves: a damaged list length can make them megabytes long.
        let differs_at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        let near = &a.as_bytes()[differs_at.saturating_sub(40)..a.len().min(differs_at + 40)];
        assert!(a == b, "{case}, {format}: the texts differ at byte {differs_at}: {:?}", String::from_utf8_lossy(near));
    }
    true
}

/// The readers whose dynamic view the differential check takes.
trait Reflected<'a> {
    fn to_dynamic(self) -> capnzero::schema::dynamic::DynamicStruct<'a>;
}

macro_rules! reflected {
    ($($reader:ident),*) => {$(
        impl<'a> Reflected<'a> for $reader<'a> {
            fn to_dynamic(self) -> capnzero::schema::dynamic::DynamicStruct<'a> {
                self.dynamic().unwrap()
            }
        }
    )*};
}

reflected!(EverythingReader, ShapeReader, FloatsReader);

/// Every fixture, and every fixture with one byte changed (malformed pointers, unknown
/// discriminants and enumerants, lists of the wrong size among them): both printers agree.
#[test]
fn the_generated_printer_and_the_dynamic_printer_agree_on_damaged_messages() {
    type Check = fn(&str, &[u8]) -> bool;
    let cases: [(&str, &[u8], Check); 5] = [
        ("everything", include_bytes!("schemas/reflect/everything.bin"), same_as_dynamic::<Everything>),
        ("defaults", include_bytes!("schemas/reflect/defaults.bin"), same_as_dynamic::<Everything>),
        ("shape_points", include_bytes!("schemas/reflect/shape_points.bin"), same_as_dynamic::<Shape>),
        ("shape_rect", include_bytes!("schemas/reflect/shape_rect.bin"), same_as_dynamic::<Shape>),
        ("floats", include_bytes!("schemas/reflect/floats.bin"), same_as_dynamic::<Floats>),
    ];
    let mut compared = 0;
    for (case, bytes, check) in cases {
        assert!(check(case, bytes), "{case}: the fixture reads");
        for i in 0..bytes.len() {
            for mask in [0x01u8, 0x10, 0x80, 0xff] {
                let mut damaged = bytes.to_vec();
                damaged[i] ^= mask;
                if check(&format!("{case} byte {i} ^ {mask:#x}"), &damaged) {
                    compared += 1;
                }
            }
        }
    }
    // Most damaged messages still read as a root (the frame and root pointer are a few bytes).
    assert!(compared > 3000, "{compared}");
}
