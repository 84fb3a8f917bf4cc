//! The named declarations of all files, with their IDs and their places in the scope tree.

use std::collections::HashMap;

use crate::ast::{DeclId, DeclKind, Declaration};
use crate::diagnostic::Diagnostics;
use crate::id::child_id;

use super::files::ParsedFile;

/// What a named declaration is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    File,
    Struct,
    Enum,
    Interface,
    Const,
    Annotation,
    Using,
}

/// A named declaration.
pub struct Entity<'f> {
    pub id: u64,
    pub file: usize,
    pub decl: &'f Declaration,
    pub parent: Option<usize>,
    pub kind: EntityKind,
    /// Named children, by name.
    pub children: HashMap<&'f str, usize>,
    /// Children that are nodes, in declaration order.
    pub nested: Vec<usize>,
    pub display_name: String,
    pub prefix_length: u32,
}

/// Every named declaration of every file.
pub struct Table<'f> {
    pub entities: Vec<Entity<'f>>,
    /// The file entity of each file.
    pub file_roots: Vec<usize>,
    pub by_id: HashMap<u64, usize>,
}

impl<'f> Table<'f> {
    pub fn build(files: &'f [ParsedFile], diagnostics: &mut [Diagnostics]) -> Table<'f> {
        let mut table = Table { entities: Vec::new(), file_roots: Vec::new(), by_id: HashMap::new() };
        for (index, file) in files.iter().enumerate() {
            let id = match &file.ast.id {
                DeclId::Uid(id) => id.value,
                _ => child_id(0, &file.name) | 1 << 63,
            };
            let root = table.add(Entity {
                id,
                file: index,
                decl: &file.ast,
                parent: None,
                kind: EntityKind::File,
                children: HashMap::new(),
                nested: Vec::new(),
                display_name: file.name.clone(),
                // As the official compiler counts it for files: up to the last '.'.
                prefix_length: file.name.rfind('.').map_or(0, |dot| dot as u32 + 1),
            });
            table.file_roots.push(root);
            table.add_children(root, &mut diagnostics[index]);
        }
        table
    }

    fn add(&mut self, entity: Entity<'f>) -> usize {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    fn add_children(&mut self, parent: usize, diagnostics: &mut Diagnostics) {
        let decl = self.entities[parent].decl;
        for nested in &decl.nested {
            let kind = match nested.kind {
                DeclKind::Struct => EntityKind::Struct,
                DeclKind::Enum => EntityKind::Enum,
                DeclKind::Interface { .. } => EntityKind::Interface,
                DeclKind::Const { .. } => EntityKind::Const,
                DeclKind::Annotation { .. } => EntityKind::Annotation,
                DeclKind::Using { .. } => EntityKind::Using,
                // Fields, groups and unions are members, not named declarations.
                _ => continue,
            };
            self.add_child(parent, nested, kind, diagnostics);
        }
    }

    fn add_child(&mut self, parent: usize, decl: &'f Declaration, kind: EntityKind, diagnostics: &mut Diagnostics) {
        let name = decl.name.value.as_str();
        let parent_entity = &self.entities[parent];
        let id = match &decl.id {
            DeclId::Uid(id) => id.value,
            _ => child_id(parent_entity.id, name),
        };
        let (display_name, prefix_length) = if parent_entity.kind == EntityKind::File {
            (format!("{}:{name}", parent_entity.display_name), parent_entity.display_name.len() as u32 + 1)
        } else {
            (format!("{}.{name}", parent_entity.display_name), parent_entity.display_name.len() as u32 + 1)
        };
        let file = parent_entity.file;
        if let Some(&previous) = self.entities[parent].children.get(name) {
            diagnostics.error(decl.name.span, format!("'{name}' is already defined in this scope."));
            diagnostics.error(self.entities[previous].decl.name.span, format!("'{name}' previously defined here."));
            return;
        }
        let child = self.add(Entity {
            id,
            file,
            decl,
            parent: Some(parent),
            kind,
            children: HashMap::new(),
            nested: Vec::new(),
            display_name,
            prefix_length,
        });
        self.entities[parent].children.insert(name, child);
        if kind != EntityKind::Using {
            self.entities[parent].nested.push(child);
            if let Some(&other) = self.by_id.get(&id) {
                diagnostics.error(decl.name.span, format!("Duplicate ID @0x{id:x}."));
                if self.entities[other].file == file {
                    diagnostics
                        .error(self.entities[other].decl.name.span, format!("ID @0x{id:x} originally used here."));
                }
            }
            self.by_id.insert(id, child);
        }
        if matches!(kind, EntityKind::Struct | EntityKind::Interface) {
            self.add_children(child, diagnostics);
        }
    }

    /// Generic parameters declared by the entity itself.
    pub fn parameters(&self, entity: usize) -> &'f [crate::ast::Located<String>] {
        &self.entities[entity].decl.parameters
    }

    /// Whether the entity or an enclosing one has generic parameters.
    pub fn is_generic(&self, mut entity: usize) -> bool {
        loop {
            if !self.parameters(entity).is_empty() {
                return true;
            }
            match self.entities[entity].parent {
                Some(parent) => entity = parent,
                None => return false,
            }
        }
    }
}
