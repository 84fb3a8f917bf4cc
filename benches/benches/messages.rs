//! Message-level benchmarks, each with three contestants on the same data: `plain` (Rust
//! structs or bytes, the limit), `capnzero` and `capnp` (the `capnp` crate). `cargo bench -p
//! capnzero-benchmarks --bench messages`; CI smoke-runs them with `-- --sample-count 1
//! --sample-size 1`.
//!
//! Whole messages this time: deep copies, loading a stream of messages from a file or a socket,
//! `dumps` of a struct, opening a message, packing and unpacking. Every contestant's result is
//! checked once before it is timed, so a broken one cannot look fast.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;

use capnp::message::{ReaderOptions, ReaderSegments};
use capnzero::Struct;
use capnzero_benchmarks::{bench_capnp, fields_bytes, plain, points, points_bytes, zero};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// The `capnp` crate's options for messages read again and again: no traversal limit, which
/// repeated reads of one message would otherwise run out of.
fn capnp_unlimited() -> ReaderOptions {
    *ReaderOptions::new().traversal_limit_in_words(None)
}

/// A message the `capnp` crate reads from `bytes` (copied into its own segments), without a
/// traversal limit.
fn capnp_message(bytes: &[u8]) -> capnp::message::Reader<capnp::serialize::OwnedSegments> {
    capnp::serialize::read_message(&mut &bytes[..], capnp_unlimited()).expect("the benchmark message reads")
}

/// A message capnzero reads from `bytes` in place, without a traversal limit.
fn zero_message<T: capnzero::Struct>(bytes: &[u8]) -> capnzero::TypedMessage<'_, T> {
    capnzero::read_with_options::<T>(bytes, capnzero::ReaderOptions::UNLIMITED).expect("the benchmark message reads")
}

/// The root of a message capnzero built, as a `T` view.
fn built_root<'a, T: Struct>(message: &'a capnzero::MessageReader<'a>) -> T::Reader<'a> {
    T::wrap_reader(message.root_struct().expect("the copy has a struct root"))
}

/// Deep copy of a complete binary tree of `Tree` into a new message.
mod deep_copy {
    use super::*;

    const DEPTH: u32 = 12;
    const NODES: i64 = (1 << DEPTH) - 1;
    /// The values are the nodes' indexes 0..NODES.
    const SUM: i64 = NODES * (NODES - 1) / 2;

    /// The subtree at `index`, numbered breadth-first: the children of node i are 2i+1 and 2i+2.
    fn plain_tree(index: i64) -> plain::Tree {
        let child = |i: i64| (i < NODES).then(|| Box::new(plain_tree(i)));
        plain::Tree { value: index, left: child(2 * index + 1), right: child(2 * index + 2) }
    }

    fn zero_tree(tree: &plain::Tree) -> zero::Tree {
        let child = |c: &Option<Box<plain::Tree>>| c.as_deref().map(|c| Box::new(zero_tree(c)));
        zero::Tree { value: tree.value, left: child(&tree.left), right: child(&tree.right) }
    }

    fn bytes() -> Vec<u8> {
        capnzero::to_bytes(&zero_tree(&plain_tree(0))).expect("the tree is writable")
    }

    /// (nodes, sum of values) of each contestant's tree.
    fn count_plain(tree: &plain::Tree) -> (i64, i64) {
        [&tree.left, &tree.right].into_iter().flatten().map(|c| count_plain(c)).fold((1, tree.value), add)
    }

    fn count_zero(tree: zero::TreeReader<'_>) -> (i64, i64) {
        [tree.left(), tree.right()].into_iter().flatten().map(count_zero).fold((1, tree.value()), add)
    }

    fn count_capnp(tree: bench_capnp::tree::Reader<'_>) -> (i64, i64) {
        let left = tree.has_left().then(|| tree.get_left().expect("the left subtree reads"));
        let right = tree.has_right().then(|| tree.get_right().expect("the right subtree reads"));
        [left, right].into_iter().flatten().map(count_capnp).fold((1, tree.get_value()), add)
    }

    fn add(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
        (a.0 + b.0, a.1 + b.1)
    }

