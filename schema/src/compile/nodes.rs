//! Declarations into nodes: structs (with their groups), enums, interfaces (with their
//! parameter and result structs), constants, annotations and files.
//!
//! The work follows the official compiler step for step, so that errors come out in its order
//! and its request holds the same nodes:
//!
//! - Each requested file is walked as `capnp compile` walks it: a node is compiled, then the
//!   nodes it depends on (with their lexical parents), then its nested nodes; `using` aliases
//!   are interpreted after the nested nodes.
//! - A node is compiled in two stages. The *bootstrap* stage checks the names of its block,
//!   lays it out (members in ordinal order, each field's type and a non-pointer default compiled
//!   as the member is placed), and compiles annotations; values of pointer types (lists, structs,
//!   interfaces, AnyPointer) wait for the *finish* stage. Another node that needs this one's
//!   layout or a constant's value asks for the bootstrap stage only.
//! - Declarations the walk does not reach (the unused parts of imported files) are compiled
//!   afterwards, with their errors dropped: the official compiler never compiles them.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::ast::{AnnotationApplication, DeclId, DeclKind, Declaration, Expr, ExprKind, ParamListKind};
use crate::diagnostic::Span;
use crate::id::{group_id, method_struct_id};
use crate::members::{self, FieldSize, LaidOut, MemberVisitor};
use crate::model::{
    Annotation, ElementSize, Enumerant, Field, FieldKind, InterfaceNode, Method, NestedNode, Node, NodeKind,
    SourceInfo, StructNode, Superclass, Type, Value,
};

use super::entities::{EntityKind, Table};
use super::files::ParsedFile;
use super::names::{check_block, Owner};
use super::order::{dependencies, Loader, SourceInfoMap};
use super::report::{FileErrors, Shared};
use super::resolve::{Branded, ImplicitParams, Resolver, Scope, Target};
use super::validate::{superclass_refs, Kind, LoaderKinds};

/// The ID of `StreamResult` in `/capnp/stream.capnp`, the result type of `-> stream` methods.
const STREAM_RESULT_ID: u64 = 0x995f_9a33_77c0_b16e;

/// Builds the nodes of all entities, each once, on demand.
/// Where a node is declared: its file (by index), the range of its name, and the ranges of its
/// members' names (fields, enumerants or methods, in the node's list order).
pub(super) struct Place {
    pub id: u64,
    pub file: usize,
    pub name: Span,
    pub members: Vec<Span>,
}

pub struct NodeCompiler<'t, 'f> {
    pub(super) files: &'f [ParsedFile],
    pub(super) table: &'t Table<'f>,
    /// Where each file's errors go (all into one ordered log).
    pub(super) diagnostics: Vec<FileErrors>,
    shared: Rc<RefCell<Shared>>,
    pub(super) all_nodes: Vec<Node>,
    /// The index in `all_nodes` of each group node, by ID.
    pub(super) group_nodes: HashMap<u64, usize>,
    stages: Vec<Stage>,
    /// Per entity: whether the official schema loader would accept its bootstrap nodes.
    valid: Vec<bool>,
    /// What the official compiler's loader of bootstrap schemas holds.
    bootstrap_loader: LoaderKinds,
    /// What its loader of final schemas holds.
    final_loader: LoaderKinds,
    /// Per entity walked: whether that loader accepted its nodes.
    final_valid: HashMap<usize, bool>,
    outputs: HashMap<usize, Output>,
    deferred: HashMap<usize, Vec<Deferred>>,
    /// Whether the values being compiled are pointer values of a finishing node (a constant they
    /// name must then be finished too).
    final_values: bool,
    /// Doc comments of every node compiled.
    source_info: Vec<SourceInfo>,
    /// Where each node compiled is declared: its file, its name's range, and its members'
    /// names' ranges (fields, enumerants, methods, in the node's list order).
    pub(super) places: Vec<Place>,
    /// What the walk of the requested files did, in order.
    events: Vec<Event>,
    /// The places of unqualified constant names reported.
    unqualified_reported: HashSet<(usize, Span)>,
    /// Declarations whose schema a value needed while they were being compiled.
    lazily_failed: HashSet<usize>,
}

/// How far a declaration's compilation got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Fresh,
    Bootstrapping,
    Bootstrapped,
    Finishing,
    Finished,
}

/// What the compilation of one declaration made.
struct Output {
    /// Its node, in `all_nodes`.
    main: usize,
    /// Its group nodes, or its method parameter and result structs, in the order the official
    /// compiler creates them.
    aux: Vec<usize>,
    /// Its doc comments as the official compiler records them: the node's, then the groups' or
    /// the parameter structs' (these with ID 0, as the official compiler leaves them).
    infos: Vec<SourceInfo>,
    /// For an interface, its superclasses as the schema loader sees them (one in error is ID 0).
    superclasses: Option<Vec<(u64, Kind)>>,
}

/// A step of the walk that matters for the request: a node loaded into the final schema set,
/// or its doc comments recorded.
enum Event {
    Load(usize),
    Infos(usize),
}

/// A value of a pointer type, compiled when its node finishes.
struct Deferred {
    /// The node it goes into (in `all_nodes`).
    node: usize,
    slot: Slot,
    /// Where names in it are looked up.
    scope: usize,
    file: usize,
    expr: Expr,
    ty: Type,
}

/// Where a deferred value goes in its node.
#[derive(Clone, Copy)]
enum Slot {
    Default { field: usize },
    FieldAnnotation { field: usize, index: usize },
    NodeAnnotation { index: usize },
    EnumerantAnnotation { enumerant: usize, index: usize },
    MethodAnnotation { method: usize, index: usize },
    Const,
}

/// An annotation value waiting for the finish stage: the annotation's index, the value, its type.
type PendingAnnotation = (usize, Expr, Type);

/// What the annotation may be applied to, by `schema.capnp`'s target order.
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

/// The walk's flags (the official `Compiler::Eagerness`).
const NODE: u32 = 1;
const PARENTS: u32 = 2;
const CHILDREN: u32 = 4;
const DEPENDENCIES: u32 = NODE << 15;
const DEPENDENCY_PARENTS: u32 = PARENTS * DEPENDENCIES;

/// A requested file's walk: the file and its nested nodes, the nodes they depend on, and the
/// lexical parents of those.
const REQUESTED: u32 = NODE | CHILDREN | DEPENDENCIES | DEPENDENCY_PARENTS;

/// The request the official compiler would make of a compilation: its nodes' IDs and its doc
/// comments, in its order.
pub(super) struct RequestPlan {
    pub nodes: Vec<u64>,
    pub source_info: Vec<SourceInfo>,
}

