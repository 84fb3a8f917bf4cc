//! Prints the large benchmark schema (the one `compile_large` and `expand_large` time, generic
//! struct and method included) to stdout, so a crate can compile it with the macro: `cargo run -q -p capnzero-schema --example write_large_schema > large.capnp`.
//! `benches/large_crate.sh` does this to time rustc and rustdoc on the generated code.

use std::io::Write as _;

#[path = "../benches/support/large_schema.rs"]
mod large_schema;

fn main() {
    let text = large_schema::schema();
    // A closed pipe (`| head`) is an error to report, not a panic as `print!` would give.
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        eprintln!("write_large_schema: cannot write the schema: {e}");
        std::process::exit(1);
    }
}
