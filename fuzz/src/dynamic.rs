//! What the `dynamic` target does with its input: the bytes are a framed message (small
//! limits, [`crate::OPTIONS`]) whose root is the fixed schema's `Everything`, read through the
//! dynamic API: every field of every struct reached (held or not, union members active or
//! not), every list element, every enum, as the text printer prints it, and a copy made field
//! by field into a builder. Errors are fine; a panic or a hang is a bug.
//!
//! Differentials: printing twice gives the same text; a copy of a message that reads without
//! error prints as its source (when every union reached has a member the schema knows: a
//! discriminant it does not know is not copied).

use capnzero_model::dynamic::{DynamicList, DynamicStruct, DynamicStructBuilder, DynamicValue, Error};
use capnzero_model::text::print::decode_root;
use capnzero_runtime::{MessageBuilder, MessageReader};

use crate::fixed::fixed;
use crate::OPTIONS;

/// Inputs longer than this are ignored.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;

/// At most this many values are visited by one walk (the traversal limit bounds pointers, not
/// repeated reads of the same data section).
const MAX_VISITS: u32 = 100_000;

/// A walk over every value reachable through the dynamic API.
#[derive(Default)]
struct Walk {
    visits: u32,
    errors: u32,
    /// A struct with a union whose discriminant names no member was met.
    unknown_member: bool,
}

impl Walk {
    fn value(&mut self, value: &DynamicValue<'_>) {
        self.visits += 1;
        if self.visits > MAX_VISITS {
            return;
        }
        match value {
            DynamicValue::Struct(s) => self.structure(s),
            DynamicValue::List(list) => self.list(list),
            DynamicValue::Enum(e) => {
                if let Some(name) = e.name() {
                    assert_eq!(e.enumerant().map(|n| n.name.as_str()), Some(name));
                }
            }
            DynamicValue::Text(bytes) => {
                if let Ok(s) = value.as_str() {
                    assert_eq!(s.as_bytes(), *bytes);
                }
            }
            _ => {}
        }
    }

    fn structure(&mut self, s: &DynamicStruct<'_>) {
        let schema = s.schema().clone();
        if let Some(d) = s.discriminant() {
            if schema.field_by_discriminant(d).is_none() {
                self.unknown_member = true;
            }
            assert!(s.which().is_some() || schema.field_by_discriminant(d).is_none());
        }
        let active: Vec<usize> = s.fields().map(|(field, _)| field.index()).collect();
        for field in schema.fields() {
            let is_active = active.contains(&field.index());
            // A null pointer reads as the default, which is not walked: a struct's default
            // holds null pointers too, and walking those would never end.
            let held = s.has_field(&field);
            assert!(is_active || !held, "an inactive member is held");
            match s.get_field(&field) {
                Ok(value) => {
                    assert!(is_active, "an inactive member reads");
                    self.visits += 1;
                    if held {
                        self.value(&value);
                    }
                }
                Err(Error::NotActive { .. }) if !is_active => {}
                Err(e) => {
                    assert!(is_active, "an inactive member fails with {e:?}");
                    self.errors += 1;
                }
            }
        }
    }

    fn list(&mut self, list: &DynamicList<'_>) {
        assert_eq!(list.iter().len(), list.len() as usize);
        for element in list.iter() {
            if self.visits > MAX_VISITS {
                return;
            }
            match element {
                Ok(v) => self.value(&v),
                Err(_) => self.errors += 1,
            }
        }
        assert!(list.get(list.len()).is_err(), "an element past the end reads");
    }
}

/// The root as `capnp decode` prints it (pretty and short), and whether it read without error.
fn print(root: &DynamicStruct<'_>) -> (Vec<u8>, Vec<u8>, bool) {
    let pretty = decode_root(root, true);
    let short = decode_root(root, false);
    let clean = pretty.error.is_none() && short.error.is_none();
    (pretty.text, short.text, clean)
}

/// Copies the fields `source` holds into `target`, field by field (groups member by member, so
/// that a null pointer in a group stays null); whether every field copied.
fn copy_struct(source: &DynamicStruct<'_>, target: &mut DynamicStructBuilder<'_>) -> bool {
    let mut copied = true;
    for (field, value) in source.fields() {
        // A null pointer outside a union is left null (setting it would write its default);
        // the active union member is set whatever it holds, to select it.
        if !source.has_field(&field) && field.discriminant().is_none() {
            continue;
        }
        let (Ok(value), Some(field)) = (value, target.schema().field_by_index(field.index())) else {
            copied = false;
            continue;
        };
        if field.is_group() {
            let (Some(group), Ok(mut inner)) = (value.as_struct(), target.init_field(&field)) else {
                copied = false;
                continue;
            };
            copied &= copy_struct(group, &mut inner);
        } else {
            copied &= target.set_field(&field, &value).is_ok();
        }
    }
    copied
}

/// Runs every check on `data`.
pub fn dynamic(data: &[u8]) {
    if data.len() > MAX_MESSAGE_BYTES {
        return;
    }
    let Ok((message, _)) = MessageReader::from_bytes_prefix(data, OPTIONS) else { return };
    let schema = fixed().root();
    let Ok(root) = DynamicStruct::root(&message, schema.clone()) else { return };

    let mut walk = Walk::default();
    walk.structure(&root);

    message.reset_traversal_budget();
    let first = print(&root);
    message.reset_traversal_budget();
    let second = print(&root);
    assert_eq!(first, second, "printing twice gives different text");

    // A copy, field by field.
    message.reset_traversal_budget();
    let mut copy = MessageBuilder::default();
    let copied = {
        let mut target = DynamicStructBuilder::init_root(&mut copy, schema.clone());
        copy_struct(&root, &mut target)
    };
    let bytes = copy.to_bytes();
    let reread = MessageReader::from_bytes(&bytes, OPTIONS).expect("a built message opens");
    let copy_root = DynamicStruct::root(&reread, schema).expect("a built message has a root");
    let copy_printed = print(&copy_root);
    if first.2 && copied && walk.errors == 0 && !walk.unknown_member && walk.visits <= MAX_VISITS {
        assert!(copy_printed.2, "a copy does not read");
        assert_eq!(
            String::from_utf8_lossy(&copy_printed.0),
            String::from_utf8_lossy(&first.0),
            "a copy prints differently from its source"
        );
    }
}
