//! The JSON codec against `capnp convert` 0.9.2. Every case of `tests/json/cases.txt` is read
//! with capnzero's runtime (its schema `all.capnp` compiled by capnzero's compiler), written as
//! JSON pretty and short and compared byte for byte with what the official tool wrote; both
//! JSON texts are read back and must build the message the tool built from them. The cases of
//! `decode_cases.txt` are JSON texts the tool read into `name.in.bin`; those of `bad_cases.txt`
//! are texts the tool refuses, and capnzero must refuse them with an error. `regen.sh`
//! regenerates the fixtures, `check.sh` re-checks them.
//!
//! When the official sources are at `$CAPNP_SOURCE` (default
//! `/tmp/srcprobe/capnproto-c++-0.9.2/src`), their JSON testdata of `compat/json-test.capnp`
//! are checked too.

use std::path::{Path, PathBuf};

use capnzero_runtime::{BuilderOptions, MessageBuilder, MessageReader, ReaderOptions};
use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
use capnzero_schema::dynamic::{DynamicStruct, DynamicStructBuilder, FindType, Schema, StructSchema};
use capnzero_schema::json;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/json")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn loader() -> MemoryLoader {
    let std_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("std/capnp");
    let mut loader = MemoryLoader::default();
    for name in ["c++.capnp", "compat/json.capnp"] {
        let text = String::from_utf8(read(&std_dir.join(name))).unwrap();
        loader.files.insert(format!("capnp/{name}"), text);
    }
    loader
}

fn compile_file(name: &str, text: String, mut loader: MemoryLoader) -> Schema {
    let compiled = compile(&[SourceFile { name: name.into(), text }], &mut loader)
        .unwrap_or_else(|e| panic!("{name} does not compile: {e:?}"));
    Schema::new(compiled)
}

fn all_schema() -> Schema {
    compile_file("all.capnp", String::from_utf8(read(&dir().join("all.capnp"))).unwrap(), loader())
}

fn root_type<'s>(schema: &'s Schema, name: &str) -> StructSchema<'s> {
    let file = schema.compiled().requested[0].id;
    schema.find_type(file, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The cases of `list`: name, root type, and whether the tool can read the case's JSON back.
fn cases(list: &str) -> Vec<(String, String, bool)> {
    let text = String::from_utf8(read(&dir().join(list))).unwrap();
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert!(matches!(parts.len(), 2 | 3), "bad line in {list}: {line}");
            (parts[0].to_string(), parts[1].to_string(), parts.get(2) != Some(&"encode-only"))
        })
        .collect()
}

/// The message as `capnp convert ...:binary` writes it: the root copied into a fresh builder.
fn as_tool_writes(message: &MessageBuilder) -> Vec<u8> {
    let segments = message.segments();
    let options = ReaderOptions { traversal_limit_words: u64::MAX, nesting_limit: u32::MAX };
    let source = MessageReader::from_segments(&segments, options).unwrap();
    let mut out = MessageBuilder::new(BuilderOptions::DEFAULT);
    out.root().set_copy_of(source.root()).unwrap();
    out.to_bytes()
}

/// `text` decoded as the root type `ty`, in the tool's bytes.
fn decode(schema: &Schema, ty: &str, text: &[u8]) -> Result<Vec<u8>, json::JsonError> {
    let mut message = MessageBuilder::default();
    let root = DynamicStructBuilder::init_root(&mut message, root_type(schema, ty));
    json::decode_bytes_into(text, root)?;
    Ok(as_tool_writes(&message))
}

/// Every message of `text` (cut as the tool cuts it) decoded, their bytes one after another.
fn decode_all(schema: &Schema, ty: &str, text: &[u8]) -> Result<Vec<u8>, json::JsonError> {
    let mut out = Vec::new();
    for range in json::split_messages(text) {
        out.extend(decode(schema, ty, &text[range])?);
    }
    Ok(out)
}

fn strip_newline(bytes: &[u8]) -> &[u8] {
    bytes.strip_suffix(b"\n").expect("the tool ends its JSON with a newline")
}

#[test]
fn writes_what_capnp_convert_writes() {
    let schema = all_schema();
    for (name, ty, _) in cases("cases.txt") {
        let bytes = read(&dir().join(format!("{name}.bin")));
        let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        let root = DynamicStruct::root(&message, root_type(&schema, &ty)).unwrap();
        for (pretty, ext) in [(true, "pretty.json"), (false, "short.json")] {
            let expected = read(&dir().join(format!("{name}.{ext}")));
            let got = json::encode_struct_bytes(&root, pretty).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(strip_newline(&expected)),
                "{name}.{ext}"
            );
            assert_eq!(json::encode_struct(&root, pretty).unwrap().as_bytes(), &got[..], "{name}.{ext}");
        }
    }
}

