//! The second stage of parsing: statements of tokens into declarations.
//!
//! Each statement is parsed by trying the declaration forms allowed at its level, in the
//! official compiler's order, with backtracking. A statement that matches none is a
//! "Parse error." at the farthest token any form reached; the other statements are still
//! parsed, so every error of a file is reported.

use crate::ast::*;
use crate::diagnostic::{Diagnostics, Span};
use crate::lexer::{Statement, Token, TokenKind};

/// Parses the statements of a file into the file's declaration.
pub fn parse_file(statements: &[Statement], errors: &mut Diagnostics) -> Declaration {
    let mut file = Declaration {
        name: Located { value: String::new(), span: Span::default() },
        id: DeclId::Unspecified,
        parameters: Vec::new(),
        nested: Vec::new(),
        annotations: Vec::new(),
        doc: None,
        span: Span::default(),
        kind: DeclKind::File,
    };
    for statement in statements {
        match parse_statement(statement, Level::File, errors) {
            Some(Parsed::Decl(decl)) => file.nested.push(decl),
            Some(Parsed::NakedId(id)) => {
                if matches!(file.id, DeclId::Uid(_)) {
                    errors.error(statement.span, "File can only have one ID.");
                } else {
                    file.id = DeclId::Uid(id);
                    file.doc = statement.doc.clone();
                }
            }
            Some(Parsed::NakedAnnotation(annotation)) => file.annotations.push(annotation),
            None => {}
        }
    }
    file
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    File,
    Struct,
    Enum,
    Interface,
}

enum Parsed {
    Decl(Declaration),
    NakedId(Located<u64>),
    NakedAnnotation(AnnotationApplication),
}

/// What a declaration form expects after its tokens: `;`, or a block of members of a level.
enum Ending {
    Line,
    Block(Level),
}

/// A parser of one declaration form.
type DeclForm = fn(&mut Cursor<'_, '_>) -> Option<(Parsed, Ending)>;

fn parse_statement(statement: &Statement, level: Level, errors: &mut Diagnostics) -> Option<Parsed> {
    let mut cursor = Cursor { tokens: &statement.tokens, pos: 0, best: 0, errors };
    let forms: &[DeclForm] = match level {
        Level::File => &[
            using_decl,
            const_decl,
            annotation_decl,
            enum_decl,
            struct_decl,
            interface_decl,
            naked_id,
            naked_annotation,
        ],
        Level::Struct => &[
            union_decl,
            field_decl,
            group_decl,
            using_decl,
            const_decl,
            annotation_decl,
            enum_decl,
            struct_decl,
            interface_decl,
        ],
        Level::Enum => &[enumerant_decl],
        Level::Interface => {
            &[method_decl, using_decl, const_decl, annotation_decl, enum_decl, struct_decl, interface_decl]
        }
    };
    let mut found = None;
    for form in forms {
        cursor.pos = 0;
        if let Some(result) = form(&mut cursor) {
            if cursor.pos == cursor.tokens.len() {
                found = Some(result);
                break;
            }
            cursor.note_failure();
        }
    }
    let Some((mut parsed, ending)) = found else {
        let at = match cursor.tokens.get(cursor.best) {
            Some(token) => token.span.start,
            None => cursor.tokens.last().map_or(statement.span.start, |t| t.span.end),
        };
        errors.error(Span { start: at, end: at }, "Parse error.");
        return None;
    };
    if let Parsed::Decl(decl) = &mut parsed {
        decl.doc = statement.doc.clone();
        decl.span = statement.span;
        match (&statement.block, ending) {
            (None, Ending::Line) => {}
            (None, Ending::Block(_)) => {
                errors.error(statement.span, "This statement should end with a block, not a semicolon.")
            }
            (Some(_), Ending::Line) => {
                errors.error(statement.span, "This statement should end with a semicolon, not a block.")
            }
            (Some(block), Ending::Block(member_level)) => {
                for member in block {
                    if let Some(Parsed::Decl(m)) = parse_statement(member, member_level, errors) {
                        decl.nested.push(m);
                    }
                }
            }
        }
    }
    Some(parsed)
}

