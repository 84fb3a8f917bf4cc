//! JSON values: the tree both directions go through, its parser and its writer, with the
//! official codec's layout rules.

use super::JsonError;

/// The deepest nesting of arrays and objects the parser accepts, as the official codec's
/// default (`setMaxNestingDepth(64)`).
pub const MAX_NESTING_DEPTH: usize = 64;

/// A JSON value as the codec sees it. Strings are bytes: Text in a message need not be UTF-8,
/// and the official codec copies its bytes through unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean(bool),
    /// A number (every JSON number is a double, as in the official codec).
    Number(f64),
    /// A string.
    String(Vec<u8>),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object: its members in order (names may repeat; the decoder takes each in turn).
    Object(Vec<(Vec<u8>, JsonValue)>),
    /// `function(params…)`: only ever written, from a `JsonValue.call` in a message.
    Call(Vec<u8>, Vec<JsonValue>),
}

// ---------------------------------------------------------------------------------------------
// Writing

/// `value` as text: pretty (the official layout) or short (no whitespace at all).
pub fn write(value: &JsonValue, pretty: bool) -> Vec<u8> {
    let mut multiline = false;
    Writer { pretty }.value(value, 0, &mut multiline, false)
}

struct Writer {
    pretty: bool,
}

impl Writer {
    /// The official `encodeRaw`: `multiline` is set when the value's text spans lines;
    /// `has_prefix` says something (an object member's name) stands before it on its line.
    fn value(&self, value: &JsonValue, indent: usize, multiline: &mut bool, has_prefix: bool) -> Vec<u8> {
        match value {
            JsonValue::Null => b"null".to_vec(),
            JsonValue::Boolean(b) => {
                if *b {
                    b"true".to_vec()
                } else {
                    b"false".to_vec()
                }
            }
            JsonValue::Number(n) => format_number(*n).into_bytes(),
            JsonValue::String(s) => quote(s),
            JsonValue::Array(items) => {
                let sub = indent + usize::from(items.len() > 1);
                let mut child_multiline = false;
                let parts: Vec<Vec<u8>> =
                    items.iter().map(|item| self.value(item, sub, &mut child_multiline, false)).collect();
                self.bracket(b"[", parts, child_multiline, indent, multiline, has_prefix, b"]")
            }
            JsonValue::Object(members) => {
                let sub = indent + usize::from(members.len() > 1);
                let mut child_multiline = false;
                let colon: &[u8] = if self.pretty { b": " } else { b":" };
                let parts: Vec<Vec<u8>> = members
                    .iter()
                    .map(|(name, item)| {
                        let mut part = quote(name);
                        part.extend_from_slice(colon);
                        part.extend(self.value(item, sub, &mut child_multiline, true));
                        part
                    })
                    .collect();
                self.bracket(b"{", parts, child_multiline, indent, multiline, has_prefix, b"}")
            }
            JsonValue::Call(function, params) => {
                let sub = indent + usize::from(params.len() > 1);
                let mut child_multiline = false;
                let parts: Vec<Vec<u8>> =
                    params.iter().map(|item| self.value(item, sub, &mut child_multiline, false)).collect();
                let mut open = function.clone();
                open.push(b'(');
                self.bracket(&open, parts, child_multiline, indent, multiline, true, b")")
            }
        }
    }

    /// The official `encodeList` between `open` and `close`: one line with `, ` between
    /// elements, or (pretty, more than one element, and one of them spans lines or is longer
    /// than 50 bytes) one element a line indented by two spaces a level.
    #[allow(clippy::too_many_arguments)]
    fn bracket(
        &self,
        open: &[u8],
        parts: Vec<Vec<u8>>,
        child_multiline: bool,
        indent: usize,
        multiline: &mut bool,
        has_prefix: bool,
        close: &[u8],
    ) -> Vec<u8> {
        let longest = parts.iter().map(Vec::len).max().unwrap_or(0);
        let mut out = open.to_vec();
        let (prefix, delim, suffix): (Vec<u8>, Vec<u8>, &[u8]) = if !self.pretty {
            (Vec::new(), b",".to_vec(), b"")
        } else if parts.len() > 1 && (child_multiline || longest > 50) {
            let mut line = b"\n".to_vec();
            line.resize(1 + (indent + 1) * 2, b' ');
            *multiline = true;
            let mut delim = b",".to_vec();
            delim.extend_from_slice(&line);
            let prefix = if has_prefix { line } else { b" ".to_vec() };
            (prefix, delim, b" ")
        } else {
            (Vec::new(), b", ".to_vec(), b"")
        };
        out.extend(prefix);
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&delim);
            }
            out.extend(part);
        }
        out.extend_from_slice(suffix);
        out.extend_from_slice(close);
        out
    }
}

