//! The builder never writes more segments than readers accept (`MAX_SEGMENTS`, 511, as the
//! reference and the capnp crate accept): past them its last segment grows, so whatever it
//! builds, capnzero's reader and the capnp crate's read back.

use capnzero_runtime::{
    AllocationStrategy, BuilderOptions, MessageBuilder, MessageReader, ReaderOptions, MAX_SEGMENTS,
};

/// A root with a list of `n` texts, in segments of one word each while it can.
fn many_texts(n: u32) -> MessageBuilder {
    let options = BuilderOptions { first_segment_words: 1, allocation: AllocationStrategy::FixedSize };
    let mut message = MessageBuilder::new(options);
    let root = message.init_root(0, 1);
    let mut list = root.into_pointer(0).unwrap().init_list(capnzero_runtime::ElementSize::Pointer, n).unwrap();
    for i in 0..n {
        list.get_pointer(i).unwrap().set_text(&format!("text number {i}")).unwrap();
    }
    message
}

fn read_back(message: &MessageBuilder, n: u32) {
    let bytes = message.to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).expect("capnzero reads what it built");
    assert!(reader.segment_count() <= MAX_SEGMENTS);
    let root = reader.root().get_struct().unwrap().unwrap();
    let list = root.pointer(0).get_list(capnzero_runtime::ElementSize::Pointer).unwrap().unwrap();
    assert_eq!(list.len(), n);
    for i in [0, n / 2, n - 1] {
        assert_eq!(
            list.get_pointer(i).unwrap().get_text().unwrap().unwrap().as_str().unwrap(),
            format!("text number {i}")
        );
    }
    // The capnp crate, with its default limits (fewer than 512 segments among them), reads it and walks
    // all of it.
    let message =
        capnp::serialize::read_message(&mut &bytes[..], capnp::message::ReaderOptions::new()).expect("capnp reads it");
    let root: capnp::any_pointer::Reader = message.get_root().unwrap();
    assert!(root.target_size().unwrap().word_count > u64::from(n));
}

#[test]
fn a_builder_stops_at_511_segments_and_grows_the_last() {
    // 2,000 texts in one-word segments would be some 2,000 segments.
    let message = many_texts(2000);
    assert_eq!(message.segment_count(), MAX_SEGMENTS);
    read_back(&message, 2000);
}

#[test]
fn below_the_limit_nothing_changes() {
    // 200 texts: some 200 segments, each still its own.
    let message = many_texts(200);
    assert!(message.segment_count() > 150 && message.segment_count() < MAX_SEGMENTS, "{}", message.segment_count());
    read_back(&message, 200);
}

#[cfg(feature = "std")]
#[test]
fn readers_take_511_segments_and_refuse_512() {
    // Tables of `count` empty segments (the first holding a null root) and nothing else.
    let framed = |count: u32| {
        let mut bytes = (count - 1).to_le_bytes().to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        for _ in 1..count {
            bytes.extend_from_slice(&0u32.to_le_bytes());
        }
        if bytes.len() % 8 != 0 {
            bytes.extend_from_slice(&[0; 4]);
        }
        bytes.extend_from_slice(&[0; 8]);
        bytes
    };
    let ok = framed(511);
    assert_eq!(MessageReader::from_bytes(&ok, ReaderOptions::default()).unwrap().segment_count(), 511);
    assert!(capnp::serialize::read_message(&mut &ok[..], capnp::message::ReaderOptions::new()).is_ok());
    let too_many = framed(512);
    assert!(MessageReader::from_bytes(&too_many, ReaderOptions::default()).is_err());
    assert!(capnp::serialize::read_message(&mut &too_many[..], capnp::message::ReaderOptions::new()).is_err());
    assert!(capnzero_runtime::read_message(&too_many[..], ReaderOptions::default()).is_err());
}
