//! Hostile and malformed input: hand-assembled messages that break one rule of the encoding
//! each, checked to fail with the expected [`ErrorKind`] (and never to panic or hang), plus
//! property-style mutations of valid messages that must read or fail cleanly.

#[cfg(feature = "std")]
use std::io::{self, Read};

use capnzero_runtime::*;

// ---------------------------------------------------------------------------------------------
// Assembling words.

/// A struct pointer word.
fn sp(offset: i32, data_words: u16, ptr_count: u16) -> u64 {
    ((offset as u32) << 2) as u64 | (data_words as u64) << 32 | (ptr_count as u64) << 48
}

/// A list pointer word.
fn lp(offset: i32, size: ElementSize, count: u32) -> u64 {
    ((offset as u32) << 2) as u64 | 1 | (size as u64) << 32 | (count as u64) << 35
}

/// The tag word of an inline composite list: element count in the offset field.
fn tag(count: u32, data_words: u16, ptr_count: u16) -> u64 {
    ((count as u64) << 2) & 0xffff_ffff | (data_words as u64) << 32 | (ptr_count as u64) << 48
}

/// A far pointer word (single or double) to word `pad` of segment `segment`.
fn fp(double: bool, pad: u32, segment: u32) -> u64 {
    2 | (double as u64) << 2 | ((pad as u64) << 3) & 0xffff_ffff | (segment as u64) << 32
}

/// A capability pointer word.
fn cap(index: u32) -> u64 {
    3 | (index as u64) << 32
}

/// Words packed from bytes (little-endian), the last word padded with zeros.
fn text_words(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks(8)
        .map(|chunk| {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            u64::from_le_bytes(word)
        })
        .collect()
}

/// One segment's bytes.
fn flat(words: &[u64]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// A message in the standard framing: segment table, then the segments.
fn frame(segments: &[&[u64]]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(segments.len() as u32 - 1).to_le_bytes());
    for segment in segments {
        out.extend_from_slice(&(segment.len() as u32).to_le_bytes());
    }
    if segments.len() % 2 == 0 {
        out.extend_from_slice(&[0; 4]);
    }
    for segment in segments {
        out.extend_from_slice(&flat(segment));
    }
    out
}

/// A raw segment table (count field, then the given sizes; no padding added).
fn table(count_field: u32, sizes: &[u32]) -> Vec<u8> {
    let mut out = count_field.to_le_bytes().to_vec();
    for size in sizes {
        out.extend_from_slice(&size.to_le_bytes());
    }
    out
}

/// The kind of the error `result` must be.
#[track_caller]
fn kind<T>(result: Result<T>) -> ErrorKind {
    match result {
        Ok(_) => panic!("expected an error, got Ok"),
        Err(e) => e.kind(),
    }
}

fn options(traversal_limit_words: u64, nesting_limit: u32) -> ReaderOptions {
    ReaderOptions { traversal_limit_words, nesting_limit }
}

fn open(bytes: &[u8]) -> MessageReader<'_> {
    MessageReader::from_bytes(bytes, ReaderOptions::default()).expect("the framing itself is valid")
}

fn open_flat(bytes: &[u8]) -> MessageReader<'_> {
    MessageReader::from_flat(bytes, ReaderOptions::default()).expect("a whole number of words")
}

/// Every way to read a pointer gives `expected`. Of `get_struct` and `get_list`, the one that
/// does not match the pointer's kind may say `WrongPointerKind` instead (it is checked before
/// bounds).
#[track_caller]
fn every_read_fails(p: PointerReader<'_>, expected: ErrorKind) {
    let as_struct = kind(p.get_struct());
    let as_list = kind(p.get_list(ElementSize::Void));
    let wrong = ErrorKind::WrongPointerKind;
    assert!(
        (as_struct == expected && (as_list == expected || as_list == wrong))
            || (as_list == expected && as_struct == wrong),
        "get_struct: {as_struct:?}, get_list: {as_list:?}, expected {expected:?}"
    );
    assert_eq!(kind(p.total_size()), expected, "total_size");
    assert_eq!(kind(canonicalize(p)), expected, "canonicalize");
    assert_eq!(kind(compact(p)), expected, "compact");
    let mut copy = MessageBuilder::default();
    assert_eq!(kind(copy.root().set_copy_of(p)), expected, "set_copy_of");
}

// ---------------------------------------------------------------------------------------------
// Segment tables and framing.

#[test]
fn segment_table_shorter_than_one_word_is_truncated() {
    let full = frame(&[&[sp(0, 1, 0), 7]]);
    for n in 0..8 {
        assert_eq!(kind(MessageReader::from_bytes(&full[..n], ReaderOptions::default())), ErrorKind::Truncated, "{n}");
        assert_eq!(
            kind(MessageReader::from_bytes_prefix(&full[..n], ReaderOptions::default())),
            ErrorKind::Truncated,
            "{n}"
        );
    }
    // The same prefixes of an empty message (count 0, one segment of 0 words).
    let empty = table(0, &[0]);
    assert_eq!(empty.len(), 8);
    for n in 0..8 {
        assert_eq!(kind(MessageReader::from_bytes(&empty[..n], ReaderOptions::default())), ErrorKind::Truncated);
    }
    let message = MessageReader::from_bytes(&empty, ReaderOptions::default()).unwrap();
    assert_eq!((message.segment_count(), message.total_words()), (1, 0));
    assert!(message.root().is_null());
}

#[test]
fn multi_segment_table_cut_short_is_truncated() {
    // Three segments: a table of 4 + 3 * 4 = 16 bytes.
    let full = frame(&[&[sp(0, 1, 0), 1], &[2], &[3]]);
    assert_eq!(&full[..4], &[2, 0, 0, 0]);
    for n in 8..16 {
        assert_eq!(kind(MessageReader::from_bytes(&full[..n], ReaderOptions::default())), ErrorKind::Truncated, "{n}");
    }
    // Four segments: 4 + 16 = 20 bytes, padded to 24; the padding is part of the table.
    let full = frame(&[&[0], &[0], &[0], &[0]]);
    for n in 16..24 {
        assert_eq!(kind(MessageReader::from_bytes(&full[..n], ReaderOptions::default())), ErrorKind::Truncated, "{n}");
    }
    assert_eq!(MessageReader::from_bytes(&full, ReaderOptions::default()).unwrap().segment_count(), 4);
}

#[test]
fn segment_sizes_larger_than_the_data_are_truncated() {
    // One segment announced as 3 words, 2 given.
    let mut bytes = table(0, &[3]);
    bytes.extend_from_slice(&flat(&[sp(0, 1, 0), 5]));
    assert_eq!(kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())), ErrorKind::Truncated);
    // Two segments; the second is one word short.
    let mut bytes = table(1, &[1, 2]);
    bytes.extend_from_slice(&[0; 4]);
    bytes.extend_from_slice(&flat(&[0, 0]));
    assert_eq!(kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())), ErrorKind::Truncated);
    // ... and one byte short of its last word.
    let mut bytes = table(1, &[1, 1]);
    bytes.extend_from_slice(&[0; 4]);
    bytes.extend_from_slice(&[0; 15]);
    assert_eq!(kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())), ErrorKind::Truncated);
    // The largest possible sizes in every slot of the largest table: the sum must not overflow.
    let sizes = vec![u32::MAX; MAX_SEGMENTS];
    let mut bytes = table(MAX_SEGMENTS as u32 - 1, &sizes);
    bytes.extend_from_slice(&[0; 4]);
    bytes.extend_from_slice(&[0; 64]);
    assert_eq!(kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())), ErrorKind::Truncated);
    // A single segment of 2^32 - 1 words.
    let mut bytes = table(0, &[u32::MAX]);
    bytes.extend_from_slice(&[0; 8]);
    assert_eq!(kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())), ErrorKind::Truncated);
}

