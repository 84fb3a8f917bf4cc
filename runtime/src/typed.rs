//! The typed layer generated code stands on: the [`Struct`] trait tying an owned type to its
//! reader and builder, typed list views ([`List`], [`ListBuilderOf`]) over any element kind,
//! whole messages of a generated type ([`to_bytes`], [`read`], [`init_root`]), and the small
//! helpers generated accessors call so that the generated code stays short.
//!
//! Reading never panics: a null pointer reads as `None`, and so does a pointer that is
//! malformed or of the wrong kind (a struct where a list was expected, Text without its NUL or
//! not UTF-8); `has_…` only tells whether the pointer is non-null.

use alloc::string::String;
use alloc::vec::Vec;
use core::marker::PhantomData;

use crate::builder::{ListBuilder, MessageBuilder, PointerBuilder, StructBuilder};
use crate::error::{Error, ErrorKind, Result};
use crate::message::{MessageReader, ReaderOptions};
use crate::reader::{ListReader, PointerReader, StructElements, StructReader};
use crate::wire::ElementSize;

/// The helpers generated accessors call: not a stable API.
pub mod helpers {
    pub use super::{
        clear_pointer, cleared_pointer_of, data, default_list, default_struct, empty_struct, init_struct,
        init_struct_list, pointer_of, struct_at, struct_element, text, write_struct, write_struct_element,
    };

    /// How a derived group's owned value (the user's own type) is written through the builder
    /// `B` of the group in one parent. A trait, not a method of the type: the same type may be
    /// a group of several parents, each with its own builder.
    pub trait WriteGroup<B> {
        /// Writes every field of the group.
        fn write_group(&self, builder: B) -> crate::Result<()>;
    }
}

/// A struct type generated from a schema (or derived): the owned value type, which names its
/// zero-copy reader and in-place builder.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Cap'n Proto struct",
    note = "derive `CapnpStruct` for it or generate it with `capnp_schema!`; a field naming a derived enum needs `#[capnp(enum)]`"
)]
pub trait Struct: Sized {
    /// The zero-copy view, `Copy`.
    type Reader<'a>: Copy + core::fmt::Debug;
    /// The in-place writer.
    type Builder<'a>;
    /// The schema node's ID.
    const TYPE_ID: u64;
    /// Words of the data section.
    const DATA_WORDS: u16;
    /// Pointers of the pointer section.
    const POINTER_COUNT: u16;
    /// Views a struct of a message as this type.
    fn wrap_reader(reader: StructReader<'_>) -> Self::Reader<'_>;
    /// Writes into a struct of a message as this type.
    fn wrap_builder(builder: StructBuilder<'_>) -> Self::Builder<'_>;
    /// The untyped struct under a view.
    fn unwrap_reader<'a>(reader: Self::Reader<'a>) -> StructReader<'a>;
    /// Copies a view into an owned value.
    fn read_owned(reader: Self::Reader<'_>) -> Self;
    /// Writes this value's fields into `builder` (a struct of at least this type's size).
    fn write_to(&self, builder: StructBuilder<'_>) -> Result<()>;
}

/// An enum type generated from a schema (or derived): a 16-bit ordinal on the wire.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Cap'n Proto enum",
    note = "derive `CapnpEnum` for it or generate it with `capnp_schema!`; `#[capnp(enum)]` marks fields of enum type"
)]
pub trait Enum: ListElement + Copy {
    /// The value of ordinal `value` (what an unknown ordinal gives depends on the type).
    fn from_u16(value: u16) -> Self;
    /// The ordinal, as stored on the wire.
    fn to_u16(self) -> u16;
}

/// The zero-copy reader of `T`: `capnzero::Reader<'a, Point>` is `PointReader<'a>`.
pub type Reader<'a, T> = <T as Struct>::Reader<'a>;

/// The in-place builder of `T`.
pub type Builder<'a, T> = <T as Struct>::Builder<'a>;

/// Element kinds of lists that have no Rust type of their own, for [`List`]'s parameter, and
/// the types generic parameters are bound to (see [`Pointee`](crate::Pointee)).
pub mod kind {
    use core::marker::PhantomData;

    /// `Text` elements (read as `&str`, owned as `String`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Text;

    /// `Data` elements (read as `&[u8]`, owned as `Vec<u8>`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Data;

    /// `List(T)` elements (read as `List<T>`, owned as `Vec<T's owned type>`).
    pub struct List<T>(PhantomData<fn() -> T>);