    #[divan::bench]
    fn plain(bencher: Bencher) {
        let tree = Box::new(plain_tree(0));
        assert_eq!(count_plain(&tree.clone()), (NODES, SUM));
        bencher.bench_local(|| black_box(&tree).clone());
    }

    #[divan::bench]
    fn capnzero(bencher: Bencher) {
        let bytes = bytes();
        let message = zero_message::<zero::Tree>(&bytes);
        let root = message.root();
        let copy = |root: zero::TreeReader<'_>| -> capnzero::Result<capnzero::MessageBuilder> {
            let mut copy = capnzero::MessageBuilder::default();
            capnzero::copy_struct::<zero::Tree>(copy.root(), root)?;
            Ok(copy)
        };
        let first = copy(root).expect("the tree copies");
        assert_eq!(count_zero(built_root::<zero::Tree>(&first.as_reader())), (NODES, SUM));
        bencher.bench_local(|| copy(black_box(root)));
    }

    #[divan::bench]
    fn capnp(bencher: Bencher) {
        let message = capnp_message(&bytes());
        let root = message.get_root::<bench_capnp::tree::Reader>().expect("the root reads");
        let copy = |root: bench_capnp::tree::Reader<'_>| -> capnp::Result<capnp::message::Builder<capnp::message::HeapAllocator>> {
            let mut copy = capnp::message::Builder::new_default();
            copy.set_root::<bench_capnp::tree::Owned>(root)?;
            Ok(copy)
        };
        let first = copy(root).expect("the tree copies");
        assert_eq!(count_capnp(first.get_root_as_reader().expect("the copy reads")), (NODES, SUM));
        bencher.bench_local(|| copy(black_box(root)));
    }
}

/// How many messages the stream benchmarks load.
const STREAM_MESSAGES: i64 = 500_000;
/// (messages, sum of `x`) of the stream: `x` is the message's index.
const STREAM_TOTAL: (i64, i64) = (STREAM_MESSAGES, STREAM_MESSAGES * (STREAM_MESSAGES - 1) / 2);

/// The stream's messages, framed one after another: a `Point` `(i, 2i, 3i)` each.
fn stream_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    // One builder for all messages: `clear` keeps its memory, so making the data stays quick.
    let mut builder = capnzero::MessageBuilder::default();
    for i in 0..STREAM_MESSAGES {
        builder.clear();
        let mut point = capnzero::init_root::<zero::Point>(&mut builder);
        point.set_x(i);
        point.set_y(2 * i);
        point.set_z(3 * i);
        capnzero::write_message(&mut out, &builder).expect("a Vec takes every write");
    }
    out
}

/// The same points as 24-byte records (x, y, z little-endian), plain's stream.
fn plain_stream_bytes() -> Vec<u8> {
    points(STREAM_MESSAGES).iter().flat_map(|p| [p.x, p.y, p.z]).flat_map(i64::to_le_bytes).collect()
}

/// Loads every message of a capnzero stream; (messages, sum of `x`).
fn load_zero<R: Read>(reader: R) -> capnzero::Result<(i64, i64)> {
    let mut total = (0, 0);
    for message in capnzero::load_all::<zero::Point, _>(reader) {
        let message = message?;
        total.0 += 1;
        total.1 += message.reader().root().x();
    }
    Ok(total)
}

/// Loads every message of a stream with the `capnp` crate; (messages, sum of `x`).
fn load_capnp<R: Read>(mut reader: R) -> capnp::Result<(i64, i64)> {
    let mut total = (0, 0);
    while let Some(message) = capnp::serialize::try_read_message(&mut reader, ReaderOptions::new())? {
        total.0 += 1;
        total.1 += message.get_root::<bench_capnp::point::Reader>()?.get_x();
    }
    Ok(total)
}

