//! The checks the official schema loader makes when the compiler hands it a node's bootstrap
//! schema. A node that fails them (always after an error was reported) is not finished: the
//! values of pointer types in it are never compiled, so their errors are never reported, and
//! other declarations cannot use its layout or value.

use std::collections::{HashMap, HashSet};

use crate::model::{Binding, Brand, Field, FieldKind, Node, NodeKind, Type, Value};

/// The kind of node a loader holds (or expects) under an ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    File,
    Struct,
    Enum,
    Interface,
    Const,
    Annotation,
}

fn kind_of(node: &Node) -> Kind {
    match node.kind {
        NodeKind::File => Kind::File,
        NodeKind::Struct(_) => Kind::Struct,
        NodeKind::Enum(_) => Kind::Enum,
        NodeKind::Interface(_) => Kind::Interface,
        NodeKind::Const { .. } => Kind::Const,
        NodeKind::Annotation { .. } => Kind::Annotation,
    }
}

/// The IDs the schema loader's validator looks up for `node`, in its order, with the kind of
/// node it expects under each. `superclasses` are the references of the interface's
/// superclasses as the official compiler leaves them (see [`superclass_refs`]); `None`: those
/// of the node.
pub(super) fn typed_refs(node: &Node, superclasses: Option<&[(u64, Kind)]>) -> Vec<(u64, Kind)> {
    let mut out = Vec::new();
    match &node.kind {
        NodeKind::Struct(s) => {
            for field in &s.fields {
                match &field.kind {
                    FieldKind::Slot { ty, .. } => type_refs(ty, &mut out),
                    FieldKind::Group { type_id } => out.push((*type_id, Kind::Struct)),
                }
            }
            if s.is_group {
                out.push((node.scope_id, Kind::Struct));
            }
        }
        NodeKind::Interface(i) => {
            match superclasses {
                Some(refs) => out.extend_from_slice(refs),
                None => {
                    for superclass in &i.superclasses {
                        out.push((superclass.id, Kind::Interface));
                        brand_refs(&superclass.brand, &mut out);
                    }
                }
            }
            for method in &i.methods {
                out.push((method.param_struct_type, Kind::Struct));
                brand_refs(&method.param_brand, &mut out);
                out.push((method.result_struct_type, Kind::Struct));
                brand_refs(&method.result_brand, &mut out);
            }
        }
        NodeKind::Const { ty, .. } | NodeKind::Annotation { ty, .. } => type_refs(ty, &mut out),
        NodeKind::File | NodeKind::Enum(_) => {}
    }
    out
}

/// The references of a superclass: the interface (ID 0 for one in error), then its brand's.
pub(super) fn superclass_refs(id: u64, brand: &Brand, out: &mut Vec<(u64, Kind)>) {
    out.push((id, Kind::Interface));
    brand_refs(brand, out);
}

fn type_refs(ty: &Type, out: &mut Vec<(u64, Kind)>) {
    match ty {
        Type::Struct { type_id, brand } => {
            out.push((*type_id, Kind::Struct));
            brand_refs(brand, out);
        }
        Type::Enum { type_id, brand } => {
            out.push((*type_id, Kind::Enum));
            brand_refs(brand, out);
        }
        Type::Interface { type_id, brand } => {
            out.push((*type_id, Kind::Interface));
            brand_refs(brand, out);
        }
        Type::List(element) => type_refs(element, out),
        _ => {}
    }
}

fn brand_refs(brand: &Brand, out: &mut Vec<(u64, Kind)>) {
    for binding in brand.scopes.iter().flat_map(|s| s.bind.iter().flatten()) {
        if let Binding::Type(ty) = binding {
            type_refs(ty, out);
        }
    }
}

/// What one of the official compiler's schema loaders holds, as far as its checks go: under
/// each ID, a node of some kind, loaded or a placeholder.
#[derive(Default)]
pub(super) struct LoaderKinds {
    kinds: HashMap<u64, (Kind, bool)>,
}

