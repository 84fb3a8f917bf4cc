//! Compiles arbitrary text as a `.capnp` file (imports resolve to a small in-memory file and the
//! standard imports), generates Rust for it when it compiles, and checks that compiling twice
//! gives the same CodeGeneratorRequest. See `capnzero_fuzz::schema_compile`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    capnzero_fuzz::schema_compile(data);
});
