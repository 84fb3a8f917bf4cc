//! `#[capnp(schema = "points.capnp", name = "Point")]`: a derived struct bound to a declaration
//! of a schema file. The declaration is compiled from disk as `capnp_schema!` compiles a file,
//! and its layout is compared with the one the compiler gave the derived struct, so that a
//! struct that would read or write other bytes than the schema's fails to compile instead.
//!
//! The derived side names the types of its fields through placeholders whose names and IDs mean
//! nothing, so struct, enum and interface types match by kind only; everything that decides
//! where bytes are (sizes, offsets, discriminants, primitive types, defaults XOR-ed into the
//! data) must be equal.

use std::path::{Path, PathBuf};

use crate::codegen::{Expander, ExpansionError};
use crate::compile::Compiled;
use crate::model::{AnyPointer, Field, FieldKind, NodeKind, StructNode, Type, Value};
use crate::type_name::AnyPointers;

/// Compiles the schema file `file` (relative to `base`, the crate root) and finds the struct
/// `name` in it (`Point`, or `Outer.Point` for a nested one). Gives the compiled schema, the
/// struct's node ID and the files read from disk (the requested file first), which the build
/// must depend on.
pub(crate) fn load_declaration(base: &Path, file: &str, name: &str) -> Result<(Compiled, u64, Vec<PathBuf>), String> {
    let (compiled, file_id, read) = Expander::new(base).compile_file(file).map_err(|errors| match &errors[..] {
        // A file that is not there (or compiles to nothing) is not a schema with errors.
        [ExpansionError::Other { message, .. }] => message.clone(),
        _ => {
            let rendered: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("{file} does not compile:\n{}", rendered.join("\n"))
        }
    })?;
    let id = find_struct(&compiled, file_id, file, name)?;
    Ok((compiled, id, read))
}

/// The struct declared as `name` (dotted for nested declarations) in the file `file_id`.
fn find_struct(compiled: &Compiled, file_id: u64, file: &str, name: &str) -> Result<u64, String> {
    let mut id = file_id;
    let mut scope = String::new();
    for part in name.split('.') {
        let node = compiled.node(id).ok_or_else(|| format!("{file}: the node of `{scope}` is missing"))?;
        match node.nested_nodes.iter().find(|nested| nested.name == part) {
            Some(nested) => id = nested.id,
            None => {
                let mut names: Vec<String> = node.nested_nodes.iter().map(|n| format!("`{}`", n.name)).collect();
                names.sort();
                let declares = if names.is_empty() { "nothing".to_string() } else { names.join(", ") };
                let holder = if scope.is_empty() { "it".to_string() } else { format!("`{scope}`") };
                return Err(format!("{file} declares no `{name}` ({holder} declares {declares})"));
            }
        }
        if !scope.is_empty() {
            scope.push('.');
        }
        scope.push_str(part);
    }
    let node = compiled.node(id).ok_or_else(|| format!("{file}: the node of `{name}` is missing"))?;
    let kind = match &node.kind {
        NodeKind::Struct(s) if !s.is_group => return Ok(id),
        NodeKind::Struct(_) => "a group",
        NodeKind::Enum(_) => "an enum",
        NodeKind::Interface(_) => "an interface",
        NodeKind::Const { .. } => "a constant",
        NodeKind::Annotation { .. } => "an annotation",
        NodeKind::File => "a file",
    };
    Err(format!("`{name}` in {file} is {kind}, not a struct"))
}

/// Every way the layout of the derived struct `derived_id` differs from that of the schema's
/// struct `schema_id`, one message each; empty when they agree. Fields are matched by name.
pub(crate) fn compare(derived: &Compiled, derived_id: u64, schema: &Compiled, schema_id: u64) -> Vec<String> {
    let mut comparison = Comparison { derived, schema, open: Vec::new(), messages: Vec::new() };
    let here = struct_node(derived, derived_id);
    let there = struct_node(schema, schema_id);
    let (Some(here), Some(there)) = (here, there) else {
        if here.is_none() {
            comparison.messages.push(format!("no struct node @{derived_id:#018x} here"));
        }
        if there.is_none() {
            comparison.messages.push(format!("no struct node @{schema_id:#018x} in the schema"));
        }
        return comparison.messages;
    };
    // A group shares its parent's sections, so only the struct itself has sizes to compare.
    comparison.differ("", "data words", here.data_word_count, there.data_word_count);
    comparison.differ("", "pointers", here.pointer_count, there.pointer_count);
    comparison.members("", (derived_id, here), (schema_id, there));
    comparison.messages
}

