//! The standard import files shipped in `schema/std/` (see `schema/std/README.md`).
//!
//! These checks need no tool: each file exists, declares the file ID that schemas importing it
//! depend on, and imports only files that are shipped too. The full comparison with the
//! official compiler (node IDs, ordinals, types, defaults, layout) is `schema/std/verify.sh`,
//! run in CI where `capnp` is installed.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Every shipped file: its import path (as written after `import "/...`) and its file ID.
const STD_FILES: &[(&str, &str)] = &[
    ("capnp/c++.capnp", "@0xbdf87d7bb8304e81;"),
    ("capnp/schema.capnp", "@0xa93fc509624c72d9;"),
    ("capnp/stream.capnp", "@0x86c366a91393f3f8;"),
    ("capnp/persistent.capnp", "@0xb8630836983feed7;"),
    ("capnp/rpc.capnp", "@0xb312981b2552a250;"),
    ("capnp/rpc-twoparty.capnp", "@0xa184c7885cdaf2a1;"),
    ("capnp/compat/json.capnp", "@0x8ef99297a43a5e34;"),
    ("capnp/rust.capnp", "@0x83b3c14c3c8dd083;"),
    ("capnpy/annotate.capnp", "@0xbc24c21845631520;"),
    ("capnzero/annotate.capnp", "@0xaed352ed51e398e1;"),
];

fn std_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("std")
}

fn read(rel: &str) -> String {
    let path = std_dir().join(rel);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The file's lines with `#` comments removed (no shipped file has `#` inside a string).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|line| line.split('#').next().unwrap_or("").trim()).filter(|line| !line.is_empty())
}

#[test]
fn every_file_exists_with_its_file_id() {
    for (rel, id_line) in STD_FILES {
        let text = read(rel);
        let ids: Vec<&str> = code_lines(&text).filter(|line| line.starts_with("@0x")).collect();
        assert_eq!(ids, [*id_line], "{rel}: expected exactly one file ID line `{id_line}`");
    }
}

#[test]
fn file_ids_are_distinct() {
    let ids: BTreeSet<&str> = STD_FILES.iter().map(|(_, id)| *id).collect();
    assert_eq!(ids.len(), STD_FILES.len(), "two standard files share a file ID");
}

#[test]
fn no_unlisted_capnp_files() {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                // `verify/` holds the test schemas of verify.sh, not standard imports.
                if path.file_name().is_some_and(|name| name != "verify") {
                    walk(&path, base, out);
                }
            } else if path.extension().is_some_and(|ext| ext == "capnp") {
                let rel = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
                out.push(rel);
            }
        }
    }
    let mut found = Vec::new();
    walk(&std_dir(), &std_dir(), &mut found);
    found.sort();
    let mut listed: Vec<String> = STD_FILES.iter().map(|(rel, _)| rel.to_string()).collect();
    listed.sort();
    assert_eq!(found, listed, "schema/std and STD_FILES disagree");
}

#[test]
fn imports_resolve_within_std() {
    let shipped: BTreeSet<&str> = STD_FILES.iter().map(|(rel, _)| *rel).collect();
    for (rel, _) in STD_FILES {
        let text = read(rel);
        for line in code_lines(&text) {
            let mut rest = line;
            while let Some(at) = rest.find("import \"") {
                let after = &rest[at + "import \"".len()..];
                let end = after.find('"').unwrap_or_else(|| panic!("{rel}: unterminated import in `{line}`"));
                let target = &after[..end];
                let target = target.strip_prefix('/').unwrap_or_else(|| panic!("{rel}: relative import {target}"));
                assert!(shipped.contains(target), "{rel} imports /{target}, which is not shipped");
                rest = &after[end..];
            }
        }
    }
}

#[test]
fn annotation_files_declare_their_annotations() {
    // Name and target list of each annotation (explicit IDs where the reference file has them);
    // the IDs themselves are checked by verify.sh against the official compiler.
    let expected: &[(&str, &[&str])] = &[
        (
            "capnp/c++.capnp",
            &[
                "annotation namespace(file) :Text;",
                "annotation name(struct, field, enum, enumerant, union, group, interface, method, param) :Text;",
            ],
        ),
        (
            "capnp/rust.capnp",
            &[
                "annotation name @0xc2fe4c6d100166d0 (struct, field, enum, enumerant, union, group) :Text;",
                "annotation parentModule @0xabee386cd1450364 (file) :Text;",
                "annotation option @0xabfef22c4ee1964e (field) :Void;",
            ],
        ),
        (
            "capnpy/annotate.capnp",
            &[
                "annotation key(struct, group, field) :Text;",
                "annotation nullable(group) :Void;",
                "annotation group(field) :Text;",
                "annotation options(file, struct, field) :Options;",
            ],
        ),
        (
            "capnzero/annotate.capnp",
            &[
                "annotation key(struct, group, field) :Text;",
                "annotation group(field) :Text;",
                "annotation nullable(group) :Void;",
                "annotation name(*) :Text;",
                "annotation options(file, struct, field) :Options;",
            ],
        ),
    ];
    for (rel, annotations) in expected {
        let text = read(rel);
        let lines: Vec<&str> = code_lines(&text).collect();
        for annotation in *annotations {
            assert!(lines.contains(annotation), "{rel}: missing `{annotation}`");
        }
    }
}

#[test]
fn verify_script_and_goldens_are_shipped() {
    // Files with an official counterpart are found by verify.sh itself (it walks the reference
    // installation); the others are compared with golden requests listed in the script.
    let script = read("verify.sh");
    assert!(script.starts_with("#!/usr/bin/env bash\n"));
    for (rel, golden) in [
        ("capnp/rust.capnp", "rust.request.txt"),
        ("capnpy/annotate.capnp", "capnpy-annotate.request.txt"),
        ("capnzero/annotate.capnp", "capnzero-annotate.request.txt"),
    ] {
        assert!(script.contains(&format!("\"{rel}:{golden}\"")), "verify.sh does not check {rel}");
        let golden = read(&format!("verify/expected/{golden}"));
        let id = STD_FILES.iter().find(|(r, _)| *r == rel).unwrap().1;
        let id = u64::from_str_radix(&id[3..id.len() - 1], 16).unwrap();
        assert!(golden.contains(&format!("( id = {id},")), "{golden} does not describe {rel}");
    }
}
