//! The dynamic API: schema lookups, the reader (every kind of value by name, unions, defaults,
//! brands, errors, malformed input) and the builder (messages built by field name that print as
//! `capnp decode` printed the same data), on the fixtures of `tests/text_print/`.

use std::path::{Path, PathBuf};

use capnzero_runtime::{ErrorKind, MessageBuilder, MessageReader, ReaderOptions};
use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
use capnzero_schema::dynamic::{
    DynamicList, DynamicStruct, DynamicStructBuilder, DynamicValue, Error, FindType, Schema, StructSchema, Which,
};
use capnzero_schema::model::{AnyPointer, Type};
use capnzero_schema::text::print;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/text_print")
}

fn read(name: &str) -> Vec<u8> {
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema() -> Schema {
    let text = String::from_utf8(read("all.capnp")).unwrap();
    let compiled = compile(&[SourceFile { name: "all.capnp".into(), text }], &mut MemoryLoader::default()).unwrap();
    Schema::new(compiled)
}

fn ty<'s>(schema: &'s Schema, name: &str) -> StructSchema<'s> {
    schema.find_type(schema.compiled().requested[0].id, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Opens `name.bin` and reads its root as `type_name`, then runs `check` on it.
fn with_root(schema: &Schema, name: &str, type_name: &str, check: impl FnOnce(DynamicStruct<'_>)) {
    let bytes = read(&format!("{name}.bin"));
    let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let root = DynamicStruct::root(&message, ty(schema, type_name)).unwrap();
    check(root);
}

fn list<'a>(value: DynamicValue<'a>) -> DynamicList<'a> {
    value.into_list().expect("a list")
}

fn elements<'a>(list: &DynamicList<'a>) -> Vec<DynamicValue<'a>> {
    list.iter().map(|e| e.unwrap()).collect()
}

fn text(value: DynamicValue<'_>) -> String {
    value.as_str().unwrap().to_string()
}

#[test]
fn nodes_are_found_by_id_and_types_by_name() {
    let schema = schema();
    let scalars = ty(&schema, "Scalars");
    assert_eq!(schema.node(scalars.id()).unwrap().display_name, "all.capnp:Scalars");
    assert_eq!(scalars.display_name(), "all.capnp:Scalars");
    assert_eq!(scalars.short_name(), "Scalars");
    assert_eq!(schema.node(0x1234), None);
    assert_eq!(schema.struct_schema(0x1234).unwrap_err(), Error::NoSuchNode(0x1234));
    let color = schema.nested(schema.compiled().requested[0].id, "Color").unwrap().id;
    assert!(matches!(schema.struct_schema(color), Err(Error::WrongNodeKind { expected: "struct", .. })));
    let color = schema.enum_schema(color).unwrap();
    let names: Vec<&str> = color.enumerants().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["red", "green", "blue"]);
    assert_eq!(color.ordinal_of("blue"), Some(2));
    assert_eq!(color.enumerant(3), None);

    let names: Vec<&str> = scalars.fields().map(|f| f.name()).collect();
    assert_eq!(names[..4], ["void", "bool", "i8", "i16"]);
    assert_eq!(scalars.field_count(), 15);
    assert_eq!(scalars.field("f64").unwrap().ty(), Type::Float64);
    assert_eq!(scalars.field("f64").unwrap().index(), 11);
    assert!(scalars.field("nope").is_none());
    assert!(!scalars.has_union());

    let unions = ty(&schema, "Unions");
    assert!(unions.has_union());
    let members: Vec<&str> = unions.union_fields().iter().map(|f| f.name()).collect();
    assert_eq!(members, ["unset", "number", "nothing", "word", "inner", "withDefault"]);
    let others: Vec<&str> = unions.non_union_fields().iter().map(|f| f.name()).collect();
    assert_eq!(others, ["before", "after", "named", "grp", "tail"]);
    assert_eq!(unions.field_by_discriminant(0).unwrap().name(), "unset");
    assert_eq!(unions.field_by_discriminant(5).unwrap().name(), "withDefault");
    assert!(unions.field_by_discriminant(6).is_none());
    let grp = unions.field("grp").unwrap();
    assert!(grp.is_group());
    let grp = grp.group().unwrap().unwrap();
    assert!(grp.is_group());
    let sub = grp.field("sub").unwrap().group().unwrap().unwrap();
    assert!(sub.has_union());
    assert_eq!(sub.union_fields().len(), 2);
}

#[test]
fn type_names_resolve_and_fail_as_the_official_tool_says() {
    // typenames.expected holds what `capnp decode all.capnp TYPE` said for each name.
    let schema = schema();
    let file = schema.compiled().requested[0].id;
    let names = String::from_utf8(read("typenames.txt")).unwrap();
    let expected = String::from_utf8(read("typenames.expected")).unwrap();
    let names: Vec<&str> = names.lines().collect();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(names.len(), expected.len());
    assert!(names.len() >= 40);
    for (name, expected) in names.iter().zip(&expected) {
        let name = if *name == "<empty>" { "" } else { name };
        let got = match schema.find_type(file, name) {
            Ok(_) => "ok".to_string(),
            Err(Error::TypeName(message)) => message,
            Err(other) => panic!("{name}: {other:?}"),
        };
        assert_eq!(got, *expected, "type name {name:?}");
    }
    assert_eq!(schema.find_type(7, "Scalars").unwrap_err(), Error::NoSuchNode(7));
}