impl<'t, 'f> NodeCompiler<'t, 'f> {
    /// A compiler of `table`'s declarations; `shared` has the files' parse errors.
    pub fn new(files: &'f [ParsedFile], table: &'t Table<'f>, shared: Rc<RefCell<Shared>>) -> NodeCompiler<'t, 'f> {
        NodeCompiler {
            files,
            table,
            diagnostics: (0..files.len()).map(|file| FileErrors::new(file, shared.clone())).collect(),
            shared,
            all_nodes: Vec::new(),
            group_nodes: HashMap::new(),
            stages: vec![Stage::Fresh; table.entities.len()],
            valid: vec![true; table.entities.len()],
            bootstrap_loader: LoaderKinds::default(),
            final_loader: LoaderKinds::default(),
            final_valid: HashMap::new(),
            outputs: HashMap::new(),
            deferred: HashMap::new(),
            final_values: false,
            source_info: Vec::new(),
            places: Vec::new(),
            events: Vec::new(),
            unqualified_reported: HashSet::new(),
            lazily_failed: HashSet::new(),
        }
    }

    pub(super) fn resolver(&self, file: usize) -> Resolver<'t, 'f> {
        Resolver { table: self.table, files: self.files, file }
    }

    /// Compiles the requested files (the first `requested`) as the official compiler does,
    /// then everything else quietly. Returns the nodes, their doc comments and the request
    /// plan.
    pub fn compile_all(
        &mut self,
        requested: usize,
        eagerness: super::Eagerness,
    ) -> (Vec<Node>, Vec<SourceInfo>, RequestPlan) {
        let walk = match eagerness {
            super::Eagerness::Everything => REQUESTED,
            super::Eagerness::FileNode => NODE,
        };
        for file in 0..requested {
            self.shared.borrow_mut().name_file(file, &self.files[file].name);
            self.shared.borrow_mut().add_file(self.table, file);
            let mut seen = HashMap::new();
            self.traverse(self.table.file_roots[file], walk, &mut seen);
        }
        self.name_by_import_tables(requested);
        let plan = self.plan();
        self.shared.borrow_mut().mute();
        for entity in 0..self.table.entities.len() {
            if self.table.entities[entity].kind == EntityKind::Using {
                let file = self.table.entities[entity].file;
                self.resolver(file).alias(entity, &mut self.diagnostics[file]);
            } else {
                self.finish(entity);
            }
        }
        (std::mem::take(&mut self.all_nodes), std::mem::take(&mut self.source_info), plan)
    }

    /// Names the files the requested files' import tables reach, in the order the official
    /// compiler loads them to make those tables (each file's imports sorted by path), when no
    /// import resolved while compiling named them.
    fn name_by_import_tables(&mut self, requested: usize) {
        for file in &self.files[..requested] {
            let mut paths = std::collections::BTreeSet::new();
            super::import_names(&file.ast, &mut paths);
            for path in paths {
                if let Some(import) = file.imports.iter().find(|import| import.path == path) {
                    self.shared.borrow_mut().name_file(import.file, &import.name);
                }
            }
        }
    }

    /// Every `using` alias of every file, as interpreted where it is declared (after
    /// [`NodeCompiler::compile_all`], which interprets them all; nothing is reported).
    pub fn aliases(&mut self) -> Vec<crate::model::Alias> {
        use super::report::AliasState;
        use crate::model::{Alias, AliasTarget};
        let mut aliases = Vec::new();
        for entity in 0..self.table.entities.len() {
            let e = &self.table.entities[entity];
            let (EntityKind::Using, Some(parent)) = (e.kind, e.parent) else { continue };
            let state = self.shared.borrow().aliases.get(&entity).cloned();
            let Some(AliasState::Done(Some(branded))) = state else { continue };
            let file = e.file;
            let resolver = self.resolver(file);
            let errors = &mut self.diagnostics[file];
            let target = match &branded {
                Branded::Decl { target: Target::Entity(found), brand, .. } => AliasTarget::Node {
                    id: self.table.entities[*found].id,
                    brand: resolver.compile_brand(brand, errors),
                },
                Branded::Decl { target: Target::Builtin(_), .. } => match resolver.as_type_or_partial(&branded, errors)
                {
                    Ok(ty) => AliasTarget::Type(ty),
                    Err(_) => continue,
                },
                Branded::Param { scope_id, index, .. } => AliasTarget::Parameter { scope_id: *scope_id, index: *index },
                Branded::ImplicitParam { .. } => continue,
            };
            let name = e.decl.name.value.clone();
            aliases.push(Alias { scope_id: self.table.entities[parent].id, name, target });
        }
        aliases
    }

    /// The official compiler's walk (`Compiler::Node::traverse`).
    fn traverse(&mut self, entity: usize, eagerness: u32, seen: &mut HashMap<usize, u32>) {
        let slot = seen.entry(entity).or_insert(0);
        if *slot & eagerness == eagerness {
            return;
        }
        *slot |= eagerness;
        if self.finish(entity) {
            // A node the schema loader refuses is not loaded, and what it uses is not walked.
            // (Loaded once: a node refused stays refused.)
            let valid = match self.final_valid.get(&entity) {
                Some(&valid) => valid,
                None => {
                    let valid = self.valid[entity]
                        && match self.outputs.remove(&entity) {
                            Some(output) => {
                                let accepted = self.load(entity, &output, true);
                                self.outputs.insert(entity, output);
                                accepted
                            }
                            None => false,
                        };
                    self.final_valid.insert(entity, valid);
                    valid
                }
            };
            if valid {
                self.events.push(Event::Load(entity));
            }
            if valid && eagerness / DEPENDENCIES != 0 {
                let next = (eagerness & !(DEPENDENCIES - 1)) | (eagerness / DEPENDENCIES);
                let mut ids = Vec::new();
                if let Some(output) = self.outputs.get(&entity) {
                    for &node in std::iter::once(&output.main).chain(&output.aux) {
                        dependencies(&self.all_nodes[node], &mut ids);
                    }
                }
                for id in ids {
                    if let Some(&dependency) = self.table.by_id.get(&id) {
                        self.traverse(dependency, next, seen);
                    }
                }
            }
            self.events.push(Event::Infos(entity));
        }
        if eagerness & PARENTS != 0 {
            if let Some(parent) = self.table.entities[entity].parent {
                self.traverse(parent, eagerness, seen);
            }
        }
        if eagerness & CHILDREN != 0 {
            for i in 0..self.table.entities[entity].nested.len() {
                let child = self.table.entities[entity].nested[i];
                self.traverse(child, eagerness, seen);
            }
            let file = self.table.entities[entity].file;
            for i in 0..self.table.entities[entity].alias_order.len() {
                let alias = self.table.entities[entity].alias_order[i];
                self.resolver(file).alias(alias, &mut self.diagnostics[file]);
            }
        }
    }

