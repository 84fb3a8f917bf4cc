//! What the `read_message` fuzz target does with its input, as a library so the corpus and the
//! regressions can be replayed by `cargo test` (see `tests/replay.rs`) without libFuzzer.
//!
//! [`check`] opens the bytes as a message in every way the runtime offers (framed, flat,
//! packed, the `std::io` stream readers, and the framing decoder fed in pieces), walks
//! everything reachable through the public API, and asserts that the operations agree with each
//! other: the stream readers with the slice readers, the decoder fed in pieces with the stream
//! reader, a deep copy with its source, canonical and compact forms with their definitions. Errors are fine; a panic, a hang or a disagreement is a bug.

//!
//! The other targets' checks are modules of their own, re-exported here: [`schema_compile()`]
//! (schema text through the compiler and the code generator), [`text_format`] and [`json`]
//! (round trips of the text format and JSON over the fixed schema of [`fixed`]) and
//! [`dynamic`] (messages of that schema read through the dynamic API).

mod dynamic;
pub mod fixed;
mod json;
pub mod schema_compile;
mod text_format;

pub use dynamic::dynamic;
pub use json::json;
pub use schema_compile::schema_compile;
pub use text_format::text_format;

use capnzero_runtime::{
    canonicalize, compact, is_canonical, is_compact, read_message, read_packed_message, unpack, AllocationStrategy,
    BuilderOptions, Error, ErrorKind, FrameDecoder, ListReader, MessageBuilder, MessageReader, OwnedMessage,
    PackedDecoder, PointerReader, PointerType, ReaderOptions, StructReader,
};

use capnzero_runtime::ElementSize::{self, *};

/// Small limits keep each input cheap: 64 Ki words of traversal, the default nesting.
pub const OPTIONS: ReaderOptions = ReaderOptions { traversal_limit_words: 1 << 16, nesting_limit: 64 };

/// The error kinds that reading an opened message may report.
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

/// The error kinds that opening framed bytes may report.
const FRAMING_ERRORS: &[ErrorKind] = &[ErrorKind::Truncated, ErrorKind::InvalidSegmentTable];

#[track_caller]
fn expect_kind<T>(result: &Result<T, Error>, allowed: &[ErrorKind]) {
    if let Err(e) = result {
        assert!(allowed.contains(&e.kind()), "unexpected error {e:?}, allowed {allowed:?}");
    }
}

/// Runs every check on `data`.
pub fn check(data: &[u8]) {
    // Framed, borrowed.
    let framed = MessageReader::from_bytes_prefix(data, OPTIONS);
    expect_kind(&framed, FRAMING_ERRORS);
    if let Ok((message, rest)) = &framed {
        match MessageReader::from_bytes(data, OPTIONS) {
            Ok(_) => assert!(rest.is_empty()),
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::TrailingBytes);
                assert!(!rest.is_empty());
            }
        }
        exercise(message);
    }
    streams_agree(data, framed.as_ref().ok().map(|(m, _)| m));
    packed_decoder_agrees(data);

    // Flat: a single segment without a table.
    if !data.len().is_multiple_of(8) {
        let e = MessageReader::from_flat(data, OPTIONS).err().expect("a partial word is refused");
        assert_eq!(e.kind(), ErrorKind::Truncated);
    }
    let whole = &data[..data.len() / 8 * 8];
    let flat = MessageReader::from_flat(whole, OPTIONS).expect("whole words open flat");
    assert_eq!(flat.total_words(), whole.len() / 8);
    exercise(&flat);

    // Packed, through the slice unpacker, then framed.
    let unpacked = unpack(data);
    expect_kind(&unpacked, &[ErrorKind::InvalidPacked]);
    let packed_framed = match &unpacked {
        Ok(plain) => {
            assert_eq!(plain.len() % 8, 0);
            let framed = MessageReader::from_bytes_prefix(plain, OPTIONS);
            expect_kind(&framed, FRAMING_ERRORS);
            if let Ok((message, _)) = &framed {
                exercise(message);
            }
            framed.ok().map(|(m, _)| m)
        }
        Err(_) => None,
    };
    packed_stream_agrees(data, packed_framed.as_ref());
}

