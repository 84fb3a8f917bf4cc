//! capnzero's compiler against `capnp compile -o-` 0.9.2, request for request: for each
//! fixture, the request capnzero makes ([`Compiled::request`]) must hold the same nodes as the
//! official one, in the same order, every node equal field for field (the model compares floats
//! by bit pattern), the same doc comments in the same order, and the same requested files with
//! the same import tables. Where nothing differs by design, the two requests are also equal
//! byte for byte once written.
//!
//! By design: the standard imports capnzero ships (`schema/std/capnp/*.capnp`) are its own
//! copies of the official files, with the same declarations and IDs but doc comments in its
//! own words. For nodes of those files the doc comment texts are not compared (their places
//! are).
//!
//! Fixtures: `tests/request/*.capnp` (unions, groups, interfaces, generics, constants and
//! defaults of every type, annotations, imports, doc comments in every place, a file using a
//! little of two standard imports), capnzero's copy of `schema.capnp`, and the awkward layouts
//! of `tests/layout/*.capnp`.

use std::path::Path;

use capnzero_schema::compile::{compile, Compiled, MemoryLoader, SourceFile};
use capnzero_schema::request::{self, CodeGeneratorRequest};

const STD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/std");
const REQUEST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/request");
const LAYOUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/layout");

/// A loader with the `.capnp` files of `dir` (by file name) and the standard imports.
fn loader(dir: &str) -> MemoryLoader {
    let mut loader = MemoryLoader::default();
    for name in ["capnp/c++.capnp", "capnp/schema.capnp", "capnp/stream.capnp"] {
        loader.files.insert(name.into(), std::fs::read_to_string(Path::new(STD).join(name)).unwrap());
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "capnp") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            loader.files.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    loader
}

/// Whether a node belongs to one of capnzero's own copies of the standard imports.
fn is_std(display_name: &str) -> bool {
    display_name.starts_with("capnp/")
}

/// capnzero's compilation of `files` (names as in `loader`) and the official request.
fn compile_fixture(dir: &str, cgr: &str, files: &[&str]) -> (Compiled, CodeGeneratorRequest) {
    let official = request::read(&std::fs::read(Path::new(dir).join(cgr)).unwrap()).unwrap();
    let mut loader = loader(dir);
    let requested: Vec<SourceFile> =
        files.iter().map(|&name| SourceFile { name: name.into(), text: loader.files[name].clone() }).collect();
    let ours = compile(&requested, &mut loader).unwrap_or_else(|e| panic!("{e}"));
    (ours, official)
}

/// Every difference between capnzero's request and the official one.
fn differences(compiled: &Compiled, official: &CodeGeneratorRequest) -> Vec<String> {
    let ours = compiled.request();
    let mut out = Vec::new();
    let names = |r: &CodeGeneratorRequest| -> Vec<String> {
        r.nodes.iter().map(|n| format!("{:016x} {}", n.id, n.display_name)).collect()
    };
    if names(&ours) != names(official) {
        out.push(format!("node lists differ:\n  ours:     {:?}\n  official: {:?}", names(&ours), names(official)));
    }
    // Official to ours: every official node is in capnzero's complete node set, equal.
    for node in &official.nodes {
        match compiled.node(node.id) {
            None => out.push(format!("missing: {}", node.display_name)),
            Some(mine) if mine != node => {
                out.push(format!("differs: {}\n  ours:     {mine:?}\n  official: {node:?}", node.display_name))
            }
            Some(_) => {}
        }
    }
    // Ours to official: every node of capnzero's request is in the official one.
    for node in &ours.nodes {
        if official.node(node.id).is_none() {
            out.push(format!("extra: {}", node.display_name));
        }
    }
    let std_ids: Vec<u64> = official.nodes.iter().filter(|n| is_std(&n.display_name)).map(|n| n.id).collect();
    if ours.source_info.len() != official.source_info.len() {
        out.push(format!("{} doc comment records, official {}", ours.source_info.len(), official.source_info.len()));
    }
    for (mine, theirs) in ours.source_info.iter().zip(&official.source_info) {
        let same = if std_ids.contains(&theirs.id) {
            mine.id == theirs.id && mine.members.len() == theirs.members.len()
        } else {
            mine == theirs
        };
        if !same {
            out.push(format!("doc comments differ:\n  ours:     {mine:?}\n  official: {theirs:?}"));
        }
    }
    if ours.requested_files != official.requested_files {
        out.push(format!(
            "requested files differ:\n  ours:     {:?}\n  official: {:?}",
            ours.requested_files, official.requested_files
        ));
    }
    if ours.capnp_version != official.capnp_version {
        out.push(format!("version {:?}, official {:?}", ours.capnp_version, official.capnp_version));
    }
    out
}

fn check(dir: &str, cgr: &str, files: &[&str]) -> (Compiled, CodeGeneratorRequest) {
    let (compiled, official) = compile_fixture(dir, cgr, files);
    let differences = differences(&compiled, &official);
    assert!(
        differences.is_empty(),
        "{cgr}: {} nodes, {} differences:\n{}",
        official.nodes.len(),
        differences.len(),
        differences.join("\n")
    );
    (compiled, official)
}

