//! The code generator's intermediate representation: what emission reads, built from the
//! schema model and the [`Plan`]. Per struct or group ([`Struct`]) its names, docs, generic
//! parameters, key and inner items; per member ([`Member`]) its Rust names, where and how it is
//! stored ([`Storage`], with its [`Kind`], a type with its brand resolved), its default and the
//! form a derived type holds it in; per enum ([`Enum`]), interface ([`Interface`], whose method
//! names are made here) and constant ([`Const`]). [`check_accessors`] and [`check_variants`]
//! find names that would collide before their struct or enum is emitted.

use std::collections::HashMap;

use proc_macro2::{Ident, Span, TokenStream};

use crate::model::{AnyPointer, Enumerant, Field, FieldKind, InterfaceNode, Node, NodeKind, StructNode, Type, Value};

use super::names::{ident, pascal_case, plain, Scope};
use super::plan::{bound, At, Bound, GenerateError, OwnedForm, Param, Plan};

/// What a value of a schema type is, as generated code handles it, its brand resolved.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    Void,
    Bool,
    /// A number: the Rust primitive's name (`i8` … `f64`).
    Prim(&'static str),
    Enum(u64),
    Text,
    Data,
    /// A list of elements of this kind.
    List(Box<Kind>),
    /// A struct, with an argument for each of its Rust type parameters (as its brand binds
    /// them).
    Struct(u64, Vec<Kind>),
    /// A generic parameter of the struct being generated (or of an enclosing scope).
    Param(Param),
    /// AnyPointer, an unbound parameter, or a capability (read as AnyPointer).
    Any,
}

impl Kind {
    /// Whether values of this kind live behind a pointer.
    pub(super) fn is_pointer(&self) -> bool {
        matches!(self, Kind::Text | Kind::Data | Kind::List(_) | Kind::Struct(..) | Kind::Param(_) | Kind::Any)
    }

    /// The Rust primitive of a number, as an identifier.
    pub(super) fn prim(name: &str) -> Ident {
        Ident::new(name, Span::call_site())
    }
}

/// The kind of `ty` inside a struct whose generic parameters in scope are `in_scope`: a struct
/// type's arguments are what its brand binds each of the struct's Rust type parameters to (a
/// parameter it inherits is the one in scope, else AnyPointer; an unbound one AnyPointer).
pub(super) fn kind(plan: &Plan<'_>, ty: &Type, in_scope: &[Param]) -> Kind {
    match ty {
        Type::Void => Kind::Void,
        Type::Bool => Kind::Bool,
        Type::Int8 => Kind::Prim("i8"),
        Type::Int16 => Kind::Prim("i16"),
        Type::Int32 => Kind::Prim("i32"),
        Type::Int64 => Kind::Prim("i64"),
        Type::UInt8 => Kind::Prim("u8"),
        Type::UInt16 => Kind::Prim("u16"),
        Type::UInt32 => Kind::Prim("u32"),
        Type::UInt64 => Kind::Prim("u64"),
        Type::Float32 => Kind::Prim("f32"),
        Type::Float64 => Kind::Prim("f64"),
        Type::Text => Kind::Text,
        Type::Data => Kind::Data,
        Type::List(inner) => Kind::List(Box::new(kind(plan, inner, in_scope))),
        Type::Enum { type_id, .. } => Kind::Enum(*type_id),
        Type::Struct { type_id, brand } => {
            let params = plan.generics.get(type_id).map_or(&[][..], Vec::as_slice);
            let args = params
                .iter()
                .map(|&param| match bound(brand, param) {
                    Bound::Type(ty) => kind(plan, ty, in_scope),
                    Bound::Inherit if in_scope.contains(&param) => Kind::Param(param),
                    Bound::Inherit | Bound::Unbound => Kind::Any,
                })
                .collect();
            Kind::Struct(*type_id, args)
        }
        Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) if in_scope.contains(&(*scope_id, *index)) => {
            Kind::Param((*scope_id, *index))
        }
        Type::AnyPointer(_) | Type::Interface { .. } => Kind::Any,
    }
}

