//! Value semantics by key (`$Py.key`, `$Rust.key`): readers and owned values compare and hash by
//! their key tuple, without allocating. Schema: tests/schemas/keys.capnp.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

mod keys {
    capnzero::capnp_schema!("tests/schemas/keys.capnp");
}

use keys::*;

/// Counts the allocations of each thread of this test binary (tests run in parallel), to show
/// that hashing a key allocates nothing.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the thread's counter may already be gone while the thread exits.
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        // SAFETY: forwards the caller's layout to the system allocator unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this layout (see `alloc`).
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn bytes_of<T: capnzero::Struct>(value: &T) -> Vec<u8> {
    capnzero::to_bytes(value).expect("encodes")
}

fn point(x: i64, y: i64, name: &str) -> Point {
    Point { x, y, name: Some(name.to_string()) }
}

#[test]
fn readers_from_different_messages_compare_by_key() {
    let a = bytes_of(&point(1, 2, "first"));
    let b = bytes_of(&point(1, 2, "second"));
    let c = bytes_of(&point(3, 4, "first"));
    let (a, b, c) = (
        capnzero::read::<Point>(&a).unwrap(),
        capnzero::read::<Point>(&b).unwrap(),
        capnzero::read::<Point>(&c).unwrap(),
    );
    assert!(a.root() == b.root(), "the name is not part of the key");
    assert!(a.root() != c.root());
    assert_eq!(a.root().key(), (1, 2));
    let state = RandomState::new();
    assert_eq!(state.hash_one(a.root()), state.hash_one(b.root()));
}

#[test]
fn a_keyed_reader_hashes_like_its_key_tuple() {
    let bytes = bytes_of(&point(1, 2, "p"));
    let message = capnzero::read::<Point>(&bytes).unwrap();
    let state = RandomState::new();
    assert_eq!(state.hash_one(message.root()), state.hash_one((1i64, 2i64)));
    assert_eq!(state.hash_one(point(1, 2, "other")), state.hash_one((1i64, 2i64)));

    let texts = Texts { a: Some("x".into()), b: None, c: Some(String::new()) };
    let bytes = bytes_of(&texts);
    let message = capnzero::read::<Texts>(&bytes).unwrap();
    let tuple: (Option<&str>, Option<&str>, Option<&str>) = (Some("x"), None, Some(""));
    assert_eq!(message.root().key(), tuple);
    assert_eq!(state.hash_one(message.root()), state.hash_one(tuple));
    assert_eq!(state.hash_one(&texts), state.hash_one(tuple));

    // The key's order is the annotation's, not the schema's.
    let reordered = Reordered { id: 7, label: Some("seven".into()) };
    let bytes = bytes_of(&reordered);
    let message = capnzero::read::<Reordered>(&bytes).unwrap();
    assert_eq!(message.root().key(), (Some("seven"), 7u32));
    assert_eq!(state.hash_one(message.root()), state.hash_one((Some("seven"), 7u32)));
}

#[test]
fn hash_map_lookup_by_an_equal_struct_from_another_message() {
    let stored = [bytes_of(&point(1, 2, "a")), bytes_of(&point(5, 6, "b"))];
    let messages: Vec<_> = stored.iter().map(|b| capnzero::read::<Point>(b).unwrap()).collect();
    // Clippy's `mutable_key_type` sees the message's traversal budget (a `Cell`) behind the
    // reader; the key itself is immutable bytes.
    #[allow(clippy::mutable_key_type)]
    let mut by_reader: HashMap<PointReader<'_>, &str> = HashMap::new();
    by_reader.insert(messages[0].root(), "one-two");
    by_reader.insert(messages[1].root(), "five-six");

    let probe_bytes = bytes_of(&point(1, 2, "another name"));
    let probe = capnzero::read::<Point>(&probe_bytes).unwrap();
    assert_eq!(by_reader.get(&probe.root()), Some(&"one-two"));
    let missing_bytes = bytes_of(&point(2, 1, "a"));
    assert_eq!(by_reader.get(&capnzero::read::<Point>(&missing_bytes).unwrap().root()), None);

    // Owned values as keys, found by an owned copy of a reader.
    let owned: HashSet<Point> = messages.iter().map(|m| m.root().to_owned()).collect();
    assert!(owned.contains(&probe.root().to_owned()));
    assert!(owned.contains(&point(5, 6, "")));
    assert!(!owned.contains(&point(6, 5, "b")));
}