struct Cursor<'t, 'e> {
    tokens: &'t [Token],
    pos: usize,
    /// The farthest position where a form failed: where a parse error is reported.
    best: usize,
    errors: &'e mut Diagnostics,
}

impl<'t> Cursor<'t, '_> {
    /// Records a failure at the current token. Like the official parser, which reads a token
    /// before it rejects it, the farthest point counts the rejected token as read: an error
    /// is reported at the token after it (or at the end of the last token).
    fn note_failure(&mut self) {
        let reached = if self.pos < self.tokens.len() { self.pos + 1 } else { self.pos };
        self.best = self.best.max(reached);
    }

    fn fail<T>(&mut self) -> Option<T> {
        self.note_failure();
        None
    }

    fn peek(&self) -> Option<&'t Token> {
        self.tokens.get(self.pos)
    }

    fn next_if<T>(&mut self, f: impl FnOnce(&'t Token) -> Option<T>) -> Option<T> {
        match self.peek().and_then(f) {
            Some(value) => {
                self.pos += 1;
                Some(value)
            }
            None => self.fail(),
        }
    }

    fn keyword(&mut self, keyword: &str) -> Option<Span> {
        self.next_if(|t| matches!(&t.kind, TokenKind::Ident(name) if name == keyword).then_some(t.span))
    }

    fn op(&mut self, op: &str) -> Option<Span> {
        self.next_if(|t| matches!(&t.kind, TokenKind::Op(o) if o == op).then_some(t.span))
    }

    fn ident(&mut self) -> Option<Located<String>> {
        self.next_if(|t| match &t.kind {
            TokenKind::Ident(name) => Some(Located { value: name.clone(), span: t.span }),
            _ => None,
        })
    }

    fn integer(&mut self) -> Option<Located<u64>> {
        self.next_if(|t| match t.kind {
            TokenKind::Int(v) => Some(Located { value: v, span: t.span }),
            _ => None,
        })
    }

    fn at_end(&self) -> bool {
        self.pos == self.tokens.len()
    }

    /// Runs `f`, restoring the position if it fails.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.pos;
        let result = f(self);
        if result.is_none() {
            self.pos = start;
        }
        result
    }

    fn many<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Vec<T> {
        let mut out = Vec::new();
        while let Some(item) = self.attempt(&mut f) {
            out.push(item);
        }
        out
    }

    /// Parses each comma-separated item of a parenthesized or bracketed token list with `f`.
    /// An item that does not parse is reported on its own and yields `None`.
    fn items<T>(
        &mut self,
        items: &'t [Vec<Token>],
        mut f: impl FnMut(&mut Cursor<'t, '_>) -> Option<T>,
    ) -> Vec<Option<T>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let mut sub = Cursor { tokens: item, pos: 0, best: 0, errors: &mut *self.errors };
            let parsed = f(&mut sub).filter(|_| sub.at_end());
            if parsed.is_none() {
                sub.note_failure();
                let at = match item.get(sub.best) {
                    Some(token) => token.span.start,
                    None => item.last().map_or(0, |t| t.span.end),
                };
                sub.errors.error(Span { start: at, end: at }, "Parse error.");
            }
            out.push(parsed);
        }
        out
    }

    fn paren(&mut self) -> Option<(&'t [Vec<Token>], Span)> {
        self.next_if(|t| match &t.kind {
            TokenKind::Paren(items) => Some((&items[..], t.span)),
            _ => None,
        })
    }

    fn bracket(&mut self) -> Option<(&'t [Vec<Token>], Span)> {
        self.next_if(|t| match &t.kind {
            TokenKind::Bracket(items) => Some((&items[..], t.span)),
            _ => None,
        })
    }

    fn uid(&mut self) -> Option<Located<u64>> {
        let value = self.attempt(|c| {
            c.op("@")?;
            c.integer()
        })?;
        if value.value < 1 << 63 {
            self.errors.error(value.span, "Invalid ID.  Please generate a new one with 'capnpc -i'.");
        }
        Some(value)
    }

    fn ordinal(&mut self) -> Option<Located<u64>> {
        let value = self.attempt(|c| {
            c.op("@")?;
            c.integer()
        })?;
        if value.value >= 65536 {
            self.errors.error(value.span, "Ordinals cannot be greater than 65535.");
        }
        Some(value)
    }

    fn annotations(&mut self) -> Vec<AnnotationApplication> {
        self.many(annotation)
    }

    fn expression(&mut self) -> Option<Expr> {
        let mut base = self.attempt(base_expression)?;
        loop {
            let suffix = self.attempt(|c| {
                let dot = c.op(".")?;
                let name = c.ident()?;
                Some((dot, Ok(name)))
            });
            let suffix = match suffix {
                Some(s) => Some(s),
                None => self.attempt(|c| {
                    let (items, span) = c.paren()?;
                    Some((span, Err(c.tuple_elements(items))))
                }),
            };
            let Some((span, suffix)) = suffix else { break };
            let whole = Span { start: base.span.start, end: span.end.max(base.span.end) };
            base = match suffix {
                Ok(name) => Expr {
                    span: Span { start: base.span.start, end: name.span.end },
                    kind: ExprKind::Member { parent: Box::new(base), name },
                },
                Err(params) => Expr { span: whole, kind: ExprKind::Application { function: Box::new(base), params } },
            };
        }
        Some(base)
    }

    fn tuple_elements(&mut self, items: &'t [Vec<Token>]) -> Vec<TupleElement> {
        self.items(items, |c| {
            let name = c.attempt(|c| {
                let name = c.ident()?;
                c.op("=")?;
                Some(name)
            });
            let value = c.expression()?;
            Some(TupleElement { name, value })
        })
        .into_iter()
        .zip(items)
        .map(|(element, item)| {
            element.unwrap_or_else(|| TupleElement {
                name: None,
                value: Expr { kind: ExprKind::Unknown, span: item_span(item) },
            })
        })
        .collect()
    }
}

