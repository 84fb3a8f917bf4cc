//! Parsing the text format into messages, as `capnp encode SCHEMA TYPE` does.
//!
//! The input holds any number of messages, each a parenthesized struct literal of the root
//! type, as in a schema's constants: `(foo = 123, bar = "hello", baz = [true, false])`. It is
//! cut into messages as the tool cuts it ([`split_messages`]), each piece is parsed as one value
//! expression ([`crate::parser::parse_value`]) and translated into a message by the translator
//! the compiler uses for its values, so every rule about values (ranges, unions, groups,
//! generics) is the compiler's. Names of constants and `embed` are refused, as the tool refuses
//! them.
//!
//! Each message is then copied into a fresh builder with the options the tool uses
//! ([`BuilderOptions::DEFAULT`], or fixed-size segments with `--segment-size`), so the bytes
//! are the tool's: `to_bytes()` is `capnp encode`, `pack_pieces` of the segment table and the
//! segments is `--packed`, `to_flat_bytes()` is `--flat`.
//!
//! ```
//! use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
//! use capnzero_schema::text::parse::TextEncoder;
//!
//! let schema = "@0xd1f0a1b2c3d4e5f6;\nstruct Point { x @0 :Int64; y @1 :Int64; name @2 :Text; }\n";
//! let source = SourceFile { name: "point.capnp".into(), text: schema.into() };
//! let compiled = compile(&[source], &mut MemoryLoader::default()).unwrap();
//! let point = compiled.nodes.iter().find(|n| n.display_name == "point.capnp:Point").unwrap().id;
//!
//! let encoder = TextEncoder::new(&compiled, point).unwrap();
//! let messages = encoder.encode("(x = 1, y = -2, name = \"origin\")\n(x = 3)\n").unwrap();
//! assert_eq!(messages.len(), 2);
//! let bytes = messages[0].to_bytes();
//! // Segment table, root pointer, two data words, one pointer, and "origin\0" in one word.
//! assert_eq!(bytes.len(), 48);
//!
//! let Err(error) = encoder.encode("(x = \"one\")") else { panic!("no error") };
//! assert_eq!(error.to_string(), "(capnp text input):1: 5-10: Type mismatch; expected Int64.");
//! ```

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use capnzero_runtime::{AllocationStrategy, BuilderOptions, MessageBuilder, MessageReader};

use crate::ast::{Expr, ExprKind, Located};
use crate::compile::CompiledSchema;
use crate::diagnostic::{Diagnostics, Span};
use crate::model::{Brand, Node, NodeKind, StructNode, Type, Value};
use crate::translate::{Context, Translator, UNLIMITED};

/// Where an error is, as the tool reports it and in the whole input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The byte range in the whole input given to the encoder.
    pub span: Range<usize>,
    /// The line the tool prints: 1-based, counted from the start of the message's own text
    /// (each message is parsed on its own).
    pub line: usize,
    /// The start and end columns the tool prints: byte offsets from the last line break
    /// before the error, so 1-based on later lines but 0-based on the message's first line.
    pub columns: (usize, usize),
}

impl Location {
    /// The location of `span` in `text`, a message that starts at byte `offset` of the input.
    fn new(text: &str, offset: usize, span: Span) -> Location {
        let start = (span.start as usize).min(text.len());
        let end = (span.end as usize).clamp(start, text.len());
        let before = &text.as_bytes()[..start];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before.iter().rposition(|&b| b == b'\n').unwrap_or(0);
        Location { span: offset + start..offset + end, line, columns: (start - line_start, end - line_start) }
    }
}

/// An error in the text, in the tool's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    /// What is wrong: "Type mismatch; expected Int32.", "Struct has no field named 'x'.", ….
    pub message: String,
    /// Where, when the tool says where.
    pub location: Option<Location>,
    /// Whether the tool gives up at this error ("Failed to read input.", "Extra tokens in
    /// input.", "Premature end of input.", "External constants not allowed.", "External embeds
    /// not allowed.", and capnzero's own limit on nesting): it writes no message for this text
    /// and reads no further. After any other error it writes the message as far as it got, goes on with the next one, and
    /// exits with status 1 at the end.
    pub fatal: bool,
}

impl TextError {
    fn unlocated(message: &str, fatal: bool) -> TextError {
        TextError { message: message.into(), location: None, fatal }
    }
}

