//! Feeds arbitrary bytes, read as a sequence of framed RPC messages, to capnzero's RPC message
//! handler (a connection serving a small bootstrap object, without I/O), runs the calls they
//! make, and reads back everything it sends. See `capnzero::rpc::fuzz::feed`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    capnzero::rpc::fuzz::feed(data);
});
