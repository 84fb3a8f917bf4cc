//! JSON, as the official tool's `capnp convert binary:json` and `json:binary` write and read it
//! (capnp 0.9.2's `JsonCodec` with `handleByAnnotation` on the root type).
//!
//! [`encode_struct`] writes a struct as a JSON object; [`decode_into`] fills a struct builder
//! from JSON text. Both follow the annotations of `/capnp/compat/json.capnp`: `$Json.name`
//! (fields and enumerants), `$Json.flatten` (with its prefix), `$Json.discriminator` (its
//! `name` and `valueName`), `$Json.base64` and `$Json.hex`. A field of type `JsonValue`
//! (`json.capnp`'s `Value`) is the JSON it holds. `docs/json.md` describes every rule.
//!
//! ```
//! use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
//! use capnzero_schema::dynamic::{DynamicStruct, DynamicStructBuilder, FindType, Schema};
//! use capnzero_schema::json;
//!
//! let source = SourceFile {
//!     name: "point.capnp".into(),
//!     text: "@0xd1f0a1b2c3d4e5f6;\nstruct Point { x @0 :Int64; y @1 :Float64; name @2 :Text; }\n".into(),
//! };
//! let schema = Schema::new(compile(&[source], &mut MemoryLoader::default()).unwrap());
//! let point = schema.find_type(schema.compiled().requested[0].id, "Point").unwrap();
//!
//! let mut message = capnzero_runtime::MessageBuilder::default();
//! let root = DynamicStructBuilder::init_root(&mut message, point.clone());
//! json::decode_into(r#"{"x": "-3", "y": 0.5, "name": "origin"}"#, root).unwrap();
//!
//! let bytes = message.to_bytes();
//! let reader = capnzero_runtime::MessageReader::from_bytes(&bytes, Default::default()).unwrap();
//! let root = DynamicStruct::root(&reader, point).unwrap();
//! assert_eq!(json::encode_struct(&root, false).unwrap(), r#"{"x":"-3","y":0.5,"name":"origin"}"#);
//! assert_eq!(json::encode_struct(&root, true).unwrap(), r#"{"x": "-3", "y": 0.5, "name": "origin"}"#);
//!
//! let error = json::decode_into("{\"x\": 1,\n \"y\": tru}", DynamicStructBuilder::init_root(
//!     &mut capnzero_runtime::MessageBuilder::default(), schema.find_type(schema.compiled().requested[0].id, "Point").unwrap(),
//! )).unwrap_err();
//! assert_eq!(error.to_string(), "2:7: Unexpected input in JSON message.");
//! ```

mod annotations;
mod decode;
mod encode;
pub mod value;

use std::fmt;

use crate::dynamic::{DynamicStruct, DynamicStructBuilder};

pub use value::{JsonValue, MAX_NESTING_DEPTH};

/// An error encoding or decoding JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, in the official codec's words where it has them.
    pub message: String,
    /// Where in the JSON text, for errors of syntax: the byte offset, and the 1-based line
    /// and column (in bytes) of that offset.
    pub position: Option<Position>,
}

/// A place in JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Byte offset from the start of the text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in bytes.
    pub column: usize,
}

impl JsonError {
    pub(crate) fn new(message: impl Into<String>) -> JsonError {
        JsonError { message: message.into(), position: None }
    }

    pub(crate) fn at(message: &str, text: &[u8], offset: usize) -> JsonError {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        JsonError {
            message: message.into(),
            position: Some(Position { offset, line, column: offset - line_start + 1 }),
        }
    }
}

/// `LINE:COLUMN: MESSAGE` when the error has a position, else the message.
impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.position {
            Some(p) => write!(f, "{}:{}: {}", p.line, p.column, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for JsonError {}

impl From<crate::dynamic::Error> for JsonError {
    fn from(e: crate::dynamic::Error) -> JsonError {
        JsonError::new(e.to_string())
    }
}

/// `root` as JSON, as `capnp convert binary:json` writes it (pretty) or with `--short` (not
/// pretty), without the newline the tool adds. Text that is not UTF-8 is copied byte for
/// byte by the official tool; here such bytes become U+FFFD (use [`encode_struct_bytes`] for
/// the exact bytes). An AnyPointer or capability field that is set is an error, as there.
pub fn encode_struct(root: &DynamicStruct<'_>, pretty: bool) -> Result<String, JsonError> {
    let bytes = encode_struct_bytes(root, pretty)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// [`encode_struct`] as bytes, Text copied unchanged even when it is not UTF-8.
pub fn encode_struct_bytes(root: &DynamicStruct<'_>, pretty: bool) -> Result<Vec<u8>, JsonError> {
    let value = encode::Encoder::default().encode_struct(root)?;
    Ok(value::write(&value, pretty))
}

/// `root` as the tree of JSON values [`encode_struct`] writes.
pub fn encode_value(root: &DynamicStruct<'_>) -> Result<JsonValue, JsonError> {
    encode::Encoder::default().encode_struct(root)
}

/// Fills `root` from the JSON object `text`, as `capnp convert json:binary` does: members
/// the schema does not know are ignored; a member given twice is decoded twice (the last
/// wins); fields not given keep what `root` holds. Syntax errors carry their position.
pub fn decode_into(text: &str, root: DynamicStructBuilder<'_>) -> Result<(), JsonError> {
    decode_bytes_into(text.as_bytes(), root)
}

/// [`decode_into`] for text given as bytes (strings in it are copied into Text unchanged).
pub fn decode_bytes_into(text: &[u8], root: DynamicStructBuilder<'_>) -> Result<(), JsonError> {
    let value = value::parse(text, MAX_NESTING_DEPTH)?;
    decode::Decoder::default().decode_struct(&value, root)
}

impl From<capnzero_runtime::Error> for JsonError {
    fn from(e: capnzero_runtime::Error) -> JsonError {
        JsonError::new(e.to_string())
    }
}

/// Cuts an input holding several JSON messages into the texts of its messages, as `capnp
/// convert json:...` does: a message ends where a `{` follows, outside braces, a `}` that closed
/// the outermost ones; the last one runs to the end of the input. Braces are counted
/// everywhere, inside strings too, except after a `#`, or a `//`, up to the end of the line
/// (after a first `/` the tool takes any later `/` as the start of such a comment). The
/// comments stay in the messages' text, where the parser refuses them, as the tool does.
pub fn split_messages(input: &[u8]) -> Vec<std::ops::Range<usize>> {
    #[derive(PartialEq)]
    enum State {
        Normal,
        Slash,
        Comment,
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut state = State::Normal;
    let mut depth = 0u32;
    let mut closed = false;
    for (i, &c) in input.iter().enumerate() {
        match state {
            State::Comment => {
                if c == b'\n' {
                    state = State::Normal;
                }
            }
            State::Slash if c == b'/' => state = State::Comment,
            State::Normal | State::Slash => match c {
                b'#' => state = State::Comment,
                b'/' => state = State::Slash,
                b'{' => {
                    if depth == 0 && closed {
                        out.push(start..i);
                        start = i;
                        state = State::Normal;
                        closed = false;
                    }
                    depth += 1;
                }
                b'}' if depth > 0 => {
                    depth -= 1;
                    closed = depth == 0;
                }
                _ => {}
            },
        }
    }
    if start < input.len() {
        out.push(start..input.len());
    }
    out
}