/// Where and how a member is stored.
pub(super) enum Storage<'m> {
    /// A group: its node, whether its owned type is a type of the user's (a derived group,
    /// written through the runtime's `WriteGroup`), and its shape when `$Py.nullable` makes it
    /// an `Option`.
    Group { type_id: u64, user_type: bool, nullable: Option<NullableShape> },
    /// Void: nothing is stored; a view when `$Py.group` makes the field a virtual group of
    /// other fields.
    Void { view: Option<View<'m>> },
    /// A bool, number or enum in the data section: the offset in units of its size.
    Data { offset: usize, kind: Kind, default: &'m Value },
    /// A pointer: its index in the pointer section; `boxed` when the owned value holds the
    /// struct in a `Box` (the struct contains the container again).
    Pointer { offset: u16, kind: Kind, default: &'m Value, boxed: bool },
}

/// A nullable group (`isNull` and `value`), read as an `Option` of its value.
pub(super) struct NullableShape {
    /// `isNull` is a Bool (else an integer).
    pub flag_is_bool: bool,
    /// The `value` member.
    pub value: NullableValue,
}

/// The `value` of a nullable group.
pub(super) enum NullableValue {
    /// A group: its node.
    Group(u64),
    /// A bool, number or enum (the plan allows nothing else).
    Data(Kind),
}

/// A virtual group (`$Py.group("x, y")` on a Void field): a read-only view of other fields.
pub(super) struct View<'m> {
    /// The Rust name of the view type (`PositionReader`).
    pub name: String,
    /// The fields it shows, in the order listed, each as a plain field.
    pub members: Vec<Member<'m>>,
    /// Its key's fields (indices into the struct's fields), if it has a key.
    pub key: Option<Vec<usize>>,
}

/// One member of a struct or group.
pub(super) struct Member<'m> {
    /// Its index in the node's fields.
    pub index: usize,
    /// Its schema field.
    pub field: &'m Field,
    /// The stem of its accessors (`name`, `has_name`, `set_name`, …).
    pub snake: String,
    /// Its variant in the `Which`/`Union` enums (union members).
    pub variant: String,
    /// Its doc comment.
    pub doc: Option<&'m str>,
    /// Its discriminant value, for a member of the anonymous union.
    pub discriminant: Option<u16>,
    pub storage: Storage<'m>,
    /// How the user's own type (`#[derive(CapnpStruct)]`) holds it; `None` for generated
    /// owned types.
    pub user_form: Option<OwnedForm>,
}

impl Member<'_> {
    /// The reader's accessor (and the owned type's field).
    pub(super) fn name(&self) -> Ident {
        ident(&self.snake)
    }

    /// The accessor `{prefix}_{name}` (`has`, `get`, `set`, `init`, `is`).
    pub(super) fn accessor(&self, prefix: &str) -> Ident {
        plain(&format!("{prefix}_{}", self.snake))
    }

    /// The `Which`/`Union` variant.
    pub(super) fn variant(&self) -> Ident {
        plain(&self.variant)
    }

    /// The kind of its value; `None` for a group.
    pub(super) fn kind(&self) -> Option<Kind> {
        match &self.storage {
            Storage::Group { .. } => None,
            Storage::Void { .. } => Some(Kind::Void),
            Storage::Data { kind, .. } | Storage::Pointer { kind, .. } => Some(kind.clone()),
        }
    }

    /// Whether it is a group whose owned type is a type of the user's.
    pub(super) fn is_user_group(&self) -> bool {
        matches!(self.storage, Storage::Group { user_type: true, .. })
    }

    /// The group's node, for a group.
    pub(super) fn group(&self) -> Option<u64> {
        match self.storage {
            Storage::Group { type_id, .. } => Some(type_id),
            _ => None,
        }
    }

    /// The methods generated for it: `(true, name)` on the reader, `(false, name)` on the
    /// builder.
    pub(super) fn methods(&self) -> Vec<(bool, String)> {
        let snake = &self.snake;
        let in_union = self.discriminant.is_some();
        let mut methods = Vec::new();
        match &self.storage {
            Storage::Group { .. } if in_union => {
                methods.extend([
                    (true, snake.clone()),
                    (true, format!("is_{snake}")),
                    (false, format!("init_{snake}")),
                ]);
                return methods;
            }
            Storage::Group { .. } => {
                methods.extend([(true, snake.clone()), (false, snake.clone())]);
                return methods;
            }
            Storage::Void { .. } if in_union => methods.push((false, format!("set_{snake}"))),
            Storage::Void { view } => {
                if view.is_some() && self.user_form.is_none() {
                    methods.push((true, snake.clone()));
                }
            }
            Storage::Data { .. } => methods.extend([(false, format!("set_{snake}")), (true, snake.clone())]),
            Storage::Pointer { kind, .. } => {
                if !matches!(kind, Kind::Text | Kind::Data) {
                    methods.push((false, format!("init_{snake}")));
                }
                methods.extend([
                    (false, format!("set_{snake}")),
                    (true, snake.clone()),
                    (true, format!("has_{snake}")),
                    (true, format!("get_{snake}")),
                ]);
            }
        }
        if in_union {
            methods.push((true, format!("is_{snake}")));
        }
        methods
    }
}

