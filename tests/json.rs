//! `capnzero::json` on types `capnp_schema!` generates from the JSON codec's fixture schema
//! (schema/tests/json/all.capnp: every type, unions, groups, generics, every `json.capnp`
//! annotation): readers and owned values write the JSON `capnp convert binary:json` wrote for
//! the same messages (pretty and `--short`), and JSON read back gives the bytes `capnp convert
//! json:binary` gave. The fixtures are the codec's own, re-checked against capnp in CI
//! (schema/tests/json/check.sh).

mod all {
    capnzero::capnp_schema!("schema/tests/json/all.capnp");
}

use capnzero::schema::reflect::Reflect;
use capnzero::Struct;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/tests/json");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

/// The case `name` (a message of root type `T`) both ways.
fn check<T: Struct + Reflect>(name: &str, decode: bool) {
    let bytes = fixture(&format!("{name}.bin"));
    let message = capnzero::read::<T>(&bytes).unwrap();
    let pretty = capnzero::json::reader_to_string::<T>(message.root(), true).unwrap();
    assert_eq!(pretty + "\n", text(&format!("{name}.pretty.json")), "{name}: pretty");
    let short = capnzero::json::reader_to_string::<T>(message.root(), false).unwrap();
    assert_eq!(short + "\n", text(&format!("{name}.short.json")), "{name}: short");
    // An owned value writes the same.
    let owned = T::read_owned(message.root());
    assert_eq!(capnzero::json::to_string(&owned).unwrap() + "\n", text(&format!("{name}.short.json")), "{name}");
    if decode {
        for json in [format!("{name}.pretty.json"), format!("{name}.short.json")] {
            let built = capnzero::json::from_str_to_message::<T>(&text(&json)).unwrap();
            assert!(built.to_bytes() == fixture(&format!("{name}.json.bin")), "{json}: not capnp's json:binary bytes");
        }
    }
}

#[test]
fn generated_types_write_and_read_capnp_json() {
    check::<all::Scalars>("scalars", true);
    check::<all::Scalars>("scalars_zero", true);
    check::<all::Lists>("lists", true);
    check::<all::Lists>("lists_long", true);
    check::<all::Unions>("unions_a", true);
    check::<all::Unions>("unions_b", true);
    check::<all::Unions>("unions_c", true);
    check::<all::Annotated>("annotated_a", true);
    check::<all::Annotated>("annotated_b", true);
    check::<all::Annotated>("annotated_c", true);
    check::<all::Annotated>("annotated_d", true);
    check::<all::Deep>("deep", true);
    check::<all::WithJson>("json_value", true);
    check::<all::WithJson>("json_call", false);
    check::<all::MoreAnnotated>("more_a", true);
    check::<all::MoreAnnotated>("more_b", true);
    check::<all::MoreAnnotated>("more_c", true);
    check::<all::UsesGenerics>("generics", true);
    check::<all::Unions>("unknown_union", false);
}

#[test]
fn owned_values_round_trip_through_json() {
    let bytes = fixture("annotated_b.bin");
    let message = capnzero::read::<all::Annotated>(&bytes).unwrap();
    let owned = message.root().to_owned();
    let json = capnzero::json::to_string_pretty(&owned).unwrap();
    let back: all::Annotated = capnzero::json::from_str(&json).unwrap();
    assert_eq!(back, owned);
    assert_eq!(capnzero::json::to_string_pretty(&back).unwrap(), json);
}

#[test]
fn bad_json_is_an_error_with_its_place() {
    let error = capnzero::json::from_str::<all::Scalars>("{\n  \"int8\": [1,\n}").unwrap_err();
    assert!(error.position.is_some(), "{error}");
    assert_eq!(error.position.unwrap().line, 3);
    let error = capnzero::json::from_str::<all::Scalars>("[1, 2]").unwrap_err();
    assert!(!error.to_string().is_empty());
}
