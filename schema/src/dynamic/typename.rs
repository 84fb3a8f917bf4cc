//! Type names as `capnp decode` and `capnp encode` take them: an expression of the schema
//! language (`Foo`, `Outer.Inner`, `.Foo`, `Map(Text, Foo).Entry`, `import "x.capnp".Foo`)
//! evaluated in the scope of a file, with the official tool's error messages.
//!
//! The text is lexed and parsed by the schema language's own lexer and parser
//! ([`crate::parser::parse_value`]); this module evaluates the expression as the official
//! compiler evaluates a type expression. Like the official tool, which keeps only the last
//! error it is told about, the message given is the last one: parse errors inside argument
//! lists come first, then the evaluation's errors in order, then "Type is not a struct.".
//!
//! The names declared with `using` are found too, from the aliases the compiler records
//! ([`crate::compile::Compiled::aliases`]): `BrandedAlias`, `BrandedAlias.Inner`,
//! `G(Text).AliasOfParameter`.

use crate::ast::{Expr, ExprKind, TupleElement};
use crate::compile::resolve::{Builtin, OBJECT_RENAMED};
use crate::compile::resolve_relative;
use crate::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::lexer::TokenKind;
use crate::model::{AliasTarget, AnyPointer, Binding, Brand, BrandScope, Node, NodeKind, Type};

use capnzero_model::dynamic::{Error, Schema, StructSchema};

/// The official tool's message for a type name that does not parse.
const UNPARSABLE: &str = "Couldn't parse type name.";

/// An error message placed as the official tool places it: `start+1-end: message`, or
/// `start+1: message` for an empty range, or no place at all at the start of the text.
fn located(span: Span, message: &str) -> String {
    if span.start < span.end {
        format!("{}-{}: {message}", span.start + 1, span.end)
    } else if span.start > 0 {
        format!("{}: {message}", span.start + 1)
    } else {
        message.to_string()
    }
}

/// The message for a type name that [`crate::parser::parse_value`] could not make one
/// expression of, placed where the official tool places it: nowhere when the text is no
/// sequence of tokens (or none), at the end of the text when it ends too early, at the token
/// where no expression can start, or at the first token after the expression.
fn unparsed(name: &str, failure: &Diagnostic) -> String {
    if failure.span.start < failure.span.end {
        // "Parse error" at the token where parsing failed.
        return located(failure.span, UNPARSABLE);
    }
    match failure.message.as_str() {
        "Premature end of input." => located(Span::new(name.len(), name.len()), UNPARSABLE),
        "Extra tokens in input." => match first_extra_token(name) {
            Some(span) => located(span, UNPARSABLE),
            None => UNPARSABLE.to_string(),
        },
        // "Failed to read input." (not a sequence of tokens, or none) or too deep a nesting.
        _ => UNPARSABLE.to_string(),
    }
}