/// Reads every record of a plain stream into a `plain::Point`; (records, sum of `x`).
/// Bytes left over that do not make a whole record are an error.
fn load_plain<R: BufRead>(mut reader: R) -> io::Result<(i64, i64)> {
    let mut total = (0, 0);
    let mut record = [0u8; 24];
    loop {
        if reader.fill_buf()?.is_empty() {
            return Ok(total);
        }
        reader.read_exact(&mut record)?;
        let int = |at: usize| i64::from_le_bytes(record[at..at + 8].try_into().expect("8 bytes"));
        let point = plain::Point { x: int(0), y: int(8), z: int(16) };
        total.0 += 1;
        total.1 += black_box(point).x;
    }
}

/// A file in the temporary directory holding some bytes, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("capnzero-bench-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("the temporary directory is writable");
        TempFile(path)
    }

    fn open(&self) -> BufReader<std::fs::File> {
        BufReader::new(std::fs::File::open(&self.0).expect("the temporary file opens"))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// 500,000 small messages, read from a file. Each run takes tens of milliseconds, so a
/// sample is one run.
mod load_file {
    use super::*;

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn plain(bencher: Bencher) {
        let file = TempFile::new("load_file_plain", &plain_stream_bytes());
        assert_eq!(load_plain(file.open()).expect("the file reads"), STREAM_TOTAL);
        bencher.bench_local(|| load_plain(file.open()));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn capnzero(bencher: Bencher) {
        let file = TempFile::new("load_file_capnzero", &stream_bytes());
        assert_eq!(load_zero(file.open()).expect("the file loads"), STREAM_TOTAL);
        bencher.bench_local(|| load_zero(file.open()));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn capnp(bencher: Bencher) {
        let file = TempFile::new("load_file_capnp", &stream_bytes());
        assert_eq!(load_capnp(file.open()).expect("the file loads"), STREAM_TOTAL);
        bencher.bench_local(|| load_capnp(file.open()));
    }
}

/// Sends `bytes` over a new loopback connection from a writer thread and gives the reading
/// end to `load`; the writer is done when this returns.
fn over_tcp<T>(listener: &TcpListener, bytes: &[u8], load: impl FnOnce(BufReader<TcpStream>) -> T) -> T {
    let address = listener.local_addr().expect("the listener has an address");
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || TcpStream::connect(address)?.write_all(bytes));
        let (stream, _) = listener.accept().expect("the writer connects");
        let loaded = load(BufReader::new(stream));
        writer.join().expect("the writer thread does not panic").expect("the writer sends everything");
        loaded
    })
}

/// The same 500,000 messages through a loopback TCP connection; the timed part includes the
/// writer thread's start and the connection (tens of microseconds, against tens of
/// milliseconds).
mod load_tcp {
    use super::*;

