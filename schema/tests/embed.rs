//! `embed`: constants, defaults and annotation values read from files, checked against
//! `capnp compile` 0.9.2.
//!
//! `embed/embeds.capnp` embeds text, binary data and a framed message (as Text, Data, a
//! struct, list elements, field defaults, parameter defaults and annotation values), by
//! relative paths, a path with `..` and `.`, and an absolute path found through the import
//! path. capnzero's nodes are compared with the tool's (`embeds.cgr`) node for node.
//! `embed/missing.capnp` holds embeds that fail; the errors are compared with the tool's
//! (`missing.errors`). `regen.sh` regenerates the tool's files; `check.sh` checks that they are
//! current.

use capnzero_schema::compile::{compile, Compiled, MemoryLoader, SourceFile};
use capnzero_schema::model::{NodeKind, Value};
use capnzero_schema::request;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/embed/");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_text(name: &str) -> String {
    String::from_utf8(read(name)).unwrap()
}

/// The schemas as text, the embedded files as bytes; `/abs/…` is found as `abs/…`, as the
/// tool finds it with `-I.`.
fn loader() -> MemoryLoader {
    let mut loader = MemoryLoader::default();
    for name in ["embeds.capnp", "missing.capnp"] {
        loader.files.insert(name.into(), read_text(name));
    }
    for name in ["hello.txt", "sub/bytes.bin", "abs/found.txt", "point.bin"] {
        loader.data.insert(name.into(), read(name));
    }
    loader
}

fn compile_file(name: &str) -> Result<Compiled, Vec<String>> {
    let mut loader = loader();
    let text = loader.files[name].clone();
    compile(&[SourceFile { name: name.into(), text }], &mut loader).map_err(|e| e.rendered())
}

fn constant(compiled: &Compiled, name: &str) -> Value {
    let full = format!("embeds.capnp:{name}");
    let node = compiled.nodes.iter().find(|n| n.display_name == full).unwrap_or_else(|| panic!("no {name}"));
    match &node.kind {
        NodeKind::Const { value, .. } => value.clone(),
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn embeds_match_the_official_compiler_node_for_node() {
    let official = request::read(&read("embeds.cgr")).unwrap();
    let ours = compile_file("embeds.capnp").unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let mut differences = Vec::new();
    for node in &official.nodes {
        match ours.node(node.id) {
            None => differences.push(format!("missing: {}", node.display_name)),
            Some(mine) if mine != node => {
                differences.push(format!("differs: {}\n  ours:     {mine:?}\n  official: {node:?}", node.display_name))
            }
            Some(_) => {}
        }
    }
    assert!(official.nodes.len() >= 15, "{} nodes", official.nodes.len());
    assert!(differences.is_empty(), "{} differ:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn embedded_values_are_the_files() {
    let compiled = compile_file("embeds.capnp").unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert_eq!(constant(&compiled, "greeting"), Value::Text(Some(read_text("hello.txt"))));
    assert_eq!(constant(&compiled, "greetingBytes"), Value::Data(Some(read("hello.txt"))));
    assert_eq!(constant(&compiled, "binary"), Value::Data(Some(b"\x00\x01\x02\xff\xfe\x80 binary\x00".to_vec())));
    assert_eq!(constant(&compiled, "folded"), constant(&compiled, "binary"));
    assert_eq!(constant(&compiled, "absolute"), Value::Text(Some("absolute import path".into())));
    let Value::Struct(Some(point)) = constant(&compiled, "point") else { panic!("point is not a struct") };
    let reader = capnzero_runtime::PointerReader::constant(&point).get_struct().unwrap().unwrap();
    assert_eq!((reader.get::<i32>(0), reader.get::<i32>(1)), (3, -4));
    assert_eq!(reader.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "embedded point");
}

#[test]
fn failed_embeds_are_the_official_errors() {
    let errors = compile_file("missing.capnp").unwrap_err();
    let expected: Vec<String> = read_text("missing.errors").lines().map(String::from).collect();
    assert_eq!(errors, expected);
}

#[test]
fn a_file_that_is_not_there_when_loading_is_reported_where_it_is_embedded() {
    let mut loader = MemoryLoader::default();
    let text = "@0xd2c1b0a9f8e7d6c5;\nconst a :Data = embed \"late.bin\";\nconst b :Text = embed \"late.bin\";\n";
    let errors = compile(&[SourceFile { name: "late.capnp".into(), text: text.into() }], &mut loader).unwrap_err();
    assert_eq!(
        errors.rendered(),
        [
            "late.capnp:2:23-33: error: Couldn't read file for embed: late.bin",
            "late.capnp:3:23-33: error: Couldn't read file for embed: late.bin",
        ]
    );
}

#[test]
fn text_must_be_valid_utf8() {
    // capnzero reads Text as `str`: a Text literal or embedded file that is not UTF-8 is an
    // error (the official compiler takes the bytes). As Data the same bytes are fine.
    let mut loader = MemoryLoader::default();
    loader.data.insert("latin1.txt".into(), read("latin1.txt"));
    let text = "@0xd2c1b0a9f8e7d6c4;\nconst a :Text = \"caf\\xe9\";\nconst b :Text = embed \"latin1.txt\";\n\
                const c :Data = embed \"latin1.txt\";\nconst d :Data = \"caf\\xe9\";\n";
    let source = SourceFile { name: "latin1.capnp".into(), text: text.into() };
    let errors = compile(std::slice::from_ref(&source), &mut loader).unwrap_err();
    assert_eq!(
        errors.rendered(),
        [
            "latin1.capnp:2:17-26: error: Text must be valid UTF-8.",
            "latin1.capnp:3:17-35: error: Text must be valid UTF-8.",
        ]
    );
    let fixed = SourceFile {
        text: text.replace("const a :Text", "const a :Data").replace("const b :Text", "const b :Data"),
        ..source
    };
    let compiled = compile(&[fixed], &mut loader).unwrap();
    let values: Vec<&Value> = compiled
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Const { value, .. } => Some(value),
            _ => None,
        })
        .collect();
    assert_eq!(values.len(), 4);
    assert!(values.iter().all(|v| **v == Value::Data(Some(b"caf\xe9".to_vec()))), "{values:?}");
}

#[test]
fn a_hostile_embedded_message_is_an_error() {
    // A root struct whose one pointer is the root pointer's own word: a cycle. It is read with
    // the default limits (not the official tool's none), so it ends in an error.
    let mut cycle = vec![0, 0, 0, 0, 1, 0, 0, 0];
    cycle.extend_from_slice(&0x0001_0000_ffff_fffcu64.to_le_bytes());
    let mut loader = MemoryLoader::default();
    loader.data.insert("cycle.bin".into(), cycle);
    loader.data.insert("odd.bin".into(), vec![0; 12]);
    let text = "@0xd2c1b0a9f8e7d6c3;\nstruct Node { next @0 :Node; }\nconst a :Node = embed \"cycle.bin\";\n\
                const b :Node = embed \"odd.bin\";\n";
    let errors = compile(&[SourceFile { name: "cycle.capnp".into(), text: text.into() }], &mut loader).unwrap_err();
    assert_eq!(
        errors.rendered(),
        [
            "cycle.capnp:3:17-34: error: Embedded file is not a valid Cap'n Proto message.",
            "cycle.capnp:4:17-32: error: Embedded file is not a valid Cap'n Proto message.",
        ]
    );
}
