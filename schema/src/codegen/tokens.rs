//! The token form of `capnp_schema!`: a schema written as Rust tokens is turned back into
//! schema text, with a table from text offsets to the tokens' spans, so that the compiler's
//! errors (positions in the text) can be reported on the tokens they are about.
//!
//! Each token is written at the line and column it has in the Rust source (the `span-locations`
//! positions, which a proc macro gets from Rust 1.88 on), so the text keeps the layout the
//! schema was written with. The layout matters to Cap'n Proto: a `#` comment runs to the end of
//! its line, and the comment lines right after a declaration are its doc comment. Where the
//! compiler gives no positions (older Rust), tokens are written one after the other on one line,
//! and a `#` comment, whose end is then unknown, is an error.
//!
//! What Rust's tokenizer does to schema text: `//` and `/* */` comments vanish; `///` and `//!`
//! doc comments become attributes (refused here: they would read as Cap'n Proto comments in the
//! wrong place); words of a `#` comment are tokens, so a comment must be made of tokens Rust
//! accepts (no apostrophes, backticks, backslashes or unbalanced quotes and brackets); `0x"…"`
//! Data literals are not tokens (a Data value can be written as a string).

use proc_macro2::{Delimiter, LineColumn, Span, TokenStream, TokenTree};

/// A schema given as tokens, as text.
#[derive(Debug)]
pub(crate) struct TokenSchema {
    /// The schema text.
    pub(crate) text: String,
    /// Each token written, in text order: where it ends in `text` and its span.
    tokens: Vec<Written>,
}

#[derive(Debug)]
struct Written {
    end: usize,
    span: Span,
}

impl TokenSchema {
    /// The schema text of `tokens`, or the tokens that cannot be written as schema text.
    pub(crate) fn new(tokens: TokenStream) -> Result<TokenSchema, Vec<(Span, String)>> {
        TokenSchema::with_positions(tokens, |span| span.start())
    }

    /// As [`TokenSchema::new`], with the tokens' positions (line 0: unknown) from `position`.
    fn with_positions(
        tokens: TokenStream,
        position: fn(Span) -> LineColumn,
    ) -> Result<TokenSchema, Vec<(Span, String)>> {
        let mut layout = Layout {
            text: String::new(),
            tokens: Vec::new(),
            cursor: None,
            in_comment: false,
            errors: Vec::new(),
            position,
        };
        layout.stream(tokens);
        if layout.errors.is_empty() {
            Ok(TokenSchema { text: layout.text, tokens: layout.tokens })
        } else {
            Err(layout.errors)
        }
    }

    /// The token at byte `offset` of the text; between tokens, the next one; past the end, the
    /// last one.
    pub(crate) fn span_at(&self, offset: usize) -> Option<Span> {
        let index = self.tokens.partition_point(|t| t.end <= offset);
        self.tokens.get(index).or(self.tokens.last()).map(|t| t.span)
    }
}

/// The text being written and where its end is, in source positions.
struct Layout {
    text: String,
    tokens: Vec<Written>,
    /// The source line and (character) column the end of the text stands for; `None` before
    /// the first token with a position.
    cursor: Option<(usize, usize)>,
    /// Whether a `#` comment was written and no line break since.
    in_comment: bool,
    errors: Vec<(Span, String)>,
    /// Where a token starts in the Rust source.
    position: fn(Span) -> LineColumn,
}

