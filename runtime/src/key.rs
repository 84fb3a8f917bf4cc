//! Value semantics by key (capnpy's `$Py.key`): a struct with a key annotation compares and
//! hashes by the tuple of its key fields, and its reader and owned value agree, so that a value
//! read from one message finds an equal one from another message (or an owned one) in a hash
//! map. Generated code implements [`KeyAnnotation`] for keyed readers; every reader's `PartialEq`,
//! `Eq` and `Hash` impls require it, so comparing a reader without a key is a compile error
//! whose message says to add one.
//!
//! Hashing never allocates: text is hashed as `str`, data as `[u8]`, lists element by element
//! straight from the message.

use core::fmt;
use core::hash::{Hash, Hasher};

use crate::typed::{List, ListElement};

/// A reader whose struct has a key annotation: equality and hashing by the key tuple.
///
/// The name is what the compiler shows when a reader without a key is compared or hashed
/// (its `PartialEq`, `Eq` and `Hash` impls require this trait): "an implementation of
/// `KeyAnnotation` might be missing for `PointReader<'_>`", i.e. the schema should give
/// `Point` a key.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no key, so it cannot be compared or hashed",
    label = "this struct has no key annotation",
    note = "add a key to the struct in the schema: `$Py.key(\"x, y\")` (capnpy's /capnpy/annotate.capnp) or \
            `$Rust.key(\"x, y\")` (capnzero's /capnzero/annotate.capnp); `\"*\"` lists every field"
)]
pub trait KeyAnnotation {
    /// Whether the key tuples are equal.
    fn key_eq(&self, other: &Self) -> bool;
    /// Hashes the key tuple.
    fn key_hash<H: Hasher>(&self, state: &mut H);
}

/// The owned form of a list key field: hashes and compares like the message's list view
/// ([`List`]), element by element, so an owned value and a reader hash alike.
pub struct ListKey<'o, O>(&'o [O]);

impl<'o, O> ListKey<'o, O> {
    /// The key of `elements`.
    pub fn new(elements: &'o [O]) -> ListKey<'o, O> {
        ListKey(elements)
    }

    /// The elements.
    pub fn as_slice(&self) -> &'o [O] {
        self.0
    }
}

impl<O> Clone for ListKey<'_, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O> Copy for ListKey<'_, O> {}

impl<O: fmt::Debug> fmt::Debug for ListKey<'_, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0).finish()
    }
}

impl<O: PartialEq> PartialEq for ListKey<'_, O> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<O: Eq> Eq for ListKey<'_, O> {}

impl<O: Hash> Hash for ListKey<'_, O> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Element by element, as `List` hashes: a slice of integers would hash as one
        // byte string, which some hashers do not hash like the integers one by one.
        state.write_usize(self.0.len());
        for element in self.0 {
            element.hash(state);
        }
    }
}

impl<'a, T: ListElement> PartialEq for List<'a, T>
where
    T::Reader<'a>: PartialEq,
{
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<'a, T: ListElement> Eq for List<'a, T> where T::Reader<'a>: Eq {}

impl<'a, T: ListElement> Hash for List<'a, T>
where
    T::Reader<'a>: Hash,
{
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len() as usize);
        for element in self.iter() {
            element.hash(state);
        }
    }
}

/// Whether an optional reader value equals an optional owned one (`None` equals only `None`).
pub fn eq_option<A: PartialEq<B>, B: ?Sized>(a: Option<A>, b: Option<&B>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == *b,
        (None, None) => true,
        _ => false,
    }
}

/// Whether an optional list view equals an optional owned list, element by element.
pub fn eq_list<'a, T: ListElement, O>(a: Option<List<'a, T>>, b: Option<&[O]>) -> bool
where
    T::Reader<'a>: PartialEq<O>,
{
    match (a, b) {
        (Some(a), Some(b)) => a.len() as usize == b.len() && a.iter().zip(b).all(|(a, b)| a == *b),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::MessageBuilder;
    use crate::message::{MessageReader, ReaderOptions};
    use crate::typed::kind::Text;
    use crate::typed::write_list;
    use alloc::string::{String, ToString};
    use alloc::vec;
    use alloc::vec::Vec;

    /// A hasher that records every call, to compare what two values feed a hasher.
    #[derive(Default)]
    struct Recorder(Vec<u8>);

    impl Hasher for Recorder {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, bytes: &[u8]) {
            self.0.push(b'w');
            self.0.extend_from_slice(bytes);
        }
        fn write_u16(&mut self, n: u16) {
            self.0.push(b's');
            self.0.extend_from_slice(&n.to_le_bytes());
        }
        fn write_usize(&mut self, n: usize) {
            self.0.push(b'z');
            self.0.extend_from_slice(&n.to_le_bytes());
        }
    }

    fn record<T: Hash>(value: T) -> Vec<u8> {
        let mut recorder = Recorder::default();
        value.hash(&mut recorder);
        recorder.0
    }

    fn message_with<T: ListElement>(values: &[T::Owned]) -> Vec<u8> {
        let mut message = MessageBuilder::default();
        let mut root = message.init_root(0, 1);
        write_list::<T>(root.pointer(0).unwrap(), values).unwrap();
        message.to_bytes()
    }

    #[test]
    fn a_list_view_and_its_owned_key_feed_a_hasher_alike() {
        let bytes = message_with::<u16>(&[1, 2, 3]);
        let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        let list = List::<u16>::from_pointer(message.root_struct().unwrap().pointer(0)).unwrap();
        let owned = [1u16, 2, 3];
        assert_eq!(record(list), record(ListKey::new(&owned)));
        // A slice of integers would have hashed as one byte string.
        assert_ne!(record(&owned[..]), record(list));
        assert!(eq_list(Some(list), Some(&owned[..])));
        assert!(!eq_list(Some(list), Some(&owned[..2])));
        assert!(!eq_list(Some(list), None::<&[u16]>));
        assert!(eq_list(None::<List<'_, u16>>, None::<&[u16]>));
    }

    #[test]
    fn text_lists_compare_with_owned_strings() {
        let owned = vec!["a".to_string(), "bc".to_string()];
        let bytes = message_with::<Text>(&owned);
        let message = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        let list = List::<Text>::from_pointer(message.root_struct().unwrap().pointer(0)).unwrap();
        assert_eq!(record(list), record(ListKey::<String>::new(&owned)));
        assert!(eq_list(Some(list), Some(&owned[..])));
        assert!(list == list);
    }

    #[test]
    fn optional_values_compare_only_when_both_are_set_or_both_null() {
        assert!(eq_option(Some(3u8), Some(&3u8)));
        assert!(!eq_option(Some(3u8), Some(&4u8)));
        assert!(!eq_option(Some(3u8), None));
        assert!(!eq_option(None::<u8>, Some(&3u8)));
        assert!(eq_option(None::<u8>, None::<&u8>));
    }
}
