//! Fixed-width values stored in data sections and primitive lists, little-endian on the wire.

mod sealed {
    pub trait Sealed {}
}

/// A value that lives in a data section or a primitive list: integers, floats.
///
/// `Bool` is not a `Primitive` because it is addressed by bit; readers and builders have
/// `bool` accessors of their own. Defaults are applied by XOR of the bit patterns, so a float
/// default is exact (including NaN payloads and negative zero).
pub trait Primitive: Copy + sealed::Sealed {
    /// Width in bytes.
    const SIZE: usize;
    /// Reads the value from exactly `Self::SIZE` little-endian bytes.
    fn read_le(bytes: &[u8]) -> Self;
    /// Writes the value as exactly `Self::SIZE` little-endian bytes.
    fn write_le(self, out: &mut [u8]);
    /// XOR of the bit patterns: how a schema default is applied to the stored value.
    fn xor(self, default: Self) -> Self;
}

macro_rules! int_primitive {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Primitive for $t {
            const SIZE: usize = core::mem::size_of::<$t>();
            #[inline]
            fn read_le(bytes: &[u8]) -> Self {
                let mut raw = [0u8; core::mem::size_of::<$t>()];
                raw.copy_from_slice(bytes);
                <$t>::from_le_bytes(raw)
            }
            #[inline]
            fn write_le(self, out: &mut [u8]) {
                out.copy_from_slice(&self.to_le_bytes());
            }
            #[inline]
            fn xor(self, default: Self) -> Self {
                self ^ default
            }
        }
    )*};
}

int_primitive!(u8, i8, u16, i16, u32, i32, u64, i64);

macro_rules! float_primitive {
    ($($t:ty => $bits:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Primitive for $t {
            const SIZE: usize = core::mem::size_of::<$t>();
            #[inline]
            fn read_le(bytes: &[u8]) -> Self {
                <$t>::from_bits(<$bits as Primitive>::read_le(bytes))
            }
            #[inline]
            fn write_le(self, out: &mut [u8]) {
                self.to_bits().write_le(out)
            }
            #[inline]
            fn xor(self, default: Self) -> Self {
                <$t>::from_bits(self.to_bits() ^ default.to_bits())
            }
        }
    )*};
}

float_primitive!(f32 => u32, f64 => u64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_defaults_apply_by_bit_pattern() {
        // The stored value 0 reads as the default itself, bit for bit.
        assert_eq!(0f64.xor(-0.0).to_bits(), (-0.0f64).to_bits());
        let nan = f32::from_bits(0x7fc0_1234);
        assert_eq!(0f32.xor(nan).to_bits(), 0x7fc0_1234);
        // Writing a value XOR default and reading it back XOR default gives the value.
        let stored = 1.5f64.xor(3.25);
        assert_eq!(stored.xor(3.25), 1.5);
    }

    #[test]
    fn integers_are_little_endian() {
        let mut out = [0u8; 4];
        0x0102_0304u32.write_le(&mut out);
        assert_eq!(out, [4, 3, 2, 1]);
        assert_eq!(i16::read_le(&[0xfe, 0xff]), -2);
        assert_eq!(7i8.xor(-1), !7);
    }
}
