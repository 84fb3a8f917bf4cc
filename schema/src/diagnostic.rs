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
}
