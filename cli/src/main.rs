//! `capnzero`: the Cap'n Proto command-line tool, in pure Rust, with the flags of the official
//! `capnp` tool.
//!
//! ```text
//! capnzero compile -o- [-I DIR]... [--src-prefix=DIR] [--no-standard-import] FILE...
//! capnzero convert FROM:TO [--short] [--segment-size=N] [-I DIR] [SCHEMA TYPE] < in > out
//! capnzero decode [--short] [--flat] [--packed] [-I DIR] SCHEMA TYPE < message > text
//! capnzero encode [--flat] [--packed] [--segment-size=N] [-I DIR] SCHEMA TYPE < text > message
//! capnzero eval [-o FORMAT] [--short] [-b] [--flat] [-p] [-I DIR] SCHEMA NAME
//! capnzero id
//! ```
#![forbid(unsafe_code)]

mod args;
mod commands;
mod compile;
mod convert;
mod eval;
mod id;
mod plausible;

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut stdout = stdout.lock();
    let stderr = io::stderr();
    let mut stderr = stderr.lock();
    let status = commands::run(&args, &mut stdin.lock(), &mut stdout, &mut stderr);
    let _ = stdout.flush();
    ExitCode::from(status)
}
