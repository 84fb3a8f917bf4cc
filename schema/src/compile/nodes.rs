//! Declarations into nodes: structs (with their groups), enums, interfaces (with their
//! parameter and result structs), constants, annotations and files.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::ast::{AnnotationApplication, DeclId, DeclKind, Declaration, Expr, ParamListKind};
use crate::diagnostic::Diagnostics;
use crate::id::{group_id, method_struct_id};
use crate::members::{self, FieldSize, LaidOut};
use crate::model::{
    Annotation, ElementSize, Enumerant, Field, FieldKind, InterfaceNode, Method, NestedNode, Node, NodeKind,
    SourceInfo, StructNode, Superclass, Type, Value,
};

use super::entities::{EntityKind, Table};
use super::files::ParsedFile;
use super::resolve::{Branded, ImplicitParams, Resolver, Scope, Target};
use super::{Compiled, CompiledFile};

/// Builds the nodes of all entities, each once, on demand.
pub struct NodeCompiler<'t, 'f> {
    pub(super) files: &'f [ParsedFile],
    pub(super) table: &'t Table<'f>,
    pub(super) diagnostics: Vec<Diagnostics>,
    pub(super) all_nodes: Vec<Node>,
    by_entity: HashMap<usize, usize>,
    pub(super) group_nodes: HashMap<u64, usize>,
    in_progress: HashSet<usize>,
    source_info: Vec<SourceInfo>,
}

/// What an annotation may be applied to, by `schema.capnp`'s target order.
#[derive(Clone, Copy)]
enum AnnotationTarget {
    File = 0,
    Const = 1,
    Enum = 2,
    Enumerant = 3,
    Struct = 4,
    Field = 5,
    Union = 6,
    Group = 7,
    Interface = 8,
    Method = 9,
    Param = 10,
    Annotation = 11,
}

impl<'t, 'f> NodeCompiler<'t, 'f> {
    pub fn new(files: &'f [ParsedFile], table: &'t Table<'f>) -> NodeCompiler<'t, 'f> {
        NodeCompiler {
            files,
            table,
            diagnostics: vec![Diagnostics::default(); files.len()],
            all_nodes: Vec::new(),
            by_entity: HashMap::new(),
            group_nodes: HashMap::new(),
            in_progress: HashSet::new(),
            source_info: Vec::new(),
        }
    }

    pub fn into_diagnostics(self) -> impl Iterator<Item = (usize, Diagnostics)> {
        self.diagnostics.into_iter().enumerate()
    }

    pub(super) fn resolver(&self, file: usize) -> Resolver<'t, 'f> {
        Resolver { table: self.table, file_imports: &self.files[file].imports }
    }

    /// Compiles every entity of every file.
    pub fn compile_all(&mut self, requested: usize) -> Compiled {
        for entity in 0..self.table.entities.len() {
            if self.table.entities[entity].kind != EntityKind::Using {
                self.node(entity);
            } else {
                self.check_using(entity);
            }
        }
        let requested = (0..requested)
            .map(|file| {
                let root = self.table.file_roots[file];
                CompiledFile {
                    id: self.table.entities[root].id,
                    name: self.files[file].name.clone(),
                    imports: self.files[file]
                        .imports
                        .iter()
                        .map(|(name, index)| (self.table.entities[self.table.file_roots[*index]].id, name.clone()))
                        .collect(),
                }
            })
            .collect();
        Compiled { nodes: self.all_nodes.clone(), source_info: self.source_info.clone(), requested }
    }

    fn check_using(&mut self, entity: usize) {
        let e = &self.table.entities[entity];
        let (Some(parent), DeclKind::Using { target }) = (e.parent, &e.decl.kind) else { return };
        let file = e.file;
        let brand = Scope::of_entity(self.table, parent);
        self.resolver(file).decl_expression(
            parent,
            target,
            &brand,
            ImplicitParams::default(),
            &mut self.diagnostics[file],
        );
    }

    /// The node of `entity`, compiled on first use.
    pub(super) fn node(&mut self, entity: usize) -> Option<&Node> {
        if let Some(&index) = self.by_entity.get(&entity) {
            return self.all_nodes.get(index);
        }
        let file = self.table.entities[entity].file;
        if !self.in_progress.insert(entity) {
            let span = self.table.entities[entity].decl.name.span;
            self.diagnostics[file].error(span, "Declaration recursively depends on itself.");
            return None;
        }
        let index = match self.table.entities[entity].kind {
            EntityKind::Struct => self.compile_struct(entity),
            _ => {
                let node = self.compile_other(entity);
                self.push_node(entity, node)
            }
        };
        self.in_progress.remove(&entity);
        self.all_nodes.get(index)
    }

