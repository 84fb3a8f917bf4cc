//! Zero-copy readers: pointers, structs, lists, text and data, with every read bounds-checked.

use crate::error::{Error, ErrorKind, Result};
use crate::message::MessageReader;
use crate::primitive::Primitive;
use crate::wire::{self, ElementSize, Kind, BYTES_PER_WORD};

/// What a pointer points at, after far pointers are followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerType {
    /// The null pointer.
    Null,
    /// A struct.
    Struct,
    /// A list (including Text and Data).
    List,
    /// A capability, by its index in the message's capability table.
    Capability,
}

/// The segment a reader reads from. `arena` is `None` for constants compiled into the program
/// (schema defaults): those are one trusted segment, so far pointers are refused and nothing is
/// charged against a traversal limit.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub arena: Option<&'a MessageReader<'a>>,
    pub seg: &'a [u8],
    pub seg_id: u32,
}

impl<'a> Place<'a> {
    #[inline]
    fn words(&self) -> u64 {
        (self.seg.len() / BYTES_PER_WORD) as u64
    }

    #[inline]
    fn charge(&self, words: u64) -> Result<()> {
        match self.arena {
            Some(arena) => arena.charge(words),
            None => Ok(()),
        }
    }

    fn segment(&self, id: u32) -> Result<Place<'a>> {
        let arena =
            self.arena.ok_or_else(|| Error::new(ErrorKind::InvalidFarPointer, "a far pointer in a constant"))?;
        let seg = arena.segment(id).ok_or_else(|| {
            Error::with_message(ErrorKind::InvalidSegmentId, alloc::format!("a far pointer names segment {id}"))
        })?;
        Ok(Place { arena: Some(arena), seg, seg_id: id })
    }
}

/// Where a non-null pointer leads: the object's first word, and the pointer word that
/// describes it (the original pointer, or the landing pad's tag).
#[derive(Clone, Copy)]
pub(crate) struct Target<'a> {
    pub place: Place<'a>,
    pub start: u64,
    pub tag: u64,
}

#[inline]
fn near_target(word_at: u64, tag: u64) -> Result<u64> {
    let start = word_at as i64 + 1 + wire::offset(tag);
    if start < 0 {
        return Err(Error::new(ErrorKind::OutOfBounds, "a pointer points before the start of its segment"));
    }
    Ok(start as u64)
}

/// Follows a non-null struct or list pointer, through a far pointer and its landing pad if need be.
#[inline]
pub(crate) fn follow<'a>(place: Place<'a>, at: u64, word: u64) -> Result<Target<'a>> {
    match wire::kind(word) {
        Kind::Struct | Kind::List => Ok(Target { place, start: near_target(at, word)?, tag: word }),
        Kind::Other => Err(Error::new(ErrorKind::WrongPointerKind, "a capability where data was expected")),
        Kind::Far => {
            let pad_place = place.segment(wire::far_segment(word))?;
            let pad_at = wire::far_pad_offset(word) as usize;
            let pad = wire::read_word(pad_place.seg, pad_at)
                .ok_or_else(|| Error::new(ErrorKind::OutOfBounds, "a far pointer's landing pad is out of bounds"))?;
            if !wire::far_is_double(word) {
                return match wire::kind(pad) {
                    Kind::Struct | Kind::List => {
                        Ok(Target { place: pad_place, start: near_target(pad_at as u64, pad)?, tag: pad })
                    }
                    Kind::Far => Err(Error::new(
                        ErrorKind::InvalidFarPointer,
                        "a far pointer's landing pad is another far pointer",
                    )),
                    Kind::Other => Err(Error::new(
                        ErrorKind::InvalidFarPointer,
                        "a far pointer's landing pad is not a struct or list pointer",
                    )),
                };
            }
            let tag = wire::read_word(pad_place.seg, pad_at + 1).ok_or_else(|| {
                Error::new(ErrorKind::OutOfBounds, "a double-far pointer's landing pad is out of bounds")
            })?;
            if wire::kind(pad) != Kind::Far || wire::far_is_double(pad) {
                return Err(Error::new(
                    ErrorKind::InvalidFarPointer,
                    "a double-far landing pad must start with a single far pointer",
                ));
            }
            if !matches!(wire::kind(tag), Kind::Struct | Kind::List) {
                return Err(Error::new(
                    ErrorKind::InvalidFarPointer,
                    "a double-far landing pad's tag is not a struct or list pointer",
                ));
            }
            let content = place.segment(wire::far_segment(pad))?;
            Ok(Target { place: content, start: wire::far_pad_offset(pad) as u64, tag })
        }
    }
}