    /// The request of the walk so far: the nodes loaded and the doc comments recorded, in the
    /// official compiler's order.
    fn plan(&self) -> RequestPlan {
        let mut loader = Loader::default();
        let mut infos = SourceInfoMap::new();
        for event in &self.events {
            match *event {
                Event::Load(entity) => {
                    let Some(output) = self.outputs.get(&entity) else { continue };
                    for &node in output.aux.iter().chain(std::iter::once(&output.main)) {
                        loader.load(&self.all_nodes[node]);
                    }
                }
                Event::Infos(entity) => {
                    for info in self.outputs.get(&entity).iter().flat_map(|o| &o.infos) {
                        infos.insert(info.clone());
                    }
                }
            }
        }
        RequestPlan { nodes: loader.into_order(), source_info: infos.into_vec() }
    }

    /// The node of `entity`, as far as values need it: its layout, or a constant's value (the
    /// final one while pointer values are compiled).
    pub(super) fn node(&mut self, entity: usize) -> Option<&Node> {
        let ready = if self.final_values && self.table.entities[entity].kind == EntityKind::Const {
            self.finish(entity)
        } else {
            self.bootstrap(entity)
        };
        if !ready || !self.valid[entity] {
            return None;
        }
        let index = self.outputs.get(&entity)?.main;
        // Reading a constant of a struct or list type loads that type's schema (a struct's, or
        // a list element's), as the official compiler does to interpret the value.
        if let Some(NodeKind::Const { ty: ty @ (Type::Struct { .. } | Type::List(_)), .. }) =
            self.all_nodes.get(index).map(|n| &n.kind)
        {
            let ty = ty.clone();
            self.load_type(&ty);
        }
        self.all_nodes.get(index)
    }

    /// Reports that `entity` is needed while it is being compiled.
    fn recursion(&mut self, entity: usize) {
        let (file, span) = self.table.location(entity);
        self.diagnostics[file].error(span, "Declaration recursively depends on itself.");
    }

    /// Runs the bootstrap stage of `entity`, once. False if it cannot be had now.
    fn bootstrap(&mut self, entity: usize) -> bool {
        match self.stages[entity] {
            Stage::Bootstrapped | Stage::Finishing | Stage::Finished => return true,
            Stage::Bootstrapping => {
                self.recursion(entity);
                return false;
            }
            Stage::Fresh => {}
        }
        if self.table.entities[entity].kind == EntityKind::Using {
            return false;
        }
        self.stages[entity] = Stage::Bootstrapping;
        self.shared.borrow_mut().expand(self.table, entity);
        let outer = std::mem::replace(&mut self.final_values, false);
        let output = self.compile_entity(entity);
        self.final_values = outer;
        self.valid[entity] = self.load(entity, &output, false);
        self.outputs.insert(entity, output);
        self.stages[entity] = Stage::Bootstrapped;
        true
    }

    /// Loads the nodes of a declaration into the bootstrap or final loader, its groups or parameter
    /// structs first, as the official compiler does; the first one refused stops it. Whether
    /// all were accepted.
    fn load(&mut self, entity: usize, output: &Output, final_loader: bool) -> bool {
        let renamed = self.shared.borrow().is_duplicate(entity);
        let loader = if final_loader { &mut self.final_loader } else { &mut self.bootstrap_loader };
        for &node in &output.aux {
            if !loader.load(&self.all_nodes[node], None, renamed) {
                return false;
            }
        }
        loader.load(&self.all_nodes[output.main], output.superclasses.as_deref(), renamed)
    }

    /// Runs both stages of `entity`, once. False if it cannot be had now.
    fn finish(&mut self, entity: usize) -> bool {
        match self.stages[entity] {
            Stage::Finished => return true,
            Stage::Finishing => {
                self.recursion(entity);
                return false;
            }
            _ => {}
        }
        if !self.bootstrap(entity) {
            return false;
        }
        self.stages[entity] = Stage::Finishing;
        let outer = std::mem::replace(&mut self.final_values, true);
        // A node the loader refused is not finished (its pointer values stay unread).
        let deferred = self.deferred.remove(&entity).unwrap_or_default();
        let deferred = if self.valid[entity] { deferred } else { Vec::new() };
        for item in deferred {
            let value = self.value(item.scope, item.file, &item.expr, &item.ty);
            if let Some(value) = value {
                self.place(item.node, item.slot, value);
            }
        }
        self.final_values = outer;
        self.stages[entity] = Stage::Finished;
        true
    }

    /// Puts a finished value into its node.
    fn place(&mut self, node: usize, slot: Slot, value: Value) {
        let node = &mut self.all_nodes[node];
        let target = match (slot, &mut node.kind) {
            (Slot::NodeAnnotation { index }, _) => node.annotations.get_mut(index).map(|a| &mut a.value),
            (Slot::Default { field }, NodeKind::Struct(s)) => match s.fields.get_mut(field).map(|f| &mut f.kind) {
                Some(FieldKind::Slot { default_value, .. }) => Some(default_value),
                _ => None,
            },
            (Slot::FieldAnnotation { field, index }, NodeKind::Struct(s)) => {
                s.fields.get_mut(field).and_then(|f| f.annotations.get_mut(index)).map(|a| &mut a.value)
            }
            (Slot::EnumerantAnnotation { enumerant, index }, NodeKind::Enum(list)) => {
                list.get_mut(enumerant).and_then(|e| e.annotations.get_mut(index)).map(|a| &mut a.value)
            }
            (Slot::MethodAnnotation { method, index }, NodeKind::Interface(i)) => {
                i.methods.get_mut(method).and_then(|m| m.annotations.get_mut(index)).map(|a| &mut a.value)
            }
            (Slot::Const, NodeKind::Const { value: target, .. }) => Some(target),
            _ => None,
        };
        if let Some(target) = target {
            *target = value;
        }
    }