fn item_span(item: &[Token]) -> Span {
    match (item.first(), item.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => Span::default(),
    }
}

fn base_expression(c: &mut Cursor<'_, '_>) -> Option<Expr> {
    let token = c.peek().or_else(|| c.fail())?;
    let span = token.span;
    let simple = |kind| Some(Expr { kind, span });
    match &token.kind {
        TokenKind::Int(v) => {
            c.pos += 1;
            simple(ExprKind::PositiveInt(*v))
        }
        TokenKind::Float(v) => {
            c.pos += 1;
            simple(ExprKind::Float(*v))
        }
        TokenKind::Binary(bytes) => {
            c.pos += 1;
            simple(ExprKind::Binary(bytes.clone()))
        }
        TokenKind::Str(_) => {
            let mut text = Vec::new();
            let mut end = span.end;
            while let Some(Token { kind: TokenKind::Str(part), span }) = c.peek() {
                text.extend_from_slice(part);
                end = span.end;
                c.pos += 1;
            }
            Some(Expr { kind: ExprKind::String(text), span: Span { start: span.start, end } })
        }
        TokenKind::Op(op) if op == "-" => {
            c.pos += 1;
            let next = c.peek().or_else(|| c.fail())?;
            let whole = span.to(next.span);
            let kind = match &next.kind {
                TokenKind::Int(v) => ExprKind::NegativeInt(*v),
                TokenKind::Float(v) => ExprKind::Float(-v),
                TokenKind::Ident(name) if name == "inf" => ExprKind::Float(f64::NEG_INFINITY),
                _ => return c.fail(),
            };
            c.pos += 1;
            Some(Expr { kind, span: whole })
        }
        TokenKind::Op(op) if op == "." => {
            c.pos += 1;
            let name = c.ident()?;
            Some(Expr { span: span.to(name.span), kind: ExprKind::AbsoluteName(name) })
        }
        TokenKind::Bracket(items) => {
            c.pos += 1;
            let values = c
                .items(items, |c| c.expression())
                .into_iter()
                .zip(items.iter())
                .map(|(v, item)| v.unwrap_or(Expr { kind: ExprKind::Unknown, span: item_span(item) }))
                .collect();
            simple(ExprKind::List(values))
        }
        TokenKind::Paren(items) => {
            c.pos += 1;
            let mut elements = c.tuple_elements(items);
            if elements.len() == 1 && elements[0].name.is_none() {
                return elements.pop().map(|e| e.value);
            }
            simple(ExprKind::Tuple(elements))
        }
        TokenKind::Ident(name) if name == "import" || name == "embed" => {
            let is_import = name == "import";
            c.pos += 1;
            let file = c.next_if(|t| match &t.kind {
                TokenKind::Str(s) => Some(Located { value: String::from_utf8_lossy(s).into_owned(), span: t.span }),
                _ => None,
            })?;
            let whole = span.to(file.span);
            let kind = if is_import { ExprKind::Import(file) } else { ExprKind::Embed(file) };
            Some(Expr { kind, span: whole })
        }
        TokenKind::Ident(name) => {
            c.pos += 1;
            simple(ExprKind::RelativeName(Located { value: name.clone(), span }))
        }
        _ => c.fail(),
    }
}