    fn listener() -> TcpListener {
        TcpListener::bind("127.0.0.1:0").expect("a loopback port is free")
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn plain(bencher: Bencher) {
        let (listener, bytes) = (listener(), plain_stream_bytes());
        assert_eq!(over_tcp(&listener, &bytes, load_plain).expect("the stream reads"), STREAM_TOTAL);
        bencher.bench_local(|| over_tcp(&listener, &bytes, load_plain));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn capnzero(bencher: Bencher) {
        let (listener, bytes) = (listener(), stream_bytes());
        assert_eq!(over_tcp(&listener, &bytes, load_zero).expect("the stream loads"), STREAM_TOTAL);
        bencher.bench_local(|| over_tcp(&listener, &bytes, load_zero));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn capnp(bencher: Bencher) {
        let (listener, bytes) = (listener(), stream_bytes());
        assert_eq!(over_tcp(&listener, &bytes, load_capnp).expect("the stream loads"), STREAM_TOTAL);
        bencher.bench_local(|| over_tcp(&listener, &bytes, load_capnp));
    }
}

/// capnpy's `dumps()`: a struct to the framed bytes of a message whose root is a copy of it.
/// `plain` copies the bytes capnzero gives (the limit: one allocation and a `memcpy`).
mod dumps {
    use super::*;

    /// The `capnp` crate's `dumps()`: a new message with a copy of the struct, framed.
    fn capnp_dumps<'a, T>(reader: T::Reader<'a>) -> capnp::Result<Vec<u8>>
    where
        T: capnp::traits::Owned,
        T::Reader<'a>: capnp::traits::SetterInput<T>,
    {
        let mut message = capnp::message::Builder::new_default();
        message.set_root::<T>(reader)?;
        Ok(capnp::serialize::write_message_to_words(&message))
    }

    /// A `Fields` message's root: compact (its children follow it in pointer order), so
    /// capnzero copies its words as they are.
    mod compact_root {
        use super::*;

        fn capnzero_bytes() -> Vec<u8> {
            let bytes = fields_bytes();
            let message = zero_message::<zero::Fields>(&bytes);
            let root = message.root();
            assert!(capnzero::is_compact_struct::<zero::Fields>(root).expect("the check reads"));
            capnzero::struct_to_bytes::<zero::Fields>(root).expect("the root dumps")
        }

        /// The `capnp` crate's bytes, which capnzero's must equal.
        fn capnp_bytes() -> Vec<u8> {
            let message = capnp_message(&fields_bytes());
            capnp_dumps::<bench_capnp::fields::Owned>(message.get_root().expect("the root reads"))
                .expect("the root dumps")
        }

        #[divan::bench]
        fn plain(bencher: Bencher) {
            let bytes = capnzero_bytes();
            assert_eq!(bytes.to_vec(), capnp_bytes());
            bencher.bench_local(|| black_box(&bytes).to_vec());
        }

        #[divan::bench]
        fn capnzero(bencher: Bencher) {
            let bytes = fields_bytes();
            let message = zero_message::<zero::Fields>(&bytes);
            let root = message.root();
            assert_eq!(capnzero::struct_to_bytes::<zero::Fields>(root).expect("the root dumps"), capnp_bytes());
            bencher.bench_local(|| capnzero::struct_to_bytes::<zero::Fields>(black_box(root)));
        }

        #[divan::bench]
        fn capnp(bencher: Bencher) {
            let message = capnp_message(&fields_bytes());
            let root = message.get_root::<bench_capnp::fields::Reader>().expect("the root reads");
            assert_eq!(capnp_dumps::<bench_capnp::fields::Owned>(root).expect("the root dumps"), capnzero_bytes());
            bencher.bench_local(|| capnp_dumps::<bench_capnp::fields::Owned>(black_box(root)));
        }
    }

    /// An element of a `List(Item)`: a struct inside a list is not compact on its own (its
    /// text and point follow the whole list), so both libraries copy it field by field.
    mod list_element {
        use super::*;

        const NAMES: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        /// The element dumped: one in the middle of the list.
        const ELEMENT: u32 = 5;

        fn items_bytes() -> Vec<u8> {
            let items = (0..10)
                .map(|i| zero::Item {
                    name: Some(NAMES[i].to_string()),
                    at: Some(zero::Point { x: i as i64, y: 2 * i as i64, z: 3 * i as i64 }),
                })
                .collect();
            capnzero::to_bytes(&zero::Items { items: Some(items) }).expect("the items are writable")
        }

        fn zero_element<'a>(message: &'a capnzero::TypedMessage<'_, zero::Items>) -> zero::ItemReader<'a> {
            message.root().get_items().get(ELEMENT).expect("the list has the element")
        }

        fn capnzero_bytes() -> Vec<u8> {
            let bytes = items_bytes();
            let message = zero_message::<zero::Items>(&bytes);
            let element = zero_element(&message);
            assert!(!capnzero::is_compact_struct::<zero::Item>(element).expect("the check reads"));
            capnzero::struct_to_bytes::<zero::Item>(element).expect("the element dumps")
        }

        fn capnp_element(
            message: &capnp::message::Reader<capnp::serialize::OwnedSegments>,
        ) -> bench_capnp::item::Reader<'_> {
            let root = message.get_root::<bench_capnp::items::Reader>().expect("the root reads");
            root.get_items().expect("the list reads").get(ELEMENT)
        }

        fn capnp_bytes() -> Vec<u8> {
            let message = capnp_message(&items_bytes());
            capnp_dumps::<bench_capnp::item::Owned>(capnp_element(&message)).expect("the element dumps")
        }

        #[divan::bench]
        fn plain(bencher: Bencher) {
            let bytes = capnzero_bytes();
            assert_eq!(bytes.to_vec(), capnp_bytes());
            bencher.bench_local(|| black_box(&bytes).to_vec());
        }

        #[divan::bench]
        fn capnzero(bencher: Bencher) {
            let bytes = items_bytes();
            let message = zero_message::<zero::Items>(&bytes);
            let element = zero_element(&message);
            let dumped = capnzero::struct_to_bytes::<zero::Item>(element).expect("the element dumps");
            let copy = zero_message::<zero::Item>(&dumped);
            assert_eq!((copy.root().get_name(), copy.root().get_at().x()), (NAMES[ELEMENT as usize], ELEMENT as i64));
            assert_eq!(dumped, capnp_bytes());
            bencher.bench_local(|| capnzero::struct_to_bytes::<zero::Item>(black_box(element)));
        }

        #[divan::bench]
        fn capnp(bencher: Bencher) {
            let message = capnp_message(&items_bytes());
            let element = capnp_element(&message);
            assert_eq!(capnp_dumps::<bench_capnp::item::Owned>(element).expect("the element dumps"), capnzero_bytes());
            bencher.bench_local(|| capnp_dumps::<bench_capnp::item::Owned>(black_box(element)));
        }
    }
}

/// Opening a message: parsing its frame and getting the root's view, nothing more. Messages
/// of 1,000 and 1,000,000 points take the same time if opening is O(1) in the content. The
/// `capnp` crate reads in place with `read_message_from_flat_slice` (no copy of the words).
/// `plain` has nothing to open: its points are a `Vec` already.
mod open {
    use super::*;

