//! The second stage of parsing: statements of tokens into declarations.
//!
//! Each statement is parsed by trying the declaration forms allowed at its level, in the
//! official compiler's order: the first form that parses is the statement's, and it must take
//! all of its tokens. A statement that does not parse is a "Parse error." at the farthest token
//! any form reached; the other statements are still parsed, so every error of a file is
//! reported.

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
    let mut cursor =
        Cursor { tokens: &statement.tokens, pos: 0, best: 0, max_depth: MAX_EXPRESSION_DEPTH, too_deep: false, errors };
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
    // The first form that parses is the statement's (an ordered choice: the others are not
    // tried even if tokens are left over, which is then a parse error).
    let mut found = None;
    for form in forms {
        cursor.pos = 0;
        if let Some(result) = form(&mut cursor) {
            if cursor.pos == cursor.tokens.len() {
                found = Some(result);
            } else {
                // The end of the statement is checked without reading the token left over.
                cursor.best = cursor.best.max(cursor.pos);
            }
            break;
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
    }
    // Every form is checked against the statement's ending (a file ID or annotation too).
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
                if let (Some(Parsed::Decl(m)), Parsed::Decl(decl)) =
                    (parse_statement(member, member_level, errors), &mut parsed)
                {
                    decl.nested.push(m);
                }
            }
        }
    }
    Some(parsed)
}

/// How deep an expression in a schema file may nest: how many levels of expressions one may
/// hold (members, applications, lists and tuples each hold their parts one level down). The
/// compiler walks expressions recursively, so deeper ones are refused as they are parsed (a
/// parse error): parentheses and brackets alone cannot nest deeper (the lexer's limit), but
/// `.member` suffixes and applications add to them.
pub const MAX_EXPRESSION_DEPTH: usize = crate::lexer::MAX_NESTING;

/// How deep the expression [`parse_value`] reads may nest (counted as for
/// [`MAX_EXPRESSION_DEPTH`]). Its users walk chains of suffixes with loops, so this is larger:
/// as large as an expression may be and still be dropped (a recursion) on a 2 MiB stack.
pub const MAX_VALUE_DEPTH: usize = 12 * 1024;

struct Cursor<'t, 'e> {
    tokens: &'t [Token],
    pos: usize,
    /// The farthest position where a form failed: where a parse error is reported.
    best: usize,
    /// How deep an expression may nest ([`MAX_EXPRESSION_DEPTH`] or [`MAX_VALUE_DEPTH`]).
    max_depth: usize,
    /// Whether an expression nested deeper than `max_depth` (and was refused).
    too_deep: bool,
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

