//! What the three workloads share: the random number generator whose seed fixes every
//! workload, guarded integer division, and the filler words of catrank's snippets.

/// Marsaglia's xorshift128. The four state words are the reference suite's seed, so that both
/// implementations generate the very same requests, message for message.
#[derive(Clone, Copy, Debug)]
pub struct FastRand {
    x: u32,
    y: u32,
    z: u32,
    w: u32,
}

impl FastRand {
    /// The generator at the reference seed.
    pub fn new() -> FastRand {
        FastRand { x: 0x1d2a_cd47, y: 0x58ca_3e14, z: 0xf563_f232, w: 0x0bc7_6199 }
    }

    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        let t = self.x ^ (self.x << 11);
        (self.x, self.y, self.z) = (self.y, self.z, self.w);
        self.w ^= (self.w >> 19) ^ t ^ (t >> 8);
        self.w
    }

    /// A number in `0..bound` (by remainder, with its slight bias: the reference does the same).
    #[inline]
    pub fn next_less_than(&mut self, bound: u32) -> u32 {
        self.next_u32() % bound
    }

    #[inline]
    pub fn next_bool(&mut self) -> bool {
        self.next_u32() % 2 == 1
    }

    /// A number in `0.0..=range`.
    #[inline]
    pub fn next_double(&mut self, range: f64) -> f64 {
        f64::from(self.next_u32()) * range / f64::from(u32::MAX)
    }
}

/// `a / b`, with `i32::MAX` for the two divisions Rust refuses (by zero, and `MIN / -1`), so
/// that any random expression has a value.
pub fn div(a: i32, b: i32) -> i32 {
    if b == 0 || (a == i32::MIN && b == -1) {
        i32::MAX
    } else {
        a / b
    }
}

/// `a % b`, with `i32::MAX` where [`div`] gives it.
pub fn modulus(a: i32, b: i32) -> i32 {
    if b == 0 || (a == i32::MIN && b == -1) {
        i32::MAX
    } else {
        a % b
    }
}

/// The words catrank's snippets are made of, each with its trailing space.
pub const WORDS: [&str; 13] = [
    "foo ", "bar ", "baz ", "qux ", "quux ", "corge ", "grault ", "garply ", "waldo ", "fred ", "plugh ", "xyzzy ",
    "thud ",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xorshift_first_values_at_the_reference_seed() {
        let mut rng = FastRand::new();
        let first: Vec<u32> = (0..4).map(|_| rng.next_u32()).collect();
        assert_eq!(first, [0x40cc_d553, 0x49ff_79c0, 0xa3e7_e0af, 0x931c_96e3]);
    }

    #[test]
    fn derived_draws_follow_the_raw_words() {
        let mut raw = FastRand::new();
        let mut rng = FastRand::new();
        let word = raw.next_u32();
        assert_eq!(rng.next_less_than(200), word % 200);
        let word = raw.next_u32();
        assert_eq!(rng.next_bool(), word % 2 == 1);
        let word = raw.next_u32();
        assert_eq!(rng.next_double(20.0), f64::from(word) * 20.0 / 4_294_967_295.0);
        let mut top = FastRand { x: 0, y: 0, z: 0, w: 0 };
        assert_eq!(top.next_double(1.0), 0.0);
    }

    #[test]
    fn division_by_zero_and_overflow_give_max() {
        assert_eq!(div(7, 2), 3);
        assert_eq!(div(-7, 2), -3);
        assert_eq!(div(5, 0), i32::MAX);
        assert_eq!(div(i32::MIN, -1), i32::MAX);
        assert_eq!(modulus(7, 3), 1);
        assert_eq!(modulus(-7, 3), -1);
        assert_eq!(modulus(5, 0), i32::MAX);
        assert_eq!(modulus(i32::MIN, -1), i32::MAX);
    }
}
