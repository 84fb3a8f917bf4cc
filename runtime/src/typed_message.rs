//! Whole messages of a generated type that own their bytes ([`Message`], capnpy's `loads`),
//! streams of them (`load`, `load_all` and their packed forms, with the `std` feature),
//! compact copies of a struct anywhere in a message ([`compact_struct`], [`struct_to_bytes`]),
//! and owned values or readers written into builders ([`set_root`], [`set_struct`],
//! [`copy_struct`]).
//!
//! Everything here is built on the untyped layer: [`OwnedMessage`] holds the bytes, the stream
//! functions frame and unframe, [`crate::compact`]'s copy lays structs out compactly.

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use crate::builder::{MessageBuilder, PointerBuilder, StructBuilder};
use crate::canonical::is_compact;
use crate::copy::measure;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{MessageReader, ReaderOptions};
use crate::packed::pack_pieces;
use crate::reader::StructReader;
use crate::serialize::{frame_segments, segment_table, OwnedMessage};
use crate::typed::{Struct, TypedMessage};
use crate::wire::{self, BYTES_PER_WORD};

/// A framed message whose root is a `T`, owning its bytes: what loading from a stream or
/// unpacking gives, and what can outlive the buffer it came from.
///
/// The bytes are always in the standard framing (segment table, then segments), so
/// [`Message::as_bytes`] can be sent as they are. Reading goes through [`Message::reader`],
/// which opens the bytes in O(segments) with a fresh traversal budget:
/// `message.reader().root()` is the zero-copy view.
pub struct Message<T: Struct> {
    message: OwnedMessage,
    root: PhantomData<fn() -> T>,
}

impl<T: Struct> Clone for Message<T> {
    fn clone(&self) -> Self {
        Message { message: self.message.clone(), root: PhantomData }
    }
}

impl<T: Struct> fmt::Debug for Message<T> {
    /// The type and the size, not the content: the text format is for the generated types.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reader = self.message.reader();
        f.debug_struct("Message")
            .field("root", &core::any::type_name::<T>())
            .field("segments", &reader.segment_count())
            .field("words", &reader.total_words())
            .finish()
    }
}