    fn defer(&mut self, entity: usize, item: Deferred) {
        self.deferred.entry(entity).or_default().push(item);
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

    /// The type `expr` names, or (after an error) what the official compiler is left with in
    /// its place (see [`Resolver::as_type_or_partial`]; `Void` if nothing).
    fn compile_type_or_partial(
        &mut self,
        scope: usize,
        file: usize,
        expr: &Expr,
        implicit: ImplicitParams<'_>,
    ) -> Result<Type, Type> {
        let brand = Scope::of_entity(self.table, scope);
        let resolver = self.resolver(file);
        let Some(branded) = resolver.decl_expression(scope, expr, &brand, implicit, &mut self.diagnostics[file]) else {
            return Err(Type::Void);
        };
        resolver
            .as_type_or_partial(&branded, &mut self.diagnostics[file])
            .map_err(|partial| partial.unwrap_or(Type::Void))
    }

    /// Whether a value of `ty` waits for the finish stage (as the official compiler's
    /// `compileBootstrapValue` decides).
    fn is_deferred(ty: &Type) -> bool {
        matches!(ty, Type::List(_) | Type::Struct { .. } | Type::Interface { .. } | Type::AnyPointer(_))
    }

    /// Compiles a value written in the schema: what the official compiler does before it reads
    /// the expression, then the expression.
    fn value(&mut self, scope: usize, file: usize, expr: &Expr, ty: &Type) -> Option<Value> {
        // The type's schema is loaded first (a struct's, an enum's, an interface's, a list's
        // element's); without it, nothing is read.
        if !self.load_type(ty) {
            return None;
        }
        // A method's implicit parameter (a parameter of its parameter struct) cannot be looked
        // up in a scope that is not generic: the official compiler fails to load the type and
        // reads nothing (it reports an internal error unless an error came before; capnzero
        // reports the value as uninterpretable then).
        if self.implicit_parameter(ty) && !self.table.is_generic(scope) && self.shared.borrow().had_errors() {
            return None;
        }
        // A constant named without qualification is reported once it is resolved (before its
        // value is checked against the type), or, if it resolves only through an alias not
        // interpreted yet, once the value is compiled.
        let mut checked = false;
        if let ExprKind::RelativeName(name) = &expr.kind {
            checked = self.check_qualified(scope, file, expr, name, ty);
        }
        let value = self.compile_value(scope, file, expr, ty);
        if let (ExprKind::RelativeName(name), false) = (&expr.kind, checked) {
            self.check_qualified(scope, file, expr, name, ty);
        }
        value
    }

    /// Loads the schema of the declaration `ty` names (its bootstrap stage), as the official
    /// compiler does before it reads a value of that type. False if it cannot be had.
    fn load_type(&mut self, ty: &Type) -> bool {
        match ty {
            Type::Struct { type_id, .. } | Type::Enum { type_id, .. } | Type::Interface { type_id, .. } => {
                let Some(&entity) = self.table.by_id.get(type_id) else { return true };
                // The schema loader asks for a schema once: if it could not be had then (the
                // declaration was being compiled), it keeps a placeholder and asks no more.
                if self.stages[entity] == Stage::Bootstrapping && !self.lazily_failed.insert(entity) {
                    return false;
                }
                self.bootstrap(entity) && self.valid[entity]
            }
            Type::List(element) => self.load_type(element),
            _ => true,
        }
    }

    /// Whether `ty` is (a list of) a parameter of no declaration: a method's implicit parameter
    /// as the method's parameter and result structs see it.
    fn implicit_parameter(&self, ty: &Type) -> bool {
        match ty {
            Type::AnyPointer(crate::model::AnyPointer::Parameter { scope_id, .. }) => {
                !self.table.by_id.contains_key(scope_id)
            }
            Type::List(element) => self.implicit_parameter(element),
            _ => false,
        }
    }

    /// A constant named without qualification is an error (the official compiler wants `.c` or
    /// `Scope.c`, to tell constants from enumerants and literals). True if the name was found to
    /// be a constant's (whether reported or not).
    fn check_qualified(
        &mut self,
        scope: usize,
        file: usize,
        expr: &Expr,
        name: &crate::ast::Located<String>,
        ty: &Type,
    ) -> bool {
        let literal = match ty {
            Type::Enum { type_id, .. } => self.table.by_id.get(type_id).is_some_and(|&e| {
                self.table.entities[e]
                    .decl
                    .nested
                    .iter()
                    .any(|d| d.kind == DeclKind::Enumerant && d.name.value == name.value)
            }),
            _ => matches!(name.value.as_str(), "void" | "true" | "false" | "nan" | "inf"),
        };
        if literal {
            return false;
        }
        let Some(constant) = self.resolver(file).quiet_lookup(scope, &name.value, &self.diagnostics[file]) else {
            return false;
        };
        if self.table.entities[constant].kind != EntityKind::Const {
            return false;
        }
        // A constant being compiled is the value compiler's recursion error to report.
        let stage = self.stages[constant];
        if stage == Stage::Bootstrapping || (self.final_values && stage == Stage::Finishing) {
            return true;
        }
        if self.node(constant).is_some() {
            self.unqualified_constant(file, expr, constant);
        }
        true
    }

    /// Reports that `expr`, a name without qualification in `file`, names the constant
    /// `constant` (compiled already), as the official compiler does once it has the constant:
    /// it loads the constant's scope to name it (a scope being compiled is a recursion error
    /// instead). Each place is reported once, so that a value compiler may report the names
    /// inside values too.
    pub(super) fn unqualified_constant(&mut self, file: usize, expr: &Expr, constant: usize) {
        let ExprKind::RelativeName(name) = &expr.kind else { return };
        let Some(parent) = self.table.entities[constant].parent else { return };
        if !self.unqualified_reported.insert((file, expr.span)) || !self.bootstrap(parent) {
            return;
        }
        let parent = &self.table.entities[parent];
        let parent_name = if parent.kind == EntityKind::File { "" } else { parent.decl.name.value.as_str() };
        let message = format!(
            "Constant names must be qualified to avoid confusion.  Please replace '{}' with '{parent_name}.{}', if \
             that's what you intended.",
            name.value, name.value
        );
        self.diagnostics[file].error(expr.span, message);
    }

    /// The bootstrap stage of one declaration.
    fn compile_entity(&mut self, entity: usize) -> Output {
        let e = &self.table.entities[entity];
        let (decl, file) = (e.decl, e.file);
        check_block(&decl.nested, Owner::of(decl), &mut self.diagnostics[file]);
        if e.kind == EntityKind::Struct {
            return self.compile_struct(entity);
        }
        // Every name in a declaration is looked up from the declaration itself (its own nested
        // declarations first), as the official compiler's translator of that node does.
        let scope = entity;
        let mut pending = Vec::new();
        let mut aux = Vec::new();
        let mut aux_infos = Vec::new();
        let mut super_refs = None;
        let (kind, target) = match &decl.kind {
            DeclKind::Enum => {
                (NodeKind::Enum(self.compile_enumerants(entity, decl, file, &mut pending)), AnnotationTarget::Enum)
            }
            DeclKind::Const { ty, value } => {
                let kind = match self.compile_type_or_partial(scope, file, ty, ImplicitParams::default()) {
                    Ok(ty) => {
                        let compiled = if Self::is_deferred(&ty) {
                            pending.push((Slot::Const, value.clone(), ty.clone()));
                            None
                        } else {
                            self.value(scope, file, value, &ty)
                        };
                        NodeKind::Const { value: compiled.unwrap_or_else(|| Self::default_default(&ty)), ty }
                    }
                    // No value is compiled; the value left (Void) may not fit the type left,
                    // and the schema loader then refuses the constant.
                    Err(ty) => NodeKind::Const { ty, value: Value::Void },
                };
                (kind, AnnotationTarget::Const)
            }
            DeclKind::Annotation { ty, targets } => {
                let ty = self.compile_type_or_partial(scope, file, ty, ImplicitParams::default()).unwrap_or_else(|t| t);
                let mut flags = [false; 12];
                for (i, flag) in flags.iter_mut().enumerate() {
                    *flag = targets.0 & (1 << i) != 0;
                }
                (NodeKind::Annotation { ty, targets: flags }, AnnotationTarget::Annotation)
            }
            DeclKind::Interface { superclasses } => {
                let (interface, refs) =
                    self.compile_interface(entity, superclasses, file, &mut pending, &mut aux, &mut aux_infos);
                super_refs = Some(refs);
                (NodeKind::Interface(interface), AnnotationTarget::Interface)
            }
            _ => (NodeKind::File, AnnotationTarget::File),
        };
        let mut node = self.base_node(entity, kind);
        let (annotations, later) = self.compile_annotations(scope, file, &decl.annotations, target);
        node.annotations = annotations;
        pending.extend(later.into_iter().map(|(index, expr, ty)| (Slot::NodeAnnotation { index }, expr, ty)));
        // Member doc comments in list (ordinal) order; the list gives each one's code order.
        let members = match &node.kind {
            NodeKind::Enum(enumerants) => {
                let decls: Vec<&Declaration> = enumerant_decls(decl).collect();
                enumerants.iter().map(|en| decls.get(en.code_order as usize).and_then(|d| d.doc.clone())).collect()
            }
            NodeKind::Interface(i) => {
                let decls: Vec<&Declaration> = methods(decl).collect();
                i.methods.iter().map(|m| decls.get(m.code_order as usize).and_then(|d| d.doc.clone())).collect()
            }
            _ => Vec::new(),
        };
        let member_spans = match &node.kind {
            NodeKind::Enum(enumerants) => {
                let decls: Vec<&Declaration> = enumerant_decls(decl).collect();
                enumerants.iter().filter_map(|en| decls.get(en.code_order as usize).map(|d| d.name.span)).collect()
            }
            NodeKind::Interface(i) => {
                let decls: Vec<&Declaration> = methods(decl).collect();
                i.methods.iter().filter_map(|m| decls.get(m.code_order as usize).map(|d| d.name.span)).collect()
            }
            _ => Vec::new(),
        };
        self.places.push(Place { id: node.id, file, name: decl.name.span, members: member_spans });
        let info = SourceInfo { id: node.id, doc_comment: decl.doc.clone(), members };
        self.source_info.push(info.clone());
        self.all_nodes.push(node);
        let main = self.all_nodes.len() - 1;
        for (slot, expr, ty) in pending {
            self.defer(entity, Deferred { node: main, slot, scope, file, expr, ty });
        }
        let mut infos = vec![info];
        infos.extend(aux_infos);
        Output { main, aux, infos, superclasses: super_refs }
    }

    fn compile_enumerants(
        &mut self,
        entity: usize,
        decl: &Declaration,
        file: usize,
        pending: &mut Vec<(Slot, Expr, Type)>,
    ) -> Vec<Enumerant> {
        let mut list: Vec<(u64, u16, &Declaration)> = Vec::new();
        for (code_order, d) in enumerant_decls(decl).enumerate() {
            if let DeclId::Ordinal(o) = &d.id {
                list.push((o.value, code_order as u16, d));
            }
        }
        list.sort_by_key(|(o, _, _)| *o as u32);
        let mut ordinals = OrdinalCheck::default();
        let mut out = Vec::new();
        for (i, (_, code_order, d)) in list.into_iter().enumerate() {
            if let DeclId::Ordinal(o) = &d.id {
                ordinals.check(o, &mut self.diagnostics[file]);
            }
            let (annotations, later) =
                self.compile_annotations(entity, file, &d.annotations, AnnotationTarget::Enumerant);
            pending.extend(
                later
                    .into_iter()
                    .map(|(index, expr, ty)| (Slot::EnumerantAnnotation { enumerant: i, index }, expr, ty)),
            );
            out.push(Enumerant { name: d.name.value.clone(), code_order, annotations });
        }
        out
    }

    fn compile_interface(
        &mut self,
        entity: usize,
        superclasses: &[Expr],
        file: usize,
        pending: &mut Vec<(Slot, Expr, Type)>,
        aux: &mut Vec<usize>,
        aux_infos: &mut Vec<SourceInfo>,
    ) -> (InterfaceNode, Vec<(u64, Kind)>) {
        let own_brand = Scope::of_entity(self.table, entity);
        // The superclasses as the schema loader sees them (one in error is ID 0).
        let mut super_refs = Vec::new();
        let mut supers = Vec::new();
        // Superclasses are named from inside the interface (its parameters are in scope).
        for expr in superclasses {
            let resolver = self.resolver(file);
            let Some(branded) = resolver.decl_expression(
                entity,
                expr,
                &own_brand,
                ImplicitParams::default(),
                &mut self.diagnostics[file],
            ) else {
                super_refs.push((0, Kind::Interface));
                continue;
            };
            match &branded {
                Branded::Decl { target: Target::Entity(e), brand, .. }
                    if self.table.entities[*e].kind == EntityKind::Interface =>
                {
                    let brand = resolver.compile_brand(brand, &mut self.diagnostics[file]);
                    let id = self.table.entities[*e].id;
                    superclass_refs(id, &brand, &mut super_refs);
                    supers.push(Superclass { id, brand });
                    continue;
                }
                Branded::Decl { text, span, .. } => {
                    self.diagnostics[file].error(*span, format!("'{text}' is not an interface."));
                }
                _ => {
                    let text = expr.to_string();
                    self.diagnostics[file].error(
                        expr.span,
                        format!(
                            "'{text}' is an unbound generic parameter. Currently we don't support extending these."
                        ),
                    );
                }
            }
            super_refs.push((0, Kind::Interface));
        }
        let decl = self.table.entities[entity].decl;
        let mut list: Vec<(u64, u16, &Declaration)> = Vec::new();
        for (code_order, d) in methods(decl).enumerate() {
            if let DeclId::Ordinal(o) = &d.id {
                list.push((o.value, code_order as u16, d));
            }
        }
        list.sort_by_key(|(o, _, _)| *o as u32);
        let mut ordinals = OrdinalCheck::default();
        let mut out = Vec::new();
        for (i, (ordinal, code_order, d)) in list.into_iter().enumerate() {
            let DeclKind::Method { params, results } = &d.kind else { continue };
            if let DeclId::Ordinal(o) = &d.id {
                ordinals.check(o, &mut self.diagnostics[file]);
            }
            if params.kind == ParamListKind::Stream {
                self.diagnostics[file].error(params.span, "'stream' can only appear after '->', not before.");
            }
            let implicit = &d.parameters;
            let method = &d.name.value;
            let ordinal = ordinal as u16;
            let made = self.param_list(entity, file, method, ordinal, false, params, implicit, &own_brand);
            let (param_struct_type, param_brand) = self.take_param_struct(made, aux, aux_infos);
            let empty;
            let results = match results {
                Some(results) => results,
                None => {
                    empty = crate::ast::ParamList { kind: ParamListKind::Named(Vec::new()), span: d.name.span };
                    &empty
                }
            };
            let made = self.param_list(entity, file, method, ordinal, true, results, implicit, &own_brand);
            let (result_struct_type, result_brand) = self.take_param_struct(made, aux, aux_infos);
            let (annotations, later) = self.compile_annotations(entity, file, &d.annotations, AnnotationTarget::Method);
            pending.extend(
                later.into_iter().map(|(index, expr, ty)| (Slot::MethodAnnotation { method: i, index }, expr, ty)),
            );
            out.push(Method {
                name: d.name.value.clone(),
                code_order,
                implicit_parameters: implicit.iter().map(|p| p.value.clone()).collect(),
                param_struct_type,
                param_brand,
                result_struct_type,
                result_brand,
                annotations,
            });
        }
        (InterfaceNode { methods: out, superclasses: supers }, super_refs)
    }

    /// Keeps what a parameter list made: a parameter struct's node goes into `all_nodes` (and
    /// its pointer defaults wait for the interface to finish).
    fn take_param_struct(
        &mut self,
        made: ParamList,
        aux: &mut Vec<usize>,
        aux_infos: &mut Vec<SourceInfo>,
    ) -> (u64, crate::model::Brand) {
        let Some(made_struct) = made.made else { return (made.id, made.brand) };
        self.all_nodes.push(made_struct.node);
        let index = self.all_nodes.len() - 1;
        aux.push(index);
        self.source_info.push(made_struct.info.clone());
        aux_infos.push(SourceInfo { id: 0, ..made_struct.info });
        // Parameter structs have no groups: every deferred value goes into the struct itself,
        // and waits for the interface (the struct's scope) to finish.
        for (slot, expr, ty, interface, file) in made_struct.deferred {
            self.defer(interface, Deferred { node: index, slot, scope: interface, file, expr, ty });
        }
        (made.id, made.brand)
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
    ) -> ParamList {
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
                let built = self.build_struct(interface, file, &holder, &mut node, implicit_params, true);
                let info =
                    built.infos.into_iter().next().unwrap_or(SourceInfo { id, doc_comment: None, members: Vec::new() });
                let deferred =
                    built.deferred.into_iter().map(|(_, slot, expr, ty)| (slot, expr, ty, interface, file)).collect();
                let brand = self.resolver(file).compile_brand(own_brand, &mut self.diagnostics[file]);
                ParamList { id, brand, made: Some(MadeStruct { node, info, deferred }) }
            }
            ParamListKind::Type(expr) => {
                let brand = Scope::of_entity(self.table, interface);
                let resolver = self.resolver(file);
                let implicit_params = ImplicitParams { names: implicit, scope_id: 0 };
                let (id, brand) = match resolver.decl_expression(
                    interface,
                    expr,
                    &brand,
                    implicit_params,
                    &mut self.diagnostics[file],
                ) {
                    Some(Branded::Decl { target: Target::Entity(e), brand, .. })
                        if self.table.entities[e].kind == EntityKind::Struct =>
                    {
                        let brand = resolver.compile_brand(&brand, &mut self.diagnostics[file]);
                        (self.table.entities[e].id, brand)
                    }
                    Some(Branded::Decl { .. }) => {
                        let text = expr.to_string();
                        self.diagnostics[file].error(expr.span, format!("'{text}' is not a struct type."));
                        (0, Default::default())
                    }
                    Some(param) => {
                        // Reported where the parameter was named (nowhere for an implicit one).
                        let span = match param {
                            Branded::Param { span, .. } => span,
                            _ => Span::default(),
                        };
                        self.diagnostics[file].error(
                            span,
                            "Cannot use generic parameter as whole input or output of a method. Instead, use a \
                             parameter/result list containing a field with this type.",
                        );
                        (0, Default::default())
                    }
                    None => (0, Default::default()),
                };
                ParamList { id, brand, made: None }
            }
            ParamListKind::Stream => {
                let resolver = self.resolver(file);
                match resolver.import(super::files::STREAM_IMPORT, &mut self.diagnostics[file]) {
                    Some(stream_file) => {
                        let root = self.table.file_roots[stream_file];
                        self.shared.borrow_mut().expand(self.table, root);
                        let found = self.table.entities[root].children.contains_key("StreamResult")
                            || self.table.entities[root].aliases.contains_key("StreamResult");
                        if !found {
                            self.diagnostics[file].error(
                                list.span,
                                "The version of '/capnp/stream.capnp' found in your import path does not appear to \
                                 be the official one; it is missing the declaration of StreamResult.",
                            );
                        }
                    }
                    None => self.diagnostics[file].error(
                        list.span,
                        "A method declaration uses streaming, but '/capnp/stream.capnp' is not found in the import \
                         path. This is a standard file that should always be installed with the Cap'n Proto compiler.",
                    ),
                }
                ParamList { id: STREAM_RESULT_ID, brand: Default::default(), made: None }
            }
        }
    }

    fn compile_struct(&mut self, entity: usize) -> Output {
        let e = &self.table.entities[entity];
        let (decl, file) = (e.decl, e.file);
        let mut node = self.base_node(entity, NodeKind::File);
        let built = self.build_struct(entity, file, decl, &mut node, ImplicitParams::default(), false);
        let scope = entity;
        let (annotations, later) = self.compile_annotations(scope, file, &decl.annotations, AnnotationTarget::Struct);
        node.annotations = annotations;
        self.all_nodes.push(node);
        let main = self.all_nodes.len() - 1;
        let mut scope_nodes = vec![main];
        for group in built.groups {
            self.group_nodes.insert(group.id, self.all_nodes.len());
            self.all_nodes.push(group);
            scope_nodes.push(self.all_nodes.len() - 1);
        }
        for (scope_index, slot, expr, ty) in built.deferred {
            self.defer(entity, Deferred { node: scope_nodes[scope_index], slot, scope, file, expr, ty });
        }
        for (index, expr, ty) in later {
            self.defer(entity, Deferred { node: main, slot: Slot::NodeAnnotation { index }, scope, file, expr, ty });
        }
        self.source_info.extend(built.infos.iter().cloned());
        let aux = built.creation_order.iter().map(|&scope_index| scope_nodes[scope_index]).collect();
        let mut infos = Vec::with_capacity(built.infos.len());
        infos.push(built.infos[0].clone());
        infos.extend(built.creation_order.iter().map(|&scope_index| built.infos[scope_index].clone()));
        Output { main, aux, infos, superclasses: None }
    }

    /// Lays out the struct `decl` into `node` (its kind, fields, primitive defaults) and
    /// returns its group nodes and what waits for the finish stage. `scope` is where names in
    /// the fields are looked up.
    fn build_struct<'d>(
        &mut self,
        scope: usize,
        file: usize,
        decl: &'d Declaration,
        node: &mut Node,
        implicit: ImplicitParams<'_>,
        params_struct: bool,
    ) -> BuiltStruct {
        // Fields are compiled as the layout reaches them, in ordinal order.
        let mut fields = FieldCompiler {
            compiler: self,
            scope,
            file,
            implicit,
            params_struct,
            types: HashMap::new(),
            defaults: HashMap::new(),
            pointer_defaults: Vec::new(),
        };
        let laid: LaidOut<'d> = members::lay_out_with(decl, &mut fields);
        let FieldCompiler { types, defaults, pointer_defaults, .. } = fields;

        // Node IDs of the scopes: the struct, then groups from their parent and index.
        let mut ids = vec![node.id; laid.scopes.len()];
        let mut names = vec![node.display_name.clone(); laid.scopes.len()];
        for (i, s) in laid.scopes.iter().enumerate().skip(1) {
            let parent = s.parent.unwrap_or(0);
            ids[i] = group_id(ids[parent], s.index_in_parent);
            names[i] = format!("{}.{}", names[parent], s.decl.name.value);
        }
        let mut place: HashMap<*const Declaration, (usize, usize)> = HashMap::new();
        let mut scope_nodes: Vec<StructNode> = Vec::new();
        for (si, s) in laid.scopes.iter().enumerate() {
            let mut list = Vec::new();
            for (fi, f) in s.fields.iter().enumerate() {
                place.insert(f.decl as *const Declaration, (si, fi));
                let discriminant_value = f.discriminant_value.unwrap_or(Field::NO_DISCRIMINANT);
                let kind = match &f.kind {
                    members::FieldKind::Group(child) => FieldKind::Group { type_id: ids[*child] },
                    members::FieldKind::Slot { offset, .. } => {
                        let key = f.decl as *const Declaration;
                        let ty = types.get(&key).cloned().unwrap_or(Type::Void);
                        let had_explicit_default = matches!(&f.decl.kind, DeclKind::Field { default: Some(_), .. });
                        let default_value = defaults.get(&key).cloned().unwrap_or_else(|| Self::default_default(&ty));
                        FieldKind::Slot { offset: *offset, default_value, ty, had_explicit_default }
                    }
                };
                list.push(Field {
                    name: f.decl.name.value.clone(),
                    code_order: f.code_order,
                    annotations: Vec::new(),
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
                fields: list,
            });
        }
        let mut deferred = Vec::new();
        for (key, expr, ty) in pointer_defaults {
            if let Some(&(si, fi)) = place.get(&key) {
                deferred.push((si, Slot::Default { field: fi }, expr, ty));
            }
        }
        // Annotations of the members, in the order the members were declared.
        let mut all_members = Vec::new();
        member_order(&decl.nested, false, &mut all_members);
        for member in all_members {
            let Some(&(si, fi)) = place.get(&(member as *const Declaration)) else { continue };
            let target = match member.kind {
                DeclKind::Union => AnnotationTarget::Union,
                DeclKind::Group => AnnotationTarget::Group,
                _ if params_struct => AnnotationTarget::Param,
                _ => AnnotationTarget::Field,
            };
            let (annotations, later) = self.compile_annotations(scope, file, &member.annotations, target);
            scope_nodes[si].fields[fi].annotations = annotations;
            deferred.extend(
                later.into_iter().map(|(index, expr, ty)| (si, Slot::FieldAnnotation { field: fi, index }, expr, ty)),
            );
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
            groups.push(Node {
                id: ids[scope_index],
                display_name_prefix_length: (display_name.len() - name.len()) as u32,
                display_name,
                scope_id: ids[parent],
                parameters: Vec::new(),
                is_generic: node.is_generic,
                nested_nodes: Vec::new(),
                annotations: Vec::new(),
                kind: NodeKind::Struct(s),
            });
        }
        for (si, s) in laid.scopes.iter().enumerate() {
            let members = s.fields.iter().map(|f| f.decl.name.span).collect();
            self.places.push(Place { id: ids[si], file, name: s.decl.name.span, members });
        }
        // Doc comments: the struct's and each group's, with their members'.
        let infos = laid
            .scopes
            .iter()
            .enumerate()
            .map(|(si, s)| SourceInfo {
                id: ids[si],
                doc_comment: if si == 0 && params_struct { None } else { s.decl.doc.clone() },
                members: s.fields.iter().map(|f| if params_struct { None } else { f.decl.doc.clone() }).collect(),
            })
            .collect();
        // The order the official compiler creates group nodes in: as it meets them walking the
        // members in declaration order.
        let mut group_decls = Vec::new();
        group_order(&decl.nested, &mut group_decls);
        let creation_order = group_decls
            .into_iter()
            .filter_map(|g| laid.scopes.iter().position(|s| std::ptr::eq(s.decl, g)))
            .filter(|&si| si != 0)
            .collect();
        BuiltStruct { groups, deferred, infos, creation_order }
    }

    /// Compiles annotation applications, checking each may be applied to `target`. Values of
    /// pointer types are returned apart (with the annotation's index), to compile later.
    fn compile_annotations(
        &mut self,
        scope: usize,
        file: usize,
        applications: &[AnnotationApplication],
        target: AnnotationTarget,
    ) -> (Vec<Annotation>, Vec<PendingAnnotation>) {
        let mut out = Vec::new();
        let mut later = Vec::new();
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
            let text = application.name.to_string();
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
                // The value is read as a value of the annotation's type seen through the brand
                // it is applied with.
                Some(expr) if Self::is_deferred(&ty) => {
                    later.push((out.len(), expr.clone(), crate::translate::substitute(&ty, &annotation_brand)));
                    Self::default_default(&ty)
                }
                Some(expr) => {
                    let branded = crate::translate::substitute(&ty, &annotation_brand);
                    self.value(scope, file, expr, &branded).unwrap_or_else(|| Self::default_default(&ty))
                }
            };
            out.push(Annotation { id, brand: annotation_brand, value });
        }
        (out, later)
    }
}

