//! What the `text_format` target does with its input: the bytes, read as (lossy) UTF-8, are a
//! message of the fixed schema's `Everything` in the text format, parsed with capnzero's text
//! parser (as `capnp encode` does). Errors are fine; a panic or a hang is a bug.
//!
//! When the text parses without error, the message is printed (as `capnp decode`, pretty, and
//! `--short`), each printed text is parsed again, and the round trip must be stable: both
//! printed texts parse to the same bytes, whose printed forms parse back to those bytes and
//! print the same again. (The first parse may differ from the second by what the printer cannot
//! show: a union member set and then replaced by another leaves its bits; a float -0 prints as
//! `-0`, which reads back as +0.)

use capnzero_model::text::print::decode_message;
use capnzero_runtime::MessageReader;
use capnzero_schema::text::parse::{EncodedMessage, TextEncoder};

use crate::fixed::fixed;
use crate::OPTIONS;

/// Inputs longer than this are ignored.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The message the whole text parses to, framed; `None` on an error. The text is taken as one
/// message: `capnp encode` cuts its input into messages without looking at string literals
/// (a `)` in a Text followed by a `(` ends a message there), so a printed message holding such
/// a Text would not come back whole through [`TextEncoder::encode`].
fn parse(encoder: &TextEncoder<'_>, text: &str) -> Option<Vec<u8>> {
    match encoder.encode_message(text, 0..text.len()) {
        EncodedMessage { message: Some(message), error: None, .. } => Some(message.to_bytes()),
        _ => None,
    }
}

/// Both printed forms (pretty and short) of the framed message `bytes`.
fn print(bytes: &[u8]) -> [Vec<u8>; 2] {
    let message = MessageReader::from_bytes(bytes, OPTIONS).expect("a built message opens");
    [true, false].map(|pretty| {
        let printed = decode_message(&message, fixed().root(), pretty);
        assert!(printed.error.is_none(), "a built message reads: {:?}", printed.error);
        printed.text
    })
}

/// Runs every check on `data`.
pub fn text_format(data: &[u8]) {
    if data.len() > MAX_TEXT_BYTES {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let fixed = fixed();
    let encoder = TextEncoder::new(fixed.schema.compiled(), fixed.root().id()).expect("Everything is a struct");
    let Some(first) = parse(&encoder, &text) else { return };
    let printed = print(&first);
    let mut second = None;
    for form in &printed {
        // Text written with escapes may hold bytes that are not UTF-8, which the printer
        // copies as they are: such a text cannot be given back to the parser.
        let Ok(form) = std::str::from_utf8(form) else { return };
        let again = parse(&encoder, form).unwrap_or_else(|| panic!("printed text does not parse: {form}"));
        match &second {
            None => second = Some(again),
            Some(second) => assert_eq!(second, &again, "the pretty and short forms parse differently"),
        }
    }
    let second = second.expect("two forms");
    // The second message is the fixed point: it prints as the text that parses back to it.
    // (It may print differently from the first: a float -0 prints as `-0`, which reads back
    // as the integer 0, so +0, as in capnp; and bits printing cannot show are gone.)
    let reprinted = print(&second);
    for form in &reprinted {
        let form = std::str::from_utf8(form).expect("printed before");
        assert_eq!(parse(&encoder, form).as_ref(), Some(&second), "the round trip is not stable: {form}");
    }
    let third = parse(&encoder, std::str::from_utf8(&reprinted[0]).expect("UTF-8")).expect("parses");
    assert_eq!(print(&third), reprinted, "the re-parsed message prints differently");
}
