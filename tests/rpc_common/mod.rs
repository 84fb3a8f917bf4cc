//! The server and client objects of the RPC tests (tests/rpc.rs between capnzero vats,
//! tests/rpc_interop.rs against pycapnp): `Adder`, `Counter` and `Callback` of
//! tests/schemas/rpc_test.capnp, and a helper or two (in server.rs, shared with the benchmarks).

#![allow(dead_code)]

pub mod schema {
    capnzero::capnp_schema!("tests/schemas/rpc_test.capnp");
}

include!("server.rs");
