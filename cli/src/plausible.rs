//! The check `capnp convert` (and `decode`) makes of the start of its input before converting
//! it, unless `--quiet`: input that cannot be in the format asked for is refused, naming the
//! format it seems to be in; input that is unlikely to be in it, or of another type, gets a
//! warning. The same rules, prefix for prefix, as capnp 0.9.2.

use crate::convert::Format;

/// How well a prefix fits a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    Impossible,
    Implausible,
    WrongType,
    Plausible,
}

fn plausible_or_wrong_type(fit: Fit) -> bool {
    matches!(fit, Fit::Plausible | Fit::WrongType)
}

/// The size of the root type's sections: data words and pointers (both 0 without a type).
pub type RootSize = (u16, u16);

fn u32_at(prefix: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([prefix[at], prefix[at + 1], prefix[at + 2], prefix[at + 3]])
}

fn flat(prefix: &[u8], segment_count: u32, root: RootSize) -> Fit {
    if prefix.len() < 8 {
        return Fit::Plausible;
    }
    if prefix[0] & 3 == 2 {
        // A far pointer: the segment must exist, and not be the first.
        let segment = u32_at(prefix, 4);
        return if segment == 0 || segment >= segment_count { Fit::Impossible } else { Fit::Plausible };
    }
    if prefix[0] & 3 != 0 {
        return Fit::Impossible;
    }
    if prefix[3] & 0x80 != 0 && prefix[..8] != [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0] {
        // A negative offset; only the empty struct at -1 is valid.
        return Fit::Impossible;
    }
    if prefix[3] & 0xe0 != 0 {
        return Fit::Implausible;
    }
    let data = u32::from(prefix[4]) | u32::from(prefix[5]) << 8;
    let pointers = u32::from(prefix[6]) | u32::from(prefix[7]) << 8;
    if data + pointers > 2048 {
        return Fit::Implausible;
    }
    let (schema_data, schema_pointers) = (u32::from(root.0), u32::from(root.1));
    if (data < schema_data && pointers > schema_pointers) || (data > schema_data && pointers < schema_pointers) {
        return Fit::WrongType;
    }
    if data > schema_data && data - schema_data > 128 {
        return Fit::WrongType;
    }
    if pointers > schema_pointers && pointers - schema_pointers > 128 {
        return Fit::WrongType;
    }
    Fit::Plausible
}

fn binary(prefix: &[u8], root: RootSize) -> Fit {
    if prefix.len() < 8 {
        return Fit::Plausible;
    }
    let segment_count = u64::from(u32_at(prefix, 0)) + 1;
    if segment_count > 65536 {
        return Fit::Impossible;
    }
    if segment_count > 256 {
        return Fit::Implausible;
    }
    if u32_at(prefix, 4) > 1 << 27 {
        return Fit::Implausible;
    }
    let mut first = 4 + segment_count as usize * 4;
    if first % 8 != 0 {
        first += 4;
    }
    if prefix.len() < first + 8 {
        return Fit::Plausible;
    }
    flat(&prefix[first..], segment_count as u32, root)
}

/// Unpacks as much of the first KiB of `prefix` as it holds, then checks it with `check`.
fn packed(prefix: &[u8], check: impl Fn(&[u8]) -> Fit) -> Fit {
    let prefix = &prefix[..prefix.len().min(1024)];
    let mut unpacked = Vec::new();
    let mut pos = 0;
    while pos < prefix.len() {
        let tag = prefix[pos];
        pos += 1;
        for bit in 0..8 {
            if pos >= prefix.len() {
                break;
            }
            if tag & (1 << bit) != 0 {
                let b = prefix[pos];
                pos += 1;
                if b == 0 {
                    // A zero byte would have been packed away.
                    return Fit::Impossible;
                }
                unpacked.push(b);
            } else {
                unpacked.push(0);
            }
        }
        if pos == prefix.len() {
            break;
        }
        if tag == 0 {
            let count = prefix[pos] as usize * 8;
            pos += 1;
            unpacked.resize(unpacked.len() + count, 0);
        } else if tag == 0xff {
            let count = prefix[pos] as usize * 8;
            pos += 1;
            let n = count.min(prefix.len() - pos);
            unpacked.extend_from_slice(&prefix[pos..pos + n]);
            pos += n;
        }
    }
    check(&unpacked)
}

fn printable(c: u8) -> bool {
    !((c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0b)) || c == 0x7f)
}

/// Text (`open` `(`) or JSON (`{`, with `/` also starting a comment before it).
fn textual(prefix: &[u8], open: u8, json: bool) -> Fit {
    #[derive(PartialEq)]
    enum State {
        Preamble,
        Comment,
        Body,
    }
    let mut state = State::Preamble;
    for &c in prefix {
        match state {
            State::Preamble => match c {
                _ if c == open => {
                    state = State::Body;
                    continue;
                }
                b'#' => {
                    state = State::Comment;
                    continue;
                }
                b'/' if json => {
                    state = State::Comment;
                    continue;
                }
                b' ' | b'\n' | b'\r' | b'\t' | 0x0b => {}
                _ => return Fit::Impossible,
            },
            State::Comment => {
                if c == b'\n' {
                    state = State::Preamble;
                    continue;
                }
            }
            State::Body => {
                if c == b'"' || (c == b'\'' && !json) {
                    return Fit::Plausible;
                }
            }
        }
        // JSON's check lets NUL through, the text one does not.
        if !(printable(c) || (json && c == 0)) {
            return Fit::Impossible;
        }
    }
    Fit::Plausible
}

