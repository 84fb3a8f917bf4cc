//! Deep copies from a reader (any message, any segment layout) into a builder.
//!
//! The copy is written in pre-order: a struct, then each child's whole subtree in pointer
//! order. Into a builder with room for everything in its first segment, that gives capnpy's
//! "compact" layout. With `canonical`, struct sections are truncated as the canonical form of
//! the encoding spec requires.

use crate::builder::{PointerBuilder, StructBuilder};
use crate::error::{Error, ErrorKind, Result};
use crate::reader::{ListReader, PointerReader, PointerType, StructReader};
use crate::wire::{self, ElementSize, BYTES_PER_WORD};

/// Copies what `source` points at into `dest`.
pub(crate) fn copy_pointer(source: PointerReader<'_>, dest: PointerBuilder<'_>) -> Result<()> {
    copy(source, dest, false)
}

/// Copies what `source` points at into `dest` in canonical form.
pub(crate) fn copy_canonical(source: PointerReader<'_>, dest: PointerBuilder<'_>) -> Result<()> {
    copy(source, dest, true)
}

fn copy(source: PointerReader<'_>, mut dest: PointerBuilder<'_>, canonical: bool) -> Result<()> {
    match source.pointer_type()? {
        PointerType::Null => dest.clear(),
        PointerType::Capability if canonical => {
            return Err(Error::new(
                ErrorKind::CapabilityNotCanonical,
                "a message with a capability has no canonical form",
            ));
        }
        PointerType::Capability => {
            if let Some(index) = source.get_capability()? {
                dest.set_capability(index);
            }
        }
        PointerType::Struct => {
            if let Some(from) = source.get_struct()? {
                let (data_words, ptr_count) = struct_size(&from, canonical);
                copy_struct(from, dest.init_struct(data_words, ptr_count), canonical)?;
            }
        }
        PointerType::List => {
            if let Some(from) = source.open_list()? {
                copy_list(from, dest, canonical)?;
            }
        }
    }
    Ok(())
}

/// The section sizes a copy of `s` gets: as on the wire, or truncated for the canonical form
/// (no trailing zero data words, no trailing null pointers).
fn struct_size(s: &StructReader<'_>, canonical: bool) -> (u16, u16) {
    if !canonical {
        return (s.data_words(), s.pointer_count());
    }
    let data = s.data_section();
    let mut data_words = data.len().div_ceil(BYTES_PER_WORD);
    while data_words > 0 && data[(data_words - 1) * BYTES_PER_WORD..].iter().all(|&b| b == 0) {
        data_words -= 1;
    }
    let mut ptr_count = s.pointer_count();
    while ptr_count > 0 && s.pointer(ptr_count - 1).is_null() {
        ptr_count -= 1;
    }
    (data_words as u16, ptr_count)
}

fn copy_struct(from: StructReader<'_>, mut to: StructBuilder<'_>, canonical: bool) -> Result<()> {
    let data = from.data_section();
    let dest = to.data_section_mut();
    let n = data.len().min(dest.len());
    dest[..n].copy_from_slice(&data[..n]);
    for i in 0..from.pointer_count().min(to.pointer_count()) {
        if let Some(dest) = to.pointer(i) {
            copy(from.pointer(i), dest, canonical)?;
        }
    }
    Ok(())
}

fn copy_list(from: ListReader<'_>, dest: PointerBuilder<'_>, canonical: bool) -> Result<()> {
    let count = from.len();
    match from.element_size() {
        ElementSize::InlineComposite => {
            let (mut data_words, mut ptr_count) = (0u16, 0u16);
            if canonical {
                for s in from.structs() {
                    let (d, p) = struct_size(&s, true);
                    data_words = data_words.max(d);
                    ptr_count = ptr_count.max(p);
                }
            } else {
                let (bits, ptrs) = from.element_layout();
                data_words = (bits / 64) as u16;
                ptr_count = ptrs;
            }
            let mut to = dest.init_struct_list(count, data_words, ptr_count)?;
            for (i, element) in from.structs().enumerate() {
                copy_struct(element, to.get_struct(i as u32)?, canonical)?;
            }
        }
        ElementSize::Pointer => {
            let mut to = dest.init_list(ElementSize::Pointer, count)?;
            for i in 0..count {
                if let Some(element) = from.get_pointer(i) {
                    copy(element, to.get_pointer(i)?, canonical)?;
                }
            }
        }
        size => {
            let mut to = dest.init_list(size, count)?;
            let bits = count as u64 * size.data_bits() as u64;
            let len = bits.div_ceil(8) as usize;
            let start = from.body_start_byte();
            if let (Some(src), Some(dst)) = (from.place().seg.get(start..start + len), to.raw_body_mut(len)) {
                dst.copy_from_slice(src);
                if bits % 8 != 0 {
                    // Padding bits after the last Bool stay zero.
                    dst[len - 1] &= (1u8 << (bits % 8)) - 1;
                }
            }
        }
    }
    Ok(())
}

/// Words a copy of what `source` points at needs (canonical or not), for sizing a
/// single-segment builder exactly.
pub(crate) fn measure(source: PointerReader<'_>, canonical: bool) -> Result<u64> {
    Ok(match source.pointer_type()? {
        PointerType::Null | PointerType::Capability => 0,
        PointerType::Struct => match source.get_struct()? {
            Some(s) => measure_struct(&s, canonical)?,
            None => 0,
        },
        PointerType::List => match source.open_list()? {
            Some(list) => measure_list(&list, canonical)?,
            None => 0,
        },
    })
}

fn measure_struct(s: &StructReader<'_>, canonical: bool) -> Result<u64> {
    let (data_words, ptr_count) = struct_size(s, canonical);
    let mut words = data_words as u64 + ptr_count as u64;
    for i in 0..ptr_count {
        words += measure(s.pointer(i), canonical)?;
    }
    Ok(words)
}

fn measure_list(list: &ListReader<'_>, canonical: bool) -> Result<u64> {
    let count = list.len() as u64;
    Ok(match list.element_size() {
        ElementSize::InlineComposite => {
            let (mut data_words, mut ptr_count) = (0u64, 0u64);
            let mut children = 0;
            for s in list.structs() {
                let (d, p) = struct_size(&s, canonical);
                data_words = data_words.max(d as u64);
                ptr_count = ptr_count.max(p as u64);
                for i in 0..p {
                    children += measure(s.pointer(i), canonical)?;
                }
            }
            if !canonical {
                let (bits, ptrs) = list.element_layout();
                data_words = bits as u64 / 64;
                ptr_count = ptrs as u64;
            }
            1 + count * (data_words + ptr_count) + children
        }
        ElementSize::Pointer => {
            let mut words = count;
            for i in 0..list.len() {
                if let Some(p) = list.get_pointer(i) {
                    words += measure(p, canonical)?;
                }
            }
            words
        }
        size => wire::words_for_bits(count, size.data_bits() as u64),
    })
}
