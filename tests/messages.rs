//! Messages of generated types: owned `Message<T>`, streams (`load`, `load_all`, packed),
//! packing both ways, compact copies and the compactness check, owned values written into
//! builders; malformed input gives errors.

mod people {
    capnzero::capnp_schema!("tests/schemas/messages/people.capnp");
}

use std::io::Read;

use capnzero::{
    compact_struct, is_compact_struct, load, load_all, load_all_packed, load_packed, read_packed, set_root, set_struct,
    struct_to_bytes, to_bytes, to_message, to_packed_bytes, AllocationStrategy, BuilderOptions, ErrorKind, Message,
    MessageBuilder, ReaderOptions, Struct,
};
use people::{Directory, Person};

fn person(id: u32, name: &str) -> Person {
    Person { id, name: Some(name.to_string()), ..Default::default() }
}

fn sample() -> Person {
    Person {
        id: 7,
        name: Some("Alice".to_string()),
        emails: Some(vec!["alice@example.com".to_string(), "a@example.org".to_string()]),
        photo: Some(vec![0, 1, 2, 0xff]),
        scores: Some(vec![1.5, -2.0, 1e300]),
        best: Some(Box::new(Person { active: true, ..person(8, "Bob") })),
        friends: Some(vec![
            person(9, "Carol"),
            Person { friends: Some(vec![person(11, "Eve")]), emails: Some(vec![String::new()]), ..person(10, "Dave") },
        ]),
        active: true,
    }
}

/// A message of `value` spread over many small segments (far pointers everywhere).
fn multi_segment(value: &Person) -> MessageBuilder {
    let mut builder =
        MessageBuilder::new(BuilderOptions { first_segment_words: 4, allocation: AllocationStrategy::FixedSize });
    set_root(&mut builder, value).unwrap();
    assert!(builder.segment_count() > 3);
    builder
}

/// Several messages in one stream (one of them of many segments) and where each one ends.
fn stream_of_messages() -> (Vec<Person>, Vec<u8>, Vec<usize>) {
    let values = vec![sample(), person(1, "one"), Person::default(), sample()];
    let mut stream = Vec::new();
    let mut ends = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if i == 3 {
            capnzero::write_message(&mut stream, &multi_segment(value)).unwrap();
        } else {
            capnzero::write_to(&mut stream, value).unwrap();
        }
        ends.push(stream.len());
    }
    (values, stream, ends)
}

#[test]
fn an_owned_message_round_trips_and_outlives_its_source() {
    let value = sample();
    let message = to_message(&value).unwrap();
    assert_eq!(message.to_owned(), value);
    assert_eq!(message.as_bytes(), &to_bytes(&value).unwrap()[..]);
    assert_eq!(message.segment_count(), 1);
    {
        let reader = message.reader();
        let root = reader.root();
        assert_eq!((root.id(), root.name(), root.active()), (7, Some("Alice"), true));
        assert_eq!(root.friends().unwrap().get(1).unwrap().get_name(), "Dave");
        assert_eq!(root.best().unwrap().to_owned(), *value.best.clone().unwrap());
    }

    let copy = {
        let bytes = message.to_bytes();
        Message::<Person>::from_bytes(bytes).unwrap()
    };
    assert_eq!(copy.to_owned(), value);
    let clone = copy.clone();
    drop(copy);
    assert_eq!(clone.as_bytes(), message.as_bytes());
    assert_eq!(clone.into_message().as_bytes(), message.as_bytes());

    let debug = format!("{message:?}");
    assert!(debug.starts_with("Message {"), "{debug}");
    assert!(debug.contains("Person") && debug.contains("segments: 1"), "{debug}");
}

#[test]
fn each_read_of_a_message_has_a_fresh_traversal_budget() {
    let bytes = to_bytes(&sample()).unwrap();
    let message = Message::<Person>::from_bytes_with_options(
        bytes.clone(),
        ReaderOptions { traversal_limit_words: 20, ..ReaderOptions::DEFAULT },
    )
    .unwrap();
    for _ in 0..3 {
        let reader = message.reader();
        assert_eq!(reader.root().get_name(), "Alice");
        assert_eq!(reader.message().options().traversal_limit_words, 20);
    }
    // The whole message is more than 20 words: copying it all runs out.
    assert_eq!(message.compact().unwrap_err().kind(), ErrorKind::TraversalLimitExceeded);
    let tiny = ReaderOptions { traversal_limit_words: 3, ..ReaderOptions::DEFAULT };
    let error = Message::<Person>::from_bytes_with_options(bytes, tiny).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TraversalLimitExceeded);
}

