//! Where each generated type lives, and what the generator refuses: everything decided before
//! a token is emitted, so that every problem of a schema is reported at once.

use std::collections::{HashMap, HashSet};

use proc_macro2::TokenStream;

use crate::compile::Compiled;
use crate::model::{Annotation, AnyPointer, Enumerant, Field, FieldKind, Node, NodeKind, SourceInfo, Type};

mod generics;
mod key;
mod nullable;
mod options;
mod virtual_group;

pub(super) use generics::{bound, Bound};

use super::names::{pascal_case, snake_case, upper_snake_case, Scope, PATH_KEYWORDS};

/// Methods every generated reader has.
const READER_METHODS: &[&str] = &["from_untyped", "untyped", "to_owned", "which", "raw_discriminant", "dynamic"];
/// Methods every generated builder has.
const BUILDER_METHODS: &[&str] = &["from_untyped", "untyped", "reborrow", "clear_fields"];
/// Variants no schema name takes: the catch-all of unknown values, and `Self`, which cannot be a
/// variant.
const RESERVED_VARIANTS: &[&str] = &["Unknown", "Self"];

/// The address of a field or enumerant in the compiled schema: the key of its resolved name.
fn address<T: Sized>(item: &T) -> usize {
    item as *const T as usize
}

/// Which accessors a field has (its claims in the struct's scope): `r:` reader methods, `b:`
/// builder methods, `o:` owned fields.
#[derive(Clone, Copy)]
struct AccessorShape {
    in_union: bool,
    kind: ShapeKind,
}

#[derive(Clone, Copy)]
enum ShapeKind {
    Group,
    Void,
    Scalar,
    Pointer,
}

fn accessor_shape(field: &Field) -> AccessorShape {
    let kind = match &field.kind {
        FieldKind::Group { .. } => ShapeKind::Group,
        FieldKind::Slot { ty: Type::Void, .. } => ShapeKind::Void,
        FieldKind::Slot { ty, .. } if crate::translate::is_pointer(ty) => ShapeKind::Pointer,
        FieldKind::Slot { .. } => ShapeKind::Scalar,
    };
    AccessorShape { in_union: field.discriminant_value != Field::NO_DISCRIMINANT, kind }
}

impl AccessorShape {
    /// The names a field named `n` of this shape claims.
    fn claims(self, n: &str) -> Vec<String> {
        let mut out = Vec::new();
        match (self.kind, self.in_union) {
            (ShapeKind::Group, true) => out.extend([format!("r:{n}"), format!("b:init_{n}")]),
            (ShapeKind::Group, false) => out.extend([format!("r:{n}"), format!("b:{n}")]),
            (ShapeKind::Void, true) => out.push(format!("b:set_{n}")),
            (ShapeKind::Void, false) => out.push(format!("r:{n}")),
            (ShapeKind::Scalar, _) => out.extend([format!("r:{n}"), format!("b:set_{n}")]),
            (ShapeKind::Pointer, _) => out.extend([
                format!("r:{n}"),
                format!("r:has_{n}"),
                format!("r:get_{n}"),
                format!("b:set_{n}"),
                format!("b:init_{n}"),
            ]),
        }
        if self.in_union {
            out.push(format!("r:is_{n}"));
        } else {
            out.push(format!("o:{n}"));
        }
        out
    }
}

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

/// What `#[derive(CapnpStruct)]` changes in the generation of the file it compiled.
#[derive(Clone, Debug, Default)]
pub struct DeriveSpec {
    /// The placeholders of types declared elsewhere (named by the derived struct's fields), by
    /// node ID: the alias (at the macro's top level) generated code names each through.
    pub aliases: HashMap<u64, String>,
    /// The derived struct and its groups: each field's owned form, in the node's field order.
    pub owned: HashMap<u64, Vec<OwnedForm>>,
    /// The groups (and named unions) whose owned type is a type of the user's: the alias (at
    /// the macro's top level) generated code names it through.
    pub group_types: HashMap<u64, String>,
    /// The structs and groups whose anonymous union the user's type holds in a field of enum
    /// type: the field's name, and the alias of the enum.
    pub union_fields: HashMap<u64, (String, String)>,
    /// Where the derived struct's `key = "…"` is written: the owned value's `PartialEq`, `Eq`
    /// and `Hash` impls carry it, so that a clash with the user's own derive of one of them
    /// points at the key that provides it.
    pub key_span: Option<proc_macro2::Span>,
}

