//! Building messages in place: segments, allocation, struct/list/pointer builders.
//!
//! Builders borrow the [`MessageBuilder`] mutably, so a child builder is obtained by
//! reborrowing its parent (`parent.reborrow()`, or the methods taking `&mut self`).
//! Overwriting a pointer zeroes the object it pointed at, so no stale data stays in the
//! message; [`crate::compact`] copies a message without the holes that leaves.

use alloc::vec;
use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::message::{MessageReader, ReaderOptions, MAX_SEGMENTS};
use crate::primitive::Primitive;
use crate::wire::{self, ElementSize, Kind, BYTES_PER_WORD, MAX_LIST_ELEMENTS};

/// How the builder sizes the segments it allocates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocationStrategy {
    /// Every segment has the first segment's size (larger only for an object that needs it).
    FixedSize,
    /// Each new segment is as large as all previous ones together, so a message of N words
    /// has O(log N) segments.
    GrowHeuristically,
}

/// How a [`MessageBuilder`] allocates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuilderOptions {
    /// Words in the first segment.
    pub first_segment_words: u32,
    /// How later segments are sized.
    pub allocation: AllocationStrategy,
}

impl BuilderOptions {
    /// 1024 words in the first segment, growing heuristically.
    pub const DEFAULT: BuilderOptions =
        BuilderOptions { first_segment_words: 1024, allocation: AllocationStrategy::GrowHeuristically };
}

impl Default for BuilderOptions {
    fn default() -> Self {
        BuilderOptions::DEFAULT
    }
}

/// The largest segment the builder makes, in words: segment offsets are 29-bit word counts.
const MAX_SEGMENT_WORDS: u64 = 1 << 29;

/// A segment's words: `bytes` holds the allocated words (zeroed when allocated), and has room
/// reserved for all `words` of the segment, so the unused rest is never written.
struct Segment {
    bytes: Vec<u8>,
    words: usize,
}

impl Segment {
    fn with_words(words: usize) -> Segment {
        Segment { bytes: Vec::with_capacity(words * BYTES_PER_WORD), words }
    }

    fn capacity(&self) -> usize {
        self.words
    }

    #[inline]
    fn used(&self) -> usize {
        self.bytes.len() / BYTES_PER_WORD
    }

    #[inline]
    fn try_allocate(&mut self, words: usize) -> Option<usize> {
        let at = self.used();
        if self.words - at >= words {
            self.bytes.resize((at + words) * BYTES_PER_WORD, 0);
            Some(at)
        } else {
            None
        }
    }
}

/// A message under construction.
pub struct MessageBuilder {
    segments: Vec<Segment>,
    options: BuilderOptions,
}

impl Default for MessageBuilder {
    fn default() -> Self {
        MessageBuilder::new(BuilderOptions::DEFAULT)
    }
}

/// A position in a builder: segment and word index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub seg: u32,
    pub word: usize,
}

impl MessageBuilder {
    /// An empty message whose root pointer is null.
    pub fn new(options: BuilderOptions) -> MessageBuilder {
        let first = (options.first_segment_words.max(1) as u64).min(MAX_SEGMENT_WORDS) as usize;
        let mut segment = Segment::with_words(first);
        segment.bytes.resize(BYTES_PER_WORD, 0); // the root pointer
        MessageBuilder { segments: vec![segment], options }
    }

    /// An empty message whose first segment holds exactly `words` words (root pointer
    /// included): the size a caller computed in advance, for a message in one allocation.
    pub fn with_first_segment_words(words: u32) -> MessageBuilder {
        MessageBuilder::new(BuilderOptions { first_segment_words: words, ..BuilderOptions::DEFAULT })
    }

    /// Empties the message for reuse, keeping its memory: the next message is built in the same
    /// buffer without allocating. A message that had spilled into several segments gets one
    /// segment as large as all of them, so the next message of that size fits in one.
    pub fn clear(&mut self) {
        if self.segments.len() > 1 {
            let words = self.segments.iter().map(Segment::capacity).sum::<usize>().min(MAX_SEGMENT_WORDS as usize);
            self.segments.clear();
            self.segments.push(Segment::with_words(words));
        }
        if let Some(first) = self.segments.first_mut() {
            first.bytes.clear();
            first.bytes.resize(BYTES_PER_WORD, 0); // the root pointer
        }
    }

