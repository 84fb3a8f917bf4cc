//! Building messages with every field and list kind, then reading them back, in one segment
//! and spread over many (far pointers), plus copies, compaction and framing.

use capnzero_runtime::*;

/// Root struct: 3 data words, 12 pointers.
/// data: u64 @0, i32 @2 (bytes 8..12), u16 @6 (bytes 12..14), u8 @14 (byte 14), bool bit 120,
///       f64 @2 (bytes 16..24)
/// pointers: 0 text, 1 data, 2 List(Bool), 3 List(Int8), 4 List(Int16), 5 List(Int32),
///           6 List(Float64), 7 List(Text), 8 List(Struct), 9 List(List(Int32)), 10 child struct,
///           11 List(Void)
fn build(message: &mut MessageBuilder) {
    let mut root = message.init_root(3, 12);
    root.set::<u64>(0, 0x0123_4567_89ab_cdef);
    root.set::<i32>(2, -123_456);
    root.set::<u16>(6, 65_000);
    root.set::<u8>(14, 200);
    root.set_bool(120, true);
    root.set::<f64>(2, -2.5);
    root.pointer(0).unwrap().set_text("hello, wörld").unwrap();
    root.pointer(1).unwrap().set_data(&[0, 1, 2, 255]).unwrap();
    {
        let mut bools = root.pointer(2).unwrap().init_list(ElementSize::Bit, 70).unwrap();
        for i in 0..70 {
            bools.set_bool(i, i % 3 == 0).unwrap();
        }
    }
    {
        let mut l = root.pointer(3).unwrap().init_list(ElementSize::Byte, 5).unwrap();
        for i in 0..5 {
            l.set::<i8>(i, -(i as i8)).unwrap();
        }
    }
    {
        let mut l = root.pointer(4).unwrap().init_list(ElementSize::TwoBytes, 3).unwrap();
        for i in 0..3 {
            l.set::<i16>(i, 1000 * i as i16 - 1).unwrap();
        }
    }
    {
        let mut l = root.pointer(5).unwrap().init_list(ElementSize::FourBytes, 4).unwrap();
        for i in 0..4 {
            l.set::<i32>(i, i as i32 * 7).unwrap();
        }
    }
    {
        let mut l = root.pointer(6).unwrap().init_list(ElementSize::EightBytes, 2).unwrap();
        l.set::<f64>(0, 1.5).unwrap();
        l.set::<f64>(1, f64::INFINITY).unwrap();
    }
    {
        let mut l = root.pointer(7).unwrap().init_list(ElementSize::Pointer, 3).unwrap();
        l.get_pointer(0).unwrap().set_text("a").unwrap();
        l.get_pointer(2).unwrap().set_text("ccc").unwrap();
    }
    {
        let mut l = root.pointer(8).unwrap().init_struct_list(3, 1, 1).unwrap();
        for i in 0..3 {
            let mut s = l.get_struct(i).unwrap();
            s.set::<u32>(0, i * 10);
            s.pointer(0).unwrap().set_text(&format!("item {i}")).unwrap();
        }
    }
    {
        let mut outer = root.pointer(9).unwrap().init_list(ElementSize::Pointer, 2).unwrap();
        for i in 0..2u32 {
            let mut inner = outer.get_pointer(i).unwrap().init_list(ElementSize::FourBytes, i + 1).unwrap();
            for j in 0..=i {
                inner.set::<i32>(j, (i * 100 + j) as i32).unwrap();
            }
        }
    }
    {
        let mut child = root.pointer(10).unwrap().init_struct(1, 0);
        child.set::<i64>(0, -1);
    }
    root.pointer(11).unwrap().init_list(ElementSize::Void, 1000).unwrap();
}

