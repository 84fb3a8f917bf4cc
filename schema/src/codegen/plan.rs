//! Where each generated type lives, and what the generator refuses: everything decided before
//! a token is emitted, so that every problem of a schema is reported at once.

use std::collections::{HashMap, HashSet};

use crate::compile::Compiled;
use crate::model::{AnyPointer, Field, FieldKind, Node, NodeKind, SourceInfo, Type};

use super::names::{pascal_case, snake_case, upper_snake_case};

/// Where a generated type is: the modules below the macro's output, and its Rust name.
#[derive(Clone, Debug)]
pub struct Loc {
    /// Module names (snake_case, unescaped), outermost first.
    pub modules: Vec<String>,
    /// The type's Rust name (PascalCase).
    pub name: String,
}

impl Loc {
    /// The module holding the items nested in this type (its `Which`, groups, nested types).
    pub fn inner_modules(&self) -> Vec<String> {
        let mut modules = self.modules.clone();
        modules.push(snake_case(&self.name));
        modules
    }
}

/// Everything the emitter looks up.
pub struct Plan<'c> {
    /// Every node by ID.
    pub nodes: HashMap<u64, &'c Node>,
    /// Doc comments by node ID.
    pub docs: HashMap<u64, &'c SourceInfo>,
    /// The structs, groups and enums to generate, with their places.
    pub locs: HashMap<u64, Loc>,
    /// The top-level structs and enums of the generated file, in declaration order.
    pub roots: Vec<u64>,
    /// `(container, field index)` of struct fields whose owned value must be boxed: the field's
    /// struct contains the container again.
    pub boxed: HashSet<(u64, usize)>,
    /// What cannot be generated.
    pub errors: Vec<String>,
}

