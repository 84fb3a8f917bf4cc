//! The text format's spelling of scalars, as the official tool writes them: floats as C's
//! `%g` with enough digits to read back, and Text and Data quoted with C escapes.
//!
//! A leaf: it knows bytes and numbers only, so that both printers (over compile-time
//! descriptions here, over the dynamic API in the model), the compiler's messages and JSON
//! share it.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// A float as the official tool prints a `Float64`.
pub fn format_f64(value: f64) -> String {
    if let Some(special) = special(value) {
        return special.into();
    }
    let short = format_g(value, 15);
    if short.parse::<f64>().ok() == Some(value) {
        return short;
    }
    format_g(value, 17)
}

/// A float as the official tool prints a `Float32`. A value that reads back as a subnormal
/// gets the longer form too (the C library reports it as an underflow).
pub fn format_f32(value: f32) -> String {
    if let Some(special) = special(value as f64) {
        return special.into();
    }
    let short = format_g(value as f64, 6);
    match short.parse::<f32>() {
        Ok(parsed) if parsed == value && !parsed.is_subnormal() => short,
        _ => format_g(value as f64, 8),
    }
}

fn special(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("nan")
    } else if value == f64::INFINITY {
        Some("inf")
    } else if value == f64::NEG_INFINITY {
        Some("-inf")
    } else {
        None
    }
}

/// C's `%.{precision}g` for a finite value, without the `+` of positive exponents.
fn format_g(value: f64, precision: usize) -> String {
    let scientific = format!("{:.*e}", precision - 1, value);
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if exponent < -4 || exponent >= precision as i32 {
        let mantissa = strip_fraction_zeros(mantissa);
        let sign = if exponent < 0 { "-" } else { "" };
        format!("{mantissa}e{sign}{:02}", exponent.unsigned_abs())
    } else {
        let decimals = (precision as i32 - 1 - exponent) as usize;
        strip_fraction_zeros(&format!("{value:.decimals$}")).to_string()
    }
}

fn strip_fraction_zeros(number: &str) -> &str {
    if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    }
}

/// Bytes with C escapes, as the text format quotes Text (`binary` false) and Data (`binary`
/// true: bytes above 0x7f are escaped as well).
pub fn escape(bytes: &[u8], binary: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            0x07 => out.extend_from_slice(b"\\a"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x0b => out.extend_from_slice(b"\\v"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b if b < 0x20 || b == 0x7f || (binary && b > 0x7f) => {
                out.extend_from_slice(&[b'\\', b'0' + (b >> 6), b'0' + ((b >> 3) & 7), b'0' + (b & 7)])
            }
            b => out.push(b),
        }
    }
    out
}

/// `bytes` in double quotes, escaped as [`escape`] escapes them.
pub fn quoted(bytes: &[u8], binary: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'"');
    out.extend(escape(bytes, binary));
    out.push(b'"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_as_the_official_tool() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "-0"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.33333333333333331"),
            (1e100, "1e100"),
            (1e-7, "1e-07"),
            (1e15, "1e15"),
            (1e14, "100000000000000"),
            (123456789.0, "123456789"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e300, "1.5e300"),
            (f64::MAX, "1.7976931348623157e308"),
            (5e-324, "4.94065645841247e-324"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1234567890123455.0, "1234567890123455"),
            (-2.5, "-2.5"),
        ];
        for &(value, text) in cases {
            assert_eq!(format_f64(value), text, "{value:e}");
        }
    }

    #[test]
    fn floats_print_as_the_official_tool() {
        let cases: &[(f32, &str)] = &[
            (0.1, "0.1"),
            (3.4e38, "3.4e38"),
            (f32::MAX, "3.4028235e38"),
            (1.0 / 3.0, "0.33333334"),
            (16777216.0, "16777216"),
            (1e-40, "9.9999461e-41"),
            (f32::from_bits(1), "1.4012985e-45"),
            (-0.0, "-0"),
            (f32::NAN, "nan"),
        ];
        for &(value, text) in cases {
            assert_eq!(format_f32(value), text, "{value:e}");
        }
    }

    #[test]
    fn escapes_are_c_escapes() {
        assert_eq!(
            escape(b"a\"b\\c'\n\t\x07\x08\x0c\r\x0b\x00\x1f\x7f", false),
            b"a\\\"b\\\\c\\'\\n\\t\\a\\b\\f\\r\\v\\000\\037\\177".to_vec()
        );
        assert_eq!(escape("é".as_bytes(), false), "é".as_bytes().to_vec());
        assert_eq!(escape("é".as_bytes(), true), b"\\303\\251".to_vec());
    }
}
