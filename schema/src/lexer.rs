//! The first stage of parsing: source text into statements of tokens.
//!
//! As in the official compiler, a file is a sequence of statements. A statement is a run of
//! tokens ended by `;` or by a `{ … }` block of further statements. Parentheses and brackets
//! group comma-separated token runs into one token. Comments start with `#`; the comment lines
//! right after a statement's `;` (or after its `{`, or after its `}`) are its doc comment.

use crate::diagnostic::{Diagnostics, Span};

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of token.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// A name or keyword.
    Ident(String),
    /// A double-quoted string, or a backtick line (with its newline), as bytes: escapes may
    /// make any byte.
    Str(Vec<u8>),
    /// `0x"…"`.
    Binary(Vec<u8>),
    /// A decimal, hex (`0x…`) or octal (`0…`) integer.
    Int(u64),
    /// A number with a fraction or exponent.
    Float(f64),
    /// A run of operator characters (`@`, `:`, `=`, `->`, `$`, `.`, `-`, …).
    Op(String),
    /// `( … )`: comma-separated token runs.
    Paren(Vec<Vec<Token>>),
    /// `[ … ]`: comma-separated token runs.
    Bracket(Vec<Vec<Token>>),
}

/// One statement: tokens, then `;` or a block.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// The tokens before `;` or `{`.
    pub tokens: Vec<Token>,
    /// The statements of the `{ … }` block, if the statement has one.
    pub block: Option<Vec<Statement>>,
    /// The doc comment: its lines without `#` and one following space, each ending in `\n`.
    pub doc: Option<String>,
    /// From the first token to the `;` or `}`.
    pub span: Span,
}

const OPERATOR_CHARS: &[u8] = b"!$%&*+-./:<=>?@^|~";

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    errors: &'a mut Diagnostics,
}

