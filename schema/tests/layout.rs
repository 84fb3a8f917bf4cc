//! Layout conformance: every struct of the fixture schemas in `tests/layout/` is laid out and
//! compared, field by field, with what the official compiler printed for it
//! (`capnp compile -ocapnp`, normalized by `tests/layout/normalize.py` into the committed
//! `.expected` files; `tests/layout/regen.sh` regenerates them).

use capnzero_schema::ast::{DeclKind, Declaration, ExprKind};
use capnzero_schema::diagnostic::Diagnostics;
use capnzero_schema::members::{lay_out, FieldKind, FieldSize, LaidOut};
use capnzero_schema::parser::parse;

/// The size class of a field from its type as written. Enough for the fixtures (builtin
/// types, lists, and enums declared in the same file); the real resolver replaces this.
fn size_of(decl: &Declaration, enums: &[String]) -> FieldSize {
    let DeclKind::Field { ty, .. } = &decl.kind else { return FieldSize::Void };
    let name = match &ty.kind {
        ExprKind::RelativeName(name) => name.value.as_str(),
        _ => return FieldSize::Pointer,
    };
    match name {
        "Void" => FieldSize::Void,
        "Bool" => FieldSize::Data(0),
        "Int8" | "UInt8" => FieldSize::Data(3),
        "Int16" | "UInt16" => FieldSize::Data(4),
        "Int32" | "UInt32" | "Float32" => FieldSize::Data(5),
        "Int64" | "UInt64" | "Float64" => FieldSize::Data(6),
        other if enums.iter().any(|e| e == other) => FieldSize::Data(4),
        _ => FieldSize::Pointer,
    }
}

fn collect_enums(decl: &Declaration, out: &mut Vec<String>) {
    for nested in &decl.nested {
        if nested.kind == DeclKind::Enum {
            out.push(nested.name.value.clone());
        }
        collect_enums(nested, out);
    }
}

fn describe(laid: &LaidOut<'_>, path: &str, out: &mut Vec<String>) {
    out.push(format!("{path}: {} bytes, {} ptrs", laid.data_words as u32 * 8, laid.pointer_count));
    describe_scope(laid, 0, path, out);
}

fn describe_scope(laid: &LaidOut<'_>, index: usize, path: &str, out: &mut Vec<String>) {
    let scope = &laid.scopes[index];
    if scope.discriminant_count > 0 {
        let at = scope.discriminant_offset * 16;
        out.push(format!("{path}: union tag bits [{at}, {})", at + 16));
    }
    for field in &scope.fields {
        let name = &field.decl.name.value;
        let tag = field.discriminant_value.map(|v| format!("union tag = {v}"));
        match &field.kind {
            FieldKind::Slot { offset, size } => {
                let place = match size {
                    FieldSize::Void => "bits[0, 0)".to_string(),
                    FieldSize::Data(lg) => format!("bits[{}, {})", offset << lg, (offset + 1) << lg),
                    FieldSize::Pointer => format!("ptr[{offset}]"),
                };
                match tag {
                    Some(tag) => out.push(format!("{path}.{name}: {place}, {tag}")),
                    None => out.push(format!("{path}.{name}: {place}")),
                }
            }
            FieldKind::Group(child) => {
                if let Some(tag) = tag {
                    out.push(format!("{path}.{name}: {tag}"));
                }
                describe_scope(laid, *child, &format!("{path}.{name}"), out);
            }
        }
    }
}

fn structs<'d>(decl: &'d Declaration, path: &str, out: &mut Vec<(String, &'d Declaration)>) {
    for nested in &decl.nested {
        let name = if path.is_empty() { nested.name.value.clone() } else { format!("{path}.{}", nested.name.value) };
        if nested.kind == DeclKind::Struct {
            out.push((name.clone(), nested));
        }
        if matches!(nested.kind, DeclKind::Struct | DeclKind::Interface { .. }) {
            structs(nested, &name, out);
        }
    }
}

fn check(fixture: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/layout/");
    let source = std::fs::read_to_string(format!("{dir}{fixture}.capnp")).unwrap();
    let expected = std::fs::read_to_string(format!("{dir}{fixture}.expected")).unwrap();
    let mut errors = Diagnostics::default();
    let file = parse(&source, &mut errors);
    let mut enums = Vec::new();
    collect_enums(&file, &mut enums);
    let mut all = Vec::new();
    structs(&file, "", &mut all);
    let mut lines = Vec::new();
    for (path, decl) in all {
        let laid = lay_out(decl, &mut |d| size_of(d, &enums), &mut errors);
        describe(&laid, &path, &mut lines);
    }
    assert!(errors.is_empty(), "{:?}", errors.0.iter().map(|d| d.render(fixture, &source)).collect::<Vec<_>>());
    lines.sort();
    let expected: Vec<&str> = expected.lines().collect();
    let got: Vec<&str> = lines.iter().map(String::as_str).collect();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "{fixture}: line {i} differs");
    }
    assert_eq!(got.len(), expected.len(), "{fixture}: different number of facts");
}

#[test]
fn groups_and_unions() {
    check("groups_and_unions");
}

#[test]
fn interleaved_small_fields_nested_unions_and_retroactive_unions() {
    check("interleaved");
}

#[test]
fn two_hundred_forty_mixed_fields() {
    check("wide");
}