/// A double as the official codec writes it: C's `%.15g`, or `%.17g` when that does not read
/// back as the same value; `inf`, `-inf` and `nan` for the values JSON has no number for (the
/// encoder writes those as strings before they get here).
pub fn format_number(value: f64) -> String {
    crate::text::format::format_f64(value)
}

/// `bytes` as a JSON string: `"` and `\` escaped, `\b \f \n \r \t` by name, other bytes below
/// 0x20 as `\u00XX`; everything else (DEL, bytes of UTF-8 sequences) unchanged.
pub fn quote(bytes: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'"');
    for &c in bytes {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c < 0x20 => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 15)]);
            }
            c => out.push(c),
        }
    }
    out.push(b'"');
    out
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Parses `text` as one JSON value, as the official codec's parser does: whitespace is space,
/// tab, CR and LF; a NUL byte ends the input; nothing but whitespace may follow the value;
/// arrays and objects nest at most `max_depth` deep.
pub fn parse(text: &[u8], max_depth: usize) -> Result<JsonValue, JsonError> {
    let mut parser = Parser { text, pos: 0, depth: 0, max_depth };
    let value = parser.value()?;
    if !parser.exhausted() {
        return Err(parser.error("Input remains after parsing JSON."));
    }
    Ok(value)
}