fn annotation(c: &mut Cursor<'_, '_>) -> Option<AnnotationApplication> {
    let dollar = c.op("$")?;
    let expression = c.expression()?;
    let span = dollar.to(expression.span);
    Some(match expression.kind {
        ExprKind::Application { function, mut params } => {
            let value = if params.len() == 1 && params[0].name.is_none() {
                params.pop().map(|p| p.value)
            } else {
                let tuple_span = match (params.first(), params.last()) {
                    (Some(a), Some(b)) => a.value.span.to(b.value.span),
                    _ => function.span,
                };
                Some(Expr { kind: ExprKind::Tuple(params), span: tuple_span })
            };
            AnnotationApplication { name: *function, value, span }
        }
        _ => AnnotationApplication { name: expression, value: None, span },
    })
}

fn declaration(name: Located<String>, id: DeclId, kind: DeclKind) -> Declaration {
    Declaration {
        name,
        id,
        parameters: Vec::new(),
        nested: Vec::new(),
        annotations: Vec::new(),
        doc: None,
        span: Span::default(),
        kind,
    }
}

fn uid_or_unspecified(id: Option<Located<u64>>) -> DeclId {
    id.map_or(DeclId::Unspecified, DeclId::Uid)
}

fn generic_parameters(c: &mut Cursor<'_, '_>) -> Vec<Located<String>> {
    match c.attempt(Cursor::paren) {
        Some((items, _)) => c.items(items, |c| c.ident()).into_iter().flatten().collect(),
        None => Vec::new(),
    }
}

fn using_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let keyword = c.keyword("using")?;
    let name = c.attempt(|c| {
        let name = c.ident()?;
        c.op("=")?;
        Some(name)
    });
    let target = c.expression()?;
    let name = match name {
        Some(name) => name,
        None => match &target.kind {
            ExprKind::Member { name, .. } => name.clone(),
            _ => {
                c.errors.error(
                    target.span,
                    "'using' declaration without '=' must specify a named declaration from a different scope.",
                );
                Located { value: String::new(), span: keyword }
            }
        },
    };
    Some((Parsed::Decl(declaration(name, DeclId::Unspecified, DeclKind::Using { target })), Ending::Line))
}

fn const_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    c.keyword("const")?;
    let name = c.ident()?;
    let id = c.uid();
    c.op(":")?;
    let ty = c.expression()?;
    c.op("=")?;
    let value = c.expression()?;
    let mut decl = declaration(name, uid_or_unspecified(id), DeclKind::Const { ty, value });
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Line))
}

fn enum_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    c.keyword("enum")?;
    let name = c.ident()?;
    let id = c.uid();
    let mut decl = declaration(name, uid_or_unspecified(id), DeclKind::Enum);
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Block(Level::Enum)))
}

fn enumerant_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let name = c.ident()?;
    let ordinal = c.ordinal()?;
    let mut decl = declaration(name, DeclId::Ordinal(ordinal), DeclKind::Enumerant);
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Line))
}

fn struct_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    c.keyword("struct")?;
    let name = c.ident()?;
    let id = c.uid();
    let parameters = generic_parameters(c);
    let mut decl = declaration(name, uid_or_unspecified(id), DeclKind::Struct);
    decl.parameters = parameters;
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Block(Level::Struct)))
}

fn field_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let name = c.ident()?;
    let ordinal = c.ordinal()?;
    c.op(":")?;
    let ty = c.expression()?;
    let default = c.attempt(|c| {
        c.op("=")?;
        c.expression()
    });
    let mut decl = declaration(name, DeclId::Ordinal(ordinal), DeclKind::Field { ty, default });
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Line))
}