#[test]
fn readers_and_owned_values_compare_both_ways() {
    let value = point(1, 2, "x");
    let bytes = bytes_of(&value);
    let message = capnzero::read::<Point>(&bytes).unwrap();
    let reader = message.root();
    assert!(reader == value);
    assert!(value == reader);
    assert!(reader == point(1, 2, "different name"));
    assert!(reader != point(1, 3, "x"));
    assert!(point(1, 3, "x") != reader);
}

fn everything() -> Everything {
    let mut value = Everything {
        flag: true,
        small: -5,
        big: u64::MAX,
        single: 1.5,
        double: f64::NAN,
        kind: Kind::Square,
        text: Some("text".into()),
        data: Some(vec![1, 2, 3]),
        point: Some(point(9, 8, "inner")),
        ints: Some(vec![1, -1, 7]),
        texts: Some(vec!["a".into(), String::new()]),
        points: Some(vec![point(1, 1, "a"), point(2, 2, "b")]),
        ..Default::default()
    };
    value.position.x = 11;
    value.position.y = 12;
    value.union = everything::Union::Second(Some("union".into()));
    value
}

#[test]
fn every_kind_of_key_field_compares_and_hashes_alike_in_reader_and_owned_value() {
    let value = everything();
    let bytes = bytes_of(&value);
    let message = capnzero::read::<Everything>(&bytes).unwrap();
    let reader = message.root();
    let state = RandomState::new();
    assert!(reader == value, "NaN equals itself: floats compare by bit pattern");
    assert!(reader == reader);
    assert_eq!(state.hash_one(reader), state.hash_one(&value));
    assert_eq!(reader.key().4, f64::NAN.to_bits());

    // Fields outside the key: the union, the Void field, and the group's `y`.
    let mut outside = value.clone();
    outside.union = everything::Union::First(3);
    outside.position.y = 99;
    assert!(reader == outside);
    assert_eq!(state.hash_one(&outside), state.hash_one(reader));

    type Change = Box<dyn Fn(&mut Everything)>;
    let changes: Vec<(&str, Change)> = vec![
        ("flag", Box::new(|v| v.flag = false)),
        ("small", Box::new(|v| v.small = 5)),
        ("big", Box::new(|v| v.big = 0)),
        ("single", Box::new(|v| v.single = -1.5)),
        ("double", Box::new(|v| v.double = 0.0)),
        ("kind", Box::new(|v| v.kind = Kind::Circle)),
        ("text", Box::new(|v| v.text = None)),
        ("data", Box::new(|v| v.data = Some(vec![1, 2]))),
        ("point", Box::new(|v| v.point = Some(point(9, 7, "inner")))),
        ("point name (not in Point's key)", Box::new(|v| v.point = Some(point(9, 8, "renamed")))),
        ("ints", Box::new(|v| v.ints = Some(vec![1, -1]))),
        ("texts", Box::new(|v| v.texts = Some(vec!["a".into(), "b".into()]))),
        ("points", Box::new(|v| v.points = Some(vec![point(1, 1, "a")]))),
        ("position.x", Box::new(|v| v.position.x = 0)),
    ];
    for (what, change) in changes {
        let mut changed = value.clone();
        change(&mut changed);
        let changed_bytes = bytes_of(&changed);
        let changed_message = capnzero::read::<Everything>(&changed_bytes).unwrap();
        let expect_equal = what.contains("not in");
        assert_eq!(reader == changed, expect_equal, "{what}");
        assert_eq!(reader == changed_message.root(), expect_equal, "{what}");
        assert_eq!(value == changed, expect_equal, "{what}");
        assert_eq!(state.hash_one(changed_message.root()), state.hash_one(&changed), "{what}");
    }

    // 0.0 and -0.0 are different keys; the same bits are equal keys.
    let mut zero = value.clone();
    zero.double = 0.0;
    let mut negative_zero = value.clone();
    negative_zero.double = -0.0;
    assert!(zero != negative_zero);
}