#[test]
fn flat_bytes_round_trip() {
    let value = sample();
    let mut builder = MessageBuilder::default();
    set_root(&mut builder, &value).unwrap();
    let flat = builder.to_flat_bytes().unwrap();
    let message = Message::<Person>::from_flat(&flat).unwrap();
    assert_eq!(message.to_owned(), value);
    assert_eq!(message.as_bytes(), &builder.to_bytes()[..]);
    // A multi-segment message's flat form is its compact copy.
    let flat = multi_segment(&value).to_flat_bytes().unwrap();
    let message = Message::<Person>::from_flat(&flat).unwrap();
    assert_eq!(message.to_owned(), value);
    assert!(message.is_compact().unwrap());

    assert_eq!(Message::<Person>::from_flat(&flat[..flat.len() - 1]).unwrap_err().kind(), ErrorKind::Truncated);
}

#[test]
fn packed_both_ways() {
    for value in [sample(), Person::default(), person(u32::MAX, "")] {
        let framed = to_bytes(&value).unwrap();
        let packed = to_packed_bytes(&value).unwrap();
        assert_eq!(packed, capnzero::pack(&framed));
        assert_eq!(capnzero::unpack(&packed).unwrap(), framed);

        let message = read_packed::<Person>(&packed).unwrap();
        assert_eq!(message.to_owned(), value);
        assert_eq!(message.as_bytes(), &framed[..]);
        assert_eq!(message.to_packed_bytes(), packed);
        assert_eq!(Message::<Person>::from_packed(&packed).unwrap().as_bytes(), &framed[..]);

        let mut written = Vec::new();
        capnzero::write_packed_to(&mut written, &value).unwrap();
        assert_eq!(written, packed);
        let mut written = Vec::new();
        message.write_packed_to(&mut written).unwrap();
        assert_eq!(written, packed);
        let mut written = Vec::new();
        message.write_to(&mut written).unwrap();
        assert_eq!(written, framed);
    }

    // Many segments: packed as the untyped writer packs them (table and segments apart).
    let builder = multi_segment(&sample());
    let message = Message::<Person>::from_builder(&builder).unwrap();
    let mut reference = Vec::new();
    capnzero::write_packed_message(&mut reference, &builder).unwrap();
    assert_eq!(message.to_packed_bytes(), reference);
    assert_eq!(reference, capnzero::pack(&builder.to_bytes()));
    let reread = read_packed::<Person>(&reference).unwrap();
    assert_eq!(reread.segment_count(), builder.segment_count());
    assert_eq!(reread.to_owned(), sample());
}

#[test]
fn owned_values_written_into_builders() {
    let mut builder = MessageBuilder::default();
    let mut root = set_root(&mut builder, &sample()).unwrap();
    root.set_id(99);
    let message = Message::<Person>::from_builder(&builder).unwrap();
    let mut expected = sample();
    expected.id = 99;
    assert_eq!(message.to_owned(), expected);

    // Into a pointer of another message, then into an existing builder's struct.
    let mut builder = MessageBuilder::default();
    let mut eve = set_struct(builder.root(), &person(11, "Eve")).unwrap();
    eve.set_active(true);
    let reread = Message::<Person>::from_builder(&builder).unwrap();
    assert_eq!(reread.to_owned(), Person { active: true, ..person(11, "Eve") });

    let mut builder = MessageBuilder::default();
    let mut directory = capnzero::init_root::<Directory>(&mut builder);
    directory.set_title("staff").unwrap();
    let mut people = directory.init_people(2).unwrap();
    sample().write_to(people.get(1).unwrap().untyped()).unwrap();
    let message = Message::<Directory>::from_builder(&builder).unwrap();
    let owned = message.to_owned();
    assert_eq!(owned.title.as_deref(), Some("staff"));
    assert_eq!(owned.people, Some(vec![Person::default(), sample()]));

    // A reader copied straight into another message (a deep copy, no owned value between),
    // from a list element of a multi-segment message, then edited there.
    let source = multi_segment(&sample()).to_bytes();
    let source = capnzero::read::<Person>(&source).unwrap();
    let dave = source.root().friends().unwrap().get(1).unwrap();
    let mut builder = MessageBuilder::default();
    let mut copy = capnzero::copy_struct::<Person>(builder.root(), dave).unwrap();
    copy.set_active(true);
    let mut expected = sample().friends.unwrap()[1].clone();
    expected.active = true;
    assert_eq!(Message::<Person>::from_builder(&builder).unwrap().to_owned(), expected);
}

