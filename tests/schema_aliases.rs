//! Aliases of generic parameters and of nested generic declarations, looked up through bound
//! brands (`G(P, Text).AliasFoo`), as `capnp_schema!` generates them (schema: the request
//! fixture schema/tests/request/aliases.capnp, whose request equals capnp's): the official
//! compiler substitutes the bindings, so `S` is a plain struct whose field `a` is a `P`, and the
//! defaults written through the aliases are values of the bound types.

mod aliases {
    capnzero::capnp_schema!("schema/tests/request/aliases.capnp");
}

use aliases::*;
use capnzero::kind;

const S_BIN: &[u8] = include_bytes!("schemas/aliases/s.bin");

fn expected(text: &str) -> &str {
    text.strip_suffix('\n').unwrap_or(text)
}

#[test]
fn fields_through_aliases_have_the_bound_types() {
    let message = capnzero::read::<S>(S_BIN).unwrap();
    let s: SReader<'_> = message.root();
    let a: PReader<'_> = s.a().unwrap();
    assert_eq!((a.x(), a.name()), (-5, Some("a")));
    assert_eq!(s.get_b(), "bee");
    assert_eq!(s.c().unwrap().x(), 8);
    let inner: g::InnerReader<'_, P, kind::Text> = s.inner().unwrap();
    assert_eq!((inner.foo().unwrap().x(), inner.bar()), (9, Some("nine")));
    let inner2: g::Inner2Reader<'_, P, kind::Text, kind::Data> = s.inner2().unwrap();
    assert_eq!(inner2.bar(), Some("b2"));
    assert_eq!(inner2.baz(), Some(&[0xff, 0][..]));
    assert_eq!(inner2.inner_bound().unwrap().foo().unwrap().x(), 10);
    assert_eq!(s.rev(), Some("backwards"));
    let list: Vec<(i16, &str)> = s.list().unwrap().iter().map(|p| (p.x(), p.get_name())).collect();
    assert_eq!(list, [(4, ""), (5, "five")]);
    assert_eq!(s.nested().unwrap().foo().unwrap().x(), 12);
    assert_eq!(s.box_value().unwrap().x(), 13);
    assert_eq!(s.box_items().unwrap().iter().collect::<Vec<_>>(), ["k"]);
    assert_eq!(s.box_self().unwrap().value().unwrap().x(), 14);
    assert_eq!(s.box_wrap().unwrap().inner().unwrap().x(), 15);
}

#[test]
fn defaults_written_through_aliases_are_values_of_the_bound_types() {
    let bytes = capnzero::to_bytes(&S::default()).unwrap();
    let message = capnzero::read::<S>(&bytes).unwrap();
    let s = message.root();
    assert!(s.a().is_none());
    assert_eq!(s.get_a().x(), 123);
    assert_eq!(s.get_b(), "bee");
    assert_eq!((s.get_c().x(), s.get_c().get_name()), (7, "seven"));
    assert_eq!((s.get_inner().get_foo().x(), s.get_inner().get_bar()), (1, "one"));
    let inner2 = s.get_inner2();
    assert_eq!((inner2.get_bar(), inner2.get_baz()), ("two", &[1u8, 2][..]));
    assert_eq!(inner2.get_inner_bound().get_foo().x(), 2);
    assert_eq!(s.get_inner2_text().get_baz(), "text");
    assert_eq!(s.get_inner2_text().get_inner_bound().get_bar(), "bound");
    assert_eq!(s.get_rev(), "reversed");
    assert_eq!(s.get_list().iter().map(|p| p.x()).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(s.get_foo_list().iter().map(|p| p.x()).collect::<Vec<_>>(), [3]);
    assert_eq!(s.get_box_value().x(), 11);
    assert_eq!(s.get_box_items().iter().collect::<Vec<_>>(), ["i", "j"]);
    assert_eq!(s.get_box_wrap().get_inner().x(), 14);
    let constant: PReader<'static> = ALIAS_CONST.get();
    assert_eq!((constant.x(), constant.get_name()), (5, "five"));
}

#[test]
fn built_in_rust_and_printed_as_capnp_decode() {
    let message = capnzero::read::<S>(S_BIN).unwrap();
    let s = message.root();
    assert_eq!(s.to_string(), expected(include_str!("schemas/aliases/s.short")));
    assert_eq!(format!("{s:#}"), expected(include_str!("schemas/aliases/s.pretty")));
    // Owned values round-trip to the same bytes' text.
    let owned = s.to_owned();
    let again = capnzero::to_bytes(&owned).unwrap();
    let reread = capnzero::read::<S>(&again).unwrap();
    assert_eq!(reread.root().to_string(), expected(include_str!("schemas/aliases/s.short")));
    // A value built field by field reads back with the bound types.
    let built = S { a: Some(P { x: 77, ..Default::default() }), rev: Some("r".into()), ..Default::default() };
    let bytes = capnzero::to_bytes(&built).unwrap();
    let read = capnzero::read::<S>(&bytes).unwrap();
    assert_eq!(read.root().to_string(), r#"(a = (x = 77), rev = "r")"#);
}