/// As the tool prints it: `(capnp text input):LINE: START-END: MESSAGE` for located errors.
impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(l) => write!(f, "(capnp text input):{}: {}-{}: {}", l.line, l.columns.0, l.columns.1, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for TextError {}

/// What the tool makes of one message of the input.
pub struct EncodedMessage {
    /// The message's text in the input.
    pub range: Range<usize>,
    /// The message as the tool writes it (as far as it got when there is a non-fatal error);
    /// `None` after a fatal error.
    pub message: Option<MessageBuilder>,
    /// The first error the tool reports for this message, or the fatal one.
    pub error: Option<TextError>,
}

/// Cuts the input into the texts of its messages, as `capnp encode` does: a message ends
/// where a `(` follows, outside parentheses, a `)` that closed the outermost ones. `#` starts
/// a comment up to the end of the line (even inside a string literal: the tool does not look
/// at quotes here). Text before the first message and after the last belongs to them.
pub fn split_messages(input: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0u32;
    let mut closed = false;
    let mut comment = false;
    for (i, &c) in input.as_bytes().iter().enumerate() {
        if comment {
            comment = c != b'\n';
            continue;
        }
        match c {
            b'#' => comment = true,
            b'(' => {
                if depth == 0 && closed {
                    out.push(start..i);
                    start = i;
                    closed = false;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                closed = depth == 0;
            }
            _ => {}
        }
    }
    if start < input.len() {
        out.push(start..input.len());
    }
    out
}

/// Builds messages of one root struct type from the text format.
pub struct TextEncoder<'a> {
    root: Arc<StructNode>,
    nodes: HashMap<u64, &'a Node>,
    structs: HashMap<u64, Arc<StructNode>>,
    options: BuilderOptions,
    brand: Brand,
}

impl<'a> TextEncoder<'a> {
    /// An encoder of messages whose root is the struct `root_type` of `compiled`, written with
    /// the tool's default builder options (a 1024-word first segment, growing heuristically).
    pub fn new(compiled: &'a CompiledSchema, root_type: u64) -> Result<TextEncoder<'a>, TextError> {
        let nodes: HashMap<u64, &Node> = compiled.nodes.iter().map(|n| (n.id, n)).collect();
        let structs: HashMap<u64, Arc<StructNode>> = compiled
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Struct(s) => Some((n.id, Arc::new(s.clone()))),
                _ => None,
            })
            .collect();
        let root = match (nodes.get(&root_type), structs.get(&root_type)) {
            (Some(_), Some(s)) if !s.is_group => Arc::clone(s),
            (Some(node), _) => {
                let name = node.display_name.get(node.display_name_prefix_length as usize..).unwrap_or_default();
                return Err(TextError::unlocated(&format!("'{name}' is not a struct type."), true));
            }
            (None, _) => {
                return Err(TextError::unlocated(&format!("No node with ID @0x{root_type:016x}."), true));
            }
        };
        Ok(TextEncoder { root, nodes, structs, options: BuilderOptions::DEFAULT, brand: Brand::default() })
    }

    /// Reads the root as the generic struct instance `brand` binds (`Map(Text, Int32)`): its
    /// fields typed by generic parameters take the bound types.
    pub fn with_brand(mut self, brand: Brand) -> TextEncoder<'a> {
        self.brand = brand;
        self
    }

    /// Writes messages with `options` instead.
    pub fn with_options(mut self, options: BuilderOptions) -> TextEncoder<'a> {
        self.options = options;
        self
    }

    /// Writes messages in segments of `words` words, as `capnp encode --segment-size=words`.
    pub fn with_segment_size(self, words: u32) -> TextEncoder<'a> {
        self.with_options(BuilderOptions { first_segment_words: words, allocation: AllocationStrategy::FixedSize })
    }

    /// The messages of `input` (none for an empty input), or the first error in it.
    pub fn encode(&self, input: &str) -> Result<Vec<MessageBuilder>, TextError> {
        let mut out = Vec::new();
        for range in split_messages(input) {
            match self.encode_message(input, range) {
                EncodedMessage { error: Some(error), .. } => return Err(error),
                EncodedMessage { message: Some(message), .. } => out.push(message),
                EncodedMessage { .. } => {}
            }
        }
        Ok(out)
    }

    /// What the tool makes of each message of `input`, up to and including the first fatal
    /// error: the messages it writes and the errors it reports.
    pub fn messages(&self, input: &str) -> Vec<EncodedMessage> {
        let mut out = Vec::new();
        for range in split_messages(input) {
            let encoded = self.encode_message(input, range);
            let fatal = encoded.error.as_ref().is_some_and(|e| e.fatal);
            out.push(encoded);
            if fatal {
                break;
            }
        }
        out
    }

    /// Parses the message whose text is `input[range]`.
    pub fn encode_message(&self, input: &str, range: Range<usize>) -> EncodedMessage {
        let text = input.get(range.clone()).unwrap_or_default();
        let mut context = TextContext { encoder: self, text, offset: range.start, first: None, fatal: None };
        let mut scratch = MessageBuilder::default();
        let mut root = scratch.init_root(self.root.data_word_count, self.root.pointer_count);
        let mut syntax = Diagnostics::default();
        match crate::parser::parse_value(text, &mut syntax) {
            Ok(expr) => {
                for d in syntax.0 {
                    context.error(d.span, d.message);
                }
                match &expr.kind {
                    ExprKind::Tuple(elements) => {
                        Translator::new(&mut context).fill_struct(&self.root, &self.brand, elements, &mut root)
                    }
                    _ => context.report(TextError::unlocated("Input does not contain a struct.", false)),
                }
            }
            Err(d) if d.message == "Parse error" => context.error(d.span, d.message),
            Err(d) => context.report(TextError::unlocated(&d.message, true)),
        }
        let TextContext { first, fatal, .. } = context;
        if let Some(error) = fatal {
            return EncodedMessage { range, message: None, error: Some(error) };
        }
        // The tool copies the root into a fresh builder: every object in pre-order.
        let segments = scratch.segments();
        let copied = MessageReader::from_segments(&segments, UNLIMITED).and_then(|source| {
            let mut message = MessageBuilder::new(self.options);
            message.root().set_copy_of(source.root())?;
            Ok(message)
        });
        let message = match copied {
            Ok(message) => message,
            Err(e) => {
                let error = TextError::unlocated(&e.to_string(), true);
                return EncodedMessage { range, message: None, error: Some(error) };
            }
        };
        EncodedMessage { range, message: Some(message), error: first }
    }
}

