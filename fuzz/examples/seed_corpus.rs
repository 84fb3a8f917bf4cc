//! Writes the seed corpus of the `read_message` fuzz target: small valid messages covering
//! every pointer kind and element size, far and double-far pointers, several segments, the
//! flat and the packed encodings.
//!
//! `cargo run --example seed_corpus` (in `fuzz/`) rewrites the files named `seed-*` in
//! `corpus/read_message/`; inputs libFuzzer added there are left alone.

use std::fs;
use std::path::Path;

use capnzero_runtime::{
    canonicalize, pack, AllocationStrategy, BuilderOptions, ElementSize, MessageBuilder, MessageReader, ReaderOptions,
};

/// A struct pointer word.
fn sp(offset: i32, data_words: u16, ptr_count: u16) -> u64 {
    ((offset as u32) << 2) as u64 | (data_words as u64) << 32 | (ptr_count as u64) << 48
}

/// A list pointer word.
fn lp(offset: i32, size: ElementSize, count: u32) -> u64 {
    ((offset as u32) << 2) as u64 | 1 | (size as u64) << 32 | (count as u64) << 35
}

/// A far pointer word.
fn fp(double: bool, pad: u32, segment: u32) -> u64 {
    2 | (double as u64) << 2 | ((pad as u64) << 3) & 0xffff_ffff | (segment as u64) << 32
}

/// Segments given as words, framed.
fn frame(segments: &[&[u64]]) -> Vec<u8> {
    let mut out = (segments.len() as u32 - 1).to_le_bytes().to_vec();
    for segment in segments {
        out.extend_from_slice(&(segment.len() as u32).to_le_bytes());
    }
    if segments.len().is_multiple_of(2) {
        out.extend_from_slice(&[0; 4]);
    }
    for segment in segments {
        out.extend(segment.iter().flat_map(|w| w.to_le_bytes()));
    }
    out
}

fn small_segments(words: u32) -> BuilderOptions {
    BuilderOptions { first_segment_words: words, allocation: AllocationStrategy::FixedSize }
}

/// Every field and list kind in one message (capabilities only if `with_capabilities`: a
/// message with one has no canonical form).
fn rich_with(options: BuilderOptions, with_capabilities: bool) -> MessageBuilder {
    let mut message = MessageBuilder::new(options);
    let mut root = message.init_root(2, 8);
    root.set::<u64>(0, 0x0102_0304_0506_0708);
    root.set::<i16>(4, -2);
    root.set_bool(127, true);
    root.pointer(0).unwrap().set_text("seed ✓").unwrap();
    root.pointer(1).unwrap().set_data(&[0, 255, 1]).unwrap();
    {
        let mut bits = root.pointer(2).unwrap().init_list(ElementSize::Bit, 9).unwrap();
        bits.set_bool(0, true).unwrap();
        bits.set_bool(8, true).unwrap();
    }
    {
        let mut people = root.pointer(3).unwrap().init_struct_list(2, 1, 2).unwrap();
        for i in 0..2 {
            let mut person = people.get_struct(i).unwrap();
            person.set::<u32>(0, 10 + i);
            person.pointer(0).unwrap().set_text(if i == 0 { "ann" } else { "bo" }).unwrap();
            if with_capabilities {
                person.pointer(1).unwrap().set_capability(i);
            }
        }
    }
    {
        let mut lists = root.pointer(4).unwrap().init_list(ElementSize::Pointer, 3).unwrap();
        lists.get_pointer(0).unwrap().init_list(ElementSize::FourBytes, 2).unwrap().set::<i32>(1, -9).unwrap();
        lists.get_pointer(2).unwrap().init_list(ElementSize::TwoBytes, 3).unwrap().set::<u16>(0, 513).unwrap();
    }
    {
        let mut child = root.pointer(5).unwrap().init_struct(1, 2);
        child.set::<f64>(0, 0.5);
        child.pointer(0).unwrap().init_list(ElementSize::Void, 3).unwrap();
        child.pointer(1).unwrap().init_struct(0, 0);
    }
    root.pointer(6).unwrap().init_list(ElementSize::EightBytes, 1).unwrap().set::<u64>(0, u64::MAX).unwrap();
    root.pointer(7).unwrap().init_list(ElementSize::Byte, 2).unwrap().set::<i8>(1, -1).unwrap();
    message
}

fn rich(options: BuilderOptions) -> MessageBuilder {
    rich_with(options, true)
}

fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    let mut seeds = Vec::new();
    let mut add = |name: &'static str, bytes: Vec<u8>| seeds.push((name, bytes));

    add("empty", MessageBuilder::default().to_bytes());
    {
        let mut m = MessageBuilder::default();
        m.init_root(1, 0).set::<u64>(0, 42);
        add("struct-data-only", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        m.root().init_struct(0, 0);
        add("empty-struct", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        m.root().set_capability(3);
        add("capability", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        m.root().set_text("text at the root").unwrap();
        add("text", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        m.root().set_data(&[0xff, 0xfe, 0]).unwrap();
        add("data-invalid-utf8", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        let mut bits = m.root().init_list(ElementSize::Bit, 70).unwrap();
        for i in (0..70).step_by(3) {
            bits.set_bool(i, true).unwrap();
        }
        add("list-bool", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        m.root().init_list(ElementSize::Void, 1000).unwrap();
        add("list-void", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        let mut l = m.root().init_list(ElementSize::Pointer, 2).unwrap();
        l.get_pointer(0).unwrap().set_text("a").unwrap();
        l.get_pointer(1).unwrap().init_list(ElementSize::EightBytes, 2).unwrap().set::<i64>(1, -1).unwrap();
        add("list-of-lists", m.to_bytes());
    }
    {
        let mut m = MessageBuilder::default();
        m.root().init_struct_list(5, 0, 0).unwrap();
        add("list-zero-sized-structs", m.to_bytes());
    }
    {
        // A chain of 8 nested structs.
        let mut m = MessageBuilder::default();
        let mut s = m.init_root(1, 1);
        for depth in 0..8u64 {
            s.set::<u64>(0, depth);
            s = s.into_pointer(0).unwrap().init_struct(1, 1);
        }
        add("nested-chain", m.to_bytes());
    }
    add("rich-one-segment", rich(BuilderOptions::DEFAULT).to_bytes());
    let many = rich(small_segments(2));
    assert!(many.segment_count() > 4);
    add("rich-far-pointers", many.to_bytes());
    add(
        "rich-grow-heuristically",
        rich(BuilderOptions { first_segment_words: 4, allocation: AllocationStrategy::GrowHeuristically }).to_bytes(),
    );
    add("rich-flat", rich(BuilderOptions::DEFAULT).to_flat_bytes().unwrap());
    add("rich-packed", pack(&rich(BuilderOptions::DEFAULT).to_bytes()));
    add("rich-far-pointers-packed", pack(&many.to_bytes()));
    {
        let bytes = rich_with(small_segments(2), false).to_bytes();
        let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        add("rich-canonical-flat", canonicalize(reader.root()).unwrap());
    }
    // A double-far pointer to a struct with a text and a capability.
    add(
        "double-far",
        frame(&[
            &[fp(true, 0, 1)],
            &[fp(false, 0, 2), sp(0, 1, 2)],
            &[5, lp(1, ElementSize::Byte, 3), 3 | 7 << 32, u64::from_le_bytes(*b"ab\0\0\0\0\0\0")],
        ]),
    );
    // A double-far pointer to a struct list.
    add(
        "double-far-struct-list",
        frame(&[
            &[fp(true, 1, 1)],
            &[0, fp(false, 0, 2), lp(0, ElementSize::InlineComposite, 2)],
            &[sp(2, 1, 0), 7, 8],
        ]),
    );
    // A single far pointer whose landing pad points back into its segment.
    add(
        "far-pad",
        frame(&[
            &[fp(false, 1, 1)],
            &[0, sp(0, 1, 1), 9, lp(0, ElementSize::Byte, 8), u64::from_le_bytes(*b"abcdefg\0")],
        ]),
    );
    // Two messages back to back: from_bytes refuses the trailing bytes, the prefix reader does not.
    {
        let mut bytes = rich(BuilderOptions::DEFAULT).to_bytes();
        bytes.extend(MessageBuilder::default().to_bytes());
        add("two-messages", bytes);
    }
    seeds
}

/// Each seed is a valid message: walking it meets no error.
fn assert_valid(name: &str, bytes: &[u8]) {
    let plain = if name.ends_with("-packed") { capnzero_runtime::unpack(bytes).unwrap() } else { bytes.to_vec() };
    let message = if name.ends_with("-flat") {
        MessageReader::from_flat(&plain, capnzero_fuzz::OPTIONS).unwrap()
    } else {
        MessageReader::from_bytes_prefix(&plain, capnzero_fuzz::OPTIONS).unwrap().0
    };
    let mut walk = capnzero_fuzz::Walk::default();
    walk.pointer(message.root());
    assert!(walk.errors.is_empty(), "{name}: {:?}", walk.errors);
    assert!(message.root().is_null() || walk.visits > 1, "{name}");
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/read_message");
    fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in corpus() {
        capnzero_fuzz::check(&bytes);
        assert_valid(name, &bytes);
        let path = dir.join(format!("seed-{name}"));
        fs::write(&path, &bytes).unwrap();
        println!("{:5} bytes  {}", bytes.len(), path.display());
    }
}
