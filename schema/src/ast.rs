//! The parsed form of a schema file: declarations and expressions with their locations, before
//! names are resolved. It mirrors the official compiler's grammar.

use std::fmt;

use crate::diagnostic::Span;
use crate::text::format::{format_f64, quoted};

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

/// An expression: a type, a value, or a name, with its location.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The forms of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// Something that failed to parse; ignored downstream.
    Unknown,
    /// A non-negative integer.
    PositiveInt(u64),
    /// `-` and an integer (the magnitude).
    NegativeInt(u64),
    /// A float, sign included.
    Float(f64),
    /// One or more string literals, concatenated (bytes: escapes may make any byte).
    String(Vec<u8>),
    /// `0x"…"`.
    Binary(Vec<u8>),
    /// A name looked up from the current scope outwards.
    RelativeName(Located<String>),
    /// `.Name`: a name looked up from the file's top level.
    AbsoluteName(Located<String>),
    /// `import "file"`.
    Import(Located<String>),
    /// `embed "file"`.
    Embed(Located<String>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a = 1, b = 2)` or `(1, 2)`.
    Tuple(Vec<TupleElement>),
    /// `f(params)`: a generic applied to its arguments.
    Application {
        /// What is applied.
        function: Box<Expr>,
        /// The arguments.
        params: Vec<TupleElement>,
    },
    /// `parent.name`.
    Member {
        /// The left side.
        parent: Box<Expr>,
        /// The member's name.
        name: Located<String>,
    },
}

/// An element of a tuple or an argument list: optionally named.
#[derive(Clone, Debug, PartialEq)]
pub struct TupleElement {
    /// `name =`, if given.
    pub name: Option<Located<String>>,
    /// The value.
    pub value: Expr,
}

impl Expr {
    /// The expression split into its base and the suffixes applied to it (`.name` members and
    /// `(…)` applications), innermost first. Chains are walked with a loop, not recursion, as
    /// the parser allows long ones.
    pub(crate) fn suffix_chain(&self) -> (&Expr, Vec<&Expr>) {
        let mut suffixes = Vec::new();
        let mut base = self;
        while let ExprKind::Member { parent: inner, .. } | ExprKind::Application { function: inner, .. } = &base.kind {
            suffixes.push(base);
            base = inner;
        }
        suffixes.reverse();
        (base, suffixes)
    }
}

impl fmt::Display for Expr {
    /// The expression as the official compiler writes it in error messages: `G(( Text ))`,
    /// `.Foo.Bar`, `[ 1, 2 ]`, `( x = 1 )`, strings and imports quoted with C escapes, data as
    /// `0x"…"` with each byte's low digit first, floats as the text format prints a Float64.
    /// The compiler's messages and `capnp decode`'s TYPE names both use it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quote = |bytes: &[u8]| String::from_utf8_lossy(&quoted(bytes, false)).into_owned();
        let (base, suffixes) = self.suffix_chain();
        match &base.kind {
            ExprKind::Unknown => f.write_str("<parse error>")?,
            ExprKind::PositiveInt(v) => write!(f, "{v}")?,
            ExprKind::NegativeInt(v) => write!(f, "-{v}")?,
            ExprKind::Float(v) => f.write_str(&format_f64(*v))?,
            ExprKind::String(bytes) => f.write_str(&quote(bytes))?,
            ExprKind::Binary(bytes) => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                f.write_str("0x\"")?;
                for (i, b) in bytes.iter().enumerate() {
                    let separator = if i == 0 { "" } else { " " };
                    let (low, high) = (HEX[usize::from(b % 16)] as char, HEX[usize::from(b / 16)] as char);
                    write!(f, "{separator}{low}{high}")?;
                }
                f.write_str("\"")?;
            }
            ExprKind::RelativeName(name) => f.write_str(&name.value)?,
            ExprKind::AbsoluteName(name) => write!(f, ".{}", name.value)?,
            ExprKind::Import(file) => write!(f, "import {}", quote(file.value.as_bytes()))?,
            ExprKind::Embed(file) => write!(f, "embed {}", quote(file.value.as_bytes()))?,
            ExprKind::List(items) => {
                f.write_str("[ ")?;
                for (i, item) in items.iter().enumerate() {
                    write!(f, "{}{item}", if i == 0 { "" } else { ", " })?;
                }
                f.write_str(" ]")?;
            }
            ExprKind::Tuple(elements) => write_tuple(f, elements)?,
            // Suffixes are not bases.
            ExprKind::Application { .. } | ExprKind::Member { .. } => {}
        }
        for suffix in suffixes {
            match &suffix.kind {
                ExprKind::Application { params, .. } => {
                    f.write_str("(")?;
                    write_tuple(f, params)?;
                    f.write_str(")")?;
                }
                ExprKind::Member { name, .. } => write!(f, ".{}", name.value)?,
                _ => {}
            }
        }
        Ok(())
    }
}

/// `( a, name = b )`: a tuple, or the arguments of an application inside its own parentheses.
fn write_tuple(f: &mut fmt::Formatter<'_>, elements: &[TupleElement]) -> fmt::Result {
    f.write_str("( ")?;
    for (i, element) in elements.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        match &element.name {
            Some(name) => write!(f, "{} = {}", name.value, element.value)?,
            None => write!(f, "{}", element.value)?,
        }
    }
    f.write_str(" )")
}

/// `$name` or `$name(value)`.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotationApplication {
    /// The annotation.
    pub name: Expr,
    /// The value; `None` means Void.
    pub value: Option<Expr>,
    /// From `$` to the end.
    pub span: Span,
}

/// The number after `@`: an ID or an ordinal, or neither.
#[derive(Clone, Debug, PartialEq)]
pub enum DeclId {
    /// Not given.
    Unspecified,
    /// `@0x…` on a type, const, annotation or the file.
    Uid(Located<u64>),
    /// `@N` on a field, enumerant, method or (old-style) union.
    Ordinal(Located<u64>),
}

/// The places an annotation may be applied, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Targets(pub u16);

impl Targets {
    /// The target names in the order of `schema.capnp`'s `targetsFile` … `targetsAnnotation`.
    pub const NAMES: [&'static str; 12] = [
        "file",
        "const",
        "enum",
        "enumerant",
        "struct",
        "field",
        "union",
        "group",
        "interface",
        "method",
        "param",
        "annotation",
    ];

    /// Whether `name` (one of [`Targets::NAMES`]) is set.
    pub fn has(self, name: &str) -> bool {
        Self::NAMES.iter().position(|n| *n == name).is_some_and(|i| self.0 & (1 << i) != 0)
    }
}

/// A parameter list of a method.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamList {
    /// Its form.
    pub kind: ParamListKind,
    /// Where.
    pub span: Span,
}

/// The forms of a method's parameter or result list.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamListKind {
    /// `(a :T, b :U = 1)`.
    Named(Vec<Param>),
    /// A struct type given by name.
    Type(Expr),
    /// `stream` (results only).
    Stream,
}

/// One named parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: Located<String>,
    /// Its type.
    pub ty: Expr,
    /// `= value`, if given.
    pub default: Option<Expr>,
    /// Its annotations.
    pub annotations: Vec<AnnotationApplication>,
    /// Where.
    pub span: Span,
}

/// A declaration: the file itself, a type, a member, a const, an annotation or a `using`.
#[derive(Clone, Debug, PartialEq)]
pub struct Declaration {
    /// Its name (empty for the file and unnamed unions).
    pub name: Located<String>,
    /// `@…`.
    pub id: DeclId,
    /// Generic parameters, `struct Map(Key, Value)`.
    pub parameters: Vec<Located<String>>,
    /// Declarations in its block.
    pub nested: Vec<Declaration>,
    /// Annotations applied to it.
    pub annotations: Vec<AnnotationApplication>,
    /// Its doc comment.
    pub doc: Option<String>,
    /// The whole statement.
    pub span: Span,
    /// What kind of declaration it is.
    pub kind: DeclKind,
}

/// The kinds of declaration.
#[derive(Clone, Debug, PartialEq)]
pub enum DeclKind {
    /// The file.
    File,
    /// `using Name = target;`.
    Using {
        /// What the name stands for.
        target: Expr,
    },
    /// `const name :Type = value;`.
    Const {
        /// The type.
        ty: Expr,
        /// The value.
        value: Expr,
    },
    /// `enum`.
    Enum,
    /// A member of an enum.
    Enumerant,
    /// `struct`.
    Struct,
    /// A struct field.
    Field {
        /// The type.
        ty: Expr,
        /// `= default`, if given.
        default: Option<Expr>,
    },
    /// `union { … }` or `name :union { … }`.
    Union,
    /// `name :group { … }`.
    Group,
    /// `interface`.
    Interface {
        /// `extends(…)`.
        superclasses: Vec<Expr>,
    },
    /// A method of an interface.
    Method {
        /// The parameters.
        params: ParamList,
        /// `-> results`, if given.
        results: Option<ParamList>,
    },
    /// `annotation name(targets) :Type;`.
    Annotation {
        /// The value type.
        ty: Expr,
        /// Where it may be applied.
        targets: Targets,
    },
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostics;
    use crate::parser::parse_value;

    fn printed(text: &str) -> String {
        parse_value(text, &mut Diagnostics::default()).expect("the expression parses").to_string()
    }

    #[test]
    fn expressions_print_as_the_official_compiler_writes_them() {
        let cases = [
            ("Map(Text, .Foo).Entry", "Map(( Text, .Foo )).Entry"),
            ("G(1e100, 0.00001, -2.5, 7, -3)", "G(( 1e100, 1e-05, -2.5, 7, -3 ))"),
            ("[1, [ ], (x = 1, y = \"a\\n\\x01\")]", "[ 1, [  ], ( x = 1, y = \"a\\n\\001\" ) ]"),
            ("0x\"0aff\"", "0x\"a0 ff\""),
            ("import \"a\\\"b.capnp\".T", "import \"a\\\"b.capnp\".T"),
        ];
        for (text, expected) in cases {
            assert_eq!(printed(text), expected, "{text}");
        }
    }

    #[test]
    fn the_longest_member_chains_print() {
        let text = format!("A{}", ".b".repeat(crate::lexer::MAX_NESTING));
        assert_eq!(printed(&text), text);
    }
}
