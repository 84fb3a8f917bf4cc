//! `$Rust.name` renames generated items; the schema names stay in the text format and in
//! reflection. Schema: tests/schemas/names/names.capnp.

mod names {
    capnzero::capnp_schema!("tests/schemas/names/names.capnp");
}

use names::*;

#[test]
fn renamed_declarations_have_their_rust_names() {
    let value = Vector {
        kind: 7,
        x: 1.5,
        position: vector::Position { a: -3 },
        union: vector::Union::Primary,
        scale: measures::Scale::Log,
    };
    let bytes = capnzero::to_bytes(&value).unwrap();
    let message = capnzero::read::<Vector>(&bytes).unwrap();
    let root: VectorReader<'_> = message.root();
    assert_eq!(root.kind(), 7);
    assert_eq!(root.position().a(), -3);
    assert!(root.is_primary());
    assert!(matches!(root.which(), vector::Which::Primary));
    assert_eq!(root.scale(), measures::Scale::Log);
    assert_eq!(root.to_owned(), value);
    let nested = vector::Nested { v: 4 };
    assert_eq!(nested.v, 4);
    assert_eq!(Colour::from_u16(0), Colour::Crimson);
    assert_eq!(Colour::from_u16(1), Colour::Blue);
    assert_eq!(LIMIT, 3u32);
    assert_eq!(service::Method::from_ordinal(0), Some(service::Method::Run));
    assert_eq!(service::Method::Run.name(), "doIt");
}

#[test]
fn the_schema_names_stay_in_the_text_format_and_reflection() {
    let value = Vector { kind: 7, union: vector::Union::Second(Some("s".into())), ..Default::default() };
    assert_eq!(value.to_string(), "(type = 7, x = 0, pos = (a = 0), second = \"s\", scale = linear)");
    assert_eq!(Vector::FIELD_NAMES[0], ("type", "kind"));
    assert_eq!(Vector::FIELD_NAMES[2], ("pos", "position"));
    assert_eq!(Colour::ENUMERANT_NAMES[0], ("red", "Crimson"));
    assert_eq!(Colour::Crimson.to_string(), "red");
    assert_eq!(Vector::schema().unwrap().node().display_name, "tests/schemas/names/names.capnp:Vec2");
}