#[cfg(feature = "std")]
#[test]
fn huge_segment_counts_are_rejected() {
    for count_field in [u32::MAX, u32::MAX - 1, 999, 1000, MAX_SEGMENTS as u32] {
        let mut bytes = table(count_field, &[1]);
        bytes.extend_from_slice(&[0; 64]);
        assert_eq!(
            kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())),
            ErrorKind::InvalidSegmentTable,
            "{count_field}"
        );
        assert_eq!(kind(read_message(&bytes[..], ReaderOptions::default())), ErrorKind::InvalidSegmentTable);
    }
    // Exactly MAX_SEGMENTS empty segments is accepted.
    let segments: Vec<&[u64]> = vec![&[]; MAX_SEGMENTS];
    let bytes = frame(&segments);
    assert_eq!(MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap().segment_count(), MAX_SEGMENTS);
    assert_eq!(read_message(&bytes[..], ReaderOptions::default()).unwrap().reader().segment_count(), MAX_SEGMENTS);
}

#[test]
fn trailing_bytes_are_an_error_only_for_from_bytes() {
    let message = frame(&[&[sp(0, 1, 0), 99]]);
    for extra in [&[0u8][..], &[1, 2, 3, 4, 5, 6, 7, 8], &[0; 9]] {
        let mut bytes = message.clone();
        bytes.extend_from_slice(extra);
        assert_eq!(kind(MessageReader::from_bytes(&bytes, ReaderOptions::default())), ErrorKind::TrailingBytes);
        assert_eq!(kind(OwnedMessage::from_bytes(bytes.clone(), ReaderOptions::default())), ErrorKind::TrailingBytes);
        let (reader, rest) = MessageReader::from_bytes_prefix(&bytes, ReaderOptions::default()).unwrap();
        assert_eq!(rest, extra);
        assert_eq!(reader.root_struct().unwrap().get::<u64>(0), 99);
    }
}

#[test]
fn flat_and_segment_inputs_must_be_whole_words() {
    assert_eq!(kind(MessageReader::from_flat(&[0; 7], ReaderOptions::default())), ErrorKind::Truncated);
    assert_eq!(kind(MessageReader::from_flat(&[0; 9], ReaderOptions::default())), ErrorKind::Truncated);
    assert_eq!(kind(OwnedMessage::from_flat(vec![0; 12], ReaderOptions::default())), ErrorKind::Truncated);
    assert_eq!(kind(MessageReader::from_segments(&[], ReaderOptions::default())), ErrorKind::InvalidSegmentTable);
    let whole = [0u8; 8];
    let partial = [0u8; 12];
    assert_eq!(
        kind(MessageReader::from_segments(&[&whole[..], &partial[..]], ReaderOptions::default())),
        ErrorKind::Truncated
    );
    // An empty flat message has a null root, read as the default struct.
    let empty = MessageReader::from_flat(&[], ReaderOptions::default()).unwrap();
    assert!(empty.root().is_null());
    assert_eq!(empty.root_struct().unwrap().pointer_count(), 0);
}

// ---------------------------------------------------------------------------------------------
// Out-of-bounds pointers.

#[test]
fn struct_pointer_past_the_segment_end_is_out_of_bounds() {
    // Room for one word after the root pointer; the struct wants two.
    let bytes = flat(&[sp(0, 2, 0), 1]);
    let message = open_flat(&bytes);
    assert_eq!(message.root().pointer_type().unwrap(), PointerType::Struct);
    every_read_fails(message.root(), ErrorKind::OutOfBounds);
    assert_eq!(kind(message.root_struct()), ErrorKind::OutOfBounds);
    // One data word and one pointer: the pointer section is past the end.
    let bytes = flat(&[sp(0, 1, 1), 1]);
    every_read_fails(open_flat(&bytes).root(), ErrorKind::OutOfBounds);
    // The largest forward offset.
    let bytes = flat(&[sp((1 << 29) - 1, 1, 0), 1]);
    every_read_fails(open_flat(&bytes).root(), ErrorKind::OutOfBounds);
    // The largest sections (65535 + 65535 words) in a tiny segment.
    let bytes = flat(&[sp(0, u16::MAX, u16::MAX), 1]);
    every_read_fails(open_flat(&bytes).root(), ErrorKind::OutOfBounds);
    // A nested pointer out of bounds: the parent reads, the child does not.
    let bytes = flat(&[sp(0, 1, 1), 42, sp(5, 1, 0)]);
    let message = open_flat(&bytes);
    let root = message.root_struct().unwrap();
    assert_eq!(root.get::<u64>(0), 42);
    every_read_fails(root.pointer(0), ErrorKind::OutOfBounds);
}

#[test]
fn list_pointer_past_the_segment_end_is_out_of_bounds_for_every_element_size() {
    use ElementSize::*;
    // The root pointer, then two words of list body.
    let fits = [(Bit, 128), (Byte, 16), (TwoBytes, 8), (FourBytes, 4), (EightBytes, 2), (Pointer, 2)];
    let too_many = [(Bit, 129), (Byte, 17), (TwoBytes, 9), (FourBytes, 5), (EightBytes, 3), (Pointer, 3)];
    for (size, count) in fits {
        let bytes = flat(&[lp(0, size, count), 0, 0]);
        let message = open_flat(&bytes);
        assert_eq!(message.root().get_list(size).unwrap().unwrap().len(), count, "{size:?}");
        assert_eq!(message.root().total_size().unwrap(), 2, "{size:?}");
    }
    for (size, count) in too_many {
        let bytes = flat(&[lp(0, size, count), 0, 0]);
        let message = open_flat(&bytes);
        assert_eq!(message.root().pointer_type().unwrap(), PointerType::List);
        assert_eq!(kind(message.root().get_list(size)), ErrorKind::OutOfBounds, "{size:?}");
        // get_struct says "wrong kind" before looking at bounds; every other read is OutOfBounds.
        assert_eq!(kind(message.root().get_struct()), ErrorKind::WrongPointerKind, "{size:?}");
        every_read_fails(message.root(), ErrorKind::OutOfBounds);
        assert_eq!(kind(message.root().total_size()), ErrorKind::OutOfBounds, "{size:?}");
        assert_eq!(kind(canonicalize(message.root())), ErrorKind::OutOfBounds, "{size:?}");
        assert_eq!(kind(message.root().get_data()), ErrorKind::OutOfBounds, "{size:?}");
    }
    // Inline composite: the word count excludes the tag, so 1 fits and 2 does not.
    let bytes = flat(&[lp(0, InlineComposite, 1), tag(1, 1, 0), 77]);
    let message = open_flat(&bytes);
    let list = message.root().get_list(InlineComposite).unwrap().unwrap();
    assert_eq!((list.len(), list.get_struct(0).unwrap().get::<u64>(0)), (1, 77));
    let bytes = flat(&[lp(0, InlineComposite, 2), tag(1, 1, 0), 77]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(InlineComposite)), ErrorKind::OutOfBounds);
    assert_eq!(kind(open_flat(&bytes).root().total_size()), ErrorKind::OutOfBounds);
    // Void: no body, but the start itself must lie within the segment (3 words here).
    let bytes = flat(&[lp(2, Void, 5), 0, 0]);
    assert_eq!(open_flat(&bytes).root().get_list(Void).unwrap().unwrap().len(), 5);
    let bytes = flat(&[lp(3, Void, 5), 0, 0]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(Void)), ErrorKind::OutOfBounds);
}

#[test]
fn a_list_read_as_a_struct_is_the_wrong_kind_before_bounds_are_checked() {
    let bytes = flat(&[lp(0, ElementSize::Byte, 100)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().get_struct()), ErrorKind::WrongPointerKind);
    assert_eq!(kind(message.root().get_list(ElementSize::Byte)), ErrorKind::OutOfBounds);
}

