//! Planning nullable groups: which groups `$Py.nullable` (`$Rust.nullable`) makes an `Option`,
//! with the shape they must have.

use crate::model::{Field, FieldKind, NodeKind, Type};

use super::{At, GenerateError, Nullable, Plan};

impl Plan<'_> {
    /// Finds the nullable groups among the fields of the placed structs.
    pub(super) fn plan_nullable_groups(&mut self) {
        let mut ids: Vec<u64> = self.locs.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            let Some(node) = self.nodes.get(&id).copied() else { continue };
            let NodeKind::Struct(st) = &node.kind else { continue };
            for (index, field) in st.fields.iter().enumerate() {
                let FieldKind::Group { type_id } = field.kind else { continue };
                if !field.annotations.iter().any(|a| self.annotation_name(a.id) == Some("nullable")) {
                    continue;
                }
                let at = format!("{}.{}", node.display_name, field.name);
                match self.nullable_shape(type_id) {
                    Ok(nullable) if field.discriminant_value == Field::NO_DISCRIMINANT => {
                        self.nullable.insert(type_id, nullable);
                    }
                    Ok(_) => self.errors.push(GenerateError::new(
                        At::Member(node.id, index),
                        format!("{at}: capnzero does not generate nullable groups that are union members yet"),
                    )),
                    Err(why) => self
                        .errors
                        .push(GenerateError::new(At::Member(node.id, index), format!("{at}: a nullable group {why}"))),
                }
            }
        }
    }

    fn nullable_shape(&self, group_id: u64) -> Result<Nullable, &'static str> {
        let Some(NodeKind::Struct(group)) = self.nodes.get(&group_id).map(|n| &n.kind) else {
            return Err("must be a group");
        };
        let [flag, value] = &group.fields[..] else {
            return Err("must have exactly two members, `isNull` and `value`");
        };
        if flag.name != "isNull" || value.name != "value" {
            return Err("must have exactly two members, `isNull` and `value`");
        }
        if group.discriminant_count > 0 {
            return Err("must not be a union");
        }
        let flag_is_bool = match &flag.kind {
            FieldKind::Slot { ty: Type::Bool, .. } => true,
            FieldKind::Slot {
                ty:
                    Type::Int8
                    | Type::Int16
                    | Type::Int32
                    | Type::Int64
                    | Type::UInt8
                    | Type::UInt16
                    | Type::UInt32
                    | Type::UInt64,
                ..
            } => false,
            _ => return Err("needs an `isNull` of type Bool or an integer type"),
        };
        match &value.kind {
            FieldKind::Group { .. } => {}
            FieldKind::Slot { ty, .. }
                if !matches!(
                    ty,
                    Type::Void
                        | Type::Text
                        | Type::Data
                        | Type::List(_)
                        | Type::Struct { .. }
                        | Type::AnyPointer(_)
                        | Type::Interface { .. }
                ) => {}
            _ => {
                return Err(
                    "needs a `value` that is a group or a non-pointer, non-Void field (pointers are already optional)",
                )
            }
        }
        Ok(Nullable { flag_is_bool, value: value.clone() })
    }
}
