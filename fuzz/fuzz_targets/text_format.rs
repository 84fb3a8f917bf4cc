//! Parses arbitrary text as a message of a fixed schema in the Cap'n Proto text format, and
//! checks that printing and parsing again is a stable round trip. See
//! `capnzero_fuzz::text_format`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    capnzero_fuzz::text_format(data);
});
