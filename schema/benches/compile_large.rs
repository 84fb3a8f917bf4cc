//! How long the compiler takes on a large schema: several thousand lines of structs with many
//! fields, unions, groups, enums, lists, defaults of every type, nested types, constants,
//! annotations and interfaces, generated here.
//!
//! `cargo bench -p capnzero-schema --bench compile_large` compiles it several times in release
//! mode and prints the median. With `CAPNZERO_BENCH_OUT=DIR` set, it also writes the schema
//! (`DIR/large.capnp`) and the CodeGeneratorRequest capnzero makes of it (`DIR/large.cgr`), which
//! `check.sh` compares with what `capnp compile -o-` makes of the same file.

use std::time::{Duration, Instant};

use capnzero_schema::compile::{compile, Compiled, MemoryLoader, SourceFile};

#[path = "support/large_schema.rs"]
mod large_schema;

/// Timed compilations (after one warm-up).
const RUNS: usize = 15;

fn compile_once(text: &str) -> Compiled {
    let source = SourceFile { name: "large.capnp".into(), text: text.into() };
    match compile(&[source], &mut MemoryLoader::default()) {
        Ok(compiled) => compiled,
        Err(errors) => {
            eprintln!("the generated schema does not compile:\n{errors}");
            std::process::exit(1);
        }
    }
}

fn main() {
    let text = large_schema::schema();
    let compiled = compile_once(&text);
    if let Some(dir) = std::env::var_os("CAPNZERO_BENCH_OUT") {
        let dir = std::path::Path::new(&dir);
        let bytes = capnzero_schema::request::write(&compiled.request());
        if let Err(e) =
            std::fs::write(dir.join("large.capnp"), &text).and_then(|()| std::fs::write(dir.join("large.cgr"), bytes))
        {
            eprintln!("cannot write into {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let compiled = compile_once(&text);
            let elapsed = start.elapsed();
            std::hint::black_box(compiled);
            elapsed
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "compile_large: {} lines, {} bytes, {} nodes: median {:.2} ms (min {:.2} ms, max {:.2} ms, {RUNS} runs)",
        text.lines().count(),
        text.len(),
        compiled.nodes.len(),
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1]),
    );
}
