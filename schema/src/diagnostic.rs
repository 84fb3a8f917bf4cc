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

    /// The error as the official compiler prints it: [`FileDiagnostic`]'s form.
    pub fn render(&self, file_name: &str, source: &str) -> String {
        FileDiagnostic::new(file_name, source, self).to_string()
    }
}

/// A 1-based line and column (in bytes) in a file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column, in bytes from 1.
    pub column: usize,
}

/// An error located in a named file, as a compilation reports it: the file, the byte range
/// with its lines and columns, and the message. Its `Display` is the official compiler's form:
/// `file:line:col-col: error: message` for a range on one line, `file:line:col: error: …` for
/// an empty one, `file:line: error: …` for one over several lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDiagnostic {
    /// The file, named as the compiler names it (`dir/x.capnp`).
    pub file: String,
    /// The byte range in the file's text.
    pub span: Span,
    /// Where the range starts.
    pub start: LineCol,
    /// Where it ends (one past its last byte).
    pub end: LineCol,
    /// What, in the official compiler's words where it has words for it.
    pub message: String,
}

/// A place in a named schema file: the byte range, with its lines and columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file, named as the compiler names it.
    pub file: String,
    /// The byte range in the file's text.
    pub span: Span,
    /// Where the range starts.
    pub start: LineCol,
    /// Where it ends (one past its last byte).
    pub end: LineCol,
}

impl Location {
    /// The range `span` of the file `file` whose text is `source`.
    pub fn new(file: &str, source: &str, span: Span) -> Location {
        Location::in_lines(file, &LineIndex::new(source), span)
    }

    /// The range `span` of the file `file` whose lines `lines` indexes (for many locations in
    /// one file: finding each one's line is then a binary search).
    pub fn in_lines(file: &str, lines: &LineIndex, span: Span) -> Location {
        Location { file: file.to_string(), span, start: lines.at(span.start), end: lines.at(span.end) }
    }
}

/// Where each line of a text starts, to find the line and column of an offset quickly.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// The offset of each line's first byte.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// The index of `source`'s lines.
    pub fn new(source: &str) -> LineIndex {
        let starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts, len: source.len() }
    }

    /// The 1-based line and column of `offset` (clamped to the text), as [`line_col`] gives.
    pub fn at(&self, offset: u32) -> LineCol {
        let offset = (offset as usize).min(self.len);
        let line = self.starts.partition_point(|&start| start <= offset);
        LineCol { line, column: offset - self.starts[line - 1] + 1 }
    }
}

impl FileDiagnostic {
    /// `diagnostic`, of the file `file` whose text is `source`, located.
    pub fn new(file: &str, source: &str, diagnostic: &Diagnostic) -> FileDiagnostic {
        FileDiagnostic::at(&Location::new(file, source, diagnostic.span), diagnostic.message.clone())
    }

    /// The error `message` at `location`.
    pub fn at(location: &Location, message: impl Into<String>) -> FileDiagnostic {
        let Location { file, span, start, end } = location.clone();
        FileDiagnostic { file, span, start, end, message: message.into() }
    }

    /// The position as the official compiler prints it: `line:col-col`, `line:col` or `line`.
    pub fn position(&self) -> String {
        let LineCol { line, column } = self.start;
        if self.end.line != line {
            format!("{line}")
        } else if self.end.column > column {
            format!("{line}:{column}-{}", self.end.column)
        } else {
            format!("{line}:{column}")
        }
    }
}

impl fmt::Display for FileDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: error: {}", self.file, self.position(), self.message)
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
    fn located_errors_keep_file_range_lines_and_message() {
        let source = "struct Bar {\n  a @0 :Nope;\n}\n";
        let d = Diagnostic::new(Span::new(21, 25), "Not defined: Nope");
        let located = FileDiagnostic::new("dir/x.capnp", source, &d);
        assert_eq!(located.file, "dir/x.capnp");
        assert_eq!(located.span, Span::new(21, 25));
        assert_eq!(located.start, LineCol { line: 2, column: 9 });
        assert_eq!(located.end, LineCol { line: 2, column: 13 });
        assert_eq!(located.message, "Not defined: Nope");
        assert_eq!(located.position(), "2:9-13");
    }

    #[test]
    fn the_line_index_agrees_with_line_col() {
        let text = "ab\n\ncd\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            let (line, column) = line_col(text, offset);
            assert_eq!(index.at(offset as u32), LineCol { line, column }, "offset {offset}");
        }
        assert_eq!(LineIndex::new("").at(0), LineCol { line: 1, column: 1 });
    }
}
