//! Names, types and brands, interpreted from a scope as the official compiler interprets them.
//!
//! A brand scope chain records, for a declaration named in an expression, how the generic
//! parameters of it and of its enclosing declarations are bound: to types written in the
//! expression (`Map(Text, Data)`), inherited from the scope the expression is in (inside
//! `Map` itself), or left unbound.

use std::rc::Rc;

use crate::ast::{DeclKind, Expr, ExprKind};
use crate::diagnostic::Span;
use crate::model::{AnyPointer, Binding, Brand, BrandScope as ModelBrandScope, Type};

use super::entities::{EntityKind, Table};
use super::files::ParsedFile;
use super::report::{AliasState, FileErrors};

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
    /// The pre-0.4 name of `AnyPointer`: accepted with an error.
    Object,
}

impl Builtin {
    /// The built-in type a name stands for, if it is one.
    pub(crate) fn named(name: &str) -> Option<Builtin> {
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
            "Object" => Builtin::Object,
            _ => return None,
        })
    }

    /// The type a built-in names by itself: `None` for `List`, which needs a parameter. `Object`
    /// gives `AnyPointer` (its use is an error, [`OBJECT_RENAMED`], reported by the caller).
    pub(crate) fn plain_type(self) -> Option<Type> {
        Some(match self {
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
            Builtin::AnyPointer | Builtin::Object => Type::AnyPointer(AnyPointer::AnyKind),
            Builtin::AnyStruct => Type::AnyPointer(AnyPointer::Struct),
            Builtin::AnyList => Type::AnyPointer(AnyPointer::List),
            Builtin::Capability => Type::AnyPointer(AnyPointer::Capability),
            Builtin::List => return None,
        })
    }

    fn is_pointer(self) -> bool {
        matches!(self, Builtin::Text | Builtin::Data | Builtin::List | Builtin::AnyPointer | Builtin::Object)
    }
}