/// The `std::io` reader agrees with the slice reader on the same bytes.
/// The incremental `PackedDecoder`, fed `data` in pieces and giving out a few bytes at a time
/// (sizes the input picks), unpacks what `unpack` unpacks, and ends at a word boundary exactly
/// when `unpack` accepts the whole input.
fn packed_decoder_agrees(data: &[u8]) {
    let step = usize::from(data.first().copied().unwrap_or(0) % 13) + 1;
    let room = usize::from(data.last().copied().unwrap_or(0) % 17) + 1;
    let mut decoder = PackedDecoder::new();
    let mut out = Vec::new();
    let mut buf = vec![0u8; room];
    for piece in data.chunks(step) {
        let mut piece = piece;
        loop {
            let (read, written) = decoder.decode(piece, &mut buf);
            out.extend_from_slice(&buf[..written]);
            piece = &piece[read..];
            if read == 0 && written == 0 {
                break;
            }
        }
    }
    match unpack(data) {
        Ok(expected) => {
            assert_eq!(out, expected, "the decoder and unpack disagree");
            assert!(decoder.end_of_input().is_none(), "unpack accepts what the decoder calls cut");
        }
        Err(_) => assert!(decoder.end_of_input().is_some(), "the decoder accepts what unpack refuses"),
    }
}

fn streams_agree(data: &[u8], framed: Option<&MessageReader<'_>>) {
    let streamed = read_message(data, OPTIONS);
    pieces_agree(data, &streamed);
    match (&streamed, framed) {
        (Ok(owned), Some(framed)) => assert!(owned.reader().segments().eq(framed.segments())),
        (Ok(_), None) => panic!("the stream reader accepts what the slice reader refuses"),
        (Err(e), Some(framed)) => {
            // Only the stream reader's up-front size check may refuse a message that opens.
            assert_eq!(e.kind(), ErrorKind::TooLarge, "{e:?}");
            assert!(framed.total_words() as u64 > OPTIONS.traversal_limit_words);
        }
        (Err(e), None) => {
            // Both refuse. The stream reader reads a whole first word before it looks at the
            // segment count, so on fewer than 8 bytes it may say Truncated where the slice
            // reader saw a bad count; and its size check may come before the data runs out.
            let slice = MessageReader::from_bytes_prefix(data, OPTIONS).err().map(|e| e.kind());
            let agree = e.kind() == ErrorKind::TooLarge
                || Some(e.kind()) == slice
                || (data.len() < 8 && e.kind() == ErrorKind::Truncated);
            assert!(agree, "{e:?} vs {slice:?}");
        }
    }
}

/// The framing decoder fed the same bytes in pieces (one byte at a time, and pieces of a size
/// the input picks) gives what the `std::io` reader, which feeds it whole reads, gives: the same
/// message, or an error of the same kind; and never asks for more than the message needs.
fn pieces_agree(data: &[u8], streamed: &Result<OwnedMessage, Error>) {
    let picked = 1 + data.first().map_or(0, |&b| b as usize % 13);
    for piece in [1, picked] {
        let mut decoder = FrameDecoder::new(OPTIONS);
        let mut at = 0;
        let decoded = loop {
            let space = decoder.space();
            assert!(!space.is_empty());
            let n = space.len().min(piece).min(data.len() - at);
            if n == 0 {
                let ended = decoder.end_of_input();
                break Err(ended.unwrap_or_else(|| Error::new(ErrorKind::Truncated, "no message")));
            }
            space[..n].copy_from_slice(&data[at..at + n]);
            at += n;
            match decoder.advance(n) {
                Ok(Some(message)) => break Ok(message),
                Ok(None) => {}
                Err(e) => break Err(e),
            }
        };
        match (&decoded, streamed) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.as_bytes(), b.as_bytes());
                assert_eq!(at, a.as_bytes().len(), "read past the message");
            }
            (Err(a), Err(b)) => assert_eq!(a.kind(), b.kind(), "{a:?} vs {b:?}"),
            (a, b) => panic!("pieces of {piece}: {:?} vs whole reads: {:?}", a.as_ref().err(), b.as_ref().err()),
        }
    }
}

