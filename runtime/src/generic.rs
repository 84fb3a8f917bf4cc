//! Generic parameters: the types a parameter of a generic struct (`struct Box(T)`) can be bound
//! to. Cap'n Proto binds parameters to pointer types only — Text, Data, lists, structs,
//! interfaces and AnyPointer — so a generated `Box<T>` asks `T: Pointee`, and its field of type
//! `T` reads through `T::read_pointer` and is owned as `T::Owned`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::any::{any_pointer, AnyPointer, AnyValue};
use crate::builder::{ListBuilder, PointerBuilder};
use crate::error::Result;
use crate::reader::{ListReader, PointerReader, StructReader};
use crate::text::Describe;
use crate::typed::{data, kind, struct_at, text, write_list, write_struct, List, ListElement, Struct};
use crate::wire::ElementSize;

/// A type a generic parameter can be bound to: what a pointer can point at. The list element
/// behaviour (a `List(T)` of a parameter) comes from [`ListElement`]. The markers are `Clone`,
/// `PartialEq` and `Debug` so that a generated `Box<T>` derives them for every `T`.
pub trait Pointee: ListElement + Describe + Clone + PartialEq + core::fmt::Debug + 'static {
    /// The object `pointer` points at; `None` when it is null or malformed.
    fn read_pointer(pointer: PointerReader<'_>) -> Option<Self::Reader<'_>>;
    /// What a null pointer reads as: the empty text, data or list, the all-default struct, or
    /// a null AnyPointer.
    fn default_reader<'a>() -> Self::Reader<'a>;
    /// Points `pointer` at a copy of `value`.
    fn write_pointer(pointer: PointerBuilder<'_>, value: &Self::Owned) -> Result<()>;
}

/// Every struct type can be a generic parameter's binding: one impl for all generated and
/// derived structs.
impl<T> Pointee for T
where
    T: Struct + Describe + Clone + PartialEq + core::fmt::Debug + 'static,
{
    #[inline]
    fn read_pointer(pointer: PointerReader<'_>) -> Option<T::Reader<'_>> {
        struct_at::<T>(pointer)
    }
    #[inline]
    fn default_reader<'a>() -> T::Reader<'a> {
        T::wrap_reader(StructReader::default())
    }
    fn write_pointer(pointer: PointerBuilder<'_>, value: &T) -> Result<()> {
        write_struct(pointer, value)
    }
}

impl Pointee for kind::Text {
    fn read_pointer(pointer: PointerReader<'_>) -> Option<&str> {
        text(pointer)
    }
    fn default_reader<'a>() -> &'a str {
        ""
    }
    fn write_pointer(pointer: PointerBuilder<'_>, value: &String) -> Result<()> {
        pointer.set_text(value)
    }
}

impl Pointee for kind::Data {
    fn read_pointer(pointer: PointerReader<'_>) -> Option<&[u8]> {
        data(pointer)
    }
    fn default_reader<'a>() -> &'a [u8] {
        &[]
    }
    fn write_pointer(pointer: PointerBuilder<'_>, value: &Vec<u8>) -> Result<()> {
        pointer.set_data(value)
    }
}

impl<T: ListElement + Describe + 'static> Pointee for kind::List<T> {
    fn read_pointer(pointer: PointerReader<'_>) -> Option<List<'_, T>> {
        List::from_pointer(pointer)
    }
    fn default_reader<'a>() -> List<'a, T> {
        List::default()
    }
    fn write_pointer(pointer: PointerBuilder<'_>, value: &Vec<T::Owned>) -> Result<()> {
        write_list::<T>(pointer, value)
    }
}

impl Pointee for kind::AnyPointer {
    fn read_pointer(pointer: PointerReader<'_>) -> Option<AnyPointer<'_>> {
        any_pointer(pointer)
    }
    fn default_reader<'a>() -> AnyPointer<'a> {
        AnyPointer::new(PointerReader::null())
    }
    fn write_pointer(pointer: PointerBuilder<'_>, value: &AnyValue) -> Result<()> {
        value.write_to(pointer)
    }
}

/// A list of pointers of any kind: what `List(T)` is when `T` is unbound. A null or malformed
/// element is owned as the null value.
impl ListElement for kind::AnyPointer {
    type Reader<'a> = AnyPointer<'a>;
    type Owned = AnyValue;
    const SIZE: ElementSize = ElementSize::Pointer;
    fn read<'a>(list: &ListReader<'a>, index: u32) -> AnyPointer<'a> {
        AnyPointer::new(list.get_pointer(index).unwrap_or_else(PointerReader::null))
    }
    fn to_owned(value: AnyPointer<'_>) -> AnyValue {
        value.to_owned().unwrap_or_else(AnyValue::null)
    }
    fn init(pointer: PointerBuilder<'_>, len: u32) -> Result<ListBuilder<'_>> {
        pointer.init_list(ElementSize::Pointer, len)
    }
    fn write(list: &mut ListBuilder<'_>, index: u32, value: &AnyValue) -> Result<()> {
        value.write_to(list.get_pointer(index)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::MessageBuilder;
    use crate::message::{MessageReader, ReaderOptions};

    fn written(write: impl FnOnce(PointerBuilder<'_>) -> Result<()>) -> Vec<u8> {
        let mut message = MessageBuilder::default();
        write(message.root()).unwrap();
        message.to_bytes()
    }

    fn root(bytes: &[u8]) -> MessageReader<'_> {
        MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap()
    }

    #[test]
    fn text_data_and_lists_round_trip_through_their_markers() {
        let bytes = written(|p| kind::Text::write_pointer(p, &String::from("hi")));
        assert_eq!(kind::Text::read_pointer(root(&bytes).root()), Some("hi"));
        let bytes = written(|p| kind::Data::write_pointer(p, &alloc::vec![1, 2]));
        assert_eq!(kind::Data::read_pointer(root(&bytes).root()), Some(&[1u8, 2][..]));
        let bytes = written(|p| kind::List::<i16>::write_pointer(p, &alloc::vec![-1, 7]));
        let message = root(&bytes);
        let list = kind::List::<i16>::read_pointer(message.root()).unwrap();
        assert_eq!(list.to_vec(), alloc::vec![-1, 7]);
    }

    #[test]
    fn null_pointers_read_as_none_and_the_defaults_are_empty() {
        assert_eq!(kind::Text::read_pointer(PointerReader::null()), None);
        assert!(kind::AnyPointer::read_pointer(PointerReader::null()).is_none());
        assert_eq!(kind::Text::default_reader(), "");
        assert_eq!(kind::Data::default_reader(), &[] as &[u8]);
        assert!(kind::List::<u8>::default_reader().is_empty());
        assert!(kind::AnyPointer::default_reader().is_null());
    }

    #[test]
    fn a_list_of_any_pointers_holds_objects_of_any_kind_and_nulls() {
        let values = alloc::vec![AnyValue::of_text("a").unwrap(), AnyValue::null(), AnyValue::of_data(&[9]).unwrap()];
        let bytes = written(|p| write_list::<kind::AnyPointer>(p, &values));
        let message = root(&bytes);
        let list = kind::List::<kind::AnyPointer>::read_pointer(message.root()).unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list.get(0).and_then(AnyPointer::as_text), Some("a"));
        assert!(list.get(1).unwrap().is_null());
        assert_eq!(list.get(2).and_then(AnyPointer::as_data), Some(&[9u8][..]));
        assert_eq!(list.to_vec(), values);
    }
}