#[inline]
fn check_bounds(place: &Place<'_>, start: u64, words: u64) -> Result<()> {
    match start.checked_add(words) {
        Some(end) if end <= place.words() => Ok(()),
        _ => Err(Error::new(ErrorKind::OutOfBounds, "a pointer's target extends past the end of its segment")),
    }
}

/// A pointer inside a message: the AnyPointer reader. `Copy`, and every method checks what it
/// reads.
#[derive(Clone, Copy)]
pub struct PointerReader<'a> {
    place: Place<'a>,
    at: u64,
    word: u64,
    nesting: u32,
}

impl<'a> PointerReader<'a> {
    pub(crate) fn root(message: &'a MessageReader<'a>) -> PointerReader<'a> {
        let seg = message.segment(0).unwrap_or(&[]);
        PointerReader {
            place: Place { arena: Some(message), seg, seg_id: 0 },
            at: 0,
            word: wire::read_word(seg, 0).unwrap_or(0),
            nesting: message.options().nesting_limit,
        }
    }

    /// The root pointer of a constant: one segment of trusted words compiled into the program,
    /// such as a schema default value. Reads are still bounds-checked; far pointers are refused.
    pub fn constant(words: &'a [u8]) -> PointerReader<'a> {
        PointerReader {
            place: Place { arena: None, seg: words, seg_id: 0 },
            at: 0,
            word: wire::read_word(words, 0).unwrap_or(0),
            nesting: crate::message::ReaderOptions::DEFAULT.nesting_limit,
        }
    }

    /// The null pointer.
    pub fn null() -> PointerReader<'a> {
        PointerReader { place: Place { arena: None, seg: &[], seg_id: 0 }, at: 0, word: 0, nesting: 0 }
    }

    /// The raw pointer word.
    #[inline]
    pub fn raw_word(&self) -> u64 {
        self.word
    }

    /// Whether the pointer is null (all zero).
    #[inline]
    pub fn is_null(&self) -> bool {
        self.word == 0
    }

    /// The nesting depth still allowed below this pointer.
    pub fn nesting_left(&self) -> u32 {
        self.nesting
    }

    #[inline]
    pub(crate) fn target(&self) -> Result<Target<'a>> {
        if self.nesting == 0 {
            return Err(Error::new(
                ErrorKind::NestingLimitExceeded,
                "the message nests deeper than the nesting limit allows (or contains a cycle)",
            ));
        }
        follow(self.place, self.at, self.word)
    }

    /// What the pointer points at, following far pointers.
    pub fn pointer_type(&self) -> Result<PointerType> {
        if self.is_null() {
            return Ok(PointerType::Null);
        }
        if wire::kind(self.word) == Kind::Other {
            return if wire::is_capability(self.word) {
                Ok(PointerType::Capability)
            } else {
                Err(Error::new(ErrorKind::WrongPointerKind, "a reserved pointer kind"))
            };
        }
        let target = follow(self.place, self.at, self.word)?;
        Ok(match wire::kind(target.tag) {
            Kind::Struct => PointerType::Struct,
            _ => PointerType::List,
        })
    }

    /// Words of everything reachable from this pointer (objects, list tags and children, as on
    /// the wire; landing pads not counted). Walks every pointer below, within the limits.
    pub fn total_size(&self) -> Result<u64> {
        crate::copy::measure(*self, false)
    }

    /// The struct this pointer points at; `None` when null.
    #[inline]
    pub fn get_struct(&self) -> Result<Option<StructReader<'a>>> {
        if self.is_null() {
            return Ok(None);
        }
        let target = self.target()?;
        if wire::kind(target.tag) != Kind::Struct {
            return Err(Error::new(ErrorKind::WrongPointerKind, "a list where a struct was expected"));
        }
        let data_words = wire::struct_data_words(target.tag) as u64;
        let ptr_count = wire::struct_ptr_count(target.tag);
        let size = data_words + ptr_count as u64;
        check_bounds(&target.place, target.start, size)?;
        target.place.charge(size)?;
        let data_start = target.start as usize * BYTES_PER_WORD;
        let data_end = data_start + data_words as usize * BYTES_PER_WORD;
        Ok(Some(StructReader {
            place: target.place,
            data: &target.place.seg[data_start..data_end],
            ptr_start: target.start + data_words,
            ptr_count,
            nesting: self.nesting - 1,
        }))
    }

    /// The list this pointer points at, checked to hold elements readable as `expected`
    /// (`InlineComposite` accepts any list of structs or of upgradable primitives and
    /// pointers); `None` when null.
    #[inline]
    pub fn get_list(&self, expected: ElementSize) -> Result<Option<ListReader<'a>>> {
        let list = self.open_list()?;
        if let Some(list) = &list {
            list.check_readable_as(expected)?;
        }
        Ok(list)
    }

    /// The list as it is on the wire, whatever its element size.
    #[inline]
    pub(crate) fn open_list(&self) -> Result<Option<ListReader<'a>>> {
        if self.is_null() {
            return Ok(None);
        }
        let target = self.target()?;
        if wire::kind(target.tag) != Kind::List {
            return Err(Error::new(ErrorKind::WrongPointerKind, "a struct where a list was expected"));
        }
        let size = wire::list_element_size(target.tag);
        let list = if size == ElementSize::InlineComposite {
            let word_count = wire::list_count(target.tag) as u64;
            check_bounds(&target.place, target.start, word_count + 1)?;
            let tag = wire::read_word(target.place.seg, target.start as usize).unwrap_or(0);
            if wire::kind(tag) != Kind::Struct {
                return Err(Error::new(
                    ErrorKind::WrongPointerKind,
                    "an inline composite list whose tag is not a struct",
                ));
            }
            let count = (tag as u32) >> 2;
            let data_words = wire::struct_data_words(tag) as u64;
            let ptr_count = wire::struct_ptr_count(tag);
            let element_words = data_words + ptr_count as u64;
            if element_words * count as u64 > word_count {
                return Err(Error::new(
                    ErrorKind::OutOfBounds,
                    "an inline composite list's elements are larger than its word count",
                ));
            }
            target.place.charge(word_count + 1)?;
            if element_words == 0 {
                target.place.charge(count as u64)?;
            }
            ListReader {
                place: target.place,
                start: (target.start as usize + 1) * BYTES_PER_WORD,
                count,
                step_bits: element_words * 64,
                data_bits: data_words as u32 * 64,
                ptr_count,
                size,
                nesting: self.nesting - 1,
            }
        } else {
            let count = wire::list_count(target.tag);
            let step_bits = match size {
                ElementSize::Pointer => 64,
                other => other.data_bits() as u64,
            };
            let words = wire::words_for_bits(count as u64, step_bits);
            check_bounds(&target.place, target.start, words)?;
            target.place.charge(if step_bits == 0 { count as u64 } else { words })?;
            ListReader {
                place: target.place,
                start: target.start as usize * BYTES_PER_WORD,
                count,
                step_bits,
                data_bits: size.data_bits(),
                ptr_count: size.pointers(),
                size,
                nesting: self.nesting - 1,
            }
        };
        Ok(Some(list))
    }

    #[inline]
    fn get_bytes(&self, what: &'static str) -> Result<Option<&'a [u8]>> {
        if self.is_null() {
            return Ok(None);
        }
        let list = match self.open_list()? {
            Some(list) => list,
            None => return Ok(None),
        };
        if list.size != ElementSize::Byte {
            return Err(Error::with_message(
                ErrorKind::IncompatibleList,
                alloc::format!("{what} must be a list of bytes"),
            ));
        }
        Ok(Some(&list.place.seg[list.start..list.start + list.count as usize]))
    }

    /// The Text this pointer points at, without its NUL terminator; `None` when null.
    #[inline]
    pub fn get_text(&self) -> Result<Option<Text<'a>>> {
        let bytes = match self.get_bytes("Text")? {
            Some(bytes) => bytes,
            None => return Ok(None),
        };
        match bytes.split_last() {
            Some((0, text)) => Ok(Some(Text(text))),
            _ => Err(Error::new(ErrorKind::TextNotTerminated, "a Text value must end with a NUL byte")),
        }
    }

    /// The Data this pointer points at; `None` when null.
    #[inline]
    pub fn get_data(&self) -> Result<Option<&'a [u8]>> {
        self.get_bytes("Data")
    }

    /// The capability table index of this capability pointer; `None` when null.
    pub fn get_capability(&self) -> Result<Option<u32>> {
        if self.is_null() {
            return Ok(None);
        }
        if wire::is_capability(self.word) {
            Ok(Some(wire::capability_index(self.word)))
        } else {
            Err(Error::new(ErrorKind::WrongPointerKind, "data where a capability was expected"))
        }
    }
}

