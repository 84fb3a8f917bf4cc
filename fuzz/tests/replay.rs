//! Replays the seed corpora and the saved regressions through the fuzz targets' checks, so
//! `cargo test` (stable, no libFuzzer) keeps them passing.

use std::fs;
use std::path::Path;

fn replay(dir: &str) -> usize {
    replay_with(dir, capnzero_fuzz::check)
}

fn replay_with(dir: &str, check: impl Fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = fs::read_dir(&dir) else { return 0 };
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let is_hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if path.is_file() && !is_hidden {
            let data = fs::read(&path).unwrap();
            eprintln!("{}", path.display());
            check(&data);
            count += 1;
        }
    }
    count
}

#[test]
fn seed_corpus() {
    assert!(replay("corpus/read_message") >= 20);
}

#[test]
fn regressions() {
    replay("regressions");
}

#[test]
fn rpc_corpus() {
    assert!(
        replay_with("corpus/rpc_messages", |data| {
            capnzero::rpc::fuzz::feed(data);
        }) >= 14
    );
}

#[test]
fn rpc_regressions() {
    replay_with("regressions/rpc_messages", |data| {
        capnzero::rpc::fuzz::feed(data);
    });
}

#[test]
fn schema_compile_corpus() {
    assert!(replay_with("corpus/schema_compile", capnzero_fuzz::schema_compile) >= 10);
}

#[test]
fn schema_compile_regressions() {
    replay_with("regressions/schema_compile", capnzero_fuzz::schema_compile);
}

#[test]
fn text_format_corpus() {
    assert!(replay_with("corpus/text_format", capnzero_fuzz::text_format) >= 20);
}

#[test]
fn json_corpus() {
    assert!(replay_with("corpus/json", capnzero_fuzz::json) >= 25);
}

#[test]
fn dynamic_corpus() {
    assert!(replay_with("corpus/dynamic", capnzero_fuzz::dynamic) >= 12);
}

#[test]
fn new_target_regressions() {
    replay_with("regressions/schema_compile", capnzero_fuzz::schema_compile);
    replay_with("regressions/text_format", capnzero_fuzz::text_format);
    replay_with("regressions/json", capnzero_fuzz::json);
    replay_with("regressions/dynamic", capnzero_fuzz::dynamic);
}

/// Inputs that still break capnzero (bugs found by the targets, not fixed yet), each under
/// `regressions/<target>/open/`: `cargo test -- --ignored` replays them (and fails until
/// they are fixed; then move them up a directory, into the replayed regressions).
#[test]
#[ignore = "open bugs: these inputs still panic"]
fn open_bugs() {
    for target in ["schema_compile", "text_format", "json", "dynamic"] {
        let check: fn(&[u8]) = match target {
            "schema_compile" => capnzero_fuzz::schema_compile,
            "text_format" => capnzero_fuzz::text_format,
            "json" => capnzero_fuzz::json,
            _ => capnzero_fuzz::dynamic,
        };
        replay_with(&format!("regressions/{target}/open"), check);
    }
}
