//! Schema names that collide with generated items, with each other or with Rust all generate,
//! by the naming rules of docs/codegen.md ("Naming rules"): the item claiming first keeps its
//! name, later ones take a `_`. Schema: tests/schemas/clash/clash.capnp; `regen.sh` there writes
//! the official tool's encoding and printing of each case (`check_fixtures.sh` re-checks them).

mod generated {
    capnzero::capnp_schema!("tests/schemas/clash/clash.capnp");
}

use generated::*;

/// The tool's output without its final newline.
fn expected(text: &str) -> &str {
    text.strip_suffix('\n').unwrap_or(text)
}

/// Every field of `Clash` set through the builders.
fn build_every() -> capnzero::Result<Vec<u8>> {
    let mut message = capnzero::MessageBuilder::default();
    let mut root = capnzero::init_root::<Clash>(&mut message);
    root.set_result(b"ab")?;
    root.set_has_result_(true);
    root.set_get_result_(-3);
    root.set_to_owned_(4);
    root.set_which_(5);
    root.set_reborrow(6);
    root.set_dynamic_(-7);
    root.set_schema("s")?;
    root.set_self_(8);
    root.set_super_(9);
    root.set_crate_(10);
    root.set_type(11);
    root.set_word(Word::Crate);
    root.set_union_(-12);
    root.choice().set_self_(13);
    root.set_untyped_(14);
    Ok(message.to_bytes())
}

#[test]
fn builders_write_what_the_official_tool_encodes() {
    assert_eq!(build_every().unwrap(), include_bytes!("schemas/clash/every.bin"));
}

