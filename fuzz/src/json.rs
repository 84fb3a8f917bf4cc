//! What the `json` target does with its input: the bytes are JSON decoded into a message of the
//! fixed schema's `Everything` with capnzero's JSON codec (as `capnp convert json:binary`
//! does). Errors are fine; a panic or a hang is a bug.
//!
//! When the input decodes, the message is encoded as JSON (pretty and on one line), each
//! encoding decoded again, and the round trip must be stable: both encodings decode to the same
//! bytes, which encode as the first message did and decode again to those bytes. (The first
//! decoding's bytes may differ from the second's by what JSON cannot show: a member given
//! twice, or a union member replaced by another, leaves bits behind.)

use capnzero_model::dynamic::{DynamicStruct, DynamicStructBuilder};
use capnzero_model::json::{decode_bytes_into, encode_struct_bytes};
use capnzero_runtime::{MessageBuilder, MessageReader};

use crate::fixed::fixed;
use crate::OPTIONS;

/// Inputs longer than this are ignored.
pub const MAX_JSON_BYTES: usize = 64 * 1024;

/// The message `text` decodes to, framed; `None` on an error.
fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut message = MessageBuilder::default();
    decode_bytes_into(text, DynamicStructBuilder::init_root(&mut message, fixed().root())).ok()?;
    Some(message.to_bytes())
}

/// The pretty and the one-line JSON of the framed message `bytes`.
fn encode(bytes: &[u8]) -> [Vec<u8>; 2] {
    let message = MessageReader::from_bytes(bytes, OPTIONS).expect("a built message opens");
    let root = DynamicStruct::root(&message, fixed().root()).expect("a built message has a root");
    [true, false].map(|pretty| encode_struct_bytes(&root, pretty).expect("a decoded message encodes"))
}

/// Whether `json` holds a `\uXXXX` escape with a digit that is a letter.
fn lettered_unicode_escape(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        if json[i] == b'\\' {
            if json.get(i + 1) == Some(&b'u') && json[i + 2..].iter().take(4).any(u8::is_ascii_alphabetic) {
                return true;
            }
            i += 1;
        }
        i += 1;
    }
    false
}

/// Runs every check on `data`.
pub fn json(data: &[u8]) {
    if data.len() > MAX_JSON_BYTES {
        return;
    }
    let Some(first) = decode(data) else { return };
    let encoded = encode(&first);
    if encoded.iter().any(|form| lettered_unicode_escape(form)) {
        // The decoder reads `\uXXXX` as capnp 0.9.2 does, the digits a-f as 0-5
        // (docs/json.md), so an escape the encoder writes with such a digit (a control
        // character, `\u001a`) does not come back: no round trip to check.
        return;
    }
    let mut second = None;
    for form in &encoded {
        let form_text = String::from_utf8_lossy(form);
        let again = decode(form).unwrap_or_else(|| panic!("encoded JSON does not decode: {form_text}"));
        match &second {
            None => second = Some(again),
            Some(second) => assert_eq!(second, &again, "the pretty and one-line JSON decode differently"),
        }
    }
    let second = second.expect("two forms");
    let reencoded = encode(&second);
    assert_eq!(encoded, reencoded, "the decoded JSON encodes differently");
    assert_eq!(decode(&reencoded[0]).as_ref(), Some(&second), "the round trip is not stable");
}
