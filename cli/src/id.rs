//! `capnzero id`: a new random 64-bit ID with the top bit set, as file IDs need.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};

use crate::args::UsageError;

/// Prints `@0x…` and a newline.
pub fn run(stdout: &mut dyn Write) -> Result<u8, UsageError> {
    let _ = writeln!(stdout, "@0x{:016x}", random_id());
    Ok(0)
}

/// 64 random bits from the operating system, the top one set.
pub fn random_id() -> u64 {
    let mut bytes = [0u8; 8];
    let from_os = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok();
    let bits = if from_os {
        u64::from_le_bytes(bytes)
    } else {
        // No /dev/urandom: the standard library's randomly keyed hasher over the time.
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u128(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
        );
        hasher.finish()
    };
    bits | 1 << 63
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_have_the_top_bit_and_differ() {
        let a = super::random_id();
        let b = super::random_id();
        assert!(a >> 63 == 1 && b >> 63 == 1);
        assert_ne!(a, b);
        let mut out = Vec::new();
        assert_eq!(super::run(&mut out).unwrap(), 0);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("@0x") && text.len() == 20 && text.ends_with('\n'), "{text:?}");
        assert!(u64::from_str_radix(&text[3..19], 16).unwrap() >> 63 == 1);
    }
}
