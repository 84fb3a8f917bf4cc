//! How long `capnp_schema!`'s work takes on a large schema: compiling it and generating the Rust
//! tokens of every type (what the macro does before rustc compiles the output). The schema is
//! the one `compile_large` times.
//!
//! `cargo bench -p capnzero-schema --bench expand_large` expands it several times in release
//! mode and prints the median.

use std::path::Path;
use std::time::{Duration, Instant};

use capnzero_schema::codegen::expand_inline;

#[path = "support/large_schema.rs"]
mod large_schema;

/// Timed expansions (after one warm-up).
const RUNS: usize = 11;

fn main() {
    let text = large_schema::schema();
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let first = expand_inline(base, &text);
    if !first.errors.is_empty() {
        let errors: Vec<String> = first.errors.iter().map(ToString::to_string).collect();
        eprintln!("the generated schema does not expand:\n{}", errors.join("\n"));
        std::process::exit(1);
    }
    let tokens = first.tokens.to_string().len();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let expansion = expand_inline(base, &text);
            let elapsed = start.elapsed();
            std::hint::black_box(expansion);
            elapsed
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "expand_large: {} lines -> {tokens} bytes of Rust: median {:.2} ms (min {:.2} ms, max {:.2} ms, {RUNS} runs)",
        text.lines().count(),
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1]),
    );
}