#[test]
fn a_null_pointer_key_field_equals_only_null() {
    let empty = Everything::default();
    let bytes = bytes_of(&empty);
    let message = capnzero::read::<Everything>(&bytes).unwrap();
    let reader = message.root();
    assert!(reader == empty);
    let empty_text = Everything { text: Some(String::new()), ..Default::default() };
    assert!(reader != empty_text, "null text is not the empty text");
    let empty_list = Everything { ints: Some(Vec::new()), ..Default::default() };
    assert!(reader != empty_list, "a null list is not the empty list");
}

#[test]
fn recursive_keys() {
    let leaf = |value| Tree { value, left: None, right: None };
    let tree = Tree { value: 1, left: Some(Box::new(leaf(2))), right: Some(Box::new(leaf(3))) };
    let other = Tree { value: 1, left: Some(Box::new(leaf(2))), right: None };
    let bytes = bytes_of(&tree);
    let message = capnzero::read::<Tree>(&bytes).unwrap();
    assert!(message.root() == other, "`right` is not in the key");
    let state = RandomState::new();
    assert_eq!(state.hash_one(message.root()), state.hash_one(&other));
    let deeper = Tree {
        value: 1,
        left: Some(Box::new(Tree { value: 2, left: Some(Box::new(leaf(0))), right: None })),
        right: None,
    };
    assert!(message.root() != deeper);
}

#[test]
fn hashing_and_comparing_a_reader_allocates_nothing() {
    let value = everything();
    let bytes = bytes_of(&value);
    let message = capnzero::read::<Everything>(&bytes).unwrap();
    let reader = message.root();
    let texts_bytes = bytes_of(&Texts { a: Some("a".into()), b: Some("b".into()), c: Some("c".into()) });
    let texts = capnzero::read::<Texts>(&texts_bytes).unwrap();
    let state = RandomState::new();
    let before = allocations();
    let hashes = [state.hash_one(reader), state.hash_one(texts.root()), state.hash_one(&value)];
    let equal = reader == reader && reader == value && texts.root() == texts.root();
    let after = allocations();
    assert!(equal);
    assert_ne!(hashes[0], hashes[1]);
    assert_eq!(after - before, 0, "hashing and comparing keys must not allocate");
    // The counter does count: an owned copy allocates its strings and lists.
    let owned = reader.to_owned();
    assert!(allocations() > after);
    assert!(owned == reader);
}

#[test]
fn virtual_groups_view_their_fields_and_compare_by_their_key() {
    let red = Pixel { x: 1, y: 2, color: Some("red".into()) };
    let blue = Pixel { x: 1, y: 2, color: Some("blue".into()) };
    let (red_bytes, blue_bytes) = (bytes_of(&red), bytes_of(&blue));
    let red = capnzero::read::<Pixel>(&red_bytes).unwrap();
    let blue = capnzero::read::<Pixel>(&blue_bytes).unwrap();
    let position = red.root().position();
    assert_eq!((position.x(), position.y()), (1, 2));
    assert_eq!(position.key(), (1, 2));
    assert!(position == blue.root().position(), "the color is not in the group");
    let state = RandomState::new();
    assert_eq!(state.hash_one(position), state.hash_one((1i64, 2i64)));
    // The members keep their own accessors; a group without a key only reads.
    assert_eq!(red.root().x(), 1);
    assert_eq!(red.root().coloured().color(), Some("red"));
    assert_eq!(red.root().coloured().x(), 1);
    // The Void fields take no space.
    assert_eq!(<Pixel as capnzero::Struct>::DATA_WORDS, 2);
    assert_eq!(<Pixel as capnzero::Struct>::POINTER_COUNT, 1);
}

#[test]
fn a_virtual_group_whose_view_name_is_taken_gets_a_trailing_underscore() {
    let bytes = bytes_of(&Spot { x: 3, y: 4 });
    let message = capnzero::read::<Spot>(&bytes).unwrap();
    let view: spot::PositionReader_<'_> = message.root().position();
    assert_eq!((view.x(), view.y()), (3, 4));
    assert_eq!(view.key(), (3, 4));
    // The nested struct keeps its names.
    let nested_bytes = bytes_of(&spot::Position { z: 5 });
    let nested = capnzero::read::<spot::Position>(&nested_bytes).unwrap();
    let nested: spot::PositionReader<'_> = nested.root();
    assert_eq!(nested.z(), 5);
}