#[test]
fn inline_composite_tag_with_more_elements_than_words_is_out_of_bounds() {
    use ElementSize::InlineComposite;
    // 3 elements of 1 word in a list of 2 words.
    let bytes = flat(&[lp(0, InlineComposite, 2), tag(3, 1, 0), 1, 2, 3]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(InlineComposite)), ErrorKind::OutOfBounds);
    // 2 elements of 2 words (1 data + 1 pointer) in 2 words.
    let bytes = flat(&[lp(0, InlineComposite, 2), tag(2, 1, 1), 1, 0, 2, 0]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(InlineComposite)), ErrorKind::OutOfBounds);
    assert_eq!(kind(open_flat(&bytes).root().total_size()), ErrorKind::OutOfBounds);
    // Element count times element size overflowing 32 bits: (2^30 - 1) * 131070 words.
    let bytes = flat(&[lp(0, InlineComposite, 2), tag((1 << 30) - 1, u16::MAX, u16::MAX), 0, 0]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(InlineComposite)), ErrorKind::OutOfBounds);
    // Fewer elements than words is fine: the extra words are ignored.
    let bytes = flat(&[lp(0, InlineComposite, 3), tag(2, 1, 0), 1, 2, 3]);
    let message = open_flat(&bytes);
    let list = message.root().get_list(InlineComposite).unwrap().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list.get::<u64>(1), Some(2));
    assert_eq!(list.get::<u64>(2), None);
    assert_eq!(open_flat(&bytes).root().total_size().unwrap(), 3);
    // A tag that is not a struct pointer.
    let bytes = flat(&[lp(0, InlineComposite, 1), lp(0, ElementSize::Byte, 1), 0]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(InlineComposite)), ErrorKind::WrongPointerKind);
}

#[test]
fn negative_offsets_before_the_segment_start_are_out_of_bounds() {
    // The root at word 0 with offset -2 starts at word -1.
    let bytes = flat(&[sp(-2, 1, 0), 1]);
    every_read_fails(open_flat(&bytes).root(), ErrorKind::OutOfBounds);
    assert_eq!(kind(open_flat(&bytes).root().pointer_type()), ErrorKind::OutOfBounds);
    let bytes = flat(&[lp(-5, ElementSize::Byte, 0)]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(ElementSize::Byte)), ErrorKind::OutOfBounds);
    // The most negative offset.
    let bytes = flat(&[sp(-(1 << 29), 0, 1)]);
    assert_eq!(kind(open_flat(&bytes).root().get_struct()), ErrorKind::OutOfBounds);
    // A pointer deeper in the segment: word 3 with offset -5 starts at word -1; -4 at word 0.
    let bytes = flat(&[sp(0, 0, 3), 0, 0, sp(-5, 1, 0)]);
    let message = open_flat(&bytes);
    let root = message.root_struct().unwrap();
    every_read_fails(root.pointer(2), ErrorKind::OutOfBounds);
    let bytes = flat(&[sp(0, 0, 3), 0, 0, sp(-4, 1, 0)]);
    let message = open_flat(&bytes);
    let child = message.root_struct().unwrap().pointer(2).get_struct().unwrap().unwrap();
    assert_eq!(child.get::<u64>(0), sp(0, 0, 3));
    // A landing pad whose own offset leads before its segment.
    let bytes = frame(&[&[fp(false, 0, 1)], &[sp(-3, 1, 0)]]);
    every_read_fails(open(&bytes).root(), ErrorKind::OutOfBounds);
}

// ---------------------------------------------------------------------------------------------
// Far pointers.

#[test]
fn well_formed_far_and_double_far_pointers_read() {
    let bytes = frame(&[&[fp(false, 1, 1)], &[0, sp(0, 1, 0), 42]]);
    let message = open(&bytes);
    assert_eq!(message.root().pointer_type().unwrap(), PointerType::Struct);
    assert_eq!(message.root_struct().unwrap().get::<u64>(0), 42);
    assert_eq!(message.root().total_size().unwrap(), 1);
    let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, 1, 2), sp(0, 1, 0)], &[0, 43]]);
    let message = open(&bytes);
    assert_eq!(message.root_struct().unwrap().get::<u64>(0), 43);
    assert_eq!(canonicalize(message.root()).unwrap(), flat(&[sp(0, 1, 0), 43]));
    // A double-far to a list.
    let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, 0, 2), lp(0, ElementSize::Byte, 3)], &text_words(b"hi\0")]);
    let message = open(&bytes);
    assert_eq!(message.root().get_text().unwrap().unwrap().as_str().unwrap(), "hi");
}

#[test]
fn far_pointer_to_a_missing_segment_is_an_invalid_segment_id() {
    for segment in [1, 2, 511, 512, u32::MAX] {
        let bytes = frame(&[&[fp(false, 0, segment)]]);
        let message = open(&bytes);
        assert_eq!(kind(message.root().pointer_type()), ErrorKind::InvalidSegmentId, "{segment}");
        every_read_fails(message.root(), ErrorKind::InvalidSegmentId);
    }
    // A double-far landing pad whose far pointer names a missing segment.
    let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, 0, 7), sp(0, 1, 0)]]);
    every_read_fails(open(&bytes).root(), ErrorKind::InvalidSegmentId);
}

#[test]
fn far_pointer_landing_pad_out_of_bounds() {
    // Segment 1 has one word; the pad is at word 1.
    let bytes = frame(&[&[fp(false, 1, 1)], &[sp(0, 0, 0)]]);
    assert_eq!(kind(open(&bytes).root().pointer_type()), ErrorKind::OutOfBounds);
    every_read_fails(open(&bytes).root(), ErrorKind::OutOfBounds);
    // The largest pad offset.
    let bytes = frame(&[&[fp(false, (1 << 29) - 1, 1)], &[sp(0, 0, 0)]]);
    every_read_fails(open(&bytes).root(), ErrorKind::OutOfBounds);
    // A double-far pad needs two words; segment 1 has one.
    let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, 0, 0)]]);
    every_read_fails(open(&bytes).root(), ErrorKind::OutOfBounds);
    // A pad in bounds whose object is not: two data words in a segment of one.
    let bytes = frame(&[&[fp(false, 0, 1)], &[sp(0, 2, 0)]]);
    every_read_fails(open(&bytes).root(), ErrorKind::OutOfBounds);
    // A double-far whose content offset is past the end of its segment.
    let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, 5, 2), sp(0, 1, 0)], &[42]]);
    every_read_fails(open(&bytes).root(), ErrorKind::OutOfBounds);
}

#[test]
fn single_far_landing_on_a_far_pointer_is_invalid() {
    // The pad is another single far, a double far, a capability, a reserved kind-3 word.
    for pad in [fp(false, 0, 0), fp(true, 0, 0), cap(0), 7] {
        let bytes = frame(&[&[fp(false, 0, 1)], &[pad, sp(0, 1, 0), 42]]);
        let message = open(&bytes);
        assert_eq!(kind(message.root().pointer_type()), ErrorKind::InvalidFarPointer, "{pad:#x}");
        every_read_fails(message.root(), ErrorKind::InvalidFarPointer);
    }
    // A root far pointer that names itself as its landing pad.
    let bytes = frame(&[&[fp(false, 0, 0)]]);
    every_read_fails(open(&bytes).root(), ErrorKind::InvalidFarPointer);
}

#[test]
fn double_far_pad_must_start_with_a_single_far_pointer() {
    for first in [sp(0, 1, 0), lp(0, ElementSize::Byte, 0), fp(true, 0, 2), cap(1), 0] {
        let bytes = frame(&[&[fp(true, 0, 1)], &[first, sp(0, 1, 0)], &[42]]);
        every_read_fails(open(&bytes).root(), ErrorKind::InvalidFarPointer);
    }
}

#[test]
fn double_far_with_a_bad_tag_is_invalid() {
    for tag_word in [fp(false, 0, 2), fp(true, 0, 2), cap(0), 0xffff_ffff] {
        let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, 0, 2), tag_word], &[42]]);
        let message = open(&bytes);
        assert_eq!(kind(message.root().pointer_type()), ErrorKind::InvalidFarPointer, "{tag_word:#x}");
        every_read_fails(message.root(), ErrorKind::InvalidFarPointer);
    }
}

// ---------------------------------------------------------------------------------------------
// Sizes, cycles and amplification.

