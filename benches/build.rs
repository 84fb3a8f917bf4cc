//! The `capnp` crate's code for `schemas/bench.capnp`, made without the C++ tool: capnzero's
//! compiler writes the CodeGeneratorRequest, capnpc's generator turns it into Rust.

use capnzero_schema::load::FsLoader;

fn main() {
    println!("cargo:rerun-if-changed=schemas/bench.capnp");
    println!("cargo:rerun-if-changed=../tests/schemas/rpc_test.capnp");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let compiled = FsLoader::with_current_dir(&root)
        .compile(&["schemas/bench.capnp"])
        .unwrap_or_else(|e| panic!("schemas/bench.capnp does not compile: {e}"));
    let request = capnzero_schema::request::write(&compiled.request());
    capnpc::codegen::CodeGenerationCommand::new()
        .output_directory(&out)
        .run(&request[..])
        .unwrap_or_else(|e| panic!("capnpc cannot generate code from capnzero's request: {e}"));
    // The interfaces of the RPC tests, for capnp-rpc (tests/capnp_rpc.rs, the RPC benchmark).
    let tests = std::path::Path::new(&root).join("../tests/schemas");
    let mut loader = FsLoader::with_current_dir(&tests);
    loader.add_source_prefix(&tests).unwrap_or_else(|e| panic!("tests/schemas: {e}"));
    let compiled = loader
        .compile(&["rpc_test.capnp"])
        .unwrap_or_else(|e| panic!("tests/schemas/rpc_test.capnp does not compile: {e}"));
    let request = capnzero_schema::request::write(&compiled.request());
    capnpc::codegen::CodeGenerationCommand::new()
        .output_directory(&out)
        .run(&request[..])
        .unwrap_or_else(|e| panic!("capnpc cannot generate code from capnzero's request: {e}"));
}