fn check(message: &MessageReader<'_>) {
    let root = message.root_struct().unwrap();
    assert_eq!(root.get::<u64>(0), 0x0123_4567_89ab_cdef);
    assert_eq!(root.get::<i32>(2), -123_456);
    assert_eq!(root.get::<u16>(6), 65_000);
    assert_eq!(root.get::<u8>(14), 200);
    assert!(root.get_bool(120));
    assert!(!root.get_bool(121));
    assert_eq!(root.get::<f64>(2), -2.5);
    assert_eq!(root.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "hello, wörld");
    assert_eq!(root.pointer(1).get_data().unwrap().unwrap(), &[0, 1, 2, 255]);
    let bools = root.pointer(2).get_list(ElementSize::Bit).unwrap().unwrap();
    assert_eq!(bools.len(), 70);
    for i in 0..70 {
        assert_eq!(bools.get_bool(i), Some(i % 3 == 0), "bool {i}");
    }
    assert_eq!(bools.get_bool(70), None);
    let l = root.pointer(3).get_list(ElementSize::Byte).unwrap().unwrap();
    assert_eq!((0..5).map(|i| l.get::<i8>(i).unwrap()).collect::<Vec<_>>(), [0, -1, -2, -3, -4]);
    let l = root.pointer(4).get_list(ElementSize::TwoBytes).unwrap().unwrap();
    assert_eq!((0..3).map(|i| l.get::<i16>(i).unwrap()).collect::<Vec<_>>(), [-1, 999, 1999]);
    let l = root.pointer(5).get_list(ElementSize::FourBytes).unwrap().unwrap();
    assert_eq!((0..4).map(|i| l.get::<i32>(i).unwrap()).collect::<Vec<_>>(), [0, 7, 14, 21]);
    let l = root.pointer(6).get_list(ElementSize::EightBytes).unwrap().unwrap();
    assert_eq!(l.get::<f64>(0), Some(1.5));
    assert_eq!(l.get::<f64>(1), Some(f64::INFINITY));
    let l = root.pointer(7).get_list(ElementSize::Pointer).unwrap().unwrap();
    assert_eq!(l.get_pointer(0).unwrap().get_text().unwrap().unwrap().as_str().unwrap(), "a");
    assert!(l.get_pointer(1).unwrap().get_text().unwrap().is_none());
    assert_eq!(l.get_pointer(2).unwrap().get_text().unwrap().unwrap().as_str().unwrap(), "ccc");
    let l = root.pointer(8).get_list(ElementSize::InlineComposite).unwrap().unwrap();
    assert_eq!(l.len(), 3);
    for (i, s) in l.structs().enumerate() {
        assert_eq!(s.get::<u32>(0), i as u32 * 10);
        assert_eq!(s.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), format!("item {i}"));
    }
    let outer = root.pointer(9).get_list(ElementSize::Pointer).unwrap().unwrap();
    for i in 0..2u32 {
        let inner = outer.get_pointer(i).unwrap().get_list(ElementSize::FourBytes).unwrap().unwrap();
        assert_eq!(inner.len(), i + 1);
        for j in 0..=i {
            assert_eq!(inner.get::<i32>(j), Some((i * 100 + j) as i32));
        }
    }
    let child = root.pointer(10).get_struct().unwrap().unwrap();
    assert_eq!(child.get::<i64>(0), -1);
    let voids = root.pointer(11).get_list(ElementSize::Void).unwrap().unwrap();
    assert_eq!(voids.len(), 1000);
}

#[test]
fn one_segment_round_trip() {
    let mut message = MessageBuilder::default();
    build(&mut message);
    assert_eq!(message.segment_count(), 1);
    check(&message.as_reader());
    let bytes = message.to_bytes();
    check(&MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap());
    let flat = message.to_flat_bytes().unwrap();
    check(&MessageReader::from_flat(&flat, ReaderOptions::default()).unwrap());
}