/// Splits `source` into statements; errors go to `errors` and lexing goes on after them.
pub fn lex(source: &str, errors: &mut Diagnostics) -> Vec<Statement> {
    let mut lexer = Lexer { src: source.as_bytes(), pos: 0, errors };
    let statements = lexer.statements();
    if lexer.pos < lexer.src.len() {
        let at = lexer.pos;
        lexer.errors.error(Span::new(at, at), "Parse error.");
    }
    statements
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.src.get(self.pos + n).copied()
    }

    /// Skips whitespace, byte-order marks and comments.
    fn skip_space(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => self.pos += 1,
                Some(0xef) if self.src[self.pos..].starts_with(&[0xef, 0xbb, 0xbf]) => self.pos += 3,
                Some(b'#') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips spaces and tabs (not newlines).
    fn skip_line_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | 0x0b | 0x0c)) {
            self.pos += 1;
        }
    }

    /// The comment lines at this point: on the rest of this line and the lines right below,
    /// with at most one line break before the first and no blank line between them.
    fn doc_comment(&mut self) -> Option<String> {
        let start = self.pos;
        self.skip_line_space();
        match self.peek() {
            Some(b'\n') => self.pos += 1,
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            _ => {}
        }
        let mut doc = String::new();
        loop {
            let line_start = self.pos;
            self.skip_line_space();
            if self.peek() != Some(b'#') {
                self.pos = line_start;
                break;
            }
            self.pos += 1;
            if self.peek() == Some(b' ') {
                self.pos += 1;
            }
            let text_start = self.pos;
            while self.peek().is_some_and(|c| c != b'\n') {
                self.pos += 1;
            }
            doc.push_str(&String::from_utf8_lossy(&self.src[text_start..self.pos]));
            doc.push('\n');
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
        }
        if doc.is_empty() {
            self.pos = start;
            None
        } else {
            Some(doc)
        }
    }

    fn statements(&mut self) -> Vec<Statement> {
        let mut out = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None | Some(b'}') => return out,
                _ => {}
            }
            let before = self.pos;
            match self.statement() {
                Some(statement) => out.push(statement),
                None if self.pos == before => {
                    // Nothing consumed: skip a byte so lexing makes progress.
                    self.pos += 1;
                }
                None => {}
            }
        }
    }

    fn statement(&mut self) -> Option<Statement> {
        let start = self.pos;
        let tokens = self.token_run(b";{}");
        match self.peek() {
            Some(b';') => {
                self.pos += 1;
                let end = self.pos;
                let doc = self.doc_comment();
                Some(Statement { tokens, block: None, doc, span: Span::new(start, end) })
            }
            Some(b'{') => {
                self.pos += 1;
                let early = self.doc_comment();
                let block = self.statements();
                if self.peek() != Some(b'}') {
                    self.errors.error(Span::new(self.pos, self.pos), "Parse error.");
                    return None;
                }
                self.pos += 1;
                let end = self.pos;
                let late = self.doc_comment();
                Some(Statement { tokens, block: Some(block), doc: early.or(late), span: Span::new(start, end) })
            }
            _ => {
                let at = self.pos;
                self.errors.error(Span::new(at, at), "Parse error.");
                // Resynchronize after the next `;` at this level.
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == b';' {
                        break;
                    }
                }
                None
            }
        }
    }

    /// Tokens until one of `stops` (not consumed) or the end.
    fn token_run(&mut self, stops: &[u8]) -> Vec<Token> {
        let mut tokens = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return tokens,
                Some(c) if stops.contains(&c) => return tokens,
                _ => {}
            }
            match self.token() {
                Some(token) => tokens.push(token),
                None => return tokens,
            }
        }
    }

    fn token(&mut self) -> Option<Token> {
        let start = self.pos;
        let c = self.peek()?;
        let kind = match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
                    self.pos += 1;
                }
                TokenKind::Ident(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned())
            }
            b'"' => TokenKind::Str(self.string()?),
            b'`' => {
                self.pos += 1;
                let text_start = self.pos;
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
                let mut text = self.src[text_start..self.pos].to_vec();
                text.push(b'\n');
                TokenKind::Str(text)
            }
            b'0' if self.peek_at(1) == Some(b'x') && self.peek_at(2) == Some(b'"') => {
                self.pos += 3;
                TokenKind::Binary(self.hex_binary(start)?)
            }
            b'0'..=b'9' => self.number(start)?,
            b'(' | b'[' => {
                self.pos += 1;
                let close = if c == b'(' { b')' } else { b']' };
                let mut items = Vec::new();
                loop {
                    let item = self.token_run(&[b',', close, b';', b'{', b'}']);
                    match self.peek() {
                        Some(b',') => {
                            self.pos += 1;
                            items.push(item);
                        }
                        Some(x) if x == close => {
                            self.pos += 1;
                            // `()` is empty, and a trailing comma leaves an empty last item,
                            // which is dropped.
                            if !item.is_empty() {
                                items.push(item);
                            }
                            break;
                        }
                        _ => {
                            self.errors.error(Span::new(self.pos, self.pos), "Parse error.");
                            return None;
                        }
                    }
                }
                if c == b'(' {
                    TokenKind::Paren(items)
                } else {
                    TokenKind::Bracket(items)
                }
            }
            c if OPERATOR_CHARS.contains(&c) => {
                while self.peek().is_some_and(|c| OPERATOR_CHARS.contains(&c)) {
                    self.pos += 1;
                }
                TokenKind::Op(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned())
            }
            0x00 | 0xfe | 0xff => {
                self.errors.error(
                    Span::new(start, start + 1),
                    "Non-UTF-8 input detected. Cap'n Proto schema files must be UTF-8 text.",
                );
                self.pos = self.src.len();
                return None;
            }
            _ => {
                self.errors.error(Span::new(start, start), "Parse error.");
                return None;
            }
        };
        Some(Token { kind, span: Span::new(start, self.pos) })
    }

    fn string(&mut self) -> Option<Vec<u8>> {
        let start = self.pos;
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            match self.peek() {
                None | Some(b'\n') => {
                    self.errors.error(Span::new(start, self.pos), "Parse error.");
                    return None;
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let e = self.peek()?;
                    self.pos += 1;
                    let byte = match e {
                        b'a' => 7,
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'v' => 11,
                        b'\'' | b'"' | b'\\' | b'?' => e,
                        b'x' => {
                            let mut value = 0u32;
                            let mut digits = 0;
                            while digits < 2 && self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                                value = value * 16 + (self.peek()? as char).to_digit(16)?;
                                self.pos += 1;
                                digits += 1;
                            }
                            if digits == 0 {
                                self.errors.error(Span::new(self.pos - 2, self.pos), "Parse error.");
                                return None;
                            }
                            value as u8
                        }
                        b'0'..=b'7' => {
                            let mut value = (e - b'0') as u32;
                            let mut digits = 1;
                            while digits < 3 && matches!(self.peek(), Some(b'0'..=b'7')) {
                                value = value * 8 + (self.peek()? - b'0') as u32;
                                self.pos += 1;
                                digits += 1;
                            }
                            value as u8
                        }
                        _ => {
                            self.errors.error(Span::new(self.pos - 2, self.pos), "Parse error.");
                            return None;
                        }
                    };
                    bytes.push(byte);
                }
                Some(c) => {
                    bytes.push(c);
                    self.pos += 1;
                }
            }
        }
        Some(bytes)
    }

    fn hex_binary(&mut self, start: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut high: Option<u32> = None;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(c) if c.is_ascii_whitespace() => self.pos += 1,
                Some(c) if c.is_ascii_hexdigit() => {
                    let digit = (c as char).to_digit(16)?;
                    self.pos += 1;
                    match high.take() {
                        None => high = Some(digit),
                        Some(h) => out.push((h * 16 + digit) as u8),
                    }
                }
                _ => {
                    self.errors.error(Span::new(start, self.pos), "Parse error.");
                    return None;
                }
            }
        }
        if high.is_some() {
            self.errors.error(Span::new(start, self.pos), "Parse error.");
            return None;
        }
        Some(out)
    }

    fn number(&mut self, start: usize) -> Option<TokenKind> {
        let digits = |lexer: &mut Self, radix: u32| {
            while lexer.peek().is_some_and(|c| (c as char).is_digit(radix)) {
                lexer.pos += 1;
            }
        };
        if self.peek() == Some(b'0') && matches!(self.peek_at(1), Some(b'x' | b'X')) {
            self.pos += 2;
            let digits_start = self.pos;
            digits(self, 16);
            let text = std::str::from_utf8(&self.src[digits_start..self.pos]).ok()?;
            return match u64::from_str_radix(text, 16) {
                Ok(v) => Some(TokenKind::Int(v)),
                Err(_) => {
                    self.errors.error(Span::new(start, self.pos), "Integer is too big.");
                    Some(TokenKind::Int(0))
                }
            };
        }
        digits(self, 10);
        let mut is_float = false;
        if self.peek() == Some(b'.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            self.pos += 1;
            digits(self, 10);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                digits(self, 10);
            } else {
                self.pos = save;
            }
        }
        let text = std::str::from_utf8(&self.src[start..self.pos]).ok()?;
        if is_float {
            return Some(TokenKind::Float(text.parse().unwrap_or(f64::NAN)));
        }
        let (text, radix) = if text.len() > 1 && text.starts_with('0') { (&text[1..], 8) } else { (text, 10) };
        match u64::from_str_radix(text, radix) {
            Ok(v) => Some(TokenKind::Int(v)),
            Err(_) => {
                self.errors.error(Span::new(start, self.pos), "Integer is too big.");
                Some(TokenKind::Int(0))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(tokens: &[Token]) -> Vec<TokenKind> {
        tokens.iter().map(|t| t.kind.clone()).collect()
    }

    fn ident(s: &str) -> TokenKind {
        TokenKind::Ident(s.into())
    }

    fn op(s: &str) -> TokenKind {
        TokenKind::Op(s.into())
    }

    #[test]
    fn statements_blocks_and_doc_comments() {
        let src = "@0xdbb9ad1f14bf0b36;  # file\nstruct Foo {\n  # Foo's doc\n  # second line\n  x @0 :Int32 = -5;  # x doc\n\n  # not a doc of x\n}\n";
        let mut errors = Diagnostics::default();
        let statements = lex(src, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(statements.len(), 2);
        assert_eq!(kinds(&statements[0].tokens), [op("@"), TokenKind::Int(0xdbb9ad1f14bf0b36)]);
        assert_eq!(statements[0].doc.as_deref(), Some("file\n"));
        let foo = &statements[1];
        assert_eq!(kinds(&foo.tokens), [ident("struct"), ident("Foo")]);
        assert_eq!(foo.doc.as_deref(), Some("Foo's doc\nsecond line\n"));
        let block = foo.block.as_ref().unwrap();
        assert_eq!(block.len(), 1);
        assert_eq!(
            kinds(&block[0].tokens),
            [ident("x"), op("@"), TokenKind::Int(0), op(":"), ident("Int32"), op("="), op("-"), TokenKind::Int(5)]
        );
        assert_eq!(block[0].doc.as_deref(), Some("x doc\n"));
    }

    #[test]
    fn literals() {
        let src = "const a :X = [1, 0x1F, 017, 1.5, 2e3, \"a\\n\\x41\\101\", 0x\"de ad\", (b = 2,)];\nconst t :Text =\n  `first\n  `second\n;\n";
        let mut errors = Diagnostics::default();
        let statements = lex(src, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let list: Vec<Vec<TokenKind>> = match &statements[0].tokens.last().unwrap().kind {
            TokenKind::Bracket(items) => items.iter().map(|i| kinds(i)).collect(),
            other => panic!("{other:?}"),
        };
        let b = src.find("b = 2").unwrap();
        let tuple = TokenKind::Paren(vec![vec![
            Token { kind: ident("b"), span: Span::new(b, b + 1) },
            Token { kind: op("="), span: Span::new(b + 2, b + 3) },
            Token { kind: TokenKind::Int(2), span: Span::new(b + 4, b + 5) },
        ]]);
        assert_eq!(
            list,
            [
                vec![TokenKind::Int(1)],
                vec![TokenKind::Int(31)],
                vec![TokenKind::Int(15)],
                vec![TokenKind::Float(1.5)],
                vec![TokenKind::Float(2000.0)],
                vec![TokenKind::Str(b"a\nAA".to_vec())],
                vec![TokenKind::Binary(vec![0xde, 0xad])],
                vec![tuple],
            ]
        );
        assert_eq!(
            kinds(&statements[1].tokens[5..]),
            [TokenKind::Str(b"first\n".to_vec()), TokenKind::Str(b"second\n".to_vec())]
        );
    }

    #[test]
    fn errors_are_located() {
        let mut errors = Diagnostics::default();
        lex("struct Foo {\n  x @0 :Int32\n", &mut errors);
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].message, "Parse error.");
    }
}