#[test]
fn load_all_over_a_file_of_several_messages() {
    let (values, stream, _) = stream_of_messages();
    let path = std::env::temp_dir().join(format!("capnzero-messages-{}.bin", std::process::id()));
    std::fs::write(&path, &stream).unwrap();

    let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
    let loaded: Vec<Person> = load_all::<Person, _>(file).map(|m| m.unwrap().to_owned()).collect();
    assert_eq!(loaded, values);

    let mut file = std::fs::File::open(&path).unwrap();
    for value in &values {
        let message = load::<Person, _>(&mut file).unwrap().unwrap();
        assert_eq!(message.to_owned(), *value);
    }
    assert!(load::<Person, _>(&mut file).unwrap().is_none());
    std::fs::remove_file(&path).unwrap();

    // The multi-segment message keeps its segments, in the standard framing.
    let last = load_all::<Person, _>(&stream[..]).last().unwrap().unwrap();
    assert!(last.segment_count() > 3);
    assert_eq!(last.as_bytes(), &multi_segment(&sample()).to_bytes()[..]);
}

/// A reader that hands out at most `chunk` bytes per call.
struct Trickle<'a> {
    bytes: &'a [u8],
    chunk: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.chunk.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

#[test]
fn a_stream_cut_anywhere_ends_cleanly_only_at_a_message_boundary() {
    let (values, stream, ends) = stream_of_messages();
    for cut in 0..=stream.len() {
        let complete = ends.iter().filter(|&&end| end <= cut).count();
        let items: Vec<_> = load_all::<Person, _>(&stream[..cut]).collect();
        let at_boundary = cut == 0 || ends.contains(&cut);
        assert_eq!(items.len(), complete + usize::from(!at_boundary), "cut at {cut}");
        for (item, value) in items.iter().zip(&values) {
            if let Ok(message) = item {
                assert_eq!(message.to_owned(), *value, "cut at {cut}");
            }
        }
        assert!(items[..complete].iter().all(Result::is_ok), "cut at {cut}");
        if !at_boundary {
            assert_eq!(items[complete].as_ref().unwrap_err().kind(), ErrorKind::Truncated, "cut at {cut}");
        }

        // One message at a time: the same, through `load`.
        let mut input = &stream[..cut];
        for value in &values[..complete] {
            assert_eq!(load::<Person, _>(&mut input).unwrap().unwrap().to_owned(), *value);
        }
        match load::<Person, _>(&mut input) {
            Ok(None) => assert!(at_boundary, "cut at {cut}"),
            Err(e) => assert!(!at_boundary && e.kind() == ErrorKind::Truncated, "cut at {cut}: {e}"),
            Ok(Some(_)) => panic!("a message past the cut at {cut}"),
        }

        // The whole stream split in two reads at the cut reads whole.
        let split = (&stream[..cut]).chain(&stream[cut..]);
        let loaded: Vec<Person> = load_all::<Person, _>(split).map(|m| m.unwrap().to_owned()).collect();
        assert_eq!(loaded, values, "split at {cut}");
    }
    for chunk in [1, 3, 8, 13] {
        let loaded: Vec<Person> =
            load_all::<Person, _>(Trickle { bytes: &stream, chunk }).map(|m| m.unwrap().to_owned()).collect();
        assert_eq!(loaded, values, "chunks of {chunk}");
    }
}