/// A struct inside a message. Fields past the end of its sections read as their defaults, so
/// structs written by older and newer schemas read alike.
#[derive(Clone, Copy)]
pub struct StructReader<'a> {
    place: Place<'a>,
    data: &'a [u8],
    ptr_start: u64,
    ptr_count: u16,
    nesting: u32,
}

impl core::fmt::Debug for StructReader<'_> {
    /// The sizes of its sections (its fields need a schema to be named).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("StructReader").field("data_bytes", &self.data.len()).field("pointers", &self.ptr_count).finish()
    }
}

impl Default for StructReader<'_> {
    /// The struct with empty sections: every field reads as its default.
    fn default() -> Self {
        StructReader {
            place: Place { arena: None, seg: &[], seg_id: 0 },
            data: &[],
            ptr_start: 0,
            ptr_count: 0,
            nesting: 0,
        }
    }
}

impl<'a> StructReader<'a> {
    /// The data section's bytes.
    #[inline]
    pub fn data_section(&self) -> &'a [u8] {
        self.data
    }

    /// The number of pointers in the pointer section.
    #[inline]
    pub fn pointer_count(&self) -> u16 {
        self.ptr_count
    }

    /// Data words (rounded up: list elements of primitives upgraded to structs may be smaller).
    pub fn data_words(&self) -> u16 {
        self.data.len().div_ceil(BYTES_PER_WORD) as u16
    }

    /// The field of type `T` at `offset` (in units of `T`'s size); 0 when past the data section.
    #[inline]
    pub fn get<T: Primitive>(&self, offset: usize) -> T {
        let start = offset * T::SIZE;
        match self.data.get(start..start + T::SIZE) {
            Some(bytes) => T::read_le(bytes),
            None => T::read_le(&[0; 8][..T::SIZE]),
        }
    }

    /// The field at `offset` with the schema default `default` applied (by XOR of bit patterns).
    #[inline]
    pub fn get_or<T: Primitive>(&self, offset: usize, default: T) -> T {
        self.get::<T>(offset).xor(default)
    }

    /// The Bool at bit `offset`; false when past the data section.
    #[inline]
    pub fn get_bool(&self, offset: usize) -> bool {
        match self.data.get(offset / 8) {
            Some(byte) => byte & (1 << (offset % 8)) != 0,
            None => false,
        }
    }

    /// The Bool at bit `offset` with the schema default `default` applied.
    #[inline]
    pub fn get_bool_or(&self, offset: usize, default: bool) -> bool {
        self.get_bool(offset) ^ default
    }

    /// Pointer `index`; the null pointer when past the pointer section.
    #[inline]
    pub fn pointer(&self, index: u16) -> PointerReader<'a> {
        if index >= self.ptr_count {
            return PointerReader::null();
        }
        let at = self.ptr_start + index as u64;
        PointerReader {
            place: self.place,
            at,
            word: wire::read_word(self.place.seg, at as usize).unwrap_or(0),
            nesting: self.nesting,
        }
    }

    /// The pointers of the pointer section, in order.
    pub fn pointers(&self) -> impl ExactSizeIterator<Item = PointerReader<'a>> + '_ {
        (0..self.ptr_count).map(move |i| self.pointer(i))
    }

    /// Word index of the struct's first word in its segment, and the segment's id.
    pub(crate) fn location(&self) -> (u32, u64) {
        (self.place.seg_id, self.ptr_start.saturating_sub(self.data_words() as u64))
    }
}