/// Where the first token after the expression is, in a text that is one expression followed
/// by more tokens.
///
/// [`crate::parser::parse_value`] says only that tokens are left over, so this finds how many
/// top-level tokens the expression takes by parsing prefixes of the text (cut at token ends).
/// A prefix longer than the expression leaves tokens over too; one no longer than it does so
/// only when it ends in a `.` whose name was cut off, so a prefix ending in `.` is judged by
/// the prefix one token longer. That makes "leaves tokens over" false up to the expression's
/// length and true after it, and a binary search finds the length.
fn first_extra_token(name: &str) -> Option<Span> {
    // The tokens as `parse_value` sees them: the text as one statement.
    let mut scratch = Diagnostics::default();
    let statements = crate::lexer::lex(&format!("{name}\n;"), &mut scratch);
    let tokens = &statements.first()?.tokens;
    let count = tokens.len();
    let leaves_tokens = |taken: usize| {
        if taken >= count {
            return true;
        }
        let Some(prefix) = name.get(..tokens[taken - 1].span.end as usize) else { return true };
        matches!(
            crate::parser::parse_value(prefix, &mut Diagnostics::default()),
            Err(failure) if failure.message == "Extra tokens in input."
        )
    };
    let judged = |taken: usize| match &tokens[taken - 1].kind {
        TokenKind::Op(op) if op == "." && taken < count => leaves_tokens(taken + 1),
        _ => leaves_tokens(taken),
    };
    let (mut low, mut high) = (1, count);
    while low < high {
        let middle = low + (high - low) / 2;
        if judged(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    // `low` is one more than the number of tokens the expression takes.
    tokens.get(low.saturating_sub(1)).map(|t| t.span)
}

/// What a name resolves to.
#[derive(Clone, Copy, Debug)]
enum Target<'s> {
    Node(&'s Node),
    Builtin(Builtin),
}

/// A resolved declaration with the generic arguments bound so far: the official compiler's
/// "branded declaration".
#[derive(Clone, Debug)]
struct Decl<'s, 'e> {
    target: Target<'s>,
    /// The generic scopes from the outermost (the file) to the declaration itself.
    scopes: Vec<Scope<'s, 'e>>,
    /// The expression that gave this declaration (where errors about it are placed).
    source: &'e Expr,
}

/// One generic scope: a declaration, how many parameters it takes, the arguments bound.
#[derive(Clone, Debug)]
struct Scope<'s, 'e> {
    id: u64,
    parameters: usize,
    arguments: Vec<Decl<'s, 'e>>,
}

impl<'s, 'e> Decl<'s, 'e> {
    /// `node`, declared in the scope `outer` (the file's scope for a top-level name).
    fn nested(node: &'s Node, outer: &[Scope<'s, 'e>], source: &'e Expr) -> Self {
        let mut scopes = outer.to_vec();
        scopes.push(Scope { id: node.id, parameters: node.parameters.len(), arguments: Vec::new() });
        Decl { target: Target::Node(node), scopes, source }
    }

    fn builtin(builtin: Builtin, source: &'e Expr) -> Self {
        let parameters = usize::from(builtin == Builtin::List);
        Decl {
            target: Target::Builtin(builtin),
            scopes: vec![Scope { id: 0, parameters, arguments: Vec::new() }],
            source,
        }
    }

    /// Whether the official compiler accepts it as a generic argument.
    fn is_pointer(&self) -> bool {
        match self.target {
            Target::Node(node) => matches!(node.kind, NodeKind::Struct(_) | NodeKind::Interface(_)),
            Target::Builtin(b) => matches!(b, Builtin::List | Builtin::Text | Builtin::Data | Builtin::AnyPointer),
        }
    }
}

struct Evaluator<'s> {
    schema: &'s Schema,
    file: &'s Node,
    /// The last error reported, placed; as in the official tool, it is the one shown.
    last_error: Option<String>,
}

impl<'s> Evaluator<'s> {
    fn report(&mut self, span: Span, message: &str) {
        self.last_error = Some(located(span, message));
    }

    /// The file's scope, where the type name is evaluated.
    fn file_scope<'e>(&self) -> Vec<Scope<'s, 'e>> {
        vec![Scope { id: self.file.id, parameters: 0, arguments: Vec::new() }]
    }

    /// The declaration `expr` names, `None` after reporting why there is none (or, for a part
    /// that did not parse, silently: the parser reported it).
    fn decl<'e>(&mut self, expr: &'e Expr) -> Option<Decl<'s, 'e>> {
        let (base, suffixes) = expr.suffix_chain();
        let mut decl = self.base_decl(base)?;
        for suffix in suffixes {
            decl = match &suffix.kind {
                ExprKind::Application { params, .. } => self.application(decl, params, suffix),
                ExprKind::Member { parent, name } => {
                    let member = match decl.target {
                        Target::Node(node) => match self.schema.nested(node.id, &name.value) {
                            Some(nested) => Some(Decl::nested(nested, &decl.scopes, suffix)),
                            None => self.alias(node.id, &name.value, &decl.scopes, suffix),
                        },
                        Target::Builtin(_) => None,
                    };
                    match member {
                        Some(member) => member,
                        None => {
                            self.report(name.span, &format!("'{parent}' has no member named '{}'", name.value));
                            return None;
                        }
                    }
                }
                _ => return None,
            };
        }
        Some(decl)
    }

    /// The declaration a base expression (one without suffixes) names.
    fn base_decl<'e>(&mut self, expr: &'e Expr) -> Option<Decl<'s, 'e>> {
        match &expr.kind {
            ExprKind::Unknown | ExprKind::Application { .. } | ExprKind::Member { .. } => None,
            ExprKind::PositiveInt(_)
            | ExprKind::NegativeInt(_)
            | ExprKind::Float(_)
            | ExprKind::String(_)
            | ExprKind::Binary(_)
            | ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::Embed(_) => {
                self.report(expr.span, "Expected name.");
                None
            }
            ExprKind::RelativeName(name) => {
                if let Some(node) = self.schema.nested(self.file.id, &name.value) {
                    return Some(Decl::nested(node, &self.file_scope(), expr));
                }
                if let Some(alias) = self.alias(self.file.id, &name.value, &self.file_scope(), expr) {
                    return Some(alias);
                }
                match Builtin::named(&name.value) {
                    Some(builtin) => Some(Decl::builtin(builtin, expr)),
                    None => {
                        self.report(name.span, &format!("Not defined: {}", name.value));
                        None
                    }
                }
            }
            ExprKind::AbsoluteName(name) => match self.schema.nested(self.file.id, &name.value) {
                Some(node) => Some(Decl::nested(node, &self.file_scope(), expr)),
                None if self.alias(self.file.id, &name.value, &self.file_scope(), expr).is_some() => {
                    self.alias(self.file.id, &name.value, &self.file_scope(), expr)
                }
                None => {
                    self.report(name.span, &format!("Not defined: {}", name.value));
                    None
                }
            },
            ExprKind::Import(file) => {
                let wanted = resolve_relative(&self.file.display_name, &file.value);
                let found = self
                    .schema
                    .compiled()
                    .nodes
                    .iter()
                    .find(|n| matches!(n.kind, NodeKind::File) && n.display_name == wanted);
                match found {
                    // An imported file is a root scope of its own.
                    Some(node) => Some(Decl::nested(node, &[], expr)),
                    None => {
                        self.report(file.span, &format!("Import failed: {}", file.value));
                        None
                    }
                }
            }
        }
    }

    /// The alias `name` declared in the node `scope_id`, looked up through `context` (the
    /// scopes of the declaration it is a member of, with their arguments): the parameters
    /// the alias names take the arguments `context` binds them to, as in the compiler.
    fn alias<'e>(
        &self,
        scope_id: u64,
        name: &str,
        context: &[Scope<'s, 'e>],
        source: &'e Expr,
    ) -> Option<Decl<'s, 'e>> {
        let aliases = &self.schema.compiled().aliases;
        let alias = aliases.iter().find(|a| a.scope_id == scope_id && a.name == name)?;
        match &alias.target {
            AliasTarget::Parameter { scope_id, index } => Some(self.argument(context, *scope_id, *index, source)),
            AliasTarget::Type(ty) => self.decl_of_type(ty, context, source),
            AliasTarget::Node { id, brand } if brand.scopes.is_empty() => {
                // No generic scope on the way: the declaration as a member of the alias's scope.
                let node = self.schema.node(*id)?;
                let at = context.iter().position(|s| s.id == scope_id).map_or(context.len(), |i| i + 1);
                Some(Decl::nested(node, &context[..at], source))
            }
            AliasTarget::Node { id, brand } => self.decl_of_node(*id, brand, context, source),
        }
    }

    /// What `context` binds parameter `index` of `scope_id` to (AnyPointer when unbound).
    fn argument<'e>(&self, context: &[Scope<'s, 'e>], scope_id: u64, index: u16, source: &'e Expr) -> Decl<'s, 'e> {
        context
            .iter()
            .find(|s| s.id == scope_id)
            .and_then(|s| s.arguments.get(usize::from(index)))
            .cloned()
            .unwrap_or_else(|| Decl::builtin(Builtin::AnyPointer, source))
    }

    /// The node `id` with `brand` read in `context`: bound scopes take their bindings, inherited
    /// ones the arguments of `context`.
    fn decl_of_node<'e>(
        &self,
        id: u64,
        brand: &Brand,
        context: &[Scope<'s, 'e>],
        source: &'e Expr,
    ) -> Option<Decl<'s, 'e>> {
        let node = self.schema.node(id)?;
        let mut chain = vec![node];
        while let Some(parent) = chain.last().filter(|n| n.scope_id != 0).and_then(|n| self.schema.node(n.scope_id)) {
            chain.push(parent);
        }
        let mut scopes = Vec::with_capacity(chain.len());
        for level in chain.iter().rev() {
            let arguments = match brand.scopes.iter().find(|s| s.scope_id == level.id).map(|s| &s.bind) {
                Some(Some(bindings)) => bindings
                    .iter()
                    .map(|binding| match binding {
                        Binding::Type(ty) => self.decl_of_type(ty, context, source),
                        Binding::Unbound => Some(Decl::builtin(Builtin::AnyPointer, source)),
                    })
                    .collect::<Option<Vec<_>>>()?,
                Some(None) => {
                    context.iter().find(|s| s.id == level.id).map(|s| s.arguments.clone()).unwrap_or_default()
                }
                None => Vec::new(),
            };
            scopes.push(Scope { id: level.id, parameters: level.parameters.len(), arguments });
        }
        Some(Decl { target: Target::Node(node), scopes, source })
    }

    /// A type of the model as a declaration, read in `context`.
    fn decl_of_type<'e>(&self, ty: &Type, context: &[Scope<'s, 'e>], source: &'e Expr) -> Option<Decl<'s, 'e>> {
        let builtin = match ty {
            Type::Struct { type_id, brand } | Type::Enum { type_id, brand } | Type::Interface { type_id, brand } => {
                return self.decl_of_node(*type_id, brand, context, source);
            }
            Type::List(element) => {
                let element = self.decl_of_type(element, context, source)?;
                let mut list = Decl::builtin(Builtin::List, source);
                list.scopes[0].arguments = vec![element];
                return Some(list);
            }
            Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => {
                return Some(self.argument(context, *scope_id, *index, source));
            }
            Type::AnyPointer(AnyPointer::Struct) => Builtin::AnyStruct,
            Type::AnyPointer(AnyPointer::List) => Builtin::AnyList,
            Type::AnyPointer(AnyPointer::Capability) => Builtin::Capability,
            Type::AnyPointer(_) => Builtin::AnyPointer,
            Type::Void => Builtin::Void,
            Type::Bool => Builtin::Bool,
            Type::Int8 => Builtin::Int8,
            Type::Int16 => Builtin::Int16,
            Type::Int32 => Builtin::Int32,
            Type::Int64 => Builtin::Int64,
            Type::UInt8 => Builtin::UInt8,
            Type::UInt16 => Builtin::UInt16,
            Type::UInt32 => Builtin::UInt32,
            Type::UInt64 => Builtin::UInt64,
            Type::Float32 => Builtin::Float32,
            Type::Float64 => Builtin::Float64,
            Type::Text => Builtin::Text,
            Type::Data => Builtin::Data,
        };
        Some(Decl::builtin(builtin, source))
    }

    /// `decl` applied to `params` (the application `source`). When an argument names no
    /// declaration, or the arguments do not fit, the errors are reported and `decl` is kept as
    /// it was.
    fn application<'e>(&mut self, decl: Decl<'s, 'e>, params: &'e [TupleElement], source: &'e Expr) -> Decl<'s, 'e> {
        let mut arguments = Vec::with_capacity(params.len());
        let mut failed = false;
        for param in params {
            if let Some(name) = &param.name {
                self.report(name.span, "Named parameter not allowed here.");
            }
            match self.decl(&param.value) {
                Some(argument) => arguments.push(argument),
                None => failed = true,
            }
        }
        if failed {
            return decl;
        }
        self.apply(&decl, arguments, source).unwrap_or(decl)
    }

    /// `decl` with `arguments` bound to its own parameters (the application `source`), or
    /// `None` after reporting why they cannot be.
    fn apply<'e>(
        &mut self,
        decl: &Decl<'s, 'e>,
        arguments: Vec<Decl<'s, 'e>>,
        source: &'e Expr,
    ) -> Option<Decl<'s, 'e>> {
        let leaf = decl.scopes.last()?;
        if !leaf.arguments.is_empty() {
            self.report(source.span, "Double-application of generic parameters.");
            return None;
        }
        if arguments.len() > leaf.parameters {
            let message = match leaf.parameters {
                0 => "Declaration does not accept generic parameters.",
                _ => "Too many generic parameters.",
            };
            self.report(source.span, message);
            return None;
        }
        if arguments.len() < leaf.parameters {
            self.report(source.span, "Not enough generic parameters.");
            return None;
        }
        if !matches!(decl.target, Target::Builtin(Builtin::List)) {
            for argument in arguments.iter().filter(|a| !a.is_pointer()) {
                self.report(argument.source.span, "Sorry, only pointer types can be used as generic parameters.");
            }
        }
        let mut applied = decl.clone();
        applied.source = source;
        if let Some(leaf) = applied.scopes.last_mut() {
            leaf.arguments = arguments;
        }
        Some(applied)
    }

    /// `decl` as a type, `None` after reporting why it is none.
    fn ty(&mut self, decl: &Decl<'s, '_>) -> Option<Type> {
        let builtin = match decl.target {
            Target::Node(node) => {
                return match node.kind {
                    NodeKind::Struct(_) => Some(Type::Struct { type_id: node.id, brand: self.brand(decl) }),
                    NodeKind::Enum(_) => Some(Type::Enum { type_id: node.id, brand: self.brand(decl) }),
                    NodeKind::Interface(_) => Some(Type::Interface { type_id: node.id, brand: self.brand(decl) }),
                    _ => {
                        self.report(decl.source.span, &format!("'{}' is not a type.", decl.source));
                        None
                    }
                };
            }
            Target::Builtin(builtin) => builtin,
        };
        Some(match builtin {
            Builtin::List => {
                let arguments = decl.scopes.last().map_or(&[][..], |s| &s.arguments[..]);
                let [element] = arguments else {
                    self.report(decl.source.span, "'List' requires exactly one parameter.");
                    return None;
                };
                let element = self.ty(element)?;
                let unsupported = match element {
                    Type::AnyPointer(AnyPointer::AnyKind) => "'List(AnyPointer)' is not supported.",
                    Type::AnyPointer(AnyPointer::Struct) => "'List(AnyStruct)' is not supported.",
                    element => return Some(Type::List(Box::new(element))),
                };
                self.report(decl.source.span, unsupported);
                return None;
            }
            Builtin::Object => {
                self.report(decl.source.span, OBJECT_RENAMED);
                Type::AnyPointer(AnyPointer::AnyKind)
            }
            plain => plain.plain_type().unwrap_or(Type::Void),
        })
    }

    /// The brand of `decl`: one scope per declaration with arguments bound, innermost first.
    /// An argument that is no type is reported (and bound as `AnyPointer`).
    fn brand(&mut self, decl: &Decl<'s, '_>) -> Brand {
        let mut brand = Brand::default();
        for scope in decl.scopes.iter().rev().filter(|s| !s.arguments.is_empty()) {
            let bindings = scope
                .arguments
                .iter()
                .map(|argument| Binding::Type(self.ty(argument).unwrap_or(Type::AnyPointer(AnyPointer::AnyKind))))
                .collect();
            brand.scopes.push(BrandScope { scope_id: scope.id, bind: Some(bindings) });
        }
        brand
    }
}

