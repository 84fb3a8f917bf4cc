//! The pointer word and element-size encodings of the Cap'n Proto wire format.
//!
//! Everything here is plain arithmetic on `u64` words; bounds are checked by the callers.

/// Bytes in a word.
pub const BYTES_PER_WORD: usize = 8;

/// The largest element count (or word count) a list pointer can hold: 2^29 - 1.
pub const MAX_LIST_ELEMENTS: u32 = (1 << 29) - 1;

/// The size of each element of a list, as the three-bit code of a list pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementSize {
    /// 0 bits per element (`List(Void)`).
    Void = 0,
    /// 1 bit per element (`List(Bool)`).
    Bit = 1,
    /// 1 byte per element.
    Byte = 2,
    /// 2 bytes per element.
    TwoBytes = 3,
    /// 4 bytes per element.
    FourBytes = 4,
    /// 8 bytes per element (non-pointer).
    EightBytes = 5,
    /// One pointer per element.
    Pointer = 6,
    /// Structs, with a tag word before the elements.
    InlineComposite = 7,
}

impl ElementSize {
    /// Decodes the three-bit code.
    pub fn from_code(code: u8) -> ElementSize {
        match code & 7 {
            0 => ElementSize::Void,
            1 => ElementSize::Bit,
            2 => ElementSize::Byte,
            3 => ElementSize::TwoBytes,
            4 => ElementSize::FourBytes,
            5 => ElementSize::EightBytes,
            6 => ElementSize::Pointer,
            _ => ElementSize::InlineComposite,
        }
    }

    /// Data bits of one element (0 for pointers and inline composites).
    pub fn data_bits(self) -> u32 {
        match self {
            ElementSize::Void | ElementSize::Pointer | ElementSize::InlineComposite => 0,
            ElementSize::Bit => 1,
            ElementSize::Byte => 8,
            ElementSize::TwoBytes => 16,
            ElementSize::FourBytes => 32,
            ElementSize::EightBytes => 64,
        }
    }

    /// Pointers in one element (1 for pointer lists, else 0).
    pub fn pointers(self) -> u16 {
        (self == ElementSize::Pointer) as u16
    }

    /// The element size that holds `bits` of data per element.
    pub fn for_data_bits(bits: u32) -> ElementSize {
        match bits {
            0 => ElementSize::Void,
            1 => ElementSize::Bit,
            8 => ElementSize::Byte,
            16 => ElementSize::TwoBytes,
            32 => ElementSize::FourBytes,
            _ => ElementSize::EightBytes,
        }
    }
}

/// The kind field (low two bits) of a pointer word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Struct,
    List,
    Far,
    Other,
}

#[inline]
pub(crate) fn kind(word: u64) -> Kind {
    match word & 3 {
        0 => Kind::Struct,
        1 => Kind::List,
        2 => Kind::Far,
        _ => Kind::Other,
    }
}

/// The signed 30-bit word offset of a struct or list pointer.
#[inline]
pub(crate) fn offset(word: u64) -> i64 {
    ((word as u32 as i32) >> 2) as i64
}

#[inline]
pub(crate) fn struct_data_words(word: u64) -> u16 {
    (word >> 32) as u16
}

#[inline]
pub(crate) fn struct_ptr_count(word: u64) -> u16 {
    (word >> 48) as u16
}

#[inline]
pub(crate) fn list_element_size(word: u64) -> ElementSize {
    ElementSize::from_code(((word >> 32) & 7) as u8)
}

#[inline]
pub(crate) fn list_count(word: u64) -> u32 {
    (word >> 35) as u32
}

#[inline]
pub(crate) fn far_is_double(word: u64) -> bool {
    word & 4 != 0
}

#[inline]
pub(crate) fn far_pad_offset(word: u64) -> u32 {
    (word as u32) >> 3
}

#[inline]
pub(crate) fn far_segment(word: u64) -> u32 {
    (word >> 32) as u32
}

/// A capability pointer has kind 3 and all bits 2..32 zero; other kind-3 values are reserved.
#[inline]
pub(crate) fn is_capability(word: u64) -> bool {
    word as u32 == 3
}

#[inline]
pub(crate) fn capability_index(word: u64) -> u32 {
    (word >> 32) as u32
}

#[inline]
pub(crate) fn make_struct(offset: i64, data_words: u16, ptr_count: u16) -> u64 {
    ((offset as u32) << 2) as u64 | (data_words as u64) << 32 | (ptr_count as u64) << 48
}

#[inline]
pub(crate) fn make_list(offset: i64, size: ElementSize, count: u32) -> u64 {
    ((offset as u32) << 2) as u64 | 1 | (size as u64) << 32 | (count as u64) << 35
}

#[inline]
pub(crate) fn make_far(double: bool, pad_offset: u32, segment: u32) -> u64 {
    2 | (double as u64) << 2 | ((pad_offset as u64) << 3) & 0xffff_ffff | (segment as u64) << 32
}

#[inline]
pub(crate) fn make_capability(index: u32) -> u64 {
    3 | (index as u64) << 32
}

/// The pointer word of a struct with no data and no pointers: offset -1, so it is not null.
pub(crate) const EMPTY_STRUCT: u64 = 0xffff_fffc;

/// Words occupied by `count` elements of `bits_per_element` bits, rounded up.
#[inline]
pub(crate) fn words_for_bits(count: u64, bits_per_element: u64) -> u64 {
    (count * bits_per_element).div_ceil(64)
}

#[inline]
pub(crate) fn read_word(bytes: &[u8], word_index: usize) -> Option<u64> {
    let start = word_index.checked_mul(BYTES_PER_WORD)?;
    let chunk = bytes.get(start..start.checked_add(BYTES_PER_WORD)?)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_pointer_fields_round_trip() {
        let w = make_struct(-3, 2, 5);
        assert_eq!(kind(w), Kind::Struct);
        assert_eq!(offset(w), -3);
        assert_eq!(struct_data_words(w), 2);
        assert_eq!(struct_ptr_count(w), 5);
        assert_eq!(make_struct(-1, 0, 0), EMPTY_STRUCT);
    }

    #[test]
    fn list_pointer_fields_round_trip() {
        let w = make_list(7, ElementSize::InlineComposite, MAX_LIST_ELEMENTS);
        assert_eq!(kind(w), Kind::List);
        assert_eq!(offset(w), 7);
        assert_eq!(list_element_size(w), ElementSize::InlineComposite);
        assert_eq!(list_count(w), MAX_LIST_ELEMENTS);
    }

    #[test]
    fn far_and_capability_fields_round_trip() {
        let w = make_far(true, 12345, 9);
        assert_eq!(kind(w), Kind::Far);
        assert!(far_is_double(w));
        assert_eq!(far_pad_offset(w), 12345);
        assert_eq!(far_segment(w), 9);
        let c = make_capability(42);
        assert!(is_capability(c));
        assert_eq!(capability_index(c), 42);
    }

    #[test]
    fn bits_round_up_to_words() {
        assert_eq!(words_for_bits(0, 1), 0);
        assert_eq!(words_for_bits(1, 1), 1);
        assert_eq!(words_for_bits(65, 1), 2);
        assert_eq!(words_for_bits(3, 16), 1);
        assert_eq!(words_for_bits(5, 16), 2);
    }
}