/// A list inside a message, of any element size, viewed as elements of the expected type.
#[derive(Clone, Copy)]
pub struct ListReader<'a> {
    place: Place<'a>,
    /// Byte offset of the first element in the segment.
    start: usize,
    count: u32,
    step_bits: u64,
    data_bits: u32,
    ptr_count: u16,
    size: ElementSize,
    nesting: u32,
}

/// The iterator of [`ListReader::struct_elements`].
#[derive(Clone)]
pub struct StructElements<'a> {
    /// The element bytes, when the list's elements are whole bytes and its body is in its segment.
    chunks: core::slice::ChunksExact<'a, u8>,
    fast: bool,
    /// Byte offset in the segment of the next element, on the fast path.
    at: usize,
    list: ListReader<'a>,
    /// The next element's index, on the slow path.
    next: u32,
}

impl<'a> Iterator for StructElements<'a> {
    type Item = StructReader<'a>;

    #[inline]
    fn next(&mut self) -> Option<StructReader<'a>> {
        if self.fast {
            // The body holds exactly `count` elements: the chunks end with the list.
            let element = self.chunks.next()?;
            let data_len = (self.list.data_bits / 8) as usize;
            let at = self.at;
            self.at += element.len();
            return Some(StructReader {
                place: self.list.place,
                data: element.get(..data_len).unwrap_or(&[]),
                ptr_start: ((at + data_len) / BYTES_PER_WORD) as u64,
                ptr_count: self.list.ptr_count,
                nesting: self.list.nesting,
            });
        }
        if self.next >= self.list.count {
            return None;
        }
        self.next += 1;
        Some(self.list.get_struct(self.next - 1).unwrap_or_default())
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = if self.fast { self.chunks.len() } else { (self.list.count - self.next) as usize };
        (left, Some(left))
    }
}