#[test]
fn reads_what_capnp_convert_reads() {
    let schema = all_schema();
    for (name, ty, _) in cases("cases.txt").into_iter().filter(|c| c.2) {
        let expected = read(&dir().join(format!("{name}.json.bin")));
        for ext in ["pretty.json", "short.json"] {
            let text = read(&dir().join(format!("{name}.{ext}")));
            let got = decode(&schema, &ty, &text).unwrap_or_else(|e| panic!("{name}.{ext}: {e}"));
            assert_eq!(got, expected, "{name}.{ext}");
        }
    }
    for (name, ty, _) in cases("decode_cases.txt") {
        let text = read(&dir().join(format!("{name}.in.json")));
        let expected = read(&dir().join(format!("{name}.in.bin")));
        let got = decode_all(&schema, &ty, &text).unwrap_or_else(|e| panic!("{name}.in.json: {e}"));
        assert_eq!(got, expected, "{name}.in.json");
        // And what the tool writes of those messages, a line each.
        let mut written = Vec::new();
        let mut rest = &expected[..];
        while !rest.is_empty() {
            let (message, after) = MessageReader::from_bytes_prefix(rest, ReaderOptions::default()).unwrap();
            let root = DynamicStruct::root(&message, root_type(&schema, &ty)).unwrap();
            written.extend(json::encode_struct_bytes(&root, false).unwrap());
            written.push(b'\n');
            rest = after;
        }
        let tool = read(&dir().join(format!("{name}.in.short.json")));
        assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&tool), "{name}.in.short.json");
    }
}

#[test]
fn refuses_what_capnp_convert_refuses() {
    let schema = all_schema();
    for (name, ty, _) in cases("bad_cases.txt") {
        let text = read(&dir().join(format!("{name}.bad.json")));
        let result = decode_all(&schema, &ty, &text);
        assert!(result.is_err(), "{name}.bad.json was accepted");
    }
}

#[test]
fn syntax_errors_say_where() {
    let schema = all_schema();
    let error = decode(&schema, "Scalars", b"{\"i8\": 1,\n  \"t\": \"x\" ]").unwrap_err();
    assert_eq!(error.message, "Unexpected input in JSON message.");
    let position = error.position.unwrap();
    assert_eq!((position.offset, position.line, position.column), (21, 2, 12));
    assert_eq!(error.to_string(), "2:12: Unexpected input in JSON message.");
    let error = decode(&schema, "Scalars", b"{\"t\": \"abc").unwrap_err();
    assert_eq!(error.to_string(), "1:11: JSON message ends prematurely.");
    let error = decode(&schema, "Scalars", b"{\"b\": 1}").unwrap_err();
    assert_eq!((error.to_string(), error.position), ("Expected boolean value".to_string(), None));
    let error = decode(&schema, "Scalars", b"{} {}").unwrap_err();
    assert_eq!(error.to_string(), "1:4: Input remains after parsing JSON.");
    assert_eq!(json::split_messages(b"{} {}"), vec![0..3, 3..5]);
    assert_eq!(json::split_messages(b" {\"a\": \"}{\"}\n"), vec![0..9, 9..13]);
    assert_eq!(json::split_messages(b"{} # {\n{}//{\n{}"), vec![0..7, 7..13, 13..15]);
    assert_eq!(json::split_messages(b"/ {}/{}"), vec![0..7]);
    assert_eq!(json::split_messages(b""), Vec::<std::ops::Range<usize>>::new());
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let schema = all_schema();
    for depth in [65usize, 1000, 200_000] {
        for (open, close) in [("[", "]"), ("{\"next\":", "}")] {
            let text = format!("{{\"next\": {}{}}}", open.repeat(depth), close.repeat(depth));
            let error = decode(&schema, "Deep", text.as_bytes()).unwrap_err();
            assert_eq!(error.message, "JSON message nested too deeply.", "depth {depth}");
        }
    }
    // 64 levels are allowed: the root object and 63 more.
    let text = format!("{}{{}}{}", "{\"next\": ".repeat(63), "}".repeat(63));
    let bytes = decode(&schema, "Deep", text.as_bytes()).unwrap();
    let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let root = DynamicStruct::root(&message, root_type(&schema, "Deep")).unwrap();
    let short = json::encode_struct(&root, false).unwrap();
    assert_eq!(short, format!("{}{{}}{}", "{\"next\":".repeat(63), "}".repeat(63)));
}