#[test]
fn list_sizes_that_overflow_are_out_of_bounds() {
    use ElementSize::*;
    let max = MAX_LIST_ELEMENTS;
    for size in [Bit, Byte, TwoBytes, FourBytes, EightBytes, Pointer, InlineComposite] {
        let bytes = flat(&[lp(0, size, max), tag(1, 1, 0), 0, 0]);
        let message = open_flat(&bytes);
        let expected = if size == Bit { Bit } else { InlineComposite };
        assert_eq!(kind(message.root().get_list(expected)), ErrorKind::OutOfBounds, "{size:?}");
        assert_eq!(kind(message.root().total_size()), ErrorKind::OutOfBounds, "{size:?}");
        let mut copy = MessageBuilder::default();
        assert_eq!(kind(copy.root().set_copy_of(message.root())), ErrorKind::OutOfBounds, "{size:?}");
        // Failing reads charge nothing.
        assert_eq!(message.traversal_budget(), ReaderOptions::DEFAULT.traversal_limit_words);
    }
    // Placed far from the start: offset + size must not wrap either.
    let bytes = flat(&[lp((1 << 29) - 1, EightBytes, max)]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(EightBytes)), ErrorKind::OutOfBounds);
}

/// Root struct at word 1 whose only pointer (word 1) points back at word 1: itself.
fn self_referencing_struct() -> Vec<u8> {
    flat(&[sp(0, 0, 1), sp(-1, 0, 1)])
}

#[test]
fn a_struct_that_contains_itself_ends_in_the_nesting_limit() {
    let bytes = self_referencing_struct();
    let message = open_flat(&bytes);
    let root = message.root_struct().unwrap();
    assert_eq!(root.pointer(0).pointer_type().unwrap(), PointerType::Struct);
    assert_eq!(kind(message.root().total_size()), ErrorKind::NestingLimitExceeded);
    message.reset_traversal_budget();
    let mut copy = MessageBuilder::default();
    assert_eq!(kind(copy.root().set_copy_of(message.root())), ErrorKind::NestingLimitExceeded);
    assert_eq!(kind(canonicalize(message.root())), ErrorKind::NestingLimitExceeded);
    assert_eq!(kind(compact(message.root())), ErrorKind::NestingLimitExceeded);
    assert_eq!(kind(is_canonical(&message)), ErrorKind::NestingLimitExceeded);
    // Not compact (the child is not after the parent), found without following the cycle.
    assert_eq!(is_compact(&root), Ok(false));
    // Walking by hand: exactly 64 levels below the root pointer.
    let mut s = message.root_struct().unwrap();
    for _ in 1..64 {
        s = s.pointer(0).get_struct().unwrap().unwrap();
    }
    assert_eq!(kind(s.pointer(0).get_struct()), ErrorKind::NestingLimitExceeded);
}

#[test]
fn a_cycle_with_a_generous_nesting_limit_ends_in_the_traversal_limit() {
    let bytes = self_referencing_struct();
    let message = MessageReader::from_flat(&bytes, options(100, 1000)).unwrap();
    assert_eq!(kind(message.root().total_size()), ErrorKind::TraversalLimitExceeded);
    assert_eq!(message.traversal_budget(), 0);
    message.reset_traversal_budget();
    let mut copy = MessageBuilder::default();
    assert_eq!(kind(copy.root().set_copy_of(message.root())), ErrorKind::TraversalLimitExceeded);
    // Two pointers to itself (2^64 paths): whichever limit comes first, it ends, and quickly.
    let bytes = flat(&[sp(0, 0, 2), sp(-1, 0, 2), sp(-2, 0, 2)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().total_size()), ErrorKind::NestingLimitExceeded);
    let message = MessageReader::from_flat(&bytes, options(200, 1000)).unwrap();
    assert_eq!(kind(message.root().total_size()), ErrorKind::TraversalLimitExceeded);
}

#[test]
fn a_list_that_contains_itself_ends_in_an_error() {
    // A List(Pointer) of one element at word 1, whose element (word 1) points at word 1.
    let bytes = flat(&[lp(0, ElementSize::Pointer, 1), lp(-1, ElementSize::Pointer, 1)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().total_size()), ErrorKind::NestingLimitExceeded);
    message.reset_traversal_budget();
    assert_eq!(kind(canonicalize(message.root())), ErrorKind::NestingLimitExceeded);
    // An inline composite list whose element points at the list.
    let bytes = flat(&[lp(0, ElementSize::InlineComposite, 1), tag(1, 0, 1), lp(-2, ElementSize::InlineComposite, 1)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().total_size()), ErrorKind::NestingLimitExceeded);
    let message = MessageReader::from_flat(&bytes, options(100, 10_000)).unwrap();
    assert_eq!(kind(message.root().total_size()), ErrorKind::TraversalLimitExceeded);
}

#[test]
fn a_list_of_zero_sized_structs_is_charged_per_element() {
    let count = MAX_LIST_ELEMENTS;
    let bytes = flat(&[lp(0, ElementSize::InlineComposite, 0), tag(count, 0, 0)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().get_list(ElementSize::InlineComposite)), ErrorKind::TraversalLimitExceeded);
    message.reset_traversal_budget();
    assert_eq!(kind(message.root().total_size()), ErrorKind::TraversalLimitExceeded);
    message.reset_traversal_budget();
    let mut copy = MessageBuilder::default();
    assert_eq!(kind(copy.root().set_copy_of(message.root())), ErrorKind::TraversalLimitExceeded);
    // With room for them, the elements read as empty structs.
    let limit = 1 << 30;
    let message = MessageReader::from_flat(&bytes, options(limit, 64)).unwrap();
    let list = message.root().get_list(ElementSize::InlineComposite).unwrap().unwrap();
    assert_eq!(list.len(), count);
    // Charged: the tag plus one word per element.
    assert_eq!(message.traversal_budget(), limit - 1 - count as u64);
    let last = list.get_struct(count - 1).unwrap();
    assert_eq!((last.data_words(), last.pointer_count(), last.get::<u64>(0)), (0, 0, 0));
    assert!(list.get_struct(count).is_none());
    // Just under the limit fails.
    let message = MessageReader::from_flat(&bytes, options(count as u64, 64)).unwrap();
    assert_eq!(kind(message.root().get_list(ElementSize::InlineComposite)), ErrorKind::TraversalLimitExceeded);
}

#[test]
fn a_list_of_void_is_charged_per_element() {
    let count = MAX_LIST_ELEMENTS;
    let bytes = flat(&[lp(0, ElementSize::Void, count)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().get_list(ElementSize::Void)), ErrorKind::TraversalLimitExceeded);
    message.reset_traversal_budget();
    assert_eq!(kind(message.root().total_size()), ErrorKind::TraversalLimitExceeded);
    let limit = 1 << 30;
    let message = MessageReader::from_flat(&bytes, options(limit, 64)).unwrap();
    let list = message.root().get_list(ElementSize::Void).unwrap().unwrap();
    assert_eq!((list.len(), list.element_size()), (count, ElementSize::Void));
    assert_eq!(message.traversal_budget(), limit - count as u64);
    // The copy of a List(Void) takes no words; only its pointer.
    let message = MessageReader::from_flat(&bytes, ReaderOptions::UNLIMITED).unwrap();
    assert_eq!(message.root().total_size(), Ok(0));
    let mut copy = MessageBuilder::default();
    copy.root().set_copy_of(message.root()).unwrap();
    assert_eq!(copy.segments()[0].len(), 8);
    assert_eq!(copy.as_reader().root().get_list(ElementSize::Void).unwrap().unwrap().len(), count);
}