#[test]
fn brands_bind_generic_parameters() {
    let schema = schema();
    let branded = ty(&schema, "Generic(Text, Scalars)");
    assert_eq!(branded.field("value").unwrap().ty(), Type::Text);
    let other = branded.field("other").unwrap().ty();
    assert_eq!(schema.struct_of_type(&other).unwrap().short_name(), "Scalars");
    // Through a nested type and a struct parameterised by a parameter.
    let inner = schema.struct_of_type(&branded.field("inner").unwrap().ty()).unwrap();
    assert_eq!(inner.field("t").unwrap().ty(), Type::Text);
    let pair = schema.struct_of_type(&branded.field("pair").unwrap().ty()).unwrap();
    assert_eq!(pair.field("key").unwrap().ty(), Type::Text);
    let Type::List(element) = pair.field("items").unwrap().ty() else { panic!("a list") };
    let item = schema.struct_of_type(&element).unwrap();
    assert_eq!(item.field("key").unwrap().ty(), Type::Text);
    // Unbound parameters are AnyPointers.
    let unbound = ty(&schema, "Generic");
    assert_eq!(unbound.field("value").unwrap().ty(), Type::AnyPointer(AnyPointer::AnyKind));
    let inner = ty(&schema, "Generic(Data, Text).Inner");
    assert_eq!(inner.field("t").unwrap().ty(), Type::Data);
    assert_eq!(inner.field("u").unwrap().ty(), Type::Text);

    with_root(&schema, "generics", "Holder", |root| {
        let text_scalars = root.get("textScalars").unwrap().into_struct().unwrap();
        assert_eq!(text(text_scalars.get("value").unwrap()), "the T");
        let other = text_scalars.get("other").unwrap().into_struct().unwrap();
        assert_eq!(other.get("i32").unwrap(), DynamicValue::Int32(7));
        let inner = text_scalars.get("inner").unwrap().into_struct().unwrap();
        assert_eq!(text(inner.get("t").unwrap()), "inner T");
        let pair = root.get("pair").unwrap().into_struct().unwrap();
        let key = pair.get("key").unwrap().into_struct().unwrap();
        assert_eq!(key.get("value").unwrap(), DynamicValue::Data(b"0x01"));
        assert_eq!(text(key.get("other").unwrap()), "text U");
        let items = list(pair.get("items").unwrap());
        let item = items.get(0).unwrap().into_struct().unwrap();
        let key = item.get("key").unwrap().into_struct().unwrap();
        assert_eq!(key.get("value").unwrap(), DynamicValue::Data(b"zz"));
        let inner_only = root.get("innerOnly").unwrap().into_struct().unwrap();
        assert_eq!(inner_only.get("u").unwrap(), DynamicValue::Data(&[1, 2]));
    });
    with_root(&schema, "any_pointers", "Holder", |root| {
        let unbound = root.get("unbound").unwrap().into_struct().unwrap();
        let DynamicValue::AnyPointer(value) = unbound.get("value").unwrap() else { panic!("an AnyPointer") };
        assert_eq!(value.get_text().unwrap().unwrap().as_str().unwrap(), "opaque");
        let DynamicValue::AnyPointer(other) = unbound.get("other").unwrap() else { panic!("an AnyPointer") };
        assert!(other.is_null());
        assert!(!unbound.has("other").unwrap());
        let DynamicValue::AnyPointer(any) = root.get("any").unwrap() else { panic!("an AnyPointer") };
        assert_eq!(any.get_struct().unwrap().unwrap().get::<u64>(0), 7);
    });
}