impl<T: Struct> Message<T> {
    /// Takes framed bytes (exactly one message), with the default limits; an error when the
    /// framing is malformed or the root is not a struct.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Message<T>> {
        Self::from_bytes_with_options(bytes, ReaderOptions::default())
    }

    /// [`Message::from_bytes`] with the given limits, which every later read of the message uses.
    pub fn from_bytes_with_options(bytes: Vec<u8>, options: ReaderOptions) -> Result<Message<T>> {
        Self::from_message(OwnedMessage::from_bytes(bytes, options)?)
    }

    /// Takes one segment without a segment table (`capnp --flat`), with the default limits.
    /// The segment is copied once, behind a segment table.
    pub fn from_flat(bytes: &[u8]) -> Result<Message<T>> {
        Self::from_flat_with_options(bytes, ReaderOptions::default())
    }

    /// [`Message::from_flat`] with the given limits.
    pub fn from_flat_with_options(bytes: &[u8], options: ReaderOptions) -> Result<Message<T>> {
        MessageReader::from_flat(bytes, options)?;
        Self::from_bytes_with_options(frame_segments(&[bytes]), options)
    }

    /// Unpacks one packed message (exactly one: trailing bytes are an error), with the
    /// default limits.
    pub fn from_packed(packed: &[u8]) -> Result<Message<T>> {
        Self::from_packed_with_options(packed, ReaderOptions::default())
    }

    /// [`Message::from_packed`] with the given limits. A message whose segments hold more words
    /// than the traversal limit is refused ([`ErrorKind::TooLarge`]) as `load` refuses it;
    /// with the `std` feature that happens before anything is allocated, so a small input of
    /// long zero runs cannot make it allocate more than the limit (without it, the input is
    /// unpacked whole first).
    pub fn from_packed_with_options(packed: &[u8], options: ReaderOptions) -> Result<Message<T>> {
        Self::from_message(unpack_message(packed, options)?)
    }

    /// A message built in this process (its bytes framed once more), read with no traversal
    /// limit as [`MessageBuilder::as_reader`] does; an error when its root is not a struct.
    pub fn from_builder(builder: &MessageBuilder) -> Result<Message<T>> {
        Self::from_bytes_with_options(builder.to_bytes(), ReaderOptions::UNLIMITED)
    }

    /// Takes an untyped message held in the standard framing (as [`OwnedMessage::from_bytes`]
    /// makes them), checking that its root is a struct. A message held otherwise (flat, or
    /// read from a stream) is framed again.
    pub fn from_message(message: OwnedMessage) -> Result<Message<T>> {
        let message = if message.is_framed() {
            message
        } else {
            let options = message.reader().options();
            OwnedMessage::from_bytes(message.to_bytes(), options)?
        };
        message.reader().root_struct()?;
        Ok(Message { message, root: PhantomData })
    }

    /// Opens the message for reading: `.root()` on the result is the root's view. Each call
    /// starts a fresh traversal budget.
    pub fn reader(&self) -> TypedMessage<'_, T> {
        TypedMessage::new(self.message.reader())
    }

    /// The root copied into an owned value.
    pub fn to_owned(&self) -> T {
        T::read_owned(self.reader().root())
    }

    /// The framed bytes (segment table, then segments).
    pub fn as_bytes(&self) -> &[u8] {
        self.message.as_bytes()
    }

    /// The framed bytes, copied.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.as_bytes().to_vec()
    }

    /// The message packed, byte for byte as the reference implementation packs it.
    pub fn to_packed_bytes(&self) -> Vec<u8> {
        let reader = self.message.reader();
        let segments: Vec<&[u8]> = reader.segments().collect();
        packed_pieces(&segments)
    }

    /// The untyped message.
    pub fn message(&self) -> &OwnedMessage {
        &self.message
    }

    /// The untyped message, given back.
    pub fn into_message(self) -> OwnedMessage {
        self.message
    }

    /// The number of segments.
    pub fn segment_count(&self) -> usize {
        self.message.reader().segment_count()
    }

    /// A new single-segment message holding only the root and what it points at, laid out
    /// compactly (capnpy's `compact()`): holes left by overwritten pointers, far pointers and
    /// other segments are gone.
    pub fn compact(&self) -> Result<Message<T>> {
        compact_struct::<T>(self.reader().root())
    }

    /// Whether the root is compact (see [`crate::is_compact`]).
    pub fn is_compact(&self) -> Result<bool> {
        is_compact_struct::<T>(self.reader().root())
    }

    /// Writes the message in the standard framing.
    #[cfg(feature = "std")]
    pub fn write_to<W: std::io::Write>(&self, mut writer: W) -> Result<()> {
        writer.write_all(self.as_bytes())?;
        Ok(())
    }

    /// Writes the message packed.
    #[cfg(feature = "std")]
    pub fn write_packed_to<W: std::io::Write>(&self, mut writer: W) -> Result<()> {
        writer.write_all(&self.to_packed_bytes())?;
        Ok(())
    }
}

/// Packs a message given by its segments: the segment table and each segment as separate
/// pieces, as the reference does.
fn packed_pieces(segments: &[&[u8]]) -> Vec<u8> {
    let lengths: Vec<usize> = segments.iter().map(|s| s.len()).collect();
    let table = segment_table(&lengths);
    let mut pieces = Vec::with_capacity(segments.len() + 1);
    pieces.push(&table[..]);
    pieces.extend_from_slice(segments);
    pack_pieces(&pieces)
}

#[cfg(feature = "std")]
fn unpack_message(packed: &[u8], options: ReaderOptions) -> Result<OwnedMessage> {
    use std::io::Read;

    let mut input = crate::packed::PackedRead::new(packed);
    let message = crate::stream::try_read_message(&mut input, options)?
        .ok_or_else(|| Error::new(ErrorKind::Truncated, "the packed input ends before a message"))?;
    // A zero run reaching past the message counts as trailing bytes too.
    if input.read(&mut [0u8; 1])? != 0 {
        return Err(Error::new(ErrorKind::TrailingBytes, "packed bytes follow the message"));
    }
    Ok(message)
}