/// `n` structs in a chain: the root pointer, then each struct (0 data, 1 pointer) pointing at
/// the next word; the last one's pointer is null.
fn chain(n: usize) -> Vec<u8> {
    let mut words = vec![sp(0, 0, 1); n];
    words.push(0);
    flat(&words)
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error() {
    let bytes = chain(70);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().total_size()), ErrorKind::NestingLimitExceeded);
    assert_eq!(kind(canonicalize(message.root())), ErrorKind::NestingLimitExceeded);
    // By hand: 64 structs read, the 65th does not.
    let mut s = message.root_struct().unwrap();
    for depth in 2..=64 {
        s = s.pointer(0).get_struct().unwrap().unwrap_or_else(|| panic!("struct {depth}"));
    }
    assert_eq!(s.pointer(0).nesting_left(), 0);
    assert_eq!(kind(s.pointer(0).get_struct()), ErrorKind::NestingLimitExceeded);
    // Exactly 64 fits the default limit.
    let bytes = chain(64);
    assert_eq!(open_flat(&bytes).root().total_size(), Ok(64));
    let bytes = chain(65);
    assert_eq!(kind(open_flat(&bytes).root().total_size()), ErrorKind::NestingLimitExceeded);
    // A higher limit reads all 70.
    let bytes = chain(70);
    let message = MessageReader::from_flat(&bytes, options(1 << 20, 100)).unwrap();
    assert_eq!(message.root().total_size(), Ok(70));
    // Canonical: the last struct loses its null pointer, so its parent points at an empty struct.
    let mut canonical = vec![sp(0, 0, 1); 69];
    canonical.push(0xffff_fffc);
    assert_eq!(canonicalize(message.root()).unwrap(), flat(&canonical));
    // A lower limit stops sooner.
    let message = MessageReader::from_flat(&bytes, options(1 << 20, 3)).unwrap();
    assert_eq!(kind(message.root().total_size()), ErrorKind::NestingLimitExceeded);
    let message = MessageReader::from_flat(&bytes, options(1 << 20, 0)).unwrap();
    assert_eq!(kind(message.root_struct()), ErrorKind::NestingLimitExceeded);
}

// ---------------------------------------------------------------------------------------------
// Text, lists of the wrong type, pointer kinds.

#[test]
fn text_without_a_nul_terminator_is_an_error() {
    let mut words = vec![lp(0, ElementSize::Byte, 3)];
    words.extend(text_words(b"abc"));
    let bytes = flat(&words);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().get_text()), ErrorKind::TextNotTerminated);
    assert_eq!(message.root().get_data().unwrap(), Some(&b"abc"[..]));
    // The NUL must be the last byte, not just somewhere.
    let mut words = vec![lp(0, ElementSize::Byte, 3)];
    words.extend(text_words(b"a\0c"));
    let bytes = flat(&words);
    assert_eq!(kind(open_flat(&bytes).root().get_text()), ErrorKind::TextNotTerminated);
}

#[test]
fn an_empty_byte_list_is_not_a_text() {
    let bytes = flat(&[lp(0, ElementSize::Byte, 0)]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().get_text()), ErrorKind::TextNotTerminated);
    assert_eq!(message.root().get_data().unwrap(), Some(&[][..]));
    // The empty Text is one NUL byte; the null pointer is no Text at all.
    let mut words = vec![lp(0, ElementSize::Byte, 1)];
    words.extend(text_words(b"\0"));
    let bytes = flat(&words);
    assert_eq!(open_flat(&bytes).root().get_text().unwrap().unwrap().as_str(), Ok(""));
    let bytes = flat(&[0]);
    assert!(open_flat(&bytes).root().get_text().unwrap().is_none());
}

#[test]
fn invalid_utf8_fails_only_as_str() {
    let raw = b"ok\xff\xfe\0";
    let mut words = vec![lp(0, ElementSize::Byte, raw.len() as u32)];
    words.extend(text_words(raw));
    let bytes = flat(&words);
    let message = open_flat(&bytes);
    let text = message.root().get_text().unwrap().unwrap();
    assert_eq!(text.as_bytes(), b"ok\xff\xfe");
    assert_eq!(text.len(), 4);
    let error = text.as_str().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidUtf8);
    assert!(error.message().contains("at byte 2"), "{error}");
    // A truncated multi-byte sequence.
    let raw = "é".as_bytes();
    let mut words = vec![lp(0, ElementSize::Byte, 2)];
    words.extend(text_words(&[raw[0], 0]));
    let bytes = flat(&words);
    assert_eq!(kind(open_flat(&bytes).root().get_text().unwrap().unwrap().as_str()), ErrorKind::InvalidUtf8);
}

#[test]
fn text_and_data_must_be_byte_lists() {
    let bytes = flat(&[lp(0, ElementSize::TwoBytes, 2), 0x0000_0041_0000_0041]);
    assert_eq!(kind(open_flat(&bytes).root().get_text()), ErrorKind::IncompatibleList);
    assert_eq!(kind(open_flat(&bytes).root().get_data()), ErrorKind::IncompatibleList);
    let bytes = flat(&[sp(0, 1, 0), 0x41]);
    assert_eq!(kind(open_flat(&bytes).root().get_text()), ErrorKind::WrongPointerKind);
    assert_eq!(kind(open_flat(&bytes).root().get_list(ElementSize::Byte)), ErrorKind::WrongPointerKind);
    let bytes = flat(&[lp(0, ElementSize::Byte, 2), 0x41]);
    assert_eq!(kind(open_flat(&bytes).root().get_struct()), ErrorKind::WrongPointerKind);
}

#[test]
fn a_bool_list_read_as_another_list_is_incompatible() {
    use ElementSize::*;
    let bytes = flat(&[lp(0, Bit, 10), 0b10_0000_0101]);
    let message = open_flat(&bytes);
    for expected in [InlineComposite, Void, Byte, TwoBytes, FourBytes, EightBytes, Pointer] {
        assert_eq!(kind(message.root().get_list(expected)), ErrorKind::IncompatibleList, "{expected:?}");
    }
    let list = message.root().get_list(Bit).unwrap().unwrap();
    let bits: Vec<bool> = (0..10).map(|i| list.get_bool(i).unwrap()).collect();
    assert_eq!(bits, [true, false, true, false, false, false, false, false, false, true]);
    assert_eq!(list.get_bool(10), None);
}

#[test]
fn a_struct_list_without_data_read_as_a_primitive_list_is_incompatible() {
    use ElementSize::*;
    // Two structs of 0 data words and 1 pointer each.
    let bytes = flat(&[lp(0, InlineComposite, 2), tag(2, 0, 1), 0, 0]);
    let message = open_flat(&bytes);
    for expected in [FourBytes, Bit, Byte, TwoBytes, EightBytes] {
        assert_eq!(kind(message.root().get_list(expected)), ErrorKind::IncompatibleList, "{expected:?}");
    }
    // ... but it can be read as pointers, void or structs.
    assert_eq!(message.root().get_list(Pointer).unwrap().unwrap().len(), 2);
    assert_eq!(message.root().get_list(Void).unwrap().unwrap().len(), 2);
    // A struct list with one data word and no pointers read as pointers is incompatible too.
    let bytes = flat(&[lp(0, InlineComposite, 1), tag(1, 1, 0), 5]);
    let message = open_flat(&bytes);
    assert_eq!(kind(message.root().get_list(Pointer)), ErrorKind::IncompatibleList);
    assert_eq!(message.root().get_list(FourBytes).unwrap().unwrap().get::<i32>(0), Some(5));
    // A List(Int16) read as List(Int32).
    let bytes = flat(&[lp(0, TwoBytes, 4), 0]);
    assert_eq!(kind(open_flat(&bytes).root().get_list(FourBytes)), ErrorKind::IncompatibleList);
}

#[test]
fn a_capability_read_as_data_is_the_wrong_kind() {
    let bytes = flat(&[cap(5)]);
    let message = open_flat(&bytes);
    assert_eq!(message.root().pointer_type().unwrap(), PointerType::Capability);
    assert_eq!(message.root().get_capability().unwrap(), Some(5));
    assert_eq!(kind(message.root().get_struct()), ErrorKind::WrongPointerKind);
    assert_eq!(kind(message.root_struct()), ErrorKind::WrongPointerKind);
    assert_eq!(kind(message.root().get_list(ElementSize::Byte)), ErrorKind::WrongPointerKind);
    assert_eq!(kind(message.root().get_text()), ErrorKind::WrongPointerKind);
    assert_eq!(message.root().total_size(), Ok(0));
    // Copies keep the index.
    let mut copy = MessageBuilder::default();
    copy.root().set_copy_of(message.root()).unwrap();
    assert_eq!(copy.as_reader().root().get_capability().unwrap(), Some(5));
    // And data read as a capability is the wrong kind too.
    let bytes = flat(&[sp(0, 1, 0), 0]);
    assert_eq!(kind(open_flat(&bytes).root().get_capability()), ErrorKind::WrongPointerKind);
}

