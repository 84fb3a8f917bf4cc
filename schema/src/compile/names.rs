//! The checks the official compiler makes on the names in a block when it compiles the
//! declaration that owns the block: a name declared twice, the capitalization rules, no
//! underscores, and declarations that do not belong where they are.

use std::collections::HashMap;

use crate::ast::{DeclKind, Declaration, ExprKind, Located};

use super::report::FileErrors;

/// The kind of the declaration that owns a block, as far as placement rules go.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    File,
    Struct,
    Union,
    Group,
    Enum,
    Interface,
    /// A const or an annotation: no block.
    Other,
}

impl Owner {
    /// The owner kind of `decl`.
    pub(super) fn of(decl: &Declaration) -> Owner {
        match decl.kind {
            DeclKind::File => Owner::File,
            DeclKind::Struct => Owner::Struct,
            DeclKind::Union => Owner::Union,
            DeclKind::Group => Owner::Group,
            DeclKind::Enum => Owner::Enum,
            DeclKind::Interface { .. } => Owner::Interface,
            _ => Owner::Other,
        }
    }
}

const UNDERSCORE: &str = "Cap'n Proto declaration names should use camelCase and must not contain underscores. \
                          (Code generators may convert names to the appropriate style for the target language.)";

/// Checks the declarations of a block owned by a declaration of kind `owner`.
pub(super) fn check_block(nested: &[Declaration], owner: Owner, errors: &mut FileErrors) {
    let mut seen: HashMap<&str, &Located<String>> = HashMap::new();
    check(nested, owner, &mut seen, errors);
}

fn check<'d>(
    nested: &'d [Declaration],
    owner: Owner,
    seen: &mut HashMap<&'d str, &'d Located<String>>,
    errors: &mut FileErrors,
) {
    for decl in nested {
        let name = &decl.name;
        if let Some(previous) = seen.get(name.value.as_str()) {
            if name.value.is_empty() && decl.kind == DeclKind::Union {
                errors.error(name.span, "An unnamed union is already defined in this scope.");
                errors.error(previous.span, "Previously defined here.");
            } else {
                errors.error(name.span, format!("'{}' is already defined in this scope.", name.value));
                errors.error(previous.span, format!("'{}' previously defined here.", name.value));
            }
        } else {
            seen.insert(name.value.as_str(), name);
        }
        check_capitalization(decl, errors);
        if name.value.contains('_') {
            errors.error(name.span, UNDERSCORE);
        }
        match &decl.kind {
            DeclKind::Using { .. }
            | DeclKind::Const { .. }
            | DeclKind::Enum
            | DeclKind::Struct
            | DeclKind::Interface { .. }
            | DeclKind::Annotation { .. } => {
                if !matches!(owner, Owner::File | Owner::Struct | Owner::Interface) {
                    errors.error(decl.span, "This kind of declaration doesn't belong here.");
                }
            }
            DeclKind::Enumerant => {
                if owner != Owner::Enum {
                    errors.error(decl.span, "Enumerants can only appear in enums.");
                }
            }
            DeclKind::Method { .. } => {
                if owner != Owner::Interface {
                    errors.error(decl.span, "Methods can only appear in interfaces.");
                }
            }
            DeclKind::Field { .. } | DeclKind::Union | DeclKind::Group => {
                if !matches!(owner, Owner::Struct | Owner::Union | Owner::Group) {
                    errors.error(decl.span, "This declaration can only appear in structs.");
                }
                // Members of an unnamed union share the enclosing scope's names; other members
                // have their own.
                if decl.name.value.is_empty() {
                    check(&decl.nested, Owner::of(decl), seen, errors);
                } else {
                    check_block(&decl.nested, Owner::of(decl), errors);
                }
            }
            DeclKind::File => errors.error(decl.span, "This kind of declaration doesn't belong here."),
        }
    }
}

fn check_capitalization(decl: &Declaration, errors: &mut FileErrors) {
    let name = &decl.name;
    let Some(&first) = name.value.as_bytes().first() else { return };
    let wants_capital = match &decl.kind {
        // An alias of a lower-case name is a non-type name; any other alias (of a type, or of
        // an import) is a type name.
        DeclKind::Using { target } => !target_name(target).as_bytes().first().is_some_and(u8::is_ascii_lowercase),
        DeclKind::Enum | DeclKind::Struct | DeclKind::Interface { .. } => true,
        DeclKind::File => return,
        _ => false,
    };
    if wants_capital && !first.is_ascii_uppercase() {
        errors.error(name.span, "Type names must begin with a capital letter.");
    } else if !wants_capital && !first.is_ascii_lowercase() {
        errors.error(name.span, "Non-type names must begin with a lower-case letter.");
    }
}

/// The name an alias target ends in (`Foo` in `import "x".Foo`), empty when it is not a name.
fn target_name(target: &crate::ast::Expr) -> &str {
    match &target.kind {
        ExprKind::RelativeName(name) | ExprKind::AbsoluteName(name) => &name.value,
        ExprKind::Member { name, .. } => &name.value,
        ExprKind::Application { function, .. } => target_name(function),
        _ => "",
    }
}