#[cfg(not(feature = "std"))]
fn unpack_message(packed: &[u8], options: ReaderOptions) -> Result<OwnedMessage> {
    let message = OwnedMessage::from_bytes(crate::packed::unpack(packed)?, options)?;
    let words = message.reader().total_words() as u64;
    if words > options.traversal_limit_words {
        return Err(Error::with_message(
            ErrorKind::TooLarge,
            alloc::format!(
                "the message has {words} words, more than the traversal limit of {}",
                options.traversal_limit_words
            ),
        ));
    }
    Ok(message)
}

/// A message holding `value` as its root, owning its bytes (read back with no traversal
/// limit: it was built here).
pub fn to_message<T: Struct>(value: &T) -> Result<Message<T>> {
    let mut builder = MessageBuilder::default();
    value.write_to(builder.init_root(T::DATA_WORDS, T::POINTER_COUNT))?;
    Message::from_builder(&builder)
}

/// A message holding `value` as its root, packed (what `to_bytes` gives, packed as the
/// reference packs it).
pub fn to_packed_bytes<T: Struct>(value: &T) -> Result<Vec<u8>> {
    let mut builder = MessageBuilder::default();
    value.write_to(builder.init_root(T::DATA_WORDS, T::POINTER_COUNT))?;
    Ok(packed_pieces(&builder.segments()))
}

/// Unpacks one packed message whose root is a `T`, with the default limits.
pub fn read_packed<T: Struct>(packed: &[u8]) -> Result<Message<T>> {
    Message::from_packed(packed)
}

/// [`read_packed`] with the given limits.
pub fn read_packed_with_options<T: Struct>(packed: &[u8], options: ReaderOptions) -> Result<Message<T>> {
    Message::from_packed_with_options(packed, options)
}

/// Sets the root of `message` to a copy of `value` and returns the root's builder.
pub fn set_root<'m, T: Struct>(message: &'m mut MessageBuilder, value: &T) -> Result<T::Builder<'m>> {
    set_struct(message.root(), value)
}

/// Points `pointer` (a field of another builder, a list element, a root) at a new struct
/// holding a copy of `value`, and returns its builder.
pub fn set_struct<'m, T: Struct>(pointer: PointerBuilder<'m>, value: &T) -> Result<T::Builder<'m>> {
    let mut builder = pointer.init_struct(T::DATA_WORDS, T::POINTER_COUNT);
    value.write_to(builder.reborrow())?;
    Ok(T::wrap_builder(builder))
}

/// A new single-segment message whose root is a copy of `reader` and everything it points at,
/// laid out compactly in pre-order (capnpy's `compact()`); the struct may be anywhere: a list
/// element, a field, the root of a message of many segments. Unknown fields (from a newer
/// schema) are kept. The source is read twice (measured, then copied), so it charges its
/// traversal budget twice.
pub fn compact_struct<T: Struct>(reader: T::Reader<'_>) -> Result<Message<T>> {
    let builder = compact_copy(&T::unwrap_reader(reader))?;
    Message::from_builder(&builder)
}

/// Whether `reader` is compact: its children follow it without gaps, in pointer order,
/// recursively, in one segment (see [`crate::is_compact`]).
pub fn is_compact_struct<T: Struct>(reader: T::Reader<'_>) -> Result<bool> {
    is_compact(&T::unwrap_reader(reader))
}

/// A framed message whose root is a copy of `reader` (capnpy's `dumps()` of a struct). When
/// the struct is already compact, its words are copied as they are into one buffer of the
/// exact size, behind a segment table and a root pointer; otherwise it is compacted first.
/// Either way the bytes are those of `compact_struct(reader)?.as_bytes()`, except that the
/// fast path keeps whatever padding the source has (after a Text's NUL, say), where the copy
/// writes zeros; builders write zero padding.
pub fn struct_to_bytes<T: Struct>(reader: T::Reader<'_>) -> Result<Vec<u8>> {
    let s = T::unwrap_reader(reader);
    if let Some(words) = crate::canonical::compact_size(&s)? {
        if let Some(bytes) = framed_run(&s, words)? {
            return Ok(bytes);
        }
    }
    Ok(compact_copy(&s)?.to_bytes())
}