#[test]
fn every_primitive_and_blob_reads_by_name() {
    let schema = schema();
    with_root(&schema, "scalars_max", "Scalars", |root| {
        assert_eq!(root.get("void").unwrap(), DynamicValue::Void);
        assert_eq!(root.get("bool").unwrap(), DynamicValue::Bool(true));
        assert_eq!(root.get("i8").unwrap(), DynamicValue::Int8(127));
        assert_eq!(root.get("i16").unwrap(), DynamicValue::Int16(32767));
        assert_eq!(root.get("i32").unwrap(), DynamicValue::Int32(2147483647));
        assert_eq!(root.get("i64").unwrap(), DynamicValue::Int64(i64::MAX));
        assert_eq!(root.get("u8").unwrap(), DynamicValue::UInt8(255));
        assert_eq!(root.get("u16").unwrap(), DynamicValue::UInt16(65535));
        assert_eq!(root.get("u32").unwrap(), DynamicValue::UInt32(u32::MAX));
        assert_eq!(root.get("u64").unwrap(), DynamicValue::UInt64(u64::MAX));
        assert_eq!(root.get("f32").unwrap(), DynamicValue::Float32(3.4e38));
        assert_eq!(root.get("f64").unwrap(), DynamicValue::Float64(1e100));
        assert_eq!(root.get("text").unwrap(), DynamicValue::Text(b"max"));
        assert_eq!(root.get("data").unwrap(), DynamicValue::Data(&[0x00, 0xff, 0x7f, 0x80]));
        let color = root.get("color").unwrap().as_enum().unwrap();
        assert_eq!((color.raw(), color.name()), (2, Some("blue")));
        assert_eq!(root.get("u64").unwrap().as_u64(), Some(u64::MAX));
        assert_eq!(root.get("i8").unwrap().as_i64(), Some(127));
        assert_eq!(root.get("f32").unwrap().as_f64(), Some(3.4e38f32 as f64));
        assert_eq!(root.get("text").unwrap().as_bytes(), Some(&b"max"[..]));
        // Iteration gives every field, in order.
        let fields: Vec<(String, DynamicValue<'_>)> =
            root.fields().map(|(f, v)| (f.name().to_string(), v.unwrap())).collect();
        assert_eq!(fields.len(), 15);
        assert_eq!(fields[2], ("i8".to_string(), DynamicValue::Int8(127)));
    });
    with_root(&schema, "scalars_escapes", "Scalars", |root| {
        let t = text(root.get("text").unwrap());
        assert!(t.starts_with("quote \" backslash \\ apostrophe ' tab \t"));
        assert!(t.ends_with("é ü 日本 😀"));
        assert!(t.contains('\0'));
    });
    with_root(&schema, "raw_bytes", "Scalars", |root| {
        // Text that is not UTF-8 reads as bytes; as_str reports it.
        assert_eq!(root.get("text").unwrap(), DynamicValue::Text(b"a\xffb\0c"));
        let error = root.get("text").unwrap().as_str().unwrap_err();
        assert!(matches!(error, Error::Wire(e) if e.kind() == ErrorKind::InvalidUtf8));
        assert_eq!(root.get("f32").unwrap(), DynamicValue::Float32(f32::from_bits(1)));
        let DynamicValue::Float64(nan) = root.get("f64").unwrap() else { panic!("a Float64") };
        assert_eq!(nan.to_bits(), 0xfff0_0000_0000_0001);
    });
}

#[test]
fn defaults_apply_where_nothing_is_stored() {
    let schema = schema();
    with_root(&schema, "defaults_unset", "Defaults", |root| {
        assert_eq!(root.get("bool").unwrap(), DynamicValue::Bool(true));
        assert_eq!(root.get("i8").unwrap(), DynamicValue::Int8(-8));
        assert_eq!(root.get("i64").unwrap(), DynamicValue::Int64(6464646464));
        assert_eq!(root.get("u64").unwrap(), DynamicValue::UInt64(64));
        assert_eq!(root.get("f32").unwrap(), DynamicValue::Float32(1.5));
        assert_eq!(root.get("f64").unwrap(), DynamicValue::Float64(-2.25));
        assert!(matches!(root.get("nan").unwrap(), DynamicValue::Float64(v) if v.is_nan()));
        assert_eq!(root.get("inf").unwrap(), DynamicValue::Float32(f32::INFINITY));
        assert_eq!(root.get("color").unwrap().as_enum().unwrap().name(), Some("blue"));
        // Null pointers read as the pointer defaults, and `has` says they are null.
        assert_eq!(text(root.get("text").unwrap()), "default text");
        assert_eq!(root.get("data").unwrap(), DynamicValue::Data(&[0xde, 0xad, 0xbe, 0xef]));
        let numbers: Vec<DynamicValue<'_>> = elements(&list(root.get("list").unwrap()));
        assert_eq!(numbers, [DynamicValue::Int32(1), DynamicValue::Int32(2), DynamicValue::Int32(3)]);
        let inner = root.get("struct").unwrap().into_struct().unwrap();
        assert_eq!(inner.get("i32").unwrap(), DynamicValue::Int32(42));
        assert_eq!(text(inner.get("text").unwrap()), "inner default");
        for pointer in ["text", "data", "list", "struct"] {
            assert!(!root.has(pointer).unwrap(), "{pointer}");
        }
        assert!(root.has("i8").unwrap());
    });
    with_root(&schema, "defaults_zeroed", "Defaults", |root| {
        // Values equal to zero are stored as the XOR with the default.
        assert_eq!(root.get("bool").unwrap(), DynamicValue::Bool(false));
        assert_eq!(root.get("i8").unwrap(), DynamicValue::Int8(0));
        assert_eq!(root.get("f64").unwrap(), DynamicValue::Float64(0.0));
        assert_eq!(root.get("color").unwrap().as_enum().unwrap().name(), Some("red"));
        assert_eq!(text(root.get("text").unwrap()), "");
        assert!(list(root.get("list").unwrap()).is_empty());
        assert!(root.has("text").unwrap());
    });
    // A null root reads as the default struct.
    with_root(&schema, "null_root", "Defaults", |root| {
        assert_eq!(root.get("i16").unwrap(), DynamicValue::Int16(1616));
    });
}

#[test]
fn unions_say_which_member_is_set() {
    let schema = schema();
    with_root(&schema, "unions_word", "Unions", |root| {
        let Some(Which::Member(field)) = root.which() else { panic!("a member") };
        assert_eq!(field.name(), "word");
        assert_eq!(root.discriminant(), Some(3));
        assert_eq!(text(root.get("word").unwrap()), "a word");
        assert_eq!(root.get("number").unwrap_err(), Error::NotActive { field: "number".into() });
        assert!(!root.has("number").unwrap());
        assert!(root.has("word").unwrap());
        assert!(root.has("grp").unwrap());
        let named = root.get("named").unwrap().into_struct().unwrap();
        let Some(Which::Member(field)) = named.which() else { panic!("a member") };
        assert_eq!(field.name(), "second");
        let second = elements(&list(named.get("second").unwrap()));
        assert_eq!(second, [DynamicValue::Int32(1), DynamicValue::Int32(2), DynamicValue::Int32(3)]);
        let grp = root.get("grp").unwrap().into_struct().unwrap();
        assert_eq!(grp.get("y").unwrap(), DynamicValue::Int32(2));
        assert!(grp.which().is_none());
        let sub = grp.get("sub").unwrap().into_struct().unwrap();
        assert_eq!(text(sub.get("b").unwrap()), "bee");
        assert!(matches!(sub.which(), Some(Which::Member(f)) if f.name() == "b"));
        // The fields held: those outside the union and the one member.
        let held: Vec<&str> = root.fields().map(|(f, _)| f.name()).collect();
        assert_eq!(held, ["before", "word", "after", "named", "grp", "tail"]);
    });
    with_root(&schema, "unions_default", "Unions", |root| {
        assert!(matches!(root.which(), Some(Which::Member(f)) if f.name() == "unset"));
        assert!(!root.has("unset").unwrap());
        assert_eq!(text(root.get("unset").unwrap()), "");
    });
    with_root(&schema, "unions_with_default", "Unions", |root| {
        assert_eq!(root.get("withDefault").unwrap(), DynamicValue::UInt16(77));
    });
    with_root(&schema, "unknown_union", "Unions", |root| {
        assert_eq!(root.which(), Some(Which::Unknown(42)));
        let named = root.get("named").unwrap().into_struct().unwrap();
        assert_eq!(named.which(), Some(Which::Unknown(9)));
        for member in ["unset", "number", "word"] {
            assert!(matches!(root.get(member), Err(Error::NotActive { .. })));
        }
        let held: Vec<&str> = root.fields().map(|(f, _)| f.name()).collect();
        assert_eq!(held, ["before", "after", "named", "grp", "tail"]);
    });
}

#[test]
fn lists_of_every_kind_read_element_by_element() {
    let schema = schema();
    with_root(&schema, "lists", "Lists", |root| {
        assert_eq!(
            elements(&list(root.get("voids").unwrap())),
            [DynamicValue::Void, DynamicValue::Void, DynamicValue::Void]
        );
        let bools: Vec<bool> =
            elements(&list(root.get("bools").unwrap())).iter().map(|b| b.as_bool().unwrap()).collect();
        assert_eq!(bools, [true, false, true, true, false, false, false, false, true]);
        assert_eq!(elements(&list(root.get("i8s").unwrap()))[0], DynamicValue::Int8(-128));
        assert_eq!(elements(&list(root.get("u64s").unwrap())), [DynamicValue::UInt64(u64::MAX)]);
        let texts: Vec<String> = elements(&list(root.get("texts").unwrap())).into_iter().map(text).collect();
        assert_eq!(texts, ["a", "", "c\nd"]);
        let datas = elements(&list(root.get("datas").unwrap()));
        assert_eq!(datas, [DynamicValue::Data(&[]), DynamicValue::Data(&[1, 2])]);
        let colors: Vec<Option<&str>> =
            elements(&list(root.get("colors").unwrap())).iter().map(|c| c.as_enum().unwrap().name()).collect();
        assert_eq!(colors, [Some("red"), Some("green"), Some("blue")]);
        let structs = list(root.get("structs").unwrap());
        assert_eq!(structs.len(), 3);
        let second = structs.get(1).unwrap().into_struct().unwrap();
        assert_eq!(text(second.get("text").unwrap()), "two");
        assert!(matches!(structs.get(3), Err(Error::IndexOutOfBounds { index: 3, len: 3 })));
        let nested = list(root.get("nested").unwrap());
        let lengths: Vec<u32> = elements(&nested).into_iter().map(|l| list(l).len()).collect();
        assert_eq!(lengths, [2, 0, 1]);
        let deep = list(root.get("deep").unwrap());
        let last = list(list(deep.get(2).unwrap()).get(0).unwrap());
        assert_eq!(text(last.get(1).unwrap()), "c");
        assert_eq!(*deep.element_type(), Type::List(Box::new(Type::List(Box::new(Type::Text)))));
        let struct_lists = list(root.get("listOfStructLists").unwrap());
        let third = list(struct_lists.get(2).unwrap());
        assert_eq!(third.get(1).unwrap().into_struct().unwrap().get("u16").unwrap(), DynamicValue::UInt16(3));
    });
    with_root(&schema, "unknown_enums", "Lists", |root| {
        let colors = elements(&list(root.get("colors").unwrap()));
        let raw: Vec<(u16, Option<&str>)> =
            colors.iter().map(|c| c.as_enum().unwrap()).map(|e| (e.raw(), e.name())).collect();
        assert_eq!(raw, [(0, Some("red")), (5, None), (2, Some("blue")), (65535, None)]);
        assert_eq!(colors[1].to_string(), "(5)");
    });
    with_root(&schema, "element_upgrades", "ElementUpgrades", |root| {
        // A list of Text read as structs whose first pointer is the key; structs read as Int32
        // and as Text (their first data field, their first pointer).
        let attrs = list(root.get("asStructs").unwrap());
        assert_eq!(text(attrs.get(1).unwrap().into_struct().unwrap().get("key").unwrap()), "k2");
        assert_eq!(elements(&list(root.get("asInts").unwrap())), [DynamicValue::Int32(7), DynamicValue::Int32(-1)]);
        let texts: Vec<String> = elements(&list(root.get("asTexts").unwrap())).into_iter().map(text).collect();
        assert_eq!(texts, ["first", "second"]);
    });
    with_root(&schema, "newer_elements", "Tree", |root| {
        // Larger structs than the schema's read as the schema's fields.
        assert_eq!(root.get("value").unwrap(), DynamicValue::Int64(77));
        let children = list(root.get("children").unwrap());
        assert_eq!(children.get(1).unwrap().into_struct().unwrap().get("value").unwrap(), DynamicValue::Int64(2));
    });
    with_root(&schema, "version1", "Version2", |root| {
        // An older, smaller struct: the new fields read as their defaults.
        assert_eq!(root.get("a").unwrap(), DynamicValue::Int32(-1));
        assert_eq!(root.get("c").unwrap(), DynamicValue::Int64(99));
        assert_eq!(text(root.get("d").unwrap()), "new");
        assert!(matches!(root.which(), Some(Which::Member(f)) if f.name() == "old"));
    });
}

#[test]
fn unknown_names_are_errors() {
    let schema = schema();
    with_root(&schema, "scalars_max", "Scalars", |root| {
        let error = root.get("nope").unwrap_err();
        assert_eq!(error, Error::NoSuchField { node: "all.capnp:Scalars".into(), field: "nope".into() });
        assert_eq!(error.to_string(), "'all.capnp:Scalars' has no field named 'nope'");
        assert!(matches!(root.has("I8"), Err(Error::NoSuchField { .. })));
        // A field of another struct is not read through this one.
        let foreign = ty(&schema, "Defaults").field("i8").unwrap();
        assert!(matches!(root.get_field(&foreign), Err(Error::NoSuchField { .. })));
        assert!(!root.has_field(&foreign));
        let mut message = MessageBuilder::default();
        let mut builder = DynamicStructBuilder::init_root(&mut message, ty(&schema, "Scalars"));
        assert!(matches!(builder.set_field(&foreign, &DynamicValue::Int8(1)), Err(Error::NoSuchField { .. })));
    });
}

/// Reads everything reachable from `value`, returning how many values were read and how
/// many errors met (never panicking).
fn walk(value: &DynamicValue<'_>, depth: u32, counts: &mut (u32, u32)) {
    counts.0 += 1;
    if depth > 40 {
        return;
    }
    match value {
        DynamicValue::Struct(s) => {
            for field in s.schema().fields() {
                let _ = s.has_field(&field);
                match s.get_field(&field) {
                    Ok(v) => walk(&v, depth + 1, counts),
                    Err(Error::NotActive { .. }) => {}
                    Err(_) => counts.1 += 1,
                }
            }
            let _ = s.which();
            let _ = print::struct_to_pretty_bytes(s);
        }
        DynamicValue::List(l) => {
            for i in 0..l.len().min(10_000) {
                match l.get(i) {
                    Ok(v) => walk(&v, depth + 1, counts),
                    Err(_) => counts.1 += 1,
                }
            }
        }
        DynamicValue::Text(_) => {
            let _ = value.as_str();
        }
        _ => {}
    }
}

#[test]
fn malformed_pointers_are_errors_not_panics() {
    let schema = schema();
    with_root(&schema, "malformed", "Lists", |root| {
        let error = root.get("i32s").unwrap_err();
        assert!(matches!(&error, Error::Wire(e) if e.kind() == ErrorKind::OutOfBounds), "{error:?}");
        let error = root.get("bools").unwrap_err();
        assert!(matches!(&error, Error::Wire(e) if e.kind() == ErrorKind::WrongPointerKind), "{error:?}");
        let texts = list(root.get("texts").unwrap());
        assert_eq!(text(texts.get(0).unwrap()), "fine");
        assert!(matches!(texts.get(1), Err(Error::Wire(_))));
        assert!(root.has("i32s").unwrap());
        let mut counts = (0, 0);
        walk(&DynamicValue::Struct(root), 0, &mut counts);
        assert_eq!(counts.1, 3);
    });
}

#[test]
fn damaged_messages_never_panic() {
    // Every fixture, with bytes overwritten at many places and truncated, read through every
    // field and printed: errors are fine, panics are not.
    let schema = schema();
    let cases = [
        ("scalars_max", "Scalars"),
        ("lists", "Lists"),
        ("unions_word", "Unions"),
        ("generics", "Holder"),
        ("tree", "Tree"),
        ("multi_segment", "Tree"),
        ("defaults_same", "Defaults"),
        ("element_upgrades", "ElementUpgrades"),
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut errors = 0;
    let mut reads = 0;
    for (name, type_name) in cases {
        let original = read(&format!("{name}.bin"));
        let root_type = ty(&schema, type_name);
        for round in 0..300 {
            let mut bytes = original.clone();
            let changes = 1 + (next() % 4) as usize;
            for _ in 0..changes {
                let at = 8 + (next() as usize) % (bytes.len() - 8).max(1);
                if at < bytes.len() {
                    bytes[at] = next() as u8;
                }
            }
            if round % 10 == 0 {
                bytes.truncate(8 + (next() as usize) % bytes.len());
            }
            let options = ReaderOptions { traversal_limit_words: 1 << 16, ..ReaderOptions::default() };
            let Ok(message) = MessageReader::from_bytes(&bytes, options) else { continue };
            let printed = print::decode_message(&message, root_type.clone(), round % 2 == 0);
            assert!(printed.text.ends_with(b"\n"));
            message.reset_traversal_budget();
            let Ok(root) = DynamicStruct::root(&message, root_type.clone()) else {
                errors += 1;
                continue;
            };
            let mut counts = (0, 0);
            walk(&DynamicValue::Struct(root), 0, &mut counts);
            reads += counts.0;
            errors += counts.1;
        }
    }
    assert!(reads > 10_000, "{reads} values read");
    assert!(errors > 100, "{errors} errors met");
}

#[test]
fn capabilities_read_as_their_index() {
    let schema = schema();
    let holder = ty(&schema, "Holder");
    let mut message = MessageBuilder::default();
    {
        let mut root = DynamicStructBuilder::init_root(&mut message, holder.clone());
        root.set("cap", DynamicValue::Capability(Some(3))).unwrap();
        let mut caps = root.init_list("capList", 2).unwrap();
        caps.set(0, DynamicValue::Capability(Some(1))).unwrap();
        assert!(matches!(caps.set(1, 5i32), Err(Error::TypeMismatch { .. })));
    }
    let reader = message.as_reader();
    let root = DynamicStruct::root(&reader, holder).unwrap();
    assert_eq!(root.get("cap").unwrap(), DynamicValue::Capability(Some(3)));
    let caps = elements(&list(root.get("capList").unwrap()));
    assert_eq!(caps, [DynamicValue::Capability(Some(1)), DynamicValue::Capability(None)]);
    // The official printer writes this for capabilities (`capnp decode` itself cannot read
    // them: it has no capability table).
    assert_eq!(
        root.to_string(),
        "(cap = <external capability>, capList = [<external capability>, <external capability>])"
    );
}

// ---------------------------------------------------------------------------------------------
// The builder.

/// Builds a message with `build`, then prints its root as `type_name` both ways.
fn build(schema: &Schema, type_name: &str, build: impl FnOnce(DynamicStructBuilder<'_>)) -> (Vec<u8>, Vec<u8>) {
    let root_type = ty(schema, type_name);
    let mut message = MessageBuilder::default();
    build(DynamicStructBuilder::init_root(&mut message, root_type.clone()));
    let bytes = message.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let pretty = print::decode_message(&reader, root_type.clone(), true);
    let short = print::decode_message(&reader, root_type, false);
    assert_eq!((&pretty.error, &short.error), (&None, &None));
    (pretty.text, short.text)
}

#[test]
fn built_scalars_print_as_capnp_decode_printed_the_encoded_text() {
    let schema = schema();
    let (pretty, short) = build(&schema, "Scalars", |mut root| {
        root.set("bool", true).unwrap();
        root.set("i8", 127).unwrap();
        root.set("i16", 32767).unwrap();
        root.set("i32", i32::MAX).unwrap();
        root.set("i64", i64::MAX).unwrap();
        root.set("u8", 255).unwrap();
        root.set("u16", 65535).unwrap();
        root.set("u32", u32::MAX).unwrap();
        root.set("u64", u64::MAX).unwrap();
        root.set("f32", 3.4e38f32).unwrap();
        root.set("f64", 1e100).unwrap();
        root.set("text", "max").unwrap();
        root.set("data", &[0x00u8, 0xff, 0x7f, 0x80][..]).unwrap();
        root.set("color", "blue").unwrap();
    });
    assert_eq!(String::from_utf8(short).unwrap(), String::from_utf8(read("scalars_max.short")).unwrap());
    assert_eq!(pretty, read("scalars_max.pretty"));
}

#[test]
fn built_lists_print_as_capnp_decode_printed_the_encoded_text() {
    let schema = schema();
    let (pretty, short) = build(&schema, "Lists", |mut root| {
        let mut voids = root.init_list("voids", 3).unwrap();
        voids.set(2, ()).unwrap();
        let mut bools = root.init_list("bools", 9).unwrap();
        for (i, b) in [true, false, true, true, false, false, false, false, true].into_iter().enumerate() {
            bools.set(i as u32, b).unwrap();
        }
        let mut i8s = root.init_list("i8s", 3).unwrap();
        i8s.set(0, -128).unwrap();
        i8s.set(2, 127).unwrap();
        let mut i16s = root.init_list("i16s", 3).unwrap();
        for (i, v) in [-32768, 1, 32767].into_iter().enumerate() {
            i16s.set(i as u32, v).unwrap();
        }
        let mut i32s = root.init_list("i32s", 2).unwrap();
        i32s.set(0, i32::MIN).unwrap();
        i32s.set(1, i32::MAX).unwrap();
        let mut i64s = root.init_list("i64s", 2).unwrap();
        i64s.set(0, i64::MIN).unwrap();
        i64s.set(1, i64::MAX).unwrap();
        let mut u8s = root.init_list("u8s", 2).unwrap();
        u8s.set(1, 255).unwrap();
        root.init_list("u16s", 1).unwrap().set(0, 65535).unwrap();
        root.init_list("u32s", 2).unwrap().set(0, u32::MAX).unwrap();
        root.init_list("u64s", 1).unwrap().set(0, u64::MAX).unwrap();
        let mut texts = root.init_list("texts", 3).unwrap();
        texts.set(0, "a").unwrap();
        texts.set(1, "").unwrap();
        texts.init_data(2, 3).unwrap().copy_from_slice(b"c\nd");
        let mut datas = root.init_list("datas", 2).unwrap();
        datas.set(0, &[][..]).unwrap();
        datas.set(1, &[1u8, 2][..]).unwrap();
        let mut colors = root.init_list("colors", 3).unwrap();
        colors.set(0, "red").unwrap();
        colors.set(1, 1).unwrap();
        colors.set(2, "blue").unwrap();
        let mut structs = root.init_list("structs", 3).unwrap();
        structs.get_struct(0).unwrap().set("i32", 1).unwrap();
        let mut second = structs.get_struct(1).unwrap();
        second.set("text", "two").unwrap();
        second.set("color", "green").unwrap();
        let mut nested = root.init_list("nested", 3).unwrap();
        let mut first = nested.init_list(0, 2).unwrap();
        first.set(0, 1).unwrap();
        first.set(1, 2).unwrap();
        nested.init_list(1, 0).unwrap();
        nested.init_list(2, 1).unwrap().set(0, 3).unwrap();
        let mut deep = root.init_list("deep", 3).unwrap();
        let mut d0 = deep.init_list(0, 2).unwrap();
        d0.init_list(0, 1).unwrap().set(0, "a").unwrap();
        d0.init_list(1, 0).unwrap();
        deep.init_list(1, 0).unwrap();
        let mut d2 = deep.init_list(2, 1).unwrap();
        let mut bc = d2.init_list(0, 2).unwrap();
        bc.set(0, "b").unwrap();
        bc.set(1, "c").unwrap();
        let mut lists = root.init_list("listOfStructLists", 3).unwrap();
        lists.init_list(0, 1).unwrap().get_struct(0).unwrap().set("i8", 1).unwrap();
        lists.init_list(1, 0).unwrap();
        let mut third = lists.init_list(2, 2).unwrap();
        third.get_struct(0).unwrap().set("u8", 2).unwrap();
        third.get_struct(1).unwrap().set("u16", 3).unwrap();
    });
    assert_eq!(String::from_utf8(short).unwrap(), String::from_utf8(read("lists.short")).unwrap());
    assert_eq!(pretty, read("lists.pretty"));
}

#[test]
fn built_unions_and_groups_print_as_capnp_decode_printed_the_encoded_text() {
    let schema = schema();
    let (pretty, short) = build(&schema, "Unions", |mut root| {
        root.set("before", -5).unwrap();
        root.set("number", 12).unwrap();
        root.set("word", "a word").unwrap(); // the last member set wins
        root.set("after", "after").unwrap();
        let mut named = root.init("named").unwrap();
        named.set("first", true).unwrap();
        let mut second = named.init_list("second", 3).unwrap();
        for i in 0..3 {
            second.set(i, i + 1).unwrap();
        }
        let mut grp = root.get_struct("grp").unwrap();
        grp.set("x", 1).unwrap();
        grp.set("y", 2).unwrap();
        let mut sub = grp.init("sub").unwrap();
        sub.set("z", "zed").unwrap();
        sub.set("b", "bee").unwrap();
        root.set("tail", 1e-7).unwrap();
    });
    assert_eq!(String::from_utf8(short).unwrap(), String::from_utf8(read("unions_word.short")).unwrap());
    assert_eq!(pretty, read("unions_word.pretty"));

    let (_, short) = build(&schema, "Unions", |mut root| {
        let mut inner = root.init("inner").unwrap();
        inner.set("bool", true).unwrap();
        inner.set("i64", 123456789012i64).unwrap();
        inner.set("text", "nested struct in a union").unwrap();
        inner.set("color", "blue").unwrap();
        root.init("named").unwrap().set("first", true).unwrap();
    });
    assert_eq!(short, read("unions_inner.short"));

    let (_, short) = build(&schema, "Unions", |mut root| {
        root.set("withDefault", 77).unwrap();
        root.init("grp").unwrap().init("sub").unwrap().set("a", -3).unwrap();
    });
    assert_eq!(short, read("unions_with_default.short"));
}

#[test]
fn built_defaults_and_generics_print_as_capnp_decode_printed_the_encoded_text() {
    let schema = schema();
    let (_, short) = build(&schema, "Defaults", |mut root| {
        for field in ["bool", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "nan", "inf"] {
            if field == "bool" {
                root.set(field, false).unwrap();
            } else {
                root.set(field, 0).unwrap();
            }
        }
        root.set("text", "").unwrap();
        root.set("data", &[][..]).unwrap();
        root.set("color", "red").unwrap();
        root.init_list("list", 0).unwrap();
        root.init("struct").unwrap();
    });
    assert_eq!(short, read("defaults_zeroed.short"));

    let (pretty, _) = build(&schema, "Holder", |mut root| {
        let mut text_scalars = root.init("textScalars").unwrap();
        text_scalars.set("value", "the T").unwrap();
        let mut other = text_scalars.init("other").unwrap();
        other.set("i32", 7).unwrap();
        other.set("text", "the U").unwrap();
        let mut inner = text_scalars.init("inner").unwrap();
        inner.set("t", "inner T").unwrap();
        inner.init("u").unwrap().set("bool", true).unwrap();
        let mut pair = text_scalars.init("pair").unwrap();
        pair.set("key", "k").unwrap();
        let mut items = pair.init_list("items", 2).unwrap();
        items.get_struct(0).unwrap().set("key", "a").unwrap();
        items.get_struct(1).unwrap().set("key", "b").unwrap();
        let mut pair = root.init("pair").unwrap();
        let mut key = pair.init("key").unwrap();
        key.set("value", &b"0x01"[..]).unwrap();
        key.set("other", "text U").unwrap();
        let mut items = pair.init_list("items", 1).unwrap();
        items.get_struct(0).unwrap().init("key").unwrap().set("value", "zz").unwrap();
        let mut inner_only = root.init("innerOnly").unwrap();
        inner_only.set("t", "t only").unwrap();
        inner_only.set("u", &[1u8, 2][..]).unwrap();
    });
    assert_eq!(String::from_utf8(pretty).unwrap(), String::from_utf8(read("generics.pretty")).unwrap());
}

#[test]
fn values_read_elsewhere_are_copied_in() {
    let schema = schema();
    let bytes = read("tree.bin");
    let source = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let tree = DynamicStruct::root(&source, ty(&schema, "Tree")).unwrap();
    // The whole tree, field by field from the reader's values.
    let (_, short) = build(&schema, "Tree", |mut root| {
        for (field, value) in tree.fields() {
            let value = value.unwrap();
            if tree.has_field(&field) {
                root.set(field.name(), value).unwrap();
            }
        }
    });
    assert_eq!(short, read("tree.short"));
    // A struct list element and a list copied.
    let (_, short) = build(&schema, "Tree", |mut root| {
        let children = list(tree.get("children").unwrap());
        root.set("label", "copy").unwrap();
        let mut list = root.init_list("children", 1).unwrap();
        list.set(0, children.get(2).unwrap()).unwrap();
        root.set("attrs", tree.get("attrs").unwrap()).unwrap();
    });
    assert_eq!(
        String::from_utf8(short).unwrap(),
        "(label = \"copy\", value = 0, children = [(label = \"c\", value = 0)], attrs = [(key = \"color\", \
         value = \"green\"), (key = \"a much longer attribute key\", value = \"and a long value too\")])\n"
    );
}

#[test]
fn builder_errors_name_the_problem() {
    let schema = schema();
    let mut message = MessageBuilder::default();
    let mut root = DynamicStructBuilder::init_root(&mut message, ty(&schema, "Scalars"));
    assert!(matches!(root.set("nope", 1), Err(Error::NoSuchField { .. })));
    let error = root.set("i32", "text").unwrap_err();
    assert_eq!(error, Error::TypeMismatch { expected: "Int32".into(), found: "Text".into() });
    assert_eq!(error.to_string(), "type mismatch: expected Int32, got Text");
    assert_eq!(root.set("i8", 300).unwrap_err(), Error::OutOfRange { ty: "Int8".into() });
    assert_eq!(root.set("u64", -1).unwrap_err(), Error::OutOfRange { ty: "UInt64".into() });
    assert!(matches!(root.set("bool", 1), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.set("f64", true), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.set("text", 5), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.set("text", &b"bytes"[..]), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.set("void", 1), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.init("i32"), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.init_list("text", 2), Err(Error::TypeMismatch { .. })));
    assert!(matches!(root.clear("i32"), Err(Error::TypeMismatch { .. })));
    let error = root.set("color", "purple").unwrap_err();
    assert_eq!(error, Error::NoSuchEnumerant { node: "all.capnp:Color".into(), name: "purple".into() });
    assert_eq!(root.set("color", 70000).unwrap_err(), Error::OutOfRange { ty: "all.capnp:Color".into() });
    // Conversions that are allowed.
    root.set("f32", 2).unwrap();
    root.set("f64", 0.5f32).unwrap();
    root.set("i64", 5u8).unwrap();
    root.set("color", 7).unwrap();
    root.set("data", "text as data").unwrap();
    root.set("text", "to clear").unwrap();
    root.clear("text").unwrap();

    let mut lists = MessageBuilder::default();
    let mut root = DynamicStructBuilder::init_root(&mut lists, ty(&schema, "Lists"));
    let mut i8s = root.init_list("i8s", 2).unwrap();
    assert_eq!(i8s.set(2, 1).unwrap_err(), Error::IndexOutOfBounds { index: 2, len: 2 });
    assert_eq!(i8s.set(0, 128).unwrap_err(), Error::OutOfRange { ty: "Int8".into() });
    assert!(matches!(i8s.get_struct(0), Err(Error::TypeMismatch { .. })));
    assert!(matches!(i8s.init_list(0, 1), Err(Error::TypeMismatch { .. })));
    let mut structs = root.init_list("structs", 1).unwrap();
    assert!(matches!(structs.set(0, 1), Err(Error::TypeMismatch { .. })));
    assert!(matches!(structs.init_data(0, 1), Err(Error::TypeMismatch { .. })));

    // A union member's group that is not active is not handed out.
    let mut unions = MessageBuilder::default();
    let mut root = DynamicStructBuilder::init_root(&mut unions, ty(&schema, "Unions"));
    root.set("number", 3).unwrap();
    assert_eq!(root.discriminant(), Some(1));
    let named = ty(&schema, "Unions").field("named").unwrap().group().unwrap().unwrap();
    let mut named_builder = root.get_struct("named").unwrap();
    assert!(matches!(named_builder.set("second", DynamicValue::Void), Err(Error::TypeMismatch { .. })));
    assert_eq!(named_builder.schema(), &named);
}

#[test]
fn setting_a_value_reads_back_the_same() {
    let schema = schema();
    let scalars = ty(&schema, "Defaults");
    let mut message = MessageBuilder::default();
    {
        let mut root = DynamicStructBuilder::init_root(&mut message, scalars.clone());
        root.set("i16", -1).unwrap();
        root.set("f32", f32::NAN).unwrap();
        root.set("f64", -0.0).unwrap();
        root.set("u64", u64::MAX).unwrap();
        root.set("bool", false).unwrap();
    }
    let reader = message.as_reader();
    let root = DynamicStruct::root(&reader, scalars).unwrap();
    assert_eq!(root.get("i16").unwrap(), DynamicValue::Int16(-1));
    assert_eq!(root.get("f32").unwrap(), DynamicValue::Float32(f32::NAN));
    assert_eq!(root.get("f64").unwrap(), DynamicValue::Float64(-0.0));
    assert_eq!(root.get("u64").unwrap(), DynamicValue::UInt64(u64::MAX));
    assert_eq!(root.get("bool").unwrap(), DynamicValue::Bool(false));
    // Untouched fields keep their defaults.
    assert_eq!(root.get("i8").unwrap(), DynamicValue::Int8(-8));
    // The raw words hold the XOR with the defaults.
    assert_eq!(root.reader().get::<i16>(scalars_offset(&root, "i16")), -1 ^ 1616);
}

fn scalars_offset(root: &DynamicStruct<'_>, name: &str) -> usize {
    root.schema().field(name).unwrap().offset().unwrap() as usize
}

#[test]
fn display_gives_the_short_and_pretty_forms() {
    let schema = schema();
    with_root(&schema, "tree", "Tree", |root| {
        assert_eq!(format!("{root}\n").into_bytes(), read("tree.short"));
        assert_eq!(format!("{root:#}\n").into_bytes(), read("tree.pretty"));
        let attrs = root.get("attrs").unwrap();
        assert_eq!(
            attrs.to_string(),
            "[(key = \"color\", value = \"green\"), (key = \"a much longer attribute key\", value = \"and a long \
             value too\")]"
        );
        assert_eq!(
            format!("{attrs:#}"),
            "[ (key = \"color\", value = \"green\"),\n  ( key = \"a much longer attribute key\",\n    value = \"and a \
             long value too\" ) ]"
        );
        assert_eq!(root.get("value").unwrap().to_string(), "1");
        assert_eq!(root.get("label").unwrap().to_string(), "\"root\"");
    });
    // A lone Float32 is stringified with double precision, as the official library does.
    assert_eq!(DynamicValue::Float32(0.1).to_string(), "0.10000000149011612");
    assert_eq!(DynamicValue::Float64(0.1).to_string(), "0.1");
    assert_eq!(DynamicValue::Data(b"\xff").to_string(), "\"\\377\"");
    assert_eq!(DynamicValue::Void.to_string(), "void");
    let bytes = read("scalars_max.bin");
    let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let root = DynamicStruct::root(&message, ty(&schema, "Scalars")).unwrap();
    assert_eq!(
        format!("{root:?}"),
        format!("Scalars {}", String::from_utf8(read("scalars_max.short")).unwrap().trim_end())
    );
}

#[test]
fn any_type_name_gives_a_result_not_a_panic() {
    let schema = schema();
    let file = schema.compiled().requested[0].id;
    let pieces = [
        "Generic",
        "Pair",
        "Scalars",
        "Text",
        "List",
        "import",
        "\"all.capnp\"",
        "\"",
        ".",
        "..",
        "(",
        ")",
        "[",
        "]",
        ",",
        "=",
        "-",
        "0x\"0",
        "07",
        "1.5e3",
        "9e",
        " ",
        "#",
        ";",
        "$",
        "é",
        "Inner",
        "T",
        "\\",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut found = 0;
    for _ in 0..20_000 {
        let mut name = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut bits = seed;
        for _ in 0..(bits % 7) {
            bits /= 7;
            name.push_str(pieces[(bits % pieces.len() as u64) as usize]);
            bits /= pieces.len() as u64;
        }
        match schema.find_type(file, &name) {
            Ok(found_type) => {
                assert!(found_type.node().id != 0);
                found += 1;
            }
            Err(Error::TypeName(message)) => assert!(!message.is_empty()),
            Err(other) => panic!("{name:?}: {other:?}"),
        }
    }
    assert!(found > 0);
}