/// The struct (or group) node `id`, if `compiled` has one.
fn struct_node(compiled: &Compiled, id: u64) -> Option<&StructNode> {
    match &compiled.node(id)?.kind {
        NodeKind::Struct(node) => Some(node),
        _ => None,
    }
}

struct Comparison<'a> {
    derived: &'a Compiled,
    schema: &'a Compiled,
    /// The pairs of nodes being compared, outermost first: a malformed model whose group
    /// contains itself would otherwise recurse without end.
    open: Vec<(u64, u64)>,
    messages: Vec<String>,
}

impl Comparison<'_> {
    /// `` `path`: `` before a message about a member, nothing before one about the struct.
    fn prefixed(path: &str, message: String) -> String {
        if path.is_empty() {
            message
        } else {
            format!("`{path}`: {message}")
        }
    }

    fn differ(&mut self, path: &str, what: &str, here: impl std::fmt::Display, there: impl std::fmt::Display) {
        let (here, there) = (here.to_string(), there.to_string());
        if here != there {
            self.messages.push(Self::prefixed(path, format!("{what}: {here} here, {there} in the schema")));
        }
    }

    /// The union and the fields of a struct or group; `path` names the group (empty for the
    /// struct itself).
    fn members(&mut self, path: &str, (here_id, here): (u64, &StructNode), (there_id, there): (u64, &StructNode)) {
        if self.open.contains(&(here_id, there_id)) {
            self.messages.push(Self::prefixed(path, "the group contains itself".to_string()));
            return;
        }
        self.open.push((here_id, there_id));
        self.differ(path, "union members", here.discriminant_count, there.discriminant_count);
        if here.discriminant_count > 0 && there.discriminant_count > 0 {
            let (a, b) = (here.discriminant_offset, there.discriminant_offset);
            if a != b {
                let message = format!("union discriminant: offset {a} here, {b} in the schema");
                self.messages.push(Self::prefixed(path, message));
            }
        }
        let member_path = |name: &str| if path.is_empty() { name.to_string() } else { format!("{path}.{name}") };
        for field in &here.fields {
            match there.fields.iter().find(|f| f.name == field.name) {
                Some(other) => self.field(&member_path(&field.name), field, other),
                None => self.messages.push(format!("`{}`: not in the schema", member_path(&field.name))),
            }
        }
        for field in &there.fields {
            if !here.fields.iter().any(|f| f.name == field.name) {
                self.messages.push(format!("`{}`: in the schema, not here", member_path(&field.name)));
            }
        }
        self.open.pop();
    }

    fn field(&mut self, path: &str, here: &Field, there: &Field) {
        let message = match (here.ordinal, there.ordinal) {
            (a, b) if a == b => None,
            (Some(a), Some(b)) => Some(format!("ordinal @{a} here, @{b} in the schema")),
            (Some(a), None) => Some(format!("ordinal @{a} here, none in the schema")),
            (None, Some(b)) => Some(format!("no ordinal here, ordinal @{b} in the schema")),
            (None, None) => None,
        };
        if let Some(message) = message {
            self.messages.push(Self::prefixed(path, message));
        }
        let discriminant = |d: u16| {
            if d == Field::NO_DISCRIMINANT {
                "outside the union".to_string()
            } else {
                format!("discriminant {d}")
            }
        };
        if here.discriminant_value != there.discriminant_value {
            let (a, b) = (discriminant(here.discriminant_value), discriminant(there.discriminant_value));
            self.messages.push(Self::prefixed(path, format!("{a} here, {b} in the schema")));
        }
        match (&here.kind, &there.kind) {
            (
                FieldKind::Slot { offset: a, ty: a_ty, default_value: a_default, .. },
                FieldKind::Slot { offset: b, ty: b_ty, default_value: b_default, .. },
            ) => {
                if a != b {
                    self.messages.push(Self::prefixed(path, format!("offset {a} here, {b} in the schema")));
                }
                if !same_type(a_ty, b_ty) {
                    let message = format!("{} here, {} in the schema", type_name(a_ty), type_name(b_ty));
                    self.messages.push(Self::prefixed(path, message));
                } else if is_data(a_ty) && a_default != b_default {
                    let (a, b) = value_texts(a_default, b_default);
                    self.messages.push(Self::prefixed(path, format!("default {a} here, {b} in the schema")));
                }
            }
            (FieldKind::Group { type_id: a }, FieldKind::Group { type_id: b }) => {
                match (struct_node(self.derived, *a), struct_node(self.schema, *b)) {
                    (Some(here), Some(there)) => self.members(path, (*a, here), (*b, there)),
                    (here, there) => {
                        if here.is_none() {
                            self.messages.push(Self::prefixed(path, format!("no group node @{a:#018x} here")));
                        }
                        if there.is_none() {
                            let message = format!("no group node @{b:#018x} in the schema");
                            self.messages.push(Self::prefixed(path, message));
                        }
                    }
                }
            }
            (FieldKind::Slot { .. }, FieldKind::Group { .. }) => {
                self.messages.push(Self::prefixed(path, "a plain field here, a group in the schema".to_string()))
            }
            (FieldKind::Group { .. }, FieldKind::Slot { .. }) => {
                self.messages.push(Self::prefixed(path, "a group here, a plain field in the schema".to_string()))
            }
        }
    }
}

