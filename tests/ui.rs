//! Compile-fail cases of `capnp_schema!` and the derives: each `tests/ui/<group>/*.rs` fails to compile with the
//! messages in the `.stderr` beside it. After a change, regenerate them with
//! `TRYBUILD=overwrite cargo test --test ui` and review every diff: the message must be clear
//! and the arrow on the offending token.

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    copy_schema_files();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/schema/*.rs");
    cases.compile_fail("tests/ui/macro/*.rs");
    cases.compile_fail("tests/ui/keys/*.rs");
    cases.compile_fail("tests/ui/derive/*.rs");
}

/// The cases are built as a crate of their own, in `<target>/tests/trybuild/capnzero/`, and
/// `capnp_schema!` reads schema files relative to the root of the crate it expands in: the
/// schema files of the cases are put at the same paths below that crate's root.
fn copy_schema_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = target_dir().join("tests").join("trybuild").join(env!("CARGO_PKG_NAME"));
    let mut stack = vec![root.join("tests/ui")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "capnp") {
                let copy = project.join(path.strip_prefix(root).unwrap());
                std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
                std::fs::copy(&path, &copy).unwrap();
            }
        }
    }
}

/// The target directory, as `cargo metadata` (which trybuild asks too) gives it.
fn target_dir() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
    let json = String::from_utf8(output.stdout).unwrap();
    let key = "\"target_directory\":\"";
    let start = json.find(key).expect("cargo metadata names the target directory") + key.len();
    let mut dir = String::new();
    let mut chars = json[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => dir.extend(chars.next()),
            c => dir.push(c),
        }
    }
    PathBuf::from(dir)
}
