//! Planning keys: reading a struct's or group's key annotation into `Plan::keys`, with its errors
//! (a field named twice or not at all, fields that cannot be compared).

use crate::model::{Annotation, Field, FieldKind, Node, StructNode, Type, Value};

use super::{At, GenerateError, Plan};

impl Plan<'_> {
    /// Reads the key annotation of a struct or group (a group's annotations are on its field:
    /// `annotations`), if it has one, into `self.keys`.
    pub(super) fn plan_key(&mut self, node: &Node, st: &StructNode, annotations: &[Annotation]) {
        let Some(annotation) = annotations.iter().find(|a| self.annotation_name(a.id) == Some("key")) else {
            return;
        };
        let at = &node.display_name;
        let Value::Text(Some(spec)) = &annotation.value else {
            self.errors.push(GenerateError::new(
                At::Node(node.id),
                format!("{at}: the key annotation needs a list of fields, such as \"x, y\" or \"*\""),
            ));
            return;
        };
        let mut fields = Vec::new();
        let mut ok = true;
        if spec.trim() == "*" {
            // Every field with a value, as the schema declares them now: fields added by a
            // later version of the schema are not part of the key.
            let mut by_code_order: Vec<(usize, &Field)> = st.fields.iter().enumerate().collect();
            by_code_order.sort_by_key(|(_, f)| f.code_order);
            for (index, field) in by_code_order {
                let is_void = matches!(&field.kind, FieldKind::Slot { ty: Type::Void, .. });
                if field.discriminant_value == Field::NO_DISCRIMINANT && !is_void {
                    fields.push(index);
                }
            }
        } else {
            for name in spec.split(',').map(str::trim) {
                match st.fields.iter().position(|f| f.name == name) {
                    Some(index) if fields.contains(&index) => {
                        self.errors.push(GenerateError::new(
                            At::Node(node.id),
                            format!("{at}: the key names the field `{name}` twice"),
                        ));
                        ok = false;
                    }
                    Some(index) => fields.push(index),
                    None => {
                        let known: Vec<&str> = st.fields.iter().map(|f| f.name.as_str()).collect();
                        self.errors.push(GenerateError::new(
                            At::Node(node.id),
                            format!(
                                "{at}: the key names `{name}`, which is not a field of this struct (its fields: {})",
                                if known.is_empty() { "none".to_string() } else { known.join(", ") }
                            ),
                        ));
                        ok = false;
                    }
                }
            }
        }
        for &index in &fields {
            let field = &st.fields[index];
            if let Some(why) = self.unkeyable(field) {
                self.errors
                    .push(GenerateError::new(At::Node(node.id), format!("{at}: the key field `{}` {why}", field.name)));
                ok = false;
            }
        }
        if fields.is_empty() && ok {
            self.errors.push(GenerateError::new(At::Node(node.id), format!("{at}: the key lists no field")));
            ok = false;
        }
        if ok {
            self.keys.insert(node.id, fields);
        }
    }

    /// Why `field` cannot be part of a key, if it cannot.
    fn unkeyable(&self, field: &Field) -> Option<&'static str> {
        if field.discriminant_value != Field::NO_DISCRIMINANT {
            return Some("is a member of a union: capnzero does not put union members in keys yet");
        }
        let ty = match &field.kind {
            FieldKind::Group { type_id } if self.nullable.contains_key(type_id) => {
                return Some("is a nullable group: capnzero does not put nullable groups in keys yet");
            }
            FieldKind::Group { .. } => return None,
            FieldKind::Slot { ty, .. } => ty,
        };
        match ty {
            Type::Void => Some("is Void: it has no value to compare"),
            Type::AnyPointer(_) => Some("is an AnyPointer: capnzero does not put AnyPointer fields in keys yet"),
            Type::List(inner) => match &**inner {
                Type::Float32 | Type::Float64 => Some("is a list of floats, which have no `Eq` and `Hash`"),
                Type::List(_) => Some("is a list of lists: capnzero does not put nested lists in keys yet"),
                _ => None,
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::{compile, SourceFile};
    use crate::load::FsLoader;

    fn errors_of(body: &str) -> Vec<String> {
        let text = format!("@0xe1b2c3d4e5f60718;\nusing Py = import \"/capnpy/annotate.capnp\";\n{body}\n");
        let source = SourceFile { name: "t.capnp".to_string(), text };
        let compiled =
            compile(&[source], &mut FsLoader::with_current_dir("/nonexistent")).expect("the schema compiles");
        crate::codegen::generate(&compiled, compiled.requested[0].id).expect_err("generation must refuse")
    }

    #[test]
    fn key_fields_must_exist_once() {
        assert_eq!(
            errors_of("struct P $Py.key(\"x, z\") { x @0 :Int32; y @1 :Int32; }"),
            ["t.capnp:P: the key names `z`, which is not a field of this struct (its fields: x, y)"]
        );
        assert_eq!(
            errors_of("struct P $Py.key(\"x,x\") { x @0 :Int32; }"),
            ["t.capnp:P: the key names the field `x` twice"]
        );
        assert_eq!(errors_of("struct P $Py.key(\"*\") { v @0 :Void; }"), ["t.capnp:P: the key lists no field"]);
    }

    #[test]
    fn key_fields_must_be_comparable() {
        assert_eq!(
            errors_of("struct P $Py.key(\"v, f, n, u\") { v @0 :Void; f @1 :List(Float32); n @2 :List(List(Int8)); union { u @3 :Int8; w @4 :Int8; } }"),
            [
                "t.capnp:P: the key field `f` is a list of floats, which have no `Eq` and `Hash`",
                "t.capnp:P: the key field `n` is a list of lists: capnzero does not put nested lists in keys yet",
                "t.capnp:P: the key field `u` is a member of a union: capnzero does not put union members in keys yet",
                "t.capnp:P: the key field `v` is Void: it has no value to compare",
            ]
        );
    }
}