/// The members of struct (or group) `node`, whose generic parameters in scope are `in_scope`.
pub(super) fn members<'m>(plan: &Plan<'m>, node: &'m Node, st: &'m StructNode, in_scope: &[Param]) -> Vec<Member<'m>> {
    (0..st.fields.len()).map(|index| member(plan, node, st, index, in_scope)).collect()
}

/// Member `index` of struct (or group) `node`.
fn member<'m>(plan: &Plan<'m>, node: &'m Node, st: &'m StructNode, index: usize, in_scope: &[Param]) -> Member<'m> {
    let field = &st.fields[index];
    let storage = match &field.kind {
        FieldKind::Group { type_id } => Storage::Group {
            type_id: *type_id,
            user_type: plan.user_groups.contains_key(type_id),
            nullable: nullable_shape(plan, *type_id, in_scope),
        },
        FieldKind::Slot { offset, ty, default_value, .. } => match kind(plan, ty, in_scope) {
            Kind::Void => Storage::Void { view: view(plan, node, st, index, in_scope) },
            kind @ (Kind::Bool | Kind::Prim(_) | Kind::Enum(_)) => {
                Storage::Data { offset: *offset as usize, kind, default: default_value }
            }
            kind => Storage::Pointer {
                offset: *offset as u16,
                kind,
                default: default_value,
                boxed: plan.boxed.contains(&(node.id, index)),
            },
        },
    };
    let docs = plan.docs.get(&node.id);
    Member {
        index,
        field,
        snake: plan.field_name(field),
        variant: plan.variant_name(field),
        doc: docs.and_then(|d| d.members.get(index)).and_then(|d| d.as_deref()),
        discriminant: (field.discriminant_value != Field::NO_DISCRIMINANT).then_some(field.discriminant_value),
        storage,
        user_form: plan.user_owned.get(&node.id).and_then(|forms| forms.get(index)).copied(),
    }
}

/// A struct or group, as emission needs it.
pub(super) struct Struct<'m> {
    pub node: &'m Node,
    /// Its layout.
    pub st: &'m StructNode,
    /// `struct` or `group`, for doc comments.
    pub kind: &'static str,
    /// How many modules below the macro's output its items are.
    pub depth: usize,
    /// Its Rust name (`Point`); its reader and builder add `Reader` and `Builder`, its inner
    /// module is its snake_case form.
    pub name: String,
    /// Its doc comment.
    pub doc: Option<&'m str>,
    /// The generic parameters of its Rust types, outermost scope first.
    pub params: Vec<Param>,
    /// The indices of its key's fields, in key order.
    pub key: Option<Vec<usize>>,
    /// Its owned type is the user's own (`#[derive(CapnpStruct)]`).
    pub user_owned: bool,
    /// A derived group whose owned type is a type of the user's, named through an alias.
    pub user_group: bool,
    pub members: Vec<Member<'m>>,
    /// The types its inner module holds, in order: its nested types, then its groups.
    pub inner: Vec<u64>,
    /// The generic parameters of its union's `Which` and `Union` enums.
    pub union_params: Vec<Param>,
    /// For a derived struct or group whose union the user's type holds as an enum in a field:
    /// the field's name and the enum's alias.
    pub user_union: Option<(String, String)>,
    /// The derives `$Rust.options(derive = …)` adds to its owned types (and its union's).
    pub derives: Vec<TokenStream>,
}

impl Struct<'_> {
    /// The members of its anonymous union.
    pub(super) fn union_members(&self) -> Vec<&Member<'_>> {
        self.members.iter().filter(|m| m.discriminant.is_some()).collect()
    }
}