#[test]
fn malformed_input_never_panics() {
    let schema = all_schema();
    let seeds: Vec<Vec<u8>> = ["scalars", "lists", "annotated_a", "unions_a"]
        .iter()
        .map(|name| read(&dir().join(format!("{name}.short.json"))))
        .collect();
    let types = ["Scalars", "Lists", "Annotated", "Unions"];
    // A small xorshift generator: truncations, byte flips and insertions of JSON punctuation.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let punctuation = b"{}[]\",:\\-0123456789eE.tfn \x00\xff";
    for round in 0..3000 {
        let which = round % seeds.len();
        let mut text = seeds[which].clone();
        match next() % 3 {
            0 => text.truncate((next() as usize) % (text.len() + 1)),
            1 => {
                for _ in 0..1 + next() % 4 {
                    let at = (next() as usize) % text.len();
                    text[at] = punctuation[(next() as usize) % punctuation.len()];
                }
            }
            _ => {
                let at = (next() as usize) % (text.len() + 1);
                text.insert(at, punctuation[(next() as usize) % punctuation.len()]);
            }
        }
        let _ = decode(&schema, types[which], &text);
    }
}

#[test]
fn set_any_pointer_fields_are_errors_to_encode() {
    let schema = all_schema();
    let ty = root_type(&schema, "Pointers");
    let mut message = MessageBuilder::default();
    let mut root = DynamicStructBuilder::init_root(&mut message, ty.clone());
    root.set("t", "x").unwrap();
    let bytes = message.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let value = DynamicStruct::root(&reader, ty.clone()).unwrap();
    assert_eq!(json::encode_struct(&value, true).unwrap(), r#"{"t": "x"}"#);

    let mut message = MessageBuilder::default();
    let mut root = DynamicStructBuilder::init_root(&mut message, ty.clone());
    root.set("any", "x").unwrap();
    let bytes = message.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let value = DynamicStruct::root(&reader, ty).unwrap();
    let error = json::encode_struct(&value, true).unwrap_err();
    assert!(error.message.contains("don't know how to JSON-encode AnyPointer"), "{error}");
}

/// The official sources' JSON testdata for `compat/json-test.capnp`'s TestJsonAnnotations
/// (not committed here: read from `$CAPNP_SOURCE` when it is there).
#[test]
fn official_annotated_testdata() {
    let source = std::env::var("CAPNP_SOURCE").unwrap_or_else(|_| "/tmp/srcprobe/capnproto-c++-0.9.2/src".into());
    let source = Path::new(&source);
    let test_schema = source.join("capnp/compat/json-test.capnp");
    if !test_schema.exists() {
        eprintln!("skipped: no {}", test_schema.display());
        return;
    }
    let text = String::from_utf8(read(&test_schema)).unwrap();
    let schema = compile_file("capnp/compat/json-test.capnp", text, loader());
    let binary = read(&source.join("capnp/testdata/annotated-json.binary"));
    let expected = read(&source.join("capnp/testdata/annotated.json"));
    let message = MessageReader::from_bytes(&binary, ReaderOptions::default()).unwrap();
    let root = DynamicStruct::root(&message, root_type(&schema, "TestJsonAnnotations")).unwrap();
    let got = json::encode_struct_bytes(&root, true).unwrap();
    assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(strip_newline(&expected)));
    let decoded = decode(&schema, "TestJsonAnnotations", &expected).unwrap();
    assert_eq!(decoded, binary);
}

/// The official `testdata/pretty.json`, `short.json` and `binary` of `test.capnp`'s
/// TestAllTypes, when the sources are at `$CAPNP_SOURCE` and capnzero compiles `test.capnp`.
#[test]
fn official_all_types_testdata() {
    let source = std::env::var("CAPNP_SOURCE").unwrap_or_else(|_| "/tmp/srcprobe/capnproto-c++-0.9.2/src".into());
    let source = Path::new(&source);
    let test_schema = source.join("capnp/test.capnp");
    if !test_schema.exists() {
        eprintln!("skipped: no {}", test_schema.display());
        return;
    }
    let text = String::from_utf8(read(&test_schema)).unwrap();
    let mut loader = loader();
    if let Ok(import) = std::fs::read_to_string(source.join("capnp/test-import.capnp")) {
        loader.files.insert("capnp/test-import.capnp".into(), import);
    }
    let compiled = match compile(&[SourceFile { name: "capnp/test.capnp".into(), text: text.clone() }], &mut loader) {
        Ok(compiled) => compiled,
        Err(_) => {
            // Until capnzero compiles all of test.capnp: its TestEnum and TestAllTypes alone.
            let reduced = format!(
                "@0xe1a2b3c4d5e6f708;\n{}\n{}\n",
                block(&text, "enum TestEnum {"),
                block(&text, "struct TestAllTypes {")
            );
            compile(&[SourceFile { name: "reduced.capnp".into(), text: reduced }], &mut MemoryLoader::default())
                .unwrap()
        }
    };
    let schema = Schema::new(compiled);
    let binary = read(&source.join("capnp/testdata/binary"));
    let message = MessageReader::from_bytes(&binary, ReaderOptions::default()).unwrap();
    let root = DynamicStruct::root(&message, root_type(&schema, "TestAllTypes")).unwrap();
    for (pretty, name) in [(true, "pretty.json"), (false, "short.json")] {
        let expected = read(&source.join("capnp/testdata").join(name));
        let got = json::encode_struct_bytes(&root, pretty).unwrap();
        assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(strip_newline(&expected)), "{name}");
        assert_eq!(decode(&schema, "TestAllTypes", &expected).unwrap(), binary, "{name} read back");
    }
}