impl Layout {
    fn stream(&mut self, tokens: TokenStream) {
        let mut tokens = tokens.into_iter().peekable();
        while let Some(token) = tokens.next() {
            match token {
                TokenTree::Group(group) => {
                    let (open, close) = match group.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::None => {
                            self.stream(group.stream());
                            continue;
                        }
                    };
                    self.write(open, group.span_open());
                    self.stream(group.stream());
                    self.write(close, group.span_close());
                }
                TokenTree::Punct(punct) if punct.as_char() == '#' => {
                    let inner = matches!(tokens.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                    if is_rust_doc_comment(&punct, tokens.clone().nth(usize::from(inner))) {
                        self.errors.push((
                            punct.span(),
                            "a Rust doc comment (`///`, `//!`) is not a Cap'n Proto comment: write `# …` comments, \
                             after the declaration they document"
                                .to_string(),
                        ));
                        if inner {
                            tokens.next();
                        }
                        tokens.next();
                        continue;
                    }
                    if (self.position)(punct.span()).line == 0 {
                        self.errors.push((
                            punct.span(),
                            "a `#` comment in a schema written as tokens needs token positions (Rust 1.88 or later): \
                             use `inline = \"…\"` or a schema file"
                                .to_string(),
                        ));
                    }
                    self.write("#", punct.span());
                    self.in_comment = true;
                }
                TokenTree::Punct(punct) => self.write(&punct.as_char().to_string(), punct.span()),
                TokenTree::Ident(ident) => self.write(&ident.to_string(), ident.span()),
                TokenTree::Literal(literal) => self.write(&literal.to_string(), literal.span()),
            }
        }
    }

    /// Writes `token` at the position of `span`: on a later line, after line breaks; further
    /// right, after spaces; without a position or where the text is past it already, after one
    /// space (a line break inside a comment, which would swallow it).
    fn write(&mut self, token: &str, span: Span) {
        let at = (self.position)(span);
        match self.cursor {
            _ if at.line == 0 => {
                if self.in_comment {
                    self.newline();
                } else if !self.text.is_empty() {
                    self.text.push(' ');
                }
            }
            None => {
                self.cursor = Some((at.line, 0));
                self.pad(at.column);
            }
            Some((line, _)) if at.line != line => {
                // A line break even when the token is on an earlier line (a token from
                // elsewhere, through a macro): a comment must not run into it.
                let breaks = if at.line > line { at.line - line } else { 1 };
                for _ in 0..breaks {
                    self.text.push('\n');
                }
                self.in_comment = false;
                self.cursor = Some((at.line, 0));
                self.pad(at.column);
            }
            Some(_) => self.pad(at.column),
        }
        self.text.push_str(token);
        self.tokens.push(Written { end: self.text.len(), span });
        if let Some((line, column)) = &mut self.cursor {
            for c in token.chars() {
                if c == '\n' {
                    *line += 1;
                    *column = 0;
                } else {
                    *column += 1;
                }
            }
        }
        if token.contains('\n') {
            self.in_comment = false;
        }
    }

    /// Spaces up to `column` of the current line, or one space where the text is past it.
    fn pad(&mut self, column: usize) {
        let Some((_, current)) = &mut self.cursor else { return };
        if column > *current {
            self.text.extend(std::iter::repeat_n(' ', column - *current));
            *current = column;
        } else if column < *current {
            self.text.push(' ');
            *current += 1;
        }
    }

    fn newline(&mut self) {
        self.text.push('\n');
        self.in_comment = false;
        if let Some((line, column)) = &mut self.cursor {
            *line += 1;
            *column = 0;
        }
    }
}