/// Struct (or group) `node` as emission needs it.
pub(super) fn structure<'m>(plan: &Plan<'m>, node: &'m Node, st: &'m StructNode) -> Struct<'m> {
    let loc = &plan.locs[&node.id];
    let params = plan.generics.get(&node.id).cloned().unwrap_or_default();
    let members = members(plan, node, st, &params);
    let nested = node.nested_nodes.iter().map(|n| n.id).filter(|id| plan.locs.contains_key(id));
    let inner = nested.chain(members.iter().filter_map(Member::group)).collect();
    Struct {
        node,
        st,
        kind: if st.is_group { "group" } else { "struct" },
        depth: loc.modules.len(),
        name: loc.name.clone(),
        doc: plan.docs.get(&node.id).and_then(|d| d.doc_comment.as_deref()),
        params,
        key: plan.keys.get(&node.id).cloned(),
        user_owned: plan.user_owned.contains_key(&node.id),
        user_group: plan.user_groups.contains_key(&node.id),
        members,
        inner,
        union_params: plan.union_generics.get(&node.id).cloned().unwrap_or_default(),
        user_union: plan.user_unions.get(&node.id).cloned(),
        derives: plan.derives.get(&node.id).into_iter().flatten().filter_map(|p| p.parse().ok()).collect(),
    }
}

/// An enum, as emission needs it.
pub(super) struct Enum<'m> {
    pub node: &'m Node,
    /// Its Rust name.
    pub name: String,
    /// Its doc comment.
    pub doc: Option<&'m str>,
    pub variants: Vec<Variant<'m>>,
}

/// An enumerant.
pub(super) struct Variant<'m> {
    /// Its Rust name.
    pub name: String,
    /// Its ordinal (its index in the enum's list).
    pub ordinal: u16,
    /// Its name in the schema.
    pub schema_name: &'m str,
    /// Its doc comment.
    pub doc: Option<&'m str>,
}

/// Enum `node` with `enumerants` as emission needs it.
pub(super) fn enumeration<'m>(plan: &Plan<'m>, node: &'m Node, enumerants: &'m [Enumerant]) -> Enum<'m> {
    let docs = plan.docs.get(&node.id);
    let variants = enumerants
        .iter()
        .enumerate()
        .map(|(index, e)| Variant {
            name: plan.enumerant_name(e),
            ordinal: index as u16,
            schema_name: &e.name,
            doc: docs.and_then(|d| d.members.get(index)).and_then(|d| d.as_deref()),
        })
        .collect();
    Enum { node, name: plan.locs[&node.id].name.clone(), doc: docs.and_then(|d| d.doc_comment.as_deref()), variants }
}

/// Every variant of `e` whose Rust name another variant has: one error each. As for
/// accessors, the naming rules give every enumerant a name of its own.
pub(super) fn check_variants(e: &Enum<'_>) -> Vec<GenerateError> {
    let mut seen = std::collections::HashSet::new();
    e.variants
        .iter()
        .filter(|v| !seen.insert(v.name.as_str()))
        .map(|v| {
            GenerateError::new(
                At::Member(e.node.id, v.ordinal as usize),
                format!(
                    "{}: the variant `{}` of `{}` collides with another",
                    e.node.display_name, v.name, v.schema_name
                ),
            )
        })
        .collect()
}

/// An interface, as emission needs it.
pub(super) struct Interface<'m> {
    /// Its Rust name.
    pub name: String,
    /// Its doc comment.
    pub doc: Option<&'m str>,
    /// The IDs of the interfaces it extends.
    pub superclasses: Vec<u64>,
    pub methods: Vec<Method<'m>>,
    /// The types its module holds, in order: its nested types, then the parameter and result
    /// structs its methods write in place.
    pub inner: Vec<u64>,
}

/// A method of an interface.
pub(super) struct Method<'m> {
    /// Its variant in the interface's `Method` enum.
    pub variant: String,
    /// Its ordinal.
    pub ordinal: u16,
    /// Its name in the schema.
    pub schema_name: &'m str,
    /// Its doc comment.
    pub doc: Option<&'m str>,
    /// The display names of its parameter and result structs.
    pub params: &'m str,
    pub results: &'m str,
}

