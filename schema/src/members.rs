//! The members of a struct in the order the official compiler processes them: ordinals
//! checked, each member placed in its parent's field list, discriminant values given, and
//! every slot laid out by the [layout engine](crate::layout).

use crate::ast::{DeclId, DeclKind, Declaration, Located};
use crate::diagnostic::{Diagnostics, Span};
use crate::layout::{ScopeId, StructLayout, UnionId};

/// How much room a field's type takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldSize {
    /// Void: none.
    Void,
    /// 2^lg bits of data (0 = Bool … 6 = 64-bit).
    Data(u32),
    /// One pointer.
    Pointer,
}

/// A struct, group or union after layout: its fields in field-list order.
#[derive(Debug)]
pub struct Scope<'d> {
    /// The struct's, group's or named union's declaration.
    pub decl: &'d Declaration,
    /// The enclosing scope (`None` for the struct itself).
    pub parent: Option<usize>,
    /// This group's index in its parent's field list (the group's ID derives from it).
    pub index_in_parent: u16,
    /// Members of its union (0 when it has none).
    pub discriminant_count: u16,
    /// Where its union's discriminant is, in 16-bit units (0 when it has none).
    pub discriminant_offset: u32,
    /// The fields, in field-list order (ordinal order of their first slot).
    pub fields: Vec<Field<'d>>,
}

/// A field of a scope.
#[derive(Debug)]
pub struct Field<'d> {
    /// Its declaration (a field, a group or a named union).
    pub decl: &'d Declaration,
    /// Its position among its siblings in the source.
    pub code_order: u16,
    /// Its value of the scope's discriminant, if it is a union member.
    pub discriminant_value: Option<u16>,
    /// Its explicit ordinal (slots, and unions written `@N!`).
    pub ordinal: Option<u16>,
    /// A slot or a group.
    pub kind: FieldKind,
}

/// What a field is.
#[derive(Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A value at `offset` (in units of its size; 0 for Void).
    Slot {
        /// Offset in units of the field's size (pointer index for pointers).
        offset: u32,
        /// Its size class.
        size: FieldSize,
    },
    /// A group or named union: the index of its [`Scope`].
    Group(usize),
}

/// The layout of a struct: its sizes and its scopes (`scopes[0]` is the struct).
#[derive(Debug)]
pub struct LaidOut<'d> {
    /// Data words.
    pub data_words: u16,
    /// Pointers.
    pub pointer_count: u16,
    /// The struct and its groups and named unions, in the order they were created.
    pub scopes: Vec<Scope<'d>>,
}

/// One member as the traversal found it.
struct Info<'d> {
    /// The member's parent member (`None` for the struct).
    parent: Option<usize>,
    code_order: u16,
    in_union: bool,
    decl: &'d Declaration,
    /// Where its slot is allocated (fields only).
    field_scope: Option<ScopeId>,
    /// The union it holds (the struct itself, named unions, groups holding an unnamed union).
    union: Option<UnionId>,
    /// Its index in the field list of its parent, once created.
    index: Option<u16>,
    /// Its scope index, for the struct, groups and named unions, once created.
    scope: Option<usize>,
    discriminant_count: u16,
    next_code_order: u16,
}

/// What the layout asks of its caller as it goes: the official compiler first walks the members
/// in declaration order (reporting misshapen unions and groups), then takes them in ordinal order,
/// compiling each field's type just before placing it. Errors of both come in that order.
pub trait MemberVisitor<'d> {
    /// The size of the field `decl`: asked once per field, in ordinal order.
    fn size_of(&mut self, decl: &'d Declaration) -> FieldSize;
    /// An error of the layout.
    fn error(&mut self, span: Span, message: String);
}

struct Closures<'a, 'd> {
    size_of: &'a mut dyn FnMut(&'d Declaration) -> FieldSize,
    errors: &'a mut Diagnostics,
}

impl<'d> MemberVisitor<'d> for Closures<'_, 'd> {
    fn size_of(&mut self, decl: &'d Declaration) -> FieldSize {
        (self.size_of)(decl)
    }

    fn error(&mut self, span: Span, message: String) {
        self.errors.error(span, message);
    }
}

struct Translator<'d, 'e> {
    layout: StructLayout,
    infos: Vec<Info<'d>>,
    by_ordinal: Vec<(u64, usize)>,
    scopes: Vec<Scope<'d>>,
    visitor: &'e mut dyn MemberVisitor<'d>,
}

/// Lays out the struct `decl`; `size_of` gives each field declaration's size.
pub fn lay_out<'d>(
    decl: &'d Declaration,
    size_of: &mut dyn FnMut(&'d Declaration) -> FieldSize,
    errors: &mut Diagnostics,
) -> LaidOut<'d> {
    lay_out_with(decl, &mut Closures { size_of, errors })
}