    const SIZES: [i64; 2] = [1000, 1_000_000];

    #[divan::bench(args = SIZES)]
    fn plain(bencher: Bencher, n: i64) {
        let points = points(n);
        assert_eq!(points.len() as i64, n);
        bencher.bench_local(|| black_box(&points).as_slice());
    }

    #[divan::bench(args = SIZES)]
    fn capnzero(bencher: Bencher, n: i64) {
        let bytes = points_bytes(n);
        let open = |bytes: &[u8]| -> capnzero::Result<u32> {
            let message = capnzero::read_with_options::<zero::Points>(bytes, capnzero::ReaderOptions::UNLIMITED)?;
            Ok(black_box(message.root()).get_points().len())
        };
        assert_eq!(open(&bytes).expect("the message opens") as i64, n);
        bencher.bench_local(|| {
            let message =
                capnzero::read_with_options::<zero::Points>(black_box(&bytes), capnzero::ReaderOptions::UNLIMITED)?;
            black_box(message.root());
            Ok::<_, capnzero::Error>(())
        });
    }

    #[divan::bench(args = SIZES)]
    fn capnp(bencher: Bencher, n: i64) {
        let bytes = points_bytes(n);
        let open = |mut bytes: &[u8]| -> capnp::Result<u32> {
            let message = capnp::serialize::read_message_from_flat_slice(&mut bytes, capnp_unlimited())?;
            Ok(black_box(message.get_root::<bench_capnp::points::Reader>()?).get_points()?.len())
        };
        assert_eq!(open(&bytes).expect("the message opens") as i64, n);
        bencher.bench_local(|| {
            let message =
                capnp::serialize::read_message_from_flat_slice(&mut &black_box(&bytes)[..], capnp_unlimited())?;
            black_box(message.get_root::<bench_capnp::points::Reader>()?);
            Ok::<_, capnp::Error>(())
        });
    }
}

/// How many points make the packed benchmarks' message: 43,690 × 24 bytes, with the segment
/// table, root pointer, struct and list tag, is 1 MiB and 24 bytes.
const PACKED_POINTS: i64 = 43_690;

/// The packed benchmarks' message (a `Points` in one segment) and its packed bytes, both
/// libraries' packing checked equal.
fn packed_data() -> (Vec<u8>, Vec<u8>) {
    // `points_bytes` spills the list into a second segment; the compact copy is one segment,
    // so packing the framed bytes whole is what the reference does (it packs the segment
    // table and each segment separately).
    let spilled = points_bytes(PACKED_POINTS);
    let bytes = capnzero::struct_to_bytes::<zero::Points>(zero_message::<zero::Points>(&spilled).root())
        .expect("the points copy");
    assert_eq!(&bytes[..4], &[0; 4], "one segment");
    let packed = capnzero::pack(&bytes);
    assert_eq!(packed, capnp_pack(&capnp_builder(&bytes)).expect("a Vec takes every write"));
    assert_eq!(capnzero::unpack(&packed).expect("the packed bytes unpack"), bytes);
    (bytes, packed)
}

/// A `capnp` crate message holding the same one segment as `bytes` (a framed message of one
/// segment), to pack: the `capnp` crate packs only builders.
fn capnp_builder(bytes: &[u8]) -> capnp::message::Builder<capnp::message::HeapAllocator> {
    let words = u32::try_from((bytes.len() - 8) / 8).expect("the message is small");
    let mut builder = capnp::message::Builder::new(capnp::message::HeapAllocator::new().first_segment_words(words));
    let source = capnp_message(bytes);
    let root = source.get_root::<bench_capnp::points::Reader>().expect("the root reads");
    builder.set_root::<bench_capnp::points::Owned>(root).expect("the copy fits");
    assert_eq!(capnp::serialize::write_message_to_words(&builder), bytes, "the copy has the same words");
    builder
}

fn capnp_pack(message: &capnp::message::Builder<capnp::message::HeapAllocator>) -> capnp::Result<Vec<u8>> {
    // The capacity capnzero's `pack` starts with, so both grow alike.
    let words: usize = message.get_segments_for_output().iter().map(|s| s.len()).sum();
    let mut out = Vec::with_capacity(words / 2 + 16);
    capnp::serialize_packed::write_message(&mut out, message)?;
    Ok(out)
}

/// The plain contestant of packing and unpacking: a `memcpy` of the unpacked bytes.
fn copy_unpacked(bencher: Bencher) {
    let (bytes, _) = packed_data();
    bencher.bench_local(|| black_box(&bytes).to_vec());
}

/// About 1 MiB of a message packed. `plain` is a `memcpy` of the unpacked bytes.
mod pack {
    use super::*;