    // By hand: the derives would ask the same of `T`, which is only a marker.
    impl<T> Clone for List<T> {
        fn clone(&self) -> Self {
            *self
        }
    }
    impl<T> Copy for List<T> {}
    impl<T> core::fmt::Debug for List<T> {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("List")
        }
    }
    impl<T> Default for List<T> {
        fn default() -> Self {
            List(PhantomData)
        }
    }
    impl<T> PartialEq for List<T> {
        fn eq(&self, _: &Self) -> bool {
            true
        }
    }
    impl<T> Eq for List<T> {}
    impl<T> core::hash::Hash for List<T> {
        fn hash<H: core::hash::Hasher>(&self, _: &mut H) {}
    }

    /// `AnyPointer`: an object of any kind (read as [`AnyPointer`](crate::AnyPointer), owned
    /// as [`AnyValue`](crate::AnyValue)). An unbound generic parameter is this.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct AnyPointer;
}

/// Something a list can hold. Elements that are null pointers (Text, Data, lists) or
/// malformed read as empty, and owned elements are written back non-null.
pub trait ListElement {
    /// How an element reads.
    type Reader<'a>: Copy + core::fmt::Debug;
    /// The owned element.
    type Owned: Clone + PartialEq + core::fmt::Debug;
    /// The element size a list must be readable as.
    const SIZE: ElementSize;
    /// Element `index`, which is below the list's length.
    fn read<'a>(list: &ListReader<'a>, index: u32) -> Self::Reader<'a>;
    /// Element `index` of a list of structs, already cut from the list as `element`: how
    /// iteration reads struct elements without re-checking the list's bounds for each. Element
    /// kinds that are not structs read `index` and ignore `element`.
    #[doc(hidden)]
    #[inline]
    fn read_struct_element<'a>(list: &ListReader<'a>, index: u32, element: StructReader<'a>) -> Self::Reader<'a> {
        let _ = element;
        Self::read(list, index)
    }
    /// The owned copy of an element.
    fn to_owned(value: Self::Reader<'_>) -> Self::Owned;
    /// Points `pointer` at a new list of `len` zero elements.
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>>;
    /// Writes element `index`.
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &Self::Owned) -> Result<()>;
}

/// Every struct type is an element of lists of structs (`InlineComposite`), held as the owned
/// value: one impl for all generated and derived structs, which need none of their own.
impl<T> ListElement for T
where
    T: Struct + Clone + PartialEq + core::fmt::Debug,
{
    type Reader<'a> = T::Reader<'a>;
    type Owned = T;
    const SIZE: ElementSize = ElementSize::InlineComposite;
    #[inline]
    fn read<'a>(list: &ListReader<'a>, index: u32) -> T::Reader<'a> {
        struct_element::<T>(list, index)
    }
    #[inline]
    fn read_struct_element<'a>(_: &ListReader<'a>, _: u32, element: StructReader<'a>) -> T::Reader<'a> {
        T::wrap_reader(element)
    }
    fn to_owned(value: T::Reader<'_>) -> T {
        T::read_owned(value)
    }
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        init_struct_list::<T>(pointer, len)
    }
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &T) -> Result<()> {
        write_struct_element(list, index, value)
    }
}

macro_rules! primitive_element {
    ($($t:ty => $size:ident),*) => {$(
        impl ListElement for $t {
            type Reader<'a> = $t;
            type Owned = $t;
            const SIZE: ElementSize = ElementSize::$size;
            #[inline]
            fn read(list: &ListReader<'_>, index: u32) -> $t {
                list.get::<$t>(index).unwrap_or_default()
            }
            fn to_owned(value: $t) -> $t {
                value
            }
            fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
                pointer.init_list(ElementSize::$size, len)
            }
            fn write(list: &mut ListBuilder<'_>, index: u32, value: &$t) -> Result<()> {
                list.set::<$t>(index, *value)
            }
        }
    )*};
}

primitive_element!(
    i8 => Byte, u8 => Byte, i16 => TwoBytes, u16 => TwoBytes, i32 => FourBytes, u32 => FourBytes,
    f32 => FourBytes, i64 => EightBytes, u64 => EightBytes, f64 => EightBytes
);