#[test]
fn many_segments_use_far_pointers_and_read_back() {
    for first in [1, 2, 3, 5, 8] {
        let mut message = MessageBuilder::new(BuilderOptions {
            first_segment_words: first,
            allocation: AllocationStrategy::FixedSize,
        });
        build(&mut message);
        assert!(message.segment_count() > 5, "first segment {first}: {} segments", message.segment_count());
        check(&message.as_reader());
        let bytes = message.to_bytes();
        let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        assert_eq!(reader.segment_count(), message.segment_count());
        check(&reader);
        // Flat output copies the message into one segment.
        let flat = message.to_flat_bytes().unwrap();
        check(&MessageReader::from_flat(&flat, ReaderOptions::default()).unwrap());
        // A compact copy is one segment and compact.
        let compacted = compact(reader.root()).unwrap();
        assert_eq!(compacted.segment_count(), 1);
        let compacted_reader = compacted.as_reader();
        check(&compacted_reader);
        assert!(is_compact(&compacted_reader.root_struct().unwrap()).unwrap());
        assert!(!is_compact(&reader.root_struct().unwrap()).unwrap());
    }
}

#[test]
fn a_cleared_builder_builds_the_next_message_in_its_memory() {
    // One segment: cleared in place, and the next message is the same bytes as a fresh one.
    let mut fresh = MessageBuilder::default();
    build(&mut fresh);
    let expected = fresh.to_bytes();
    let mut reused = MessageBuilder::default();
    build(&mut reused);
    reused.clear();
    assert_eq!(reused.to_bytes(), MessageBuilder::default().to_bytes());
    assert!(reused.as_reader().root_struct().is_ok_and(|root| root.data_section().is_empty()));
    build(&mut reused);
    assert_eq!(reused.to_bytes(), expected);

    // Many segments: cleared into one segment holding them all, which the next message fits.
    let options = BuilderOptions { first_segment_words: 4, allocation: AllocationStrategy::FixedSize };
    let mut spilled = MessageBuilder::new(options);
    build(&mut spilled);
    assert!(spilled.segment_count() > 5);
    spilled.clear();
    assert_eq!(spilled.segment_count(), 1);
    assert_eq!(spilled.to_bytes(), MessageBuilder::default().to_bytes());
    build(&mut spilled);
    assert_eq!(spilled.segment_count(), 1);
    check(&spilled.as_reader());
    assert_eq!(spilled.to_bytes(), expected);
}

#[test]
fn deep_copy_between_messages() {
    let mut source =
        MessageBuilder::new(BuilderOptions { first_segment_words: 4, allocation: AllocationStrategy::FixedSize });
    build(&mut source);
    let bytes = source.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let mut copy = MessageBuilder::default();
    copy.root().set_copy_of(reader.root()).unwrap();
    check(&copy.as_reader());
    assert_eq!(copy.segment_count(), 1);
}

#[test]
fn growing_an_existing_struct_keeps_its_fields_and_children() {
    let mut message =
        MessageBuilder::new(BuilderOptions { first_segment_words: 3, allocation: AllocationStrategy::FixedSize });
    {
        let mut root = message.init_root(1, 1);
        root.set::<u32>(1, 77);
        root.pointer(0).unwrap().set_text("kept").unwrap();
    }
    {
        let mut root = message.root().get_struct(2, 3).unwrap();
        assert_eq!(root.data_words(), 2);
        assert_eq!(root.pointer_count(), 3);
        assert_eq!(root.get::<u32>(1), 77);
        root.set::<u64>(1, 5);
        root.pointer(2).unwrap().set_text("new").unwrap();
    }
    let reader = message.as_reader();
    let root = reader.root_struct().unwrap();
    assert_eq!(root.get::<u32>(1), 77);
    assert_eq!(root.get::<u64>(1), 5);
    assert_eq!(root.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "kept");
    assert_eq!(root.pointer(2).get_text().unwrap().unwrap().as_str().unwrap(), "new");
}

