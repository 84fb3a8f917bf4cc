//! Reads arbitrary bytes as a framed message of a fixed schema through the dynamic API: every
//! field, printed as text twice (the same text), and copied field by field (the copy prints
//! the same). See `capnzero_fuzz::dynamic`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    capnzero_fuzz::dynamic(data);
});