fn union_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    if let Some(span) = c.attempt(|c| {
        let span = c.keyword("union")?;
        c.at_end().then_some(span)
    }) {
        let name = Located { value: String::new(), span };
        return Some((
            Parsed::Decl(declaration(name, DeclId::Unspecified, DeclKind::Union)),
            Ending::Block(Level::Struct),
        ));
    }
    let name = c.ident()?;
    let (ordinal, missing_exclamation, missing_colon) = match c.attempt(Cursor::ordinal) {
        Some(ordinal) => {
            let exclamation = c.attempt(|c| c.op("!")).is_some();
            let colon = c.attempt(|c| c.op(":")).is_some();
            (Some(ordinal), !exclamation, !colon)
        }
        None => {
            c.op(":")?;
            (None, false, false)
        }
    };
    c.keyword("union")?;
    let annotations = c.annotations();
    if let Some(ordinal) = &ordinal {
        if missing_exclamation {
            c.errors.error(
                ordinal.span,
                "As of Cap'n Proto v0.3, it is no longer necessary to assign numbers to unions. However, removing \
                 the number will break binary compatibility. If this is an old protocol and you need to retain \
                 compatibility, please add an exclamation point after the number to indicate that it is really \
                 needed, e.g. `foo @1! :union {`. If this is a new protocol or compatibility doesn't matter, just \
                 remove the @n entirely. Sorry for the inconvenience, and thanks for being an early adopter!  :)",
            );
        }
        if missing_colon {
            c.errors.error(
                ordinal.span,
                "As of Cap'n Proto v0.3, the 'union' keyword should be prefixed with a colon for named unions, e.g. \
                 `foo :union {`.",
            );
        }
    }
    let mut decl = declaration(name, ordinal.map_or(DeclId::Unspecified, DeclId::Ordinal), DeclKind::Union);
    decl.annotations = annotations;
    Some((Parsed::Decl(decl), Ending::Block(Level::Struct)))
}

fn group_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let name = c.ident()?;
    c.op(":")?;
    c.keyword("group")?;
    let mut decl = declaration(name, DeclId::Unspecified, DeclKind::Group);
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Block(Level::Struct)))
}

fn interface_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    c.keyword("interface")?;
    let name = c.ident()?;
    let id = c.uid();
    let parameters = generic_parameters(c);
    let superclasses = match c.attempt(|c| {
        c.keyword("extends")?;
        c.paren()
    }) {
        Some((items, _)) => c.items(items, |c| c.expression()).into_iter().flatten().collect(),
        None => Vec::new(),
    };
    let mut decl = declaration(name, uid_or_unspecified(id), DeclKind::Interface { superclasses });
    decl.parameters = parameters;
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Block(Level::Interface)))
}

fn param(c: &mut Cursor<'_, '_>) -> Option<Param> {
    let name = c.ident()?;
    c.op(":")?;
    let ty = c.expression()?;
    let default = c.attempt(|c| {
        c.op("=")?;
        c.expression()
    });
    let annotations = c.annotations();
    let end = annotations.last().map(|a| a.span).or(default.as_ref().map(|d| d.span)).unwrap_or(ty.span);
    Some(Param { span: name.span.to(end), name, ty, default, annotations })
}

fn param_list(c: &mut Cursor<'_, '_>) -> Option<ParamList> {
    if let Some((items, span)) = c.attempt(Cursor::paren) {
        let params = c.items(items, param).into_iter().flatten().collect();
        return Some(ParamList { kind: ParamListKind::Named(params), span });
    }
    if let Some(span) = c.attempt(|c| c.keyword("stream")) {
        return Some(ParamList { kind: ParamListKind::Stream, span });
    }
    let ty = c.expression()?;
    Some(ParamList { span: ty.span, kind: ParamListKind::Type(ty) })
}

