//! `capnzero convert`, and `decode` and `encode`, its older spellings: messages from one
//! format to another, as `capnp convert` (0.9.2) converts them. Every path goes through
//! [`Conversion`]: the input is read in its format into messages, and each message's root is
//! written in the output format.

use std::io::{BufRead, Write};

use capnzero_runtime::{
    canonicalize, compact, is_canonical, pack, unpack, write_packed_message, BuilderOptions, MessageBuilder,
    MessageReader, ReaderOptions,
};
use capnzero_schema::compile::Eagerness;
use capnzero_schema::dynamic::{DynamicStruct, DynamicStructBuilder, FindType, Schema, StructSchema};
use capnzero_schema::load::{CompileFilesError, LoadError};
use capnzero_schema::text::parse::TextEncoder;
use capnzero_schema::text::print::decode_message;

use crate::args::{Parsed, UsageError};
use crate::commands::Io;

/// A message format, as `capnp convert` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The standard framing: a segment table, then the segments.
    Binary,
    /// The standard framing, packed.
    Packed,
    /// One segment without a table.
    Flat,
    /// One segment without a table, packed.
    FlatPacked,
    /// The canonical form: one segment without a table.
    Canonical,
    /// The text format (struct literals of the schema language).
    Text,
    /// JSON.
    Json,
}

impl Format {
    /// The format called `name`.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "binary" => Format::Binary,
            "packed" => Format::Packed,
            "flat" => Format::Flat,
            "flat-packed" => Format::FlatPacked,
            "canonical" => Format::Canonical,
            "text" => Format::Text,
            "json" => Format::Json,
            _ => return None,
        })
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Binary => "binary",
            Format::Packed => "packed",
            Format::Flat => "flat",
            Format::FlatPacked => "flat-packed",
            Format::Canonical => "canonical",
            Format::Text => "text",
            Format::Json => "json",
        }
    }

    /// Whether reading or writing it needs the root type.
    fn needs_schema(self) -> bool {
        matches!(self, Format::Text | Format::Json)
    }

    /// The binary format `--flat`, `--packed` (and `--binary`) select, `default` without them,
    /// as `decode`, `encode` and `eval` read those flags.
    pub fn from_flags(parsed: &Parsed, default: Format) -> Format {
        match (parsed.flag("flat"), parsed.flag("packed")) {
            (true, true) => Format::FlatPacked,
            (true, false) => Format::Flat,
            (false, true) => Format::Packed,
            (false, false) if parsed.flag("binary") => Format::Binary,
            (false, false) => default,
        }
    }
}

/// The reading limits of the converter. `capnp convert` lifts every limit, being a debugging
/// tool; capnzero keeps the reading bounded (never a hang on a malicious message) with limits
/// far above what a valid message needs: a traversal of eight times the message's size (at
/// least 8 Mi words) and a nesting depth of 1024.
fn reader_options(message_words: usize) -> ReaderOptions {
    ReaderOptions {
        traversal_limit_words: (message_words as u64).saturating_mul(8).max(8 * 1024 * 1024),
        nesting_limit: 1024,
    }
}

/// A conversion: the formats, the root type (needed by text and JSON) and the output options.
pub struct Conversion<'s> {
    /// The input's format.
    pub from: Format,
    /// The output's format.
    pub to: Format,
    /// The root type of the messages.
    pub root: Option<StructSchema<'s>>,
    /// Text and JSON output: pretty (the default) or on one line (`--short`).
    pub pretty: bool,
    /// Binary and packed output: how the messages are laid out in segments (`--segment-size`).
    pub options: BuilderOptions,
}

/// One message written in the output format, and an error to report after it.
struct Written {
    bytes: Vec<u8>,
    error: Option<String>,
}