    /// Parses each comma-separated item of a parenthesized or bracketed token list (whose
    /// span is `list`) with `f`. An item that does not parse is reported on its own, as the
    /// official parser reports it (from where it failed to the item's end; an empty item over
    /// the whole list), and yields `None`.
    fn items<T: Discard>(
        &mut self,
        items: &'t [Vec<Token>],
        list: Span,
        mut f: impl FnMut(&mut Cursor<'t, '_>) -> Option<T>,
    ) -> Vec<Option<T>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let (max_depth, errors) = (self.max_depth, &mut *self.errors);
            let mut sub = Cursor { tokens: item, pos: 0, best: 0, max_depth, too_deep: false, errors };
            let parsed = match f(&mut sub) {
                Some(value) if sub.at_end() => Some(value),
                // The end of the item is checked without reading the token left over.
                Some(value) => {
                    sub.best = sub.best.max(sub.pos);
                    value.discard();
                    None
                }
                None => {
                    sub.note_failure();
                    None
                }
            };
            if parsed.is_none() {
                match (item.get(sub.best), item.first(), item.last()) {
                    (Some(failed), _, Some(last)) => {
                        sub.errors.error(Span { start: failed.span.start, end: last.span.end }, "Parse error.")
                    }
                    (None, Some(first), Some(last)) => sub.errors.error(first.span.to(last.span), "Parse error."),
                    _ => sub.errors.error(list, "Parse error: Empty list item."),
                }
            }
            self.too_deep |= sub.too_deep;
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
        self.measured_expression().map(|(expr, _)| expr)
    }

    /// An expression and its depth: how many levels of expressions nest below it (none below
    /// a name or a literal). One that would nest deeper than the cursor's `max_depth` fails (a
    /// parse error), with [`Cursor::too_deep`] set.
    fn measured_expression(&mut self) -> Option<(Expr, usize)> {
        let (mut base, mut depth) = self.attempt(base_expression)?;
        // At most `MAX_NESTING` suffixes make one chain: the rest is left over (a parse error).
        for _ in 0..crate::lexer::MAX_NESTING {
            let suffix = self.attempt(|c| {
                let dot = c.op(".")?;
                let name = c.ident()?;
                Some((dot, Ok(name)))
            });
            let suffix = match suffix {
                Some(s) => Some(s),
                None => self.attempt(|c| {
                    let (items, span) = c.paren()?;
                    Some((span, Err(c.tuple_elements(items, span))))
                }),
            };
            let Some((span, suffix)) = suffix else { break };
            // Each suffix holds the expression so far one level down.
            depth = match &suffix {
                Ok(_) => depth + 1,
                Err((_, params)) => 1 + depth.max(*params),
            };
            if depth > self.max_depth {
                self.too_deep = true;
                drop_flat(base);
                if let Err((params, _)) = suffix {
                    params.into_iter().for_each(|element| drop_flat(element.value));
                }
                return self.fail();
            }
            let whole = Span { start: base.span.start, end: span.end.max(base.span.end) };
            base = match suffix {
                Ok(name) => Expr {
                    span: Span { start: base.span.start, end: name.span.end },
                    kind: ExprKind::Member { parent: Box::new(base), name },
                },
                Err((params, _)) => {
                    Expr { span: whole, kind: ExprKind::Application { function: Box::new(base), params } }
                }
            };
        }
        Some((base, depth))
    }

    /// The elements of a parenthesized list, and the greatest depth of their values.
    fn tuple_elements(&mut self, items: &'t [Vec<Token>], list: Span) -> (Vec<TupleElement>, usize) {
        let parsed = self.items(items, list, |c| {
            let name = c.attempt(|c| {
                let name = c.ident()?;
                c.op("=")?;
                Some(name)
            });
            let (value, depth) = c.measured_expression()?;
            Some((TupleElement { name, value }, depth))
        });
        let depth = parsed.iter().flatten().map(|(_, depth)| *depth).max().unwrap_or(0);
        let elements = parsed
            .into_iter()
            .map(|element| match element {
                Some((element, _)) => element,
                // An element that did not parse has no location, as in the official parser.
                None => TupleElement { name: None, value: Expr { kind: ExprKind::Unknown, span: Span::default() } },
            })
            .collect();
        (elements, depth)
    }
}

// Items of a list that did not parse (reported already) stay in the list, empty, as in the
// official parser: a generic parameter with no name, an unknown expression, a parameter with
// no name and no type.

fn unnamed_if_failed(item: Option<Located<String>>) -> Located<String> {
    item.unwrap_or(Located { value: String::new(), span: Span::default() })
}

fn unknown_if_failed(item: Option<Expr>) -> Expr {
    item.unwrap_or(Expr { kind: ExprKind::Unknown, span: Span::default() })
}

fn empty_param_if_failed(item: Option<Param>) -> Param {
    item.unwrap_or_else(|| Param {
        name: unnamed_if_failed(None),
        ty: unknown_if_failed(None),
        default: None,
        annotations: Vec::new(),
        span: Span::default(),
    })
}

/// An expression without suffixes, and its depth (see [`Cursor::measured_expression`]).
fn base_expression(c: &mut Cursor<'_, '_>) -> Option<(Expr, usize)> {
    let token = c.peek().or_else(|| c.fail())?;
    let span = token.span;
    let simple = |kind| Some((Expr { kind, span }, 0));
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
            Some((Expr { kind: ExprKind::String(text), span: Span { start: span.start, end } }, 0))
        }
        TokenKind::Op(op) if op == "-" => {
            c.pos += 1;
            let next = c.peek().or_else(|| c.fail())?;
            // As the official parser locates them: a negative number at its digits, `-inf`
            // from the sign.
            let (kind, span) = match &next.kind {
                TokenKind::Int(v) => (ExprKind::NegativeInt(*v), next.span),
                TokenKind::Float(v) => (ExprKind::Float(-v), next.span),
                TokenKind::Ident(name) if name == "inf" => (ExprKind::Float(f64::NEG_INFINITY), span.to(next.span)),
                _ => return c.fail(),
            };
            c.pos += 1;
            Some((Expr { kind, span }, 0))
        }
        TokenKind::Op(op) if op == "." => {
            c.pos += 1;
            let name = c.ident()?;
            Some((Expr { span: span.to(name.span), kind: ExprKind::AbsoluteName(name) }, 0))
        }
        TokenKind::Bracket(items) => {
            c.pos += 1;
            let values = c.items(items, span, |c| c.measured_expression());
            let depth = values.iter().flatten().map(|(_, depth)| *depth).max().unwrap_or(0);
            let values = values.into_iter().map(|v| unknown_if_failed(v.map(|(expr, _)| expr))).collect();
            nested(c, Expr { kind: ExprKind::List(values), span }, depth)
        }
        TokenKind::Paren(items) => {
            c.pos += 1;
            let (mut elements, depth) = c.tuple_elements(items, span);
            if elements.len() == 1 && elements[0].name.is_none() {
                // A parenthesized expression is the expression itself.
                return elements.pop().map(|e| (e.value, depth));
            }
            nested(c, Expr { kind: ExprKind::Tuple(elements), span }, depth)
        }
        TokenKind::Ident(name) if name == "import" || name == "embed" => {
            let is_import = name == "import";
            c.pos += 1;
            let file = c.next_if(|t| match &t.kind {
                TokenKind::Str(s) => Some(Located { value: String::from_utf8_lossy(s).into_owned(), span: t.span }),
                _ => None,
            });
            match file {
                Some(file) => {
                    let whole = span.to(file.span);
                    let kind = if is_import { ExprKind::Import(file) } else { ExprKind::Embed(file) };
                    Some((Expr { kind, span: whole }, 0))
                }
                // Without a file name, the keyword is a plain name (as in the official parser,
                // which tries that next).
                None => simple(ExprKind::RelativeName(Located { value: name.clone(), span })),
            }
        }
        TokenKind::Ident(name) => {
            c.pos += 1;
            simple(ExprKind::RelativeName(Located { value: name.clone(), span }))
        }
        _ => c.fail(),
    }
}