#[test]
fn a_packed_stream_cut_anywhere_ends_cleanly_only_at_a_message_boundary() {
    let (values, _, _) = stream_of_messages();
    let mut packed = Vec::new();
    let mut ends = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if i == 3 {
            capnzero::write_packed_message(&mut packed, &multi_segment(value)).unwrap();
        } else {
            capnzero::write_packed_to(&mut packed, value).unwrap();
            assert_eq!(&packed[ends.last().copied().unwrap_or(0)..], &capnzero::pack(&to_bytes(value).unwrap())[..]);
        }
        ends.push(packed.len());
    }

    let loaded: Vec<Person> = load_all_packed::<Person, _>(&packed[..]).map(|m| m.unwrap().to_owned()).collect();
    assert_eq!(loaded, values);
    for cut in 0..=packed.len() {
        let complete = ends.iter().filter(|&&end| end <= cut).count();
        let items: Vec<_> = load_all_packed::<Person, _>(&packed[..cut]).collect();
        let at_boundary = cut == 0 || ends.contains(&cut);
        assert_eq!(items.len(), complete + usize::from(!at_boundary), "cut at {cut}");
        assert!(items[..complete].iter().all(Result::is_ok), "cut at {cut}");
        if !at_boundary {
            let kind = items[complete].as_ref().unwrap_err().kind();
            assert!(matches!(kind, ErrorKind::Truncated | ErrorKind::InvalidPacked), "cut at {cut}: {kind:?}");
        }

        let mut input = &packed[..cut];
        for value in &values[..complete] {
            assert_eq!(load_packed::<Person, _>(&mut input).unwrap().unwrap().to_owned(), *value);
        }
        assert_eq!(load_packed::<Person, _>(&mut input).map(|m| m.is_none()).unwrap_or(false), at_boundary);
    }
}

#[test]
fn compact_copy_of_a_list_element() {
    let message = to_message(&sample()).unwrap();
    let reader = message.reader();
    let dave = reader.root().friends().unwrap().get(1).unwrap();
    // An element of a list whose elements have pointers: its children come after the list.
    assert!(!is_compact_struct::<Person>(dave).unwrap());

    let compacted = compact_struct::<Person>(dave).unwrap();
    assert_eq!(compacted.to_owned(), sample().friends.unwrap()[1]);
    assert_eq!(compacted.segment_count(), 1);
    assert!(compacted.is_compact().unwrap());
    assert_eq!(struct_to_bytes::<Person>(dave).unwrap(), compacted.as_bytes());

    // The element of a nested list, and a compact copy of a compact copy is the same bytes.
    let eve = dave.friends().unwrap().get(0).unwrap();
    let compacted_eve = compact_struct::<Person>(eve).unwrap();
    assert_eq!(compacted_eve.to_owned(), person(11, "Eve"));
    assert_eq!(compacted_eve.compact().unwrap().as_bytes(), compacted_eve.as_bytes());
}

#[test]
fn compact_copy_of_structs_from_a_multi_segment_message() {
    let bytes = multi_segment(&sample()).to_bytes();
    let message = capnzero::read::<Person>(&bytes).unwrap();
    let root = message.root();
    assert!(!is_compact_struct::<Person>(root).unwrap());

    let compacted = compact_struct::<Person>(root).unwrap();
    assert_eq!(compacted.segment_count(), 1);
    assert!(compacted.is_compact().unwrap());
    assert_eq!(compacted.to_owned(), sample());
    assert_eq!(struct_to_bytes::<Person>(root).unwrap(), compacted.as_bytes());
    // The same bytes as a message built compact from the start.
    assert_eq!(compacted.as_bytes(), to_message(&sample()).unwrap().compact().unwrap().as_bytes());

    let owned = Message::<Person>::from_bytes(bytes.clone()).unwrap();
    assert!(!owned.is_compact().unwrap());
    assert_eq!(owned.compact().unwrap().as_bytes(), compacted.as_bytes());

    let best = root.best().unwrap();
    let compacted_best = compact_struct::<Person>(best).unwrap();
    assert_eq!(compacted_best.to_owned(), *sample().best.unwrap());
    assert_eq!(struct_to_bytes::<Person>(best).unwrap(), compacted_best.as_bytes());
}

#[test]
fn is_compact_true_and_false() {
    let message = to_message(&sample()).unwrap();
    assert!(message.is_compact().unwrap());
    let reader = message.reader();
    // A struct field is laid out right where its parent's children start.
    assert!(is_compact_struct::<Person>(reader.root().best().unwrap()).unwrap());
    assert!(is_compact_struct::<Person>(reader.root()).unwrap());
    assert!(to_message(&Person::default()).unwrap().is_compact().unwrap());

    // Overwriting a pointer leaves a hole where the old text was.
    let mut builder = MessageBuilder::default();
    let mut root = set_root(&mut builder, &person(1, "first")).unwrap();
    root.set_name("second, longer").unwrap();
    let message = Message::<Person>::from_builder(&builder).unwrap();
    assert!(!message.is_compact().unwrap());
    let compacted = message.compact().unwrap();
    assert!(compacted.is_compact().unwrap());
    assert!(compacted.as_bytes().len() < message.as_bytes().len());
    assert_eq!(compacted.to_owned(), person(1, "second, longer"));
}