/// Points `pointer` at a deep copy of `reader` (from any message, any segment layout) and
/// returns its builder: the reader → builder copy, without an owned value in between. Fields
/// this `T` does not know (written by a newer schema) are copied too; a struct from an older
/// schema is given `T`'s size, so every setter of the builder works.
pub fn copy_struct<'m, T: Struct>(pointer: PointerBuilder<'m>, reader: T::Reader<'_>) -> Result<T::Builder<'m>> {
    let s = T::unwrap_reader(reader);
    let size = (s.data_words().max(T::DATA_WORDS), s.pointer_count().max(T::POINTER_COUNT));
    Ok(T::wrap_builder(copy_into(&s, pointer, size)?))
}

/// Points `pointer` at a new struct of `size` (data words, pointers), at least `s`'s, holding
/// a copy of `s` and its children.
fn copy_into<'m>(s: &StructReader<'_>, pointer: PointerBuilder<'m>, size: (u16, u16)) -> Result<StructBuilder<'m>> {
    let mut copy = pointer.init_struct(size.0, size.1);
    let data = s.data_section();
    let dest = copy.data_section_mut();
    let n = data.len().min(dest.len());
    dest[..n].copy_from_slice(&data[..n]);
    for i in 0..s.pointer_count() {
        if let Some(pointer) = copy.pointer(i) {
            pointer.set_copy_of(s.pointer(i))?;
        }
    }
    Ok(copy)
}

/// Copies `s` and its children into a builder whose first segment has exactly the room needed.
fn compact_copy(s: &StructReader<'_>) -> Result<MessageBuilder> {
    let words = 1 + body_words(s)?;
    let words = u32::try_from(words).map_err(|_| Error::new(ErrorKind::TooLarge, "the copy exceeds 2^32 words"))?;
    let mut builder = MessageBuilder::with_first_segment_words(words);
    copy_into(s, builder.root(), (s.data_words(), s.pointer_count()))?;
    Ok(builder)
}

/// Words of `s` and of everything it points at, as on the wire.
fn body_words(s: &StructReader<'_>) -> Result<u64> {
    let mut words = s.data_words() as u64 + s.pointer_count() as u64;
    for pointer in s.pointers() {
        words += measure(pointer, false)?;
    }
    Ok(words)
}

/// [`framed_run`] measuring `s` first.
#[cfg(test)]
fn compact_words_framed(s: &StructReader<'_>) -> Result<Option<Vec<u8>>> {
    framed_run(s, body_words(s)?)
}

/// The fast path of [`struct_to_bytes`] for a compact `s` of `words` words: its words and its
/// children's are one run of the segment, so the copy is that run behind a root pointer, every
/// offset inside unchanged. `None` when the segment cannot be reached (the slow path then copies).
fn framed_run(s: &StructReader<'_>, words: u64) -> Result<Option<Vec<u8>>> {
    let run = match run_of(s, words) {
        Some(run) => run,
        None => return Ok(None),
    };
    let segment_words =
        u32::try_from(words + 1).map_err(|_| Error::new(ErrorKind::TooLarge, "the copy exceeds 2^32 words"))? as usize;
    let segment_bytes = segment_words * BYTES_PER_WORD;
    let mut out = Vec::with_capacity(BYTES_PER_WORD + segment_bytes);
    // The segment table of one segment: a count of 0 (meaning one), then its size.
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(segment_words as u32).to_le_bytes());
    let root = match (s.data_words(), s.pointer_count()) {
        // A struct of no words is the pointer with offset -1, as the builder writes it.
        (0, 0) => wire::EMPTY_STRUCT,
        (data, ptrs) => wire::make_struct(0, data, ptrs),
    };
    out.extend_from_slice(&root.to_le_bytes());
    out.extend_from_slice(run);
    Ok(Some(out))
}