#[test]
fn overwriting_a_pointer_zeroes_the_old_object() {
    let mut message = MessageBuilder::default();
    {
        let mut root = message.init_root(0, 1);
        root.pointer(0).unwrap().set_text("secret").unwrap();
        root.pointer(0).unwrap().set_text("x").unwrap();
    }
    let bytes = message.to_bytes();
    assert!(!bytes.windows(6).any(|w| w == b"secret"));
    let reader = message.as_reader();
    assert_eq!(reader.root_struct().unwrap().pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "x");
}

#[test]
fn empty_struct_pointers_are_not_null() {
    let mut message = MessageBuilder::default();
    {
        let mut root = message.init_root(0, 1);
        root.pointer(0).unwrap().init_struct(0, 0);
    }
    let reader = message.as_reader();
    let p = reader.root_struct().unwrap().pointer(0);
    assert!(!p.is_null());
    assert_eq!(p.raw_word(), 0xffff_fffc);
    let s = p.get_struct().unwrap().unwrap();
    assert_eq!((s.data_words(), s.pointer_count()), (0, 0));
}

#[cfg(feature = "std")]
#[test]
fn framed_streams_round_trip_plain_and_packed() {
    let mut messages = Vec::new();
    for first in [1024, 2] {
        let mut m = MessageBuilder::new(BuilderOptions {
            first_segment_words: first,
            allocation: AllocationStrategy::GrowHeuristically,
        });
        build(&mut m);
        messages.push(m);
    }
    let mut plain = Vec::new();
    let mut packed = Vec::new();
    for m in &messages {
        write_message(&mut plain, m).unwrap();
        write_packed_message(&mut packed, m).unwrap();
    }
    let read: Vec<OwnedMessage> = read_messages(&plain[..], ReaderOptions::default()).collect::<Result<_>>().unwrap();
    assert_eq!(read.len(), 2);
    for m in &read {
        check(&m.reader());
    }
    let read: Vec<OwnedMessage> =
        read_packed_messages(&packed[..], ReaderOptions::default()).collect::<Result<_>>().unwrap();
    assert_eq!(read.len(), 2);
    for m in &read {
        check(&m.reader());
    }
    assert_eq!(unpack(&packed).unwrap(), plain);
    // Truncation anywhere but a message boundary is an error.
    for cut in [1, 7, 9, plain.len() / 2 + 1, plain.len() - 1] {
        let results: Vec<Result<OwnedMessage>> = read_messages(&plain[..cut], ReaderOptions::default()).collect();
        assert!(results.last().unwrap().is_err(), "cut at {cut}");
    }
    for cut in [1, 3, packed.len() - 1] {
        let results: Vec<Result<OwnedMessage>> =
            read_packed_messages(&packed[..cut], ReaderOptions::default()).collect();
        assert!(results.last().unwrap().is_err(), "packed cut at {cut}");
    }
}

#[test]
fn total_size_counts_every_reachable_word() {
    let mut message = MessageBuilder::default();
    {
        let mut root = message.init_root(1, 2);
        root.pointer(0).unwrap().set_text("abc").unwrap(); // 1 word
        let mut list = root.pointer(1).unwrap().init_struct_list(2, 1, 1).unwrap(); // 1 tag + 4
        list.get_struct(1).unwrap().pointer(0).unwrap().set_data(&[1; 9]).unwrap();
        // 2 words
    }
    let reader = message.as_reader();
    assert_eq!(reader.root().total_size().unwrap(), 3 + 1 + 5 + 2);
    assert_eq!(message.segments()[0].len() / 8, 1 + 3 + 1 + 5 + 2);
}

/// Regression: a message built here, nested deeper than the default nesting limit and spread
/// over many segments, could not be written flat (`as_reader` read it with a nesting limit of 64).
#[test]
fn deep_multi_segment_messages_write_flat() {
    let mut message =
        MessageBuilder::new(BuilderOptions { first_segment_words: 8, allocation: AllocationStrategy::FixedSize });
    let mut node = message.init_root(1, 1);
    for depth in 0..200u64 {
        node.set::<u64>(0, depth);
        node = node.into_pointer(0).unwrap().init_struct(1, 1);
    }
    assert!(message.segments().len() > 10);
    let flat = message.to_flat_bytes().unwrap();
    let reader =
        MessageReader::from_flat(&flat, ReaderOptions { traversal_limit_words: 1 << 20, nesting_limit: 300 }).unwrap();
    let mut node = reader.root_struct().unwrap();
    for depth in 0..200u64 {
        assert_eq!(node.get::<u64>(0), depth);
        node = node.pointer(0).get_struct().unwrap().unwrap();
    }
}

