//! Replays the seed corpus and the saved regressions through the fuzz target's checks, so
//! `cargo test` (stable, no libFuzzer) keeps them passing.

use std::fs;
use std::path::Path;

fn replay(dir: &str) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = fs::read_dir(&dir) else { return 0 };
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let is_hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if path.is_file() && !is_hidden {
            let data = fs::read(&path).unwrap();
            eprintln!("{}", path.display());
            capnzero_fuzz::check(&data);
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
