//! The text printer against `capnp decode` 0.9.2: every case of `tests/text_print/cases.txt`
//! is read with capnzero's runtime, its schema compiled by capnzero's compiler, printed pretty
//! and short, and compared byte for byte with what the official tool printed (committed as
//! `name.pretty` and `name.short`; `regen.sh` regenerates them, `check.sh` re-checks them).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use capnzero_runtime::{AllocationStrategy, BuilderOptions, ElementSize, MessageBuilder, MessageReader, ReaderOptions};
use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
use capnzero_schema::dynamic::{FindType, Schema, StructSchema};
use capnzero_schema::text::print;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/text_print")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `all.capnp`, compiled by capnzero.
fn all_schema() -> Schema {
    let text = String::from_utf8(read(&dir().join("all.capnp"))).unwrap();
    let compiled = compile(&[SourceFile { name: "all.capnp".into(), text }], &mut MemoryLoader::default()).unwrap();
    Schema::new(compiled)
}

/// capnzero's copy of the standard `schema.capnp`, compiled by capnzero.
fn standard_schema() -> Schema {
    let std_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("std/capnp");
    let mut loader = MemoryLoader::default();
    for name in ["c++.capnp", "schema.capnp"] {
        let text = String::from_utf8(read(&std_dir.join(name))).unwrap();
        loader.files.insert(format!("capnp/{name}"), text);
    }
    let text = loader.files["capnp/schema.capnp"].clone();
    let compiled = compile(&[SourceFile { name: "capnp/schema.capnp".into(), text }], &mut loader).unwrap();
    Schema::new(compiled)
}

fn root_type<'s>(schema: &'s Schema, name: &str) -> StructSchema<'s> {
    let file = schema.compiled().requested[0].id;
    schema.find_type(file, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

struct Case {
    name: String,
    schema: String,
    ty: String,
    source: String,
}

fn cases() -> Vec<Case> {
    let text = String::from_utf8(read(&dir().join("cases.txt"))).unwrap();
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(parts.len(), 4, "bad line in cases.txt: {line}");
            Case { name: parts[0].into(), schema: parts[1].into(), ty: parts[2].into(), source: parts[3].into() }
        })
        .collect()
}

/// What `capnp decode` writes for a stream of messages: each message printed with the printer.
fn decode_stream(schema: StructSchema<'_>, mut bytes: &[u8], pretty: bool) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut count = 0;
    while !bytes.is_empty() {
        // `capnp decode` lifts the reading limits; a nesting limit of 1024 covers the fixtures.
        let options = ReaderOptions { nesting_limit: 1024, ..ReaderOptions::default() };
        let (message, rest) = MessageReader::from_bytes_prefix(bytes, options).unwrap();
        let printed = print::decode_message(&message, schema.clone(), pretty);
        out.extend(printed.text);
        bytes = rest;
        count += 1;
    }
    (out, count)
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  capnp:    {e}\n  capnzero: {a}", i + 1);
        }
    }
    format!("lengths differ: capnp {} lines, capnzero {} lines", expected.lines().count(), actual.lines().count())
}