/// The packed stream reader agrees with unpacking the whole input and opening the result.
fn packed_stream_agrees(data: &[u8], framed: Option<&MessageReader<'_>>) {
    let streamed = read_packed_message(data, OPTIONS);
    expect_kind(
        &streamed,
        &[ErrorKind::Truncated, ErrorKind::InvalidSegmentTable, ErrorKind::TooLarge, ErrorKind::InvalidPacked],
    );
    // Where the whole input unpacks, the stream cannot find a packing error.
    if let (Err(e), Ok(_)) = (&streamed, unpack(data)) {
        assert_ne!(e.kind(), ErrorKind::InvalidPacked, "{e:?}");
    }
    let Some(framed) = framed else { return };
    match &streamed {
        Ok(owned) => assert!(owned.reader().segments().eq(framed.segments())),
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::TooLarge, "{e:?}");
            assert!(framed.total_words() as u64 > OPTIONS.traversal_limit_words);
        }
    }
}

/// Reads `message` every way there is and checks that the results agree.
pub fn exercise(message: &MessageReader<'_>) {
    message.reset_traversal_budget();
    let mut walk = Walk::default();
    walk.pointer(message.root());

    message.reset_traversal_budget();
    let total = message.root().total_size();
    expect_kind(&total, READ_ERRORS);

    message.reset_traversal_budget();
    let canonical = canonicalize(message.root());
    expect_kind(&canonical, READ_ERRORS);
    if let Ok(canonical) = &canonical {
        // One segment: the root pointer and exactly what it reaches, in canonical form.
        let reread = MessageReader::from_flat(canonical, ReaderOptions::UNLIMITED).expect("whole words");
        assert_eq!(is_canonical(&reread), Ok(true));
        assert_eq!(reread.root().total_size(), Ok(canonical.len() as u64 / 8 - 1));
        if let Ok(total) = total {
            assert!(canonical.len() as u64 / 8 - 1 <= total);
        }
    }

    message.reset_traversal_budget();
    let canonical_already = is_canonical(message);
    expect_kind(&canonical_already, READ_ERRORS);
    if canonical_already == Ok(true) {
        assert_eq!(message.segment_count(), 1);
        assert_eq!(message.segment(0), canonical.as_deref().ok());
    }

    message.reset_traversal_budget();
    if let Ok(root) = message.root_struct() {
        expect_kind(&is_compact(&root), READ_ERRORS);
    }

    message.reset_traversal_budget();
    let compacted = compact(message.root());
    expect_kind(&compacted, READ_ERRORS);
    if let Ok(compacted) = &compacted {
        assert_eq!(compacted.segment_count(), 1);
        let reread = compacted.as_reader();
        let size = reread.root().total_size().expect("a compact copy reads");
        assert_eq!(compacted.segments()[0].len() as u64 / 8, 1 + size, "no gaps and nothing else");
        if let Ok(total) = total {
            assert_eq!(size, total);
        }
        if let Ok(Some(root)) = reread.root().get_struct() {
            assert_eq!(is_compact(&root), Ok(true));
        }
    }

    // Deep copies, into one segment and spread over many small ones (far pointers).
    for options in
        [BuilderOptions::DEFAULT, BuilderOptions { first_segment_words: 3, allocation: AllocationStrategy::FixedSize }]
    {
        message.reset_traversal_budget();
        let mut copy = MessageBuilder::new(options);
        let copied = copy.root().set_copy_of(message.root());
        expect_kind(&copied, READ_ERRORS);
        if copied.is_err() {
            continue;
        }
        let reread = copy.as_reader();
        let copy_total = reread.root().total_size();
        if let Ok(total) = total {
            assert_eq!(copy_total, Ok(total), "a copy has the size of its source");
        }
        if walk.errors.is_empty() {
            reread.reset_traversal_budget();
            let mut again = Walk::default();
            again.pointer(reread.root());
            assert!(again.errors.is_empty(), "{:?}", again.errors);
            assert_eq!((again.digest, again.visits), (walk.digest, walk.visits), "a copy reads as its source");
        }
        if let Ok(canonical) = &canonical {
            reread.reset_traversal_budget();
            assert_eq!(canonicalize(reread.root()).as_ref(), Ok(canonical), "a copy has its source's canonical form");
        }
    }
}

/// A walk over everything reachable from a pointer, through the public API only: a digest of
/// what it read and the errors it met (it carries on past them, to reach more).
#[derive(Default)]
pub struct Walk {
    /// A hash of every value read, in order.
    pub digest: u64,
    /// How many values were mixed into the digest.
    pub visits: u64,
    /// The read errors met.
    pub errors: Vec<ErrorKind>,
}

impl Walk {
    fn mix(&mut self, value: u64) {
        self.digest = (self.digest ^ value).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
        self.visits += 1;
    }

