//! `AnyPointer` fields: [`AnyPointer`] views whatever a pointer points at and reads it as the
//! type the caller names (capnpy's `is_struct`/`as_struct`/`as_list`/`as_text`); [`AnyValue`]
//! owns such an object, in canonical form, for owned struct values.

use alloc::vec::Vec;
use core::fmt;

use crate::builder::{MessageBuilder, PointerBuilder};
use crate::canonical::{canonicalize, compact};
use crate::error::{Error, ErrorKind, Result};
use crate::reader::{PointerReader, PointerType};
use crate::typed::{data, text, write_list, List, ListElement, Struct};

/// A view of what an `AnyPointer` field points at. Every `as_…` is `None` when the pointer is
/// null, malformed or of another kind.
#[derive(Clone, Copy)]
pub struct AnyPointer<'a> {
    pointer: PointerReader<'a>,
}

impl<'a> AnyPointer<'a> {
    /// Views `pointer`.
    pub fn new(pointer: PointerReader<'a>) -> AnyPointer<'a> {
        AnyPointer { pointer }
    }

    /// The untyped pointer.
    pub fn untyped(self) -> PointerReader<'a> {
        self.pointer
    }

    /// Whether the pointer is null.
    pub fn is_null(self) -> bool {
        self.pointer.is_null()
    }

    /// What the pointer points at: a struct, a list (Text and Data are lists), a capability,
    /// or nothing; an error when the pointer is malformed.
    pub fn pointer_type(self) -> Result<PointerType> {
        self.pointer.pointer_type()
    }

    /// Whether it points at a struct.
    pub fn is_struct(self) -> bool {
        matches!(self.pointer_type(), Ok(PointerType::Struct))
    }

    /// Whether it points at a list (Text and Data included).
    pub fn is_list(self) -> bool {
        matches!(self.pointer_type(), Ok(PointerType::List))
    }

    /// Whether it is a capability.
    pub fn is_capability(self) -> bool {
        matches!(self.pointer_type(), Ok(PointerType::Capability))
    }

    /// The struct, read as `T`.
    pub fn as_struct<T: Struct>(self) -> Option<T::Reader<'a>> {
        self.pointer.get_struct().ok()?.map(T::wrap_reader)
    }

    /// The list, read as a list of `T`.
    pub fn as_list<T: ListElement>(self) -> Option<List<'a, T>> {
        List::from_pointer(self.pointer)
    }

    /// The Text (UTF-8, NUL-terminated on the wire).
    pub fn as_text(self) -> Option<&'a str> {
        text(self.pointer)
    }

    /// The Data.
    pub fn as_data(self) -> Option<&'a [u8]> {
        data(self.pointer)
    }

    /// The capability's index in the message's capability table.
    pub fn capability_index(self) -> Option<u32> {
        self.pointer.get_capability().ok()?
    }

    /// An owned copy of the object; `None` when the pointer is malformed.
    pub fn to_owned(self) -> Option<AnyValue> {
        AnyValue::copy_of(self).ok()
    }
}

impl fmt::Debug for AnyPointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pointer_type() {
            Ok(kind) => write!(f, "AnyPointer({kind:?})"),
            Err(_) => f.write_str("AnyPointer(malformed)"),
        }
    }
}

/// The object `pointer` points at; `None` when the pointer is null.
pub fn any_pointer(pointer: PointerReader<'_>) -> Option<AnyPointer<'_>> {
    if pointer.is_null() {
        None
    } else {
        Some(AnyPointer::new(pointer))
    }
}

/// An owned object of any kind (struct, list, Text, Data, capability), held as its canonical
/// encoding: one flat segment whose first word is the root pointer. Two values are equal when
/// their canonical encodings are, which is when they hold equal content.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct AnyValue {
    words: Vec<u8>,
}

impl AnyValue {
    /// An owned copy of what `pointer` points at.
    pub fn copy_of(pointer: AnyPointer<'_>) -> Result<AnyValue> {
        match canonicalize(pointer.untyped()) {
            Ok(words) => Ok(AnyValue { words }),
            // A capability is kept as its pointer (the index into the message's table).
            Err(e) if e.kind() == ErrorKind::CapabilityNotCanonical => {
                let words = compact(pointer.untyped())?
                    .into_single_segment()
                    .ok_or_else(|| Error::new(ErrorKind::TooLarge, "the copy does not fit one segment"))?;
                Ok(AnyValue { words })
            }
            Err(e) => Err(e),
        }
    }

    /// The null pointer.
    pub fn null() -> AnyValue {
        AnyValue { words: alloc::vec![0; 8] }
    }