/// A generic parameter: the ID of the scope declaring it and its index there.
pub type Param = (u64, u16);

/// How the user's type holds a field: pointers as `Option<…>` or not (null read as the
/// default), structs, text and data in a `Box` or not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OwnedForm {
    /// `Option<…>`: null is `None`.
    pub optional: bool,
    /// `Box<T>`, `Box<str>`, `Box<[u8]>`.
    pub boxed: bool,
}

/// A virtual group: the member fields (indices into the struct's fields, in the order listed)
/// and its key, if it has one.
#[derive(Clone, Debug)]
pub struct VirtualGroup {
    /// The members.
    pub members: Vec<usize>,
    /// The key fields (a subset of the members).
    pub key: Option<Vec<usize>>,
}

/// The Rust name a virtual group's view wants, from its field's Rust name (`position` →
/// `PositionReader`); [`Plan::view_names`] holds the name it got.
pub fn view_name(field_name: &str) -> String {
    format!("{}Reader", pascal_case(field_name))
}

/// What the emitter needs to know of a nullable group.
#[derive(Clone, Debug)]
pub struct Nullable {
    /// `isNull` is a Bool (else an integer).
    pub flag_is_bool: bool,
    /// The `value` member.
    pub value: Field,
}

/// Where in the schema something that cannot be generated is declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum At {
    /// Nowhere in particular.
    Nowhere,
    /// A node (a struct, enum, interface, constant).
    Node(u64),
    /// A member of a node: a field, enumerant or method, by its index in the node's list.
    Member(u64, usize),
}

/// Something the generator cannot generate, and where.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GenerateError {
    /// Its message, naming the item (`file.capnp:Struct.field: …`).
    pub message: String,
    /// What it is about.
    pub at: At,
}

impl GenerateError {
    /// The error `message` about what `at` declares.
    pub fn new(at: At, message: impl Into<String>) -> GenerateError {
        GenerateError { message: message.into(), at }
    }
}

impl From<String> for GenerateError {
    fn from(message: String) -> GenerateError {
        GenerateError::new(At::Nowhere, message)
    }
}

