//! The schema text of a derived struct: the file the derive compiles (with placeholders and
//! `$Rust` annotations) and the declaration it shows the user (`CAPNP_SCHEMA`), written by one
//! writer that remembers which member each line is about.

use proc_macro2::Span;

use super::scope::{Member, MemberKind, Scope};
use super::types::Named;
use crate::codegen::snake_case;

/// Schema text, with the member each line declares.
#[derive(Default)]
pub(crate) struct Text {
    pub text: String,
    /// By line (from 0): the span of the member it declares.
    pub spans: Vec<Option<Span>>,
}

/// How the text names things.
pub(crate) struct Style<'a> {
    /// The compiled file: `$Rust.name` where a field's Rust name does not come back from its
    /// schema name.
    pub annotated: bool,
    /// The schema name of each type a field names.
    pub type_name: &'a dyn Fn(&Named) -> String,
}

impl Text {
    pub(crate) fn line(&mut self, indent: usize, text: &str, span: Option<Span>) {
        for _ in 0..indent {
            self.text.push_str("  ");
        }
        self.text.push_str(text);
        self.text.push('\n');
        self.spans.push(span);
    }

    /// `struct Name @id $annotations { … }`.
    pub(crate) fn structure(&mut self, header: &str, scope: &Scope, style: &Style<'_>) {
        self.line(0, &format!("{header} {{"), None);
        if scope.is_union {
            self.line(1, "union {", None);
            self.members(2, scope, style);
            self.line(1, "}", None);
        } else {
            self.members(1, scope, style);
        }
        self.line(0, "}", None);
    }

    fn members(&mut self, indent: usize, scope: &Scope, style: &Style<'_>) {
        for member in &scope.members {
            self.member(indent, member, scope.is_union, style);
        }
    }

    fn member(&mut self, indent: usize, member: &Member, in_union: bool, style: &Style<'_>) {
        let name = &member.schema_name;
        let span = Some(member.span);
        match &member.kind {
            MemberKind::Slot { shape, default, ordinal, .. } => {
                let ty = shape.ty.schema(style.type_name);
                let default = default.as_ref().map(|d| format!(" = {d}")).unwrap_or_default();
                // Variants were checked to come back from their member names.
                let rename = if !style.annotated || in_union || snake_case(name) == member.rust_name {
                    String::new()
                } else {
                    format!(" $Rust.name(\"{}\")", member.rust_name)
                };
                self.line(indent, &format!("{name} @{ordinal} :{ty}{default}{rename};"), span);
            }
            MemberKind::Group { scope, .. } => {
                let kind = if scope.is_union { "union" } else { "group" };
                self.line(indent, &format!("{name} :{kind} {{"), span);
                self.members(indent + 1, scope, style);
                self.line(indent, "}", span);
            }
            MemberKind::Union { scope, .. } => {
                self.line(indent, "union {", span);
                self.members(indent + 1, scope, style);
                self.line(indent, "}", span);
            }
        }
    }
}