/// The compiler's side of the layout: each field's type and default, compiled when the layout
/// places the field.
struct FieldCompiler<'a, 't, 'f, 'i> {
    compiler: &'a mut NodeCompiler<'t, 'f>,
    scope: usize,
    file: usize,
    implicit: ImplicitParams<'i>,
    params_struct: bool,
    types: HashMap<*const Declaration, Type>,
    defaults: HashMap<*const Declaration, Value>,
    pointer_defaults: Vec<(*const Declaration, Expr, Type)>,
}

impl<'d> MemberVisitor<'d> for FieldCompiler<'_, '_, '_, '_> {
    fn size_of(&mut self, decl: &'d Declaration) -> FieldSize {
        let DeclKind::Field { ty, default } = &decl.kind else { return FieldSize::Void };
        let key = decl as *const Declaration;
        let ty = match self.compiler.compile_type_or_partial(self.scope, self.file, ty, self.implicit) {
            Ok(ty) => ty,
            // The type left after the error is laid out; its default is the default default.
            Err(ty) => {
                let size = field_size(&ty);
                self.types.insert(key, ty);
                return size;
            }
        };
        // A parameter may default to null, if it is a pointer.
        let null = match default {
            Some(Expr { kind: ExprKind::RelativeName(name), .. }) if self.params_struct && name.value == "null" => {
                Some(name.span)
            }
            _ => None,
        };
        match default {
            Some(_) if null.is_some() => {
                if let (Some(span), false) = (null, field_size(&ty) == FieldSize::Pointer) {
                    self.compiler.diagnostics[self.file]
                        .error(span, "Only pointer parameters can declare their default as 'null'.");
                }
            }
            Some(expr) if NodeCompiler::is_deferred(&ty) => self.pointer_defaults.push((key, expr.clone(), ty.clone())),
            Some(expr) => {
                if let Some(value) = self.compiler.value(self.scope, self.file, expr, &ty) {
                    self.defaults.insert(key, value);
                }
            }
            None => {}
        }
        let size = field_size(&ty);
        self.types.insert(key, ty);
        size
    }

