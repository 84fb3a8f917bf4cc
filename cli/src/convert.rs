//! `capnzero decode` and `capnzero encode`: messages to the text format and back, as `capnp
//! decode` and `capnp encode` convert them.

use std::io::{BufRead, Write};

use capnzero_runtime::{pack, unpack, write_packed_message, MessageReader, ReaderOptions};
use capnzero_schema::compile::Eagerness;
use capnzero_schema::dynamic::Schema;
use capnzero_schema::load::{CompileFilesError, LoadError};
use capnzero_schema::text::parse::TextEncoder;
use capnzero_schema::text::print::decode_message;

use crate::args::{Parsed, UsageError};

/// The message framing `--flat` and `--packed` select.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Framing {
    flat: bool,
    packed: bool,
}

impl Framing {
    fn of(parsed: &Parsed) -> Framing {
        Framing { flat: parsed.flag("flat"), packed: parsed.flag("packed") }
    }
}

/// The reading limits of `decode`. `capnp decode` lifts every limit, being a debugging tool;
/// capnzero keeps the reading bounded (never a hang on a malicious message) with limits far
/// above what a valid message needs: a traversal of eight times the message's size (at least
/// 8 Mi words) and a nesting depth of 1024.
fn decode_options(message_words: usize) -> ReaderOptions {
    ReaderOptions {
        traversal_limit_words: (message_words as u64).saturating_mul(8).max(8 * 1024 * 1024),
        nesting_limit: 1024,
    }
}

/// Compiles `<schema-file>` and checks that `<type>` names a struct in it: the schema and the
/// file's ID.
fn schema_and_type(parsed: &Parsed, command: &str) -> Result<(Schema, u64), SchemaFailure> {
    let mut loader = crate::commands::loader(parsed, command).map_err(SchemaFailure::Usage)?;
    let file = &parsed.positionals[0];
    let compiled = match loader.compile_with(&[file], Eagerness::FileNode) {
        Ok(compiled) => compiled,
        Err(CompileFilesError::Load(LoadError::NoSuchFile(..))) => {
            return Err(SchemaFailure::Usage(UsageError::new(command, format!("{file}: no such file"))))
        }
        Err(CompileFilesError::Load(e)) => return Err(SchemaFailure::Usage(UsageError::new(command, e.to_string()))),
        Err(CompileFilesError::Compile(errors)) => return Err(SchemaFailure::Errors(errors.to_string())),
    };
    let file_id = compiled.requested[0].id;
    let schema = Schema::new(compiled);
    let name = &parsed.positionals[1];
    if let Err(why) = schema.find_type(file_id, name) {
        let why = match why {
            capnzero_schema::dynamic::Error::TypeName(message) => message,
            other => other.to_string(),
        };
        return Err(SchemaFailure::Usage(UsageError::new(command, format!("{name}: {why}"))));
    }
    Ok((schema, file_id))
}

/// Why the schema or the type could not be had.
enum SchemaFailure {
    /// A usage error (no such file, unknown type).
    Usage(UsageError),
    /// The schema has errors, already rendered.
    Errors(String),
}

fn fail(failure: SchemaFailure, stderr: &mut dyn Write) -> Result<u8, UsageError> {
    match failure {
        SchemaFailure::Usage(e) => Err(e),
        SchemaFailure::Errors(text) => {
            let _ = write!(stderr, "{text}");
            Ok(1)
        }
    }
}