/// The `words` words of the segment that start where `s` does.
fn run_of<'a>(s: &StructReader<'a>, words: u64) -> Option<&'a [u8]> {
    if s.pointer_count() == 0 {
        // The data section is the whole run and is at hand.
        let data = s.data_section();
        return (data.len() as u64 == words * BYTES_PER_WORD as u64).then_some(data);
    }
    // A struct reader does not expose its segment, but a pointer slot of its pointer section
    // does: following a null or near word stays in the slot's segment (a capability gives an
    // error and is skipped; a compact struct has no far pointers).
    let (segment_id, start) = s.location();
    let segment = s.pointers().find_map(|p| {
        let target = p.target().ok()?;
        (target.place.seg_id == segment_id).then_some(target.place.seg)
    })?;
    let from = usize::try_from(start).ok()?.checked_mul(BYTES_PER_WORD)?;
    let len = usize::try_from(words).ok()?.checked_mul(BYTES_PER_WORD)?;
    segment.get(from..from.checked_add(len)?)
}

#[cfg(feature = "std")]
pub use self::io::{
    load, load_all, load_all_packed, load_all_packed_with_options, load_all_with_options, load_packed,
    load_packed_with_options, load_with_options, write_packed_to, write_to, Messages,
};

#[cfg(feature = "std")]
mod io {
    use std::io::{BufRead, Read, Write};

    use super::*;
    use crate::packed::PackedRead;
    use crate::stream::{read_messages, try_read_message, write_message, write_packed_message, MessageStream};

    /// Reads the next framed message of `reader` whose root is a `T`, with the default
    /// limits: `None` when the input ends cleanly before the message's first byte; an error
    /// for any other truncation, a malformed segment table, a message larger than the
    /// traversal limit (refused before anything is allocated) or a root that is not a struct.
    /// Pass `&mut reader` to read several messages in turn.
    pub fn load<T: Struct, R: Read>(reader: R) -> Result<Option<Message<T>>> {
        load_with_options(reader, ReaderOptions::default())
    }

    /// [`load`] with the given limits.
    pub fn load_with_options<T: Struct, R: Read>(reader: R, options: ReaderOptions) -> Result<Option<Message<T>>> {
        try_read_message(reader, options)?.map(Message::from_message).transpose()
    }

    /// [`load`] of a packed message. Each call unpacks from the start of a packed message, as
    /// every writer packs them (runs never cross the end of a message).
    pub fn load_packed<T: Struct, R: BufRead>(reader: R) -> Result<Option<Message<T>>> {
        load_packed_with_options(reader, ReaderOptions::default())
    }

    /// [`load_packed`] with the given limits.
    pub fn load_packed_with_options<T: Struct, R: BufRead>(
        reader: R,
        options: ReaderOptions,
    ) -> Result<Option<Message<T>>> {
        load_with_options(PackedRead::new(reader), options)
    }

    /// The framed messages of `reader`, each with a `T` root, with the default limits. A
    /// clean end of input at a message boundary ends the iteration; anything else that goes
    /// wrong (truncation, a malformed message) is yielded as an error and ends it.
    pub fn load_all<T: Struct, R: Read>(reader: R) -> Messages<T, R> {
        load_all_with_options(reader, ReaderOptions::default())
    }

    /// [`load_all`] with the given limits, which apply to each message.
    pub fn load_all_with_options<T: Struct, R: Read>(reader: R, options: ReaderOptions) -> Messages<T, R> {
        Messages { stream: read_messages(reader, options), done: false, root: PhantomData }
    }

    /// [`load_all`] over a packed stream.
    pub fn load_all_packed<T: Struct, R: BufRead>(reader: R) -> Messages<T, PackedRead<R>> {
        load_all_packed_with_options(reader, ReaderOptions::default())
    }

    /// [`load_all_packed`] with the given limits.
    pub fn load_all_packed_with_options<T: Struct, R: BufRead>(
        reader: R,
        options: ReaderOptions,
    ) -> Messages<T, PackedRead<R>> {
        load_all_with_options(PackedRead::new(reader), options)
    }

    /// The iterator of [`load_all`]: each item a message or the error that ended the stream.
    pub struct Messages<T: Struct, R> {
        stream: MessageStream<R>,
        done: bool,
        root: PhantomData<fn() -> T>,
    }

    impl<T: Struct, R: Read> Iterator for Messages<T, R> {
        type Item = Result<Message<T>>;