    fn error(&mut self, span: Span, message: String) {
        self.compiler.diagnostics[self.file].error(span, message);
    }
}

/// What laying out a struct made.
struct BuiltStruct {
    /// The group nodes, by scope index (scope `i` is `groups[i - 1]`).
    groups: Vec<Node>,
    /// Values waiting for the finish stage: scope index, place, value, type.
    deferred: Vec<(usize, Slot, Expr, Type)>,
    /// Doc comments, by scope index.
    infos: Vec<SourceInfo>,
    /// Scope indices of the groups in the order the official compiler creates them.
    creation_order: Vec<usize>,
}

/// What a method's parameter or result list made: the struct type, its brand, and the struct
/// itself when the list declares one.
struct ParamList {
    id: u64,
    brand: crate::model::Brand,
    made: Option<MadeStruct>,
}

struct MadeStruct {
    node: Node,
    info: SourceInfo,
    /// Deferred values: place, value, type, the interface, its file.
    deferred: Vec<(Slot, Expr, Type, usize, usize)>,
}

/// The official check that ordinals run 0, 1, 2, … in order.
#[derive(Default)]
struct OrdinalCheck<'d> {
    /// A 32-bit number, as in the official compiler (larger ordinals, already reported, wrap).
    expected: u32,
    last: Option<&'d crate::ast::Located<u64>>,
}