/// For fixtures without standard imports: the two requests written are the same bytes.
fn check_bytes(dir: &str, cgr: &str, files: &[&str]) {
    let (compiled, official) = check(dir, cgr, files);
    assert!(official.nodes.iter().all(|n| !is_std(&n.display_name)), "{cgr} uses standard imports");
    assert!(request::write(&compiled.request()) == request::write(&official), "{cgr}: bytes differ");
}

#[test]
fn imported() {
    check_bytes(REQUEST, "imported.cgr", &["imported.capnp"]);
}

#[test]
fn basics_needs_some_of_the_imported_file() {
    let (compiled, official) = check(REQUEST, "basics.cgr", &["basics.capnp"]);
    check_bytes(REQUEST, "basics.cgr", &["basics.capnp"]);
    // capnzero keeps every node it compiled; the request only what the official one holds
    // (an annotation of the imported file that basics.capnp does not use is left out).
    assert!(compiled.nodes.len() > official.nodes.len(), "{} nodes", compiled.nodes.len());
    let marker = compiled.nodes.iter().find(|n| n.display_name == "imported.capnp:marker").unwrap();
    assert!(official.node(marker.id).is_none());
    assert!(compiled.request().node(marker.id).is_none());
}

#[test]
fn consts() {
    check_bytes(REQUEST, "consts.cgr", &["consts.capnp"]);
}

#[test]
fn generics_with_streams() {
    check(REQUEST, "generics.cgr", &["generics.capnp"]);
}

#[test]
fn three_files_at_once() {
    check(REQUEST, "all.cgr", &["basics.capnp", "generics.capnp", "consts.capnp"]);
}

/// Aliases of generic parameters and of nested generic declarations looked up through bound
/// brands (`G(P, Text).AliasFoo`, alias of an alias, `AliasInner2(Data)`, `AliasRev.AliasFoo`,
/// in lists, method parameters and an imported file): the bindings are substituted, so `S` is
/// a plain struct whose field `a` is the struct `P` and whose defaults are values of `P`.
#[test]
fn generic_aliases_through_bound_brands() {
    use capnzero_schema::model::{FieldKind, NodeKind, Type};
    let (compiled, _) = check(REQUEST, "aliases.cgr", &["aliases.capnp"]);
    check_bytes(REQUEST, "aliases.cgr", &["aliases.capnp"]);
    let id_of = |name: &str| compiled.nodes.iter().find(|n| n.display_name == name).unwrap().id;
    let s = compiled.nodes.iter().find(|n| n.display_name == "aliases.capnp:S").unwrap();
    assert!(s.parameters.is_empty());
    let NodeKind::Struct(body) = &s.kind else { panic!("S is not a struct") };
    let field_type = |name: &str| match &body.fields.iter().find(|f| f.name == name).unwrap().kind {
        FieldKind::Slot { ty, .. } => ty.clone(),
        FieldKind::Group { .. } => panic!("{name} is a group"),
    };
    let Type::Struct { type_id, brand } = field_type("a") else { panic!("a: {:?}", field_type("a")) };
    assert_eq!(type_id, id_of("aliases.capnp:P"));
    assert!(brand.scopes.is_empty());
    assert_eq!(field_type("b"), Type::Text);
    assert_eq!(field_type("rev"), Type::Text);
    assert_eq!(field_type("boxItems"), Type::List(Box::new(Type::Text)));
}

#[test]
fn doc_comments_in_every_place() {
    check_bytes(REQUEST, "docs.cgr", &["docs.capnp"]);
}

#[test]
fn a_little_of_two_standard_imports() {
    let (compiled, official) = check(REQUEST, "uses_std.cgr", &["uses_std.capnp"]);
    // Of schema.capnp, Node and what it depends on; not CodeGeneratorRequest, for one.
    assert!(official.nodes.iter().any(|n| n.display_name == "capnp/schema.capnp:Node"));
    assert!(!official.nodes.iter().any(|n| n.display_name == "capnp/schema.capnp:CodeGeneratorRequest"));
    assert!(compiled.nodes.iter().any(|n| n.display_name == "capnp/schema.capnp:CodeGeneratorRequest"));
}

#[test]
fn capnzero_copy_of_schema_capnp() {
    let mut loader = loader(REQUEST);
    let text = loader.files["capnp/schema.capnp"].clone();
    let official = request::read(&std::fs::read(Path::new(REQUEST).join("schema.cgr")).unwrap()).unwrap();
    let compiled = compile(&[SourceFile { name: "capnp/schema.capnp".into(), text }], &mut loader).unwrap();
    assert!(official.nodes.len() > 30, "{} nodes", official.nodes.len());
    let differences = differences(&compiled, &official);
    assert!(differences.is_empty(), "{} differences:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn groups_and_unions_nested() {
    check_bytes(LAYOUT, "groups_and_unions.cgr", &["groups_and_unions.capnp"]);
}

#[test]
fn bools_and_small_ints_interleaved_with_unions() {
    check_bytes(LAYOUT, "interleaved.cgr", &["interleaved.capnp"]);
}

#[test]
fn two_hundred_forty_fields() {
    check_bytes(LAYOUT, "wide.cgr", &["wide.capnp"]);
}
