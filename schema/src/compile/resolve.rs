//! Names, types and brands, interpreted from a scope as the official compiler interprets them.
//!
//! A brand scope chain records, for a declaration named in an expression, how the generic
//! parameters of it and of its enclosing declarations are bound: to types written in the
//! expression (`Map(Text, Data)`), inherited from the scope the expression is in (inside
//! `Map` itself), or left unbound.

use std::rc::Rc;

use crate::ast::{Expr, ExprKind};
use crate::diagnostic::{Diagnostics, Span};
use crate::model::{AnyPointer, Binding, Brand, BrandScope as ModelBrandScope, Type};

use super::entities::{EntityKind, Table};

/// The types built into the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Void,
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float32,
    Float64,
    Text,
    Data,
    List,
    AnyPointer,
    AnyStruct,
    AnyList,
    Capability,
}

impl Builtin {
    fn named(name: &str) -> Option<Builtin> {
        Some(match name {
            "Void" => Builtin::Void,
            "Bool" => Builtin::Bool,
            "Int8" => Builtin::Int8,
            "Int16" => Builtin::Int16,
            "Int32" => Builtin::Int32,
            "Int64" => Builtin::Int64,
            "UInt8" => Builtin::UInt8,
            "UInt16" => Builtin::UInt16,
            "UInt32" => Builtin::UInt32,
            "UInt64" => Builtin::UInt64,
            "Float32" => Builtin::Float32,
            "Float64" => Builtin::Float64,
            "Text" => Builtin::Text,
            "Data" => Builtin::Data,
            "List" => Builtin::List,
            "AnyPointer" => Builtin::AnyPointer,
            "AnyStruct" => Builtin::AnyStruct,
            "AnyList" => Builtin::AnyList,
            "Capability" => Builtin::Capability,
            _ => return None,
        })
    }

    fn is_pointer(self) -> bool {
        matches!(self, Builtin::Text | Builtin::Data | Builtin::List | Builtin::AnyPointer)
    }
}

/// What a name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Entity(usize),
    Builtin(Builtin),
}

/// One level of a brand chain.
#[derive(Debug)]
pub struct Scope {
    parent: Option<Rc<Scope>>,
    /// The declaration (0 for the root of a chain not tied to one).
    leaf_id: u64,
    param_count: usize,
    inherited: bool,
    params: Vec<Branded>,
}

/// A resolved name with its brand, or a generic parameter.
#[derive(Clone, Debug)]
pub enum Branded {
    Decl { target: Target, brand: Rc<Scope>, span: Span },
    Param { scope_id: u64, index: u16 },
    ImplicitParam { index: u16 },
}

/// The implicit generic parameters of a method (`method @0 [T] (…)`), visible in its lists.
#[derive(Clone, Copy, Default)]
pub struct ImplicitParams<'f> {
    pub names: &'f [crate::ast::Located<String>],
    /// 0 inside the method's own parameter lists.
    pub scope_id: u64,
}

impl Scope {
    /// The brand chain of an entity in its own context: every level inherited.
    pub fn of_entity(table: &Table<'_>, entity: usize) -> Rc<Scope> {
        let e = &table.entities[entity];
        let parent = e.parent.map(|p| Scope::of_entity(table, p));
        Rc::new(Scope {
            parent,
            leaf_id: e.id,
            param_count: table.parameters(entity).len(),
            inherited: true,
            params: Vec::new(),
        })
    }

    fn pop(self: &Rc<Scope>, id: u64) -> Rc<Scope> {
        let mut at = self;
        loop {
            if at.leaf_id == id {
                return at.clone();
            }
            match &at.parent {
                Some(p) => at = p,
                None => {
                    return Rc::new(Scope {
                        parent: None,
                        leaf_id: id,
                        param_count: 0,
                        inherited: false,
                        params: Vec::new(),
                    })
                }
            }
        }
    }

    fn push(self: &Rc<Scope>, id: u64, param_count: usize) -> Rc<Scope> {
        Rc::new(Scope { parent: Some(self.clone()), leaf_id: id, param_count, inherited: false, params: Vec::new() })
    }

