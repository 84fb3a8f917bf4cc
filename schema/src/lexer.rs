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
    /// A double-quoted string, as bytes: escapes may make any byte.
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

/// What the official lexer counts as whitespace.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The lexer: a hand-written form of the official one (a parser-combinator grammar), which
/// reads as many statements as it can and, if the file does not end there, fails as a whole:
/// one "Parse error." at the farthest byte any of its attempts consumed, and no statements.
struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    /// The farthest position reached.
    best: usize,
    /// How many blocks, parentheses and brackets are open.
    depth: usize,
    /// Where nesting went past [`MAX_NESTING`], if it did.
    too_deep: Option<usize>,
    errors: &'a mut Diagnostics,
}

/// The most blocks, parentheses and brackets open at once. Deeper nesting is a lexing error,
/// so that no later stage runs out of stack; the official compiler reads deeper nesting (and
/// crashes somewhat deeper still), but no schema nests anywhere near this.
pub const MAX_NESTING: usize = 512;

/// Splits `source` into statements. On a lexing error (reported in `errors`) there are none.
pub fn lex(source: &str, errors: &mut Diagnostics) -> Vec<Statement> {
    let mut lexer = Lexer { src: source.as_bytes(), pos: 0, best: 0, depth: 0, too_deep: None, errors };
    let statements = lexer.statement_sequence();
    if let Some(at) = lexer.too_deep {
        lexer.errors.error(Span::new(at, at), "Parse error.");
        return Vec::new();
    }
    if lexer.pos < lexer.src.len() {
        let at = lexer.best.max(lexer.pos);
        lexer.errors.error(Span::new(at, at), "Parse error.");
        return Vec::new();
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

    /// Consumes `n` bytes.
    fn bump(&mut self, n: usize) {
        self.pos += n;
        self.best = self.best.max(self.pos);
    }

    /// Consumes `c` if it is next.
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.bump(1);
            true
        } else {
            false
        }
    }

    /// Consumes bytes while `f` holds; returns how many.
    fn eat_while(&mut self, f: impl Fn(u8) -> bool) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(&f) {
            self.bump(1);
        }
        self.pos - start
    }

    /// Opens one more level of nesting (after its opening character); false, with the lexer
    /// failing there, past [`MAX_NESTING`].
    fn enter(&mut self) -> bool {
        if self.depth == MAX_NESTING {
            self.too_deep.get_or_insert(self.pos - 1);
            return false;
        }
        self.depth += 1;
        true
    }

    /// Whitespace, byte-order marks and comments.
    fn comments_and_whitespace(&mut self) {
        loop {
            self.eat_while(is_space);
            if self.src[self.pos..].starts_with(&[0xef, 0xbb, 0xbf]) {
                self.bump(3);
                continue;
            }
            if self.eat(b'#') {
                self.eat_while(|c| c != b'\n');
                self.eat(b'\n');
                continue;
            }
            return;
        }
    }

    /// The comment lines at this point: on the rest of this line and the lines right below,
    /// with at most one line break before the first and no blank line between them.
    fn doc_comment(&mut self) -> Option<String> {
        let start = self.pos;
        let line_space = |c: u8| is_space(c) && c != b'\n' && c != b'\r';
        self.eat_while(line_space);
        if !self.eat(b'\n') && self.eat(b'\r') {
            self.eat(b'\n');
        }
        let mut doc = String::new();
        loop {
            let line_start = self.pos;
            self.eat_while(line_space);
            if !self.eat(b'#') {
                self.pos = line_start;
                break;
            }
            self.eat(b' ');
            let text_start = self.pos;
            self.eat_while(|c| c != b'\n');
            doc.push_str(&String::from_utf8_lossy(&self.src[text_start..self.pos]));
            doc.push('\n');
            self.eat(b'\n');
        }
        if doc.is_empty() {
            self.pos = start;
            None
        } else {
            Some(doc)
        }
    }

    fn statement_sequence(&mut self) -> Vec<Statement> {
        let mut out = Vec::new();
        self.comments_and_whitespace();
        loop {
            let start = self.pos;
            match self.statement() {
                Some(statement) => out.push(statement),
                None => {
                    self.pos = start;
                    return out;
                }
            }
            self.comments_and_whitespace();
        }
    }

    fn statement(&mut self) -> Option<Statement> {
        let start = self.pos;
        let tokens = self.token_sequence();
        if self.eat(b';') {
            let doc = self.doc_comment();
            return Some(Statement { tokens, block: None, doc, span: Span::new(start, self.pos) });
        }
        if self.eat(b'{') {
            if !self.enter() {
                return None;
            }
            let early = self.doc_comment();
            let block = self.statement_sequence();
            self.depth -= 1;
            if !self.eat(b'}') {
                return None;
            }
            let late = self.doc_comment();
            return Some(Statement {
                tokens,
                block: Some(block),
                doc: early.or(late),
                span: Span::new(start, self.pos),
            });
        }
        None
    }

    /// Tokens (with the whitespace and comments between them) as far as they go.
    fn token_sequence(&mut self) -> Vec<Token> {
        let mut tokens = Vec::new();
        self.comments_and_whitespace();
        loop {
            let start = self.pos;
            match self.token() {
                Some(token) => tokens.push(token),
                None => {
                    self.pos = start;
                    return tokens;
                }
            }
            self.comments_and_whitespace();
        }
    }

    /// One token: the official alternatives in their order, each tried from the same place.
    fn token(&mut self) -> Option<Token> {
        let start = self.pos;
        let kind = self
            .attempt(start, Self::identifier)
            .or_else(|| self.attempt(start, Self::string))
            .or_else(|| self.attempt(start, Self::hex_binary))
            .or_else(|| self.attempt(start, Self::integer))
            .or_else(|| self.attempt(start, Self::float))
            .or_else(|| self.attempt(start, Self::operator))
            .or_else(|| self.attempt(start, |l| l.list(b'(', b')')))
            .or_else(|| self.attempt(start, |l| l.list(b'[', b']')));
        match kind {
            Some(kind) => Some(Token { kind, span: Span::new(start, self.pos) }),
            None => {
                if self.peek() == Some(0) {
                    self.bump(1);
                    self.errors.error(
                        Span::new(start, start + 1),
                        "Non-UTF-8 input detected. Cap'n Proto schema files must be UTF-8 text.",
                    );
                }
                self.pos = start;
                None
            }
        }
    }

    /// Runs one alternative from `start`, going back there if it fails.
    fn attempt(&mut self, start: usize, f: impl FnOnce(&mut Self) -> Option<TokenKind>) -> Option<TokenKind> {
        self.pos = start;
        let result = f(self);
        if result.is_none() {
            self.pos = start;
        }
        result
    }

    fn identifier(&mut self) -> Option<TokenKind> {
        let start = self.pos;
        if !self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_') {
            return None;
        }
        self.eat_while(|c| c.is_ascii_alphanumeric() || c == b'_');
        Some(TokenKind::Ident(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned()))
    }

    fn string(&mut self) -> Option<TokenKind> {
        if !self.eat(b'"') {
            return None;
        }
        let mut bytes = Vec::new();
        loop {
            match self.peek()? {
                b'"' => {
                    self.bump(1);
                    return Some(TokenKind::Str(bytes));
                }
                b'\n' => return None,
                b'\\' => {
                    self.bump(1);
                    bytes.push(self.escape()?);
                }
                c => {
                    self.bump(1);
                    bytes.push(c);
                }
            }
        }
    }

    /// The rest of an escape sequence, after its backslash.
    fn escape(&mut self) -> Option<u8> {
        let c = self.peek()?;
        let simple = match c {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            b'\'' | b'"' | b'\\' | b'?' => Some(c),
            _ => None,
        };
        if let Some(byte) = simple {
            self.bump(1);
            return Some(byte);
        }
        if c == b'x' {
            self.bump(1);
            let high = hex_value(self.peek()?)?;
            self.bump(1);
            let low = hex_value(self.peek()?)?;
            self.bump(1);
            return Some(high << 4 | low);
        }
        if (b'0'..=b'7').contains(&c) {
            self.bump(1);
            let mut value = c - b'0';
            for _ in 0..2 {
                match self.peek() {
                    Some(d @ b'0'..=b'7') => {
                        self.bump(1);
                        value = value.wrapping_mul(8).wrapping_add(d - b'0');
                    }
                    _ => break,
                }
            }
            return Some(value);
        }
        None
    }

    fn hex_binary(&mut self) -> Option<TokenKind> {
        if !(self.eat(b'0') && self.eat(b'x') && self.eat(b'"')) {
            return None;
        }
        let mut out = Vec::new();
        loop {
            let save = self.pos;
            self.eat_while(is_space);
            let Some(high) = self.peek().and_then(hex_value) else {
                self.pos = save;
                break;
            };
            self.bump(1);
            let Some(low) = self.peek().and_then(hex_value) else {
                self.pos = save;
                break;
            };
            self.bump(1);
            out.push(high << 4 | low);
        }
        if out.is_empty() {
            return None;
        }
        self.eat_while(is_space);
        self.eat(b'"').then_some(TokenKind::Binary(out))
    }

    /// Nothing that continues a number may follow one (checked without consuming it).
    fn number_ends(&self) -> bool {
        !self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || c == b'.')
    }

    fn integer(&mut self) -> Option<TokenKind> {
        let start = self.pos;
        let is_hex = |c: u8| c.is_ascii_hexdigit();
        let value = if self.src[start..].starts_with(b"0x") && self.peek_at(2).is_some_and(is_hex) {
            self.bump(2);
            let digits = self.pos;
            self.eat_while(is_hex);
            digits_value(&self.src[digits..self.pos], 16)
        } else {
            if self.src[start..].starts_with(b"0x") {
                // The hexadecimal alternative read `0x` before it failed.
                self.best = self.best.max(start + 2);
            }
            if self.eat(b'0') {
                let digits = self.pos;
                self.eat_while(|c| (b'0'..=b'7').contains(&c));
                digits_value(&self.src[digits..self.pos], 8)
            } else if self.peek().is_some_and(|c| (b'1'..=b'9').contains(&c)) {
                self.eat_while(|c| c.is_ascii_digit());
                digits_value(&self.src[start..self.pos], 10)
            } else {
                return None;
            }
        };
        self.number_ends().then_some(TokenKind::Int(value))
    }

    fn float(&mut self) -> Option<TokenKind> {
        let start = self.pos;
        if self.eat_while(|c| c.is_ascii_digit()) == 0 {
            return None;
        }
        let mut text = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
        if self.eat(b'.') {
            let fraction = self.pos;
            self.eat_while(|c| c.is_ascii_digit());
            text.push('.');
            text.push_str(&String::from_utf8_lossy(&self.src[fraction..self.pos]));
        }
        if self.peek().is_some_and(|c| c == b'e' || c == b'E') {
            self.bump(1);
            let sign = match self.peek() {
                Some(c @ (b'+' | b'-')) => {
                    self.bump(1);
                    Some(c as char)
                }
                _ => None,
            };
            let exponent = self.pos;
            if self.eat_while(|c| c.is_ascii_digit()) > 0 {
                text.push('e');
                text.extend(sign);
                text.push_str(&String::from_utf8_lossy(&self.src[exponent..self.pos]));
            }
        }
        if !self.number_ends() {
            return None;
        }
        Some(TokenKind::Float(text.parse().unwrap_or(f64::NAN)))
    }

    fn operator(&mut self) -> Option<TokenKind> {
        let start = self.pos;
        if self.eat_while(|c| OPERATOR_CHARS.contains(&c)) == 0 {
            return None;
        }
        Some(TokenKind::Op(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned()))
    }

    /// `( … )` or `[ … ]`: comma-separated token runs. `()` has no item; a trailing comma
    /// leaves no item after it; other empty items are kept (the parser reports them).
    fn list(&mut self, open: u8, close: u8) -> Option<TokenKind> {
        if !self.eat(open) || !self.enter() {
            return None;
        }
        let first = self.token_sequence();
        let mut rest = Vec::new();
        while self.eat(b',') {
            rest.push(self.token_sequence());
        }
        self.depth -= 1;
        if !self.eat(close) {
            return None;
        }
        let mut items = Vec::new();
        if !(first.is_empty() && rest.is_empty()) {
            if rest.last().is_some_and(Vec::is_empty) {
                rest.pop();
            }
            items.push(first);
            items.extend(rest);
        }
        Some(if open == b'(' { TokenKind::Paren(items) } else { TokenKind::Bracket(items) })
    }
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// The value of digits in `radix`, wrapping around 2^64 as the official lexer's does.
fn digits_value(digits: &[u8], radix: u64) -> u64 {
    digits.iter().fold(0u64, |v, &d| v.wrapping_mul(radix).wrapping_add((d as char).to_digit(16).unwrap_or(0) as u64))
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
        let src = "const a :X = [1, 0x1F, 017, 1.5, 2e3, 5., \"a\\n\\x41\\101\", 0x\"de ad\", (b = 2,), 99999999999999999999];\n";
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
                // A trailing dot makes a float, as in the official lexer.
                vec![TokenKind::Float(5.0)],
                vec![TokenKind::Str(b"a\nAA".to_vec())],
                vec![TokenKind::Binary(vec![0xde, 0xad])],
                vec![tuple],
                // Too many digits wrap around 2^64, as in the official lexer.
                vec![TokenKind::Int(99999999999999999999u128 as u64)],
            ]
        );
    }

    #[test]
    fn a_lexing_error_is_one_error_at_the_farthest_point_and_no_statements() {
        // Where `capnp compile` 0.9.2 reports each (byte offsets).
        for (src, at) in [
            ("@0xd1b6d6d0f7f3a001;\nstruct Foo {\n  b @1 :Text\n}\n", 47),
            ("const a :Text = \"hello;\nstruct Foo {}\n", 23),
            ("const a :Text = \"bad \\q\";\n", 22),
            ("const a :Int32 = 5 ` ;\n", 19),
            ("const a :UInt32 = 0X1F;\n", 19),
            ("const a :Text = `line\n;\n", 16),
        ] {
            let mut errors = Diagnostics::default();
            let statements = lex(src, &mut errors);
            assert!(statements.is_empty(), "{src:?}");
            assert_eq!(errors.0, [crate::diagnostic::Diagnostic::new(Span::new(at, at), "Parse error.")], "{src:?}");
        }
    }

    #[test]
    fn nesting_past_the_limit_is_one_error() {
        let nested = |depth: usize| format!("const a :Int32 = {}1{};\n", "(".repeat(depth), ")".repeat(depth));
        let mut errors = Diagnostics::default();
        assert_eq!(lex(&nested(MAX_NESTING), &mut errors).len(), 1);
        assert!(errors.is_empty(), "{errors:?}");
        let at = "const a :Int32 = ".len() + MAX_NESTING;
        let statements = lex(&nested(MAX_NESTING + 1), &mut errors);
        assert!(statements.is_empty());
        assert_eq!(errors.0, [crate::diagnostic::Diagnostic::new(Span::new(at, at), "Parse error.")]);
        let blocks = format!("{}{}", "struct A {".repeat(MAX_NESTING + 1), "}".repeat(MAX_NESTING + 1));
        let mut errors = Diagnostics::default();
        assert!(lex(&blocks, &mut errors).is_empty());
        assert_eq!(errors.0.len(), 1);
    }

    #[test]
    fn errors_are_located() {
        let mut errors = Diagnostics::default();
        lex("struct Foo {\n  x @0 :Int32\n", &mut errors);
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].message, "Parse error.");
    }
}