/// The place of `field`, a field of struct `id`.
fn member_at(st: &crate::model::StructNode, id: u64, field: &Field) -> At {
    match st.fields.iter().position(|f| std::ptr::eq(f, field)) {
        Some(index) => At::Member(id, index),
        None => At::Node(id),
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
    /// The key of each struct or group with a `key` annotation: its fields' indices, in key
    /// order.
    pub keys: HashMap<u64, Vec<usize>>,
    /// The imported files whose types the generated file uses, each generated once in a module
    /// of its own at the macro's top level (`other.capnp` → `other_capnp`): the module name
    /// the file's name, and the file's top-level items, in declaration order.
    pub imported: Vec<(String, String, Vec<u64>)>,
    /// Imported files whose types are generated elsewhere: the module name generated code
    /// uses for the file, and the Rust path of the module that holds its types.
    pub external: Vec<(String, TokenStream)>,
    /// Virtual groups (`$Py.group("x, y")` on a Void field), by `(struct, field index)`.
    pub virtual_groups: HashMap<(u64, usize), VirtualGroup>,
    /// The Rust name of each virtual group's view type (`PositionReader`), by `(struct, field
    /// index)`: claimed in the struct's inner module after its nested types and groups.
    pub view_names: HashMap<(u64, usize), String>,
    /// Nullable groups (`$Py.nullable`), by the group's ID.
    pub nullable: HashMap<u64, Nullable>,
    /// The Rust type parameters of each generic struct or group: the generic parameters
    /// (`(scope, index)`) its owned value uses, its own and its enclosing scopes', outermost
    /// scope first. A struct without any is not in the map.
    pub generics: HashMap<u64, Vec<Param>>,
    /// The same for the `Which` and `Union` enums of a struct's anonymous union.
    pub union_generics: HashMap<u64, Vec<Param>>,
    /// Extra derives of owned types (`$Rust.options(derive = …)`), by struct or group ID.
    pub derives: HashMap<u64, Vec<String>>,
    /// Structs whose owned type is the user's own (`#[derive(CapnpStruct)]`): each field's
    /// owned form, in the node's field order.
    pub user_owned: HashMap<u64, Vec<OwnedForm>>,
    /// [`DeriveSpec::group_types`].
    pub user_groups: HashMap<u64, String>,
    /// [`DeriveSpec::union_fields`].
    pub user_unions: HashMap<u64, (String, String)>,
    /// [`DeriveSpec::key_span`].
    pub key_span: Option<proc_macro2::Span>,
    /// The Rust names of fields (their accessors' stem), by the field's address in the
    /// compiled schema: resolved once, so that every part of the generator agrees.
    field_names: HashMap<usize, String>,
    /// The `Which`/`Union` variant of each union member, by the field's address.
    variant_names: HashMap<usize, String>,
    /// The variant of each enumerant, by its address.
    enumerant_names: HashMap<usize, String>,
    /// What cannot be generated.
    pub errors: Vec<GenerateError>,
}

impl<'c> Plan<'c> {
    /// Plans the generation of the file `file_id` of `compiled`.
    pub fn new(compiled: &'c Compiled, file_id: u64, external: &HashMap<u64, TokenStream>) -> Plan<'c> {
        Plan::with_derive(compiled, file_id, external, &DeriveSpec::default())
    }

    /// [`Plan::new`] for the file a derive compiled: its placeholders are named through their
    /// aliases and not generated, and the derived struct's owned type is the user's.
    pub fn with_derive(
        compiled: &'c Compiled,
        file_id: u64,
        external: &HashMap<u64, TokenStream>,
        derive: &DeriveSpec,
    ) -> Plan<'c> {
        let mut plan = Plan {
            nodes: compiled.nodes.iter().map(|n| (n.id, n)).collect(),
            docs: compiled.source_info.iter().map(|s| (s.id, s)).collect(),
            locs: HashMap::new(),
            roots: Vec::new(),
            boxed: HashSet::new(),
            keys: HashMap::new(),
            imported: Vec::new(),
            external: Vec::new(),
            virtual_groups: HashMap::new(),
            view_names: HashMap::new(),
            nullable: HashMap::new(),
            generics: HashMap::new(),
            union_generics: HashMap::new(),
            derives: HashMap::new(),
            user_owned: HashMap::new(),
            user_groups: HashMap::new(),
            user_unions: HashMap::new(),
            key_span: None,
            field_names: HashMap::new(),
            variant_names: HashMap::new(),
            enumerant_names: HashMap::new(),
            errors: Vec::new(),
        };
        let Some(file) = plan.nodes.get(&file_id).copied() else {
            plan.errors.push(format!("capnzero: no file node {file_id:#x} in the compiled schema").into());
            return plan;
        };
        plan.check_annotations(file, &file.display_name);
        plan.user_owned = derive.owned.clone();
        plan.user_groups = derive.group_types.clone();
        plan.user_unions = derive.union_fields.clone();
        plan.key_span = derive.key_span;
        let mut taken = HashSet::new();
        for nested in &file.nested_nodes {
            if let Some(alias) = derive.aliases.get(&nested.id) {
                plan.locs.insert(nested.id, Loc { modules: Vec::new(), name: alias.clone() });
                continue;
            }
            if plan.place(nested.id, &nested.name, &[], &mut taken) {
                plan.roots.push(nested.id);
            }
        }
        plan.place_imported_files(file_id, external, &mut taken);
        plan.plan_nullable_groups();
        plan.find_generics();
        let ids: Vec<u64> = plan.locs.keys().copied().filter(|id| !derive.aliases.contains_key(id)).collect();
        for id in ids {
            plan.check_node(id);
        }
        plan.check_generics();
        plan.check_names();
        plan.find_boxed();
        plan.plan_options();
        plan.errors.sort();
        plan.errors.dedup();
        plan
    }

    /// Gives `id` (named `name` in its scope) a place in `modules`; false when it is not an
    /// item that gets code (files, annotation declarations).
    fn place(&mut self, id: u64, name: &str, modules: &[String], taken: &mut HashSet<String>) -> bool {
        let Some(node) = self.nodes.get(&id).copied() else { return false };
        let renamed = self.renamed(&node.annotations);
        let wanted = match &node.kind {
            NodeKind::Struct(_) | NodeKind::Enum(_) | NodeKind::Interface(_) => {
                renamed.map_or_else(|| pascal_case(name), str::to_string)
            }
            NodeKind::Const { .. } => renamed.map_or_else(|| upper_snake_case(name), str::to_string),
            NodeKind::File | NodeKind::Annotation { .. } => return false,
        };
        let is_struct = matches!(node.kind, NodeKind::Struct(_));
        let is_interface = matches!(node.kind, NodeKind::Interface(_));
        let claims = |n: &str| {
            let mut claimed = vec![n.to_string()];
            if is_struct {
                claimed.extend([format!("{n}Reader"), format!("{n}Builder")]);
            }
            if is_struct || is_interface {
                claimed.push(snake_case(n));
            }
            claimed
        };
        let type_name = match renamed {
            Some(_) => match Scope::claim_exact(taken, &wanted, claims) {
                Ok(name) => name,
                Err(claim) => {
                    self.errors.push(GenerateError::new(
                        At::Node(id),
                        format!(
                            "{}: `$Rust.name(\"{wanted}\")` gives an item named `{claim}`, which another item of its \
                         module has (rename one)",
                            node.display_name
                        ),
                    ));
                    wanted
                }
            },
            None => Scope::claim_in(taken, &wanted, claims),
        };
        let loc = Loc { modules: modules.to_vec(), name: type_name };
        let inner = loc.inner_modules();
        self.locs.insert(id, loc);
        let mut inner_taken: HashSet<String> = HashSet::new();
        match &node.kind {
            NodeKind::Enum(enumerants) => self.name_enumerants(node, enumerants),
            NodeKind::Struct(st) => {
                self.name_fields(node, st);
                if st.discriminant_count > 0 {
                    inner_taken.extend(["Which".to_string(), "Union".to_string()]);
                }
                for nested in &node.nested_nodes {
                    self.place(nested.id, &nested.name, &inner, &mut inner_taken);
                }
                for field in &st.fields {
                    if let FieldKind::Group { type_id } = field.kind {
                        // A group is named after its field (renamed in snake_case).
                        let name = self.field_name(field);
                        self.place(type_id, &name, &inner, &mut inner_taken);
                    }
                }
                // Virtual groups' views come after the nested types and groups, in field order.
                for (index, field) in st.fields.iter().enumerate() {
                    if field.annotations.iter().any(|a| self.annotation_name(a.id) == Some("group")) {
                        let wanted = view_name(&self.field_name(field));
                        let view = Scope::claim_in(&mut inner_taken, &wanted, |n| vec![n.to_string()]);
                        self.view_names.insert((id, index), view);
                    }
                }
            }
            NodeKind::Interface(interface) => {
                // The enum of methods and the RPC items (`codegen/rpc.rs`) hold these names.
                inner_taken.extend(["Method", "Client", "Server", "Dispatch"].map(String::from));
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

    /// Places every file (other than `file_id`) that declares a type the placed items use, and
    /// the files those use in turn. The items of an `external` file are placed (generated code
    /// names them through the file's module, then an alias of the module given) but not
    /// generated, and the files they use are not needed.
    fn place_imported_files(
        &mut self,
        file_id: u64,
        external: &HashMap<u64, TokenStream>,
        taken: &mut HashSet<String>,
    ) {
        let mut done: HashSet<u64> = HashSet::from([file_id]);
        loop {
            let mut wanted: Vec<u64> = Vec::new();
            let mut placed: Vec<u64> = self.locs.keys().copied().collect();
            placed.sort_unstable();
            placed.retain(|&id| self.file_of(id).is_none_or(|file| !external.contains_key(&file)));
            for id in placed {
                for type_id in self.used_types(id) {
                    if self.locs.contains_key(&type_id) {
                        continue;
                    }
                    if let Some(file) = self.file_of(type_id) {
                        if !done.contains(&file) && !wanted.contains(&file) {
                            wanted.push(file);
                        }
                    }
                }
            }
            if wanted.is_empty() {
                return;
            }
            for file_id in wanted {
                done.insert(file_id);
                let Some(file) = self.nodes.get(&file_id).copied() else { continue };
                let stem = file.display_name.rsplit('/').next().unwrap_or(&file.display_name);
                let stem = stem.strip_suffix(".capnp").unwrap_or(stem);
                let module = match self.renamed(&file.annotations) {
                    Some(name) => name.to_string(),
                    None => format!("{}_capnp", snake_case(stem).replace(|c: char| !c.is_ascii_alphanumeric(), "_")),
                };
                let module = if self.renamed(&file.annotations).is_some() {
                    match Scope::claim_exact(taken, &module, |n| vec![n.to_string()]) {
                        Ok(module) => module,
                        Err(_) => {
                            self.errors.push(GenerateError::new(
                                At::Node(file.id),
                                format!(
                                    "{}: `$Rust.name(\"{module}\")` names a module another item at the top level has \
                                 (rename one)",
                                    file.display_name
                                ),
                            ));
                            continue;
                        }
                    }
                } else {
                    Scope::claim_in(taken, &module, |n| vec![n.to_string()])
                };
                self.check_annotations(file, &file.display_name);
                let modules = vec![module.clone()];
                let mut inner_taken = HashSet::new();
                let mut roots = Vec::new();
                for nested in &file.nested_nodes {
                    if self.place(nested.id, &nested.name, &modules, &mut inner_taken) {
                        roots.push(nested.id);
                    }
                }
                match external.get(&file_id) {
                    Some(path) => self.external.push((module, path.clone())),
                    None => self.imported.push((module, file.display_name.clone(), roots)),
                }
            }
        }
    }

    /// The types a placed item names: field, constant and list element types, the types their
    /// brands bind parameters to (`Box(Lib.Shared)` names `Shared`), named method parameter and
    /// result structs, and superclasses.
    fn used_types(&self, id: u64) -> Vec<u64> {
        fn named(ty: &Type, out: &mut Vec<u64>) {
            match ty {
                Type::List(inner) => named(inner, out),
                Type::Struct { type_id, brand } | Type::Interface { type_id, brand } => {
                    out.push(*type_id);
                    for scope in &brand.scopes {
                        for binding in scope.bind.iter().flatten() {
                            if let crate::model::Binding::Type(bound) = binding {
                                named(bound, out);
                            }
                        }
                    }
                }
                Type::Enum { type_id, .. } => out.push(*type_id),
                _ => {}
            }
        }
        let mut out = Vec::new();
        match self.nodes.get(&id).map(|n| &n.kind) {
            Some(NodeKind::Struct(st)) => {
                for field in &st.fields {
                    if let FieldKind::Slot { ty, .. } = &field.kind {
                        named(ty, &mut out);
                    }
                }
            }
            Some(NodeKind::Const { ty, .. }) => named(ty, &mut out),
            Some(NodeKind::Interface(interface)) => {
                for method in &interface.methods {
                    out.extend([method.param_struct_type, method.result_struct_type]);
                }
                out.extend(interface.superclasses.iter().map(|s| s.id));
            }
            _ => {}
        }
        out
    }

    /// The file declaring node `id`.
    fn file_of(&self, id: u64) -> Option<u64> {
        let mut node = self.nodes.get(&id)?;
        for _ in 0..self.nodes.len() {
            if matches!(node.kind, NodeKind::File) {
                return Some(node.id);
            }
            node = self.nodes.get(&node.scope_id)?;
        }
        None
    }

    /// The name `$Rust.name("…")` gives a declaration.
    pub fn renamed(&self, annotations: &'c [Annotation]) -> Option<&'c str> {
        annotations.iter().find_map(|a| match (&a.value, self.nodes.get(&a.id)) {
            (crate::model::Value::Text(Some(name)), Some(decl))
                if decl.display_name == "capnzero/annotate.capnp:name" =>
            {
                Some(name.as_str())
            }
            _ => None,
        })
    }

    /// A field's accessor (and owned field) name: snake_case, or as `$Rust.name` gives it,
    /// with the `_`s of the naming rules (docs/codegen.md, "Naming rules").
    pub fn field_name(&self, field: &'c Field) -> String {
        match self.field_names.get(&address(field)) {
            Some(name) => name.clone(),
            None => self.wanted_field_name(field),
        }
    }

    /// The name a field asks for, before collisions are resolved.
    fn wanted_field_name(&self, field: &'c Field) -> String {
        let name = self.renamed(&field.annotations).map_or_else(|| snake_case(&field.name), str::to_string);
        if PATH_KEYWORDS.contains(&name.as_str()) {
            format!("{name}_")
        } else {
            name
        }
    }

    /// A union member's variant name in `Which` and `Union`.
    pub fn variant_name(&self, field: &'c Field) -> String {
        match self.variant_names.get(&address(field)) {
            Some(name) => name.clone(),
            None => pascal_case(&self.wanted_field_name(field)),
        }
    }

    /// An enumerant's variant name.
    pub fn enumerant_name(&self, enumerant: &'c Enumerant) -> String {
        match self.enumerant_names.get(&address(enumerant)) {
            Some(name) => name.clone(),
            None => self.renamed(&enumerant.annotations).map_or_else(|| pascal_case(&enumerant.name), str::to_string),
        }
    }

    /// Names the enumerants of `node`: the catch-all `Unknown` and `Self` are taken first, then
    /// each enumerant in ordinal order takes its name or the next free `Name_`, `Name__`, …
    fn name_enumerants(&mut self, node: &'c Node, enumerants: &'c [Enumerant]) {
        let mut scope = Scope::with_reserved(RESERVED_VARIANTS.iter().copied());
        for e in enumerants {
            if let Some(name) = self.renamed(&e.annotations) {
                match scope.exact(name, |n| vec![n.to_string()]) {
                    Ok(name) => {
                        self.enumerant_names.insert(address(e), name);
                    }
                    Err(claim) => self.errors.push(GenerateError::new(
                        At::Member(node.id, enumerants.iter().position(|x| std::ptr::eq(x, e)).unwrap_or(0)),
                        format!(
                            "{}.{}: `$Rust.name(\"{name}\")` is the name of another variant (`{claim}`) of the enum",
                            node.display_name, e.name
                        ),
                    )),
                }
            }
        }
        for e in enumerants {
            if self.renamed(&e.annotations).is_none() {
                let name = scope.claim(&pascal_case(&e.name), |n| vec![n.to_string()]);
                self.enumerant_names.insert(address(e), name);
            }
        }
    }

    /// Names the fields and union members of struct or group `node` (docs/codegen.md, "Naming
    /// rules"): the generated methods are taken first, then the `$Rust.name`s, then each field
    /// in ordinal order takes its name, or the next free `name_`, `name__`, … whose accessors
    /// are free.
    fn name_fields(&mut self, node: &'c Node, st: &'c crate::model::StructNode) {
        let has_key =
            |annotations: &'c [Annotation]| annotations.iter().any(|a| self.annotation_name(a.id) == Some("key"));
        let keyed = has_key(&node.annotations)
            || self.nodes.get(&node.scope_id).is_some_and(|scope| match &scope.kind {
                NodeKind::Struct(outer) => outer.fields.iter().any(|f| {
                    matches!(f.kind, FieldKind::Group { type_id } if type_id == node.id) && has_key(&f.annotations)
                }),
                _ => false,
            });
        let mut reserved: Vec<String> = READER_METHODS.iter().map(|m| format!("r:{m}")).collect();
        reserved.extend(BUILDER_METHODS.iter().map(|m| format!("b:{m}")));
        if keyed {
            reserved.push("r:key".to_string());
        }
        if st.discriminant_count > 0 {
            reserved.push("o:union".to_string());
        }
        let mut scope = Scope::with_reserved(reserved.iter().map(String::as_str));
        let mut names = Vec::new();
        for pass in [true, false] {
            for field in &st.fields {
                let renamed = self.renamed(&field.annotations).is_some();
                if renamed != pass {
                    continue;
                }
                let shape = accessor_shape(field);
                let wanted = self.wanted_field_name(field);
                let name = if renamed {
                    match scope.exact(&wanted, |n| shape.claims(n)) {
                        Ok(name) => name,
                        Err(claim) => {
                            self.errors.push(GenerateError::new(
                                member_at(st, node.id, field),
                                format!(
                                    "{}.{}: `$Rust.name(\"{wanted}\")` gives the accessor `{}`, which the struct has \
                                 already (rename one)",
                                    node.display_name,
                                    field.name,
                                    &claim[2..]
                                ),
                            ));
                            wanted
                        }
                    }
                } else {
                    scope.claim(&wanted, |n| shape.claims(n))
                };
                names.push((address(field), name));
            }
        }
        self.field_names.extend(names);
        // Variants: `Unknown` and `Self` first, then the renamed members, then the others.
        let mut variants = Scope::with_reserved(RESERVED_VARIANTS.iter().copied());
        let members: Vec<&'c Field> =
            st.fields.iter().filter(|f| f.discriminant_value != Field::NO_DISCRIMINANT).collect();
        for pass in [true, false] {
            for field in &members {
                let renamed = self.renamed(&field.annotations).is_some();
                if renamed != pass {
                    continue;
                }
                let wanted = pascal_case(&self.wanted_field_name(field));
                let name = if renamed {
                    match variants.exact(&wanted, |n| vec![n.to_string()]) {
                        Ok(name) => name,
                        Err(claim) => {
                            self.errors.push(GenerateError::new(
                                member_at(st, node.id, field),
                                format!(
                                    "{}.{}: `$Rust.name` gives the variant `{claim}`, which the union has already \
                                 (rename one)",
                                    node.display_name, field.name
                                ),
                            ));
                            wanted
                        }
                    }
                } else {
                    variants.claim(&wanted, |n| vec![n.to_string()])
                };
                self.variant_names.insert(address(*field), name);
            }
        }
    }

    /// Every `$Rust.name` value must be a Rust identifier.
    fn check_names(&mut self) {
        let mut bad = Vec::new();
        let mut check = |plan: &Plan<'c>, annotations: &'c [Annotation], at: &str, place: At| {
            if let Some(name) = plan.renamed(annotations) {
                let mut chars = name.chars();
                let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && name != "_";
                if !valid {
                    bad.push(GenerateError::new(place, format!("{at}: `$name(\"{name}\")` is not a Rust identifier")));
                }
            }
        };
        for node in self.nodes.values() {
            check(self, &node.annotations, &node.display_name, At::Node(node.id));
            let member = |index| At::Member(node.id, index);
            match &node.kind {
                NodeKind::Struct(st) => {
                    for (i, field) in st.fields.iter().enumerate() {
                        check(self, &field.annotations, &format!("{}.{}", node.display_name, field.name), member(i));
                    }
                }
                NodeKind::Enum(enumerants) => {
                    for (i, e) in enumerants.iter().enumerate() {
                        check(self, &e.annotations, &format!("{}.{}", node.display_name, e.name), member(i));
                    }
                }
                NodeKind::Interface(interface) => {
                    for (i, m) in interface.methods.iter().enumerate() {
                        check(self, &m.annotations, &format!("{}.{}", node.display_name, m.name), member(i));
                    }
                }
                _ => {}
            }
        }
        self.errors.extend(bad);
    }

    fn check_annotations(&mut self, node: &Node, at: &str) {
        for annotation in &node.annotations {
            if matches!(node.kind, NodeKind::Struct(_)) && self.annotation_name(annotation.id) == Some("key") {
                continue;
            }
            self.check_annotation(annotation.id, at, At::Node(node.id));
        }
    }

    /// The name of a capnpy or capnzero annotation (`key`, `group`, …); `None` for others.
    pub fn annotation_name(&self, id: u64) -> Option<&'c str> {
        let decl = self.nodes.get(&id)?;
        let ours = ["capnpy/annotate.capnp:", "capnzero/annotate.capnp:"];
        if ours.iter().any(|prefix| decl.display_name.starts_with(prefix)) {
            Some(&decl.display_name[decl.display_name_prefix_length as usize..])
        } else {
            None
        }
    }

    /// capnpy's and capnzero's own annotations change the generated API; until they are
    /// implemented, a schema using one does not compile.
    fn check_annotation(&mut self, id: u64, at: &str, place: At) {
        let Some(decl) = self.nodes.get(&id) else { return };
        // capnpy's `options` only tune capnpy's Python output: accepted, with nothing to apply.
        // `$Rust.name` renames: applied where names are made, checked by `check_names`.
        // `$Rust.options` is applied by `plan_options`.
        let applied =
            ["capnpy/annotate.capnp:options", "capnzero/annotate.capnp:name", "capnzero/annotate.capnp:options"];
        if applied.contains(&decl.display_name.as_str()) {
            return;
        }
        let ours = ["capnpy/annotate.capnp:", "capnzero/annotate.capnp:"];
        if ours.iter().any(|prefix| decl.display_name.starts_with(prefix)) {
            let name = &decl.display_name[decl.display_name_prefix_length as usize..];
            self.errors.push(GenerateError::new(
                place,
                format!("{at}: capnzero does not generate the annotation `${name}` yet"),
            ));
        }
    }

    fn check_node(&mut self, id: u64) {
        let node = self.nodes[&id];
        self.check_annotations(node, &node.display_name);
        match &node.kind {
            NodeKind::Const { ty, .. } => {
                let supported = match ty {
                    Type::AnyPointer(AnyPointer::AnyKind | AnyPointer::Struct | AnyPointer::List) => true,
                    _ => self.unsupported_type(ty).is_none(),
                };
                if !supported {
                    let what = self.unsupported_type(ty).unwrap_or("constants of this type");
                    self.errors.push(GenerateError::new(
                        At::Node(node.id),
                        format!("{}: capnzero does not generate {what} yet", node.display_name),
                    ));
                }
            }
            NodeKind::Interface(interface) => {
                for (index, method) in interface.methods.iter().enumerate() {
                    let at = format!("{}.{}", node.display_name, method.name);
                    for a in &method.annotations {
                        self.check_annotation(a.id, &at, At::Member(node.id, index));
                    }
                }
            }
            NodeKind::Enum(enumerants) => {
                for (index, e) in enumerants.iter().enumerate() {
                    for a in &e.annotations {
                        self.check_annotation(
                            a.id,
                            &format!("{}.{}", node.display_name, e.name),
                            At::Member(node.id, index),
                        );
                    }
                }
            }
            NodeKind::Struct(st) => {
                self.plan_key(node, st, &node.annotations);
                self.plan_virtual_groups(node, st);
                for field in &st.fields {
                    if let FieldKind::Group { type_id } = field.kind {
                        if let Some(NodeKind::Struct(group)) = self.nodes.get(&type_id).map(|n| &n.kind) {
                            let group_node = self.nodes[&type_id];
                            self.plan_key(group_node, group, &field.annotations);
                        }
                    }
                }
                for (index, field) in st.fields.iter().enumerate() {
                    let at = format!("{}.{}", node.display_name, field.name);
                    let place = At::Member(node.id, index);
                    for a in &field.annotations {
                        // A group's annotations are on its field too, and its node plans its
                        // key; a virtual group's `group` and `key` are planned with it.
                        let is_group = matches!(field.kind, FieldKind::Group { .. });
                        let is_virtual = field.annotations.iter().any(|a| self.annotation_name(a.id) == Some("group"));
                        let name = self.annotation_name(a.id);
                        let planned = (is_group && matches!(name, Some("key") | Some("nullable")))
                            || (is_virtual && matches!(name, Some("key") | Some("group")));
                        if !planned {
                            self.check_annotation(a.id, &at, place);
                        }
                    }
                    if let FieldKind::Slot { ty, .. } = &field.kind {
                        if let Some(what) = self.unsupported_type(ty) {
                            self.errors.push(GenerateError::new(
                                place,
                                format!("{at}: capnzero does not generate {what} yet"),
                            ));
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
            // `List(AnyPointer)` is not valid schema (the compiler refuses it); its kin are.
            Type::List(inner) => self.unsupported_type(inner),
            Type::AnyPointer(_) => None,
            Type::Struct { type_id, .. } | Type::Enum { type_id, .. } | Type::Interface { type_id, .. } => {
                if !self.locs.contains_key(type_id) {
                    Some("fields of this type (capnzero found no place for it)")
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
