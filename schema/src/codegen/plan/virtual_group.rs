//! Planning virtual groups: which Void fields `$Py.group("x, y")` (`$Rust.group`) makes views of
//! other fields, and their keys, with their errors.

use crate::model::{Field, FieldKind, Node, StructNode, Type, Value};

use super::{At, GenerateError, Plan, VirtualGroup};

impl Plan<'_> {
    /// Reads the virtual groups of a struct into `self.virtual_groups`.
    pub(super) fn plan_virtual_groups(&mut self, node: &Node, st: &StructNode) {
        for (index, field) in st.fields.iter().enumerate() {
            let Some(annotation) = field.annotations.iter().find(|a| self.annotation_name(a.id) == Some("group"))
            else {
                continue;
            };
            let at = format!("{}.{}", node.display_name, field.name);
            let is_void = matches!(&field.kind, FieldKind::Slot { ty: Type::Void, .. });
            if !is_void || field.discriminant_value != Field::NO_DISCRIMINANT {
                self.errors.push(GenerateError::new(
                    At::Member(node.id, index),
                    format!("{at}: a virtual group (`group` annotation) must be a Void field outside unions"),
                ));
                continue;
            }
            let Value::Text(Some(spec)) = &annotation.value else { continue };
            let Some(members) = self.field_list(&at, At::Member(node.id, index), st, index, spec, None) else {
                continue;
            };
            let key = match field.annotations.iter().find(|a| self.annotation_name(a.id) == Some("key")) {
                None => None,
                Some(key) => match &key.value {
                    Value::Text(Some(spec)) if spec.trim() == "*" => Some(members.clone()),
                    Value::Text(Some(spec)) => {
                        match self.field_list(&at, At::Member(node.id, index), st, index, spec, Some(&members)) {
                            Some(key) => Some(key),
                            None => continue,
                        }
                    }
                    _ => continue,
                },
            };
            self.virtual_groups.insert((node.id, index), VirtualGroup { members, key });
        }
    }

    /// The fields a virtual group or its key lists (`"x, y"`), checked: fields of `st` other
    /// than the group's own field `own`, each once, none Void nor in a union, and all among
    /// `within` when given.
    fn field_list(
        &mut self,
        at: &str,
        place: At,
        st: &StructNode,
        own: usize,
        spec: &str,
        within: Option<&[usize]>,
    ) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut ok = true;
        for name in spec.split(',').map(str::trim) {
            let found = st.fields.iter().position(|f| f.name == name).filter(|&i| i != own);
            let Some(index) = found else {
                self.errors.push(GenerateError::new(
                    place,
                    format!("{at}: the virtual group names `{name}`, which is not another field of this struct"),
                ));
                ok = false;
                continue;
            };
            let field = &st.fields[index];
            let why = if out.contains(&index) {
                Some("twice")
            } else if field.discriminant_value != Field::NO_DISCRIMINANT {
                Some("but it is a member of a union")
            } else if matches!(&field.kind, FieldKind::Slot { ty: Type::Void, .. }) {
                Some("but it is Void")
            } else if within.is_some_and(|members| !members.contains(&index)) {
                Some("in its key, but it is not a member of the group")
            } else {
                None
            };
            match why {
                Some(why) => {
                    self.errors
                        .push(GenerateError::new(place, format!("{at}: the virtual group names `{name}` {why}")));
                    ok = false;
                }
                None => out.push(index),
            }
        }
        (ok && !out.is_empty()).then_some(out)
    }
}
