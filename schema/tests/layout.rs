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

// ---------------------------------------------------------------------------------------------
// The same facts read from the compiler's nodes, for capnzero's copies of the standard schemas.

use capnzero_schema::compile::{compile, Compiled, MemoryLoader, SourceFile};
use capnzero_schema::model::{self, NodeKind};

fn std_loader() -> MemoryLoader {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/std/");
    let mut loader = MemoryLoader::default();
    for name in [
        "capnp/c++.capnp",
        "capnp/schema.capnp",
        "capnp/rpc.capnp",
        "capnp/persistent.capnp",
        "capnp/compat/json.capnp",
        "capnp/stream.capnp",
    ] {
        loader.files.insert(name.to_string(), std::fs::read_to_string(format!("{root}{name}")).unwrap());
    }
    loader
}

fn describe_node(compiled: &Compiled, node: &model::Node, path: &str, out: &mut Vec<String>) {
    let NodeKind::Struct(s) = &node.kind else { return };
    if !s.is_group {
        out.push(format!("{path}: {} bytes, {} ptrs", s.data_word_count as u32 * 8, s.pointer_count));
    }
    if s.discriminant_count > 0 {
        let at = s.discriminant_offset * 16;
        out.push(format!("{path}: union tag bits [{at}, {})", at + 16));
    }
    for field in &s.fields {
        let tag = (field.discriminant_value != model::Field::NO_DISCRIMINANT)
            .then(|| format!("union tag = {}", field.discriminant_value));
        match &field.kind {
            model::FieldKind::Slot { offset, ty, .. } => {
                let place = match ty {
                    model::Type::Void => "bits[0, 0)".to_string(),
                    model::Type::Bool => format!("bits[{offset}, {})", offset + 1),
                    model::Type::Int8 | model::Type::UInt8 => format!("bits[{}, {})", offset * 8, offset * 8 + 8),
                    model::Type::Int16 | model::Type::UInt16 | model::Type::Enum { .. } => {
                        format!("bits[{}, {})", offset * 16, offset * 16 + 16)
                    }
                    model::Type::Int32 | model::Type::UInt32 | model::Type::Float32 => {
                        format!("bits[{}, {})", offset * 32, offset * 32 + 32)
                    }
                    model::Type::Int64 | model::Type::UInt64 | model::Type::Float64 => {
                        format!("bits[{}, {})", offset * 64, offset * 64 + 64)
                    }
                    _ => format!("ptr[{offset}]"),
                };
                match tag {
                    Some(tag) => out.push(format!("{path}.{}: {place}, {tag}", field.name)),
                    None => out.push(format!("{path}.{}: {place}", field.name)),
                }
            }
            model::FieldKind::Group { type_id } => {
                if let Some(tag) = tag {
                    out.push(format!("{path}.{}: {tag}", field.name));
                }
                let group = compiled.node(*type_id).expect("group node");
                describe_node(compiled, group, &format!("{path}.{}", field.name), out);
            }
        }
    }
}

fn check_compiled(name: &str, expected_file: &str) {
    let mut loader = std_loader();
    let text = loader.files[name].clone();
    let compiled = compile(&[SourceFile { name: name.into(), text }], &mut loader).unwrap_or_else(|e| panic!("{e}"));
    let mut lines = Vec::new();
    for node in &compiled.nodes {
        let in_file = node.display_name.starts_with(&format!("{name}:"));
        let is_struct = matches!(&node.kind, NodeKind::Struct(s) if !s.is_group);
        // Method parameter structs are printed inline by the tool, not as structs.
        if in_file && is_struct && node.scope_id != 0 {
            let path = &node.display_name[name.len() + 1..];
            describe_node(&compiled, node, path, &mut lines);
        }
    }
    lines.sort();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/layout/");
    let expected = std::fs::read_to_string(format!("{dir}{expected_file}")).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    for (i, (g, e)) in lines.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "{name}: line {i} differs");
    }
    assert_eq!(lines.len(), expected.len(), "{name}: different number of facts");
}

#[test]
fn compiled_schema_capnp_has_the_official_layouts() {
    check_compiled("capnp/schema.capnp", "std-schema.expected");
}

#[test]
fn compiled_rpc_capnp_has_the_official_layouts() {
    check_compiled("capnp/rpc.capnp", "std-rpc.expected");
}

#[test]
fn compiled_persistent_and_json_have_the_official_layouts() {
    check_compiled("capnp/persistent.capnp", "std-persistent.expected");
    check_compiled("capnp/compat/json.capnp", "std-json.expected");
}