/// Lays out the struct `decl`, asking `visitor` for each field's size and telling it the errors.
pub fn lay_out_with<'d>(decl: &'d Declaration, visitor: &mut dyn MemberVisitor<'d>) -> LaidOut<'d> {
    let mut t = Translator {
        layout: StructLayout::new(),
        infos: Vec::new(),
        by_ordinal: Vec::new(),
        scopes: Vec::new(),
        visitor,
    };
    t.infos.push(Info::new(None, 0, false, decl));
    t.scopes.push(Scope {
        decl,
        parent: None,
        index_in_parent: 0,
        discriminant_count: 0,
        discriminant_offset: 0,
        fields: Vec::new(),
    });
    t.infos[0].scope = Some(0);
    let top = t.layout.top();
    t.traverse_top_or_group(&decl.nested, 0, top);
    t.translate();
    LaidOut {
        data_words: t.layout.data_words() as u16,
        pointer_count: t.layout.pointer_count() as u16,
        scopes: t.scopes,
    }
}

impl<'d> Info<'d> {
    fn new(parent: Option<usize>, code_order: u16, in_union: bool, decl: &'d Declaration) -> Info<'d> {
        Info {
            parent,
            code_order,
            in_union,
            decl,
            field_scope: None,
            union: None,
            index: None,
            scope: None,
            discriminant_count: 0,
            next_code_order: 0,
        }
    }
}

fn ordinal_of(decl: &Declaration) -> Option<&Located<u64>> {
    match &decl.id {
        DeclId::Ordinal(ordinal) => Some(ordinal),
        _ => None,
    }
}

impl<'d> Translator<'d, '_> {
    fn add_info(&mut self, info: Info<'d>) -> usize {
        self.infos.push(info);
        self.infos.len() - 1
    }

    fn next_code_order(&mut self, member: usize) -> u16 {
        let order = self.infos[member].next_code_order;
        self.infos[member].next_code_order += 1;
        order
    }

    fn traverse_top_or_group(&mut self, members: &'d [Declaration], parent: usize, layout: ScopeId) {
        for member in members {
            match &member.kind {
                DeclKind::Field { .. } => {
                    let order = self.next_code_order(parent);
                    let mut info = Info::new(Some(parent), order, false, member);
                    info.field_scope = Some(layout);
                    let id = self.add_info(info);
                    if let Some(ordinal) = ordinal_of(member) {
                        self.by_ordinal.push((ordinal.value, id));
                    }
                }
                DeclKind::Union => {
                    let union = self.layout.new_union(layout);
                    let holder = if member.name.value.is_empty() {
                        parent
                    } else {
                        let order = self.next_code_order(parent);
                        self.add_info(Info::new(Some(parent), order, false, member))
                    };
                    self.infos[holder].union = Some(union);
                    self.traverse_union(member, holder, union);
                    if let Some(ordinal) = ordinal_of(member) {
                        self.by_ordinal.push((ordinal.value, holder));
                    }
                }
                DeclKind::Group => {
                    let order = self.next_code_order(parent);
                    let id = self.add_info(Info::new(Some(parent), order, false, member));
                    self.traverse_group(member, id, layout);
                }
                _ => {}
            }
        }
    }

    fn traverse_group(&mut self, decl: &'d Declaration, member: usize, layout: ScopeId) {
        // As the official compiler counts: every declaration in the block.
        if decl.nested.is_empty() {
            self.visitor.error(decl.span, "Group must have at least one member.".into());
        }
        self.traverse_top_or_group(&decl.nested, member, layout);
    }

    fn traverse_union(&mut self, decl: &'d Declaration, holder: usize, union: UnionId) {
        if decl.nested.len() < 2 {
            self.visitor.error(decl.span, "Union must have at least two members.".into());
        }
        for member in &decl.nested {
            match &member.kind {
                DeclKind::Field { .. } => {
                    let group = self.layout.new_group(union);
                    let order = self.next_code_order(holder);
                    let mut info = Info::new(Some(holder), order, true, member);
                    info.field_scope = Some(group);
                    let id = self.add_info(info);
                    if let Some(ordinal) = ordinal_of(member) {
                        self.by_ordinal.push((ordinal.value, id));
                    }
                }
                DeclKind::Union if member.name.value.is_empty() => {
                    self.visitor.error(member.span, "Unions cannot contain unnamed unions.".into());
                }
                DeclKind::Union => {
                    let group = self.layout.new_group(union);
                    let inner = self.layout.new_union(group);
                    let order = self.next_code_order(holder);
                    let id = self.add_info(Info::new(Some(holder), order, true, member));
                    self.infos[id].union = Some(inner);
                    self.traverse_union(member, id, inner);
                    if let Some(ordinal) = ordinal_of(member) {
                        self.by_ordinal.push((ordinal.value, id));
                    }
                }
                DeclKind::Group => {
                    let group = self.layout.new_group(union);
                    let order = self.next_code_order(holder);
                    let id = self.add_info(Info::new(Some(holder), order, true, member));
                    self.traverse_group(member, id, group);
                }
                _ => {}
            }
        }
    }