/// Whether `hash` (with the bracket group after it, and a `!` between for an inner one) is what
/// Rust made of a `///` or `//!` comment rather than a `#` written in the schema: both tokens
/// then stand for the comment, and its text does not start with `#`.
fn is_rust_doc_comment(hash: &proc_macro2::Punct, next: Option<TokenTree>) -> bool {
    let Some(TokenTree::Group(group)) = next else { return false };
    if group.delimiter() != Delimiter::Bracket {
        return false;
    }
    let mut inside = group.stream().into_iter();
    let is_doc_attribute = matches!(inside.next(), Some(TokenTree::Ident(i)) if i == "doc")
        && matches!(inside.next(), Some(TokenTree::Punct(p)) if p.as_char() == '=')
        && matches!(inside.next(), Some(TokenTree::Literal(_)))
        && inside.next().is_none();
    if !is_doc_attribute {
        return false;
    }
    match hash.span().source_text() {
        Some(text) => !text.starts_with('#'),
        None => {
            let (a, b) = (hash.span().start(), group.span().start());
            a.line != 0 && (a.line, a.column) == (b.line, b.column)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(source: &str) -> TokenSchema {
        TokenSchema::new(source.parse().expect("Rust tokens")).expect("a schema")
    }

    #[test]
    fn tokens_keep_their_lines_and_columns() {
        let source = "@0xe1b2c3d4e5f60718;\n\
                      struct Point {  # A point.\n\
                      \x20 # On the plane.\n\
                      \x20 x @0 :Int64 = -5;  // a Rust comment\n\
                      \x20 names @1 :List(Text) = [\"a\", \"b\\n\"];\n\
                      \x20 $foo.bar(x = 1);\n\
                      }\n";
        let schema = layout(source);
        assert_eq!(
            schema.text,
            "@0xe1b2c3d4e5f60718;\n\
             struct Point {  # A point.\n\
             \x20 # On the plane.\n\
             \x20 x @0 :Int64 = -5;\n\
             \x20 names @1 :List(Text) = [\"a\", \"b\\n\"];\n\
             \x20 $foo.bar(x = 1);\n\
             }"
        );
    }

    #[test]
    fn the_first_line_is_the_first_tokens_line() {
        let schema = layout("\n\n    @0xe1b2c3d4e5f60718;\n    struct A {}");
        assert_eq!(schema.text, "    @0xe1b2c3d4e5f60718;\n    struct A {}");
    }

    #[test]
    fn offsets_map_to_the_token_there_or_the_next_one() {
        let source = "@0x1;\nstruct A { x @0 :Nope; }";
        let tokens: TokenStream = source.parse().unwrap();
        let schema = TokenSchema::new(tokens).unwrap();
        let at = |needle: &str| schema.text.find(needle).unwrap();
        let text_of = |span: Span| span.source_text().unwrap();
        assert_eq!(text_of(schema.span_at(at("Nope")).unwrap()), "Nope");
        assert_eq!(text_of(schema.span_at(at("Nope") + 2).unwrap()), "Nope");
        assert_eq!(text_of(schema.span_at(at(" x")).unwrap()), "x");
        assert_eq!(text_of(schema.span_at(schema.text.len() + 10).unwrap()), "}");
        assert_eq!(text_of(schema.span_at(0).unwrap()), "@");
    }

    #[test]
    fn rust_doc_comments_are_refused() {
        for source in ["@0x1;\n/// The point.\nstruct A {}", "//! Inner.\n@0x1;", "@0x1; /** Block. */ struct A {}"] {
            let errors = TokenSchema::new(source.parse().unwrap()).unwrap_err();
            assert_eq!(errors.len(), 1, "{source}");
            assert!(errors[0].1.starts_with("a Rust doc comment"), "{source}");
        }
        let schema = layout("@0x1; # [doc = \"x\"]\nstruct A {}");
        assert_eq!(schema.text, "@0x1; # [doc = \"x\"]\nstruct A {}");
    }

    #[test]
    fn tokens_without_positions_are_written_in_a_row() {
        let unknown = |_| LineColumn { line: 0, column: 0 };
        let tokens: TokenStream = "@0x1;\nstruct A {\n  x @0 :Int8;\n}".parse().unwrap();
        let schema = TokenSchema::with_positions(tokens, unknown).unwrap();
        assert_eq!(schema.text, "@ 0x1 ; struct A { x @ 0 : Int8 ; }");
        let tokens: TokenStream = "@0x1;\nstruct A {} # A.\n".parse().unwrap();
        let errors = TokenSchema::with_positions(tokens, unknown).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].1.contains("needs token positions"), "{:?}", errors[0].1);
    }

    #[test]
    fn multi_line_literals_move_the_cursor() {
        let schema = layout("const a :Text = \"one\ntwo\"; const b :Text = \"\";\nconst c :Int8 = 1;");
        assert_eq!(schema.text, "const a :Text = \"one\ntwo\"; const b :Text = \"\";\nconst c :Int8 = 1;");
    }
}