impl LoaderKinds {
    /// Loads `node` (`loadOnce`): a node already loaded is kept as it is; else each ID the node
    /// refers to must hold a node of the expected kind (placeholders are made for the others),
    /// and the node must pass [`loader_accepts`]. Whether it was accepted.
    /// A node `renamed` has an ID of its own in the official compiler (its declaration's ID was
    /// taken): it is checked, and not entered under the ID it shares.
    pub(super) fn load(&mut self, node: &Node, superclasses: Option<&[(u64, Kind)]>, renamed: bool) -> bool {
        if let (Some((_, true)), false) = (self.kinds.get(&node.id), renamed) {
            return true;
        }
        let mut accepted = true;
        for (id, kind) in typed_refs(node, superclasses) {
            match self.kinds.get(&id) {
                Some((held, _)) if *held != kind => {
                    accepted = false;
                    break;
                }
                Some(_) => {}
                None => {
                    self.kinds.insert(id, (kind, false));
                }
            }
        }
        let accepted = accepted && loader_accepts(node);
        if renamed {
            return accepted;
        }
        // Refused, an empty node of the same kind is loaded in its place.
        match self.kinds.get(&node.id) {
            Some((held, _)) if *held != kind_of(node) => false,
            _ => {
                self.kinds.insert(node.id, (kind_of(node), true));
                accepted
            }
        }
    }
}

/// Whether the schema loader accepts `node`.
pub(super) fn loader_accepts(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Struct(s) => {
            let count = s.fields.len();
            if s.discriminant_count > 0
                && (s.discriminant_count == 1
                    || s.discriminant_count as usize > count
                    || (s.discriminant_offset as u64 + 1) * 16 > s.data_word_count as u64 * 64)
            {
                return false;
            }
            let mut names = HashSet::new();
            let mut code_orders = HashSet::new();
            let mut discriminants = HashSet::new();
            let mut next_ordinal = 0u32;
            for field in &s.fields {
                if !names.insert(field.name.as_str()) {
                    return false;
                }
                if field.code_order as usize >= count || !code_orders.insert(field.code_order) {
                    return false;
                }
                if let Some(ordinal) = field.ordinal {
                    if (ordinal as u32) < next_ordinal {
                        return false;
                    }
                    next_ordinal = ordinal as u32 + 1;
                }
                if field.discriminant_value != Field::NO_DISCRIMINANT
                    && (field.discriminant_value >= s.discriminant_count
                        || !discriminants.insert(field.discriminant_value))
                {
                    return false;
                }
                if let FieldKind::Slot { ty, default_value, .. } = &field.kind {
                    if !type_accepted(ty) || !value_fits(ty, default_value) {
                        return false;
                    }
                }
            }
            !(s.is_group && node.scope_id == 0)
        }
        NodeKind::Enum(enumerants) => {
            let mut names = HashSet::new();
            let mut code_orders = HashSet::new();
            enumerants.iter().all(|e| {
                names.insert(e.name.as_str())
                    && (e.code_order as usize) < enumerants.len()
                    && code_orders.insert(e.code_order)
            })
        }
        NodeKind::Interface(interface) => {
            let mut names = HashSet::new();
            let mut code_orders = HashSet::new();
            interface.superclasses.iter().all(|s| brand_accepted(&s.brand))
                && interface.methods.iter().all(|m| {
                    names.insert(m.name.as_str())
                        && (m.code_order as usize) < interface.methods.len()
                        && code_orders.insert(m.code_order)
                        && brand_accepted(&m.param_brand)
                        && brand_accepted(&m.result_brand)
                })
        }
        NodeKind::Const { ty, value } => type_accepted(ty) && value_fits(ty, value),
        NodeKind::Annotation { ty, .. } => type_accepted(ty),
        NodeKind::File => true,
    }
}

/// A type is accepted if every generic binding in it is a pointer type.
fn type_accepted(ty: &Type) -> bool {
    match ty {
        Type::Struct { brand, .. } | Type::Enum { brand, .. } | Type::Interface { brand, .. } => brand_accepted(brand),
        Type::List(element) => type_accepted(element),
        _ => true,
    }
}