#[test]
fn the_fast_path_gives_the_slow_paths_bytes() {
    let message = to_message(&sample()).unwrap();
    let reader = message.reader();
    let root = reader.root();
    assert!(is_compact_struct::<Person>(root).unwrap());
    // A compact root is the whole message: its copy is the message itself.
    assert_eq!(struct_to_bytes::<Person>(root).unwrap(), message.as_bytes());
    assert_eq!(struct_to_bytes::<Person>(root).unwrap(), compact_struct::<Person>(root).unwrap().as_bytes());
    let best = root.best().unwrap();
    let fast = struct_to_bytes::<Person>(best).unwrap();
    assert_eq!(fast, compact_struct::<Person>(best).unwrap().as_bytes());
    assert_eq!(Message::<Person>::from_bytes(fast).unwrap().to_owned(), *sample().best.unwrap());
    // The all-default view of a null root copies as an empty struct of the type's size.
    let mut null_root = MessageBuilder::default();
    null_root.root();
    let bytes = null_root.to_bytes();
    let empty = capnzero::read::<Person>(&bytes).unwrap();
    let copy = struct_to_bytes::<Person>(empty.root()).unwrap();
    assert_eq!(copy, compact_struct::<Person>(empty.root()).unwrap().as_bytes());
    assert_eq!(Message::<Person>::from_bytes(copy).unwrap().to_owned(), Person::default());
}

/// The bytes of a message of `sample()` and the byte offset of the root's pointer `index`.
fn sample_with_pointer(index: usize) -> (Vec<u8>, usize) {
    let bytes = to_bytes(&sample()).unwrap();
    // Segment table, root pointer, then the root's data words and pointers.
    let at = 8 + 8 + (Person::DATA_WORDS as usize + index) * 8;
    let word = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    assert!(word != 0 && word & 3 < 2, "pointer {index} is a struct or list pointer");
    (bytes, at)
}