    #[divan::bench]
    fn plain(bencher: Bencher) {
        copy_unpacked(bencher);
    }

    #[divan::bench]
    fn capnzero(bencher: Bencher) {
        let (bytes, packed) = packed_data();
        assert_eq!(capnzero::pack(&bytes), packed);
        bencher.bench_local(|| capnzero::pack(black_box(&bytes)));
    }

    #[divan::bench]
    fn capnp(bencher: Bencher) {
        let (bytes, packed) = packed_data();
        let message = capnp_builder(&bytes);
        assert_eq!(capnp_pack(&message).expect("a Vec takes every write"), packed);
        bencher.bench_local(|| capnp_pack(black_box(&message)));
    }
}

/// The same packed bytes unpacked. The `capnp` crate unpacks into a message (its segment
/// table read, the words in its own segments); `plain` is a `memcpy` of the unpacked bytes.
mod unpack {
    use super::*;

    #[divan::bench]
    fn plain(bencher: Bencher) {
        copy_unpacked(bencher);
    }

    #[divan::bench]
    fn capnzero(bencher: Bencher) {
        let (bytes, packed) = packed_data();
        assert_eq!(capnzero::unpack(&packed).expect("the packed bytes unpack"), bytes);
        bencher.bench_local(|| capnzero::unpack(black_box(&packed)));
    }

    #[divan::bench]
    fn capnp(bencher: Bencher) {
        let (bytes, packed) = packed_data();
        let unpack = |packed: &[u8]| {
            capnp::serialize_packed::read_message(&mut &packed[..], ReaderOptions::new()).map(|m| m.into_segments())
        };
        let segments = unpack(&packed).expect("the packed bytes unpack");
        assert_eq!((segments.len(), segments.get_segment(0)), (1, Some(&bytes[8..])));
        bencher.bench_local(|| unpack(black_box(&packed)));
    }
}
