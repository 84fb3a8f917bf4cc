//! Generates the Rust code of the protocol schemas with capnpc, which runs the `capnp` tool.
//! `persistent.capnp` is left out on both sides: capnpc's output for it does not compile (its
//! `Persistent` interface and `persistent` annotation both become `mod persistent`).

fn main() {
    let mut command = capnpc::CompilerCommand::new();
    command.src_prefix("schema").import_path("schema").no_standard_import();
    for file in ["rpc", "rpc-twoparty", "schema", "compat/json", "stream"] {
        command.file(format!("schema/capnp/{file}.capnp"));
    }
    command.run().expect("capnp compile");
}