#[test]
fn malformed_input_gives_errors() {
    let framed = to_bytes(&sample()).unwrap();
    let packed = to_packed_bytes(&sample()).unwrap();
    for cut in 0..framed.len() {
        assert!(Message::<Person>::from_bytes(framed[..cut].to_vec()).is_err(), "framed cut at {cut}");
    }
    for cut in 0..packed.len() {
        let kind = read_packed::<Person>(&packed[..cut]).unwrap_err().kind();
        assert!(matches!(kind, ErrorKind::Truncated | ErrorKind::InvalidPacked), "packed cut at {cut}: {kind:?}");
    }
    let mut trailing = framed.clone();
    trailing.extend_from_slice(&[0; 8]);
    assert_eq!(Message::<Person>::from_bytes(trailing).unwrap_err().kind(), ErrorKind::TrailingBytes);
    let mut trailing = packed.clone();
    trailing.extend_from_slice(&[0, 0]);
    assert_eq!(read_packed::<Person>(&trailing).unwrap_err().kind(), ErrorKind::TrailingBytes);

    // A root that is a list, not a struct.
    let mut builder = MessageBuilder::default();
    builder.root().set_text("not a person").unwrap();
    let list_root = builder.to_bytes();
    assert_eq!(Message::<Person>::from_bytes(list_root.clone()).unwrap_err().kind(), ErrorKind::WrongPointerKind);
    let packed_list_root = capnzero::pack(&list_root);
    assert_eq!(read_packed::<Person>(&packed_list_root).unwrap_err().kind(), ErrorKind::WrongPointerKind);
    assert_eq!(load::<Person, _>(&list_root[..]).unwrap_err().kind(), ErrorKind::WrongPointerKind);
    let mut two = list_root.clone();
    two.extend_from_slice(&framed);
    let mut items = load_all::<Person, _>(&two[..]);
    assert_eq!(items.next().unwrap().unwrap_err().kind(), ErrorKind::WrongPointerKind);
    assert!(items.next().is_none(), "an error ends the iteration");

    // Segment tables that announce too many segments or more words than the limit allows.
    let many_segments = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
    assert_eq!(
        Message::<Person>::from_bytes(many_segments.to_vec()).unwrap_err().kind(),
        ErrorKind::InvalidSegmentTable
    );
    assert_eq!(load::<Person, _>(&many_segments[..]).unwrap_err().kind(), ErrorKind::InvalidSegmentTable);
    let huge = [0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff];
    assert_eq!(load::<Person, _>(&huge[..]).unwrap_err().kind(), ErrorKind::TooLarge);
    assert_eq!(read_packed::<Person>(&capnzero::pack(&huge)).unwrap_err().kind(), ErrorKind::TooLarge);
    let short = [0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(read_packed::<Person>(&capnzero::pack(&short)).unwrap_err().kind(), ErrorKind::Truncated);
    let small = ReaderOptions { traversal_limit_words: 8, ..ReaderOptions::DEFAULT };
    let mut items = capnzero::load_all_with_options::<Person, _>(&framed[..], small);
    assert_eq!(items.next().unwrap().unwrap_err().kind(), ErrorKind::TooLarge);
    assert!(items.next().is_none());
    let error = capnzero::read_packed_with_options::<Person>(&packed, small).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TooLarge);

    // A child pointer out of bounds: the message opens and reads the child as absent, a copy
    // reports the error, and the check sees the child is not where a compact one would be.
    let (mut bytes, at) = sample_with_pointer(4);
    bytes[at..at + 4].copy_from_slice(&(1_000_000u32 << 2).to_le_bytes());
    let message = Message::<Person>::from_bytes(bytes).unwrap();
    let reader = message.reader();
    assert!(reader.root().best().is_none());
    assert_eq!(message.compact().unwrap_err().kind(), ErrorKind::OutOfBounds);
    assert_eq!(message.is_compact(), Ok(false));
    assert_eq!(struct_to_bytes::<Person>(reader.root()).unwrap_err().kind(), ErrorKind::OutOfBounds);

    // A child pointing back at its parent: the copy ends at a limit instead of looping.
    let (mut bytes, at) = sample_with_pointer(4);
    // Word indexes in the segment (after the 8-byte table): the root struct starts at word 1.
    let back = 1 - ((at as i64 - 8) / 8 + 1);
    let word = ((back as u32) << 2) as u64 | (Person::DATA_WORDS as u64) << 32 | (Person::POINTER_COUNT as u64) << 48;
    bytes[at..at + 8].copy_from_slice(&word.to_le_bytes());
    let message = Message::<Person>::from_bytes(bytes).unwrap();
    let reader = message.reader();
    assert_eq!(reader.root().best().unwrap().id(), 7, "best is the root itself");
    let kind = message.compact().unwrap_err().kind();
    assert!(matches!(kind, ErrorKind::NestingLimitExceeded | ErrorKind::TraversalLimitExceeded), "{kind:?}");
    assert!(struct_to_bytes::<Person>(reader.root()).is_err());
    assert_eq!(message.is_compact(), Ok(false));
}

#[test]
fn corrupted_bytes_never_panic() {
    let framed = to_bytes(&sample()).unwrap();
    let mut opened = 0;
    let mut copy_errors = 0;
    for at in 0..framed.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut bytes = framed.clone();
            bytes[at] ^= flip;
            let Ok(message) = Message::<Person>::from_bytes(bytes) else { continue };
            opened += 1;
            let _ = message.to_owned();
            let compacted = message.compact();
            let reader = message.reader();
            let fast = struct_to_bytes::<Person>(reader.root());
            match (&compacted, &fast) {
                (Ok(compacted), Ok(fast)) => {
                    // Equal but for padding: the fast path copies a garbage byte after a
                    // Text's NUL along with the words, the slow path copies the list only.
                    assert_eq!(compacted.as_bytes().len(), fast.len(), "flip {flip:#x} at {at}");
                    let fast = Message::<Person>::from_bytes(fast.clone()).unwrap();
                    assert_eq!(fast.to_owned(), compacted.to_owned(), "flip {flip:#x} at {at}");
                    assert!(compacted.is_compact().unwrap());
                    assert_eq!(compacted.to_owned(), message.to_owned());
                }
                (Err(a), Err(b)) => {
                    assert_eq!(a.kind(), b.kind(), "flip {flip:#x} at {at}");
                    copy_errors += 1;
                }
                _ => panic!("compact and struct_to_bytes disagree for flip {flip:#x} at {at}"),
            }
            let _ = message.is_compact();
            let _ = read_packed::<Person>(&message.to_packed_bytes()).map(|m| m.to_owned());
        }
    }
    assert!(opened > 0 && copy_errors > 0, "{opened} opened, {copy_errors} copy errors");
}
