//! IDs of schema nodes that the source does not give: derived from the parent's ID exactly as
//! the official compiler derives them (the first 8 bytes of an MD5 digest, big-endian, with the
//! top bit set).

use crate::md5;

fn from_digest(bytes: &[u8]) -> u64 {
    let digest = md5::digest(bytes);
    let mut id = 0u64;
    for &b in &digest[..8] {
        id = (id << 8) | b as u64;
    }
    id | 1 << 63
}

/// The ID of a nested declaration named `name` inside the node `parent`.
pub fn child_id(parent: u64, name: &str) -> u64 {
    let mut bytes = parent.to_le_bytes().to_vec();
    bytes.extend_from_slice(name.as_bytes());
    from_digest(&bytes)
}

/// The ID of the group or named union that is member number `index` (in declaration order,
/// counting every member) of `parent`.
pub fn group_id(parent: u64, index: u16) -> u64 {
    let mut bytes = parent.to_le_bytes().to_vec();
    bytes.extend_from_slice(&index.to_le_bytes());
    from_digest(&bytes)
}

/// The ID of the implicit parameter (`results == false`) or result struct of method
/// `ordinal` of interface `parent`.
pub fn method_struct_id(parent: u64, ordinal: u16, results: bool) -> u64 {
    let mut bytes = parent.to_le_bytes().to_vec();
    bytes.extend_from_slice(&ordinal.to_le_bytes());
    bytes.push(results as u8);
    from_digest(&bytes)
}

/// Whether `id` is a valid explicit ID (the top bit must be set).
pub fn is_valid(id: u64) -> bool {
    id & 1 << 63 != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_ids_match_the_official_compiler() {
        // examples/addressbook.capnp as `capnp compile -ocapnp` 0.9.2 prints it.
        let file = 0xd6e5_f1c2_a3b4_c5d7;
        let person = child_id(file, "Person");
        assert_eq!(person, 0xb8b9_7a58_015d_f443);
        let phone = child_id(person, "PhoneNumber");
        assert_eq!(phone, 0xad16_af30_4524_889f);
        assert_eq!(child_id(phone, "Type"), 0xce53_ac05_141d_2166);
        assert_eq!(child_id(file, "AddressBook"), 0x89d6_2094_b7cc_6102);
    }
}