/// Interface `node` as emission needs it, and the errors of its methods' names.
pub(super) fn interface<'m>(
    plan: &Plan<'m>,
    node: &'m Node,
    interface: &'m InterfaceNode,
) -> (Interface<'m>, Vec<GenerateError>) {
    let (variants, errors) = method_variants(plan, node, interface);
    let docs = plan.docs.get(&node.id);
    let display = |id: u64| plan.nodes.get(&id).map_or("?", |n| n.display_name.as_str());
    let methods = interface
        .methods
        .iter()
        .zip(variants)
        .enumerate()
        .map(|(index, (method, variant))| Method {
            variant,
            ordinal: index as u16,
            schema_name: &method.name,
            doc: docs.and_then(|d| d.members.get(index)).and_then(|d| d.as_deref()),
            params: display(method.param_struct_type),
            results: display(method.result_struct_type),
        })
        .collect();
    let loc = &plan.locs[&node.id];
    let mut inner: Vec<u64> = node.nested_nodes.iter().map(|n| n.id).filter(|id| plan.locs.contains_key(id)).collect();
    for method in &interface.methods {
        for struct_id in [method.param_struct_type, method.result_struct_type] {
            let placed_here = plan.locs.get(&struct_id).is_some_and(|l| l.modules == loc.inner_modules());
            let is_nested = node.nested_nodes.iter().any(|n| n.id == struct_id);
            if placed_here && !is_nested && plan.nodes.get(&struct_id).is_some_and(|n| n.scope_id == 0) {
                inner.push(struct_id);
            }
        }
    }
    let interface = Interface {
        name: loc.name.clone(),
        doc: docs.and_then(|d| d.doc_comment.as_deref()),
        superclasses: interface.superclasses.iter().map(|s| s.id).collect(),
        methods,
        inner,
    };
    (interface, errors)
}

/// The `Method` variant of each method, by index: `Self` cannot be one; the `$Rust.name`s
/// claim first, then the others in ordinal order, each taking its name or the next free
/// `Name_`, `Name__`, …
fn method_variants(plan: &Plan<'_>, node: &Node, interface: &InterfaceNode) -> (Vec<String>, Vec<GenerateError>) {
    let mut scope = Scope::with_reserved(["Self"]);
    let mut names = vec![String::new(); interface.methods.len()];
    let mut errors = Vec::new();
    for pass in [true, false] {
        for (index, method) in interface.methods.iter().enumerate() {
            // A method is renamed in snake_case, like a field; its variant is that in PascalCase.
            let renamed = plan.renamed(&method.annotations);
            if renamed.is_some() != pass {
                continue;
            }
            let wanted = pascal_case(renamed.unwrap_or(&method.name));
            names[index] = match renamed {
                Some(_) => scope.exact(&wanted, |n| vec![n.to_string()]).unwrap_or_else(|claim| {
                    errors.push(GenerateError::new(
                        At::Member(node.id, index),
                        format!(
                            "{}.{}: `$Rust.name` gives the variant `{claim}`, which another method has (rename one)",
                            node.display_name, method.name
                        ),
                    ));
                    wanted.clone()
                }),
                None => scope.claim(&wanted, |n| vec![n.to_string()]),
            };
        }
    }
    (names, errors)
}

fn nullable_shape(plan: &Plan<'_>, group: u64, in_scope: &[Param]) -> Option<NullableShape> {
    let shape = plan.nullable.get(&group)?;
    let value = match &shape.value.kind {
        FieldKind::Group { type_id } => NullableValue::Group(*type_id),
        FieldKind::Slot { ty, .. } => NullableValue::Data(match kind(plan, ty, in_scope) {
            Kind::Bool => Kind::Bool,
            Kind::Prim(name) => Kind::Prim(name),
            Kind::Enum(id) => Kind::Enum(id),
            _ => Kind::Void,
        }),
    };
    Some(NullableShape { flag_is_bool: shape.flag_is_bool, value })
}

fn view<'m>(plan: &Plan<'m>, node: &'m Node, st: &'m StructNode, index: usize, in_scope: &[Param]) -> Option<View<'m>> {
    let group = plan.virtual_groups.get(&(node.id, index))?;
    // The members of a view are neither Void nor in a union (the plan checks): each is viewed
    // as a plain field.
    let members = group.members.iter().map(|&m| Member { discriminant: None, ..member(plan, node, st, m, in_scope) });
    Some(View { name: plan.view_names[&(node.id, index)].clone(), members: members.collect(), key: group.key.clone() })
}

