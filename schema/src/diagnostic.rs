//! Errors found in a schema, located by byte range and printed as the official compiler
//! prints them: `file:line:col-col: error: message`.

use std::fmt;

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The range `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The range covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// One error in a schema file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub span: Span,
    /// What, in the official compiler's words where it has words for it.
    pub message: String,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span, message: message.into() }
    }

    /// The error as the official compiler prints it, with 1-based line and columns: a range
    /// on one line as `line:col-col`, an empty one as `line:col`, one over several lines by its
    /// first line only.
    pub fn render(&self, file_name: &str, source: &str) -> String {
        let (line, col) = line_col(source, self.span.start as usize);
        let (end_line, end_col) = line_col(source, self.span.end as usize);
        if end_line != line {
            format!("{file_name}:{line}: error: {}", self.message)
        } else if end_col > col {
            format!("{file_name}:{line}:{col}-{end_col}: error: {}", self.message)
        } else {
            format!("{file_name}:{line}:{col}: error: {}", self.message)
        }
    }
}

/// The position and message of an error rendered by [`Diagnostic::render`], read back from its
/// text: for callers that get errors as text (as the compiler gives them) and need to point at
/// the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rendered<'a> {
    /// The 1-based line the error starts on.
    pub line: usize,
    /// The 1-based columns (in bytes) `start..end`, equal for an empty range; `None` for a
    /// range over several lines, which is rendered by its first line only.
    pub columns: Option<(usize, usize)>,
    /// The message, without the position and `error: `.
    pub message: &'a str,
}

impl<'a> Rendered<'a> {
    /// Reads `rendered` as an error of the file `file_name`; `None` when it is not one (an
    /// error of another file, or a message without a position).
    pub fn parse(rendered: &'a str, file_name: &str) -> Option<Rendered<'a>> {
        let rest = rendered.strip_prefix(file_name)?.strip_prefix(':')?;
        let (position, message) = rest.split_once(": error: ")?;
        let number = |s: &str| if s.bytes().all(|b| b.is_ascii_digit()) { s.parse::<usize>().ok() } else { None };
        let (line, columns) = match position.split_once(':') {
            None => (number(position)?, None),
            Some((line, columns)) => {
                let (start, end) = match columns.split_once('-') {
                    Some((start, end)) => (number(start)?, number(end)?),
                    None => (number(columns)?, number(columns)?),
                };
                (number(line)?, Some((start, end)))
            }
        };
        Some(Rendered { line, columns, message })
    }
}

/// 1-based line and column (in bytes) of `offset`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source.as_bytes()[..offset.min(source.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    (line, offset.min(source.len()) - line_start + 1)
}

/// The errors of one file, collected so that all of them are reported together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records an error. The same error may be recorded twice, as the official compiler reports
    /// it twice (an ordinal out of range, read by two forms of declaration the parser tries).
    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.0.push(Diagnostic::new(span, message));
    }

    /// Whether no error was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}: {}", self.span.start, self.span.end, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_the_official_compiler() {
        let source = "struct Bar {\n  a @0 :Nope;\n}\n";
        let start = source.find("Nope").unwrap();
        let d = Diagnostic::new(Span::new(start, start + 4), "Not defined: Nope");
        assert_eq!(d.render("x.capnp", source), "x.capnp:2:9-13: error: Not defined: Nope");
        let d = Diagnostic::new(Span::new(start, start), "Parse error.");
        assert_eq!(d.render("x.capnp", source), "x.capnp:2:9: error: Parse error.");
        let d = Diagnostic::new(Span::new(0, source.len()), "Union must have at least two members.");
        assert_eq!(d.render("x.capnp", source), "x.capnp:1: error: Union must have at least two members.");
    }

    #[test]
    fn rendered_errors_read_back() {
        let source = "struct Bar {\n  a @0 :Nope;\n}\n";
        let cases =
            [(Span::new(21, 25), Some((9, 13))), (Span::new(21, 21), Some((9, 9))), (Span::new(0, source.len()), None)];
        for (span, columns) in cases {
            let rendered = Diagnostic::new(span, "Oops: a message: with colons").render("dir/x.capnp", source);
            let parsed = Rendered::parse(&rendered, "dir/x.capnp").expect("an error of dir/x.capnp");
            let line = if columns.is_some() { 2 } else { 1 };
            assert_eq!(parsed, Rendered { line, columns, message: "Oops: a message: with colons" });
        }
        assert_eq!(Rendered::parse("other.capnp:2:9: error: x", "x.capnp"), None);
        assert_eq!(Rendered::parse("x.capnp: no such file", "x.capnp"), None);
        assert_eq!(Rendered::parse("x.capnp:A.b: capnzero does not generate it: error: x", "x.capnp"), None);
    }
}