/// Types found by name in a [`Schema`], as the official tool's commands take them.
pub trait FindType {
    /// The struct named `name` — an expression as `capnp decode SCHEMA TYPE` takes its TYPE —
    /// in the scope of the file `file_id`, with the brand its generic arguments give.
    ///
    /// The error is [`Error::TypeName`] with the official tool's message (what it prints after
    /// `capnp decode: TYPE: `), e.g. `1-4: Not defined: Nope`, `5-8: 'Foo' has no member named
    /// 'Nope'`, `Type is not a struct.`, `Couldn't parse type name.`; or
    /// [`Error::NoSuchNode`] when the schema has no file `file_id`.
    fn find_type(&self, file_id: u64, name: &str) -> Result<StructSchema<'_>, Error>;
}

impl FindType for Schema {
    /// The struct named `name` — an expression as `capnp decode SCHEMA TYPE` takes its TYPE —
    /// in the scope of the file `file_id`, with the brand its generic arguments give.
    ///
    /// The error is [`Error::TypeName`] with the official tool's message (what it prints after
    /// `capnp decode: TYPE: `), e.g. `1-4: Not defined: Nope`, `5-8: 'Foo' has no member named
    /// 'Nope'`, `Type is not a struct.`, `Couldn't parse type name.`; or
    /// [`Error::NoSuchNode`] when the schema has no file `file_id`.
    fn find_type(&self, file_id: u64, name: &str) -> Result<StructSchema<'_>, Error> {
        let file = self.node(file_id).ok_or(Error::NoSuchNode(file_id))?;
        let mut parse_errors = Diagnostics::default();
        let expr = crate::parser::parse_value(name, &mut parse_errors)
            .map_err(|failure| Error::TypeName(unparsed(name, &failure)))?;
        let mut evaluator = Evaluator {
            schema: self,
            file,
            // Arguments that did not parse were reported first.
            last_error: parse_errors.0.last().map(|d| located(d.span, &d.message)),
        };
        let found = match evaluator.decl(&expr) {
            Some(decl) => match decl.target {
                Target::Node(node) if matches!(node.kind, NodeKind::Struct(_)) => {
                    let brand = evaluator.brand(&decl);
                    Some(self.branded_struct(node.id, &brand))
                }
                _ => {
                    evaluator.last_error = Some("Type is not a struct.".to_string());
                    None
                }
            },
            None => None,
        };
        match (evaluator.last_error, found) {
            (Some(message), _) => Err(Error::TypeName(message)),
            (None, Some(found)) => found,
            // Every failure is reported; this is not reached.
            (None, None) => Err(Error::TypeName(UNPARSABLE.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, MemoryLoader, SourceFile};

    /// The schema of the cases below, as `gen.capnp`.
    const SCHEMA: &str = r#"@0xd1c2b3a4f5e60718;
struct Outer(A) {
  struct Inner(B) {
    a @0 :A;
    b @1 :B;
  }
  const k :Int32 = 1;
  field @0 :A;
}
const c :Text = "x";
annotation ann(*) :Text;
enum E {
  a @0;
}
interface I(T) {}
struct Plain {}
"#;

    fn schema() -> Schema {
        let text = format!("{SCHEMA}struct Uses {{ x @0 :Outer(Text).Inner(Data); }}\n");
        let compiled = compile(&[SourceFile { name: "gen.capnp".into(), text }], &mut MemoryLoader::default()).unwrap();
        Schema::new(compiled)
    }

    fn message(schema: &Schema, name: &str) -> String {
        match schema.find_type(schema.compiled().requested[0].id, name) {
            Ok(_) => "ok".to_string(),
            Err(Error::TypeName(message)) => message,
            Err(other) => panic!("{name:?}: {other:?}"),
        }
    }

    /// What `capnp decode gen.capnp TYPE` (0.9.2) said for each TYPE (`ok`, or its message
    /// after "capnp decode: TYPE: "), with `gen.capnp` holding `SCHEMA` alone.
    #[test]
    fn names_evaluate_as_the_official_tool_evaluates_them() {
        let schema = schema();
        let cases: &[(&str, &str)] = &[
        ("Outer(Text).Inner(Data)", "ok"),
        ("Outer.Inner(Data)", "ok"),
        ("Outer(Text).Inner", "ok"),
        ("Outer(Text).Inner(Data)(Text)", "1-29: Double-application of generic parameters."),
        ("Outer(Text)(Data).Inner", "1-17: Double-application of generic parameters."),
        ("Outer(c)", "7-7: 'c' is not a type."),
        ("Outer(ann)", "7-9: 'ann' is not a type."),
        ("Outer(Outer.k)", "7-13: 'Outer.k' is not a type."),
        ("Outer(Outer(Text).k)", "7-19: 'Outer(( Text )).k' is not a type."),
        ("c", "Type is not a struct."),
        ("ann", "Type is not a struct."),
        ("Outer.k", "Type is not a struct."),
        ("Outer.k.X", "9-9: 'Outer.k' has no member named 'X'"),
        ("Outer.field", "7-11: 'Outer' has no member named 'field'"),
        ("Outer(E)", "7-7: Sorry, only pointer types can be used as generic parameters."),
        ("Outer(I)", "ok"),
        ("Outer(I(Text))", "ok"),
        ("I(Text)", "Type is not a struct."),
        ("I", "Type is not a struct."),
        ("E", "Type is not a struct."),
        ("E(Text)", "Type is not a struct."),
        ("Outer(List(E))", "ok"),
        ("Outer(List(List(AnyPointer)))", "12-27: 'List(AnyPointer)' is not supported."),
        ("Outer(List(AnyList))", "ok"),
        ("Outer(List(Object))", "7-18: 'List(AnyPointer)' is not supported."),
        ("Outer(Object)", "7-12: As of Cap'n Proto 0.4, 'Object' has been renamed to 'AnyPointer'.  Sorry for the inconvenience, and thanks for being an early adopter.  :)"),
        ("Outer(AnyStruct)", "7-15: Sorry, only pointer types can be used as generic parameters."),
        ("Outer(Capability)", "7-16: Sorry, only pointer types can be used as generic parameters."),
        ("Outer(AnyPointer)", "ok"),
        ("Outer(Plain())", "ok"),
        ("Plain()", "ok"),
        ("Plain()()", "ok"),
        ("Outer()", "1-7: Not enough generic parameters."),
        ("Outer(Text, Data)", "1-17: Too many generic parameters."),
        ("Outer(Text, Nope)", "13-16: Not defined: Nope"),
        ("Outer(Nope, Text)", "7-10: Not defined: Nope"),
        ("Outer(c, Nope)", "10-13: Not defined: Nope"),
        ("Outer(A = Text)", "7-7: Named parameter not allowed here."),
        ("Outer(Outer(c))", "13-13: 'c' is not a type."),
        ("Outer(Outer(Text).Inner(Void))", "25-28: Sorry, only pointer types can be used as generic parameters."),
        ("Outer(Outer.Inner)", "ok"),
        ("Outer(Outer(Text).Inner(Data))", "ok"),
        ("Outer(List(c))", "12-12: 'c' is not a type."),
        ("Outer(List(Text)(Data))", "7-22: Double-application of generic parameters."),
        ("Outer(List(Outer.Inner(Text, Data)))", "12-34: Too many generic parameters."),
        ("Outer(import \"gen.capnp\")", "7-24: 'import \"gen.capnp\"' is not a type."),
        ("import \"gen.capnp\".Outer(Text).Inner(Data)", "ok"),
        ("import \"gen.capnp\"", "Type is not a struct."),
        (".Outer(Text)", "ok"),
        ("Outer(=).Inner", "7-7: Parse error."),
        ("Outer([=]).Inner", "7-9: Expected name."),
        ("Outer((=)).Inner", "8-8: Parse error."),
        ("Outer(0x\"abcd\").X", "17-17: 'Outer(( 0x\"ba dc\" ))' has no member named 'X'"),
        ("Outer(0x\"\").X", "Couldn't parse type name."),
        ("Outer(1e100).X", "14-14: 'Outer(( 1e100 ))' has no member named 'X'"),
        ("Outer(0.1).X", "12-12: 'Outer(( 0.1 ))' has no member named 'X'"),
        ("Outer(-0x8000000000000000).X", "28-28: 'Outer(( -9223372036854775808 ))' has no member named 'X'"),
        ("Outer(nan).X", "12-12: 'Outer(( nan ))' has no member named 'X'"),
        ("Outer(-inf).X", "13-13: 'Outer(( -inf ))' has no member named 'X'"),
        ("Outer(()).X", "11-11: 'Outer(( (  ) ))' has no member named 'X'"),
        ("Outer([]).X", "11-11: 'Outer(( [  ] ))' has no member named 'X'"),
        ("Outer((a = 1, 2)).X", "19-19: 'Outer(( ( a = 1, 2 ) ))' has no member named 'X'"),
        ("Outer(Text,)", "ok"),
        ("Outer(Text,,)", "6-13: Parse error: Empty list item."),
        ("Outer(,Text)", "6-12: Parse error: Empty list item."),
        ("Outer( Text ) .  Inner ( Data )", "ok"),
        ("Outer . Inner X", "15-15: Couldn't parse type name."),
        ("Outer . Inner . X Y", "19-19: Couldn't parse type name."),
        ("Outer.Inner.", "12-12: Couldn't parse type name."),
        ("Outer.(Text)", "6-6: Couldn't parse type name."),
        ("Outer..Inner", "6-7: Couldn't parse type name."),
        ("Outer(Text) Outer(Text)", "13-17: Couldn't parse type name."),
        ("Outer(Text) .", "13-13: Couldn't parse type name."),
        ("-", "2: Couldn't parse type name."),
        ("-.Outer", "3-7: Couldn't parse type name."),
        ("import", "1-6: Not defined: import"),
        ("import \"gen.capnp\" \"x\"", "20-22: Couldn't parse type name."),
        ("\"a\" \"b\"", "1-7: Expected name."),
        ("[Outer]", "1-7: Expected name."),
        ("(Outer)(Text)", "ok"),
        ("((Outer))(Text).Inner(Data)", "ok"),
        ("Outer(Text).Inner(Data) extra tokens here", "25-29: Couldn't parse type name."),
        ("Outer(Text #c\n)", "ok"),
        ("Outer #c\n(Text)", "ok"),
        ("Outer\n.Inner X", "14-14: Couldn't parse type name."),
        ("  # only a comment", "Couldn't parse type name."),
        ("", "Couldn't parse type name."),
    ];
        for (name, expected) in cases {
            assert_eq!(message(&schema, name), *expected, "type name {name:?}");
        }
    }

    #[test]
    fn the_first_extra_token_is_found_in_long_names() {
        let schema = schema();
        // 20000 tokens after the name (as the official tool places it).
        assert_eq!(message(&schema, &format!("Plain{}", " x".repeat(20_000))), "7-7: Couldn't parse type name.");
        // A chain of 400 names ending in a dangling `.` (as the official tool places it).
        assert_eq!(message(&schema, &"Outer.Inner.".repeat(200)), "2400-2400: Couldn't parse type name.");
        // capnzero's parser takes at most `MAX_NESTING` suffixes: the rest is left over.
        let at = 6 * crate::lexer::MAX_NESTING + 6;
        assert_eq!(message(&schema, &"Outer.Inner.".repeat(3000)), format!("{at}-{at}: Couldn't parse type name."));
    }

    #[test]
    fn deeply_nested_chains_are_evaluated_without_exhausting_the_stack() {
        let schema = schema();
        // 250 levels of arguments, each followed by 40 members: 10000 suffixes in all.
        let mut name = "Plain".to_string();
        for _ in 0..250 {
            name = format!("Outer({name}){}", ".Nope".repeat(40));
        }
        let got = message(&schema, &name);
        let outer_member = name.len() - ".Nope".len() * 40 + 2;
        let expected_start = format!("{outer_member}-{}: 'Outer(( Outer(( ", outer_member + 3);
        assert!(got.starts_with(&expected_start), "{}", &got[..100]);
        assert!(got.ends_with(".Nope ))' has no member named 'Nope'"), "{}", &got[got.len() - 100..]);
    }

    /// Names declared with `using` evaluate as what they stand for, their parameters taking the
    /// arguments of the scope they are looked up through: the same structs and brands as the
    /// compiler gives field types written out in full.
    #[test]
    fn aliases_evaluate_through_the_arguments_of_their_scope() {
        let text = r#"@0xd1c2b3a4f5e60719;
struct P { x @0 :Int16; }
struct G(Foo, Bar) {
  using AliasFoo = Foo;
  using AliasInner = Inner;
  using AliasInner2Text = Inner2(Text);
  using AliasRev = G(Bar, Foo);
  struct Inner { foo @0 :Foo; bar @1 :Bar; }
  struct Inner2(Baz) { baz @0 :Baz; bar @1 :Bar; }
}
using Branded = G(P, Text);
using Plainly = P;
struct Uses {
  inner @0 :G(P, Text).Inner;
  inner2 @1 :G(P, Text).Inner2(Text);
  rev @2 :G(Text, P).Inner;
}
"#;
        let compiled =
            compile(&[SourceFile { name: "al.capnp".into(), text: text.into() }], &mut MemoryLoader::default())
                .unwrap();
        let schema = Schema::new(compiled);
        let file = schema.compiled().requested[0].id;
        let uses = schema.find_type(file, "Uses").unwrap();
        let field = |name: &str| {
            let Type::Struct { type_id, brand } = uses.field(name).unwrap().ty() else {
                panic!("{name}: not a struct")
            };
            (type_id, brand)
        };
        let found = |name: &str| {
            let found = schema.find_type(file, name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            (found.id(), found.brand().clone())
        };
        assert_eq!(found("G(P, Text).AliasInner"), field("inner"));
        assert_eq!(found("Branded.AliasInner"), field("inner"));
        assert_eq!(found("Branded.Inner"), field("inner"));
        assert_eq!(found("G(P, Text).AliasInner2Text"), field("inner2"));
        assert_eq!(found("Branded.AliasRev.AliasInner"), field("rev"));
        let p = schema.nested(file, "P").unwrap().id;
        assert_eq!(found("Branded.AliasFoo").0, p);
        assert_eq!(found("Plainly").0, p);
        assert_eq!(found(".Plainly").0, p);
        // An alias of a parameter bound to a non-struct is no struct; an unknown member is
        // reported as before (both as `capnp encode al.capnp TYPE` says).
        assert_eq!(message(&schema, "Branded.AliasRev.AliasFoo"), "Type is not a struct.");
        assert_eq!(message(&schema, "Branded.Nope"), "9-12: 'Branded' has no member named 'Nope'");
    }

    #[test]
    fn arguments_bind_each_scope_as_the_compiler_binds_them() {
        let schema = schema();
        let file = schema.compiled().requested[0].id;
        let inner = schema.find_type(file, "Outer(Text).Inner(Data)").unwrap();
        assert_eq!(inner.field("a").unwrap().ty(), Type::Text);
        assert_eq!(inner.field("b").unwrap().ty(), Type::Data);
        // The same brand as the compiler gives the field type written the same way.
        let uses = schema.find_type(file, "Uses").unwrap();
        let Type::Struct { type_id, brand } = uses.field("x").unwrap().ty() else { panic!("not a struct") };
        assert_eq!(type_id, inner.id());
        assert_eq!(inner.brand(), &brand);
        let outer = schema.nested(file, "Outer").unwrap().id;
        let scopes: Vec<u64> = brand.scopes.iter().map(|s| s.scope_id).collect();
        assert_eq!(scopes, [inner.id(), outer]);
        // Unapplied generics are unbound.
        let unbound = schema.find_type(file, "Outer.Inner").unwrap();
        assert!(unbound.brand().scopes.is_empty());
        assert_eq!(unbound.field("a").unwrap().ty(), Type::AnyPointer(AnyPointer::AnyKind));
        assert_eq!(schema.find_type(7, "Plain").unwrap_err(), Error::NoSuchNode(7));
    }

    #[test]
    fn relative_imports_are_joined_to_the_importer_directory() {
        assert_eq!(resolve_relative("a/b/c.capnp", "d.capnp"), "a/b/d.capnp");
        assert_eq!(resolve_relative("a/b/c.capnp", "../d.capnp"), "a/d.capnp");
        assert_eq!(resolve_relative("a/b/c.capnp", "./e/d.capnp"), "a/b/e/d.capnp");
        assert_eq!(resolve_relative("a/b/c.capnp", "/x/d.capnp"), "x/d.capnp");
        assert_eq!(resolve_relative("c.capnp", "d.capnp"), "d.capnp");
    }
}