impl ExactSizeIterator for StructElements<'_> {}

impl Default for ListReader<'_> {
    /// The empty list.
    fn default() -> Self {
        ListReader {
            place: Place { arena: None, seg: &[], seg_id: 0 },
            start: 0,
            count: 0,
            step_bits: 0,
            data_bits: 0,
            ptr_count: 0,
            size: ElementSize::Void,
            nesting: 0,
        }
    }
}

impl<'a> ListReader<'a> {
    #[inline]
    fn check_readable_as(&self, expected: ElementSize) -> Result<()> {
        if expected == ElementSize::Bit && self.size == ElementSize::InlineComposite {
            return Err(Error::new(ErrorKind::IncompatibleList, "a list of structs cannot be read as a list of Bool"));
        }
        if self.size == ElementSize::Bit && expected != ElementSize::Bit {
            return Err(Error::new(
                ErrorKind::IncompatibleList,
                "a list of Bool cannot be read as a list of another type",
            ));
        }
        if expected.data_bits() > self.data_bits || expected.pointers() > self.ptr_count {
            return Err(Error::with_message(
                ErrorKind::IncompatibleList,
                alloc::format!("a list of {:?} elements cannot be read as a list of {expected:?}", self.size),
            ));
        }
        Ok(())
    }

    /// The number of elements.
    #[inline]
    pub fn len(&self) -> u32 {
        self.count
    }

    /// Whether the list has no elements.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The element size on the wire.
    pub fn element_size(&self) -> ElementSize {
        self.size
    }

    /// Data bits and pointers of each element, as the wire gives them.
    pub fn element_layout(&self) -> (u32, u16) {
        (self.data_bits, self.ptr_count)
    }

    #[inline]
    fn element_byte(&self, index: u32) -> usize {
        self.start + (index as u64 * self.step_bits / 8) as usize
    }