/// Whether two types lay out alike: the same primitive, both Text or both Data, lists of alike
/// elements, or types of the same kind (their nodes are not compared: the derived side names
/// placeholders).
fn same_type(a: &Type, b: &Type) -> bool {
    match (a, b) {
        (Type::List(a), Type::List(b)) => same_type(a, b),
        (Type::AnyPointer(a), Type::AnyPointer(b)) => any_pointer_name(a) == any_pointer_name(b),
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

fn any_pointer_name(any: &AnyPointer) -> &'static str {
    match any {
        AnyPointer::AnyKind => "AnyPointer",
        AnyPointer::Struct => "AnyStruct",
        AnyPointer::List => "AnyList",
        AnyPointer::Capability => "Capability",
        AnyPointer::Parameter { .. } => "a generic parameter",
        AnyPointer::ImplicitMethodParameter { .. } => "a method's generic parameter",
    }
}

/// A type as the binding's messages name it: as the schema writes it, a declaration by its
/// kind (the derived side names placeholders), an AnyPointer by what it is.
fn type_name(ty: &Type) -> String {
    match ty {
        Type::List(element) => format!("List({})", type_name(element)),
        Type::Enum { .. } => "enum".to_string(),
        Type::Struct { .. } => "struct".to_string(),
        Type::Interface { .. } => "interface".to_string(),
        Type::AnyPointer(any) => any_pointer_name(any).to_string(),
        builtin => crate::type_name::type_name(builtin, AnyPointers::Constrained, &mut |_| String::new()),
    }
}

/// Whether a value of the type lives in the data section, where its default is XOR-ed into
/// the bytes (a pointer's default only stands in for null).
fn is_data(ty: &Type) -> bool {
    !crate::translate::is_pointer(ty)
}

/// Two differing defaults as text; floats that print alike (NaNs of other payloads) with their
/// bits, so the message shows the difference.
fn value_texts(a: &Value, b: &Value) -> (String, String) {
    let (text_a, text_b) = (value_text(a, false), value_text(b, false));
    if text_a == text_b {
        (value_text(a, true), value_text(b, true))
    } else {
        (text_a, text_b)
    }
}

fn value_text(value: &Value, bits: bool) -> String {
    match value {
        Value::Void => "void".to_string(),
        Value::Bool(v) => v.to_string(),
        Value::Int8(v) => v.to_string(),
        Value::Int16(v) => v.to_string(),
        Value::Int32(v) => v.to_string(),
        Value::Int64(v) => v.to_string(),
        Value::UInt8(v) => v.to_string(),
        Value::UInt16(v) => v.to_string(),
        Value::UInt32(v) => v.to_string(),
        Value::UInt64(v) => v.to_string(),
        Value::Float32(v) if bits => format!("{v:?} ({:#010x})", v.to_bits()),
        Value::Float32(v) => format!("{v:?}"),
        Value::Float64(v) if bits => format!("{v:?} ({:#018x})", v.to_bits()),
        Value::Float64(v) => format!("{v:?}"),
        Value::Enum(v) => format!("enumerant {v}"),
        Value::Text(_)
        | Value::Data(_)
        | Value::List(_)
        | Value::Struct(_)
        | Value::Interface
        | Value::AnyPointer(_) => "a pointer value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, MemoryLoader, SourceFile};
    use crate::model::Node;

    /// Compiles `body` as the file `name`, with the file ID `file_id`.
    fn compiled(name: &str, file_id: u64, body: &str) -> Compiled {
        let source = SourceFile { name: name.to_string(), text: format!("@{file_id:#018x};\n{body}") };
        compile(&[source], &mut MemoryLoader::default()).expect("the test schema compiles")
    }

    fn struct_id(compiled: &Compiled, display_name: &str) -> u64 {
        compiled.nodes.iter().find(|n| n.display_name == display_name).map(|n| n.id).expect("the struct is declared")
    }

    /// The differences between struct `S` of `here` and struct `S` of `there`, compiled as two
    /// files of different IDs (so every node ID differs).
    fn differences(here: &str, there: &str) -> Vec<String> {
        let derived = compiled("d.capnp", 0xd1e8_a5bc_d8a1_c1a1, here);
        let schema = compiled("s.capnp", 0xd1e8_a5bc_d8a1_c1a2, there);
        compare(&derived, struct_id(&derived, "d.capnp:S"), &schema, struct_id(&schema, "s.capnp:S"))
    }

    #[test]
    fn identical_layouts_agree_whatever_the_ids_and_type_names() {
        // Written as the derive writes a struct: placeholders for the types its fields name.
        let derived_text = "@0xd1e8a5bcd8a1c1b1;\nusing Rust = import \"/capnzero/annotate.capnp\";\n\
                            struct Point @0xd1e8a5bcd8a1c1b2 {\n  x @0 :Int32 = 7;\n  label @1 :Text;\n  \
                            owner @2 :CapnzeroPlaceholder0;\n  color @3 :CapnzeroPlaceholder1;\n  \
                            path @4 :List(List(CapnzeroPlaceholder0));\n  \
                            firstName @5 :Text $Rust.name(\"first_name\");\n}\n\
                            struct CapnzeroPlaceholder0 @0xd1e8a5bcd8a1c1b3 {}\n\
                            enum CapnzeroPlaceholder1 @0xd1e8a5bcd8a1c1b4 {}\n";
        let (derived, _) = super::super::compile_text("Point.capnp", derived_text).expect("the derived text compiles");
        let schema = compiled(
            "points.capnp",
            0xd1e8_a5bc_d8a1_c1b5,
            "struct Place { x @0 :Int32 = 7; label @1 :Text; owner @2 :Person; color @3 :Color;\n\
             path @4 :List(List(Person)); firstName @5 :Text; }\n\
             struct Person { name @0 :Text; }\nenum Color { red @0; green @1; }\n",
        );
        let derived_id = struct_id(&derived, "Point.capnp:Point");
        let schema_id = struct_id(&schema, "points.capnp:Place");
        assert_ne!(derived_id, schema_id);
        assert_eq!(compare(&derived, derived_id, &schema, schema_id), Vec::<String>::new());

        let with_groups = "struct S { a @0 :UInt16; pos :group { x @1 :Float32; y @2 :Float32; }\n\
                           shape :union { circle @3 :Float64; square @4 :Void; } union { p @5 :Void; q @6 :Data; } }\n";
        assert_eq!(differences(with_groups, with_groups), Vec::<String>::new());
    }

    #[test]
    fn swapped_ordinals_move_the_fields() {
        assert_eq!(
            differences("struct S { x @0 :Int32; y @1 :Int32; }", "struct S { x @1 :Int32; y @0 :Int32; }"),
            [
                "`x`: ordinal @0 here, @1 in the schema",
                "`x`: offset 0 here, 1 in the schema",
                "`y`: ordinal @1 here, @0 in the schema",
                "`y`: offset 1 here, 0 in the schema",
            ]
        );
    }

    #[test]
    fn a_different_primitive_type_is_a_difference() {
        assert_eq!(
            differences("struct S { kind @0 :Int32; }", "struct S { kind @0 :UInt32; }"),
            ["`kind`: Int32 here, UInt32 in the schema"]
        );
        assert_eq!(
            differences("struct S { kind @0 :Int32; }", "struct S { kind @0 :Float32; }"),
            ["`kind`: Int32 here, Float32 in the schema"]
        );
    }

    #[test]
    fn a_field_missing_on_either_side_is_named() {
        assert_eq!(
            differences("struct S { x @0 :Int64; z @1 :Int64; }", "struct S { x @0 :Int64; }"),
            ["data words: 2 here, 1 in the schema", "`z`: not in the schema"]
        );
        assert_eq!(
            differences("struct S { x @0 :Int64; }", "struct S { x @0 :Int64; w @1 :Text; }"),
            ["pointers: 0 here, 1 in the schema", "`w`: in the schema, not here"]
        );
    }

    #[test]
    fn group_members_are_named_through_their_group() {
        assert_eq!(
            differences(
                "struct S { a @0 :Int16; pos :group { x @1 :Int16; y @2 :Int16; } }",
                "struct S { a @0 :Int32; pos :group { x @1 :Int16; y @2 :Int16; } }",
            ),
            [
                "`a`: Int16 here, Int32 in the schema",
                "`pos.x`: offset 1 here, 2 in the schema",
                "`pos.y`: offset 2 here, 3 in the schema",
            ]
        );
        assert_eq!(
            differences("struct S { pos :group { x @0 :Int16; } }", "struct S { pos @0 :Int16; }"),
            ["`pos`: no ordinal here, ordinal @0 in the schema", "`pos`: a group here, a plain field in the schema"]
        );
    }

    #[test]
    fn union_discriminants_are_compared() {
        // The discriminant is placed when the union gets its second member, and members get
        // their discriminants, in ordinal order.
        assert_eq!(
            differences(
                "struct S { union { b @0 :Void; c @1 :Void; } x @2 :UInt16; }",
                "struct S { union { b @0 :Void; c @2 :Void; } x @1 :UInt16; }",
            ),
            [
                "union discriminant: offset 0 here, 1 in the schema",
                "`c`: ordinal @1 here, @2 in the schema",
                "`x`: ordinal @2 here, @1 in the schema",
                "`x`: offset 1 here, 0 in the schema",
            ]
        );
        assert_eq!(
            differences(
                "struct S { shape :union { circle @0 :Void; square @1 :Void; } }",
                "struct S { shape :union { circle @1 :Void; square @0 :Void; triangle @2 :Void; } }",
            ),
            [
                "`shape`: union members: 2 here, 3 in the schema",
                "`shape.circle`: ordinal @0 here, @1 in the schema",
                "`shape.circle`: discriminant 0 here, discriminant 1 in the schema",
                "`shape.square`: ordinal @1 here, @0 in the schema",
                "`shape.square`: discriminant 1 here, discriminant 0 in the schema",
                "`shape.triangle`: in the schema, not here",
            ]
        );
        assert_eq!(
            differences("struct S { union { a @0 :Void; b @1 :Void; } }", "struct S { a @0 :Void; b @1 :Void; }"),
            [
                "data words: 1 here, 0 in the schema",
                "union members: 2 here, 0 in the schema",
                "`a`: discriminant 0 here, outside the union in the schema",
                "`b`: discriminant 1 here, outside the union in the schema",
            ]
        );
    }

    #[test]
    fn defaults_of_data_fields_are_compared() {
        let here =
            "struct S { n @0 :Int32 = 5; f @1 :Float64 = 1.5; b @2 :Bool; c @3 :E = green; t @4 :Text = \"a\"; }\n\
                    enum E { red @0; green @1; }";
        let there = "struct S { n @0 :Int32; f @1 :Float64 = 2; b @2 :Bool = true; c @3 :E; t @4 :Text = \"b\"; }\n\
                     enum E { red @0; green @1; }";
        assert_eq!(
            differences(here, there),
            [
                "`n`: default 5 here, 0 in the schema",
                "`f`: default 1.5 here, 2.0 in the schema",
                "`b`: default false here, true in the schema",
                "`c`: default enumerant 1 here, enumerant 0 in the schema",
            ]
        );
        assert_eq!(
            differences("struct S { f @0 :Float32 = -0.0; }", "struct S { f @0 :Float32; }"),
            ["`f`: default -0.0 here, 0.0 in the schema"]
        );
    }

    #[test]
    fn list_elements_are_compared() {
        assert_eq!(
            differences("struct S { xs @0 :List(Int32); }", "struct S { xs @0 :List(UInt32); }"),
            ["`xs`: List(Int32) here, List(UInt32) in the schema"]
        );
        assert_eq!(
            differences("struct S { xs @0 :List(List(S)); }", "struct S { xs @0 :List(List(E)); }\nenum E { a @0; }"),
            ["`xs`: List(List(struct)) here, List(List(enum)) in the schema"]
        );
        assert_eq!(
            differences("struct S { p @0 :AnyPointer; }", "struct S { p @0 :S; }"),
            ["`p`: AnyPointer here, struct in the schema"]
        );
        assert_eq!(
            differences("struct S { p @0 :Data; }", "struct S { p @0 :List(UInt8); }"),
            ["`p`: Data here, List(UInt8) in the schema"]
        );
    }

    fn node(id: u64, kind: NodeKind) -> Node {
        Node {
            id,
            display_name: format!("t.capnp:N{id}"),
            display_name_prefix_length: 8,
            scope_id: 0,
            parameters: Vec::new(),
            is_generic: false,
            nested_nodes: Vec::new(),
            annotations: Vec::new(),
            kind,
        }
    }

    fn group_struct(field: &str, group: u64) -> NodeKind {
        NodeKind::Struct(StructNode {
            data_word_count: 0,
            pointer_count: 0,
            preferred_list_encoding: crate::model::ElementSize::InlineComposite,
            is_group: false,
            discriminant_count: 0,
            discriminant_offset: 0,
            fields: vec![Field {
                name: field.to_string(),
                code_order: 0,
                annotations: Vec::new(),
                discriminant_value: Field::NO_DISCRIMINANT,
                kind: FieldKind::Group { type_id: group },
                ordinal: None,
            }],
        })
    }

    #[test]
    fn malformed_models_give_messages_not_panics() {
        let empty = Compiled::default();
        let schema = compiled("s.capnp", 0xd1e8_a5bc_d8a1_c1c1, "struct S { x @0 :Int32; }\nenum E { a @0; }");
        let id = struct_id(&schema, "s.capnp:S");
        assert_eq!(
            compare(&empty, 5, &schema, struct_id(&schema, "s.capnp:E")),
            [
                "no struct node @0x0000000000000005 here".to_string(),
                format!("no struct node @{:#018x} in the schema", struct_id(&schema, "s.capnp:E")),
            ]
        );
        // A group that contains itself, and one whose node is missing.
        let nodes = |nodes| crate::compile::CompiledSchema { nodes, ..Default::default() };
        let cyclic = Compiled { schema: nodes(vec![node(1, group_struct("g", 1))]), ..Compiled::default() };
        let dangling = Compiled { schema: nodes(vec![node(1, group_struct("g", 9))]), ..Compiled::default() };
        assert_eq!(compare(&cyclic, 1, &cyclic, 1), ["`g`: the group contains itself"]);
        assert_eq!(compare(&cyclic, 1, &dangling, 1), ["`g`: no group node @0x0000000000000009 in the schema"]);
        assert_eq!(
            compare(&cyclic, 1, &schema, id),
            ["data words: 0 here, 1 in the schema", "`g`: not in the schema", "`x`: in the schema, not here"]
        );
    }

    /// A crate root holding `schemas/points.capnp` (importing `side.capnp` beside it and a
    /// standard import, embedding `blob.bin`) and `schemas/bad.capnp`, which does not compile.
    fn crate_root(tag: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("capnzero-binding-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("schemas")).unwrap();
        let write = |path: &str, text: &str| std::fs::write(root.join(path), text).unwrap();
        write(
            "schemas/points.capnp",
            "@0xd1e8a5bcd8a1c1d1;\nusing Side = import \"side.capnp\";\nusing Cxx = import \"/capnp/c++.capnp\";\n\
             struct Outer { struct Point { x @0 :Int32; y @1 :Int32; tag @2 :Side.Tag; } }\n\
             enum Color { red @0; }\ninterface Api {}\nconst answer :Int32 = 42;\n\
             const blob :Data = embed \"blob.bin\";\n",
        );
        write("schemas/blob.bin", "bytes");
        write("schemas/side.capnp", "@0xd1e8a5bcd8a1c1d2;\nstruct Tag { name @0 :Text; }\n");
        write("schemas/bad.capnp", "@0xd1e8a5bcd8a1c1d3;\nstruct A { x @0 :Nope; }\n");
        root
    }

    #[test]
    fn a_nested_declaration_is_found_and_its_files_reported() {
        let root = crate_root("nested");
        let (compiled, id, files) =
            load_declaration(&root, "schemas/points.capnp", "Outer.Point").expect("the declaration loads");
        let node = compiled.node(id).expect("the node is there");
        assert_eq!(node.display_name, "schemas/points.capnp:Outer.Point");
        let NodeKind::Struct(layout) = &node.kind else { panic!("not a struct: {:?}", node.kind) };
        assert_eq!((layout.data_word_count, layout.pointer_count, layout.fields.len()), (1, 1, 3));
        let expected = ["schemas/points.capnp", "schemas/side.capnp", "schemas/blob.bin"].map(|p| root.join(p));
        assert_eq!(files, expected);

        let (compiled, outer, _) = load_declaration(&root, "schemas/./points.capnp", "Outer").expect("Outer loads");
        assert_eq!(compiled.node(outer).map(|n| n.display_name.as_str()), Some("schemas/points.capnp:Outer"));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn what_cannot_be_bound_is_an_error() {
        let root = crate_root("errors");
        let error = |file: &str, name: &str| load_declaration(&root, file, name).map(|_| ()).unwrap_err();
        assert_eq!(
            error("schemas/none.capnp", "Point"),
            "schemas/none.capnp: no such file (a schema path is relative to the crate root, where Cargo.toml is)"
        );
        assert_eq!(
            error("schemas/bad.capnp", "A"),
            "schemas/bad.capnp does not compile:\nschemas/bad.capnp:2:18-22: error: Not defined: Nope"
        );
        assert_eq!(
            error("schemas/points.capnp", "Point"),
            "schemas/points.capnp declares no `Point` (it declares `Api`, `Color`, `Outer`, `answer`, `blob`)"
        );
        assert_eq!(
            error("schemas/points.capnp", "Outer.Nope"),
            "schemas/points.capnp declares no `Outer.Nope` (`Outer` declares `Point`)"
        );
        assert_eq!(
            error("schemas/points.capnp", "Outer.Point.x"),
            "schemas/points.capnp declares no `Outer.Point.x` (`Outer.Point` declares nothing)"
        );
        assert_eq!(error("schemas/points.capnp", "Color"), "`Color` in schemas/points.capnp is an enum, not a struct");
        assert_eq!(error("schemas/points.capnp", "Api"), "`Api` in schemas/points.capnp is an interface, not a struct");
        assert_eq!(
            error("schemas/points.capnp", "answer"),
            "`answer` in schemas/points.capnp is a constant, not a struct"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