    fn error(&mut self, e: Error) {
        assert!(READ_ERRORS.contains(&e.kind()), "unexpected error {e:?}");
        self.errors.push(e.kind());
    }

    /// A read that succeeded before failed again: only the traversal limit may explain that.
    fn limit(&mut self, e: Error) {
        assert_eq!(e.kind(), ErrorKind::TraversalLimitExceeded, "{e:?}");
        self.errors.push(e.kind());
    }

    /// Visits what `p` points at.
    pub fn pointer(&mut self, p: PointerReader<'_>) {
        let pointer_type = match p.pointer_type() {
            Ok(t) => t,
            Err(e) => return self.error(e),
        };
        self.mix(pointer_type as u64);
        match pointer_type {
            PointerType::Null => {
                assert!(p.is_null());
                assert!(matches!(p.get_struct(), Ok(None)));
                assert!(matches!(p.get_list(Pointer), Ok(None)));
                assert!(matches!(p.get_text(), Ok(None)));
                assert!(matches!(p.get_data(), Ok(None)));
                assert!(matches!(p.get_capability(), Ok(None)));
                assert_eq!(p.total_size(), Ok(0));
            }
            PointerType::Capability => {
                let index = p.get_capability().expect("a capability has an index").expect("not null");
                self.mix(index as u64);
                let e = p.get_struct().expect_err("a capability is no struct");
                assert!(matches!(e.kind(), ErrorKind::WrongPointerKind | ErrorKind::NestingLimitExceeded), "{e:?}");
                assert_eq!(p.total_size(), Ok(0));
            }
            PointerType::Struct => {
                let e = p.get_list(Void).err().expect("a struct is no list");
                assert!(matches!(e.kind(), ErrorKind::WrongPointerKind | ErrorKind::NestingLimitExceeded), "{e:?}");
                let e = p.get_capability().expect_err("a struct is no capability");
                assert_eq!(e.kind(), ErrorKind::WrongPointerKind);
                match p.get_struct() {
                    Ok(Some(s)) => self.structure(s),
                    Ok(None) => panic!("a struct pointer read as null"),
                    Err(e) => self.error(e),
                }
            }
            PointerType::List => {
                let e = p.get_struct().expect_err("a list is no struct");
                assert!(matches!(e.kind(), ErrorKind::WrongPointerKind | ErrorKind::NestingLimitExceeded), "{e:?}");
                // Every list but a List(Bool) reads as List(Void); find the size on the wire.
                let list = match p.get_list(Void) {
                    Err(e) if e.kind() == ErrorKind::IncompatibleList => p.get_list(Bit),
                    other => other,
                };
                let list = match list {
                    Ok(Some(list)) => list,
                    Ok(None) => panic!("a list pointer read as null"),
                    Err(e) => return self.error(e),
                };
                // A list always reads as its own element size.
                if let Err(e) = p.get_list(list.element_size()) {
                    self.limit(e);
                }
                if list.element_size() == Byte {
                    self.bytes(p, list);
                } else {
                    match p.get_data().expect_err("only a byte list is Data") {
                        e if e.kind() == ErrorKind::IncompatibleList => {}
                        e => self.limit(e),
                    }
                }
                self.list(list);
            }
        }
    }

    /// Reads a byte list as Data and as Text.
    fn bytes(&mut self, p: PointerReader<'_>, list: ListReader<'_>) {
        let raw = list.as_bytes().expect("a byte list has bytes");
        assert_eq!(raw.len(), list.len() as usize);
        match p.get_data() {
            Ok(Some(data)) => assert_eq!(data, raw),
            Ok(None) => panic!("a byte list read as null Data"),
            Err(e) => self.limit(e),
        }
        match p.get_text() {
            Ok(Some(text)) => {
                assert_eq!(raw.last(), Some(&0));
                assert_eq!(text.as_bytes(), &raw[..raw.len() - 1]);
                match text.as_str() {
                    Ok(s) => self.mix(s.chars().count() as u64),
                    Err(e) => {
                        assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
                        assert!(core::str::from_utf8(text.as_bytes()).is_err());
                    }
                }
            }
            Ok(None) => panic!("a byte list read as null Text"),
            Err(e) if e.kind() == ErrorKind::TextNotTerminated => assert_ne!(raw.last(), Some(&0)),
            Err(e) => self.limit(e),
        }
    }