    /// The binding of parameter `index` of `scope_id`: `None` when inherited from the context.
    fn lookup_parameter(&self, scope_id: u64, index: u16) -> Option<Branded> {
        if self.leaf_id == scope_id {
            if let Some(p) = self.params.get(index as usize) {
                Some(p.clone())
            } else if self.inherited {
                None
            } else {
                Some(Branded::Decl {
                    target: Target::Builtin(Builtin::AnyPointer),
                    brand: root(),
                    span: Span::default(),
                })
            }
        } else {
            match &self.parent {
                Some(p) => p.lookup_parameter(scope_id, index),
                None => None,
            }
        }
    }
}

fn root() -> Rc<Scope> {
    Rc::new(Scope { parent: None, leaf_id: 0, param_count: 0, inherited: false, params: Vec::new() })
}

/// Looks names up and interprets types for one entity's declarations.
pub struct Resolver<'t, 'f> {
    pub table: &'t Table<'f>,
    pub file_imports: &'t [(String, usize)],
}

impl<'f> Resolver<'_, 'f> {
    fn entity_param_count(&self, entity: usize) -> usize {
        self.table.parameters(entity).len()
    }

    fn interpret(&self, brand: &Rc<Scope>, target: Target, span: Span) -> Branded {
        let (id, parent_id, param_count) = match target {
            Target::Entity(e) => {
                let entity = &self.table.entities[e];
                let parent_id = entity.parent.map_or(0, |p| self.table.entities[p].id);
                (entity.id, parent_id, self.entity_param_count(e))
            }
            Target::Builtin(b) => (builtin_id(b), 0, (b == Builtin::List) as usize),
        };
        let scope = brand.pop(parent_id).push(id, param_count);
        Branded::Decl { target, brand: scope, span }
    }

    /// Looks `name` up from `scope` outwards: members, then generic parameters, at each level;
    /// then the builtins.
    fn resolve_name(
        &self,
        scope: usize,
        name: &str,
        brand: &Rc<Scope>,
        span: Span,
        errors: &mut Diagnostics,
    ) -> Option<Branded> {
        let mut at = Some(scope);
        while let Some(entity) = at {
            if let Some(found) = self.member(entity, name, brand, span, errors) {
                return Some(found);
            }
            if let Some(index) = self.table.parameters(entity).iter().position(|p| p.value == name) {
                let scope_id = self.table.entities[entity].id;
                return Some(match brand.lookup_parameter(scope_id, index as u16) {
                    Some(bound) => bound,
                    None => Branded::Param { scope_id, index: index as u16 },
                });
            }
            at = self.table.entities[entity].parent;
        }
        Builtin::named(name).map(|b| self.interpret(brand, Target::Builtin(b), span))
    }

    /// The member `name` of `entity` (a nested declaration or a `using` alias).
    fn member(
        &self,
        entity: usize,
        name: &str,
        brand: &Rc<Scope>,
        span: Span,
        errors: &mut Diagnostics,
    ) -> Option<Branded> {
        let &child = self.table.entities[entity].children.get(name)?;
        let child_entity = &self.table.entities[child];
        if child_entity.kind == EntityKind::Using {
            let crate::ast::DeclKind::Using { target } = &child_entity.decl.kind else { return None };
            // The alias is interpreted where it is declared.
            let own = Scope::of_entity(self.table, entity);
            return self.decl_expression(entity, target, &own, ImplicitParams::default(), errors);
        }
        Some(self.interpret(brand, Target::Entity(child), span))
    }

    /// Interprets an expression naming a declaration, as seen from `scope` with `brand`.
    pub fn decl_expression(
        &self,
        scope: usize,
        expr: &Expr,
        brand: &Rc<Scope>,
        implicit: ImplicitParams<'_>,
        errors: &mut Diagnostics,
    ) -> Option<Branded> {
        match &expr.kind {
            ExprKind::Unknown => None,
            ExprKind::RelativeName(name) => {
                if let Some(index) = implicit.names.iter().position(|p| p.value == name.value) {
                    return Some(if implicit.scope_id == 0 {
                        Branded::ImplicitParam { index: index as u16 }
                    } else {
                        Branded::Param { scope_id: implicit.scope_id, index: index as u16 }
                    });
                }
                let found = self.resolve_name(scope, &name.value, brand, expr.span, errors);
                if found.is_none() {
                    errors.error(name.span, format!("Not defined: {}", name.value));
                }
                found
            }
            ExprKind::AbsoluteName(name) => {
                let file = self.file_of(scope);
                let found = self.member(file, &name.value, brand, expr.span, errors);
                if found.is_none() {
                    errors.error(name.span, format!("Not defined: {}", name.value));
                }
                found
            }
            ExprKind::Import(path) => match self.file_imports.iter().find(|(p, _)| *p == path.value) {
                Some(&(_, file)) => {
                    let root_entity = self.table.file_roots[file];
                    let id = self.table.entities[root_entity].id;
                    Some(Branded::Decl {
                        target: Target::Entity(root_entity),
                        brand: Rc::new(Scope {
                            parent: None,
                            leaf_id: id,
                            param_count: 0,
                            inherited: true,
                            params: Vec::new(),
                        }),
                        span: expr.span,
                    })
                }
                None => None, // reported when the file was loaded
            },
            ExprKind::Member { parent, name } => {
                let base = self.decl_expression(scope, parent, brand, implicit, errors)?;
                let found = match &base {
                    Branded::Decl { target: Target::Entity(e), brand, .. } => {
                        self.member(*e, &name.value, brand, expr.span, errors)
                    }
                    _ => None,
                };
                if found.is_none() {
                    errors.error(
                        name.span,
                        format!("'{}' has no member named '{}'", expression_string(parent), name.value),
                    );
                }
                found
            }
            ExprKind::Application { function, params } => {
                let base = self.decl_expression(scope, function, brand, implicit, errors)?;
                let mut compiled = Vec::new();
                let mut failed = false;
                for param in params {
                    if let Some(named) = &param.name {
                        errors.error(named.span, "Named parameter not allowed here.");
                    }
                    match self.decl_expression(scope, &param.value, brand, implicit, errors) {
                        Some(p) => compiled.push(p),
                        None => failed = true,
                    }
                }
                if failed {
                    return Some(base);
                }
                Some(self.apply(base, compiled, expr.span, errors))
            }
            _ => {
                errors.error(expr.span, "Expected name.");
                None
            }
        }
    }

    fn apply(&self, base: Branded, params: Vec<Branded>, span: Span, errors: &mut Diagnostics) -> Branded {
        let Branded::Decl { target, brand, .. } = &base else { return base };
        if !brand.params.is_empty() {
            errors.error(span, "Double-application of generic parameters.");
            return base;
        }
        if params.len() > brand.param_count {
            errors.error(
                span,
                if brand.param_count == 0 {
                    "Declaration does not accept generic parameters."
                } else {
                    "Too many generic parameters."
                },
            );
            return base;
        }
        if params.len() < brand.param_count {
            errors.error(span, "Not enough generic parameters.");
            return base;
        }
        if *target != Target::Builtin(Builtin::List) {
            for p in &params {
                if let Branded::Decl { target, span, .. } = p {
                    let pointer = match target {
                        Target::Builtin(b) => b.is_pointer(),
                        Target::Entity(e) => {
                            matches!(self.table.entities[*e].kind, EntityKind::Struct | EntityKind::Interface)
                        }
                    };
                    if !pointer {
                        errors.error(*span, "Sorry, only pointer types can be used as generic parameters.");
                    }
                }
            }
        }
        let scope = Rc::new(Scope {
            parent: brand.parent.clone(),
            leaf_id: brand.leaf_id,
            param_count: brand.param_count,
            inherited: false,
            params,
        });
        Branded::Decl { target: *target, brand: scope, span }
    }

    fn file_of(&self, mut entity: usize) -> usize {
        while let Some(parent) = self.table.entities[entity].parent {
            entity = parent;
        }
        entity
    }

    /// The type a branded declaration stands for.
    pub fn as_type(&self, branded: &Branded, errors: &mut Diagnostics) -> Option<Type> {
        match branded {
            Branded::Param { scope_id, index } => {
                Some(Type::AnyPointer(AnyPointer::Parameter { scope_id: *scope_id, index: *index }))
            }
            Branded::ImplicitParam { index } => {
                Some(Type::AnyPointer(AnyPointer::ImplicitMethodParameter { index: *index }))
            }
            Branded::Decl { target: Target::Builtin(b), brand, span } => Some(match b {
                Builtin::Void => Type::Void,
                Builtin::Bool => Type::Bool,
                Builtin::Int8 => Type::Int8,
                Builtin::Int16 => Type::Int16,
                Builtin::Int32 => Type::Int32,
                Builtin::Int64 => Type::Int64,
                Builtin::UInt8 => Type::UInt8,
                Builtin::UInt16 => Type::UInt16,
                Builtin::UInt32 => Type::UInt32,
                Builtin::UInt64 => Type::UInt64,
                Builtin::Float32 => Type::Float32,
                Builtin::Float64 => Type::Float64,
                Builtin::Text => Type::Text,
                Builtin::Data => Type::Data,
                Builtin::AnyPointer => Type::AnyPointer(AnyPointer::AnyKind),
                Builtin::AnyStruct => Type::AnyPointer(AnyPointer::Struct),
                Builtin::AnyList => Type::AnyPointer(AnyPointer::List),
                Builtin::Capability => Type::AnyPointer(AnyPointer::Capability),
                Builtin::List => {
                    let [element] = &brand.params[..] else {
                        errors.error(*span, "'List' requires exactly one parameter.");
                        return None;
                    };
                    let element = self.as_type(element, errors)?;
                    match element {
                        Type::AnyPointer(AnyPointer::AnyKind) => {
                            errors.error(*span, "'List(AnyPointer)' is not supported.");
                            return None;
                        }
                        Type::AnyPointer(AnyPointer::Struct) => {
                            errors.error(*span, "'List(AnyStruct)' is not supported.");
                            return None;
                        }
                        Type::AnyPointer(AnyPointer::Capability) => {
                            errors.error(*span, "'List(Capability)' is not supported.");
                            return None;
                        }
                        other => Type::List(Box::new(other)),
                    }
                }
            }),
            Branded::Decl { target: Target::Entity(e), brand, span } => {
                let type_id = self.table.entities[*e].id;
                let brand = self.compile_brand(brand, errors);
                match self.table.entities[*e].kind {
                    EntityKind::Struct => Some(Type::Struct { type_id, brand }),
                    EntityKind::Enum => Some(Type::Enum { type_id, brand }),
                    EntityKind::Interface => Some(Type::Interface { type_id, brand }),
                    _ => {
                        errors.error(*span, format!("'{}' is not a type.", expression_name(self, *e)));
                        None
                    }
                }
            }
        }
    }

    /// The brand chain as `schema.capnp` writes it: the levels with bindings or inherited
    /// parameters, innermost first.
    pub fn compile_brand(&self, scope: &Rc<Scope>, errors: &mut Diagnostics) -> Brand {
        let mut scopes = Vec::new();
        let mut at = Some(scope);
        while let Some(level) = at {
            if !level.params.is_empty() || (level.inherited && level.param_count > 0) {
                let bind = if level.inherited && level.params.is_empty() {
                    None
                } else {
                    Some(
                        level
                            .params
                            .iter()
                            .map(|p| self.as_type(p, errors).map_or(Binding::Unbound, Binding::Type))
                            .collect(),
                    )
                };
                scopes.push(ModelBrandScope { scope_id: level.leaf_id, bind });
            }
            at = level.parent.as_ref();
        }
        Brand { scopes }
    }
}

fn expression_name(resolver: &Resolver<'_, '_>, entity: usize) -> String {
    resolver.table.entities[entity].decl.name.value.clone()
}

/// The source text form of a name expression, for error messages.
pub fn expression_string(expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::RelativeName(n) => n.value.clone(),
        ExprKind::AbsoluteName(n) => format!(".{}", n.value),
        ExprKind::Import(p) => format!("import \"{}\"", p.value),
        ExprKind::Member { parent, name } => format!("{}.{}", expression_string(parent), name.value),
        ExprKind::Application { function, params } => {
            let params: Vec<String> = params.iter().map(|p| expression_string(&p.value)).collect();
            format!("{}({})", expression_string(function), params.join(", "))
        }
        _ => String::from("?"),
    }
}

/// IDs the official compiler gives its builtin declarations (only their identity matters).
fn builtin_id(b: Builtin) -> u64 {
    b as u64 + 1
}
