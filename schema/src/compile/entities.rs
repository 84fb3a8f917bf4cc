//! The named declarations of all files, with their IDs and their places in the scope tree.

use std::collections::HashMap;

use crate::ast::{DeclId, DeclKind, Declaration};
use crate::diagnostic::Span;
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
    /// Children that are nodes, by name (the first one declared, when a name is declared twice).
    pub children: HashMap<&'f str, usize>,
    /// `using` aliases declared in it, by name (the first one declared).
    pub aliases: HashMap<&'f str, usize>,
    /// Its `using` aliases in the order the official compiler interprets them: by name, then in
    /// declaration order.
    pub alias_order: Vec<usize>,
    /// Children that are nodes, in declaration order (duplicates of a name included).
    pub nested: Vec<usize>,
    pub display_name: String,
    pub prefix_length: u32,
}

/// Every named declaration of every file.
pub struct Table<'f> {
    pub entities: Vec<Entity<'f>>,
    /// The file entity of each file.
    pub file_roots: Vec<usize>,
    /// The entity with each ID (the first one, when an ID is declared twice).
    pub by_id: HashMap<u64, usize>,
}

impl<'f> Table<'f> {
    /// The entities of `files`. Duplicate names and IDs are kept: they are reported when the
    /// official compiler would report them, by the node compiler.
    pub fn build(files: &'f [ParsedFile]) -> Table<'f> {
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
                aliases: HashMap::new(),
                alias_order: Vec::new(),
                nested: Vec::new(),
                display_name: file.name.clone(),
                // As the official compiler counts it for files: up to the last '.'.
                prefix_length: file.name.rfind('.').map_or(0, |dot| dot as u32 + 1),
            });
            table.file_roots.push(root);
            table.by_id.entry(id).or_insert(root);
            table.add_children(root);
        }
        table
    }

    fn add(&mut self, entity: Entity<'f>) -> usize {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    fn add_children(&mut self, parent: usize) {
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
            self.add_child(parent, nested, kind);
        }
        let mut order = self.entities[parent].alias_order.clone();
        order.sort_by_key(|&a| self.entities[a].decl.name.value.as_str());
        self.entities[parent].alias_order = order;
    }

    fn add_child(&mut self, parent: usize, decl: &'f Declaration, kind: EntityKind) {
        let name = decl.name.value.as_str();
        let parent_entity = &self.entities[parent];
        let id = match &decl.id {
            DeclId::Uid(id) => id.value,
            _ => child_id(parent_entity.id, name),
        };
        let separator = if parent_entity.kind == EntityKind::File { ':' } else { '.' };
        let display_name = format!("{}{separator}{name}", parent_entity.display_name);
        let prefix_length = parent_entity.display_name.len() as u32 + 1;
        let file = parent_entity.file;
        let child = self.add(Entity {
            id,
            file,
            decl,
            parent: Some(parent),
            kind,
            children: HashMap::new(),
            aliases: HashMap::new(),
            alias_order: Vec::new(),
            nested: Vec::new(),
            display_name,
            prefix_length,
        });
        if kind == EntityKind::Using {
            self.entities[parent].aliases.entry(name).or_insert(child);
            self.entities[parent].alias_order.push(child);
        } else {
            self.entities[parent].children.entry(name).or_insert(child);
            self.entities[parent].nested.push(child);
            self.by_id.entry(id).or_insert(child);
        }
        if matches!(kind, EntityKind::Struct | EntityKind::Interface) {
            self.add_children(child);
        }
    }

    /// Where errors about the entity as a whole are reported: its file, and its name (the
    /// start of the file for a file).
    pub fn location(&self, entity: usize) -> (usize, Span) {
        let e = &self.entities[entity];
        if e.kind == EntityKind::File {
            (e.file, Span::default())
        } else {
            (e.file, e.decl.name.span)
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