/// A constant, as emission needs it.
pub(super) struct Const<'m> {
    /// Its Rust name (`MAX_SIZE`).
    pub name: String,
    /// Its doc comment.
    pub doc: Option<&'m str>,
    /// How many modules below the macro's output it is.
    pub depth: usize,
    pub value: ConstValue<'m>,
}

/// A constant's type and value.
pub(super) enum ConstValue<'m> {
    Void,
    Bool(bool),
    /// A number: the Rust primitive's name and the value.
    Number(&'static str, &'m Value),
    /// An enum value: the enum, the enumerant's variant (`None` for a value the enum does not
    /// declare) and its ordinal.
    Enum {
        type_id: u64,
        variant: Option<String>,
        value: u16,
    },
    Text(&'m str),
    Data(&'m [u8]),
    /// Struct, list and AnyPointer constants: their canonical words.
    Struct {
        kind: Kind,
        words: &'m [u8],
    },
    List {
        element: Kind,
        words: &'m [u8],
    },
    Pointer {
        words: &'m [u8],
    },
}

/// Constant `node` (of type `ty`, value `value`) as emission needs it; an error when capnzero
/// does not generate constants of its type.
pub(super) fn constant<'m>(
    plan: &Plan<'m>,
    node: &'m Node,
    ty: &'m Type,
    value: &'m Value,
    in_scope: &[Param],
) -> Result<Const<'m>, GenerateError> {
    let words = |value: &'m Option<Vec<u8>>| value.as_deref().unwrap_or(&[]);
    let value = match (ty, value) {
        (Type::Void, _) => ConstValue::Void,
        (Type::Bool, Value::Bool(b)) => ConstValue::Bool(*b),
        (Type::Enum { type_id, .. }, Value::Enum(n)) => {
            let enumerant = match plan.nodes.get(type_id).map(|n| &n.kind) {
                Some(NodeKind::Enum(enumerants)) => enumerants.get(*n as usize),
                _ => None,
            };
            ConstValue::Enum { type_id: *type_id, variant: enumerant.map(|e| plan.enumerant_name(e)), value: *n }
        }
        (Type::Text, Value::Text(text)) => ConstValue::Text(text.as_deref().unwrap_or("")),
        (Type::Data, Value::Data(bytes)) => ConstValue::Data(words(bytes)),
        (Type::Struct { .. }, Value::Struct(value)) => {
            ConstValue::Struct { kind: kind(plan, ty, in_scope), words: words(value) }
        }
        (Type::List(inner), Value::List(value)) => {
            ConstValue::List { element: kind(plan, inner, in_scope), words: words(value) }
        }
        (Type::AnyPointer(_), Value::AnyPointer(value)) => ConstValue::Pointer { words: words(value) },
        (ty, value) => match kind(plan, ty, in_scope) {
            Kind::Prim(name) => ConstValue::Number(name, value),
            _ => {
                return Err(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate constants of this type yet", node.display_name),
                ))
            }
        },
    };
    let loc = &plan.locs[&node.id];
    Ok(Const {
        name: loc.name.clone(),
        doc: plan.docs.get(&node.id).and_then(|d| d.doc_comment.as_deref()),
        depth: loc.modules.len(),
        value,
    })
}

/// The methods every reader and every builder of a struct has, which no accessor may take.
const READER_METHODS: &[&str] = &["from_untyped", "untyped", "to_owned", "which", "raw_discriminant", "dynamic"];
const BUILDER_METHODS: &[&str] = &["from_untyped", "untyped", "reborrow", "clear_fields"];