    /// The root pointer.
    pub fn root(&mut self) -> PointerBuilder<'_> {
        PointerBuilder { msg: self, loc: Loc { seg: 0, word: 0 } }
    }

    /// Sets the root to a new struct with the given section sizes.
    pub fn init_root(&mut self, data_words: u16, ptr_count: u16) -> StructBuilder<'_> {
        self.root().init_struct(data_words, ptr_count)
    }

    /// The used words of each segment, as bytes.
    pub fn segments(&self) -> Vec<&[u8]> {
        self.segment_slices().collect()
    }

    /// [`MessageBuilder::segments`] without collecting them.
    pub(crate) fn segment_slices(&self) -> impl ExactSizeIterator<Item = &[u8]> + Clone + '_ {
        self.segments.iter().map(|s| &s.bytes[..])
    }

    /// The number of segments.
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// The message opened for reading, without a traversal limit (the builder made it).
    pub fn as_reader(&self) -> MessageReader<'_> {
        let mut segments = self.segments.iter().map(|s| &s.bytes[..]);
        let first = segments.next().unwrap_or(&[]);
        MessageReader::new(first, segments.collect(), ReaderOptions::UNLIMITED)
    }

    /// Takes the first segment's buffer when the message has one segment: the used words, no copy.
    pub(crate) fn into_single_segment(mut self) -> Option<Vec<u8>> {
        if self.segments.len() != 1 {
            return None;
        }
        self.segments.pop().map(|segment| segment.bytes)
    }

    fn new_segment(&mut self, at_least: usize) -> Result<u32> {
        if self.segments.len() >= MAX_SEGMENTS {
            // No more segments than readers accept: the last one grows instead (a segment's
            // words keep their places; only its buffer moves).
            let last = self.segments.len() - 1;
            let segment = &mut self.segments[last];
            let grown = (segment.words as u64 + (at_least.max(segment.words) as u64)).min(MAX_SEGMENT_WORDS);
            if grown - (segment.used() as u64) < at_least as u64 {
                return Err(Error::new(ErrorKind::TooLarge, "a message larger than 511 full segments"));
            }
            segment.words = grown as usize;
            return Ok(last as u32);
        }
        let base = self.options.first_segment_words.max(1) as usize;
        let size = match self.options.allocation {
            AllocationStrategy::FixedSize => base,
            AllocationStrategy::GrowHeuristically => self.segments.iter().map(|s| s.capacity()).sum(),
        };
        let size = (size.max(at_least) as u64).min(MAX_SEGMENT_WORDS) as usize;
        self.segments.push(Segment::with_words(size));
        Ok(self.segments.len() as u32 - 1)
    }

    /// Allocates `words` zeroed words, in `preferred`'s segment if there is room, else in the
    /// last segment, else in a new one.
    fn allocate(&mut self, preferred: u32, words: usize) -> Result<Loc> {
        if words as u64 > MAX_SEGMENT_WORDS {
            return Err(Error::new(ErrorKind::TooLarge, "an object larger than a segment can hold"));
        }
        if let Some(word) = self.segments.get_mut(preferred as usize).and_then(|s| s.try_allocate(words)) {
            return Ok(Loc { seg: preferred, word });
        }
        let last = self.segments.len() as u32 - 1;
        if last != preferred {
            if let Some(word) = self.segments[last as usize].try_allocate(words) {
                return Ok(Loc { seg: last, word });
            }
        }
        let seg = self.new_segment(words)?;
        let word = self.segments[seg as usize]
            .try_allocate(words)
            .ok_or_else(|| Error::new(ErrorKind::TooLarge, "an object larger than a segment can hold"))?;
        Ok(Loc { seg, word })
    }

    #[inline]
    pub(crate) fn word(&self, loc: Loc) -> u64 {
        self.segments.get(loc.seg as usize).and_then(|s| wire::read_word(&s.bytes, loc.word)).unwrap_or(0)
    }

    #[inline]
    pub(crate) fn set_word(&mut self, loc: Loc, value: u64) {
        if let Some(bytes) = self.bytes_mut(loc.seg, loc.word * BYTES_PER_WORD, BYTES_PER_WORD) {
            bytes.copy_from_slice(&value.to_le_bytes());
        }
    }

    #[inline]
    fn bytes_mut(&mut self, seg: u32, at: usize, len: usize) -> Option<&mut [u8]> {
        self.segments.get_mut(seg as usize)?.bytes.get_mut(at..at.checked_add(len)?)
    }

    #[inline]
    fn bytes(&self, seg: u32, at: usize, len: usize) -> Option<&[u8]> {
        self.segments.get(seg as usize)?.bytes.get(at..at.checked_add(len)?)
    }

    fn zero_words(&mut self, seg: u32, start: usize, words: usize) {
        if let Some(bytes) = self.bytes_mut(seg, start * BYTES_PER_WORD, words * BYTES_PER_WORD) {
            bytes.fill(0);
        }
    }

    /// Allocates an object of `words` words for the pointer at `ptr` and writes the pointer
    /// (`tag` with its offset bits zero). Returns where the object starts.
    #[inline]
    fn allocate_for(&mut self, ptr: Loc, tag: u64, words: usize) -> Result<Loc> {
        if words == 0 && wire::kind(tag) == Kind::Struct {
            self.set_word(ptr, wire::EMPTY_STRUCT);
            return Ok(ptr);
        }
        let in_place = self.segments.get_mut(ptr.seg as usize).and_then(|s| s.try_allocate(words));
        if let Some(word) = in_place {
            let target = Loc { seg: ptr.seg, word };
            self.set_word(ptr, with_offset(tag, ptr.word, word));
            return Ok(target);
        }
        self.allocate_far(ptr, tag, words)
    }

    /// [`MessageBuilder::allocate_for`] when the pointer's segment is full.
    #[inline(never)]
    fn allocate_far(&mut self, ptr: Loc, tag: u64, words: usize) -> Result<Loc> {
        // Another segment: the landing pad goes just before the object.
        let pad = self.allocate(u32::MAX, words + 1)?;
        self.set_word(pad, tag); // offset 0: the object follows the pad
        self.set_word(ptr, wire::make_far(false, pad.word as u32, pad.seg));
        Ok(Loc { seg: pad.seg, word: pad.word + 1 })
    }

    /// Points the pointer at `ptr` to an object that already exists at `target`, described by
    /// `tag` (offset bits ignored), adding a landing pad when they are in different segments.
    fn point_to(&mut self, ptr: Loc, target: Loc, tag: u64) -> Result<()> {
        let tag = tag & !0xffff_fffc;
        if wire::kind(tag) == Kind::Struct && wire::struct_data_words(tag) == 0 && wire::struct_ptr_count(tag) == 0 {
            self.set_word(ptr, wire::EMPTY_STRUCT);
            return Ok(());
        }
        if target.seg == ptr.seg {
            self.set_word(ptr, with_offset(tag, ptr.word, target.word));
            return Ok(());
        }
        if let Some(word) = self.segments.get_mut(target.seg as usize).and_then(|s| s.try_allocate(1)) {
            let pad = Loc { seg: target.seg, word };
            self.set_word(pad, with_offset(tag, word, target.word));
            self.set_word(ptr, wire::make_far(false, word as u32, target.seg));
            return Ok(());
        }
        let pad = self.allocate(ptr.seg, 2)?;
        self.set_word(pad, wire::make_far(false, target.word as u32, target.seg));
        self.set_word(Loc { seg: pad.seg, word: pad.word + 1 }, tag);
        self.set_word(ptr, wire::make_far(true, pad.word as u32, pad.seg));
        Ok(())
    }

    /// Where the pointer at `ptr` leads: the object's start and its tag; `None` for null and
    /// capability pointers.
    fn resolve(&self, ptr: Loc) -> Result<Option<(Loc, u64)>> {
        let word = self.word(ptr);
        if word == 0 {
            return Ok(None);
        }
        let near = |at: Loc, tag: u64| -> Result<Loc> {
            let start = at.word as i64 + 1 + wire::offset(tag);
            usize::try_from(start)
                .map(|word| Loc { seg: at.seg, word })
                .map_err(|_| Error::new(ErrorKind::OutOfBounds, "a pointer before the start of its segment"))
        };
        match wire::kind(word) {
            Kind::Struct | Kind::List => Ok(Some((near(ptr, word)?, word))),
            Kind::Other => Ok(None),
            Kind::Far => {
                let pad = Loc { seg: wire::far_segment(word), word: wire::far_pad_offset(word) as usize };
                let pad_word = self.word(pad);
                if !wire::far_is_double(word) {
                    return Ok(Some((near(pad, pad_word)?, pad_word)));
                }
                let tag = self.word(Loc { seg: pad.seg, word: pad.word + 1 });
                let start = Loc { seg: wire::far_segment(pad_word), word: wire::far_pad_offset(pad_word) as usize };
                Ok(Some((start, tag)))
            }
        }
    }

    /// Zeroes the object the pointer at `ptr` points at (recursively), its landing pad, and
    /// the pointer itself.
    #[inline]
    fn clear_pointer(&mut self, ptr: Loc) {
        // Most pointers written are null still: that case stays inline.
        if self.word(ptr) != 0 {
            self.clear_object_of(ptr);
        }
    }

    #[inline(never)]
    fn clear_object_of(&mut self, ptr: Loc) {
        let word = self.word(ptr);
        if let Ok(Some((start, tag))) = self.resolve(ptr) {
            if wire::kind(word) == Kind::Far {
                let pad = Loc { seg: wire::far_segment(word), word: wire::far_pad_offset(word) as usize };
                self.zero_words(pad.seg, pad.word, if wire::far_is_double(word) { 2 } else { 1 });
            }
            self.zero_object(start, tag);
        }
        self.set_word(ptr, 0);
    }

    fn zero_object(&mut self, start: Loc, tag: u64) {
        match wire::kind(tag) {
            Kind::Struct => {
                let data = wire::struct_data_words(tag) as usize;
                let ptrs = wire::struct_ptr_count(tag) as usize;
                for i in 0..ptrs {
                    self.clear_pointer(Loc { seg: start.seg, word: start.word + data + i });
                }
                self.zero_words(start.seg, start.word, data + ptrs);
            }
            Kind::List => {
                let count = wire::list_count(tag) as usize;
                match wire::list_element_size(tag) {
                    ElementSize::Pointer => {
                        for i in 0..count {
                            self.clear_pointer(Loc { seg: start.seg, word: start.word + i });
                        }
                        self.zero_words(start.seg, start.word, count);
                    }
                    ElementSize::InlineComposite => {
                        let element = self.word(start);
                        let n = (element as u32 >> 2) as usize;
                        let data = wire::struct_data_words(element) as usize;
                        let ptrs = wire::struct_ptr_count(element) as usize;
                        for e in 0..n {
                            for i in 0..ptrs {
                                let word = start.word + 1 + e * (data + ptrs) + data + i;
                                self.clear_pointer(Loc { seg: start.seg, word });
                            }
                        }
                        self.zero_words(start.seg, start.word, count + 1);
                    }
                    size => {
                        let words = wire::words_for_bits(count as u64, size.data_bits() as u64) as usize;
                        self.zero_words(start.seg, start.word, words);
                    }
                }
            }
            _ => {}
        }
    }
}