    fn structure(&mut self, s: StructReader<'_>) {
        let (data_words, pointer_count) = (s.data_words(), s.pointer_count());
        self.mix((data_words as u64) << 16 | pointer_count as u64);
        assert_eq!(s.data_section().len(), data_words as usize * 8);
        for i in 0..data_words as usize {
            self.mix(s.get::<u64>(i));
        }
        for bit in [0, 1, 63] {
            assert_eq!(s.get_bool(bit), data_words > 0 && s.data_section()[bit / 8] & (1 << (bit % 8)) != 0);
        }
        assert_eq!(s.get::<u64>(data_words as usize), 0, "past the data section reads as 0");
        assert_eq!(s.get_or::<u32>(data_words as usize * 2, 7), 7);
        assert_eq!(s.pointers().len(), pointer_count as usize);
        if pointer_count == 0 {
            // Cheap (nothing to follow), so every such struct is checked.
            assert!(is_compact(&s).is_ok());
        }
        for p in s.pointers() {
            self.pointer(p);
        }
        assert!(s.pointer(pointer_count).is_null());
    }

    fn list(&mut self, list: ListReader<'_>) {
        let size = list.element_size();
        let len = list.len();
        self.mix((size as u64) << 32 | len as u64);
        let (data_bits, pointers) = list.element_layout();
        if size != InlineComposite {
            assert_eq!((data_bits, pointers), (size_data_bits(size), (size == Pointer) as u16));
        } else {
            assert_eq!(data_bits % 64, 0);
        }
        assert_eq!(list.structs().len(), len as usize);
        assert_eq!(list.is_empty(), len == 0);
        for i in 0..len {
            match size {
                Void => {
                    let s = list.get_struct(i).expect("in bounds");
                    assert_eq!((s.data_section().len(), s.pointer_count()), (0, 0));
                }
                Bit => {
                    let bit = list.get_bool(i).expect("in bounds");
                    assert!(list.get::<u8>(i).is_none());
                    self.mix(bit as u64);
                }
                Byte => {
                    let v = list.get::<u8>(i).expect("in bounds");
                    assert!(list.get::<u16>(i).is_none());
                    self.element(list, i, v as u64);
                }
                TwoBytes => {
                    let v = list.get::<u16>(i).expect("in bounds");
                    assert!(list.get::<u32>(i).is_none());
                    self.element(list, i, v as u64);
                }
                FourBytes => {
                    let v = list.get::<u32>(i).expect("in bounds");
                    assert!(list.get::<u64>(i).is_none());
                    self.element(list, i, v as u64);
                }
                EightBytes => {
                    let v = list.get::<u64>(i).expect("in bounds");
                    self.element(list, i, v);
                }
                Pointer => {
                    let p = list.get_pointer(i).expect("in bounds");
                    let as_struct = list.get_struct(i).expect("in bounds");
                    assert_eq!(as_struct.pointer(0).raw_word(), p.raw_word());
                    self.pointer(p);
                }
                InlineComposite => {
                    let s = list.get_struct(i).expect("in bounds");
                    if let Some(p) = list.get_pointer(i) {
                        assert_eq!(p.raw_word(), s.pointer(0).raw_word());
                    }
                    self.structure(s);
                }
            }
        }
        assert!(list.get_struct(len).is_none());
        assert!(list.get_pointer(len).is_none());
        assert!(list.get_bool(len).is_none());
        assert!(list.get::<u8>(len).is_none());
    }

    /// Element `i` of a list of primitives: the value, and the same value through the element
    /// read as a struct (its data section is the element).
    fn element(&mut self, list: ListReader<'_>, i: u32, value: u64) {
        let s = list.get_struct(i).expect("in bounds");
        let bytes = (size_data_bits(list.element_size()) / 8) as usize;
        assert_eq!(s.data_section().len(), bytes);
        let mut word = [0u8; 8];
        word[..bytes].copy_from_slice(s.data_section());
        assert_eq!(u64::from_le_bytes(word), value);
        // Not a struct on the wire: never compact, and never a panic.
        assert!(is_compact(&s).is_ok());
        self.mix(value);
    }
}

fn size_data_bits(size: ElementSize) -> u32 {
    match size {
        Void | Pointer | InlineComposite => 0,
        Bit => 1,
        Byte => 8,
        TwoBytes => 16,
        FourBytes => 32,
        EightBytes => 64,
    }
}