        fn next(&mut self) -> Option<Result<Message<T>>> {
            if self.done {
                return None;
            }
            let next = self.stream.next()?.and_then(Message::from_message);
            // The stream is still in step after a root of the wrong kind, but an error ends
            // the iteration whatever it is, as the untyped stream does.
            self.done = next.is_err();
            Some(next)
        }
    }

    impl<T: Struct, R: Read> core::iter::FusedIterator for Messages<T, R> {}

    /// Writes a message holding `value` as its root, in the standard framing.
    pub fn write_to<T: Struct, W: Write>(writer: W, value: &T) -> Result<()> {
        let mut builder = MessageBuilder::default();
        value.write_to(builder.init_root(T::DATA_WORDS, T::POINTER_COUNT))?;
        write_message(writer, &builder)
    }

    /// Writes a message holding `value` as its root, packed.
    pub fn write_packed_to<T: Struct, W: Write>(writer: W, value: &T) -> Result<()> {
        let mut builder = MessageBuilder::default();
        value.write_to(builder.init_root(T::DATA_WORDS, T::POINTER_COUNT))?;
        write_packed_message(writer, &builder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::BuilderOptions;
    use crate::wire::ElementSize;

    /// A struct type whose views are the untyped ones: 1 data word, 2 pointers.
    struct Raw(u64);

    impl Struct for Raw {
        type Reader<'a> = StructReader<'a>;
        type Builder<'a> = StructBuilder<'a>;
        const TYPE_ID: u64 = 0xa000_0000_0000_0001;
        const DATA_WORDS: u16 = 1;
        const POINTER_COUNT: u16 = 2;
        fn wrap_reader(reader: StructReader<'_>) -> StructReader<'_> {
            reader
        }
        fn wrap_builder(builder: StructBuilder<'_>) -> StructBuilder<'_> {
            builder
        }
        fn unwrap_reader<'a>(reader: Self::Reader<'a>) -> StructReader<'a> {
            reader
        }
        fn read_owned(reader: StructReader<'_>) -> Raw {
            Raw(reader.get::<u64>(0))
        }
        fn write_to(&self, mut builder: StructBuilder<'_>) -> Result<()> {
            builder.set::<u64>(0, self.0);
            Ok(())
        }
    }

    fn framed(build: impl FnOnce(&mut MessageBuilder)) -> Vec<u8> {
        let mut builder = MessageBuilder::default();
        build(&mut builder);
        builder.to_bytes()
    }

    fn root_of(bytes: &[u8]) -> MessageReader<'_> {
        MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap()
    }

    /// The slow path's bytes, to compare the fast path with.
    fn slow(s: &StructReader<'_>) -> Vec<u8> {
        compact_copy(s).unwrap().to_bytes()
    }

    #[test]
    fn fast_path_of_a_struct_with_null_and_near_pointers_is_the_run_of_words() {
        let bytes = framed(|m| {
            let mut root = m.init_root(1, 2);
            root.set::<u64>(0, 7);
            root.pointer(1).unwrap().set_text("abc").unwrap();
        });
        let message = root_of(&bytes);
        let root = message.root_struct().unwrap();
        assert!(is_compact(&root).unwrap());
        assert_eq!(crate::canonical::compact_size(&root).unwrap(), Some(4));
        assert_eq!(body_words(&root).unwrap(), 4);
        // Root struct (3 words) and the text (1 word), after the root pointer.
        assert_eq!(run_of(&root, 4), Some(&bytes[16..48]));
        let fast = compact_words_framed(&root).unwrap().unwrap();
        assert_eq!(fast, slow(&root));
        assert_eq!(fast, bytes);
        assert_eq!(struct_to_bytes::<Raw>(root).unwrap(), bytes);
    }

    #[test]
    fn fast_path_of_structs_without_pointers_and_without_words() {
        let bytes = framed(|m| m.init_root(2, 0).set::<u32>(1, 0xdead));
        let message = root_of(&bytes);
        let root = message.root_struct().unwrap();
        assert_eq!(compact_words_framed(&root).unwrap().unwrap(), slow(&root));

        let bytes = framed(|m| {
            m.init_root(0, 0);
        });
        let message = root_of(&bytes);
        let root = message.root_struct().unwrap();
        let fast = compact_words_framed(&root).unwrap().unwrap();
        assert_eq!(fast, slow(&root));
        assert_eq!(fast, [0, 0, 0, 0, 1, 0, 0, 0, 0xfc, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

        // The all-default view (a null root) copies as an empty struct too.
        let fast = compact_words_framed(&StructReader::default()).unwrap().unwrap();
        assert_eq!(fast, slow(&StructReader::default()));
    }

    #[test]
    fn a_struct_whose_pointers_are_all_capabilities_takes_the_slow_path() {
        let bytes = framed(|m| {
            let mut root = m.init_root(1, 1);
            root.set::<u64>(0, 3);
            root.pointer(0).unwrap().set_capability(5);
        });
        let message = root_of(&bytes);
        let root = message.root_struct().unwrap();
        assert!(is_compact(&root).unwrap());
        assert_eq!(run_of(&root, 2), None);
        assert_eq!(compact_words_framed(&root).unwrap(), None);
        let copy = struct_to_bytes::<Raw>(root).unwrap();
        assert_eq!(copy, bytes);
        let reread = root_of(&copy);
        assert_eq!(reread.root_struct().unwrap().pointer(0).get_capability(), Ok(Some(5)));
    }

    #[test]
    fn an_element_of_a_primitive_list_copies_its_bytes_into_a_whole_word() {
        let bytes = framed(|m| {
            let mut list = m.root().init_list(ElementSize::FourBytes, 3).unwrap();
            for i in 0..3 {
                list.set::<u32>(i, 0x0102_0304 * (i + 1)).unwrap();
            }
        });
        let message = root_of(&bytes);
        let list = message.root().get_list(ElementSize::InlineComposite).unwrap().unwrap();
        let element = list.get_struct(1).unwrap();
        assert!(!is_compact(&element).unwrap());
        let copy = struct_to_bytes::<Raw>(element).unwrap();
        let reread = root_of(&copy);
        let root = reread.root_struct().unwrap();
        assert_eq!((root.data_words(), root.pointer_count()), (1, 0));
        assert_eq!(root.get::<u64>(0), 0x0204_0608);
        assert_eq!(compact_struct::<Raw>(element).unwrap().as_bytes(), &copy[..]);
    }

    #[test]
    fn a_message_held_without_its_table_is_framed_again() {
        let bytes = framed(|m| m.init_root(1, 2).set::<u64>(0, 11));
        let flat = bytes[8..].to_vec();
        let owned = OwnedMessage::from_flat(flat, ReaderOptions::default()).unwrap();
        assert!(!owned.is_framed());
        let message = Message::<Raw>::from_message(owned).unwrap();
        assert!(message.message().is_framed());
        assert_eq!(message.as_bytes(), &bytes[..]);
        assert_eq!(message.to_owned().0, 11);
    }

    #[test]
    #[cfg(feature = "std")]
    fn a_message_read_from_a_stream_is_kept_framed() {
        // One segment and three: the stream's bytes are held as they came, table included.
        let one = framed(|m| m.init_root(1, 2).set::<u64>(0, 11));
        let mut tiny = MessageBuilder::new(BuilderOptions {
            first_segment_words: 2,
            allocation: crate::AllocationStrategy::FixedSize,
        });
        let mut root = tiny.init_root(1, 2);
        root.set::<u64>(0, 12);
        root.pointer(0).unwrap().set_text("a text longer than a segment").unwrap();
        let three = tiny.to_bytes();
        assert!(tiny.segment_count() >= 3);
        let stream = [&one[..], &three[..]].concat();
        let mut input = &stream[..];
        let first = crate::stream::read_message(&mut input, ReaderOptions::default()).unwrap();
        let second = crate::stream::read_message(&mut input, ReaderOptions::default()).unwrap();
        assert!(input.is_empty());
        assert!(first.is_framed() && second.is_framed());
        assert_eq!((first.as_bytes(), second.as_bytes()), (&one[..], &three[..]));
        assert_eq!(second.reader().segment_count(), tiny.segment_count());
        let message = Message::<Raw>::from_message(second).unwrap();
        assert_eq!(message.as_bytes(), &three[..]);
        assert_eq!(message.to_owned().0, 12);
    }

    #[test]
    fn a_root_that_is_not_a_struct_is_refused() {
        let bytes = framed(|m| {
            m.root().init_list(ElementSize::Byte, 3).unwrap();
        });
        let error = Message::<Raw>::from_bytes(bytes).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::WrongPointerKind);
    }

    #[test]
    fn a_multi_segment_root_is_compacted_into_one_segment() {
        let mut builder = MessageBuilder::new(BuilderOptions {
            first_segment_words: 2,
            allocation: crate::builder::AllocationStrategy::FixedSize,
        });
        let mut root = builder.init_root(1, 2);
        root.set::<u64>(0, 9);
        root.pointer(0).unwrap().set_text("a longer text than a segment").unwrap();
        root.pointer(1).unwrap().init_struct(1, 0).set::<u64>(0, 4);
        assert!(builder.segment_count() > 1);
        let message = Message::<Raw>::from_builder(&builder).unwrap();
        assert!(!message.is_compact().unwrap());
        let compacted = message.compact().unwrap();
        assert_eq!(compacted.segment_count(), 1);
        assert!(compacted.is_compact().unwrap());
        let reader = compacted.reader();
        let root = reader.root();
        assert_eq!(root.get::<u64>(0), 9);
        assert_eq!(root.pointer(0).get_text().unwrap().unwrap().as_str(), Ok("a longer text than a segment"));
        assert_eq!(root.pointer(1).get_struct().unwrap().unwrap().get::<u64>(0), 4);
        assert_eq!(struct_to_bytes::<Raw>(message.reader().root()).unwrap(), compacted.as_bytes());
    }

    #[test]
    fn a_copy_into_a_builder_keeps_unknown_fields_and_grows_an_older_struct() {
        // Newer than Raw: two data words and three pointers.
        let newer = framed(|m| {
            let mut root = m.init_root(2, 3);
            root.set::<u64>(0, 1);
            root.set::<u64>(1, 2);
            root.pointer(2).unwrap().set_text("unknown to Raw").unwrap();
        });
        let message = root_of(&newer);
        let mut builder = MessageBuilder::default();
        let mut copy = copy_struct::<Raw>(builder.root(), message.root_struct().unwrap()).unwrap();
        copy.set::<u64>(0, 10);
        let copied = builder.to_bytes();
        let reread = root_of(&copied);
        let root = reread.root_struct().unwrap();
        assert_eq!((root.data_words(), root.pointer_count()), (2, 3));
        assert_eq!((root.get::<u64>(0), root.get::<u64>(1)), (10, 2));
        assert_eq!(root.pointer(2).get_text().unwrap().unwrap().as_str(), Ok("unknown to Raw"));

        // Older than Raw: no data, no pointers; the copy gets Raw's size so setters work.
        let older = framed(|m| {
            m.init_root(0, 0);
        });
        let message = root_of(&older);
        let mut builder = MessageBuilder::default();
        let mut copy = copy_struct::<Raw>(builder.root(), message.root_struct().unwrap()).unwrap();
        copy.set::<u64>(0, 5);
        copy.pointer(1).unwrap().set_text("x").unwrap();
        let copied = builder.to_bytes();
        let reread = root_of(&copied);
        let root = reread.root_struct().unwrap();
        assert_eq!((root.data_words(), root.pointer_count()), (1, 2));
        assert_eq!(root.get::<u64>(0), 5);
    }

    #[test]
    fn a_packed_message_larger_than_the_traversal_limit_is_refused() {
        // A table for one segment of 1000 words, then 1000 zero words: 1008 words unpacked.
        let mut framed = alloc::vec![0u8, 0, 0, 0, 0xe8, 3, 0, 0];
        framed.resize(8 + 1000 * 8, 0);
        let packed = crate::packed::pack(&framed);
        assert!(packed.len() < 20);
        let small = ReaderOptions { traversal_limit_words: 100, ..ReaderOptions::DEFAULT };
        assert_eq!(read_packed_with_options::<Raw>(&packed, small).unwrap_err().kind(), ErrorKind::TooLarge);
        let message = read_packed::<Raw>(&packed).unwrap();
        assert_eq!(message.as_bytes(), &framed[..]);
        assert_eq!(message.to_owned().0, 0);
    }
}