impl ListElement for bool {
    type Reader<'a> = bool;
    type Owned = bool;
    const SIZE: ElementSize = ElementSize::Bit;
    fn read(list: &ListReader<'_>, index: u32) -> bool {
        list.get_bool(index).unwrap_or(false)
    }
    fn to_owned(value: bool) -> bool {
        value
    }
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        pointer.init_list(ElementSize::Bit, len)
    }
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &bool) -> Result<()> {
        list.set_bool(index, *value)
    }
}

impl ListElement for () {
    type Reader<'a> = ();
    type Owned = ();
    const SIZE: ElementSize = ElementSize::Void;
    fn read(_: &ListReader<'_>, _: u32) {}
    fn to_owned(_: ()) {}
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        pointer.init_list(ElementSize::Void, len)
    }
    fn write(_: &mut ListBuilder<'_>, _: u32, _: &()) -> Result<()> {
        Ok(())
    }
}

impl ListElement for kind::Text {
    type Reader<'a> = &'a str;
    type Owned = String;
    const SIZE: ElementSize = ElementSize::Pointer;
    fn read<'a>(list: &ListReader<'a>, index: u32) -> &'a str {
        list.get_pointer(index).and_then(text).unwrap_or("")
    }
    fn to_owned(value: &str) -> String {
        String::from(value)
    }
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        pointer.init_list(ElementSize::Pointer, len)
    }
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &String) -> Result<()> {
        list.get_pointer(index)?.set_text(value)
    }
}

impl ListElement for kind::Data {
    type Reader<'a> = &'a [u8];
    type Owned = Vec<u8>;
    const SIZE: ElementSize = ElementSize::Pointer;
    fn read<'a>(list: &ListReader<'a>, index: u32) -> &'a [u8] {
        list.get_pointer(index).and_then(data).unwrap_or(&[])
    }
    fn to_owned(value: &[u8]) -> Vec<u8> {
        value.to_vec()
    }
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        pointer.init_list(ElementSize::Pointer, len)
    }
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &Vec<u8>) -> Result<()> {
        list.get_pointer(index)?.set_data(value)
    }
}

impl<T: ListElement> ListElement for kind::List<T> {
    type Reader<'a> = List<'a, T>;
    type Owned = Vec<T::Owned>;
    const SIZE: ElementSize = ElementSize::Pointer;
    fn read<'a>(list: &ListReader<'a>, index: u32) -> List<'a, T> {
        list.get_pointer(index).and_then(List::from_pointer).unwrap_or_default()
    }
    fn to_owned(value: List<'_, T>) -> Vec<T::Owned> {
        value.to_vec()
    }
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        pointer.init_list(ElementSize::Pointer, len)
    }
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &Vec<T::Owned>) -> Result<()> {
        write_list::<T>(list.get_pointer(index)?, value)
    }
}

/// A list of `T` inside a message: `Copy`, zero-copy, bounds-checked.
pub struct List<'a, T: ListElement> {
    list: ListReader<'a>,
    element: PhantomData<fn() -> T>,
}

impl<T: ListElement> Clone for List<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ListElement> Copy for List<'_, T> {}

impl<'a, T: ListElement> core::fmt::Debug for List<'a, T>
where
    T::Reader<'a>: core::fmt::Debug,
{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: ListElement> Default for List<'_, T> {
    /// The empty list.
    fn default() -> Self {
        List { list: ListReader::default(), element: PhantomData }
    }
}

impl<'a, T: ListElement> List<'a, T> {
    /// The list `pointer` points at; `None` when null, malformed or not readable as `T`s.
    pub fn from_pointer(pointer: PointerReader<'a>) -> Option<List<'a, T>> {
        let list = pointer.get_list(T::SIZE).ok()??;
        Some(List { list, element: PhantomData })
    }

    /// The number of elements.
    pub fn len(&self) -> u32 {
        self.list.len()
    }

    /// Whether the list has no elements.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Element `index`; `None` past the end.
    pub fn get(&self, index: u32) -> Option<T::Reader<'a>> {
        (index < self.list.len()).then(|| T::read(&self.list, index))
    }

    /// The elements in order.
    #[inline]
    pub fn iter(&self) -> ListIter<'a, T> {
        let structs = if T::SIZE == ElementSize::InlineComposite { Some(self.list.struct_elements()) } else { None };
        ListIter { list: *self, next: 0, structs }
    }

    /// The owned copy of every element.
    pub fn to_vec(&self) -> Vec<T::Owned> {
        self.iter().map(T::to_owned).collect()
    }

    /// The untyped list.
    pub fn untyped(&self) -> ListReader<'a> {
        self.list
    }
}