/// A list or tuple `expr` holding expressions of depth up to `inner`, unless that nests too
/// deep (see [`Cursor::measured_expression`]).
fn nested(c: &mut Cursor<'_, '_>, expr: Expr, inner: usize) -> Option<(Expr, usize)> {
    if inner + 1 > c.max_depth {
        c.too_deep = true;
        drop_flat(expr);
        return c.fail();
    }
    Some((expr, inner + 1))
}

/// What [`Cursor::items`] parses, which it drops when tokens are left over after it.
trait Discard: Sized {
    /// Drops the value (expressions without recursion: see [`drop_flat`]).
    fn discard(self) {}
}

impl Discard for Located<String> {}

// Only in schema files, whose expressions nest at most `MAX_EXPRESSION_DEPTH` levels.
impl Discard for Param {}

impl Discard for Expr {
    fn discard(self) {
        drop_flat(self);
    }
}

impl Discard for (Expr, usize) {
    fn discard(self) {
        drop_flat(self.0);
    }
}

impl Discard for (TupleElement, usize) {
    fn discard(self) {
        drop_flat(self.0.value);
    }
}

/// Drops `expr` one expression at a time. Dropping it as usual is a recursion as deep as the
/// expression, which the parser may drop while its own recursion is deep.
fn drop_flat(expr: Expr) {
    let unknown = || Expr { kind: ExprKind::Unknown, span: Span::default() };
    let mut pending = vec![expr];
    while let Some(mut expr) = pending.pop() {
        match &mut expr.kind {
            ExprKind::Member { parent, .. } => pending.push(std::mem::replace(&mut **parent, unknown())),
            ExprKind::Application { function, params } => {
                pending.push(std::mem::replace(&mut **function, unknown()));
                pending.extend(params.drain(..).map(|element| element.value));
            }
            ExprKind::List(items) => pending.append(items),
            ExprKind::Tuple(elements) => pending.extend(elements.drain(..).map(|element| element.value)),
            _ => {}
        }
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
                // The official parser gives this tuple no location (errors about it are
                // reported at the start of the file).
                Some(Expr { kind: ExprKind::Tuple(params), span: Span::default() })
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
        Some((items, span)) => c.items(items, span, |c| c.ident()).into_iter().map(unnamed_if_failed).collect(),
        None => Vec::new(),
    }
}