/// The declaration in `text` that starts with `start`, up to its closing brace.
fn block(text: &str, start: &str) -> String {
    let at = text.find(start).unwrap_or_else(|| panic!("no {start}"));
    let mut depth = 0;
    for (i, c) in text[at..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return text[at..at + i + 1].to_string();
                }
            }
            _ => {}
        }
    }
    panic!("{start} does not end")
}

#[test]
fn refused_input_says_why() {
    let schema = all_schema();
    let expect = [
        ("clash", "Clash: two members have the JSON name \"same\""),
        ("flatten_primitive", "only struct types can be flattened: all.capnp:FlattenPrimitive.a"),
        ("flatten_cycle", "cyclic JSON flattening detected: all.capnp:FlattenCycle"),
        ("base64_on_text", "only Data can be marked for base64 encoding: all.capnp:Base64OnText.t"),
        ("int_range", "Value out-of-range for requested type."),
        ("uint_negative", "Value out-of-range: -1"),
        ("int_string_bad", "String does not contain valid number: 12z"),
        ("enum_name", "invalid enum value: purple"),
        ("tag_type", "Expected string value."),
        ("data_range", "Number in byte array is not an integer in [0, 255]"),
        ("struct_type", "Expected object value"),
        ("too_deep", "1:577: JSON message nested too deeply."),
        ("exponent_only", "1:9: String does not contain valid floating number: 1e"),
        ("any_pointer", "don't know how to JSON-decode AnyPointer; please register a JsonCodec::Handler for this"),
    ];
    let types: std::collections::HashMap<String, String> =
        cases("bad_cases.txt").into_iter().map(|(name, ty, _)| (name, ty)).collect();
    for (name, message) in expect {
        let text = read(&dir().join(format!("{name}.bad.json")));
        let error = decode(&schema, &types[name], &text).unwrap_err();
        assert!(error.to_string().ends_with(message), "{name}: {error}");
    }
    // The annotations' mistakes are errors when encoding too.
    for ty in ["Clash", "FlattenPrimitive", "FlattenCycle", "Base64OnText"] {
        let mut message = MessageBuilder::default();
        DynamicStructBuilder::init_root(&mut message, root_type(&schema, ty));
        let bytes = message.to_bytes();
        let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        let root = DynamicStruct::root(&reader, root_type(&schema, ty)).unwrap();
        assert!(json::encode_struct(&root, false).is_err(), "{ty}");
    }
}

/// A chain of `depth` Deep structs, each the `next` of the one before, as message bytes.
fn deep_chain(depth: usize) -> Vec<u8> {
    let words = 1 + 2 * depth;
    let mut bytes = Vec::with_capacity(8 + words * 8);
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&(words as u32).to_le_bytes());
    // The root: a struct right after it, no data, two pointers.
    bytes.extend_from_slice(&(2u64 << 48).to_le_bytes());
    for level in 0..depth {
        // `next` points at the struct right after this one; the last is null.
        let next = if level + 1 < depth { (1u64 << 2) | (2u64 << 48) } else { 0 };
        bytes.extend_from_slice(&next.to_le_bytes());
        bytes.extend_from_slice(&0u64.to_le_bytes());
    }
    bytes
}

#[test]
fn encoding_deep_messages_is_limited_without_overflowing_the_stack() {
    let schema = all_schema();
    let unlimited = ReaderOptions { traversal_limit_words: u64::MAX, nesting_limit: u32::MAX };
    let bytes = deep_chain(3);
    let message = MessageReader::from_bytes(&bytes, unlimited).unwrap();
    let root = DynamicStruct::root(&message, root_type(&schema, "Deep")).unwrap();
    assert_eq!(json::encode_struct(&root, false).unwrap(), r#"{"next":{"next":{}}}"#);

    let bytes = deep_chain(255);
    let message = MessageReader::from_bytes(&bytes, unlimited).unwrap();
    let root = DynamicStruct::root(&message, root_type(&schema, "Deep")).unwrap();
    let text = json::encode_struct(&root, true).unwrap();
    assert_eq!(text.matches("\"next\"").count(), 254);

    let bytes = deep_chain(100_000);
    let message = MessageReader::from_bytes(&bytes, unlimited).unwrap();
    let root = DynamicStruct::root(&message, root_type(&schema, "Deep")).unwrap();
    let error = json::encode_struct(&root, true).unwrap_err();
    assert_eq!(error.message, "Message is nested too deeply to encode as JSON.");
}