impl<'a, T: ListElement> IntoIterator for List<'a, T> {
    type Item = T::Reader<'a>;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> ListIter<'a, T> {
        self.iter()
    }
}

/// The iterator over a [`List`].
pub struct ListIter<'a, T: ListElement> {
    list: List<'a, T>,
    next: u32,
    /// The struct elements, for lists of structs.
    structs: Option<StructElements<'a>>,
}

impl<'a, T: ListElement> Iterator for ListIter<'a, T> {
    type Item = T::Reader<'a>;
    #[inline]
    fn next(&mut self) -> Option<T::Reader<'a>> {
        let index = self.next;
        let item = match &mut self.structs {
            Some(structs) => T::read_struct_element(&self.list.list, index, structs.next()?),
            None => self.list.get(index)?,
        };
        self.next += 1;
        Some(item)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.list.len() - self.next) as usize;
        (left, Some(left))
    }
}

impl<T: ListElement> ExactSizeIterator for ListIter<'_, T> {}

/// A list of `T` under construction.
pub struct ListBuilderOf<'a, T: ListElement> {
    list: ListBuilder<'a>,
    element: PhantomData<fn() -> T>,
}

impl<'a, T: ListElement> ListBuilderOf<'a, T> {
    /// Points `pointer` at a new list of `len` zero elements.
    pub fn init(pointer: PointerBuilder<'a>, len: u32) -> Result<ListBuilderOf<'a, T>> {
        Ok(ListBuilderOf { list: T::init(pointer, len)?, element: PhantomData })
    }

    /// The number of elements.
    pub fn len(&self) -> u32 {
        self.list.len()
    }

    /// Whether the list has no elements.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Sets element `index`; an error past the end.
    pub fn set(&mut self, index: u32, value: &T::Owned) -> Result<()> {
        T::write(&mut self.list, index, value)
    }

    /// The untyped list builder.
    pub fn untyped(&mut self) -> ListBuilder<'_> {
        self.list.reborrow()
    }
}

impl<T: Struct + ListElement> ListBuilderOf<'_, T> {
    /// The builder of struct element `index`; an error past the end.
    pub fn get(&mut self, index: u32) -> Result<T::Builder<'_>> {
        Ok(T::wrap_builder(self.list.get_struct(index)?))
    }
}

/// Points `pointer` at a new list holding `values`.
pub fn write_list<T: ListElement>(pointer: PointerBuilder<'_>, values: &[T::Owned]) -> Result<()> {
    let len = u32::try_from(values.len()).map_err(|_| Error::new(ErrorKind::TooLarge, "a list too long"))?;
    let mut list = T::init(pointer, len)?;
    for (index, value) in values.iter().enumerate() {
        T::write(&mut list, index as u32, value)?;
    }
    Ok(())
}

/// The Text `pointer` points at; `None` when null, malformed or not UTF-8.
#[inline]
pub fn text(pointer: PointerReader<'_>) -> Option<&str> {
    pointer.get_text().ok()??.as_str().ok()
}

/// The Data `pointer` points at; `None` when null or malformed.
#[inline]
pub fn data(pointer: PointerReader<'_>) -> Option<&[u8]> {
    pointer.get_data().ok()?
}