fn with_offset(tag: u64, ptr_word: usize, target_word: usize) -> u64 {
    let offset = target_word as i64 - ptr_word as i64 - 1;
    (tag & !0xffff_fffc) | ((offset as u32) << 2) as u64
}

/// A pointer slot in a message under construction: the AnyPointer builder.
pub struct PointerBuilder<'a> {
    msg: &'a mut MessageBuilder,
    loc: Loc,
}

impl<'a> PointerBuilder<'a> {
    /// A shorter-lived builder for the same pointer.
    #[inline]
    pub fn reborrow(&mut self) -> PointerBuilder<'_> {
        PointerBuilder { msg: self.msg, loc: self.loc }
    }

    /// Whether the pointer is null.
    #[inline]
    pub fn is_null(&self) -> bool {
        self.msg.word(self.loc) == 0
    }

    /// Sets the pointer to null, zeroing what it pointed at.
    #[inline]
    pub fn clear(&mut self) {
        self.msg.clear_pointer(self.loc);
    }

    /// Points at a new struct with the given section sizes, every field zero.
    #[inline]
    pub fn init_struct(self, data_words: u16, ptr_count: u16) -> StructBuilder<'a> {
        self.msg.clear_pointer(self.loc);
        let words = data_words as usize + ptr_count as usize;
        let start = match self.msg.allocate_for(self.loc, wire::make_struct(0, data_words, ptr_count), words) {
            Ok(start) => start,
            // Only an impossible size (over 2^29 words) fails, and data_words + ptr_count < 2^17.
            Err(_) => return StructBuilder::detached(self.msg),
        };
        StructBuilder::at(self.msg, start, data_words, ptr_count)
    }

    /// The struct the pointer points at, created if null, and moved to a larger allocation if
    /// its sections are smaller than the sizes given (as a newer schema would need).
    pub fn get_struct(self, data_words: u16, ptr_count: u16) -> Result<StructBuilder<'a>> {
        let (start, tag) = match self.msg.resolve(self.loc)? {
            None if self.msg.word(self.loc) == 0 => return Ok(self.init_struct(data_words, ptr_count)),
            None => return Err(Error::new(ErrorKind::WrongPointerKind, "a capability where a struct was expected")),
            Some(found) => found,
        };
        if wire::kind(tag) != Kind::Struct {
            return Err(Error::new(ErrorKind::WrongPointerKind, "a list where a struct was expected"));
        }
        let old_data = wire::struct_data_words(tag);
        let old_ptrs = wire::struct_ptr_count(tag);
        if old_data >= data_words && old_ptrs >= ptr_count {
            return Ok(StructBuilder::at(self.msg, start, old_data, old_ptrs));
        }
        // Grow: copy the data, move the pointers, zero the old words.
        let new_data = old_data.max(data_words);
        let new_ptrs = old_ptrs.max(ptr_count);
        let words = new_data as usize + new_ptrs as usize;
        let new_start = self.msg.allocate(self.loc.seg, words)?;
        let data_bytes = old_data as usize * BYTES_PER_WORD;
        let data: Vec<u8> =
            self.msg.bytes(start.seg, start.word * BYTES_PER_WORD, data_bytes).map(<[u8]>::to_vec).unwrap_or_default();
        if let Some(dst) = self.msg.bytes_mut(new_start.seg, new_start.word * BYTES_PER_WORD, data_bytes) {
            dst.copy_from_slice(&data);
        }
        for i in 0..old_ptrs as usize {
            let from = Loc { seg: start.seg, word: start.word + old_data as usize + i };
            let to = Loc { seg: new_start.seg, word: new_start.word + new_data as usize + i };
            self.msg.transfer_pointer(from, to)?;
        }
        let word = self.msg.word(self.loc);
        if wire::kind(word) == Kind::Far {
            let pad = Loc { seg: wire::far_segment(word), word: wire::far_pad_offset(word) as usize };
            self.msg.zero_words(pad.seg, pad.word, if wire::far_is_double(word) { 2 } else { 1 });
        }
        self.msg.zero_words(start.seg, start.word, old_data as usize + old_ptrs as usize);
        self.msg.point_to(self.loc, new_start, wire::make_struct(0, new_data, new_ptrs))?;
        Ok(StructBuilder::at(self.msg, new_start, new_data, new_ptrs))
    }

    /// Points at a new list of `count` elements of `size` (not `InlineComposite`: see
    /// [`PointerBuilder::init_struct_list`]), every element zero.
    #[inline]
    pub fn init_list(self, size: ElementSize, count: u32) -> Result<ListBuilder<'a>> {
        if size == ElementSize::InlineComposite {
            return self.init_struct_list(count, 0, 0);
        }
        check_count(count)?;
        self.msg.clear_pointer(self.loc);
        let step_bits = if size == ElementSize::Pointer { 64 } else { size.data_bits() as u64 };
        let words = wire::words_for_bits(count as u64, step_bits) as usize;
        let start = self.msg.allocate_for(self.loc, wire::make_list(0, size, count), words)?;
        Ok(ListBuilder {
            msg: self.msg,
            seg: start.seg,
            start: start.word * BYTES_PER_WORD,
            count,
            step_bits,
            data_bits: size.data_bits(),
            ptr_count: size.pointers(),
        })
    }

    /// Points at a new list of `count` structs with the given section sizes (inline
    /// composite), every field zero.
    #[inline]
    pub fn init_struct_list(self, count: u32, data_words: u16, ptr_count: u16) -> Result<ListBuilder<'a>> {
        check_count(count)?;
        let element_words = data_words as u64 + ptr_count as u64;
        let words = element_words * count as u64;
        if words > MAX_LIST_ELEMENTS as u64 {
            return Err(Error::new(ErrorKind::TooLarge, "a struct list of more than 2^29 - 1 words"));
        }
        self.msg.clear_pointer(self.loc);
        let tag = wire::make_list(0, ElementSize::InlineComposite, words as u32);
        let start = self.msg.allocate_for(self.loc, tag, words as usize + 1)?;
        self.msg.set_word(start, wire::make_struct(count as i64, data_words, ptr_count));
        Ok(ListBuilder {
            msg: self.msg,
            seg: start.seg,
            start: (start.word + 1) * BYTES_PER_WORD,
            count,
            step_bits: element_words * 64,
            data_bits: data_words as u32 * 64,
            ptr_count,
        })
    }

    /// The list the pointer points at, if any, as it is on the wire.
    pub fn get_list(self) -> Result<Option<ListBuilder<'a>>> {
        let (start, tag) = match self.msg.resolve(self.loc)? {
            None => return Ok(None),
            Some(found) => found,
        };
        if wire::kind(tag) != Kind::List {
            return Err(Error::new(ErrorKind::WrongPointerKind, "a struct where a list was expected"));
        }
        let size = wire::list_element_size(tag);
        Ok(Some(if size == ElementSize::InlineComposite {
            let element = self.msg.word(start);
            let data_words = wire::struct_data_words(element);
            let ptr_count = wire::struct_ptr_count(element);
            ListBuilder {
                msg: self.msg,
                seg: start.seg,
                start: (start.word + 1) * BYTES_PER_WORD,
                count: element as u32 >> 2,
                step_bits: (data_words as u64 + ptr_count as u64) * 64,
                data_bits: data_words as u32 * 64,
                ptr_count,
            }
        } else {
            ListBuilder {
                msg: self.msg,
                seg: start.seg,
                start: start.word * BYTES_PER_WORD,
                count: wire::list_count(tag),
                step_bits: if size == ElementSize::Pointer { 64 } else { size.data_bits() as u64 },
                data_bits: size.data_bits(),
                ptr_count: size.pointers(),
            }
        }))
    }

    /// Points at a new byte list of `len` zero bytes and returns them for the caller to fill
    /// (Data).
    #[inline]
    pub fn init_data(self, len: u32) -> Result<&'a mut [u8]> {
        let list = self.init_list(ElementSize::Byte, len)?;
        let (seg, start) = (list.seg, list.start);
        list.msg
            .bytes_mut(seg, start, len as usize)
            .ok_or_else(|| Error::new(ErrorKind::OutOfBounds, "list body outside its segment"))
    }

    /// Points at a copy of `data` (Data).
    #[inline]
    pub fn set_data(self, data: &[u8]) -> Result<()> {
        let len = u32::try_from(data.len()).map_err(|_| Error::new(ErrorKind::TooLarge, "Data too long"))?;
        self.init_data(len)?.copy_from_slice(data);
        Ok(())
    }

    /// Points at a new Text of `len` bytes (plus the NUL terminator) and returns the bytes
    /// for the caller to fill.
    #[inline]
    pub fn init_text(self, len: u32) -> Result<&'a mut [u8]> {
        let with_nul = len.checked_add(1).ok_or_else(|| Error::new(ErrorKind::TooLarge, "Text too long"))?;
        let bytes = self.init_data(with_nul)?;
        let n = bytes.len();
        Ok(&mut bytes[..n - 1])
    }

    /// Points at a copy of `text` (Text, NUL-terminated on the wire).
    #[inline]
    pub fn set_text(self, text: &str) -> Result<()> {
        let len = u32::try_from(text.len()).map_err(|_| Error::new(ErrorKind::TooLarge, "Text too long"))?;
        self.init_text(len)?.copy_from_slice(text.as_bytes());
        Ok(())
    }

    /// Makes this a capability pointer with the given capability-table index.
    pub fn set_capability(&mut self, index: u32) {
        self.msg.clear_pointer(self.loc);
        self.msg.set_word(self.loc, wire::make_capability(index));
    }

    /// Points at a deep copy of what `source` points at (from any message; far pointers are
    /// followed, limits of the source message apply).
    pub fn set_copy_of(self, source: crate::reader::PointerReader<'_>) -> Result<()> {
        crate::copy::copy_pointer(source, self)
    }
}