fn method_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let name = c.ident()?;
    let ordinal = c.ordinal()?;
    let parameters = match c.attempt(Cursor::bracket) {
        Some((items, _)) => c.items(items, |c| c.ident()).into_iter().flatten().collect(),
        None => Vec::new(),
    };
    let params = param_list(c)?;
    let results = c.attempt(|c| {
        c.op("->")?;
        param_list(c)
    });
    let mut decl = declaration(name, DeclId::Ordinal(ordinal), DeclKind::Method { params, results });
    decl.parameters = parameters;
    decl.annotations = c.annotations();
    Some((Parsed::Decl(decl), Ending::Line))
}

fn annotation_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    c.keyword("annotation")?;
    let name = c.ident()?;
    let id = c.uid();
    let (items, _) = c.paren()?;
    let targets_parsed = c.items(items, |c| {
        c.attempt(Cursor::ident).or_else(|| c.op("*").map(|span| Located { value: "*".into(), span }))
    });
    c.op(":")?;
    let ty = c.expression()?;
    let annotations = c.annotations();
    let mut targets = Targets::default();
    let count = targets_parsed.len();
    for target in targets_parsed.into_iter().flatten() {
        if target.value == "*" {
            if count > 1 {
                c.errors.error(target.span, "Wildcard should not be specified together with other targets.");
            }
            targets.0 = (1 << Targets::NAMES.len()) - 1;
        } else if let Some(i) = Targets::NAMES.iter().position(|n| *n == target.value) {
            if targets.0 & (1 << i) != 0 {
                c.errors.error(target.span, "Duplicate target specification.");
            }
            targets.0 |= 1 << i;
        } else {
            c.errors.error(target.span, "Not a valid annotation target.");
        }
    }
    let mut decl = declaration(name, uid_or_unspecified(id), DeclKind::Annotation { ty, targets });
    decl.annotations = annotations;
    Some((Parsed::Decl(decl), Ending::Line))
}

fn naked_id(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let id = c.uid()?;
    Some((Parsed::NakedId(id), Ending::Line))
}

fn naked_annotation(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    let annotation = annotation(c)?;
    Some((Parsed::NakedAnnotation(annotation), Ending::Line))
}