    /// A struct.
    pub fn of_struct<T: Struct>(value: &T) -> Result<AnyValue> {
        Self::built(|root| value.write_to(root.init_struct(T::DATA_WORDS, T::POINTER_COUNT)))
    }

    /// A list of `T`.
    pub fn of_list<T: ListElement>(values: &[T::Owned]) -> Result<AnyValue> {
        Self::built(|root| write_list::<T>(root, values))
    }

    /// A Text.
    pub fn of_text(value: &str) -> Result<AnyValue> {
        Self::built(|root| root.set_text(value))
    }

    /// A Data.
    pub fn of_data(value: &[u8]) -> Result<AnyValue> {
        Self::built(|root| root.set_data(value))
    }

    /// A capability, by its index in the message's capability table.
    pub fn of_capability(index: u32) -> AnyValue {
        let mut message = MessageBuilder::default();
        message.root().set_capability(index);
        let words = message.into_single_segment().unwrap_or_default();
        AnyValue { words }
    }

    fn built(write: impl FnOnce(PointerBuilder<'_>) -> Result<()>) -> Result<AnyValue> {
        let mut message = MessageBuilder::default();
        write(message.root())?;
        Self::copy_of(AnyPointer::new(message.as_reader().root()))
    }

    /// The view of the object.
    pub fn reader(&self) -> AnyPointer<'_> {
        AnyPointer::new(PointerReader::constant(&self.words))
    }

    /// The encoding: one flat segment, root pointer first.
    pub fn words(&self) -> &[u8] {
        &self.words
    }

    /// Points `pointer` at a copy of the object.
    pub fn write_to(&self, pointer: PointerBuilder<'_>) -> Result<()> {
        pointer.set_copy_of(PointerReader::constant(&self.words))
    }
}

impl fmt::Debug for AnyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AnyValue({:?}, {} bytes)", self.reader(), self.words.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typed::kind::Text;
    use alloc::string::{String, ToString};
    use alloc::vec;

    #[test]
    fn values_read_back_as_the_kind_they_hold() {
        let text = AnyValue::of_text("hello").unwrap();
        assert!(text.reader().is_list());
        assert_eq!(text.reader().as_text(), Some("hello"));
        assert_eq!(text.reader().as_struct::<Empty>().map(|_| ()), None);

        let data = AnyValue::of_data(&[1, 2, 3]).unwrap();
        assert_eq!(data.reader().as_data(), Some(&[1u8, 2, 3][..]));

        let list = AnyValue::of_list::<Text>(&["a".to_string(), String::new()]).unwrap();
        assert_eq!(list.reader().as_list::<Text>().unwrap().to_vec(), vec!["a".to_string(), String::new()]);
        assert_eq!(list.reader().as_text(), None, "a list of pointers is not Text");

        let capability = AnyValue::of_capability(7);
        assert!(capability.reader().is_capability());
        assert_eq!(capability.reader().capability_index(), Some(7));
        assert_eq!(capability.reader().to_owned(), Some(capability.clone()));

        let null = AnyPointer::new(PointerReader::null());
        assert!(null.is_null() && !null.is_struct() && !null.is_list());
        assert_eq!(null.as_text(), None);
    }

    #[test]
    fn copies_are_canonical_so_equal_content_is_equal() {
        let a = AnyValue::of_text("same").unwrap();
        let b = a.reader().to_owned().unwrap();
        assert_eq!(a, b);
        assert_ne!(a, AnyValue::of_text("other").unwrap());
        let mut message = MessageBuilder::default();
        a.write_to(message.root()).unwrap();
        assert_eq!(AnyPointer::new(message.as_reader().root()).as_text(), Some("same"));
    }

    /// A struct type without fields, for `as_struct`.
    struct Empty;

    impl Struct for Empty {
        type Reader<'a> = crate::reader::StructReader<'a>;
        type Builder<'a> = crate::builder::StructBuilder<'a>;
        const TYPE_ID: u64 = 0;
        const DATA_WORDS: u16 = 0;
        const POINTER_COUNT: u16 = 0;
        fn wrap_reader(reader: crate::reader::StructReader<'_>) -> Self::Reader<'_> {
            reader
        }
        fn wrap_builder(builder: crate::builder::StructBuilder<'_>) -> Self::Builder<'_> {
            builder
        }
        fn unwrap_reader<'a>(reader: Self::Reader<'a>) -> crate::reader::StructReader<'a> {
            reader
        }
        fn read_owned(_: Self::Reader<'_>) -> Self {
            Empty
        }
        fn write_to(&self, _: crate::builder::StructBuilder<'_>) -> Result<()> {
            Ok(())
        }
    }
}