#[test]
fn readers_read_every_renamed_field() {
    let bytes = build_every().unwrap();
    let message = capnzero::read::<Clash>(&bytes).unwrap();
    let root = message.root();
    assert_eq!(root.result(), Some(&b"ab"[..]));
    assert!(root.has_result());
    assert_eq!(root.get_result(), b"ab");
    assert!(root.has_result_());
    assert_eq!(root.get_result_(), -3);
    assert_eq!(root.to_owned_(), 4);
    assert_eq!(root.which_(), 5);
    assert_eq!(root.reborrow(), 6);
    assert_eq!(root.dynamic_(), -7);
    assert_eq!(root.schema(), Some("s"));
    assert_eq!((root.self_(), root.super_(), root.crate_(), root.r#type()), (8, 9, 10, 11));
    assert_eq!(root.word(), Word::Crate);
    assert_eq!(root.union_(), -12);
    assert_eq!(root.choice().self_(), Some(13));
    assert!(root.choice().is_self_());
    assert!(matches!(root.choice().which(), clash::choice_::Which::Self_(13)));
    assert!(matches!(root.which(), clash::Which::Untyped(14)));
    assert_eq!(root.untyped_(), Some(14));
    // The generated methods keep their names.
    assert!(root.dynamic().is_ok());
    assert_eq!(root.raw_discriminant(), 1);
    let owned = root.to_owned();
    assert!(owned.has_result_);
    assert_eq!(owned.union_, -12);
    assert_eq!(owned.union, clash::Union::Untyped(14));
    assert_eq!(owned.choice.union, clash::choice_::Union::Self_(13));
    assert_eq!(capnzero::to_bytes(&owned).unwrap(), bytes);
}

#[test]
fn display_is_what_capnp_decode_prints() {
    let bytes = include_bytes!("schemas/clash/every.bin");
    let message = capnzero::read::<Clash>(bytes).unwrap();
    let root = message.root();
    assert_eq!(root.to_string(), expected(include_str!("schemas/clash/every.short")));
    assert_eq!(format!("{root:#}"), expected(include_str!("schemas/clash/every.pretty")));
    assert_eq!(root.to_owned().to_string(), expected(include_str!("schemas/clash/every.short")));

    let bytes = include_bytes!("schemas/clash/types.bin");
    let message = capnzero::read::<ClashReader_>(bytes).unwrap();
    let root = message.root();
    assert_eq!(root.to_string(), expected(include_str!("schemas/clash/types.short")));
    assert_eq!(format!("{root:#}"), expected(include_str!("schemas/clash/types.pretty")));
}

#[test]
fn union_members_named_like_the_catch_all() {
    let mut message = capnzero::MessageBuilder::default();
    let mut root = capnzero::init_root::<Clash>(&mut message);
    root.choice().set_unknown();
    root.set_unknown_thing("t").unwrap();
    let bytes = message.to_bytes();
    assert_eq!(bytes, include_bytes!("schemas/clash/members.bin"));
    let message = capnzero::read::<Clash>(&bytes).unwrap();
    let root = message.root();
    assert!(root.choice().is_unknown());
    assert!(matches!(root.choice().which(), clash::choice_::Which::Unknown_));
    assert!(matches!(root.which(), clash::Which::UnknownThing(Some("t"))));
    assert_eq!(root.to_string(), expected(include_str!("schemas/clash/members.short")));
    assert_eq!(format!("{root:#}"), expected(include_str!("schemas/clash/members.pretty")));
    let owned = root.to_owned();
    assert_eq!(owned.choice.union, clash::choice_::Union::Unknown_);
    assert_eq!(owned.union, clash::Union::UnknownThing(Some("t".into())));
    // A discriminant this schema does not know is the catch-all, not the member `unknown`.
    let mut message = capnzero::MessageBuilder::default();
    let mut root = capnzero::init_root::<Clash>(&mut message);
    root.choice().set_reader(1);
    let mut bytes = message.to_bytes();
    let disc = clash::Choice_::schema().unwrap().discriminant_offset() as usize;
    // The root's data section starts after the 8-byte segment table and the root pointer.
    let at = 16 + disc * 2;
    assert_eq!(u16::from_le_bytes([bytes[at], bytes[at + 1]]), 3);
    bytes[at..at + 2].copy_from_slice(&9u16.to_le_bytes());
    let message = capnzero::read::<Clash>(&bytes).unwrap();
    assert!(matches!(message.root().choice().which(), clash::choice_::Which::Unknown(9)));
}

#[test]
fn enumerants_named_like_generated_items_and_keywords() {
    let all = [
        Word::Unknown_,
        Word::Which,
        Word::Reader,
        Word::Builder,
        Word::Schema,
        Word::Union,
        Word::Self_,
        Word::Super,
        Word::Crate,
        Word::Type,
        Word::Async,
    ];
    for (ordinal, word) in all.iter().enumerate() {
        assert_eq!(Word::from_u16(ordinal as u16), *word);
        assert_eq!(word.to_u16(), ordinal as u16);
    }
    assert_eq!(Word::from_u16(11), Word::Unknown(11));
    assert_eq!(Word::Unknown_.to_string(), "unknown");
    assert_eq!(Word::Self_.to_string(), "self");
    assert_eq!(Word::Unknown(11).to_string(), "(11)");
    assert_eq!(Word::ENUMERANT_NAMES[0], ("unknown", "Unknown_"));
    assert_eq!(Word::ENUMERANT_NAMES[6], ("self", "Self_"));
}

#[test]
fn types_named_like_generated_types() {
    // `ClashReader` (declared after `Clash`, whose reader it would be) is `ClashReader_`; a nested
    // `Which` next to the union's is `Which_`; a nested `Choice` keeps its name and the group
    // `choice` is `Choice_`.
    let value = ClashReader_ {
        x: 1,
        inner: Some(clash::ClashReader { x: 2 }),
        which_: Some(clash::Which_ { y: 3 }),
        choice: Some(clash::Choice { z: 4 }),
    };
    let bytes = capnzero::to_bytes(&value).unwrap();
    assert_eq!(bytes, include_bytes!("schemas/clash/types.bin"));
    let message = capnzero::read::<ClashReader_>(&bytes).unwrap();
    let root: ClashReader_Reader<'_> = message.root();
    assert_eq!(root.inner().map(|r| r.x()), Some(2));
    assert_eq!(root.which_().map(|r| r.y()), Some(3));
    assert_eq!(root.choice().map(|r| r.z()), Some(4));
    assert_eq!(root.to_owned(), value);
}

#[test]
fn field_names_pair_schema_and_rust_names() {
    let names = Clash::FIELD_NAMES;
    for pair in [
        ("result", "result"),
        ("hasResult", "has_result_"),
        ("getResult", "get_result_"),
        ("toOwned", "to_owned_"),
        ("which", "which_"),
        ("reborrow", "reborrow"),
        ("dynamic", "dynamic_"),
        ("self", "self_"),
        ("type", "r#type"),
        ("union", "union_"),
        ("untyped", "untyped_"),
    ] {
        assert!(names.contains(&pair), "{pair:?} in {names:?}");
    }
}