    /// Creates the member's entry in its parent's field list, creating the parent's own entry
    /// first if this is the parent's first member.
    fn ensure_field(&mut self, member: usize) -> (usize, usize) {
        let parent = self.infos[member].parent.unwrap_or(0);
        let parent_scope = self.ensure_scope(parent);
        if let Some(index) = self.infos[member].index {
            return (parent_scope, index as usize);
        }
        let info = &self.infos[member];
        let discriminant_value = if info.in_union {
            let value = self.infos[parent].discriminant_count;
            self.infos[parent].discriminant_count += 1;
            Some(value)
        } else {
            None
        };
        let info = &self.infos[member];
        let index = self.scopes[parent_scope].fields.len();
        self.scopes[parent_scope].fields.push(Field {
            decl: info.decl,
            code_order: info.code_order,
            discriminant_value,
            ordinal: None,
            kind: FieldKind::Slot { offset: 0, size: FieldSize::Void },
        });
        self.infos[member].index = Some(index as u16);
        (parent_scope, index)
    }

    /// The scope of a struct, group or named union member, created (with its own field entry
    /// in its parent) when first needed.
    fn ensure_scope(&mut self, member: usize) -> usize {
        if let Some(scope) = self.infos[member].scope {
            return scope;
        }
        let (parent_scope, index) = self.ensure_field(member);
        let scope = self.scopes.len();
        self.scopes.push(Scope {
            decl: self.infos[member].decl,
            parent: Some(parent_scope),
            index_in_parent: index as u16,
            discriminant_count: 0,
            discriminant_offset: 0,
            fields: Vec::new(),
        });
        self.scopes[parent_scope].fields[index].kind = FieldKind::Group(scope);
        self.infos[member].scope = Some(scope);
        scope
    }

    fn translate(&mut self) {
        // Ordinal order; members with equal ordinals stay in traversal order.
        let mut order = std::mem::take(&mut self.by_ordinal);
        // The official compiler keeps ordinals as 32-bit numbers here (larger ones, already
        // reported, wrap).
        order.sort_by_key(|&(ordinal, _)| ordinal as u32);
        let mut expected = 0u32;
        let mut last: Option<Located<u64>> = None;
        for &(ordinal, member) in &order {
            let decl = self.infos[member].decl;
            let located = ordinal_of(decl).cloned();
            if let Some(located) = &located {
                if located.value < expected as u64 {
                    self.visitor.error(located.span, "Duplicate ordinal number.".into());
                    if let Some(original) = last.take() {
                        self.visitor.error(original.span, format!("Ordinal @{} originally used here.", original.value));
                    }
                } else if located.value > expected as u64 {
                    self.visitor.error(
                        located.span,
                        format!("Skipped ordinal @{expected}.  Ordinals must be sequential with no holes."),
                    );
                    expected = (located.value as u32).wrapping_add(1);
                } else {
                    expected = expected.wrapping_add(1);
                    last = Some(located.clone());
                }
            }
            if let DeclKind::Union = decl.kind {
                // A union with an ordinal: its discriminant is allocated at that ordinal, and its
                // field carries the ordinal.
                let Some(union) = self.infos[member].union else { continue };
                if self.infos[member].parent.is_some() || !decl.name.value.is_empty() {
                    let (scope, index) = self.ensure_field(member);
                    self.scopes[scope].fields[index].ordinal = Some(ordinal as u16);
                    self.ensure_scope(member);
                }
                if !self.layout.add_discriminant(union) {
                    if let Some(located) = &located {
                        self.visitor.error(
                            located.span,
                            "Union ordinal, if specified, must be greater than no more than one of its member \
                             ordinals (i.e. there can only be one field retroactively unionized)."
                                .into(),
                        );
                    }
                }
                continue;
            }
            let (scope, index) = self.ensure_field(member);
            let Some(field_scope) = self.infos[member].field_scope else { continue };
            let size = self.visitor.size_of(decl);
            let offset = match size {
                FieldSize::Void => {
                    self.layout.add_void(field_scope);
                    0
                }
                FieldSize::Data(lg) => self.layout.add_data(field_scope, lg),
                FieldSize::Pointer => self.layout.add_pointer(field_scope),
            };
            let field = &mut self.scopes[scope].fields[index];
            field.ordinal = Some(ordinal as u16);
            field.kind = FieldKind::Slot { offset, size };
        }
        // In declaration order: discriminants of unions that did not get one yet, the scopes'
        // union facts, and the field of every group and union (even an empty one, which got
        // none from a member).
        for member in 0..self.infos.len() {
            let union = self.infos[member].union;
            let is_group = member > 0 && matches!(self.infos[member].decl.kind, DeclKind::Group | DeclKind::Union);
            if union.is_none() && !is_group {
                continue;
            }
            if let Some(union) = union {
                self.layout.add_discriminant(union);
            }
            let scope = self.ensure_scope(member);
            if let Some(union) = union {
                self.scopes[scope].discriminant_count = self.infos[member].discriminant_count;
                self.scopes[scope].discriminant_offset = self.layout.discriminant_offset(union).unwrap_or(0);
            }
        }
    }
}