fn using_decl(c: &mut Cursor<'_, '_>) -> Option<(Parsed, Ending)> {
    c.keyword("using")?;
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
                // The official parser gives this empty name no location.
                Located { value: String::new(), span: Span::default() }
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
        Some((items, span)) => c.items(items, span, |c| c.expression()).into_iter().map(unknown_if_failed).collect(),
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
        let params = c.items(items, span, param).into_iter().map(empty_param_if_failed).collect();
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
        Some((items, span)) => c.items(items, span, |c| c.ident()).into_iter().map(unnamed_if_failed).collect(),
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
    let (items, span) = c.paren()?;
    let targets_parsed = c.items(items, span, |c| {
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

/// Parses `source` as one value expression, as `capnp encode` reads the text of one message:
/// a token sequence (no `;`, no blocks) that must be exactly one expression.
///
/// `Ok` is the expression; items of its lists and tuples that do not parse are
/// [`ExprKind::Unknown`], each reported in `errors` as the official tool reports it: "Parse
/// error." from where parsing failed to the end of the item, or "Parse error: Empty list
/// item." over the whole list.
///
/// `Err` says why there is no expression, in the tool's words: "Failed to read input." (the
/// text is not a sequence of tokens, or has none), "Premature end of input.", "Extra tokens
/// in input." (these three with an empty span at 0: the tool gives no place), or "Parse error"
/// at the token where no expression can start. So that the stack is never exhausted, a value
/// whose parentheses and brackets nest more than 256 levels deep is refused before it is
/// lexed, and one whose expressions nest deeper than [`MAX_VALUE_DEPTH`] (`.member`
/// suffixes count too) is refused as it is parsed.
pub fn parse_value(source: &str, errors: &mut Diagnostics) -> Result<Expr, crate::diagnostic::Diagnostic> {
    use crate::diagnostic::Diagnostic;

    /// How deep parentheses and brackets may nest in a value (capnzero's limit; the official
    /// tool crashes a few thousand levels down).
    const VALUE_NESTING_LIMIT: usize = 256;

    /// Whether parentheses and brackets (outside strings and comments) nest deeper than
    /// `limit`: lexing, parsing and translating such a value would exhaust the stack.
    fn too_deep(source: &[u8], limit: usize) -> bool {
        let (mut depth, mut i) = (0usize, 0);
        while let Some(&c) = source.get(i) {
            match c {
                b'#' | b'`' => {
                    while source.get(i).is_some_and(|&c| c != b'\n') {
                        i += 1;
                    }
                }
                b'"' => {
                    i += 1;
                    while let Some(&c) = source.get(i) {
                        match c {
                            b'\\' => i += 1,
                            b'"' | b'\n' => break,
                            _ => {}
                        }
                        i += 1;
                    }
                }
                b'(' | b'[' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b')' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        false
    }

    let unlocated = |message: &str| Diagnostic::new(Span::default(), message);
    if too_deep(source.as_bytes(), VALUE_NESTING_LIMIT) {
        return Err(unlocated(&format!(
            "Parse error: the value nests parentheses and brackets more than {VALUE_NESTING_LIMIT} levels deep."
        )));
    }
    // The lexer reads statements: the text followed by a `;` on a line of its own is one
    // statement whose tokens are the text's, unless the text itself is more than tokens.
    let mut text = String::with_capacity(source.len() + 2);
    text.push_str(source);
    text.push_str("\n;");
    let mut lex_errors = Diagnostics::default();
    let statements = crate::lexer::lex(&text, &mut lex_errors);
    let tokens = match &statements[..] {
        [only] if lex_errors.is_empty() && only.block.is_none() && only.span.end as usize == text.len() => {
            &only.tokens[..]
        }
        _ => return Err(unlocated("Failed to read input.")),
    };
    if tokens.is_empty() {
        return Err(unlocated("Failed to read input."));
    }

    let mut cursor = Cursor { tokens, pos: 0, best: 0, max_depth: MAX_VALUE_DEPTH, too_deep: false, errors };
    let expr = cursor.expression();
    if cursor.too_deep {
        if let Some(expr) = expr {
            drop_flat(expr);
        }
        return Err(unlocated(&format!(
            "Parse error: the value nests expressions (with their `.member` suffixes) more than {MAX_VALUE_DEPTH} \
             levels deep."
        )));
    }
    match expr {
        Some(expr) if cursor.at_end() => Ok(expr),
        Some(expr) => {
            drop_flat(expr);
            Err(unlocated("Extra tokens in input."))
        }
        None => match tokens.get(cursor.best) {
            Some(token) => Err(Diagnostic::new(token.span, "Parse error")),
            None => Err(unlocated("Premature end of input.")),
        },
    }
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
    fn a_name_chain_past_the_nesting_limit_is_a_parse_error() {
        let chain = vec!["A"; crate::lexer::MAX_NESTING + 2].join(".");
        let src = format!("@0xe0e1e2e3e4e5e6e7;\nstruct S {{ a @0 :{chain}; }}\n");
        let mut errors = Diagnostics::default();
        parse(&src, &mut errors);
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].message, "Parse error.");
        let ok = format!("@0xe0e1e2e3e4e5e6e7;\nstruct S {{ a @0 :{}; }}\n", vec!["A"; 100].join("."));
        parse_ok(&ok);
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
