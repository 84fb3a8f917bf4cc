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