impl MessageBuilder {
    /// Moves the pointer at `from` to `to` (which must be null), fixing its offset.
    fn transfer_pointer(&mut self, from: Loc, to: Loc) -> Result<()> {
        let word = self.word(from);
        match wire::kind(word) {
            _ if word == 0 => {}
            Kind::Far | Kind::Other => self.set_word(to, word),
            Kind::Struct | Kind::List => {
                if let Some((target, tag)) = self.resolve(from)? {
                    self.point_to(to, target, tag)?;
                }
            }
        }
        self.set_word(from, 0);
        Ok(())
    }
}

#[inline]
fn check_count(count: u32) -> Result<()> {
    if count > MAX_LIST_ELEMENTS {
        return Err(Error::new(ErrorKind::TooLarge, "a list of more than 2^29 - 1 elements"));
    }
    Ok(())
}

/// A struct in a message under construction.
pub struct StructBuilder<'a> {
    msg: &'a mut MessageBuilder,
    seg: u32,
    /// Byte offset of the data section.
    data: usize,
    data_words: u16,
    /// Word index of the pointer section.
    ptrs: usize,
    ptr_count: u16,
}

impl<'a> StructBuilder<'a> {
    #[inline]
    fn at(msg: &'a mut MessageBuilder, start: Loc, data_words: u16, ptr_count: u16) -> StructBuilder<'a> {
        StructBuilder {
            msg,
            seg: start.seg,
            data: start.word * BYTES_PER_WORD,
            data_words,
            ptrs: start.word + data_words as usize,
            ptr_count,
        }
    }

    fn detached(msg: &'a mut MessageBuilder) -> StructBuilder<'a> {
        StructBuilder { msg, seg: 0, data: 0, data_words: 0, ptrs: 0, ptr_count: 0 }
    }

    /// A shorter-lived builder for the same struct.
    #[inline]
    pub fn reborrow(&mut self) -> StructBuilder<'_> {
        StructBuilder {
            msg: self.msg,
            seg: self.seg,
            data: self.data,
            data_words: self.data_words,
            ptrs: self.ptrs,
            ptr_count: self.ptr_count,
        }
    }

    /// Words in the data section.
    pub fn data_words(&self) -> u16 {
        self.data_words
    }

    /// Pointers in the pointer section.
    pub fn pointer_count(&self) -> u16 {
        self.ptr_count
    }

    /// Writes `value` to the field of type `T` at `offset` (in units of `T`'s size). A field
    /// past the data section is not written.
    #[inline]
    pub fn set<T: Primitive>(&mut self, offset: usize, value: T) {
        let at = offset * T::SIZE;
        if at + T::SIZE <= self.data_words as usize * BYTES_PER_WORD {
            if let Some(bytes) = self.msg.bytes_mut(self.seg, self.data + at, T::SIZE) {
                value.write_le(bytes);
            }
        }
    }

    /// Writes `value` to a field whose schema default is `default` (stored as the XOR).
    #[inline]
    pub fn set_or<T: Primitive>(&mut self, offset: usize, value: T, default: T) {
        self.set(offset, value.xor(default))
    }

    /// Reads back the field of type `T` at `offset`.
    #[inline]
    pub fn get<T: Primitive>(&self, offset: usize) -> T {
        let at = offset * T::SIZE;
        match self.msg.bytes(self.seg, self.data + at, T::SIZE) {
            Some(bytes) if at + T::SIZE <= self.data_words as usize * BYTES_PER_WORD => T::read_le(bytes),
            _ => T::read_le(&[0; 8][..T::SIZE]),
        }
    }

    /// Writes the Bool at bit `offset`.
    #[inline]
    pub fn set_bool(&mut self, offset: usize, value: bool) {
        if offset / 8 < self.data_words as usize * BYTES_PER_WORD {
            if let Some(byte) = self.msg.bytes_mut(self.seg, self.data + offset / 8, 1) {
                let mask = 1u8 << (offset % 8);
                byte[0] = (byte[0] & !mask) | if value { mask } else { 0 };
            }
        }
    }

    /// Writes a Bool whose schema default is `default`.
    #[inline]
    pub fn set_bool_or(&mut self, offset: usize, value: bool, default: bool) {
        self.set_bool(offset, value ^ default)
    }

    /// Reads back the Bool at bit `offset`.
    #[inline]
    pub fn get_bool(&self, offset: usize) -> bool {
        offset / 8 < self.data_words as usize * BYTES_PER_WORD
            && self.msg.bytes(self.seg, self.data + offset / 8, 1).is_some_and(|b| b[0] & (1 << (offset % 8)) != 0)
    }

    /// The data section's bytes, for bulk writes.
    #[inline]
    pub fn data_section_mut(&mut self) -> &mut [u8] {
        let len = self.data_words as usize * BYTES_PER_WORD;
        self.msg.bytes_mut(self.seg, self.data, len).unwrap_or(&mut [])
    }

    /// Pointer `index`, or `None` past the pointer section.
    #[inline]
    pub fn pointer(&mut self, index: u16) -> Option<PointerBuilder<'_>> {
        (index < self.ptr_count)
            .then(|| PointerBuilder { msg: self.msg, loc: Loc { seg: self.seg, word: self.ptrs + index as usize } })
    }