    /// Element `index` as a `T` (the first field of each struct of a struct list); `None` past
    /// the end.
    #[inline]
    pub fn get<T: Primitive>(&self, index: u32) -> Option<T> {
        if index >= self.count || (T::SIZE as u32) * 8 > self.data_bits {
            return None;
        }
        let at = self.element_byte(index);
        self.place.seg.get(at..at + T::SIZE).map(T::read_le)
    }

    /// Element `index` as a Bool; `None` past the end.
    #[inline]
    pub fn get_bool(&self, index: u32) -> Option<bool> {
        if index >= self.count || self.data_bits == 0 {
            return None;
        }
        let bit = index as u64 * self.step_bits;
        let byte = self.place.seg.get(self.start + (bit / 8) as usize)?;
        Some(byte & (1 << (bit % 8)) != 0)
    }

    /// Element `index` as a struct; `None` past the end. Elements of primitive lists read as
    /// structs whose data section is the element.
    #[inline]
    pub fn get_struct(&self, index: u32) -> Option<StructReader<'a>> {
        if index >= self.count {
            return None;
        }
        let at = self.element_byte(index);
        let data_len = (self.data_bits / 8) as usize;
        let data = self.place.seg.get(at..at + data_len)?;
        Some(StructReader {
            place: self.place,
            data,
            ptr_start: ((at + data_len) / BYTES_PER_WORD) as u64,
            ptr_count: self.ptr_count,
            nesting: self.nesting,
        })
    }

    /// The elements as structs, in order: what [`ListReader::get_struct`] gives for each index,
    /// with the list body's bounds checked once instead of once per element.
    #[inline]
    pub fn struct_elements(&self) -> StructElements<'a> {
        let step = (self.step_bits / 8) as usize;
        let whole_bytes = self.step_bits % 8 == 0 && step > 0;
        let body =
            if whole_bytes { self.place.seg.get(self.start..self.start + step * self.count as usize) } else { None };
        StructElements {
            chunks: body.unwrap_or(&[]).chunks_exact(step.max(1)),
            fast: body.is_some(),
            at: self.start,
            list: *self,
            next: 0,
        }
    }

    /// Element `index` as a pointer (the first pointer of each struct of a struct list); `None`
    /// past the end.
    #[inline]
    pub fn get_pointer(&self, index: u32) -> Option<PointerReader<'a>> {
        if index >= self.count || self.ptr_count == 0 {
            return None;
        }
        let at = ((self.element_byte(index) + (self.data_bits / 8) as usize) / BYTES_PER_WORD) as u64;
        Some(PointerReader {
            place: self.place,
            at,
            word: wire::read_word(self.place.seg, at as usize)?,
            nesting: self.nesting,
        })
    }

    /// The raw bytes of a list of bytes (`List(UInt8)`, Data, Text with its NUL).
    #[inline]
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        if self.size != ElementSize::Byte {
            return None;
        }
        self.place.seg.get(self.start..self.start + self.count as usize)
    }

    /// The elements as structs.
    pub fn structs(&self) -> impl ExactSizeIterator<Item = StructReader<'a>> + '_ {
        (0..self.count).map(move |i| self.get_struct(i).unwrap_or_default())
    }

    pub(crate) fn place(&self) -> Place<'a> {
        self.place
    }

    pub(crate) fn body_start_byte(&self) -> usize {
        self.start
    }

    pub(crate) fn step_bits(&self) -> u64 {
        self.step_bits
    }
}

/// A Text value: bytes without the NUL terminator, UTF-8 checked when read as `&str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Text<'a>(&'a [u8]);

impl<'a> Text<'a> {
    /// The bytes, without the NUL terminator.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The text as `&str`, checked to be UTF-8.
    #[inline]
    pub fn as_str(&self) -> Result<&'a str> {
        core::str::from_utf8(self.0)
            .map_err(|e| Error::with_message(ErrorKind::InvalidUtf8, alloc::format!("at byte {}", e.valid_up_to())))
    }

    /// The length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl core::fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match core::str::from_utf8(self.0) {
            Ok(s) => core::fmt::Debug::fmt(s, f),
            Err(_) => core::fmt::Debug::fmt(self.0, f),
        }
    }
}
