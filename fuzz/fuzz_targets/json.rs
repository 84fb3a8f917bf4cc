//! Decodes arbitrary bytes as JSON into a message of a fixed schema, and checks that encoding
//! and decoding again is a stable round trip. See `capnzero_fuzz::json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    capnzero_fuzz::json(data);
});