fn brand_accepted(brand: &Brand) -> bool {
    brand.scopes.iter().flat_map(|s| s.bind.iter().flatten()).all(|binding| match binding {
        Binding::Unbound => true,
        Binding::Type(ty) => {
            type_accepted(ty)
                && matches!(
                    ty,
                    Type::Text
                        | Type::Data
                        | Type::List(_)
                        | Type::Struct { .. }
                        | Type::Interface { .. }
                        | Type::AnyPointer(_)
                )
        }
    })
}

/// Whether a value is of the kind its type calls for.
fn value_fits(ty: &Type, value: &Value) -> bool {
    matches!(
        (ty, value),
        (Type::Void, Value::Void)
            | (Type::Bool, Value::Bool(_))
            | (Type::Int8, Value::Int8(_))
            | (Type::Int16, Value::Int16(_))
            | (Type::Int32, Value::Int32(_))
            | (Type::Int64, Value::Int64(_))
            | (Type::UInt8, Value::UInt8(_))
            | (Type::UInt16, Value::UInt16(_))
            | (Type::UInt32, Value::UInt32(_))
            | (Type::UInt64, Value::UInt64(_))
            | (Type::Float32, Value::Float32(_))
            | (Type::Float64, Value::Float64(_))
            | (Type::Text, Value::Text(_))
            | (Type::Data, Value::Data(_))
            | (Type::List(_), Value::List(_))
            | (Type::Enum { .. }, Value::Enum(_))
            | (Type::Struct { .. }, Value::Struct(_))
            | (Type::Interface { .. }, Value::Interface)
            | (Type::AnyPointer(_), Value::AnyPointer(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ElementSize, StructNode};

    fn field(name: &str, code_order: u16, ordinal: u16) -> Field {
        Field {
            name: name.into(),
            code_order,
            annotations: Vec::new(),
            discriminant_value: Field::NO_DISCRIMINANT,
            kind: FieldKind::Slot {
                offset: ordinal as u32,
                ty: Type::Int32,
                default_value: Value::Int32(0),
                had_explicit_default: false,
            },
            ordinal: Some(ordinal),
        }
    }

    fn node(fields: Vec<Field>) -> Node {
        Node {
            id: 0x8000_0000_0000_0001,
            display_name: "x.capnp:S".into(),
            display_name_prefix_length: 8,
            scope_id: 0x8000_0000_0000_0002,
            parameters: Vec::new(),
            is_generic: false,
            nested_nodes: Vec::new(),
            annotations: Vec::new(),
            kind: NodeKind::Struct(StructNode {
                data_word_count: 1,
                pointer_count: 0,
                preferred_list_encoding: ElementSize::InlineComposite,
                is_group: false,
                discriminant_count: 0,
                discriminant_offset: 0,
                fields,
            }),
        }
    }

    #[test]
    fn duplicate_names_and_ordinals_are_refused() {
        assert!(loader_accepts(&node(vec![field("a", 0, 0), field("b", 1, 1)])));
        assert!(!loader_accepts(&node(vec![field("a", 0, 0), field("a", 1, 1)])));
        assert!(!loader_accepts(&node(vec![field("a", 0, 0), field("b", 1, 0)])));
        assert!(!loader_accepts(&node(vec![field("a", 0, 0), field("b", 0, 1)])));
    }

    #[test]
    fn non_pointer_generic_bindings_are_refused() {
        let boxed = |t: Type| Type::Struct {
            type_id: 1,
            brand: Brand { scopes: vec![crate::model::BrandScope { scope_id: 1, bind: Some(vec![Binding::Type(t)]) }] },
        };
        assert!(type_accepted(&boxed(Type::Text)));
        assert!(!type_accepted(&boxed(Type::Int32)));
        assert!(!type_accepted(&Type::List(Box::new(boxed(Type::Bool)))));
    }
}
