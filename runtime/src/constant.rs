//! Schema constants of pointer types (`const origin :Point = (x = 0, y = 0);`): generated code
//! holds each one as its canonical words in a `static`, and these wrappers read them in place,
//! so a constant costs no allocation and no work until it is read.

use core::fmt;
use core::marker::PhantomData;

use crate::reader::PointerReader;
use crate::typed::{default_list, default_struct, List, ListElement, Struct};

/// A struct constant: [`StructConst::get`] gives its reader.
pub struct StructConst<T: Struct> {
    words: &'static [u8],
    kind: PhantomData<fn() -> T>,
}

impl<T: Struct> StructConst<T> {
    /// The constant whose canonical encoding (root pointer first, no segment table) is `words`.
    pub const fn new(words: &'static [u8]) -> StructConst<T> {
        StructConst { words, kind: PhantomData }
    }

    /// The constant's value, read in place (the all-default struct if `words` are malformed).
    pub fn get(&self) -> T::Reader<'static> {
        default_struct::<T>(self.words)
    }

    /// An owned copy of the value.
    pub fn to_owned(&self) -> T {
        T::read_owned(self.get())
    }

    /// The canonical encoding: one flat segment, root pointer first.
    pub fn words(&self) -> &'static [u8] {
        self.words
    }
}

impl<T: Struct> Clone for StructConst<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Struct> Copy for StructConst<T> {}

impl<T: Struct> fmt::Debug for StructConst<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StructConst({} bytes)", self.words.len())
    }
}

/// A list constant: [`ListConst::get`] gives its view.
pub struct ListConst<T: ListElement> {
    words: &'static [u8],
    kind: PhantomData<fn() -> T>,
}

impl<T: ListElement> ListConst<T> {
    /// The constant whose canonical encoding is `words`.
    pub const fn new(words: &'static [u8]) -> ListConst<T> {
        ListConst { words, kind: PhantomData }
    }

    /// The constant's value, read in place (empty if `words` are malformed).
    pub fn get(&self) -> List<'static, T> {
        default_list::<T>(self.words)
    }

    /// The canonical encoding: one flat segment, root pointer first.
    pub fn words(&self) -> &'static [u8] {
        self.words
    }
}

impl<T: ListElement> Clone for ListConst<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ListElement> Copy for ListConst<T> {}

impl<T: ListElement> fmt::Debug for ListConst<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ListConst({} bytes)", self.words.len())
    }
}

/// An `AnyPointer` constant: [`PointerConst::get`] gives the untyped pointer.
#[derive(Clone, Copy, Debug)]
pub struct PointerConst {
    words: &'static [u8],
}

impl PointerConst {
    /// The constant whose canonical encoding is `words` (empty: null).
    pub const fn new(words: &'static [u8]) -> PointerConst {
        PointerConst { words }
    }

    /// The pointer, read in place.
    pub fn get(&self) -> PointerReader<'static> {
        PointerReader::constant(self.words)
    }

    /// The canonical encoding: one flat segment, root pointer first.
    pub fn words(&self) -> &'static [u8] {
        self.words
    }
}