/// The struct `pointer` points at, as `T`; `None` when null or malformed.
#[inline]
pub fn struct_at<T: Struct>(pointer: PointerReader<'_>) -> Option<T::Reader<'_>> {
    pointer.get_struct().ok()?.map(T::wrap_reader)
}

/// The struct a schema default holds (a constant in canonical form), or the all-default
/// struct when it is empty or malformed.
pub fn default_struct<T: Struct>(words: &'static [u8]) -> T::Reader<'static> {
    T::wrap_reader(PointerReader::constant(words).get_struct().ok().flatten().unwrap_or_default())
}

/// The list a schema default holds (a constant in canonical form), or the empty list.
pub fn default_list<T: ListElement>(words: &'static [u8]) -> List<'static, T> {
    List::from_pointer(PointerReader::constant(words)).unwrap_or_default()
}

/// Element `index` of a struct list, as `T` (the all-default struct when the element is
/// outside the list body).
#[inline]
pub fn struct_element<'a, T: Struct>(list: &ListReader<'a>, index: u32) -> T::Reader<'a> {
    T::wrap_reader(list.get_struct(index).unwrap_or_default())
}

/// Points `pointer` at a new struct of type `T` and returns its builder.
#[inline]
pub fn init_struct<T: Struct>(pointer: PointerBuilder<'_>) -> T::Builder<'_> {
    T::wrap_builder(pointer.init_struct(T::DATA_WORDS, T::POINTER_COUNT))
}

/// Points `pointer` at a new struct holding `value`.
pub fn write_struct<T: Struct>(pointer: PointerBuilder<'_>, value: &T) -> Result<()> {
    value.write_to(pointer.init_struct(T::DATA_WORDS, T::POINTER_COUNT))
}

/// Points `pointer` at a new list of `len` `T`s (inline composite for structs).
pub fn init_struct_list<T: Struct>(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
    pointer.init_struct_list(len, T::DATA_WORDS, T::POINTER_COUNT)
}

/// Writes struct element `index` of a list.
pub fn write_struct_element<T: Struct>(list: &mut ListBuilder<'_>, index: u32, value: &T) -> Result<()> {
    value.write_to(list.get_struct(index)?)
}

/// A message holding `value` as its root, framed with the standard segment table.
pub fn to_bytes<T: Struct>(value: &T) -> Result<Vec<u8>> {
    let mut message = MessageBuilder::default();
    value.write_to(message.init_root(T::DATA_WORDS, T::POINTER_COUNT))?;
    Ok(message.to_bytes())
}

/// Sets the root of `message` to a new `T` and returns its builder.
#[inline]
pub fn init_root<T: Struct>(message: &mut MessageBuilder) -> T::Builder<'_> {
    T::wrap_builder(message.init_root(T::DATA_WORDS, T::POINTER_COUNT))
}

/// A framed message whose root is a `T`, read in place: [`TypedMessage::root`] gives the view.
pub struct TypedMessage<'b, T: Struct> {
    message: MessageReader<'b>,
    root: PhantomData<fn() -> T>,
}

impl<'b, T: Struct> TypedMessage<'b, T> {
    pub(crate) fn new(message: MessageReader<'b>) -> TypedMessage<'b, T> {
        TypedMessage { message, root: PhantomData }
    }
}

impl<T: Struct> TypedMessage<'_, T> {
    /// The root struct's view.
    pub fn root(&self) -> T::Reader<'_> {
        T::wrap_reader(self.message.root_struct().unwrap_or_default())
    }

    /// The untyped message.
    pub fn message(&self) -> &MessageReader<'_> {
        &self.message
    }
}

/// Opens a framed message (segment table, then segments) whose root is a `T`, with the
/// default limits; an error when the framing or the root pointer is malformed.
pub fn read<T: Struct>(bytes: &[u8]) -> Result<TypedMessage<'_, T>> {
    read_with_options(bytes, ReaderOptions::default())
}

/// [`read`] with the given limits.
pub fn read_with_options<T: Struct>(bytes: &[u8], options: ReaderOptions) -> Result<TypedMessage<'_, T>> {
    let message = MessageReader::from_bytes(bytes, options)?;
    message.root_struct()?;
    Ok(TypedMessage::new(message))
}

/// The all-default view of a struct: every field reads as its default.
#[inline]
pub fn empty_struct() -> StructReader<'static> {
    StructReader::default()
}

/// Sets pointer `index` of `builder` to null, if there is such a pointer.
#[inline]
pub fn clear_pointer(builder: &mut StructBuilder<'_>, index: u16) {
    if let Some(mut pointer) = builder.pointer(index) {
        pointer.clear();
    }
}

/// Pointer `index` of `builder`; an error when the struct has fewer pointers (a builder made
/// for a smaller struct).
#[inline]
pub fn pointer_of<'b>(builder: &'b mut StructBuilder<'_>, index: u16) -> Result<PointerBuilder<'b>> {
    builder.pointer(index).ok_or_else(|| Error::new(ErrorKind::OutOfBounds, "no such pointer in this struct"))
}

/// Pointer `index` of `builder`, cleared (null), to point at anything; an error as for
/// [`pointer_of`].
#[inline]
pub fn cleared_pointer_of<'b>(builder: &'b mut StructBuilder<'_>, index: u16) -> Result<PointerBuilder<'b>> {
    let mut pointer = pointer_of(builder, index)?;
    pointer.clear();
    Ok(pointer)
}