impl<'d> OrdinalCheck<'d> {
    fn check(&mut self, ordinal: &'d crate::ast::Located<u64>, errors: &mut FileErrors) {
        if ordinal.value < self.expected as u64 {
            errors.error(ordinal.span, "Duplicate ordinal number.");
            if let Some(original) = self.last.take() {
                errors.error(original.span, format!("Ordinal @{} originally used here.", original.value));
            }
        } else if ordinal.value > self.expected as u64 {
            errors.error(
                ordinal.span,
                format!("Skipped ordinal @{}.  Ordinals must be sequential with no holes.", self.expected),
            );
            self.expected = (ordinal.value as u32).wrapping_add(1);
        } else {
            self.expected = self.expected.wrapping_add(1);
            self.last = Some(ordinal);
        }
    }
}

fn enumerant_decls(decl: &Declaration) -> impl Iterator<Item = &Declaration> {
    decl.nested.iter().filter(|d| d.kind == DeclKind::Enumerant)
}

fn methods(decl: &Declaration) -> impl Iterator<Item = &Declaration> {
    decl.nested.iter().filter(|d| matches!(d.kind, DeclKind::Method { .. }))
}

/// The members of a struct in the order the official compiler lists them for annotations:
/// declaration order, a group or named union before its own members, the members of an
/// unnamed union in its place (an unnamed union inside a union is an error and is skipped).
fn member_order<'d>(nested: &'d [Declaration], in_union: bool, out: &mut Vec<&'d Declaration>) {
    for d in nested {
        match d.kind {
            DeclKind::Field { .. } => out.push(d),
            DeclKind::Union if d.name.value.is_empty() && !in_union => member_order(&d.nested, true, out),
            DeclKind::Union if d.name.value.is_empty() => {}
            DeclKind::Union => {
                out.push(d);
                member_order(&d.nested, true, out);
            }
            DeclKind::Group => {
                out.push(d);
                member_order(&d.nested, false, out);
            }
            _ => {}
        }
    }
}

/// The groups and named unions of a struct in the order the official compiler creates their
/// nodes: as it meets them in declaration order, before their own members.
fn group_order<'d>(nested: &'d [Declaration], out: &mut Vec<&'d Declaration>) {
    let mut members = Vec::new();
    member_order(nested, false, &mut members);
    out.extend(members.into_iter().filter(|d| matches!(d.kind, DeclKind::Union | DeclKind::Group)));
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