fn fit(format: Format, prefix: &[u8], root: RootSize) -> Fit {
    match format {
        Format::Binary => binary(prefix, root),
        Format::Packed => packed(prefix, |p| binary(p, root)),
        Format::Flat | Format::Canonical => flat(prefix, 1, root),
        Format::FlatPacked => packed(prefix, |p| flat(p, 1, root)),
        Format::Text => textual(prefix, b'(', false),
        Format::Json => textual(prefix, b'{', true),
    }
}

fn guess(prefix: &[u8], root: RootSize) -> Option<Format> {
    [Format::Binary, Format::Text, Format::Packed, Format::Json, Format::Flat, Format::FlatPacked]
        .into_iter()
        .find(|&candidate| plausible_or_wrong_type(fit(candidate, prefix, root)))
}

/// What the check concludes.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead.
    Fine,
    /// Go ahead after printing this warning (it ends with a newline).
    Warn(String),
    /// Refuse: the usage error's message.
    Refuse(String),
}

/// Checks the start of the input (capnp looks at its first buffer: up to 8 KiB).
pub fn check(format: Format, input: &[u8], root: RootSize) -> Verdict {
    let prefix = &input[..input.len().min(8192)];
    let name = format.name();
    match fit(format, prefix, root) {
        Fit::Plausible => Verdict::Fine,
        Fit::Impossible => Verdict::Refuse(match guess(prefix, root) {
            Some(other) => format!(
                "The input is not in \"{name}\" format. It looks like it is in \"{}\" format. Try that instead.",
                other.name()
            ),
            None => format!("The input is not in \"{name}\" format."),
        }),
        Fit::Implausible => Verdict::Warn(match guess(prefix, root) {
            Some(other) => format!(
                "*** WARNING ***\nThe input data does not appear to be in \"{name}\" format. It\nlooks like it may be in \"{other}\" format. I'll try to parse\nit in \"{name}\" format as you requested, but if it doesn't work,\ntry \"{name}\" instead. Use --quiet to suppress this warning.\n*** END WARNING ***\n",
                other = other.name()
            ),
            None => format!(
                "*** WARNING ***\nThe input data does not appear to be in \"{name}\" format, nor\nin any other known format. I'll try to parse it in \"{name}\"\nformat anyway, as you requested. Use --quiet to suppress this warning.\n*** END WARNING ***\n"
            ),
        }),
        Fit::WrongType => Verdict::Warn(
            if format == Format::Flat && plausible_or_wrong_type(binary(prefix, root)) {
                "*** WARNING ***\nThe input data does not appear to match the schema that you specified. I'll try\nto parse it anyway, but if it doesn't look right, please verify that you\nhave the right schema. This could also be because the input is not in \"flat\"\nformat; indeed, it looks like this input may be in regular binary format,\nso you might want to try \"binary\" instead.  Use --quiet to suppress this\nwarning.\n*** END WARNING ***\n"
            } else if format == Format::FlatPacked && plausible_or_wrong_type(packed(prefix, |p| binary(p, root))) {
                "*** WARNING ***\nThe input data does not appear to match the schema that you specified. I'll try\nto parse it anyway, but if it doesn't look right, please verify that you\nhave the right schema. This could also be because the input is not in \"flat-packed\"\nformat; indeed, it looks like this input may be in regular packed format,\nso you might want to try \"packed\" instead.  Use --quiet to suppress this\nwarning.\n*** END WARNING ***\n"
            } else {
                "*** WARNING ***\nThe input data does not appear to be the type that you specified.  I'll try\nto parse it anyway, but if it doesn't look right, please verify that you\nhave the right type.  Use --quiet to suppress this warning.\n*** END WARNING ***\n"
            }
            .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_fit_formats_as_capnp_judges_them() {
        let binary_message = [0u8, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(check(Format::Binary, &binary_message, (1, 0)), Verdict::Fine);
        assert_eq!(check(Format::Text, b"  # c\n(a = 1)", (1, 0)), Verdict::Fine);
        assert_eq!(
            check(Format::Binary, b"(x = 1, y = 2)", (1, 0)),
            Verdict::Refuse(
                "The input is not in \"binary\" format. It looks like it is in \"text\" format. Try that instead."
                    .into()
            )
        );
        assert_eq!(
            check(Format::Text, &binary_message, (1, 0)),
            Verdict::Refuse(
                "The input is not in \"text\" format. It looks like it is in \"binary\" format. Try that instead."
                    .into()
            )
        );
        // A root of 16 data words and no pointers where the type has 2 pointers: the wrong type,
        // and the word also reads as a segment table.
        let other = [0u8, 0, 0, 0, 0x10, 0, 0, 0];
        assert!(matches!(check(Format::Flat, &other, (0, 2)), Verdict::Warn(w) if w.contains("regular binary format")));
        assert!(matches!(check(Format::Canonical, &other, (0, 2)), Verdict::Warn(w) if w.contains("the type that")));
        // A zero byte after a packed tag cannot be.
        assert_eq!(fit(Format::Packed, &[0x01, 0x00], (0, 0)), Fit::Impossible);
        // As in capnp, the empty struct at offset -1 fails the check (its exception for it looks
        // for a word that is not a struct pointer), and is not in flat format either.
        assert_eq!(fit(Format::Flat, &[0xfc, 0xff, 0xff, 0xff, 0, 0, 0, 0], (0, 0)), Fit::Impossible);
        assert_eq!(
            check(Format::Flat, &[0xfc, 0xff, 0xff, 0xff, 0, 0, 0, 0], (0, 0)),
            Verdict::Refuse("The input is not in \"flat\" format.".into())
        );
    }
}