#[test]
fn a_reserved_kind_three_pointer_is_the_wrong_kind() {
    // Kind 3 with any of bits 2..32 set is reserved (only 3 | index << 32 is a capability).
    for word in [7u64, 0xffff_ffff, 3 | 1 << 31, 0xffff_ffff_ffff_ffff] {
        let bytes = flat(&[word]);
        let message = open_flat(&bytes);
        assert_eq!(kind(message.root().pointer_type()), ErrorKind::WrongPointerKind, "{word:#x}");
        assert_eq!(kind(message.root().get_capability()), ErrorKind::WrongPointerKind);
        every_read_fails(message.root(), ErrorKind::WrongPointerKind);
        assert_eq!(kind(is_canonical(&message)), ErrorKind::WrongPointerKind);
    }
}

#[test]
fn is_compact_of_a_primitive_list_element_is_false_even_at_a_segment_start() {
    use ElementSize::*;
    // A list body at word `at` of segment 2, reached through a double-far pointer: a valid
    // message. Elements of primitive lists read as structs (ListReader::get_struct), but they
    // are no structs on the wire. At word 0 this used to underflow in StructReader::location.
    for at in [0, 1] {
        for size in [Bit, Byte, TwoBytes, FourBytes, EightBytes] {
            let mut content = vec![0; at as usize];
            content.extend([0x0807_0605_0403_0201, 0x100f_0e0d_0c0b_0a09]);
            let bytes = frame(&[&[fp(true, 0, 1)], &[fp(false, at, 2), lp(0, size, 2)], &content]);
            let message = open(&bytes);
            let list = message.root().get_list(size).unwrap().unwrap();
            for i in 0..2 {
                let element = list.get_struct(i).unwrap();
                assert_eq!(element.pointer_count(), 0);
                let compact = is_compact(&element);
                match size {
                    Byte | TwoBytes | FourBytes => assert_eq!(compact, Ok(false), "{size:?} at {at}, {i}"),
                    _ => assert!(compact.is_ok(), "{size:?} at {at}, {i}"),
                }
            }
            if size == Byte {
                assert_eq!(list.get_struct(1).unwrap().get::<u8>(0), 2);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Streams.

#[cfg(feature = "std")]
/// A valid message of two segments: a struct in the first, its text in the second.
fn two_segment_message() -> (MessageBuilder, Vec<u8>) {
    let mut message =
        MessageBuilder::new(BuilderOptions { first_segment_words: 3, allocation: AllocationStrategy::FixedSize });
    {
        let mut root = message.init_root(1, 1);
        root.set::<u64>(0, 0xfeed);
        root.pointer(0).unwrap().set_text("a text that needs several words").unwrap();
    }
    assert_eq!(message.segment_count(), 2);
    let mut bytes = Vec::new();
    write_message(&mut bytes, &message).unwrap();
    (message, bytes)
}

#[cfg(feature = "std")]
fn check_two_segment_message(message: &MessageReader<'_>) {
    let root = message.root_struct().unwrap();
    assert_eq!(root.get::<u64>(0), 0xfeed);
    assert_eq!(root.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "a text that needs several words");
}

#[cfg(feature = "std")]
#[test]
fn read_message_fails_on_every_proper_prefix() {
    let (_, bytes) = two_segment_message();
    for cut in 0..bytes.len() {
        let prefix = &bytes[..cut];
        assert_eq!(kind(read_message(prefix, ReaderOptions::default())), ErrorKind::Truncated, "read_message {cut}");
        match try_read_message(prefix, ReaderOptions::default()) {
            Ok(None) => assert_eq!(cut, 0),
            Ok(Some(_)) => panic!("a message from {cut} of {} bytes", bytes.len()),
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::Truncated, "try_read_message {cut}");
                assert_ne!(cut, 0);
            }
        }
        assert_eq!(kind(MessageReader::from_bytes(prefix, ReaderOptions::default())), ErrorKind::Truncated);
        // A stream of the whole message then this prefix: one message, then the error, then the end.
        let mut stream = bytes.clone();
        stream.extend_from_slice(prefix);
        let mut messages = read_messages(&stream[..], ReaderOptions::default());
        check_two_segment_message(&messages.next().unwrap().unwrap().reader());
        match messages.next() {
            None => assert_eq!(cut, 0),
            Some(next) => assert_eq!(kind(next), ErrorKind::Truncated),
        }
        assert!(messages.next().is_none());
    }
    let message = read_message(&bytes[..], ReaderOptions::default()).unwrap();
    check_two_segment_message(&message.reader());
    assert_eq!(message.to_bytes(), bytes);
}

#[cfg(feature = "std")]
/// A reader that serves `data` and records how many bytes were asked for and served.
struct Counting<'a> {
    data: &'a [u8],
    served: usize,
}

#[cfg(feature = "std")]
impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.data.len() - self.served);
        buf[..n].copy_from_slice(&self.data[self.served..self.served + n]);
        self.served += n;
        Ok(n)
    }
}

#[cfg(feature = "std")]
#[test]
fn a_header_announcing_a_huge_message_is_too_large_before_reading_on() {
    // One segment of 2^32 - 1 words (32 GiB), and nothing after the header.
    let header = table(0, &[u32::MAX]);
    let mut reader = Counting { data: &header, served: 0 };
    assert_eq!(kind(read_message(&mut reader, ReaderOptions::default())), ErrorKind::TooLarge);
    assert_eq!(reader.served, 8, "nothing but the header was read");
    // The same header with bytes after it.
    let mut header = table(0, &[u32::MAX]);
    header.extend_from_slice(&[0; 64]);
    assert_eq!(kind(read_message(&header[..], ReaderOptions::default())), ErrorKind::TooLarge);
    // As many segments as accepted (511), of 2^32 - 1 words each; the table (the count and 511
    // sizes) fills whole words, so it has no padding.
    let header = table(MAX_SEGMENTS as u32 - 1, &vec![u32::MAX; MAX_SEGMENTS]);
    let mut reader = Counting { data: &header, served: 0 };
    assert_eq!(kind(read_message(&mut reader, ReaderOptions::default())), ErrorKind::TooLarge);
    assert_eq!(reader.served, header.len());
    // The limit is the traversal limit: 10 words pass a limit of 10, 11 do not.
    let mut bytes = table(0, &[10]);
    bytes.extend_from_slice(&[0; 80]);
    assert!(read_message(&bytes[..], options(10, 64)).is_ok());
    let mut bytes = table(0, &[11]);
    bytes.extend_from_slice(&[0; 88]);
    assert_eq!(kind(read_message(&bytes[..], options(10, 64))), ErrorKind::TooLarge);
    // The borrowed reader does not allocate for the sizes at all: it reports the missing data.
    let header = table(0, &[u32::MAX]);
    assert_eq!(kind(MessageReader::from_bytes(&header, ReaderOptions::default())), ErrorKind::Truncated);
}

#[cfg(feature = "std")]
#[test]
fn packed_stream_truncated_at_a_word_boundary_is_truncated() {
    let (message, _) = two_segment_message();
    let mut packed = Vec::new();
    write_packed_message(&mut packed, &message).unwrap();
    check_two_segment_message(&read_packed_message(&packed[..], ReaderOptions::default()).unwrap().reader());
    let mut boundaries = 0;
    for cut in 0..packed.len() {
        if unpack(&packed[..cut]).is_ok() {
            boundaries += 1;
            assert_eq!(
                kind(read_packed_message(&packed[..cut], ReaderOptions::default())),
                ErrorKind::Truncated,
                "{cut}"
            );
        }
    }
    assert!(boundaries > 3, "{boundaries}");
}

