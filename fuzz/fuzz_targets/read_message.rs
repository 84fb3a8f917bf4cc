//! Opens arbitrary bytes as a Cap'n Proto message every way the runtime offers (framed, flat,
//! packed, and through the stream readers), walks every pointer, and checks that sizes,
//! copies, canonical and compact forms agree. See `capnzero_fuzz::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    capnzero_fuzz::check(data);
});
