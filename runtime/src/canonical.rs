//! Compact copies (capnpy's `compact()`), the compactness check, and the canonical form of the
//! encoding spec.

use alloc::vec::Vec;

use crate::builder::MessageBuilder;
use crate::copy::{copy_canonical, copy_pointer, measure};
use crate::error::{Error, ErrorKind, Result};
use crate::message::MessageReader;
use crate::reader::{ListReader, PointerReader, StructReader};
use crate::wire::{self, ElementSize, Kind};

/// A new single-segment message whose root is a copy of what `source` points at, laid out in
/// pre-order with no gaps: the result is compact (see [`is_compact`]) and holds nothing else.
pub fn compact(source: PointerReader<'_>) -> Result<MessageBuilder> {
    copy_into_one_segment(source, false)
}

/// The canonical form of what `source` points at, as one segment without a segment table:
/// pre-order, no far pointers, struct sections truncated of trailing zero words and null
/// pointers, struct list elements all of the largest truncated size. A capability has no
/// canonical form ([`ErrorKind::CapabilityNotCanonical`]).
pub fn canonicalize(source: PointerReader<'_>) -> Result<Vec<u8>> {
    let builder = copy_into_one_segment(source, true)?;
    builder
        .into_single_segment()
        .ok_or_else(|| Error::new(ErrorKind::TooLarge, "the canonical form does not fit one segment"))
}

/// Whether `message` is in canonical form: one segment holding exactly the canonical form of
/// its root. A message with a capability is not canonical.
pub fn is_canonical(message: &MessageReader<'_>) -> Result<bool> {
    if message.segment_count() != 1 {
        return Ok(false);
    }
    match canonicalize(message.root()) {
        Ok(canonical) => Ok(message.segment(0) == Some(&canonical[..])),
        Err(e) if e.kind() == ErrorKind::CapabilityNotCanonical => Ok(false),
        Err(e) => Err(e),
    }
}

fn copy_into_one_segment(source: PointerReader<'_>, canonical: bool) -> Result<MessageBuilder> {
    let words = 1 + measure(source, canonical)?;
    let words = u32::try_from(words).map_err(|_| Error::new(ErrorKind::TooLarge, "the copy exceeds 2^32 words"))?;
    let mut builder = MessageBuilder::with_first_segment_words(words);
    if canonical {
        copy_canonical(source, builder.root())?;
    } else {
        copy_pointer(source, builder.root())?;
    }
    Ok(builder)
}

/// Whether `s` is compact in capnpy's sense: its children follow it with no gap, in pointer
/// order, each one compact itself, all in one segment without far pointers. A struct in a
/// list whose elements have pointers is never compact (its children come after the whole list).
pub fn is_compact(s: &StructReader<'_>) -> Result<bool> {
    Ok(compact_size(s)?.is_some())
}

/// The words of `s` and everything it points at when that is compact (see [`is_compact`]):
/// one run of its segment. `None` when it is not compact.
pub(crate) fn compact_size(s: &StructReader<'_>) -> Result<Option<u64>> {
    if s.data_section().len() % 8 != 0 {
        // An element of a list of primitives, viewed as a struct: not a struct on the wire.
        return Ok(None);
    }
    let (_, start) = s.location();
    let end = start + s.data_words() as u64 + s.pointer_count() as u64;
    Ok(compact_children(s, end)?.map(|last| last - start))
}

/// Checks the children of `s` start at `next` and follow each other; returns where the last
/// one ends.
fn compact_children(s: &StructReader<'_>, mut next: u64) -> Result<Option<u64>> {
    for p in s.pointers() {
        match compact_pointer(p, next)? {
            Some(end) => next = end,
            None => return Ok(None),
        }
    }
    Ok(Some(next))
}

/// Checks that what `p` points at starts at word `next` of p's segment, is laid out without
/// gaps, and returns the word after it.
fn compact_pointer(p: PointerReader<'_>, next: u64) -> Result<Option<u64>> {
    let word = p.raw_word();
    if word == 0 || wire::is_capability(word) {
        return Ok(Some(next));
    }
    if wire::kind(word) == Kind::Far {
        return Ok(None);
    }
    let target = p.target()?;
    if wire::kind(word) == Kind::Struct {
        if word == wire::EMPTY_STRUCT {
            return Ok(Some(next));
        }
        if target.start != next {
            return Ok(None);
        }
        let s = match p.get_struct()? {
            Some(s) => s,
            None => return Ok(Some(next)),
        };
        let end = target.start + s.data_words() as u64 + s.pointer_count() as u64;
        return compact_children(&s, end);
    }
    if target.start != next {
        return Ok(None);
    }
    let list = match p.open_list()? {
        Some(list) => list,
        None => return Ok(Some(next)),
    };
    let mut end = target.start + list_body_words(&list);
    match list.element_size() {
        ElementSize::Pointer => {
            for i in 0..list.len() {
                match list.get_pointer(i).map(|e| compact_pointer(e, end)).transpose()?.flatten() {
                    Some(e) => end = e,
                    None => return Ok(None),
                }
            }
        }
        ElementSize::InlineComposite => {
            for s in list.structs() {
                match compact_children(&s, end)? {
                    Some(e) => end = e,
                    None => return Ok(None),
                }
            }
        }
        _ => {}
    }
    Ok(Some(end))
}

/// Words of a list's body, including the tag word of an inline composite list.
fn list_body_words(list: &ListReader<'_>) -> u64 {
    match list.element_size() {
        ElementSize::InlineComposite => 1 + list.len() as u64 * list.step_bits() / 64,
        _ => wire::words_for_bits(list.len() as u64, list.step_bits()),
    }
}