    fn push_node(&mut self, entity: usize, node: Node) -> usize {
        self.all_nodes.push(node);
        let index = self.all_nodes.len() - 1;
        self.by_entity.insert(entity, index);
        index
    }

    fn base_node(&self, entity: usize, kind: NodeKind) -> Node {
        let e = &self.table.entities[entity];
        Node {
            id: e.id,
            display_name: e.display_name.clone(),
            display_name_prefix_length: e.prefix_length,
            scope_id: e.parent.map_or(0, |p| self.table.entities[p].id),
            parameters: self.table.parameters(entity).iter().map(|p| p.value.clone()).collect(),
            is_generic: self.table.is_generic(entity),
            nested_nodes: e
                .nested
                .iter()
                .map(|&c| NestedNode {
                    name: self.table.entities[c].decl.name.value.clone(),
                    id: self.table.entities[c].id,
                })
                .collect(),
            annotations: Vec::new(),
            kind,
        }
    }

    fn compile_type(&mut self, scope: usize, file: usize, expr: &Expr, implicit: ImplicitParams<'_>) -> Option<Type> {
        let brand = Scope::of_entity(self.table, scope);
        let resolver = self.resolver(file);
        let branded = resolver.decl_expression(scope, expr, &brand, implicit, &mut self.diagnostics[file])?;
        resolver.as_type(&branded, &mut self.diagnostics[file])
    }

    fn compile_other(&mut self, entity: usize) -> Node {
        let e = &self.table.entities[entity];
        let (decl, file) = (e.decl, e.file);
        let scope = e.parent.unwrap_or(entity);
        let (kind, target) = match &decl.kind {
            DeclKind::File => (NodeKind::File, AnnotationTarget::File),
            DeclKind::Enum => (NodeKind::Enum(self.compile_enumerants(entity, decl, file)), AnnotationTarget::Enum),
            DeclKind::Const { ty, value } => {
                let ty = self.compile_type(scope, file, ty, ImplicitParams::default());
                let kind = match ty {
                    Some(ty) => {
                        let value =
                            self.compile_value(scope, file, value, &ty).unwrap_or_else(|| Self::default_default(&ty));
                        NodeKind::Const { ty, value }
                    }
                    None => NodeKind::Const { ty: Type::Void, value: Value::Void },
                };
                (kind, AnnotationTarget::Const)
            }
            DeclKind::Annotation { ty, targets } => {
                let ty = self.compile_type(scope, file, ty, ImplicitParams::default()).unwrap_or(Type::Void);
                let mut flags = [false; 12];
                for (i, flag) in flags.iter_mut().enumerate() {
                    *flag = targets.0 & (1 << i) != 0;
                }
                (NodeKind::Annotation { ty, targets: flags }, AnnotationTarget::Annotation)
            }
            DeclKind::Interface { superclasses } => {
                (NodeKind::Interface(self.compile_interface(entity, superclasses, file)), AnnotationTarget::Interface)
            }
            _ => (NodeKind::File, AnnotationTarget::File),
        };
        let mut node = self.base_node(entity, kind);
        let annotation_scope = if e.kind == EntityKind::File { entity } else { scope };
        node.annotations = self.compile_annotations(annotation_scope, file, &decl.annotations, target);
        let members = match &node.kind {
            NodeKind::Enum(_) => enumerant_decls(decl).map(|d| d.doc.clone()).collect(),
            NodeKind::Interface(i) => i
                .methods
                .iter()
                .map(|m| decl.nested.iter().find(|d| d.name.value == m.name).and_then(|d| d.doc.clone()))
                .collect(),
            _ => Vec::new(),
        };
        self.source_info.push(SourceInfo { id: node.id, doc_comment: decl.doc.clone(), members });
        node
    }

    fn compile_enumerants(&mut self, entity: usize, decl: &Declaration, file: usize) -> Vec<Enumerant> {
        let mut list: Vec<(u64, u16, &Declaration)> = Vec::new();
        for (code_order, d) in enumerant_decls(decl).enumerate() {
            if let DeclId::Ordinal(o) = &d.id {
                list.push((o.value, code_order as u16, d));
            }
        }
        list.sort_by_key(|(o, _, _)| *o);
        self.check_ordinals(file, list.iter().map(|(_, _, d)| *d));
        let scope = entity;
        list.into_iter()
            .map(|(_, code_order, d)| Enumerant {
                name: d.name.value.clone(),
                code_order,
                annotations: self.compile_annotations(scope, file, &d.annotations, AnnotationTarget::Enumerant),
            })
            .collect()
    }