impl Conversion<'_> {
    /// Converts every message of `input`, writing each as soon as it is converted; the exit
    /// status.
    pub fn run(&self, input: &[u8], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
        if input.is_empty() {
            // capnp fails to read the first buffer of the input, whatever its format.
            let _ = writeln!(stderr, "error: Premature EOF: the input holds no message");
            return 1;
        }
        match self.from {
            Format::Text => self.run_text(input, stdout, stderr),
            Format::Json => self.run_json(input, stdout, stderr),
            _ => self.run_binary(input, stdout, stderr),
        }
    }

    fn run_binary(&self, input: &[u8], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
        let unpacked;
        let bytes = if matches!(self.from, Format::Packed | Format::FlatPacked) {
            match unpack(input) {
                Ok(bytes) => {
                    unpacked = bytes;
                    &unpacked[..]
                }
                Err(e) => {
                    let _ = writeln!(stderr, "error: {e}");
                    return 1;
                }
            }
        } else {
            input
        };
        let mut status = 0;
        let mut rest = bytes;
        while !rest.is_empty() {
            let message = if matches!(self.from, Format::Binary | Format::Packed) {
                MessageReader::from_bytes_prefix(rest, reader_options(rest.len() / 8)).map(|(message, after)| {
                    rest = after;
                    message
                })
            } else {
                // One message of all the input; straggling bytes after the last word are dropped.
                let whole = rest.len() / 8 * 8;
                let message = MessageReader::from_flat(&rest[..whole], reader_options(whole / 8));
                rest = &[];
                message
            };
            let message = match message {
                Ok(message) => message,
                Err(e) => {
                    // The framing itself is broken: nothing after this point can be found.
                    let _ = writeln!(stderr, "error: {e}");
                    return 1;
                }
            };
            if self.from == Format::Canonical && !is_canonical(&message).unwrap_or(false) {
                let _ = writeln!(stderr, "error: the input is not in canonical form");
                return 1;
            }
            match self.write_message(&message) {
                Ok(written) => {
                    if emit(&written, stdout, stderr) {
                        status = 1;
                    }
                }
                Err(e) => {
                    let _ = writeln!(stderr, "error: {e}");
                    status = 1;
                }
            }
        }
        status
    }

    fn run_text(&self, input: &[u8], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
        let Some(root) = &self.root else { return 1 };
        let text = match std::str::from_utf8(input) {
            Ok(text) => text,
            Err(_) => {
                let _ = writeln!(stderr, "error: the text input is not UTF-8");
                return 1;
            }
        };
        let encoder = match TextEncoder::new(root.schema().compiled(), root.id()) {
            Ok(encoder) => encoder.with_brand(root.brand().clone()),
            Err(e) => {
                let _ = writeln!(stderr, "{e}");
                return 1;
            }
        };
        // Binary output straight from the encoder, which lays the message out with the
        // options; the other formats from the message it built.
        let encoder = encoder.with_options(self.options);
        let mut status = 0;
        for encoded in encoder.messages(text) {
            if let Some(message) = &encoded.message {
                let written = match self.to {
                    Format::Binary => Ok(Written { bytes: message.to_bytes(), error: None }),
                    Format::Packed => packed_bytes(message),
                    _ => self.write_message(&message.as_reader()),
                };
                match written {
                    Ok(written) => {
                        if emit(&written, stdout, stderr) {
                            status = 1;
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
        status
    }

    fn run_json(&self, input: &[u8], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
        let Some(root) = &self.root else { return 1 };
        for piece in split_json(input) {
            let mut message = MessageBuilder::new(BuilderOptions::DEFAULT);
            if let Err(e) = json_decode(piece, DynamicStructBuilder::init_root(&mut message, root.clone())) {
                let _ = writeln!(stderr, "error: {e}");
                return 1;
            }
            let written = match self.write_message(&message.as_reader()) {
                Ok(written) => written,
                Err(e) => {
                    let _ = writeln!(stderr, "error: {e}");
                    return 1;
                }
            };
            if emit(&written, stdout, stderr) {
                return 1;
            }
        }
        0
    }

    /// Writes the root of `message` in the output format (and any error); the exit status.
    pub fn write_root(&self, message: &MessageReader<'_>, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
        match self.write_message(message) {
            Ok(written) => u8::from(emit(&written, stdout, stderr)),
            Err(e) => {
                let _ = writeln!(stderr, "error: {e}");
                1
            }
        }
    }

    /// The root of `message` in the output format.
    fn write_message(&self, message: &MessageReader<'_>) -> Result<Written, String> {
        let root = message.root();
        let plain = |bytes| Ok(Written { bytes, error: None });
        match self.to {
            Format::Binary | Format::Packed => {
                let mut copy = MessageBuilder::new(self.options);
                copy.root().set_copy_of(root).map_err(|e| e.to_string())?;
                if self.to == Format::Binary {
                    plain(copy.to_bytes())
                } else {
                    packed_bytes(&copy)
                }
            }
            Format::Flat | Format::FlatPacked => {
                let flat = compact(root).and_then(|copy| copy.to_flat_bytes()).map_err(|e| e.to_string())?;
                plain(if self.to == Format::Flat { flat } else { pack(&flat) })
            }
            Format::Canonical => plain(canonicalize(root).map_err(|e| e.to_string())?),
            Format::Text => {
                let Some(schema) = &self.root else { return Err("format requires schema: text".into()) };
                let printed = decode_message(message, schema.clone(), self.pretty);
                Ok(Written {
                    bytes: printed.text,
                    error: printed.error.map(|e| {
                        // As `capnp`: the message is printed with defaults where it could not
                        // be read, then the error; the following messages are still converted.
                        format!(
                            "error: the message above is malformed and was printed with defaults where it could not be read: {e}"
                        )
                    }),
                })
            }
            Format::Json => {
                let Some(schema) = &self.root else { return Err("format requires schema: json".into()) };
                let reader = root.get_struct().map_err(|e| e.to_string())?.unwrap_or_default();
                let mut bytes = json_encode(&DynamicStruct::new(reader, schema.clone()), self.pretty)?;
                bytes.push(b'\n');
                plain(bytes)
            }
        }
    }
}

fn packed_bytes(message: &MessageBuilder) -> Result<Written, String> {
    let mut packed = Vec::new();
    write_packed_message(&mut packed, message).map_err(|e| e.to_string())?;
    Ok(Written { bytes: packed, error: None })
}

/// Writes a converted message and its error; whether there was an error (or the output failed).
fn emit(written: &Written, stdout: &mut dyn Write, stderr: &mut dyn Write) -> bool {
    if stdout.write_all(&written.bytes).and_then(|()| stdout.flush()).is_err() {
        return true;
    }
    match &written.error {
        Some(error) => {
            let _ = writeln!(stderr, "{error}");
            true
        }
        None => false,
    }
}

/// Cuts JSON input into its messages as `capnp convert` does: a message ends where a `{`
/// follows, outside braces, a `}` that closed the outermost ones. Comments (`#` or `//` to the
/// end of the line) are skipped; string literals are not looked at (the tool does not either).
/// Text before the first message and after the last belongs to them.
pub fn split_json(input: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let (mut start, mut depth, mut closed) = (0, 0u32, false);
    let (mut slash, mut comment) = (false, false);
    for (i, &c) in input.iter().enumerate() {
        if comment {
            comment = c != b'\n';
            continue;
        }
        let after_slash = std::mem::take(&mut slash);
        match c {
            b'/' if after_slash => comment = true,
            b'#' => comment = true,
            b'/' => slash = true,
            b'{' => {
                if depth == 0 && closed {
                    out.push(&input[start..i]);
                    start = i;
                    closed = false;
                }
                depth += 1;
            }
            b'}' if depth > 0 => {
                depth -= 1;
                closed = depth == 0;
            }
            _ => {}
        }
    }
    if start < input.len() {
        out.push(&input[start..]);
    }
    out
}

/// A struct as JSON, handled by its annotations as `capnp convert` does, without a trailing
/// newline (Text copied byte for byte).
fn json_encode(root: &DynamicStruct<'_>, pretty: bool) -> Result<Vec<u8>, String> {
    capnzero_schema::json::encode_struct_bytes(root, pretty).map_err(|e| e.to_string())
}

/// Fills `root` from one JSON message.
fn json_decode(text: &[u8], root: DynamicStructBuilder<'_>) -> Result<(), String> {
    capnzero_schema::json::decode_bytes_into(text, root).map_err(|e| e.to_string())
}

/// Compiles `<schema-file>` (the positional at `at`): the schema and the file's ID.
pub fn compile_schema(parsed: &Parsed, command: &str, at: usize) -> Result<(Schema, u64), SchemaFailure> {
    let mut loader = crate::commands::loader(parsed, command).map_err(SchemaFailure::Usage)?;
    let file = &parsed.positionals[at];
    let compiled = match loader.compile_with(&[file], Eagerness::FileNode) {
        Ok(compiled) => compiled,
        Err(CompileFilesError::Load(LoadError::NoSuchFile(..))) => {
            return Err(SchemaFailure::Usage(UsageError::new(command, format!("{file}: no such file"))))
        }
        Err(CompileFilesError::Load(e)) => return Err(SchemaFailure::Usage(UsageError::new(command, e.to_string()))),
        Err(CompileFilesError::Compile(errors)) => return Err(SchemaFailure::Errors(errors.to_string())),
    };
    let file_id = compiled.requested[0].id;
    Ok((Schema::new(compiled), file_id))
}

/// The struct `name` names in the file `file_id` of `schema`, or the usage error `capnp` gives.
fn root_type<'s>(schema: &'s Schema, file_id: u64, name: &str, command: &str) -> Result<StructSchema<'s>, UsageError> {
    schema.find_type(file_id, name).map_err(|why| {
        let why = match why {
            capnzero_schema::dynamic::Error::TypeName(message) => message,
            other => other.to_string(),
        };
        UsageError::new(command, format!("{name}: {why}"))
    })
}

/// Why the schema could not be had.
pub enum SchemaFailure {
    /// A usage error (no such file).
    Usage(UsageError),
    /// The schema has errors, already rendered.
    Errors(String),
}

/// Reports a failure to get the schema: a usage error, or the schema's errors and status 1.
pub fn fail(failure: SchemaFailure, stderr: &mut dyn Write) -> Result<u8, UsageError> {
    match failure {
        SchemaFailure::Usage(e) => Err(e),
        SchemaFailure::Errors(text) => {
            let _ = write!(stderr, "{text}");
            Ok(1)
        }
    }
}

/// The builder options `--segment-size` asks for (the tool's defaults without it); it cannot
/// follow `--flat`.
fn segment_options(parsed: &Parsed, command: &str) -> Result<BuilderOptions, UsageError> {
    let mut options = BuilderOptions::DEFAULT;
    let mut flat_seen = false;
    for ((name, value), spelled) in parsed.options.iter().zip(&parsed.spelled) {
        match (*name, value) {
            ("flat", _) => flat_seen = true,
            ("segment-size", Some(value)) => {
                if flat_seen {
                    return Err(UsageError::new(command, format!("{spelled}: cannot be used with --flat")));
                }
                match parse_integer(value) {
                    Some(words) if words > 0 => {
                        options = BuilderOptions {
                            first_segment_words: words,
                            allocation: capnzero_runtime::AllocationStrategy::FixedSize,
                        }
                    }
                    _ => return Err(UsageError::new(command, format!("{spelled}: not an integer"))),
                }
            }
            _ => {}
        }
    }
    Ok(options)
}

fn read_input(stdin: &mut dyn BufRead, stderr: &mut dyn Write) -> Option<Vec<u8>> {
    let mut input = Vec::new();
    match stdin.read_to_end(&mut input) {
        Ok(_) => Some(input),
        Err(e) => {
            let _ = writeln!(stderr, "error: cannot read standard input: {e}");
            None
        }
    }
}

/// Runs `decode`: messages in the binary format (`--flat`, `--packed`) printed as text.
pub fn decode(parsed: &Parsed, io: &mut Io<'_>) -> Result<u8, UsageError> {
    run("decode", Format::from_flags(parsed, Format::Binary), Format::Text, 0, parsed, io)
}

/// Runs `encode`: text encoded as messages in the binary format (`--flat`, `--packed`).
pub fn encode(parsed: &Parsed, io: &mut Io<'_>) -> Result<u8, UsageError> {
    run("encode", Format::Text, Format::from_flags(parsed, Format::Binary), 0, parsed, io)
}

/// Runs `convert`: `<from>:<to>` the first positional, the schema and type after it.
pub fn convert(parsed: &Parsed, io: &mut Io<'_>) -> Result<u8, UsageError> {
    let (from, to) = parse_conversion(&parsed.positionals[0])?;
    run("convert", from, to, 1, parsed, io)
}

/// The messages of standard input, converted from `from` to `to`, to standard output; the
/// schema file is the positional at `schema_at`, the root type the one after it.
fn run(
    command: &str,
    from: Format,
    to: Format,
    schema_at: usize,
    parsed: &Parsed,
    io: &mut Io<'_>,
) -> Result<u8, UsageError> {
    let (stdin, stdout, stderr) = (&mut *io.stdin, &mut *io.stdout, &mut *io.stderr);
    let options = segment_options(parsed, command)?;
    let compiled = match parsed.positionals.get(schema_at) {
        Some(_) => match compile_schema(parsed, command, schema_at) {
            Ok(found) => Some(found),
            Err(failure) => return fail(failure, stderr),
        },
        None => None,
    };
    let root = match (&compiled, parsed.positionals.get(schema_at + 1)) {
        (Some((schema, file_id)), Some(name)) => Some(root_type(schema, *file_id, name, command)?),
        _ => None,
    };
    for format in [from, to] {
        if format.needs_schema() && root.is_none() {
            return Err(UsageError::new(command, format!("format requires schema: {}", format.name())));
        }
    }
    let Some(input) = read_input(stdin, stderr) else { return Ok(1) };
    if !parsed.flag("quiet") && !input.is_empty() {
        let size = root.as_ref().map_or((0, 0), |r| (r.layout().data_word_count, r.layout().pointer_count));
        match crate::plausible::check(from, &input, size) {
            crate::plausible::Verdict::Fine => {}
            crate::plausible::Verdict::Warn(warning) => {
                let _ = write!(stderr, "{warning}");
            }
            crate::plausible::Verdict::Refuse(why) => return Err(UsageError::new(command, why)),
        }
    }
    let conversion = Conversion { from, to, root, pretty: !parsed.flag("short"), options };
    Ok(conversion.run(&input, stdout, stderr))
}

/// `<from>:<to>`, as `capnp convert` reads it.
fn parse_conversion(text: &str) -> Result<(Format, Format), UsageError> {
    let error = |why: String| UsageError::new("convert", format!("{text}: {why}"));
    let Some((from, to)) = text.split_once(':') else {
        return Err(error("invalid conversion, format is: <from>:<to>".into()));
    };
    let from = Format::parse(from).ok_or_else(|| error(format!("unknown format: {from}")))?;
    let to = Format::parse(to).ok_or_else(|| error(format!("unknown format: {to}")))?;
    Ok((from, to))
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
    use super::*;

    #[test]
    fn segment_sizes_read_like_strtol() {
        assert_eq!(parse_integer("16"), Some(16));
        assert_eq!(parse_integer("0x10"), Some(16));
        assert_eq!(parse_integer("020"), Some(16));
        assert_eq!(parse_integer("abc"), None);
        assert_eq!(parse_integer(""), None);
    }

    #[test]
    fn formats_by_name_and_conversions() {
        for name in ["binary", "packed", "flat", "flat-packed", "canonical", "text", "json"] {
            assert_eq!(Format::parse(name).map(Format::name), Some(name));
        }
        assert_eq!(Format::parse("packedflat"), None);
        assert_eq!(parse_conversion("text:flat-packed").unwrap(), (Format::Text, Format::FlatPacked));
        assert_eq!(parse_conversion("bogus").unwrap_err().message, "bogus: invalid conversion, format is: <from>:<to>");
        assert_eq!(parse_conversion("foo:binary").unwrap_err().message, "foo:binary: unknown format: foo");
        assert_eq!(parse_conversion("binary:").unwrap_err().message, "binary:: unknown format: ");
    }

    #[test]
    fn json_messages_split_at_top_level_braces() {
        let split = |text: &'static str| -> Vec<&str> {
            split_json(text.as_bytes()).into_iter().map(|m| std::str::from_utf8(m).unwrap()).collect()
        };
        assert_eq!(split(r#"{"a": {"b": 1}} {"c": 2}"#), [r#"{"a": {"b": 1}} "#, r#"{"c": 2}"#]);
        assert_eq!(split("# {x\n{} // }{\n{}\n"), ["# {x\n{} // }{\n", "{}\n"]);
        assert_eq!(split("{}/{}"), ["{}/", "{}"]);
        assert!(split("").is_empty());
    }
}