/// Every accessor of `members` that another accessor, or a method every reader or builder has
/// (`key` too for a keyed struct), takes already: one error per collision. The naming rules
/// give every field a name of its own, so this finds a broken rule, not a schema's mistake.
pub(super) fn check_accessors(node: &Node, members: &[Member<'_>], keyed: bool) -> Vec<GenerateError> {
    let mut taken: HashMap<(bool, String), &str> = HashMap::new();
    for name in READER_METHODS.iter().chain(keyed.then_some(&"key")) {
        taken.insert((true, name.to_string()), "");
    }
    for name in BUILDER_METHODS {
        taken.insert((false, name.to_string()), "");
    }
    let mut errors = Vec::new();
    for member in members {
        for method in member.methods() {
            if let Some(other) = taken.insert(method.clone(), &member.field.name) {
                let with =
                    if other.is_empty() { String::from("a generated method") } else { format!("field `{other}`") };
                errors.push(GenerateError::new(
                    At::Member(node.id, member.index),
                    format!(
                        "{}.{}: the accessor `{}` collides with {with}",
                        node.display_name, member.field.name, method.1
                    ),
                ));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::compile::{compile, Compiled, SourceFile};
    use crate::load::FsLoader;
    use crate::model::NodeKind;

    fn compiled(body: &str) -> Compiled {
        let text = format!("@0xe1b2c3d4e5f60719;\nusing Py = import \"/capnpy/annotate.capnp\";\n{body}\n");
        let source = SourceFile { name: "t.capnp".to_string(), text };
        compile(&[source], &mut FsLoader::with_current_dir("/nonexistent")).expect("the schema compiles")
    }

    /// The members of the struct named `name`, as `(snake, discriminant, storage)` lines.
    fn described(compiled: &Compiled, name: &str) -> Vec<String> {
        let plan = Plan::new(compiled, compiled.requested[0].id, &HashMap::new());
        let node = compiled.nodes.iter().find(|n| n.display_name == format!("t.capnp:{name}")).unwrap();
        let NodeKind::Struct(st) = &node.kind else { panic!("{name} is a struct") };
        members(&plan, node, st, &[])
            .iter()
            .map(|m| {
                let storage = match &m.storage {
                    Storage::Group { nullable, .. } => format!("group nullable={}", nullable.is_some()),
                    Storage::Void { view } => format!("void virtual={}", view.is_some()),
                    Storage::Data { offset, kind, default } => {
                        let kind = match kind {
                            Kind::Bool => "bool".to_string(),
                            Kind::Prim(name) => name.to_string(),
                            Kind::Enum(_) => "enum".to_string(),
                            _ => "?".to_string(),
                        };
                        format!("data {kind} @{offset} default={default:?}")
                    }
                    Storage::Pointer { offset, kind, boxed, .. } => {
                        let kind = match kind {
                            Kind::Text => "text",
                            Kind::Data => "data",
                            Kind::List(_) => "list",
                            Kind::Struct(..) => "struct",
                            Kind::Any => "any",
                            _ => "?",
                        };
                        format!("pointer {kind} @{offset} boxed={boxed}")
                    }
                };
                format!("{} {} {:?} {storage}", m.snake, m.variant, m.discriminant)
            })
            .collect()
    }

    #[test]
    fn members_carry_names_storage_and_defaults() {
        let compiled = compiled(
            "struct S { a @0 :Int16 = 7; b @1 :Text; self @2 :Bool = true; next @3 :S; \
             g :group { x @4 :Float64; } union { v @5 :Void; l @6 :List(Int8); } \
             pos @7 :Void $Py.group(\"a\"); any @8 :AnyPointer; }",
        );
        assert_eq!(
            described(&compiled, "S"),
            [
                "a A None data i16 @0 default=Int16(7)",
                "b B None pointer text @0 boxed=false",
                "self_ Self None data bool @16 default=Bool(true)",
                "next Next None pointer struct @1 boxed=true",
                "g G None group nullable=false",
                "v V Some(0) void virtual=false",
                "l L Some(1) pointer list @2 boxed=false",
                "pos Pos None void virtual=true",
                "any Any None pointer any @3 boxed=false",
            ]
        );
    }

    #[test]
    fn methods_follow_the_storage() {
        let compiled = compiled(
            "struct S { n @0 :UInt8; t @1 :Text; l @2 :List(Int8); union { v @3 :Void; g :group { x @4 :Int8; } } }",
        );
        let plan = Plan::new(&compiled, compiled.requested[0].id, &HashMap::new());
        let node = compiled.nodes.iter().find(|n| n.display_name == "t.capnp:S").unwrap();
        let NodeKind::Struct(st) = &node.kind else { panic!("S is a struct") };
        let methods: Vec<Vec<(bool, String)>> = members(&plan, node, st, &[]).iter().map(Member::methods).collect();
        let named = |list: &[(bool, &str)]| list.iter().map(|&(r, n)| (r, n.to_string())).collect::<Vec<_>>();
        assert_eq!(methods[0], named(&[(false, "set_n"), (true, "n")]));
        assert_eq!(methods[1], named(&[(false, "set_t"), (true, "t"), (true, "has_t"), (true, "get_t")]));
        assert_eq!(
            methods[2],
            named(&[(false, "init_l"), (false, "set_l"), (true, "l"), (true, "has_l"), (true, "get_l")])
        );
        assert_eq!(methods[3], named(&[(false, "set_v"), (true, "is_v")]));
        assert_eq!(methods[4], named(&[(true, "g"), (true, "is_g"), (false, "init_g")]));
        assert!(check_accessors(node, &members(&plan, node, st, &[]), false).is_empty());
    }

    #[test]
    fn the_check_finds_accessors_that_collide() {
        let compiled = compiled("struct S { a @0 :Text; b @1 :Int8; }");
        let plan = Plan::new(&compiled, compiled.requested[0].id, &HashMap::new());
        let node = compiled.nodes.iter().find(|n| n.display_name == "t.capnp:S").unwrap();
        let NodeKind::Struct(st) = &node.kind else { panic!("S is a struct") };
        let mut list = members(&plan, node, st, &[]);
        // As a broken naming rule would leave them: `b` named like `a`'s `has_a`, `a` like a
        // generated method.
        list[1].snake = "has_a".to_string();
        let messages = |errors: Vec<GenerateError>| errors.into_iter().map(|e| (e.at, e.message)).collect::<Vec<_>>();
        assert_eq!(
            messages(check_accessors(node, &list, false)),
            [(At::Member(node.id, 1), "t.capnp:S.b: the accessor `has_a` collides with field `a`".to_string())]
        );
        list[0].snake = "untyped".to_string();
        list[1].snake = "key".to_string();
        assert_eq!(
            messages(check_accessors(node, &list, true)),
            [
                (
                    At::Member(node.id, 0),
                    "t.capnp:S.a: the accessor `untyped` collides with a generated method".to_string()
                ),
                (
                    At::Member(node.id, 1),
                    "t.capnp:S.b: the accessor `key` collides with a generated method".to_string()
                ),
            ]
        );
    }

    #[test]
    fn structs_enums_and_interfaces_carry_names_and_contents() {
        let compiled = compiled(
            "struct Outer $Py.key(\"a\") { a @0 :Int8; g :group { x @1 :Int8; } struct Inner {} \
             enum Mode { unknown @0; fast @1; } }\n\
             interface Calc { eval @0 (x :Int8) -> (y :Int8); self @1 (); }",
        );
        let plan = Plan::new(&compiled, compiled.requested[0].id, &HashMap::new());
        let find = |name: &str| compiled.nodes.iter().find(|n| n.display_name == format!("t.capnp:{name}")).unwrap();
        let (outer, inner, group) = (find("Outer"), find("Outer.Inner"), find("Outer.g"));
        let NodeKind::Struct(st) = &outer.kind else { panic!("Outer is a struct") };
        let s = structure(&plan, outer, st);
        assert_eq!((s.name.as_str(), s.kind, s.depth, s.key.clone()), ("Outer", "struct", 0, Some(vec![0])));
        let mode = find("Outer.Mode");
        assert_eq!(s.inner, [inner.id, mode.id, group.id]);
        let NodeKind::Enum(enumerants) = &mode.kind else { panic!("Mode is an enum") };
        let e = enumeration(&plan, mode, enumerants);
        let variants: Vec<(&str, u16, &str)> =
            e.variants.iter().map(|v| (v.name.as_str(), v.ordinal, v.schema_name)).collect();
        assert_eq!(variants, [("Unknown_", 0, "unknown"), ("Fast", 1, "fast")]);
        assert!(check_variants(&e).is_empty());
        let calc = find("Calc");
        let NodeKind::Interface(i) = &calc.kind else { panic!("Calc is an interface") };
        let (i, errors) = interface(&plan, calc, i);
        assert!(errors.is_empty());
        let methods: Vec<(&str, u16, &str, &str)> =
            i.methods.iter().map(|m| (m.variant.as_str(), m.ordinal, m.params, m.results)).collect();
        assert_eq!(
            methods,
            [
                ("Eval", 0, "t.capnp:Calc.eval$Params", "t.capnp:Calc.eval$Results"),
                ("Self_", 1, "t.capnp:Calc.self$Params", "t.capnp:Calc.self$Results"),
            ]
        );
        assert_eq!(i.inner.len(), 4, "the four parameter and result structs");
    }
}