impl<'c> Plan<'c> {
    /// Plans the generation of the file `file_id` of `compiled`.
    pub fn new(compiled: &'c Compiled, file_id: u64) -> Plan<'c> {
        let mut plan = Plan {
            nodes: compiled.nodes.iter().map(|n| (n.id, n)).collect(),
            docs: compiled.source_info.iter().map(|s| (s.id, s)).collect(),
            locs: HashMap::new(),
            roots: Vec::new(),
            boxed: HashSet::new(),
            errors: Vec::new(),
        };
        let Some(file) = plan.nodes.get(&file_id).copied() else {
            plan.errors.push(format!("capnzero: no file node {file_id:#x} in the compiled schema"));
            return plan;
        };
        plan.check_annotations(file, &file.display_name);
        let mut taken = HashSet::new();
        for nested in &file.nested_nodes {
            if plan.place(nested.id, &nested.name, &[], &mut taken) {
                plan.roots.push(nested.id);
            }
        }
        let ids: Vec<u64> = plan.locs.keys().copied().collect();
        for id in ids {
            plan.check_node(id);
        }
        plan.find_boxed();
        plan.errors.sort();
        plan.errors.dedup();
        plan
    }

    /// Gives `id` (named `name` in its scope) a place in `modules`; false when it is not an
    /// item that gets code (files, annotation declarations).
    fn place(&mut self, id: u64, name: &str, modules: &[String], taken: &mut HashSet<String>) -> bool {
        let Some(node) = self.nodes.get(&id).copied() else { return false };
        let loc = match &node.kind {
            NodeKind::Struct(_) | NodeKind::Enum(_) | NodeKind::Interface(_) => {
                Loc { modules: modules.to_vec(), name: pascal_case(name) }
            }
            NodeKind::Const { .. } => Loc { modules: modules.to_vec(), name: upper_snake_case(name) },
            NodeKind::File | NodeKind::Annotation { .. } => return false,
        };
        let mut claimed = vec![loc.name.clone()];
        match &node.kind {
            NodeKind::Struct(_) => {
                claimed.extend([format!("{}Reader", loc.name), format!("{}Builder", loc.name), snake_case(&loc.name)])
            }
            NodeKind::Interface(_) => claimed.push(snake_case(&loc.name)),
            _ => {}
        }
        for claim in claimed {
            if !taken.insert(claim.clone()) {
                self.errors.push(format!(
                    "{}: capnzero does not generate two items named `{claim}` in one module yet (rename one)",
                    node.display_name
                ));
            }
        }
        let inner = loc.inner_modules();
        self.locs.insert(id, loc);
        let mut inner_taken: HashSet<String> = HashSet::new();
        match &node.kind {
            NodeKind::Struct(st) => {
                if st.discriminant_count > 0 {
                    inner_taken.extend(["Which".to_string(), "Union".to_string()]);
                }
                for nested in &node.nested_nodes {
                    self.place(nested.id, &nested.name, &inner, &mut inner_taken);
                }
                for field in &st.fields {
                    if let FieldKind::Group { type_id } = field.kind {
                        self.place(type_id, &field.name, &inner, &mut inner_taken);
                    }
                }
            }
            NodeKind::Interface(interface) => {
                inner_taken.insert("Method".to_string());
                for nested in &node.nested_nodes {
                    self.place(nested.id, &nested.name, &inner, &mut inner_taken);
                }
                // Parameter and result lists written in the method (`foo @0 (a :Int32)`) are
                // structs of their own, without a scope; named struct types are generated where
                // they are declared.
                for method in &interface.methods {
                    for (struct_id, suffix) in
                        [(method.param_struct_type, "Params"), (method.result_struct_type, "Results")]
                    {
                        let implicit = self.nodes.get(&struct_id).is_some_and(|n| n.scope_id == 0);
                        if implicit && !self.locs.contains_key(&struct_id) {
                            let name = format!("{}{suffix}", method.name);
                            self.place(struct_id, &name, &inner, &mut inner_taken);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn unsupported(&mut self, node: &Node, what: &str) {
        self.errors.push(format!("{}: capnzero does not generate {what} yet", node.display_name));
    }

    fn check_annotations(&mut self, node: &Node, at: &str) {
        for annotation in &node.annotations {
            self.check_annotation(annotation.id, at);
        }
    }

    /// capnpy's and capnzero's own annotations change the generated API; until they are
    /// implemented, a schema using one does not compile.
    fn check_annotation(&mut self, id: u64, at: &str) {
        let Some(decl) = self.nodes.get(&id) else { return };
        let ours = ["capnpy/annotate.capnp:", "capnzero/annotate.capnp:"];
        if ours.iter().any(|prefix| decl.display_name.starts_with(prefix)) {
            let name = &decl.display_name[decl.display_name_prefix_length as usize..];
            self.errors.push(format!("{at}: capnzero does not generate the annotation `${name}` yet"));
        }
    }

    fn check_node(&mut self, id: u64) {
        let node = self.nodes[&id];
        self.check_annotations(node, &node.display_name);
        if node.is_generic || !node.parameters.is_empty() {
            let what = match node.kind {
                NodeKind::Interface(_) => "generic interfaces",
                _ => "generic structs",
            };
            self.unsupported(node, what);
            return;
        }
        match &node.kind {
            NodeKind::Const { ty, .. } => {
                let supported = match ty {
                    Type::AnyPointer(AnyPointer::AnyKind | AnyPointer::Struct | AnyPointer::List) => true,
                    _ => self.unsupported_type(ty).is_none(),
                };
                if !supported {
                    let what = self.unsupported_type(ty).unwrap_or("constants of this type");
                    self.errors.push(format!("{}: capnzero does not generate {what} yet", node.display_name));
                }
            }
            NodeKind::Interface(interface) => {
                for method in &interface.methods {
                    let at = format!("{}.{}", node.display_name, method.name);
                    for a in &method.annotations {
                        self.check_annotation(a.id, &at);
                    }
                    if !method.implicit_parameters.is_empty()
                        || !method.param_brand.scopes.is_empty()
                        || !method.result_brand.scopes.is_empty()
                    {
                        self.errors.push(format!("{at}: capnzero does not generate generic methods yet"));
                    }
                }
            }
            NodeKind::Enum(enumerants) => {
                for e in enumerants {
                    for a in &e.annotations {
                        self.check_annotation(a.id, &format!("{}.{}", node.display_name, e.name));
                    }
                    if pascal_case(&e.name) == "Unknown" {
                        self.unsupported(node, "an enumerant named `unknown` (the name of the unknown-value variant)");
                    }
                }
            }
            NodeKind::Struct(st) => {
                for field in &st.fields {
                    let at = format!("{}.{}", node.display_name, field.name);
                    for a in &field.annotations {
                        self.check_annotation(a.id, &at);
                    }
                    if field.discriminant_value != Field::NO_DISCRIMINANT && pascal_case(&field.name) == "Unknown" {
                        self.errors.push(format!(
                            "{at}: capnzero does not generate a union member named `unknown` (the name of the \
                             unknown-discriminant variant) yet"
                        ));
                    }
                    if let FieldKind::Slot { ty, .. } = &field.kind {
                        if let Some(what) = self.unsupported_type(ty) {
                            self.errors.push(format!("{at}: capnzero does not generate {what} yet"));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Why a field of type `ty` cannot be generated yet, if it cannot.
    fn unsupported_type(&self, ty: &Type) -> Option<&'static str> {
        match ty {
            Type::List(inner) => self.unsupported_type(inner),
            Type::AnyPointer(AnyPointer::Parameter { .. } | AnyPointer::ImplicitMethodParameter { .. }) => {
                Some("fields of generic parameter types")
            }
            Type::AnyPointer(_) => Some("AnyPointer, AnyStruct, AnyList and Capability fields"),
            Type::Interface { .. } => Some("interface fields"),
            Type::Struct { type_id, brand } | Type::Enum { type_id, brand } => {
                if !brand.scopes.is_empty() {
                    Some("fields of generic (branded) types")
                } else if !self.locs.contains_key(type_id) {
                    Some("fields whose type is declared in another file")
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Struct fields whose struct leads back to the container through struct fields (not
    /// lists): their owned values are boxed so that the owned type has a finite size.
    fn find_boxed(&mut self) {
        let mut edges: HashMap<u64, Vec<u64>> = HashMap::new();
        for &id in self.locs.keys() {
            let mut targets = Vec::new();
            self.direct_structs(id, &mut targets);
            edges.insert(id, targets);
        }
        let mut boxed = HashSet::new();
        for &id in self.locs.keys() {
            let Some(NodeKind::Struct(st)) = self.nodes.get(&id).map(|n| &n.kind) else { continue };
            for (index, field) in st.fields.iter().enumerate() {
                if let FieldKind::Slot { ty: Type::Struct { type_id, .. }, .. } = &field.kind {
                    if reaches(&edges, *type_id, id) {
                        boxed.insert((id, index));
                    }
                }
            }
        }
        self.boxed = boxed;
    }

    /// The structs a struct's owned value holds directly (through its groups too).
    fn direct_structs(&self, id: u64, out: &mut Vec<u64>) {
        let Some(NodeKind::Struct(st)) = self.nodes.get(&id).map(|n| &n.kind) else { return };
        for field in &st.fields {
            match &field.kind {
                FieldKind::Slot { ty: Type::Struct { type_id, .. }, .. } => out.push(*type_id),
                FieldKind::Group { type_id } => out.push(*type_id),
                _ => {}
            }
        }
    }
}

fn reaches(edges: &HashMap<u64, Vec<u64>>, from: u64, to: u64) -> bool {
    let mut seen = HashSet::new();
    let mut stack = vec![from];
    while let Some(id) = stack.pop() {
        if id == to {
            return true;
        }
        if seen.insert(id) {
            stack.extend(edges.get(&id).into_iter().flatten().copied());
        }
    }
    false
}