/// Runs `decode`: every message of standard input, printed in the text format.
pub fn decode(
    parsed: &Parsed,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, UsageError> {
    let (schema, file_id) = match schema_and_type(parsed, "decode") {
        Ok(found) => found,
        Err(failure) => return fail(failure, stderr),
    };
    let Ok(root) = schema.find_type(file_id, &parsed.positionals[1]) else { return Ok(1) };
    let pretty = !parsed.flag("short");
    let framing = Framing::of(parsed);
    let mut input = Vec::new();
    if let Err(e) = stdin.read_to_end(&mut input) {
        let _ = writeln!(stderr, "error: cannot read standard input: {e}");
        return Ok(1);
    }
    if input.is_empty() {
        let _ = writeln!(stderr, "error: Premature EOF: the input holds no message");
        return Ok(1);
    }
    let bytes = if framing.packed {
        match unpack(&input) {
            Ok(bytes) => bytes,
            Err(e) => {
                let _ = writeln!(stderr, "error: {e}");
                return Ok(1);
            }
        }
    } else {
        input
    };
    let mut status = 0;
    let mut rest: &[u8] = &bytes;
    while !rest.is_empty() {
        let message = if framing.flat {
            let whole = rest.len() / 8 * 8;
            let message = MessageReader::from_flat(&rest[..whole], decode_options(whole / 8));
            rest = &[];
            message
        } else {
            MessageReader::from_bytes_prefix(rest, decode_options(rest.len() / 8)).map(|(message, after)| {
                rest = after;
                message
            })
        };
        let message = match message {
            Ok(message) => message,
            Err(e) => {
                // The framing itself is broken: nothing after this point can be found.
                let _ = writeln!(stderr, "error: {e}");
                return Ok(1);
            }
        };
        let printed = decode_message(&message, root.clone(), pretty);
        if stdout.write_all(&printed.text).and_then(|()| stdout.flush()).is_err() {
            return Ok(1);
        }
        if let Some(e) = printed.error {
            // As `capnp decode`: the message is printed with defaults where it could not be
            // read, then the error; the following messages are still decoded.
            let _ = writeln!(
                stderr,
                "error: the message above is malformed and was printed with defaults where it could not be read: {e}"
            );
            status = 1;
        }
    }
    Ok(status)
}

/// Runs `encode`: every value of standard input, written as a message.
pub fn encode(
    parsed: &Parsed,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, UsageError> {
    let framing = Framing::of(parsed);
    let mut segment_size = None;
    for (value, spelled) in parsed.values("segment-size") {
        if framing.flat {
            return Err(UsageError::new("encode", format!("{spelled}: cannot be used with --flat")));
        }
        match parse_integer(value) {
            Some(words) if words > 0 => segment_size = Some(words),
            _ => return Err(UsageError::new("encode", format!("{spelled}: not an integer"))),
        }
    }
    let (schema, file_id) = match schema_and_type(parsed, "encode") {
        Ok(found) => found,
        Err(failure) => return fail(failure, stderr),
    };
    let Ok(root) = schema.find_type(file_id, &parsed.positionals[1]) else { return Ok(1) };
    let mut text = String::new();
    if let Err(e) = stdin.read_to_string(&mut text) {
        let _ = writeln!(stderr, "error: cannot read standard input: {e}");
        return Ok(1);
    }
    let encoder = match TextEncoder::new(schema.compiled(), root.id()) {
        Ok(encoder) => encoder.with_brand(root.brand().clone()),
        Err(e) => {
            let _ = writeln!(stderr, "{e}");
            return Ok(1);
        }
    };
    let encoder = match segment_size {
        Some(words) => encoder.with_segment_size(words),
        None => encoder,
    };
    let mut status = 0;
    for encoded in encoder.messages(&text) {
        if let Some(message) = &encoded.message {
            let bytes = match (framing.flat, framing.packed) {
                (false, false) => Ok(message.to_bytes()),
                (false, true) => {
                    let mut packed = Vec::new();
                    write_packed_message(&mut packed, message).map(|()| packed)
                }
                (true, packed) => message.to_flat_bytes().map(|flat| if packed { pack(&flat) } else { flat }),
            };
            match bytes {
                Ok(bytes) => {
                    if stdout.write_all(&bytes).and_then(|()| stdout.flush()).is_err() {
                        return Ok(1);
                    }
                }
                Err(e) => {
                    let _ = writeln!(stderr, "error: {e}");
                    status = 1;
                }
            }
        }
        if let Some(error) = &encoded.error {
            let _ = writeln!(stderr, "{error}");
            status = 1;
        }
    }
    Ok(status)
}

/// An integer as C's `strtol(…, 0)` reads it: decimal, `0x` hexadecimal or `0` octal.
fn parse_integer(text: &str) -> Option<u32> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        u32::from_str_radix(hex, 16).ok()
    } else if text.len() > 1 && text.starts_with('0') {
        u32::from_str_radix(&text[1..], 8).ok()
    } else {
        text.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn segment_sizes_read_like_strtol() {
        assert_eq!(super::parse_integer("16"), Some(16));
        assert_eq!(super::parse_integer("0x10"), Some(16));
        assert_eq!(super::parse_integer("020"), Some(16));
        assert_eq!(super::parse_integer("abc"), None);
        assert_eq!(super::parse_integer(""), None);
    }
}