/// The error for a use of `Object`, in the official compiler's words.
pub(crate) const OBJECT_RENAMED: &str = "As of Cap'n Proto 0.4, 'Object' has been renamed to 'AnyPointer'.  Sorry for \
                                         the inconvenience, and thanks for being an early adopter.  :)";

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
    /// A declaration or builtin, with the expression that named it (its place and its text, for
    /// error messages).
    Decl { target: Target, brand: Rc<Scope>, span: Span, text: Rc<str> },
    /// A generic parameter, with the place of the name that named it (none for a method's
    /// implicit parameter, as in the official compiler).
    Param { scope_id: u64, index: u16, span: Span },
    /// A method's implicit parameter, seen from its parameter list.
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

    /// The parameters bound at the level `scope_id`: `None` when they are inherited from the
    /// context (or the chain has no such level).
    fn params_of(&self, scope_id: u64) -> Option<Vec<Branded>> {
        if self.leaf_id == scope_id {
            (!self.inherited).then(|| self.params.clone())
        } else {
            self.parent.as_ref()?.params_of(scope_id)
        }
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
                    text: Rc::from("AnyPointer"),
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

/// The levels of a brand chain that its compiled form keeps (those with bindings or inherited
/// parameters), innermost first.
fn bound_levels(scope: &Rc<Scope>) -> Vec<Rc<Scope>> {
    let mut levels = Vec::new();
    let mut at = Some(scope);
    while let Some(level) = at {
        if !level.params.is_empty() || (level.inherited && level.param_count > 0) {
            levels.push(level.clone());
        }
        at = level.parent.as_ref();
    }
    levels
}

fn root() -> Rc<Scope> {
    Rc::new(Scope { parent: None, leaf_id: 0, param_count: 0, inherited: false, params: Vec::new() })
}

/// Looks names up and interprets types for the declarations of one file.
pub struct Resolver<'t, 'f> {
    pub table: &'t Table<'f>,
    pub files: &'f [ParsedFile],
    pub file: usize,
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
        Branded::Decl { target, brand: scope, span, text: Rc::from("") }
    }

    /// Looks `name` up from `scope` outwards: members, then generic parameters, at each level;
    /// then the builtins.
    fn resolve_name(
        &self,
        scope: usize,
        name: &str,
        brand: &Rc<Scope>,
        span: Span,
        errors: &mut FileErrors,
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
                    None => Branded::Param { scope_id, index: index as u16, span },
                });
            }
            at = self.table.entities[entity].parent;
        }
        Builtin::named(name).map(|b| self.interpret(brand, Target::Builtin(b), span))
    }

    /// The member `name` of `entity`: a nested declaration, else a `using` alias. Looking into
    /// a scope registers its nested declarations, as in the official compiler.
    fn member(
        &self,
        entity: usize,
        name: &str,
        brand: &Rc<Scope>,
        span: Span,
        errors: &mut FileErrors,
    ) -> Option<Branded> {
        errors.shared().borrow_mut().expand(self.table, entity);
        let e = &self.table.entities[entity];
        if let Some(&child) = e.children.get(name) {
            return Some(self.interpret(brand, Target::Entity(child), span));
        }
        let &alias = e.aliases.get(name)?;
        let found = self.alias(alias, errors)?;
        Some(self.rebrand(found, entity, brand, span))
    }

    /// What an alias declared in `parent` stands for when it is looked up through `brand` (the
    /// brand of `G(P)` in `G(P).Alias`). The alias was interpreted once in `parent`'s own
    /// context, where `parent`'s parameters are inherited; here they take the bindings of
    /// `brand`, as the official compiler does when it reads the alias back from its compiled
    /// brand: a parameter becomes what `brand` binds it to, and the brand of a declaration is
    /// rebuilt along the declaration's own parents, its inherited levels taking `brand`'s.
    fn rebrand(&self, found: Branded, parent: usize, brand: &Rc<Scope>, span: Span) -> Branded {
        match found {
            Branded::Param { scope_id, index, .. } => {
                brand.lookup_parameter(scope_id, index).unwrap_or(Branded::Param { scope_id, index, span })
            }
            Branded::ImplicitParam { .. } => found,
            Branded::Decl { target, brand: own, .. } => {
                let at = brand.pop(self.table.entities[parent].id);
                let levels = bound_levels(&own);
                let scope = if levels.is_empty() {
                    let (id, _, param_count) = self.identity(target);
                    at.push(id, param_count)
                } else {
                    self.evaluate_brand(&at, target, &levels, 0)
                };
                Branded::Decl { target, brand: scope, span, text: Rc::from("") }
            }
        }
    }

    /// The ID of `target`, its parent (none for a builtin or a file), and its parameter count.
    fn identity(&self, target: Target) -> (u64, Option<usize>, usize) {
        match target {
            Target::Entity(e) => (self.table.entities[e].id, self.table.entities[e].parent, self.entity_param_count(e)),
            Target::Builtin(b) => (builtin_id(b), None, (b == Builtin::List) as usize),
        }
    }

    /// The brand chain of `target` from the compiled levels of a brand (`levels`, innermost
    /// first, from `index` on), their parameters read in the context `at`.
    fn evaluate_brand(&self, at: &Rc<Scope>, target: Target, levels: &[Rc<Scope>], mut index: usize) -> Rc<Scope> {
        let (id, parent, param_count) = self.identity(target);
        let mut params = Vec::new();
        let mut inherited = false;
        if let Some(level) = levels.get(index).filter(|level| level.leaf_id == id) {
            if level.inherited && level.params.is_empty() {
                match at.params_of(id) {
                    Some(bound) => params = bound,
                    None => inherited = true,
                }
            } else {
                params = level.params.iter().map(|p| self.substitute(at, p)).collect();
            }
            index += 1;
        }
        let parent = parent.map(|p| self.evaluate_brand(at, Target::Entity(p), levels, index));
        Rc::new(Scope { parent, leaf_id: id, param_count, inherited, params })
    }

    /// A binding of a compiled brand read back in the context `at`.
    fn substitute(&self, at: &Rc<Scope>, binding: &Branded) -> Branded {
        match binding {
            Branded::Param { scope_id, index, .. } => at.lookup_parameter(*scope_id, *index).unwrap_or(binding.clone()),
            Branded::ImplicitParam { .. } => binding.clone(),
            Branded::Decl { target, brand, span, text } => Branded::Decl {
                target: *target,
                brand: self.evaluate_brand(at, *target, &bound_levels(brand), 0),
                span: *span,
                text: text.clone(),
            },
        }
    }

    /// What the `using` alias `alias` stands for, interpreted where it is declared, once: later
    /// uses get the same answer and no repeated errors; a use while it is being interpreted (a
    /// cycle) finds nothing.
    pub fn alias(&self, alias: usize, errors: &mut FileErrors) -> Option<Branded> {
        let state = errors.shared().borrow().aliases.get(&alias).cloned();
        match state {
            Some(AliasState::InProgress) => return None,
            Some(AliasState::Done(result)) => return result,
            None => {}
        }
        let e = &self.table.entities[alias];
        let (Some(parent), DeclKind::Using { target }) = (e.parent, &e.decl.kind) else { return None };
        errors.shared().borrow_mut().aliases.insert(alias, AliasState::InProgress);
        let own = Scope::of_entity(self.table, parent);
        let resolver = Resolver { table: self.table, files: self.files, file: e.file };
        let mut alias_errors = errors.for_file(e.file);
        let result = resolver.decl_expression(parent, target, &own, ImplicitParams::default(), &mut alias_errors);
        errors.shared().borrow_mut().aliases.insert(alias, AliasState::Done(result.clone()));
        result
    }

    /// Interprets an expression naming a declaration, as seen from `scope` with `brand`.
    pub fn decl_expression(
        &self,
        scope: usize,
        expr: &Expr,
        brand: &Rc<Scope>,
        implicit: ImplicitParams<'_>,
        errors: &mut FileErrors,
    ) -> Option<Branded> {
        let found = self.interpret_expression(scope, expr, brand, implicit, errors);
        match found {
            // A name stands for what it names, as written here (an alias's target included).
            Some(Branded::Decl { target, brand, .. })
                if matches!(
                    expr.kind,
                    ExprKind::RelativeName(_)
                        | ExprKind::AbsoluteName(_)
                        | ExprKind::Member { .. }
                        | ExprKind::Import(_)
                ) =>
            {
                Some(Branded::Decl { target, brand, span: expr.span, text: Rc::from(expr.to_string()) })
            }
            // Parameters applied: the application is the source (a failed one leaves the base).
            Some(Branded::Decl { target, brand, span, .. })
                if matches!(expr.kind, ExprKind::Application { .. }) && span == expr.span =>
            {
                Some(Branded::Decl { target, brand, span, text: Rc::from(expr.to_string()) })
            }
            other => other,
        }
    }

    fn interpret_expression(
        &self,
        scope: usize,
        expr: &Expr,
        brand: &Rc<Scope>,
        implicit: ImplicitParams<'_>,
        errors: &mut FileErrors,
    ) -> Option<Branded> {
        match &expr.kind {
            ExprKind::Unknown => None,
            ExprKind::RelativeName(name) => {
                if let Some(index) = implicit.names.iter().position(|p| p.value == name.value) {
                    return Some(if implicit.scope_id == 0 {
                        Branded::ImplicitParam { index: index as u16 }
                    } else {
                        Branded::Param { scope_id: implicit.scope_id, index: index as u16, span: Span::default() }
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
            ExprKind::Import(path) => match self.import(&path.value, errors) {
                Some(file) => {
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
                        text: Rc::from(""),
                    })
                }
                None => {
                    errors.error(path.span, format!("Import failed: {}", path.value));
                    None
                }
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
                    errors.error(name.span, format!("'{parent}' has no member named '{}'", name.value));
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
                match self.apply(&base, compiled, expr.span, errors) {
                    Some(applied) => Some(applied),
                    None => Some(base),
                }
            }
            _ => {
                errors.error(expr.span, "Expected name.");
                None
            }
        }
    }

    /// The entity `name` stands for from `scope`, looked up without reporting anything or
    /// changing any state (aliases not interpreted yet are not followed).
    pub fn quiet_lookup(&self, scope: usize, name: &str, errors: &FileErrors) -> Option<usize> {
        let mut at = Some(scope);
        while let Some(entity) = at {
            let e = &self.table.entities[entity];
            if let Some(&child) = e.children.get(name) {
                return Some(child);
            }
            if let Some(alias) = e.aliases.get(name) {
                return match errors.shared().borrow().aliases.get(alias) {
                    Some(AliasState::Done(Some(Branded::Decl { target: Target::Entity(found), .. }))) => Some(*found),
                    _ => None,
                };
            }
            if self.table.parameters(entity).iter().any(|p| p.value == name) {
                return None;
            }
            at = e.parent;
        }
        None
    }

    /// The file `path` imports from this file, added to the compilation on first use.
    pub fn import(&self, path: &str, errors: &mut FileErrors) -> Option<usize> {
        let import = self.files[self.file].imports.iter().find(|import| import.path == path)?;
        let mut shared = errors.shared().borrow_mut();
        shared.name_file(import.file, &import.name);
        shared.add_file(self.table, import.file);
        Some(import.file)
    }

    /// `base` applied to generic parameters; `None` (reported) when they do not fit.
    fn apply(&self, base: &Branded, params: Vec<Branded>, span: Span, errors: &mut FileErrors) -> Option<Branded> {
        let Branded::Decl { target, brand, .. } = base else { return None };
        if !brand.params.is_empty() {
            errors.error(span, "Double-application of generic parameters.");
            return None;
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
            return None;
        }
        if params.len() < brand.param_count {
            errors.error(span, "Not enough generic parameters.");
            return None;
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
        Some(Branded::Decl { target: *target, brand: scope, span, text: Rc::from("") })
    }

    fn file_of(&self, mut entity: usize) -> usize {
        while let Some(parent) = self.table.entities[entity].parent {
            entity = parent;
        }
        entity
    }

    /// The type a branded declaration stands for, or (after an error) what the official
    /// compiler is left with in its place: a list whose element failed is a `List(Void)` (or a
    /// list of what its element was left as); anything else, nothing (Void).
    pub fn as_type_or_partial(&self, branded: &Branded, errors: &mut FileErrors) -> Result<Type, Option<Type>> {
        let list_of_void = || Err(Some(Type::List(Box::new(Type::Void))));
        Ok(match branded {
            Branded::Param { scope_id, index, .. } => {
                Type::AnyPointer(AnyPointer::Parameter { scope_id: *scope_id, index: *index })
            }
            Branded::ImplicitParam { index } => Type::AnyPointer(AnyPointer::ImplicitMethodParameter { index: *index }),
            Branded::Decl { target: Target::Builtin(b), brand, span, .. } => match b {
                Builtin::Object => {
                    errors.error(*span, OBJECT_RENAMED);
                    Type::AnyPointer(AnyPointer::AnyKind)
                }
                Builtin::List => {
                    let [element] = &brand.params[..] else {
                        errors.error(*span, "'List' requires exactly one parameter.");
                        return list_of_void();
                    };
                    let element = match self.as_type_or_partial(element, errors) {
                        Ok(element) => element,
                        Err(partial) => return Err(Some(Type::List(Box::new(partial.unwrap_or(Type::Void))))),
                    };
                    match element {
                        // The official compiler reads a generic parameter's index where an
                        // AnyPointer's kind would be: a list of the first parameter of a scope
                        // is refused as a list of AnyPointer, of the second as one of AnyStruct;
                        // of the others, accepted.
                        Type::AnyPointer(
                            AnyPointer::AnyKind
                            | AnyPointer::Parameter { index: 0, .. }
                            | AnyPointer::ImplicitMethodParameter { index: 0 },
                        ) => {
                            errors.error(*span, "'List(AnyPointer)' is not supported.");
                            return list_of_void();
                        }
                        Type::AnyPointer(
                            AnyPointer::Struct
                            | AnyPointer::Parameter { index: 1, .. }
                            | AnyPointer::ImplicitMethodParameter { index: 1 },
                        ) => {
                            errors.error(*span, "'List(AnyStruct)' is not supported.");
                            return list_of_void();
                        }
                        other => Type::List(Box::new(other)),
                    }
                }
                plain => plain.plain_type().unwrap_or(Type::Void),
            },
            Branded::Decl { target: Target::Entity(e), brand, span, text } => {
                let type_id = self.table.entities[*e].id;
                match self.table.entities[*e].kind {
                    EntityKind::Struct => Type::Struct { type_id, brand: self.compile_brand(brand, errors) },
                    EntityKind::Enum => Type::Enum { type_id, brand: self.compile_brand(brand, errors) },
                    EntityKind::Interface => Type::Interface { type_id, brand: self.compile_brand(brand, errors) },
                    _ => {
                        errors.error(*span, format!("'{text}' is not a type."));
                        return Err(None);
                    }
                }
            }
        })
    }

    /// The brand chain as `schema.capnp` writes it: the levels with bindings or inherited
    /// parameters, innermost first.
    pub fn compile_brand(&self, scope: &Rc<Scope>, errors: &mut FileErrors) -> Brand {
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
                            // A binding in error is left with what its type was left as (Void if
                            // nothing), as in the official compiler.
                            .map(|p| match self.as_type_or_partial(p, errors) {
                                Ok(ty) => Binding::Type(ty),
                                Err(partial) => Binding::Type(partial.unwrap_or(Type::Void)),
                            })
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

/// IDs the official compiler gives its builtin declarations (only their identity matters).
fn builtin_id(b: Builtin) -> u64 {
    b as u64 + 1
}
