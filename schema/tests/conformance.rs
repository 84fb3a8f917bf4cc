//! Node-by-node comparison of what capnzero's compiler makes of the request fixtures
//! (`tests/request/*.capnp`) with what `capnp compile -o-` 0.9.2 made of them
//! (`tests/request/*.cgr`). Every node of the official request is compared with ours, every
//! field of it (the model compares floats by bit pattern).

use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
use capnzero_schema::request;

fn loader() -> MemoryLoader {
    let mut loader = MemoryLoader::default();
    let std = concat!(env!("CARGO_MANIFEST_DIR"), "/std/");
    for name in ["capnp/c++.capnp", "capnp/schema.capnp", "capnp/stream.capnp"] {
        loader.files.insert(name.into(), std::fs::read_to_string(format!("{std}{name}")).unwrap());
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/request/");
    for name in ["imported.capnp", "basics.capnp", "generics.capnp", "consts.capnp"] {
        loader.files.insert(name.into(), std::fs::read_to_string(format!("{dir}{name}")).unwrap());
    }
    loader
}

fn check(fixture: &str) -> (usize, Vec<String>) {
    check_file(fixture, &format!("{fixture}.capnp"))
}

fn check_file(fixture: &str, name: &str) -> (usize, Vec<String>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/request/");
    let official = request::read(&std::fs::read(format!("{dir}{fixture}.cgr")).unwrap()).unwrap();
    let mut loader = loader();
    let name = name.to_string();
    let text = loader.files[&name].clone();
    let ours = compile(&[SourceFile { name, text }], &mut loader).unwrap_or_else(|e| panic!("{e}"));
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
    (official.nodes.len(), differences)
}

#[test]
fn imported_matches_node_for_node() {
    let (count, differences) = check("imported");
    assert!(differences.is_empty(), "{count} nodes, {} differ:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn basics_matches_node_for_node() {
    let (count, differences) = check("basics");
    assert!(differences.is_empty(), "{count} nodes, {} differ:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn consts_matches_node_for_node() {
    let (count, differences) = check("consts");
    assert!(differences.is_empty(), "{count} nodes, {} differ:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn generics_matches_node_for_node() {
    let (count, differences) = check("generics");
    assert!(differences.is_empty(), "{count} nodes, {} differ:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn capnzero_copy_of_schema_capnp_matches_the_official_node_for_node() {
    let (count, differences) = check_file("schema", "capnp/schema.capnp");
    assert!(count > 30, "{count} nodes");
    assert!(differences.is_empty(), "{count} nodes, {} differ:\n{}", differences.len(), differences.join("\n"));
}