#[test]
fn struct_elements_are_the_elements_get_struct_gives() {
    // Root pointers: 0 a struct list (2 data words, 1 pointer), 1 a UInt16 list, 2 a Text
    // list, 3 a Void list: each read as structs, element by element and by iteration.
    let mut message = MessageBuilder::default();
    let mut root = message.init_root(0, 4);
    {
        let mut items = root.pointer(0).unwrap().init_struct_list(3, 2, 1).unwrap();
        for i in 0..3 {
            let mut item = items.get_struct(i).unwrap();
            item.set::<u64>(0, 100 + i as u64);
            item.set::<u64>(1, 200 + i as u64);
            item.pointer(0).unwrap().set_text(["a", "bb", "ccc"][i as usize]).unwrap();
        }
    }
    {
        let mut shorts = root.pointer(1).unwrap().init_list(ElementSize::TwoBytes, 5).unwrap();
        for i in 0..5 {
            shorts.set::<u16>(i, 7 * i as u16 + 1).unwrap();
        }
    }
    {
        let mut texts = root.pointer(2).unwrap().init_list(ElementSize::Pointer, 2).unwrap();
        texts.get_pointer(0).unwrap().set_text("x").unwrap();
        texts.get_pointer(1).unwrap().set_text("yz").unwrap();
    }
    root.pointer(3).unwrap().init_list(ElementSize::Void, 4).unwrap();
    let bytes = message.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let root = reader.root_struct().unwrap();

    let text_of = |s: &StructReader<'_>| s.pointer(0).get_text().unwrap().map(|t| t.as_str().unwrap().to_string());
    let mut seen = Vec::new();
    for index in 0..4 {
        let list = root.pointer(index).get_list(ElementSize::InlineComposite).unwrap().unwrap();
        let elements: Vec<StructReader<'_>> = list.struct_elements().collect();
        assert_eq!(list.struct_elements().len(), list.len() as usize);
        assert_eq!(elements.len(), list.len() as usize);
        for (i, element) in elements.iter().enumerate() {
            let expected = list.get_struct(i as u32).unwrap();
            assert_eq!(element.data_section(), expected.data_section());
            assert_eq!(element.pointer_count(), expected.pointer_count());
            if element.pointer_count() > 0 {
                assert_eq!(text_of(element), text_of(&expected));
            }
            seen.push((element.data_section().to_vec(), element.pointer_count()));
        }
    }
    // The values, not only agreement: the struct list, the UInt16 list as one-field structs,
    // the Text list as structs whose pointer is the text, and Void elements as empty structs.
    let struct_list = root.pointer(0).get_list(ElementSize::InlineComposite).unwrap().unwrap();
    let firsts: Vec<u64> =
        struct_list.struct_elements().map(|s| u64::from_le_bytes(s.data_section()[..8].try_into().unwrap())).collect();
    assert_eq!(firsts, [100, 101, 102]);
    let texts: Vec<Option<String>> = struct_list.struct_elements().map(|s| text_of(&s)).collect();
    assert_eq!(texts, [Some("a".into()), Some("bb".into()), Some("ccc".into())]);
    assert_eq!(seen[3], (vec![1, 0], 0));
    assert_eq!(seen[7], (vec![29, 0], 0));
    assert_eq!(seen[8], (vec![], 1));
    assert_eq!(seen[10..], [(vec![], 0), (vec![], 0), (vec![], 0), (vec![], 0)]);
}
