//! The builder never writes more segments than readers accept (`MAX_SEGMENTS`, 511, as the
//! reference and the capnp crate accept): past them its last segment grows, so whatever it
//! builds, capnzero's reader and the capnp crate's read back. And a packed stream reader gives
//! what arrived without waiting for bytes past it.

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

#[cfg(feature = "std")]
/// Gives its chunks one per read, then `WouldBlock` for ever (a non-blocking socket with
/// nothing more to read).
struct Chunks(Vec<Vec<u8>>);

#[cfg(feature = "std")]
impl std::io::Read for Chunks {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() {
            return Err(std::io::ErrorKind::WouldBlock.into());
        }
        let chunk = self.0.remove(0);
        assert!(chunk.len() <= buf.len(), "the test's chunks fit the buffer");
        buf[..chunk.len()].copy_from_slice(&chunk);
        Ok(chunk.len())
    }
}

#[cfg(feature = "std")]
#[test]
fn a_packed_reader_returns_what_arrived_without_waiting_for_more() {
    use std::io::Read;
    let mut message = MessageBuilder::default();
    message.init_root(2, 1).pointer(0).unwrap().set_text("packed").unwrap();
    let packed = capnzero_runtime::pack(&message.to_bytes());
    // The whole message arrives; the stream then has nothing more (WouldBlock).
    let stream = std::io::BufReader::new(Chunks(vec![packed.clone()]));
    let mut reader = capnzero_runtime::PackedRead::new(stream);
    let mut buf = vec![0u8; 4096];
    let n = reader.read(&mut buf).expect("what arrived, without asking the stream for more");
    assert_eq!(&buf[..n], &message.to_bytes()[..]);
    assert_eq!(reader.read(&mut buf).unwrap_err().kind(), std::io::ErrorKind::WouldBlock);
    // A message read from such a stream comes back whole; the next read says WouldBlock.
    let mut stream = std::io::BufReader::new(Chunks(vec![packed[..5].to_vec(), packed[5..].to_vec()]));
    let read = capnzero_runtime::read_packed_message(&mut stream, ReaderOptions::default()).unwrap();
    assert_eq!(read.as_bytes(), &message.to_bytes()[..]);
    let again = capnzero_runtime::read_packed_message(&mut stream, ReaderOptions::default());
    assert!(again.is_err());
}