#[cfg(feature = "std")]
#[test]
fn unpack_of_input_truncated_inside_a_word_or_run_is_invalid_packed() {
    let (message, _) = two_segment_message();
    let mut packed = Vec::new();
    write_packed_message(&mut packed, &message).unwrap();
    let mut inside = 0;
    for cut in 0..packed.len() {
        if let Err(e) = unpack(&packed[..cut]) {
            inside += 1;
            assert_eq!(e.kind(), ErrorKind::InvalidPacked, "{cut}");
        }
    }
    assert!(inside > 3, "{inside}");
    // Hand-made: inside a word, after a zero tag, after a 0xff tag, inside a raw run.
    for bad in [&[0x03u8, 1][..], &[0x00], &[0xff, 1, 2, 3, 4, 5, 6, 7, 8], &[0xff, 1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 2, 3]]
    {
        assert_eq!(kind(unpack(bad)), ErrorKind::InvalidPacked, "{bad:?}");
    }
}

#[cfg(feature = "std")]
#[test]
fn packed_stream_truncated_inside_a_word_or_run_is_invalid_packed() {
    // (Until 9ef1ccf the stream reported these as ErrorKind::Io: PackedRead's error lost its
    // kind on the way through std::io.)
    let (message, _) = two_segment_message();
    let mut packed = Vec::new();
    write_packed_message(&mut packed, &message).unwrap();
    for cut in 0..packed.len() {
        if unpack(&packed[..cut]).is_err() {
            assert_eq!(
                kind(read_packed_message(&packed[..cut], ReaderOptions::default())),
                ErrorKind::InvalidPacked,
                "{cut}"
            );
        }
    }
    // The first word (a table of one segment of one word) unpacks; the second tag's bytes are missing.
    for bad in [&[0x10u8, 0x01, 0x03, 0x05][..], &[0x00][..], &[0xff, 0, 0, 0, 0, 1, 0, 0, 0][..]] {
        assert_eq!(kind(read_packed_message(bad, ReaderOptions::default())), ErrorKind::InvalidPacked, "{bad:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Property-style: mutations of valid messages read or fail cleanly, and what reads is consistent.

/// The error kinds reading an opened message may report.
const READ_ERRORS: &[ErrorKind] = &[
    ErrorKind::OutOfBounds,
    ErrorKind::InvalidSegmentId,
    ErrorKind::InvalidFarPointer,
    ErrorKind::WrongPointerKind,
    ErrorKind::IncompatibleList,
    ErrorKind::TraversalLimitExceeded,
    ErrorKind::NestingLimitExceeded,
    ErrorKind::TooLarge,
    ErrorKind::CapabilityNotCanonical,
];

#[track_caller]
fn check_read_error<T>(result: &Result<T>) {
    if let Err(e) = result {
        assert!(READ_ERRORS.contains(&e.kind()), "unexpected error kind: {e:?}");
    }
}

/// A walk over everything reachable, through the public API only: a digest of what it read
/// and the errors it met (it carries on past them).
#[derive(Default)]
struct Walk {
    digest: u64,
    errors: Vec<ErrorKind>,
    visits: u64,
}

impl Walk {
    fn mix(&mut self, value: u64) {
        self.digest = (self.digest ^ value).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(17);
        self.visits += 1;
    }

    fn error(&mut self, e: Error) {
        assert!(READ_ERRORS.contains(&e.kind()), "unexpected error kind: {e:?}");
        self.errors.push(e.kind());
    }

    fn pointer(&mut self, p: PointerReader<'_>) {
        let pointer_type = match p.pointer_type() {
            Ok(t) => t,
            Err(e) => return self.error(e),
        };
        self.mix(pointer_type as u64);
        match pointer_type {
            PointerType::Null => {
                assert!(p.is_null());
                assert!(matches!(p.get_struct(), Ok(None)));
                assert!(matches!(p.get_list(ElementSize::Pointer), Ok(None)));
                assert!(matches!(p.get_text(), Ok(None)));
            }
            PointerType::Capability => {
                let index = p.get_capability().expect("a capability pointer has an index").expect("not null");
                self.mix(index as u64);
                let e = p.get_struct().expect_err("a capability is not a struct").kind();
                assert!(matches!(e, ErrorKind::WrongPointerKind | ErrorKind::NestingLimitExceeded), "{e:?}");
            }
            PointerType::Struct => {
                if let Err(e) = p.get_list(ElementSize::Void) {
                    assert!(matches!(e.kind(), ErrorKind::WrongPointerKind | ErrorKind::NestingLimitExceeded));
                } else {
                    panic!("a struct read as a list");
                }
                match p.get_struct() {
                    Ok(Some(s)) => self.structure(s),
                    Ok(None) => panic!("a struct pointer read as null"),
                    Err(e) => self.error(e),
                }
            }
            PointerType::List => {
                let list = match p.get_list(ElementSize::Void) {
                    Err(e) if e.kind() == ErrorKind::IncompatibleList => p.get_list(ElementSize::Bit),
                    other => other,
                };
                let list = match list {
                    Ok(Some(list)) => list,
                    Ok(None) => panic!("a list pointer read as null"),
                    Err(e) => return self.error(e),
                };
                // A list always reads as its own element size.
                if let Err(e) = p.get_list(list.element_size()) {
                    assert_eq!(e.kind(), ErrorKind::TraversalLimitExceeded, "{e:?}");
                }
                if list.element_size() == ElementSize::Byte {
                    match p.get_text() {
                        Ok(Some(text)) => match text.as_str() {
                            Ok(s) => self.mix(s.len() as u64),
                            Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidUtf8),
                        },
                        Ok(None) => panic!("a list read as a null text"),
                        Err(e) => assert!(matches!(
                            e.kind(),
                            ErrorKind::TextNotTerminated | ErrorKind::TraversalLimitExceeded
                        )),
                    }
                    if let Ok(Some(data)) = p.get_data() {
                        assert_eq!(Some(data), list.as_bytes());
                    }
                }
                self.list(list);
            }
        }
    }

    fn structure(&mut self, s: StructReader<'_>) {
        self.mix((s.data_words() as u64) << 16 | s.pointer_count() as u64);
        for i in 0..s.data_words() as usize {
            self.mix(s.get::<u64>(i));
        }
        assert_eq!(s.get::<u64>(s.data_words() as usize), 0);
        for p in s.pointers() {
            self.pointer(p);
        }
        assert!(s.pointer(s.pointer_count()).is_null());
    }

    fn list(&mut self, list: ListReader<'_>) {
        let size = list.element_size();
        self.mix((size as u64) << 32 | list.len() as u64);
        for i in 0..list.len() {
            match size {
                ElementSize::Void => assert!(list.get_struct(i).is_some()),
                ElementSize::Bit => {
                    let bit = list.get_bool(i).expect("a bit in bounds");
                    self.mix(bit as u64);
                }
                ElementSize::Byte => self.mix(list.get::<u8>(i).expect("in bounds") as u64),
                ElementSize::TwoBytes => self.mix(list.get::<u16>(i).expect("in bounds") as u64),
                ElementSize::FourBytes => self.mix(list.get::<u32>(i).expect("in bounds") as u64),
                ElementSize::EightBytes => self.mix(list.get::<u64>(i).expect("in bounds")),
                ElementSize::Pointer => self.pointer(list.get_pointer(i).expect("in bounds")),
                ElementSize::InlineComposite => self.structure(list.get_struct(i).expect("in bounds")),
            }
        }
        assert!(list.get_struct(list.len()).is_none());
        assert!(list.get_pointer(list.len()).is_none());
    }
}

/// Reads `message` every way there is and checks what is read agrees with itself.
fn exercise(message: &MessageReader<'_>) -> bool {
    message.reset_traversal_budget();
    let mut walk = Walk::default();
    walk.pointer(message.root());

    message.reset_traversal_budget();
    let total = message.root().total_size();
    check_read_error(&total);

    message.reset_traversal_budget();
    let canonical = canonicalize(message.root());
    check_read_error(&canonical);
    if let Ok(canonical) = &canonical {
        let reread = MessageReader::from_flat(canonical, ReaderOptions::UNLIMITED).unwrap();
        assert_eq!(is_canonical(&reread), Ok(true));
        assert_eq!(reread.root().total_size(), Ok(canonical.len() as u64 / 8 - 1));
    }

    message.reset_traversal_budget();
    let is_canon = is_canonical(message);
    check_read_error(&is_canon);
    if let Ok(true) = is_canon {
        assert_eq!(message.segment(0), canonical.as_deref().ok());
    }

    message.reset_traversal_budget();
    if let Ok(root) = message.root_struct() {
        check_read_error(&is_compact(&root));
    }

    message.reset_traversal_budget();
    let compacted = compact(message.root());
    check_read_error(&compacted);
    if let Ok(compacted) = &compacted {
        assert_eq!(compacted.segment_count(), 1);
        let reread = compacted.as_reader();
        let size = reread.root().total_size().unwrap();
        assert_eq!(compacted.segments()[0].len() as u64 / 8, 1 + size);
        if let Ok(total) = &total {
            assert_eq!(size, *total);
        }
        if let Ok(Some(root)) = reread.root().get_struct() {
            assert_eq!(is_compact(&root), Ok(true));
        }
    }

    // A copy into small fixed-size segments (so with far pointers) reads the same.
    message.reset_traversal_budget();
    let mut copy =
        MessageBuilder::new(BuilderOptions { first_segment_words: 3, allocation: AllocationStrategy::FixedSize });
    let copied = copy.root().set_copy_of(message.root());
    check_read_error(&copied);
    if copied.is_ok() {
        let reread = copy.as_reader();
        if let Ok(total) = &total {
            assert_eq!(reread.root().total_size(), Ok(*total));
        }
        if walk.errors.is_empty() {
            let mut again = Walk::default();
            again.pointer(reread.root());
            assert!(again.errors.is_empty(), "{:?}", again.errors);
            assert_eq!((again.digest, again.visits), (walk.digest, walk.visits));
        }
        if let Ok(canonical) = &canonical {
            reread.reset_traversal_budget();
            assert_eq!(canonicalize(reread.root()).as_ref(), Ok(canonical));
        }
    }
    walk.errors.is_empty() && total.is_ok()
}

/// Opens framed bytes with small limits and exercises them; the framing errors it may give.
fn exercise_framed(bytes: &[u8]) -> Option<bool> {
    match MessageReader::from_bytes_prefix(bytes, options(1 << 14, 64)) {
        Ok((message, _)) => Some(exercise(&message)),
        Err(e) => {
            assert!(matches!(e.kind(), ErrorKind::Truncated | ErrorKind::InvalidSegmentTable), "{e:?}");
            None
        }
    }
}

/// A message with every pointer kind and element size.
fn rich_message(options: BuilderOptions) -> MessageBuilder {
    let mut message = MessageBuilder::new(options);
    let mut root = message.init_root(2, 7);
    root.set::<u64>(0, 0x1122_3344_5566_7788);
    root.set_bool(64, true);
    root.pointer(0).unwrap().set_text("héllo").unwrap();
    root.pointer(1).unwrap().set_data(&[1, 0, 2]).unwrap();
    {
        let mut bits = root.pointer(2).unwrap().init_list(ElementSize::Bit, 11).unwrap();
        bits.set_bool(3, true).unwrap();
        bits.set_bool(10, true).unwrap();
    }
    {
        let mut structs = root.pointer(3).unwrap().init_struct_list(2, 1, 2).unwrap();
        for i in 0..2 {
            let mut s = structs.get_struct(i).unwrap();
            s.set::<u32>(1, 100 + i);
            s.pointer(0).unwrap().set_text("x").unwrap();
            s.pointer(1).unwrap().set_capability(i);
        }
    }
    {
        let mut pointers = root.pointer(4).unwrap().init_list(ElementSize::Pointer, 3).unwrap();
        {
            let mut ints = pointers.get_pointer(0).unwrap().init_list(ElementSize::FourBytes, 3).unwrap();
            ints.set::<i32>(2, -7).unwrap();
        }
        {
            let mut shorts = pointers.get_pointer(2).unwrap().init_list(ElementSize::TwoBytes, 2).unwrap();
            shorts.set::<u16>(0, 0xabcd).unwrap();
        }
    }
    {
        let mut child = root.pointer(5).unwrap().init_struct(1, 2);
        child.set::<f64>(0, 2.5);
        child.pointer(0).unwrap().init_list(ElementSize::Void, 4).unwrap();
        child.pointer(1).unwrap().init_struct(0, 0);
    }
    {
        let mut longs = root.pointer(6).unwrap().init_list(ElementSize::EightBytes, 1).unwrap();
        longs.set::<u64>(0, u64::MAX).unwrap();
    }
    message
}

fn valid_messages() -> Vec<Vec<u8>> {
    let one = rich_message(BuilderOptions::DEFAULT);
    let many = rich_message(BuilderOptions { first_segment_words: 2, allocation: AllocationStrategy::FixedSize });
    assert_eq!(one.segment_count(), 1);
    assert!(many.segment_count() > 4);
    let double_far = frame(&[
        &[fp(true, 0, 1)],
        &[fp(false, 0, 2), sp(0, 1, 2)],
        &[5, lp(1, ElementSize::Byte, 3), cap(2), u64::from_le_bytes(*b"ab\0\0\0\0\0\0")],
    ]);
    vec![one.to_bytes(), many.to_bytes(), double_far]
}

#[test]
fn the_valid_messages_read_without_errors() {
    for bytes in valid_messages() {
        assert_eq!(exercise_framed(&bytes), Some(true));
    }
}

#[test]
#[cfg_attr(miri, ignore = "tens of thousands of message walks: too slow under Miri")]
fn every_single_bit_flip_reads_or_fails_cleanly() {
    for bytes in valid_messages() {
        let (mut read, mut failed) = (0, 0);
        for bit in 0..bytes.len() * 8 {
            let mut mutated = bytes.clone();
            mutated[bit / 8] ^= 1 << (bit % 8);
            match exercise_framed(&mutated) {
                Some(true) => read += 1,
                _ => failed += 1,
            }
        }
        // Flipping a data bit keeps the message valid; flipping a high bit of a size does not.
        assert!(read > 0 && failed > 0, "{read} read, {failed} failed");
    }
}

#[test]
#[cfg_attr(miri, ignore = "tens of thousands of message walks: too slow under Miri")]
fn every_byte_value_at_pointer_positions_reads_or_fails_cleanly() {
    for bytes in valid_messages() {
        // Each of the first 32 bytes (the segment table and the first pointers), and every fifth
        // byte after them.
        let mut positions: Vec<usize> = (0..32).collect();
        positions.extend((32..bytes.len()).step_by(5));
        for &at in &positions {
            let mut outcomes = [0usize; 2];
            for value in 0..=255u8 {
                let mut mutated = bytes.clone();
                mutated[at] = value;
                outcomes[exercise_framed(&mutated).unwrap_or(false) as usize] += 1;
            }
            // The original value is among them and reads.
            assert!(outcomes[1] >= 1, "position {at}");
        }
    }
}

#[cfg(feature = "std")]
#[test]
#[cfg_attr(miri, ignore = "tens of thousands of message walks: too slow under Miri")]
fn bit_flips_of_packed_messages_unpack_or_fail_cleanly() {
    for bytes in valid_messages() {
        let packed = pack(&bytes);
        assert_eq!(unpack(&packed).unwrap(), bytes);
        let mut unpacked_ok = 0;
        for bit in 0..packed.len() * 8 {
            let mut mutated = packed.clone();
            mutated[bit / 8] ^= 1 << (bit % 8);
            match unpack(&mutated) {
                Ok(plain) => {
                    unpacked_ok += 1;
                    assert_eq!(plain.len() % 8, 0);
                    exercise_framed(&plain);
                }
                Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidPacked),
            }
            // The stream reader agrees with the slice one on every message it accepts.
            if let Ok(message) = read_packed_message(&mutated[..], options(1 << 14, 64)) {
                if let Ok(plain) = unpack(&mutated) {
                    let (framed, _) = MessageReader::from_bytes_prefix(&plain, options(1 << 14, 64)).unwrap();
                    assert!(message.reader().segments().eq(framed.segments()));
                }
            }
        }
        assert!(unpacked_ok > 0);
    }
}