/// Lexes and parses a whole file.
pub fn parse(source: &str, errors: &mut Diagnostics) -> Declaration {
    let statements = crate::lexer::lex(source, errors);
    parse_file(&statements, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(source: &str) -> Declaration {
        let mut errors = Diagnostics::default();
        let file = parse(source, &mut errors);
        assert!(errors.is_empty(), "{:?}", errors.0.iter().map(|d| d.render("t.capnp", source)).collect::<Vec<_>>());
        file
    }

    fn names(decl: &Declaration) -> Vec<&str> {
        decl.nested.iter().map(|d| d.name.value.as_str()).collect()
    }

    #[test]
    fn every_declaration_form() {
        let src = r#"
@0xe87e2b1e3b3f4e5a;  # the file
$Foo.ann("file");
using Bar = import "bar.capnp";
using import "baz.capnp".Qux;
const pi @0xb1b2b3b4b5b6b7b8 :Float64 = 2.5 $tag;
annotation tag(struct, field) :Void;
annotation any(*) :Text;
enum Color { red @0; green @1 $tag; }
struct Point(T) $tag {
  x @0 :Int64 = -7;
  y @1 :List(T) = [];
  union {
    a @2 :Void;
    b @3 :Text = "hi";
  }
  named :union { c @4 :Data = 0x"00ff"; d @5 :Float32 = -inf; }
  g :group { e @6 :Point(Text).Inner = (x = 1, y = [2, 3]); }
  old @7! :union { f @8 :Bool; h @9 :Bool; }
  struct Inner {}
}
interface Calc(V) extends(Base, Other(Text)) {
  add @0 (a :Int32, b :Int32 = 1 $tag) -> (sum :Int32);
  push @1 [W] Point(W) -> stream;
  get @2 () -> Point(V);
}
"#;
        let file = parse_ok(src);
        assert!(matches!(file.id, DeclId::Uid(Located { value: 0xe87e2b1e3b3f4e5a, .. })));
        assert_eq!(file.doc.as_deref(), Some("the file\n"));
        assert_eq!(file.annotations.len(), 1);
        assert_eq!(names(&file), ["Bar", "Qux", "pi", "tag", "any", "Color", "Point", "Calc"]);
        let pi = &file.nested[2];
        assert!(matches!(pi.kind, DeclKind::Const { value: Expr { kind: ExprKind::Float(v), .. }, .. } if v == 2.5));
        match &file.nested[3].kind {
            DeclKind::Annotation { targets, .. } => {
                assert!(targets.has("struct") && targets.has("field") && !targets.has("file"))
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&file.nested[4].kind, DeclKind::Annotation { targets, .. } if targets.0 == 0xfff));
        let point = &file.nested[6];
        assert_eq!(point.parameters[0].value, "T");
        assert_eq!(names(point), ["x", "y", "", "named", "g", "old", "Inner"]);
        assert!(matches!(
            &point.nested[0].kind,
            DeclKind::Field { default: Some(Expr { kind: ExprKind::NegativeInt(7), .. }), .. }
        ));
        assert_eq!(names(&point.nested[2]), ["a", "b"]);
        match &point.nested[3].nested[1].kind {
            DeclKind::Field { default: Some(Expr { kind: ExprKind::Float(v), .. }), .. } => {
                assert_eq!(*v, f64::NEG_INFINITY)
            }
            other => panic!("{other:?}"),
        }
        match &point.nested[4].nested[0].kind {
            DeclKind::Field { ty, default: Some(Expr { kind: ExprKind::Tuple(elements), .. }) } => {
                assert!(matches!(&ty.kind, ExprKind::Member { name, .. } if name.value == "Inner"));
                assert_eq!(elements.len(), 2);
                assert_eq!(elements[0].name.as_ref().unwrap().value, "x");
                assert!(matches!(&elements[1].value.kind, ExprKind::List(v) if v.len() == 2));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(point.nested[5].id, DeclId::Ordinal(Located { value: 7, .. })));
        let calc = &file.nested[7];
        assert!(matches!(&calc.kind, DeclKind::Interface { superclasses } if superclasses.len() == 2));
        match &calc.nested[0].kind {
            DeclKind::Method { params: ParamList { kind: ParamListKind::Named(params), .. }, results: Some(_) } => {
                assert_eq!(params.len(), 2);
                assert!(params[1].default.is_some());
                assert_eq!(params[1].annotations.len(), 1);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(calc.nested[1].parameters[0].value, "W");
        assert!(matches!(
            &calc.nested[1].kind,
            DeclKind::Method { results: Some(ParamList { kind: ParamListKind::Stream, .. }), .. }
        ));
        assert!(matches!(
            &calc.nested[2].kind,
            DeclKind::Method { params: ParamList { kind: ParamListKind::Named(p), .. }, results: Some(ParamList { kind: ParamListKind::Type(_), .. }) } if p.is_empty()
        ));
    }

    #[test]
    fn errors_match_the_official_compiler() {
        // The expected lines are what `capnp compile` 0.9.2 prints for this file (before the
        // checks of later stages).
        let src = "@0xd6e5f1c2a3b4c5d7;\nstruct Foo {\n  x @0 :Int32 junk;\n  old @1 :union { a @2 :Void; }\n}\nstruct Bar;\nannotation a(bogus, *) :Void;\n@0x1234;\n";
        let mut errors = Diagnostics::default();
        parse(src, &mut errors);
        let rendered: Vec<String> = errors.0.iter().map(|d| d.render("bad.capnp", src)).collect();
        assert_eq!(
            rendered,
            [
                "bad.capnp:3:19: error: Parse error.",
                "bad.capnp:4:8-9: error: As of Cap'n Proto v0.3, it is no longer necessary to assign numbers to unions. However, removing the number will break binary compatibility. If this is an old protocol and you need to retain compatibility, please add an exclamation point after the number to indicate that it is really needed, e.g. `foo @1! :union {`. If this is a new protocol or compatibility doesn't matter, just remove the @n entirely. Sorry for the inconvenience, and thanks for being an early adopter!  :)",
                "bad.capnp:6:1-12: error: This statement should end with a block, not a semicolon.",
                "bad.capnp:7:14-19: error: Not a valid annotation target.",
                "bad.capnp:7:21-22: error: Wildcard should not be specified together with other targets.",
                "bad.capnp:8:2-8: error: Invalid ID.  Please generate a new one with 'capnpc -i'.",
                "bad.capnp:8:1-9: error: File can only have one ID.",
            ]
        );
    }
}