#[test]
fn every_case_prints_as_capnp_decode() {
    let all = all_schema();
    let standard = standard_schema();
    let cases = cases();
    assert!(cases.len() >= 40, "cases.txt lists {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let schema = if case.schema == "/capnp/schema.capnp" { &standard } else { &all };
        let root = root_type(schema, &case.ty);
        let message = match case.source.strip_prefix("file:") {
            Some(path) => read(&dir().join(path)),
            None => read(&dir().join(format!("{}.bin", case.name))),
        };
        for (pretty, ext) in [(true, "pretty"), (false, "short")] {
            let expected = read(&dir().join(format!("{}.{ext}", case.name)));
            let (actual, count) = decode_stream(root.clone(), &message, pretty);
            assert!(count >= 1, "{}: no message", case.name);
            if actual != expected {
                failures.push(format!("{}.{ext}: {}", case.name, first_difference(&expected, &actual)));
            }
        }
    }
    assert!(failures.is_empty(), "{} outputs differ from capnp decode:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn text_fixtures_are_the_committed_messages() {
    // Every `text` case has its source text and the message `capnp encode` made of it.
    for case in cases().iter().filter(|c| c.source == "text") {
        let text = read(&dir().join(format!("{}.txt", case.name)));
        assert!(text.starts_with(b"("), "{}.txt is not a struct literal", case.name);
        let message = read(&dir().join(format!("{}.bin", case.name)));
        MessageReader::from_bytes(&message, ReaderOptions::default()).unwrap();
    }
}

#[test]
fn malformed_pointers_print_as_defaults_with_the_error_reported() {
    let all = all_schema();
    let bytes = read(&dir().join("malformed.bin"));
    let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let printed = print::decode_message(&message, root_type(&all, "Lists"), false);
    assert_eq!(printed.text, read(&dir().join("malformed.short")));
    let error = printed.error.expect("the malformed pointers are reported");
    assert!(error.to_string().contains("pointer"), "{error}");
    // A well-formed message reports nothing.
    let bytes = read(&dir().join("lists.bin"));
    let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    assert_eq!(print::decode_message(&message, root_type(&all, "Lists"), true).error, None);
}

#[test]
fn a_root_that_cannot_be_read_prints_as_the_empty_struct() {
    let all = all_schema();
    // The root pointer is a list pointer.
    let mut message = MessageBuilder::default();
    message.root().init_list(ElementSize::Byte, 3).unwrap();
    let bytes = message.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let printed = print::decode_message(&reader, root_type(&all, "Big"), false);
    assert_eq!(printed.text, b"(a = 0, b = 0, c = 0, d = 0, e = 0)\n");
    assert!(printed.error.is_some());
}

// ---------------------------------------------------------------------------------------------
// Messages built with capnzero's runtime directly.

/// The offset of `field` of struct `ty` in `all.capnp`.
fn offset(schema: &Schema, ty: &str, field: &str) -> u32 {
    root_type(schema, ty).field(field).and_then(|f| f.offset()).unwrap_or_else(|| panic!("{ty}.{field}"))
}

fn sections(schema: &Schema, ty: &str) -> (u16, u16) {
    let layout = root_type(schema, ty).layout();
    (layout.data_word_count, layout.pointer_count)
}

fn built_messages() -> Vec<(&'static str, Vec<u8>)> {
    let s = all_schema();
    let mut out = Vec::new();
    let scalars = sections(&s, "Scalars");

    // Enum values the schema does not know, in a field and in a list.
    {
        let mut m = MessageBuilder::default();
        let (dw, pc) = sections(&s, "Lists");
        let mut root = m.init_root(dw, pc);
        let mut colors =
            root.pointer(offset(&s, "Lists", "colors") as u16).unwrap().init_list(ElementSize::TwoBytes, 4).unwrap();
        for (i, v) in [0u16, 5, 2, 65535].into_iter().enumerate() {
            colors.set(i as u32, v).unwrap();
        }
        let mut structs = root
            .pointer(offset(&s, "Lists", "structs") as u16)
            .unwrap()
            .init_struct_list(2, scalars.0, scalars.1)
            .unwrap();
        structs.get_struct(0).unwrap().set::<u16>(offset(&s, "Scalars", "color") as usize, 9);
        structs.get_struct(1).unwrap().set::<u16>(offset(&s, "Scalars", "color") as usize, 1);
        out.push(("unknown_enums", m.to_bytes()));
    }

    // Union discriminants the schema does not know (anonymous and named unions).
    {
        let mut m = MessageBuilder::default();
        let unions = root_type(&s, "Unions");
        let (dw, pc) = sections(&s, "Unions");
        let mut root = m.init_root(dw, pc);
        root.set::<i32>(offset(&s, "Unions", "before") as usize, 5);
        root.set::<u16>(unions.discriminant_offset() as usize, 42);
        let named = unions.field("named").unwrap().group().unwrap().unwrap();
        root.set::<u16>(named.discriminant_offset() as usize, 9);
        let grp = unions.field("grp").unwrap().group().unwrap().unwrap();
        root.set::<i32>(grp.field("x").unwrap().offset().unwrap() as usize, 3);
        root.pointer(offset(&s, "Unions", "after") as u16).unwrap().set_text("still here").unwrap();
        out.push(("unknown_union", m.to_bytes()));
    }

    // Lists read as other element types: a pointer list as structs, struct lists as Int32 and
    // as Text.
    {
        let mut m = MessageBuilder::default();
        let (dw, pc) = sections(&s, "ElementUpgrades");
        let mut root = m.init_root(dw, pc);
        let mut texts = root
            .pointer(offset(&s, "ElementUpgrades", "asStructs") as u16)
            .unwrap()
            .init_list(ElementSize::Pointer, 2)
            .unwrap();
        texts.get_pointer(0).unwrap().set_text("k1").unwrap();
        texts.get_pointer(1).unwrap().set_text("k2").unwrap();
        let mut ints =
            root.pointer(offset(&s, "ElementUpgrades", "asInts") as u16).unwrap().init_struct_list(2, 1, 1).unwrap();
        ints.get_struct(0).unwrap().set::<u64>(0, 0x0000_0009_0000_0007);
        ints.get_struct(0).unwrap().pointer(0).unwrap().set_text("ignored").unwrap();
        ints.get_struct(1).unwrap().set::<i32>(0, -1);
        let mut structs =
            root.pointer(offset(&s, "ElementUpgrades", "asTexts") as u16).unwrap().init_struct_list(2, 1, 1).unwrap();
        for (i, text) in ["first", "second"].into_iter().enumerate() {
            let mut element = structs.get_struct(i as u32).unwrap();
            element.set::<u64>(0, 42);
            element.pointer(0).unwrap().set_text(text).unwrap();
        }
        out.push(("element_upgrades", m.to_bytes()));
    }

    // AnyPointers. (Capabilities are left out: `capnp decode` aborts on any capability pointer,
    // as it reads messages without a capability table.)
    {
        let mut m = MessageBuilder::default();
        let (dw, pc) = sections(&s, "Holder");
        let mut root = m.init_root(dw, pc);
        root.pointer(offset(&s, "Holder", "any") as u16).unwrap().init_struct(1, 0).set::<u64>(0, 7);
        let mut any_struct = root.pointer(offset(&s, "Holder", "anyStruct") as u16).unwrap().init_struct(0, 1);
        any_struct.pointer(0).unwrap().set_text("in an AnyStruct").unwrap();
        let (gdw, gpc) = sections(&s, "Generic");
        let mut unbound = root.pointer(offset(&s, "Holder", "unbound") as u16).unwrap().init_struct(gdw, gpc);
        unbound.pointer(offset(&s, "Generic", "value") as u16).unwrap().set_text("opaque").unwrap();
        let inner = offset(&s, "Generic", "inner") as u16;
        let mut inner = unbound.pointer(inner).unwrap().init_struct(0, 2);
        inner.pointer(1).unwrap().init_list(ElementSize::Byte, 2).unwrap();
        out.push(("any_pointers", m.to_bytes()));
    }

    // Text that is not UTF-8 and has a NUL inside; float bit patterns with NaN payloads and
    // subnormals.
    {
        let mut m = MessageBuilder::default();
        let mut root = m.init_root(scalars.0, scalars.1);
        let text = root.pointer(offset(&s, "Scalars", "text") as u16).unwrap().init_data(6).unwrap();
        text.copy_from_slice(b"a\xffb\0c\0");
        root.pointer(offset(&s, "Scalars", "data") as u16).unwrap().set_data(b"\x00\xff\x80abc").unwrap();
        root.set::<u32>(offset(&s, "Scalars", "f32") as usize, 1);
        root.set::<u64>(offset(&s, "Scalars", "f64") as usize, 0xfff0_0000_0000_0001);
        out.push(("raw_bytes", m.to_bytes()));
    }

    // A tree spread over many small segments (far and double-far pointers).
    {
        let options = BuilderOptions { first_segment_words: 3, allocation: AllocationStrategy::FixedSize };
        let mut m = MessageBuilder::new(options);
        let (dw, pc) = sections(&s, "Tree");
        let label = offset(&s, "Tree", "label") as u16;
        let value = offset(&s, "Tree", "value") as usize;
        let children = offset(&s, "Tree", "children") as u16;
        let mut root = m.init_root(dw, pc);
        root.pointer(label).unwrap().set_text("segmented root").unwrap();
        root.set::<i64>(value, -1);
        let mut list = root.pointer(children).unwrap().init_struct_list(3, dw, pc).unwrap();
        for i in 0..3u32 {
            let mut child = list.get_struct(i).unwrap();
            child.set::<i64>(value, i as i64 * 1000);
            child.pointer(label).unwrap().set_text(&format!("child number {i}")).unwrap();
            let mut grandchildren = child.pointer(children).unwrap().init_struct_list(1, dw, pc).unwrap();
            grandchildren.get_struct(0).unwrap().pointer(label).unwrap().set_text("leaf").unwrap();
        }
        assert!(m.segment_count() > 3);
        out.push(("multi_segment", m.to_bytes()));
    }

    // Two messages in one stream.
    {
        let mut first = MessageBuilder::default();
        first.init_root(scalars.0, scalars.1).set::<i32>(offset(&s, "Scalars", "i32") as usize, 1);
        let mut second = MessageBuilder::default();
        let mut root = second.init_root(scalars.0, scalars.1);
        root.pointer(offset(&s, "Scalars", "text") as u16).unwrap().set_text("two").unwrap();
        let mut bytes = first.to_bytes();
        bytes.extend(second.to_bytes());
        out.push(("two_messages", bytes));
    }

    // A chain of 80 nested structs, deeper than the default nesting limit, printed by the tool
    // (which lifts the limits) and read here with a larger limit.
    {
        let mut m = MessageBuilder::default();
        let (dw, pc) = sections(&s, "Tree");
        let fields = (offset(&s, "Tree", "children") as u16, offset(&s, "Tree", "value") as usize, dw, pc);
        chain(&mut m.init_root(dw, pc), fields, 0, 79);
        out.push(("deep_chain", m.to_bytes()));
    }

    // A null root: every field at its default.
    out.push(("null_root", MessageBuilder::default().to_bytes()));

    // Structs from a newer schema: larger sections in the root and in list elements.
    {
        let mut m = MessageBuilder::default();
        let (dw, pc) = sections(&s, "Tree");
        let label = offset(&s, "Tree", "label") as u16;
        let value = offset(&s, "Tree", "value") as usize;
        let children = offset(&s, "Tree", "children") as u16;
        let attrs = offset(&s, "Tree", "attrs") as u16;
        let mut root = m.init_root(dw + 2, pc + 2);
        root.set::<i64>(value, 77);
        root.set::<u64>(dw as usize, u64::MAX);
        root.pointer(pc).unwrap().set_text("unknown field").unwrap();
        root.pointer(label).unwrap().set_text("newer").unwrap();
        let mut list = root.pointer(children).unwrap().init_struct_list(2, dw + 1, pc + 1).unwrap();
        for i in 0..2u32 {
            let mut child = list.get_struct(i).unwrap();
            child.set::<i64>(value, i as i64 + 1);
            child.set::<u64>(dw as usize, 0xabcdef);
            child.pointer(pc).unwrap().set_text("extra").unwrap();
        }
        let mut attr_list = root.pointer(attrs).unwrap().init_struct_list(1, 1, 3).unwrap();
        let mut attr = attr_list.get_struct(0).unwrap();
        attr.pointer(0).unwrap().set_text("k").unwrap();
        attr.pointer(1).unwrap().set_text("v").unwrap();
        attr.pointer(2).unwrap().set_text("extra").unwrap();
        out.push(("newer_elements", m.to_bytes()));
    }

    // Malformed pointers: a list past the end of the segment, a struct where a list is
    // expected, a Text element pointing outside the segment.
    {
        let mut m = MessageBuilder::default();
        let (dw, pc) = sections(&s, "Lists");
        let mut root = m.init_root(dw, pc);
        root.pointer(offset(&s, "Lists", "i32s") as u16).unwrap().init_list(ElementSize::FourBytes, 1).unwrap();
        root.pointer(offset(&s, "Lists", "bools") as u16).unwrap().init_list(ElementSize::Bit, 1).unwrap();
        let mut texts =
            root.pointer(offset(&s, "Lists", "texts") as u16).unwrap().init_list(ElementSize::Pointer, 2).unwrap();
        texts.get_pointer(0).unwrap().set_text("fine").unwrap();
        texts.get_pointer(1).unwrap().set_text("broken").unwrap();
        root.pointer(offset(&s, "Lists", "u8s") as u16).unwrap().set_data(b"ok").unwrap();
        let mut bytes = m.to_bytes();
        // The root struct starts at word 1 of the only segment (after the 8-byte table).
        let pointer_word = |index: u32| 8 + (1 + dw as usize + index as usize) * 8;
        let set = |bytes: &mut Vec<u8>, at: usize, word: u64| bytes[at..at + 8].copy_from_slice(&word.to_le_bytes());
        let get = |bytes: &Vec<u8>, at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        // i32s: a list 1000 words away.
        set(&mut bytes, pointer_word(offset(&s, "Lists", "i32s")), (1000 << 2) | 1 | (4 << 32) | (1 << 35));
        // bools: a struct pointer of one data word.
        set(&mut bytes, pointer_word(offset(&s, "Lists", "bools")), 1 << 32);
        // texts[1]: its offset moved far past the end.
        let texts_at = pointer_word(offset(&s, "Lists", "texts"));
        let list_word = get(&bytes, texts_at);
        let list_start = (texts_at - 8) / 8 + 1 + ((list_word as u32 as i32) >> 2) as usize;
        let element = 8 + (list_start + 1) * 8;
        let text_word = get(&bytes, element);
        set(&mut bytes, element, (text_word & !0xffff_fffc) | (5000 << 2));
        out.push(("malformed", bytes));
    }
    out
}

/// With `CAPNZERO_TEXT_PRINT_OUT` set (by `regen.sh`), writes the built messages there;
/// otherwise checks that the committed ones are what the runtime builds.
#[test]
fn write_built_messages() {
    let built = built_messages();
    let names: HashMap<&str, ()> = built.iter().map(|(name, _)| (*name, ())).collect();
    for case in cases().iter().filter(|c| c.source == "built") {
        assert!(names.contains_key(case.name.as_str()), "no built message for {}", case.name);
    }
    match std::env::var_os("CAPNZERO_TEXT_PRINT_OUT") {
        Some(out) => {
            for (name, bytes) in &built {
                std::fs::write(Path::new(&out).join(format!("{name}.bin")), bytes).unwrap();
            }
        }
        None => {
            for (name, bytes) in &built {
                assert_eq!(&read(&dir().join(format!("{name}.bin"))), bytes, "{name}.bin");
            }
        }
    }
}

/// Fills `node` with `value` = `depth` and, below `limit`, one child in `children`.
fn chain(node: &mut capnzero_runtime::StructBuilder<'_>, fields: (u16, usize, u16, u16), depth: i64, limit: i64) {
    let (children, value, dw, pc) = fields;
    node.set::<i64>(value, depth);
    if depth < limit {
        let mut list = node.pointer(children).unwrap().init_struct_list(1, dw, pc).unwrap();
        chain(&mut list.get_struct(0).unwrap(), fields, depth + 1, limit);
    }
}

#[test]
fn deep_nesting_prints_within_the_stack() {
    // A chain of 1000 nested structs (a list of one child at each level), read with a nesting
    // limit above its depth and printed both ways on a test thread's stack.
    let s = all_schema();
    let (dw, pc) = sections(&s, "Tree");
    let fields = (offset(&s, "Tree", "children") as u16, offset(&s, "Tree", "value") as usize, dw, pc);
    // The recursive builder needs a larger stack than a test thread has in debug builds.
    let bytes = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut m = MessageBuilder::default();
            chain(&mut m.init_root(dw, pc), fields, 0, 999);
            m.to_bytes()
        })
        .unwrap()
        .join()
        .unwrap();
    let options = ReaderOptions { nesting_limit: 2100, ..ReaderOptions::default() };
    let message = MessageReader::from_bytes(&bytes, options).unwrap();
    let tree = root_type(&s, "Tree");
    let short = print::decode_message(&message, tree.clone(), false);
    assert_eq!(short.error, None);
    let text = String::from_utf8(short.text).unwrap();
    assert!(text.starts_with("(value = 0, children = [(value = 1, children = [(value = 2, children = ["));
    assert!(text.ends_with(&format!("(value = 999){}\n", "])".repeat(999))));
    assert_eq!(text.matches('(').count(), 1000);
    let pretty = print::decode_message(&message, tree, true);
    assert_eq!(pretty.error, None);
    let pretty = String::from_utf8(pretty.text).unwrap();
    assert!(pretty.starts_with("( value = 0,\n  children = [\n    ( value = 1,\n      children = [\n"));
    assert_eq!(pretty.matches('(').count(), 1000);
    // The pretty form differs from the short one in spaces and line breaks only.
    let squeeze = |t: &str| t.replace([' ', '\n'], "");
    assert_eq!(squeeze(&pretty), squeeze(&text));
    // With the default nesting limit (64) the chain is cut where the limit is reached.
    let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let cut = print::decode_message(&message, root_type(&s, "Tree"), false);
    assert!(matches!(&cut.error, Some(capnzero_schema::dynamic::Error::Wire(e))
        if e.kind() == capnzero_runtime::ErrorKind::NestingLimitExceeded));
}