    /// Pointer `index`, consuming this builder, or `None` past the pointer section.
    #[inline]
    pub fn into_pointer(self, index: u16) -> Option<PointerBuilder<'a>> {
        (index < self.ptr_count)
            .then(|| PointerBuilder { msg: self.msg, loc: Loc { seg: self.seg, word: self.ptrs + index as usize } })
    }
}

/// A list in a message under construction.
pub struct ListBuilder<'a> {
    msg: &'a mut MessageBuilder,
    seg: u32,
    /// Byte offset of the first element.
    start: usize,
    count: u32,
    step_bits: u64,
    data_bits: u32,
    ptr_count: u16,
}

impl<'a> ListBuilder<'a> {
    /// A shorter-lived builder for the same list.
    #[inline]
    pub fn reborrow(&mut self) -> ListBuilder<'_> {
        ListBuilder {
            msg: self.msg,
            seg: self.seg,
            start: self.start,
            count: self.count,
            step_bits: self.step_bits,
            data_bits: self.data_bits,
            ptr_count: self.ptr_count,
        }
    }

    /// The number of elements.
    pub fn len(&self) -> u32 {
        self.count
    }

    /// Whether the list has no elements.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    #[inline]
    fn element_byte(&self, index: u32) -> usize {
        self.start + (index as u64 * self.step_bits / 8) as usize
    }

    #[inline]
    fn check_index(&self, index: u32) -> Result<()> {
        if index < self.count {
            Ok(())
        } else {
            Err(Error::with_message(
                ErrorKind::OutOfBounds,
                alloc::format!("index {index} of a list of {} elements", self.count),
            ))
        }
    }

    /// Writes element `index` (the first field of a struct element).
    #[inline]
    pub fn set<T: Primitive>(&mut self, index: u32, value: T) -> Result<()> {
        self.check_index(index)?;
        if (T::SIZE as u32) * 8 > self.data_bits {
            return Err(Error::new(ErrorKind::IncompatibleList, "the elements are smaller than the value"));
        }
        let at = self.element_byte(index);
        let bytes = self
            .msg
            .bytes_mut(self.seg, at, T::SIZE)
            .ok_or_else(|| Error::new(ErrorKind::OutOfBounds, "list body outside its segment"))?;
        value.write_le(bytes);
        Ok(())
    }

    /// Reads back element `index`.
    pub fn get<T: Primitive>(&self, index: u32) -> Option<T> {
        if index >= self.count || (T::SIZE as u32) * 8 > self.data_bits {
            return None;
        }
        self.msg.bytes(self.seg, self.element_byte(index), T::SIZE).map(T::read_le)
    }

    /// Writes the Bool element `index` (the first bit of each element).
    pub fn set_bool(&mut self, index: u32, value: bool) -> Result<()> {
        self.check_index(index)?;
        if self.data_bits == 0 {
            return Err(Error::new(ErrorKind::IncompatibleList, "the elements have no data"));
        }
        let bit = index as u64 * self.step_bits;
        let byte = self
            .msg
            .bytes_mut(self.seg, self.start + (bit / 8) as usize, 1)
            .ok_or_else(|| Error::new(ErrorKind::OutOfBounds, "list body outside its segment"))?;
        let mask = 1u8 << (bit % 8);
        byte[0] = (byte[0] & !mask) | if value { mask } else { 0 };
        Ok(())
    }

    /// Reads back the Bool element `index`.
    pub fn get_bool(&self, index: u32) -> Option<bool> {
        if index >= self.count || self.data_bits == 0 {
            return None;
        }
        let bit = index as u64 * self.step_bits;
        self.msg.bytes(self.seg, self.start + (bit / 8) as usize, 1).map(|b| b[0] & (1 << (bit % 8)) != 0)
    }

    /// Struct element `index` of a struct list.
    #[inline]
    pub fn get_struct(&mut self, index: u32) -> Result<StructBuilder<'_>> {
        self.check_index(index)?;
        if self.data_bits % 64 != 0 || self.step_bits % 64 != 0 {
            return Err(Error::new(ErrorKind::IncompatibleList, "not a list of structs"));
        }
        let word = self.element_byte(index) / BYTES_PER_WORD;
        Ok(StructBuilder::at(self.msg, Loc { seg: self.seg, word }, (self.data_bits / 64) as u16, self.ptr_count))
    }

    /// Pointer element `index` (the first pointer of a struct element).
    #[inline]
    pub fn get_pointer(&mut self, index: u32) -> Result<PointerBuilder<'_>> {
        self.check_index(index)?;
        if self.ptr_count == 0 {
            return Err(Error::new(ErrorKind::IncompatibleList, "the elements have no pointers"));
        }
        let word = (self.element_byte(index) + (self.data_bits / 8) as usize) / BYTES_PER_WORD;
        Ok(PointerBuilder { msg: self.msg, loc: Loc { seg: self.seg, word } })
    }

    /// The bytes of a list of bytes, for bulk writes.
    pub fn as_bytes_mut(&mut self) -> Option<&mut [u8]> {
        if self.step_bits != 8 {
            return None;
        }
        self.msg.bytes_mut(self.seg, self.start, self.count as usize)
    }
}

impl ListBuilder<'_> {
    /// The first `len` bytes of the list body.
    pub(crate) fn raw_body_mut(&mut self, len: usize) -> Option<&mut [u8]> {
        self.msg.bytes_mut(self.seg, self.start, len)
    }
}