struct Parser<'t> {
    text: &'t [u8],
    pos: usize,
    depth: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn exhausted(&self) -> bool {
        self.pos >= self.text.len() || self.text[self.pos] == 0
    }

    fn error(&self, message: &str) -> JsonError {
        JsonError::at(message, self.text, self.pos)
    }

    fn peek(&self) -> Result<u8, JsonError> {
        if self.exhausted() {
            Err(self.error("JSON message ends prematurely."))
        } else {
            Ok(self.text[self.pos])
        }
    }

    fn try_consume(&mut self, c: u8) -> bool {
        let found = !self.exhausted() && self.text[self.pos] == c;
        if found {
            self.pos += 1;
        }
        found
    }

    fn consume(&mut self, c: u8) -> Result<(), JsonError> {
        if self.peek()? != c {
            return Err(self.error("Unexpected input in JSON message."));
        }
        self.pos += 1;
        Ok(())
    }

    fn consume_word(&mut self, word: &[u8]) -> Result<(), JsonError> {
        let rest = &self.text[self.pos..];
        if rest.len() < word.len() {
            return Err(self.error("JSON message ends prematurely."));
        }
        if &rest[..word.len()] != word {
            return Err(self.error("Unexpected input in JSON message."));
        }
        self.pos += word.len();
        Ok(())
    }

    fn whitespace(&mut self) {
        while !self.exhausted() && matches!(self.text[self.pos], b' ' | b'\n' | b'\r' | b'\t') {
            self.pos += 1;
        }
    }

    fn digits(&mut self) {
        while !self.exhausted() && self.text[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<JsonValue, JsonError> {
        self.whitespace();
        let value = match self.peek()? {
            b'n' => self.consume_word(b"null").map(|_| JsonValue::Null)?,
            b'f' => self.consume_word(b"false").map(|_| JsonValue::Boolean(false))?,
            b't' => self.consume_word(b"true").map(|_| JsonValue::Boolean(true))?,
            b'"' => JsonValue::String(self.string()?),
            b'[' => self.array()?,
            b'{' => self.object()?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return Err(self.error("Unexpected input in JSON message.")),
        };
        self.whitespace();
        Ok(value)
    }

    /// One level deeper, for the array or object that opened at `start`.
    fn enter(&mut self, start: usize) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(JsonError::at("JSON message nested too deeply.", self.text, start));
        }
        Ok(())
    }

    fn array(&mut self) -> Result<JsonValue, JsonError> {
        let start = self.pos;
        self.consume(b'[')?;
        self.enter(start)?;
        let mut items = Vec::new();
        loop {
            self.whitespace();
            if self.peek()? == b']' {
                break;
            }
            if !items.is_empty() {
                self.consume(b',')?;
                self.whitespace();
            }
            items.push(self.value()?);
        }
        self.depth -= 1;
        self.consume(b']')?;
        Ok(JsonValue::Array(items))
    }

    fn object(&mut self) -> Result<JsonValue, JsonError> {
        let start = self.pos;
        self.consume(b'{')?;
        self.enter(start)?;
        let mut members = Vec::new();
        loop {
            self.whitespace();
            if self.peek()? == b'}' {
                break;
            }
            if !members.is_empty() {
                self.consume(b',')?;
                self.whitespace();
            }
            let name = self.string()?;
            self.whitespace();
            self.consume(b':')?;
            self.whitespace();
            members.push((name, self.value()?));
        }
        self.depth -= 1;
        self.consume(b'}')?;
        Ok(JsonValue::Object(members))
    }

    fn number(&mut self) -> Result<JsonValue, JsonError> {
        let start = self.pos;
        self.try_consume(b'-');
        if !self.try_consume(b'0') {
            if !matches!(self.peek()?, b'1'..=b'9') {
                return Err(self.error("Unexpected input in JSON message."));
            }
            self.digits();
        }
        if self.try_consume(b'.') {
            self.digits();
        }
        if self.try_consume(b'e') || self.try_consume(b'E') {
            let _ = self.try_consume(b'+') || self.try_consume(b'-');
            self.digits();
        }
        let text = std::str::from_utf8(&self.text[start..self.pos]).unwrap_or_default();
        match text.parse::<f64>() {
            Ok(v) => Ok(JsonValue::Number(v)),
            Err(_) => {
                Err(JsonError::at(&format!("String does not contain valid floating number: {text}"), self.text, start))
            }
        }
    }

    /// A quoted string, escapes decoded as the official parser decodes them. Its `\uXXXX`
    /// reads the hex digits `a`-`f` as 0-5 (not 10-15), and a code point of 0x80 or more is
    /// one UTF-16 unit (a surrogate becomes U+FFFD); capnzero does the same, so both tools
    /// build the same message from the same text.
    fn string(&mut self) -> Result<Vec<u8>, JsonError> {
        self.consume(b'"')?;
        let mut out = Vec::new();
        loop {
            while !self.exhausted() && !matches!(self.text[self.pos], b'"' | b'\\') {
                out.push(self.text[self.pos]);
                self.pos += 1;
            }
            if self.peek()? == b'\\' {
                self.pos += 1;
                let c = self.peek()?;
                match c {
                    b'"' | b'\\' | b'/' => out.push(c),
                    b'b' => out.push(0x08),
                    b'f' => out.push(0x0c),
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'u' => {
                        self.pos += 1;
                        if self.text.len() - self.pos < 4 {
                            return Err(self.error("JSON message ends prematurely."));
                        }
                        let mut code: u32 = 0;
                        for &h in &self.text[self.pos..self.pos + 4] {
                            code <<= 4;
                            code |= match h {
                                b'0'..=b'9' => u32::from(h - b'0'),
                                b'a'..=b'f' => u32::from(h - b'a'),
                                b'A'..=b'F' => u32::from(h - b'A'),
                                _ => return Err(self.error("Invalid hex digit in unicode escape.")),
                            };
                        }
                        self.pos += 4;
                        if code < 128 {
                            out.push(code as u8);
                        } else {
                            let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        if self.peek()? == b'"' {
                            break;
                        }
                        continue;
                    }
                    _ => return Err(self.error("Invalid escape in JSON string.")),
                }
                self.pos += 1;
            }
            if self.peek()? == b'"' {
                break;
            }
        }
        self.pos += 1;
        Ok(out)
    }
}