    fn check_ordinals<'d>(&mut self, file: usize, decls: impl Iterator<Item = &'d Declaration>) {
        let mut expected = 0u64;
        let mut last: Option<&crate::ast::Located<u64>> = None;
        for d in decls {
            let DeclId::Ordinal(o) = &d.id else { continue };
            if o.value < expected {
                self.diagnostics[file].error(o.span, "Duplicate ordinal number.");
                if let Some(original) = last.take() {
                    self.diagnostics[file]
                        .error(original.span, format!("Ordinal @{} originally used here.", original.value));
                }
            } else if o.value > expected {
                self.diagnostics[file]
                    .error(o.span, format!("Skipped ordinal @{expected}.  Ordinals must be sequential with no holes."));
                expected = o.value + 1;
            } else {
                expected += 1;
                last = Some(o);
            }
        }
    }

    fn compile_interface(&mut self, entity: usize, superclasses: &[Expr], file: usize) -> InterfaceNode {
        let scope = self.table.entities[entity].parent.unwrap_or(entity);
        let own_brand = Scope::of_entity(self.table, entity);
        let mut supers = Vec::new();
        for expr in superclasses {
            let brand = Scope::of_entity(self.table, scope);
            let resolver = self.resolver(file);
            let Some(branded) =
                resolver.decl_expression(scope, expr, &brand, ImplicitParams::default(), &mut self.diagnostics[file])
            else {
                continue;
            };
            match &branded {
                Branded::Decl { target: Target::Entity(e), brand, .. }
                    if self.table.entities[*e].kind == EntityKind::Interface =>
                {
                    let brand = resolver.compile_brand(brand, &mut self.diagnostics[file]);
                    supers.push(Superclass { id: self.table.entities[*e].id, brand });
                }
                Branded::Decl { .. } => {
                    let text = super::resolve::expression_string(expr);
                    self.diagnostics[file].error(expr.span, format!("'{text}' is not an interface."));
                }
                _ => {
                    let text = super::resolve::expression_string(expr);
                    self.diagnostics[file].error(
                        expr.span,
                        format!(
                            "'{text}' is an unbound generic parameter. Currently we don't support extending these."
                        ),
                    );
                }
            }
        }
        let decl = self.table.entities[entity].decl;
        let mut methods: Vec<(u64, u16, &Declaration)> = Vec::new();
        for (code_order, d) in decl.nested.iter().filter(|d| matches!(d.kind, DeclKind::Method { .. })).enumerate() {
            if let DeclId::Ordinal(o) = &d.id {
                methods.push((o.value, code_order as u16, d));
            }
        }
        methods.sort_by_key(|(o, _, _)| *o);
        self.check_ordinals(file, methods.iter().map(|(_, _, d)| *d));
        let mut out = Vec::new();
        for (ordinal, code_order, d) in methods {
            let DeclKind::Method { params, results } = &d.kind else { continue };
            let implicit = &d.parameters;
            let (param_struct_type, param_brand) =
                self.param_list(entity, file, &d.name.value, ordinal as u16, false, params, implicit, &own_brand);
            let (result_struct_type, result_brand) = match results {
                Some(results) => {
                    self.param_list(entity, file, &d.name.value, ordinal as u16, true, results, implicit, &own_brand)
                }
                None => {
                    let empty = crate::ast::ParamList { kind: ParamListKind::Named(Vec::new()), span: d.name.span };
                    self.param_list(entity, file, &d.name.value, ordinal as u16, true, &empty, implicit, &own_brand)
                }
            };
            out.push(Method {
                name: d.name.value.clone(),
                code_order,
                implicit_parameters: implicit.iter().map(|p| p.value.clone()).collect(),
                param_struct_type,
                param_brand,
                result_struct_type,
                result_brand,
                annotations: self.compile_annotations(entity, file, &d.annotations, AnnotationTarget::Method),
            });
        }
        InterfaceNode { methods: out, superclasses: supers }
    }

    #[allow(clippy::too_many_arguments)]
    fn param_list(
        &mut self,
        interface: usize,
        file: usize,
        method: &str,
        ordinal: u16,
        results: bool,
        list: &crate::ast::ParamList,
        implicit: &[crate::ast::Located<String>],
        own_brand: &Rc<Scope>,
    ) -> (u64, crate::model::Brand) {
        match &list.kind {
            ParamListKind::Named(params) => {
                let parent = &self.table.entities[interface];
                let id = method_struct_id(parent.id, ordinal, results);
                let type_name = format!("{method}{}", if results { "$Results" } else { "$Params" });
                let display_name = format!("{}.{type_name}", parent.display_name);
                let implicit_params = ImplicitParams { names: implicit, scope_id: id };
                // Each parameter is a field with ordinal = its position.
                let fields: Vec<Declaration> = params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Declaration {
                        name: p.name.clone(),
                        id: DeclId::Ordinal(crate::ast::Located { value: i as u64, span: p.name.span }),
                        parameters: Vec::new(),
                        nested: Vec::new(),
                        annotations: p.annotations.clone(),
                        doc: None,
                        span: p.span,
                        kind: DeclKind::Field { ty: p.ty.clone(), default: p.default.clone() },
                    })
                    .collect();
                let holder = Declaration {
                    name: crate::ast::Located { value: type_name.clone(), span: list.span },
                    id: DeclId::Unspecified,
                    parameters: implicit.to_vec(),
                    nested: fields,
                    annotations: Vec::new(),
                    doc: None,
                    span: list.span,
                    kind: DeclKind::Struct,
                };
                let mut node = Node {
                    id,
                    display_name: display_name.clone(),
                    display_name_prefix_length: (display_name.len() - type_name.len()) as u32,
                    scope_id: 0,
                    parameters: implicit.iter().map(|p| p.value.clone()).collect(),
                    is_generic: self.table.is_generic(interface) || !implicit.is_empty(),
                    nested_nodes: Vec::new(),
                    annotations: Vec::new(),
                    kind: NodeKind::File,
                };
                let groups = self.build_struct(interface, file, &holder, &mut node, implicit_params, true);
                self.all_nodes.push(node);
                for g in groups {
                    self.all_nodes.push(g);
                }
                let brand = self.resolver(file).compile_brand(own_brand, &mut self.diagnostics[file]);
                (id, brand)
            }
            ParamListKind::Type(expr) => {
                let brand = Scope::of_entity(self.table, interface);
                let resolver = self.resolver(file);
                let implicit_params = ImplicitParams { names: implicit, scope_id: 0 };
                match resolver.decl_expression(interface, expr, &brand, implicit_params, &mut self.diagnostics[file]) {
                    Some(Branded::Decl { target: Target::Entity(e), brand, .. })
                        if self.table.entities[e].kind == EntityKind::Struct =>
                    {
                        let brand = resolver.compile_brand(&brand, &mut self.diagnostics[file]);
                        (self.table.entities[e].id, brand)
                    }
                    Some(Branded::Decl { .. }) => {
                        let text = super::resolve::expression_string(expr);
                        self.diagnostics[file].error(expr.span, format!("'{text}' is not a struct type."));
                        (0, Default::default())
                    }
                    Some(_) => {
                        self.diagnostics[file].error(
                            expr.span,
                            "Cannot use generic parameter as whole input or output of a method. Instead, use a \
                             parameter/result list containing a field with this type.",
                        );
                        (0, Default::default())
                    }
                    None => (0, Default::default()),
                }
            }
            ParamListKind::Stream => {
                if !results {
                    self.diagnostics[file].error(list.span, "'stream' can only appear after '->', not before.");
                    return (0, Default::default());
                }
                let stream_file = self.files[file].imports.iter().find(|(p, _)| p == super::files::STREAM_IMPORT);
                let result = stream_file.and_then(|&(_, f)| {
                    self.table.entities[self.table.file_roots[f]].children.get("StreamResult").copied()
                });
                match result {
                    Some(entity) => (self.table.entities[entity].id, Default::default()),
                    None => {
                        self.diagnostics[file].error(list.span, "No StreamResult found in built-in stream.capnp.");
                        (0, Default::default())
                    }
                }
            }
        }
    }

    fn compile_struct(&mut self, entity: usize) -> usize {
        let e = &self.table.entities[entity];
        let (decl, file) = (e.decl, e.file);
        let mut node = self.base_node(entity, NodeKind::File);
        let groups = self.build_struct(entity, file, decl, &mut node, ImplicitParams::default(), false);
        let scope = e.parent.unwrap_or(entity);
        node.annotations = self.compile_annotations(scope, file, &decl.annotations, AnnotationTarget::Struct);
        let index = self.push_node(entity, node);
        for g in groups {
            self.all_nodes.push(g);
        }
        index
    }

    /// Lays out the struct `decl` into `node` (its kind, fields, defaults) and returns its
    /// group nodes. `scope` is where names in the fields are looked up.
    fn build_struct<'d>(
        &mut self,
        scope: usize,
        file: usize,
        decl: &'d Declaration,
        node: &mut Node,
        implicit: ImplicitParams<'_>,
        params_struct: bool,
    ) -> Vec<Node> {
        // Field types first: the layout needs their sizes.
        let mut types: HashMap<*const Declaration, Option<Type>> = HashMap::new();
        let mut field_decls = Vec::new();
        collect_fields(decl, &mut field_decls);
        for d in &field_decls {
            if let DeclKind::Field { ty, .. } = &d.kind {
                let t = self.compile_type(scope, file, ty, implicit);
                types.insert(*d as *const Declaration, t);
            }
        }
        let mut layout_errors = Diagnostics::default();
        let laid: LaidOut<'d> = members::lay_out(
            decl,
            &mut |d| match types.get(&(d as *const Declaration)) {
                Some(Some(t)) => field_size(t),
                _ => FieldSize::Void,
            },
            &mut layout_errors,
        );
        self.diagnostics[file].0.extend(layout_errors.0);

        // Node ids of the scopes: the struct, then groups from their parent and index.
        let mut ids = vec![node.id; laid.scopes.len()];
        let mut names = vec![node.display_name.clone(); laid.scopes.len()];
        for (i, s) in laid.scopes.iter().enumerate().skip(1) {
            let parent = s.parent.unwrap_or(0);
            ids[i] = group_id(ids[parent], s.index_in_parent);
            names[i] = format!("{}.{}", names[parent], s.decl.name.value);
        }
        let mut scope_nodes: Vec<StructNode> = Vec::new();
        let mut pending_defaults: Vec<(usize, usize, &'d Declaration)> = Vec::new();
        for (si, s) in laid.scopes.iter().enumerate() {
            let mut fields = Vec::new();
            for (fi, f) in s.fields.iter().enumerate() {
                let discriminant_value = f.discriminant_value.unwrap_or(Field::NO_DISCRIMINANT);
                let target = match f.decl.kind {
                    DeclKind::Union => AnnotationTarget::Union,
                    DeclKind::Group => AnnotationTarget::Group,
                    _ if params_struct => AnnotationTarget::Param,
                    _ => AnnotationTarget::Field,
                };
                let annotations = self.compile_annotations(scope, file, &f.decl.annotations, target);
                let kind = match &f.kind {
                    members::FieldKind::Group(child) => FieldKind::Group { type_id: ids[*child] },
                    members::FieldKind::Slot { offset, .. } => {
                        let ty = types.get(&(f.decl as *const Declaration)).cloned().flatten().unwrap_or(Type::Void);
                        let has_default = matches!(&f.decl.kind, DeclKind::Field { default: Some(_), .. });
                        if has_default {
                            pending_defaults.push((si, fi, f.decl));
                        }
                        FieldKind::Slot {
                            offset: *offset,
                            default_value: Self::default_default(&ty),
                            ty,
                            had_explicit_default: has_default,
                        }
                    }
                };
                fields.push(Field {
                    name: f.decl.name.value.clone(),
                    code_order: f.code_order,
                    annotations,
                    discriminant_value,
                    kind,
                    ordinal: f.ordinal,
                });
            }
            scope_nodes.push(StructNode {
                data_word_count: laid.data_words,
                pointer_count: laid.pointer_count,
                preferred_list_encoding: ElementSize::InlineComposite,
                is_group: si != 0,
                discriminant_count: s.discriminant_count,
                discriminant_offset: s.discriminant_offset,
                fields,
            });
        }
        // Primitive defaults now, pointer defaults too (struct values of this very struct
        // read the layout from the nodes built so far).
        for (si, fi, d) in pending_defaults {
            let DeclKind::Field { default: Some(expr), .. } = &d.kind else { continue };
            let FieldKind::Slot { ty, .. } = &scope_nodes[si].fields[fi].kind else { continue };
            let ty = ty.clone();
            if let Some(value) = self.compile_value(scope, file, expr, &ty) {
                if let FieldKind::Slot { default_value, .. } = &mut scope_nodes[si].fields[fi].kind {
                    *default_value = value;
                }
            }
        }
        let mut groups = Vec::new();
        let mut scope_nodes = scope_nodes.into_iter();
        if let Some(top) = scope_nodes.next() {
            node.kind = NodeKind::Struct(top);
        }
        for (i, s) in scope_nodes.enumerate() {
            let scope_index = i + 1;
            let parent = laid.scopes[scope_index].parent.unwrap_or(0);
            let name = &laid.scopes[scope_index].decl.name.value;
            let display_name = names[scope_index].clone();
            let group = Node {
                id: ids[scope_index],
                display_name_prefix_length: (display_name.len() - name.len()) as u32,
                display_name,
                scope_id: ids[parent],
                parameters: Vec::new(),
                is_generic: node.is_generic,
                nested_nodes: Vec::new(),
                annotations: Vec::new(),
                kind: NodeKind::Struct(s),
            };
            self.group_nodes.insert(group.id, self.all_nodes.len() + 1 + i);
            groups.push(group);
        }
        // Source info: the struct's and each group's member doc comments.
        for (si, s) in laid.scopes.iter().enumerate() {
            self.source_info.push(SourceInfo {
                id: ids[si],
                doc_comment: s.decl.doc.clone(),
                members: s.fields.iter().map(|f| f.decl.doc.clone()).collect(),
            });
        }
        groups
    }

    /// Compiles annotation applications, checking each may be applied to `target`.
    fn compile_annotations(
        &mut self,
        scope: usize,
        file: usize,
        applications: &[AnnotationApplication],
        target: AnnotationTarget,
    ) -> Vec<Annotation> {
        let mut out = Vec::new();
        for application in applications {
            let brand = Scope::of_entity(self.table, scope);
            let resolver = self.resolver(file);
            let branded = resolver.decl_expression(
                scope,
                &application.name,
                &brand,
                ImplicitParams::default(),
                &mut self.diagnostics[file],
            );
            let text = super::resolve::expression_string(&application.name);
            let (entity, annotation_brand) = match branded {
                Some(Branded::Decl { target: Target::Entity(e), brand, .. })
                    if self.table.entities[e].kind == EntityKind::Annotation =>
                {
                    (e, resolver.compile_brand(&brand, &mut self.diagnostics[file]))
                }
                Some(_) => {
                    self.diagnostics[file].error(application.name.span, format!("'{text}' is not an annotation."));
                    continue;
                }
                None => continue,
            };
            let id = self.table.entities[entity].id;
            let Some(NodeKind::Annotation { ty, targets }) = self.node(entity).map(|n| n.kind.clone()) else {
                continue;
            };
            if !targets[target as usize] {
                self.diagnostics[file]
                    .error(application.name.span, format!("'{text}' cannot be applied to this kind of declaration."));
            }
            let value = match &application.value {
                None if ty == Type::Void => Value::Void,
                None => {
                    self.diagnostics[file].error(application.name.span, format!("'{text}' requires a value."));
                    Self::default_default(&ty)
                }
                Some(expr) => self.compile_value(scope, file, expr, &ty).unwrap_or_else(|| Self::default_default(&ty)),
            };
            out.push(Annotation { id, brand: annotation_brand, value });
        }
        out
    }
}

fn enumerant_decls(decl: &Declaration) -> impl Iterator<Item = &Declaration> {
    decl.nested.iter().filter(|d| d.kind == DeclKind::Enumerant)
}

fn collect_fields<'d>(decl: &'d Declaration, out: &mut Vec<&'d Declaration>) {
    for d in &decl.nested {
        match d.kind {
            DeclKind::Field { .. } => out.push(d),
            DeclKind::Group | DeclKind::Union => collect_fields(d, out),
            _ => {}
        }
    }
}

fn field_size(ty: &Type) -> FieldSize {
    match ty {
        Type::Void => FieldSize::Void,
        Type::Bool => FieldSize::Data(0),
        Type::Int8 | Type::UInt8 => FieldSize::Data(3),
        Type::Int16 | Type::UInt16 | Type::Enum { .. } => FieldSize::Data(4),
        Type::Int32 | Type::UInt32 | Type::Float32 => FieldSize::Data(5),
        Type::Int64 | Type::UInt64 | Type::Float64 => FieldSize::Data(6),
        _ => FieldSize::Pointer,
    }
}