/// The encoder as the translator's [`Context`] for one message: nodes from the compiled
/// schema, no constants, no embeds, the first error kept (and a fatal one, which wins).
struct TextContext<'e, 'a> {
    encoder: &'e TextEncoder<'a>,
    text: &'e str,
    offset: usize,
    first: Option<TextError>,
    fatal: Option<TextError>,
}

impl TextContext<'_, '_> {
    fn report(&mut self, error: TextError) {
        if error.fatal {
            if self.fatal.is_none() {
                self.fatal = Some(error);
            }
        } else if self.first.is_none() {
            self.first = Some(error);
        }
    }
}

impl Context for TextContext<'_, '_> {
    fn struct_node(&mut self, id: u64) -> Option<Arc<StructNode>> {
        self.encoder.structs.get(&id).cloned()
    }

    fn enumerant(&mut self, id: u64, name: &str) -> Option<u16> {
        match &self.encoder.nodes.get(&id)?.kind {
            // Enumerants are in ordinal order, and ordinals have no holes.
            NodeKind::Enum(enumerants) => enumerants.iter().position(|e| e.name == name).map(|i| i as u16),
            _ => None,
        }
    }

    fn node_name(&mut self, id: u64) -> String {
        match self.encoder.nodes.get(&id) {
            Some(node) => node.display_name.get(node.display_name_prefix_length as usize..).unwrap_or("").to_string(),
            None => format!("@0x{id:x}"),
        }
    }

    fn constant(&mut self, _expr: &Expr) -> Option<(Type, Value)> {
        self.report(TextError::unlocated("External constants not allowed.", true));
        None
    }

    fn embed(&mut self, _path: &Located<String>) -> Option<Vec<u8>> {
        self.report(TextError::unlocated("External embeds not allowed.", true));
        None
    }

    fn error(&mut self, span: Span, message: String) {
        let location = Location::new(self.text, self.offset, span);
        self.report(TextError { message, location: Some(location), fatal: false });
    }
}
