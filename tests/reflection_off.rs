//! `capnp_schema!(…, reflection = off)`: no embedded schema, and still the text format of
//! `capnp decode` (the fixtures of `tests/reflection.rs`), from compile-time descriptions.

mod reflect {
    capnzero::capnp_schema!("tests/schemas/reflect/reflect.capnp", reflection = off);
}

use reflect::*;

fn expected(text: &str) -> &str {
    text.strip_suffix('\n').unwrap_or(text)
}

#[test]
fn display_and_debug_print_as_capnp_decode_without_reflection() {
    let cases: [(&[u8], &str, &str); 3] = [
        (
            include_bytes!("schemas/reflect/everything.bin"),
            include_str!("schemas/reflect/everything.short"),
            include_str!("schemas/reflect/everything.pretty"),
        ),
        (
            include_bytes!("schemas/reflect/defaults.bin"),
            include_str!("schemas/reflect/defaults.short"),
            include_str!("schemas/reflect/defaults.pretty"),
        ),
        (
            include_bytes!("schemas/reflect/floats.bin"),
            include_str!("schemas/reflect/floats.short"),
            include_str!("schemas/reflect/floats.pretty"),
        ),
    ];
    let (everything, defaults, floats) = (cases[0], cases[1], cases[2]);
    for (bytes, short, pretty) in [everything, defaults] {
        let message = capnzero::read::<Everything>(bytes).unwrap();
        let reader = message.root();
        assert_eq!(reader.to_string(), expected(short));
        assert_eq!(format!("{reader:?}"), expected(short));
        assert_eq!(format!("{reader:#}"), expected(pretty));
        let owned = capnzero::Struct::read_owned(reader);
        let owned: &Everything = &owned;
        assert_eq!(format!("{owned}"), expected(short));
        assert_eq!(format!("{owned:#?}"), expected(pretty));
    }
    let (bytes, short, pretty) = floats;
    let message = capnzero::read::<Floats>(bytes).unwrap();
    assert_eq!(message.root().to_string(), expected(short));
    assert_eq!(format!("{:#}", message.root()), expected(pretty));
}

#[test]
fn unions_and_enums_print_without_reflection() {
    let message = capnzero::read::<Shape>(include_bytes!("schemas/reflect/newer_color.bin")).unwrap();
    assert_eq!(message.root().to_string(), expected(include_str!("schemas/reflect/newer_color.short")));
    assert_eq!(Color::Green.to_string(), "green");
    assert_eq!(Color::Unknown(9).to_string(), "(9)");
    // The name tables need no schema either.
    assert_eq!(Point::FIELD_NAMES[3], ("isVisible", "is_visible"));
    assert_eq!(Color::ENUMERANT_NAMES[0], ("red", "Red"));
}
