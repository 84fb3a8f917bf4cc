//! `capnp_schema!` end to end: values written through owned types and builders, read back
//! through readers; messages written by the official `capnp` tool read here, and messages
//! written here decoded by the tool (`tests/schemas/check.sh`).

mod slice {
    capnzero::capnp_schema!("tests/schemas/slice.capnp");
}

mod inline {
    capnzero::capnp_schema!(inline = "@0xe1b2c3d4e5f60718; struct Pair { left @0 :UInt8; right @1 :Text; }");
}

use capnzero::Struct;
use slice::everything::inner::Kind;
use slice::*;

#[test]
fn defaults_of_an_empty_struct() {
    let bytes = capnzero::to_bytes(&Everything::default()).unwrap();
    let message = capnzero::read::<Everything>(&bytes).unwrap();
    let r = message.root();
    assert!(!r.b());
    assert!(r.b_true());
    assert_eq!(r.i8(), -3);
    assert_eq!(r.i32(), 100000);
    assert_eq!(r.u16(), 65535);
    assert_eq!(r.u64(), 12345678901234);
    assert_eq!(r.f32(), 1.5);
    assert_eq!(r.f64(), -2.25);
    assert_eq!(r.color(), Color::Green);
    assert_eq!(r.text(), None);
    assert!(!r.has_text());
    assert_eq!(r.get_text(), "");
    assert_eq!(r.text_with_default(), None);
    assert_eq!(r.get_text_with_default(), "hello");
    assert_eq!(r.get_data_with_default(), &[1, 2, 0xff]);
    assert!(r.point().is_none());
    assert_eq!(r.get_point().y(), -7);
    let p = r.get_point_with_default();
    assert_eq!((p.x(), p.y(), p.get_label()), (3, -7, "dflt"));
    assert_eq!(r.get_ints_with_default().to_vec(), vec![1, 2, 3]);
    assert!(r.ints().is_none());
    assert_eq!(r.get_ints().len(), 0);
    assert_eq!(r.position().lon(), 10.0);
    assert!(r.inner().is_none());
    assert_eq!(r.to_owned(), Everything::default());
    // The owned default is the schema default, and reads back unchanged.
    let d = Everything::default();
    assert_eq!((d.b_true, d.i8, d.u16, d.f32, d.color, d.position.lon), (true, -3, 65535, 1.5, Color::Green, 10.0));
    // Fields at their defaults are zero on the wire.
    assert!(r.untyped().data_section().iter().all(|&b| b == 0));
}

fn sample() -> Everything {
    Everything {
        b: true,
        b_true: false,
        i8: i8::MIN,
        i16: -2,
        i32: 0,
        i64: i64::MAX,
        u8: 255,
        u16: 0,
        u32: 7,
        u64: 1,
        f32: f32::NAN,
        f64: -0.0,
        text: Some("text".into()),
        text_with_default: Some(String::new()),
        data: Some(vec![0, 1, 2]),
        data_with_default: None,
        color: Color::Unknown(77),
        point: Some(Point { x: 1, y: 2, label: Some("p".into()) }),
        point_with_default: None,
        ints: Some(vec![-1, 0, 1]),
        bools: Some(vec![true, false, false, true, true, false, true, false, true]),
        texts: Some(vec!["a".into(), String::new(), "ccc".into()]),
        points: Some(vec![Point::default(), Point { x: 5, ..Point::default() }]),
        nested: Some(vec![vec![1, 2], vec![], vec![3]]),
        colors: Some(vec![Color::Blue, Color::Red]),
        ints_with_default: Some(vec![]),
        r#type: 4,
        self_: Some(Box::new(Everything { i16: 99, ..Everything::default() })),
        position: everything::Position { lat: 1.0, lon: 2.0 },
        inner: Some(everything::Inner { kind: Kind::Large }),
    }
}

