//! Planning generics: which generic parameters each struct's (and union's) Rust types take,
//! their Rust names, and the generic constructs capnzero refuses.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::{AnyPointer, Binding, Brand, FieldKind, NodeKind, Type};

use super::super::names::Scope;
use super::{At, GenerateError, Param, Plan};

/// What a brand binds a parameter to.
pub(in crate::codegen) enum Bound<'b> {
    Type(&'b Type),
    Inherit,
    Unbound,
}

pub(in crate::codegen) fn bound(brand: &Brand, param: Param) -> Bound<'_> {
    match brand.scopes.iter().find(|scope| scope.scope_id == param.0) {
        None => Bound::Unbound,
        Some(scope) => match &scope.bind {
            None => Bound::Inherit,
            Some(bindings) => match bindings.get(param.1 as usize) {
                Some(Binding::Type(ty)) => Bound::Type(ty),
                _ => Bound::Unbound,
            },
        },
    }
}

impl Plan<'_> {
    /// The Rust name of a generic parameter: its schema name, unless a parameter of an
    /// enclosing scope has that name (`struct G(T) { struct H(T) {} }`), then the next free name
    /// with a trailing `_` (H's `T_`): the enclosing scopes' parameters claim first, outermost
    /// first, so a parameter has one Rust name in every struct that uses it.
    pub fn param_name(&self, param: Param) -> String {
        let mut chain = Vec::new();
        let mut at = param.0;
        while let Some(node) = self.nodes.get(&at) {
            chain.push(node);
            if node.scope_id == 0 || chain.len() > self.nodes.len() {
                break;
            }
            at = node.scope_id;
        }
        let mut taken = HashSet::new();
        for node in chain.iter().rev() {
            for (index, name) in node.parameters.iter().enumerate() {
                let name = Scope::claim_in(&mut taken, name, |n| vec![n.to_string()]);
                if node.id == param.0 && index == param.1 as usize {
                    return name;
                }
            }
        }
        format!("P{}", param.1)
    }

    /// Fills `generics` and `union_generics`: which parameters each struct's fields use,
    /// through groups and the brands of the struct types they name, to a fixed point (a struct
    /// may name itself).
    pub(super) fn find_generics(&mut self) {
        let mut structs: Vec<u64> = self
            .locs
            .keys()
            .copied()
            .filter(|id| matches!(self.nodes.get(id).map(|n| &n.kind), Some(NodeKind::Struct(_))))
            .collect();
        structs.sort_unstable();
        let mut uses: HashMap<u64, BTreeSet<Param>> = HashMap::new();
        loop {
            let mut changed = false;
            for &id in &structs {
                let mut found = BTreeSet::new();
                self.fields_use(id, &uses, |_| true, &mut found);
                if uses.get(&id) != Some(&found) {
                    uses.insert(id, found);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for &id in &structs {
            let mut in_union = BTreeSet::new();
            self.fields_use(
                id,
                &uses,
                |discriminant| discriminant != crate::model::Field::NO_DISCRIMINANT,
                &mut in_union,
            );
            if !in_union.is_empty() {
                self.union_generics.insert(id, self.ordered(id, in_union));
            }
        }
        for (id, found) in uses {
            if !found.is_empty() {
                let ordered = self.ordered(id, found);
                self.generics.insert(id, ordered);
            }
        }
    }

    /// The parameters the fields of struct `id` (those whose discriminant `keep` accepts) use.
    fn fields_use(
        &self,
        id: u64,
        uses: &HashMap<u64, BTreeSet<Param>>,
        keep: impl Fn(u16) -> bool,
        out: &mut BTreeSet<Param>,
    ) {
        let Some(NodeKind::Struct(st)) = self.nodes.get(&id).map(|n| &n.kind) else { return };
        for field in st.fields.iter().filter(|f| keep(f.discriminant_value)) {
            match &field.kind {
                FieldKind::Slot { ty, .. } => type_uses(ty, uses, out),
                FieldKind::Group { type_id } => out.extend(uses.get(type_id).into_iter().flatten().copied()),
            }
        }
    }

    /// `params` in the order the Rust type parameters take: outermost scope first, then by
    /// position. A scope outside the node's chain (the interface of a method's parameter
    /// struct) comes first.
    fn ordered(&self, id: u64, params: BTreeSet<Param>) -> Vec<Param> {
        let mut chain = Vec::new();
        let mut at = id;
        for _ in 0..self.nodes.len() {
            chain.push(at);
            match self.nodes.get(&at) {
                Some(node) if node.scope_id != 0 => at = node.scope_id,
                _ => break,
            }
        }
        let depth = |scope: u64| chain.iter().rev().position(|&s| s == scope).map_or(0, |d| d + 1);
        let mut params: Vec<Param> = params.into_iter().collect();
        params.sort_by_key(|&(scope, index)| (depth(scope), scope, index));
        params
    }

    /// What generic structs cannot have yet.
    pub(super) fn check_generics(&mut self) {
        let mut errors = Vec::new();
        for id in self.generics.keys() {
            let Some(node) = self.nodes.get(id) else { continue };
            if self.keys.contains_key(id) {
                errors.push(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate keys on generic structs yet", node.display_name),
                ));
            }
            if self.nullable.contains_key(id) {
                errors.push(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate generic nullable groups yet", node.display_name),
                ));
            }
            if self.virtual_groups.keys().any(|(container, _)| container == id) {
                errors.push(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate virtual groups in generic structs yet", node.display_name),
                ));
            }
        }
        self.errors.extend(errors);
        self.errors.sort();
        self.errors.dedup();
    }
}

/// The parameters a field of type `ty` makes its struct use.
fn type_uses(ty: &Type, uses: &HashMap<u64, BTreeSet<Param>>, out: &mut BTreeSet<Param>) {
    match ty {
        Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => {
            out.insert((*scope_id, *index));
        }
        Type::List(inner) => type_uses(inner, uses, out),
        Type::Struct { type_id, brand } => {
            for &param in uses.get(type_id).into_iter().flatten() {
                match bound(brand, param) {
                    Bound::Type(bound_ty) => type_uses(bound_ty, uses, out),
                    Bound::Inherit => {
                        out.insert(param);
                    }
                    Bound::Unbound => {}
                }
            }
        }
        _ => {}
    }
}
