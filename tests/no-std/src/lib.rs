//! capnzero in a `#![no_std]` crate: generated and derived types, read, written and printed
//! in the text format with `alloc` only.
#![cfg_attr(not(test), no_std)]

extern crate alloc;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use capnzero::{CapnpEnum, CapnpStruct};

/// Types generated from a schema file.
pub mod reflect {
    capnzero::capnp_schema!("../schemas/reflect/reflect.capnp");
}

/// A derived enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, CapnpEnum)]
#[capnp(id = 0xc0ff_ee00_0000_0201)]
pub enum Mood {
    Calm,
    Busy,
}

/// A derived struct.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(id = 0xc0ff_ee00_0000_0202)]
pub struct Note {
    pub id: u32,
    pub text: String,
    #[capnp(enum)]
    pub mood: Mood,
    pub tags: Vec<String>,
}

/// The short text format of a `Point` message (`capnp decode --short`).
pub fn point_text(bytes: &[u8]) -> Result<String, capnzero::Error> {
    let message = capnzero::read::<reflect::Point>(bytes)?;
    Ok(format!("{}", message.root()))
}

/// A note written into a message, and the message read back and printed.
pub fn note_round_trip(note: &Note) -> Result<(Note, String), capnzero::Error> {
    let bytes = capnzero::to_bytes(note)?;
    let message = capnzero::read::<Note>(&bytes)?;
    let root = message.root();
    Ok((capnzero::Struct::read_owned(root), format!("{root:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_types_print_as_capnp_decode() {
        let point = reflect::Point { x: 3, y: 4, label: Some("p".into()), is_visible: false };
        let bytes = capnzero::to_bytes(&point).unwrap();
        assert_eq!(point_text(&bytes).unwrap(), r#"(x = 3, y = 4, label = "p", isVisible = false)"#);
        assert_eq!(format!("{point}"), r#"(x = 3, y = 4, label = "p", isVisible = false)"#);
        assert_eq!(reflect::Color::Blue.to_string(), "blue");
    }

    #[test]
    fn derived_types_round_trip_and_print() {
        let note = Note { id: 7, text: "hi".into(), mood: Mood::Busy, tags: vec!["a".into(), "b".into()] };
        let (back, text) = note_round_trip(&note).unwrap();
        assert_eq!(back, note);
        assert_eq!(text, r#"(id = 7, text = "hi", mood = busy, tags = ["a", "b"])"#);
        assert_eq!(Mood::Calm.to_string(), "calm");
    }
}