#[test]
fn owned_round_trip() {
    let value = sample();
    let bytes = capnzero::to_bytes(&value).unwrap();
    let message = capnzero::read::<Everything>(&bytes).unwrap();
    let r = message.root();
    assert!(r.b());
    assert!(!r.b_true());
    assert_eq!(r.i8(), i8::MIN);
    assert_eq!(r.i64(), i64::MAX);
    assert_eq!(r.u8(), 255);
    assert_eq!(r.u16(), 0);
    assert!(r.f32().is_nan());
    assert_eq!(r.f64().to_bits(), (-0.0f64).to_bits());
    assert_eq!(r.text(), Some("text"));
    assert_eq!(r.text_with_default(), Some(""));
    assert_eq!(r.get_text_with_default(), "");
    assert_eq!(r.data(), Some(&[0u8, 1, 2][..]));
    assert_eq!(r.color(), Color::Unknown(77));
    assert_eq!(r.color().to_u16(), 77);
    let point = r.point().unwrap();
    assert_eq!((point.x(), point.y(), point.label()), (1, 2, Some("p")));
    assert_eq!(r.ints().unwrap().iter().collect::<Vec<_>>(), vec![-1, 0, 1]);
    let bools = r.bools().unwrap();
    assert_eq!(bools.len(), 9);
    assert_eq!(bools.get(8), Some(true));
    assert_eq!(bools.get(9), None);
    assert_eq!(r.texts().unwrap().iter().collect::<Vec<_>>(), vec!["a", "", "ccc"]);
    assert_eq!(r.points().unwrap().get(1).unwrap().x(), 5);
    assert_eq!(r.points().unwrap().get(1).unwrap().y(), -7);
    assert_eq!(r.nested().unwrap().get(2).unwrap().to_vec(), vec![3]);
    assert_eq!(r.colors().unwrap().to_vec(), vec![Color::Blue, Color::Red]);
    assert!(r.has_ints_with_default());
    assert_eq!(r.get_ints_with_default().len(), 0);
    assert_eq!(r.r#type(), 4);
    assert_eq!(r.self_().unwrap().i16(), 99);
    assert_eq!(r.position().lat(), 1.0);
    assert_eq!(r.inner().unwrap().kind(), Kind::Large);
    let mut expected = value.clone();
    expected.f32 = 0.0; // NaN is not equal to itself: compare the rest.
    let mut owned = r.to_owned();
    assert!(owned.f32.is_nan());
    owned.f32 = 0.0;
    assert_eq!(owned, expected);
}

#[test]
fn builders_write_in_place() {
    let mut message = capnzero::MessageBuilder::default();
    let mut b = capnzero::init_root::<Everything>(&mut message);
    b.set_i32(-5);
    b.set_color(Color::Blue);
    b.set_text("built").unwrap();
    b.set_data(b"\x00\x01").unwrap();
    let mut point = b.init_point().unwrap();
    point.set_x(11);
    point.set_label("inner").unwrap();
    let mut ints = b.init_ints(3).unwrap();
    ints.set(2, &42).unwrap();
    assert!(ints.set(3, &1).is_err());
    let mut points = b.init_points(2).unwrap();
    points.get(1).unwrap().set_y(8);
    b.set_texts(&["x".to_string()]).unwrap();
    b.position().set_lat(6.5);
    b.init_inner().unwrap().set_kind(Kind::Small);
    let bytes = message.to_bytes();
    let message = capnzero::read::<Everything>(&bytes).unwrap();
    let r = message.root();
    assert_eq!(r.i32(), -5);
    assert_eq!(r.color(), Color::Blue);
    assert_eq!(r.text(), Some("built"));
    assert_eq!(r.data(), Some(&b"\x00\x01"[..]));
    assert_eq!(r.point().unwrap().x(), 11);
    assert_eq!(r.point().unwrap().get_label(), "inner");
    assert_eq!(r.ints().unwrap().to_vec(), vec![0, 0, 42]);
    assert_eq!(r.points().unwrap().get(1).unwrap().y(), 8);
    assert_eq!(r.points().unwrap().get(0).unwrap().y(), -7);
    assert_eq!(r.texts().unwrap().to_vec(), vec!["x".to_string()]);
    assert_eq!(r.position().lat(), 6.5);
    assert_eq!(r.inner().unwrap().kind(), Kind::Small);
    assert!(r.has_inner());
}

#[test]
fn unions() {
    let shapes = [
        shape::Union::Circle(2.5),
        shape::Union::Square(Some("sq".into())),
        shape::Union::Square(None),
        shape::Union::Empty,
        shape::Union::Rect(shape::Rect { w: 3, h: 4 }),
        shape::Union::Points(Some(vec![Point { x: 1, ..Point::default() }])),
        shape::Union::Unknown(40),
    ];
    for union in shapes {
        let value = Shape { name: Some("s".into()), union: union.clone() };
        let bytes = capnzero::to_bytes(&value).unwrap();
        let message = capnzero::read::<Shape>(&bytes).unwrap();
        let r = message.root();
        assert_eq!(r.to_owned(), value);
        assert_eq!(r.name(), Some("s"));
        match (&union, r.which()) {
            (shape::Union::Circle(c), shape::Which::Circle(v)) => {
                assert_eq!(*c, v);
                assert_eq!(r.circle(), Some(2.5));
                assert!(r.is_circle() && !r.is_square() && !r.is_rect());
            }
            (shape::Union::Square(s), shape::Which::Square(v)) => {
                assert_eq!(s.as_deref(), v);
                assert_eq!(r.has_square(), s.is_some());
                assert_eq!(r.circle(), None);
            }
            (shape::Union::Empty, shape::Which::Empty) => assert!(r.is_empty()),
            (shape::Union::Rect(_), shape::Which::Rect(g)) => {
                assert_eq!((g.w(), g.h()), (3, 4));
                assert_eq!(r.rect().unwrap().h(), 4);
            }
            (shape::Union::Points(_), shape::Which::Points(v)) => assert_eq!(v.unwrap().get(0).unwrap().x(), 1),
            (shape::Union::Unknown(d), shape::Which::Unknown(v)) => assert_eq!(*d, v),
            _ => panic!("which() does not match what was written"),
        }
        assert_eq!(r.raw_discriminant(), r.untyped().get::<u16>(4));
        // Inactive members read as None, never as the active member's bits.
        if !r.is_circle() {
            assert_eq!(r.circle(), None);
        }
        if !r.is_square() {
            assert_eq!(r.square(), None);
            assert!(!r.has_square());
            assert_eq!(r.get_square(), "");
        }
        if !r.is_rect() {
            assert!(r.rect().is_none());
        }
        if !r.is_points() {
            assert!(r.points().is_none());
        }
    }
    assert_eq!(Shape::default().union, shape::Union::Circle(0.0));
}

#[test]
fn setting_a_union_member_sets_the_discriminant_and_clears_groups() {
    let mut message = capnzero::MessageBuilder::default();
    let mut b = capnzero::init_root::<Shape>(&mut message);
    b.set_circle(f64::from_bits(u64::MAX));
    let mut rect = b.init_rect();
    rect.set_w(1);
    let bytes = message.to_bytes();
    let message = capnzero::read::<Shape>(&bytes).unwrap();
    let r = message.root();
    assert!(r.is_rect());
    // The group's fields were cleared: h reads its default, not the circle's bits.
    assert_eq!((r.rect().unwrap().w(), r.rect().unwrap().h()), (1, 9));
    assert_eq!(r.circle(), None);
}

#[test]
fn recursive_structs() {
    let tree = Tree {
        value: 1,
        left: Some(Box::new(Tree { value: 2, ..Tree::default() })),
        children: Some(vec![Tree { value: 3, ..Tree::default() }]),
    };
    let bytes = capnzero::to_bytes(&tree).unwrap();
    let message = capnzero::read::<Tree>(&bytes).unwrap();
    assert_eq!(message.root().left().unwrap().value(), 2);
    assert_eq!(message.root().to_owned(), tree);
    assert_eq!(<Tree as Struct>::DATA_WORDS, 1);
    assert_eq!(<Tree as Struct>::POINTER_COUNT, 2);
}

#[test]
fn reads_what_the_capnp_tool_wrote() {
    let bytes = include_bytes!("schemas/everything.bin");
    let message = capnzero::read::<Everything>(bytes).unwrap();
    let r = message.root();
    assert!(r.b() && !r.b_true());
    assert_eq!((r.i8(), r.i16(), r.i32(), r.i64()), (5, -300, 7, -9000000000));
    assert_eq!((r.u8(), r.u16(), r.u32(), r.u64()), (200, 1, 4000000000, 0));
    assert_eq!((r.f32(), r.f64()), (-0.5, 3.25));
    assert_eq!(r.text(), Some("tool text"));
    assert_eq!(r.data(), Some(&[0xde, 0xad][..]));
    assert_eq!(r.color(), Color::Blue);
    let p = r.point().unwrap();
    assert_eq!((p.x(), p.y(), p.label()), (1, 2, Some("p")));
    assert_eq!(r.ints().unwrap().to_vec(), vec![1, -2, 3]);
    assert_eq!(r.bools().unwrap().to_vec(), vec![true, false, true]);
    assert_eq!(r.texts().unwrap().to_vec(), vec!["a".to_string(), "bc".to_string()]);
    let points = r.points().unwrap();
    assert_eq!((points.get(0).unwrap().x(), points.get(0).unwrap().y()), (10, -7));
    assert_eq!(points.get(1).unwrap().label(), Some("second"));
    assert_eq!(r.nested().unwrap().to_vec(), vec![vec![1, 2], vec![], vec![3]]);
    assert_eq!(r.colors().unwrap().to_vec(), vec![Color::Red, Color::Blue]);
    assert_eq!(r.r#type(), 9);
    assert_eq!((r.position().lat(), r.position().lon()), (1.25, 10.0));
    assert_eq!(r.inner().unwrap().kind(), Kind::Large);
    assert_eq!(r.get_text_with_default(), "hello");

    let bytes = include_bytes!("schemas/shape_rect.bin");
    let message = capnzero::read::<Shape>(bytes).unwrap();
    let r = message.root();
    assert_eq!(r.to_owned(), Shape { name: Some("r".into()), union: shape::Union::Rect(shape::Rect { w: 3, h: 4 }) });
}

#[test]
fn malformed_messages_never_panic() {
    // A root pointer to a list where a struct is expected: an error when opened.
    let bytes = [0u8, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
    assert!(capnzero::read::<Point>(&bytes).is_err());
    // A struct whose Text pointer points past the segment: the field reads as None.
    let mut words = vec![0u8, 0, 0, 0, 4, 0, 0, 0];
    words.extend([0, 0, 0, 0, 2, 0, 1, 0]); // root: struct, 2 data words, 1 pointer
    words.extend([0; 16]);
    words.extend([0x01, 0x10, 0, 0, 0x22, 0, 0, 0]); // list pointer far out of bounds
    let message = capnzero::read::<Point>(&words).unwrap();
    assert_eq!(message.root().label(), None);
    assert!(message.root().has_label());
    assert_eq!(message.root().get_label(), "");
    assert_eq!(message.root().to_owned(), Point { y: -7, ..Point::default() });
}

#[test]
fn inline_schema() {
    let bytes = capnzero::to_bytes(&inline::Pair { left: 3, right: Some("r".into()) }).unwrap();
    let message = capnzero::read::<inline::Pair>(&bytes).unwrap();
    assert_eq!((message.root().left(), message.root().right()), (3, Some("r")));
}

#[test]
fn ids_and_sizes_match_the_official_compiler() {
    // From `capnp compile -ocapnp tests/schemas/slice.capnp`.
    assert_eq!(<Point as Struct>::TYPE_ID, 0xeb36f2bbd7ade0c5);
    assert_eq!((<Point as Struct>::DATA_WORDS, <Point as Struct>::POINTER_COUNT), (2, 1));
    assert_eq!(<Shape as Struct>::TYPE_ID, 0xd7d390709e554103);
    assert_eq!((<Shape as Struct>::DATA_WORDS, <Shape as Struct>::POINTER_COUNT), (2, 2));
}
