//! The errors of a compilation, kept in the order the official compiler reports them, and the
//! compiler state that name lookups change as they go.
//!
//! The official compiler works lazily: a file is parsed when it is first imported, a scope's
//! nested declarations are registered (and their IDs checked for duplicates) when the scope is
//! first looked into, and a `using` alias is interpreted once, when it is first used. It prints
//! each error as soon as it finds it. To print the same errors in the same order, these events
//! happen here at the same moments, and every error of every file goes into one log.

use std::cell::RefCell;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Span};

use super::entities::Table;
use super::resolve::Branded;

/// The message of the error the parser reports for a file without an ID (the official compiler
/// reports it only when no error at all was reported before).
const NO_FILE_ID: &str = "File does not declare an ID.";

/// What is known of a `using` alias.
#[derive(Clone)]
pub(crate) enum AliasState {
    /// Being interpreted: a lookup of the alias now finds nothing, as in the official compiler.
    InProgress,
    /// Interpreted (to nothing when its target was in error).
    Done(Option<Branded>),
}

/// State shared by every stage of one compilation.
pub(crate) struct Shared {
    /// Every error so far, with the index of its file, in the order found.
    log: Vec<(usize, Diagnostic)>,
    /// While set, errors are dropped: declarations the official compiler would not compile are
    /// compiled quietly, so that the model holds every node.
    muted: bool,
    /// Per file: whether it was added (parsed and registered) yet.
    added: Vec<bool>,
    /// Per file: its lexer and parser errors, reported when the file is added.
    parse_errors: Vec<Vec<Diagnostic>>,
    /// Per entity: whether its nested declarations were registered.
    expanded: Vec<bool>,
    /// The entity registered under each ID.
    registered: HashMap<u64, usize>,
    /// Entities whose ID was taken already: the official compiler gives them another one.
    duplicates: HashSet<usize>,
    /// The aliases interpreted so far.
    pub(crate) aliases: HashMap<usize, AliasState>,
    /// Per file: the name it goes by, once chosen.
    names: Vec<Option<String>>,
    /// A file met under a second name, when that first happened: its name and the other.
    pub(crate) renamed: Option<(String, String)>,
}

impl Shared {
    /// A fresh state for `entities` entities of files with the given parse errors.
    pub(crate) fn new(parse_errors: Vec<Vec<Diagnostic>>, entities: usize) -> Shared {
        let parse_errors_len = parse_errors.len();
        Shared {
            log: Vec::new(),
            muted: false,
            added: vec![false; parse_errors.len()],
            parse_errors,
            expanded: vec![false; entities],
            registered: HashMap::new(),
            duplicates: HashSet::new(),
            aliases: HashMap::new(),
            names: vec![None; parse_errors_len],
            renamed: None,
        }
    }

    /// Names `file` `name` if it has no name yet, as the official compiler names a file
    /// reached under several names after the first it is loaded by. Does nothing while
    /// muted: the official compiler never loads what is compiled quietly.
    pub(crate) fn name_file(&mut self, file: usize, name: &str) {
        if self.muted {
            return;
        }
        match &self.names[file] {
            None => self.names[file] = Some(name.to_string()),
            Some(first) if first != name && self.renamed.is_none() => {
                self.renamed = Some((first.clone(), name.to_string()));
            }
            Some(_) => {}
        }
    }

    /// The name `file` goes by, if chosen.
    pub(crate) fn file_name(&self, file: usize) -> Option<&str> {
        self.names[file].as_deref()
    }

    /// Records an error of `file`.
    pub(crate) fn report(&mut self, file: usize, diagnostic: Diagnostic) {
        if !self.muted {
            self.log.push((file, diagnostic));
        }
    }

    /// Whether an error was reported so far.
    pub(crate) fn had_errors(&self) -> bool {
        !self.log.is_empty()
    }

    /// Drops the errors found from now on.
    pub(crate) fn mute(&mut self) {
        self.muted = true;
    }

    /// The errors found, in order.
    pub(crate) fn take_log(&mut self) -> Vec<(usize, Diagnostic)> {
        std::mem::take(&mut self.log)
    }

    /// Adds `file` to the compilation, once: reports its parse errors and registers its ID, as
    /// the official compiler does when it first reads a file.
    pub(crate) fn add_file(&mut self, table: &Table<'_>, file: usize) {
        if self.added[file] {
            return;
        }
        self.added[file] = true;
        let had_errors = !self.log.is_empty();
        for diagnostic in std::mem::take(&mut self.parse_errors[file]) {
            if had_errors && diagnostic.message.starts_with(NO_FILE_ID) {
                continue;
            }
            self.report(file, diagnostic);
        }
        self.register(table, table.file_roots[file]);
    }

    /// Registers the nested declarations of `entity`, once.
    pub(crate) fn expand(&mut self, table: &Table<'_>, entity: usize) {
        if self.expanded[entity] {
            return;
        }
        self.expanded[entity] = true;
        for &child in &table.entities[entity].nested {
            self.register(table, child);
        }
    }

    /// Whether `entity` was registered under an ID taken already (the official compiler then
    /// gives it, and so its groups and parameter structs, other IDs).
    pub(crate) fn is_duplicate(&self, entity: usize) -> bool {
        self.duplicates.contains(&entity)
    }

    /// Registers the ID of `entity`; a real ID (top bit set) already registered is an error.
    fn register(&mut self, table: &Table<'_>, entity: usize) {
        let id = table.entities[entity].id;
        let other = match self.registered.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(entity);
                return;
            }
            Entry::Occupied(slot) => *slot.get(),
        };
        if other != entity {
            self.duplicates.insert(entity);
        }
        if id & 1 << 63 != 0 {
            let (file, span) = table.location(entity);
            self.report(file, Diagnostic::new(span, format!("Duplicate ID @0x{id:x}.")));
            let (file, span) = table.location(other);
            self.report(file, Diagnostic::new(span, format!("ID @0x{id:x} originally used here.")));
        }
    }
}

/// Where the errors of one file go: into the compilation's log, in order.
#[derive(Clone)]
pub struct FileErrors {
    file: usize,
    shared: Rc<RefCell<Shared>>,
}

impl FileErrors {
    /// The sink for errors of `file`.
    pub(crate) fn new(file: usize, shared: Rc<RefCell<Shared>>) -> FileErrors {
        FileErrors { file, shared }
    }

    /// Records an error at `span` of this file.
    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.shared.borrow_mut().report(self.file, Diagnostic::new(span, message));
    }

    /// The sink for errors of another file of the same compilation.
    pub(crate) fn for_file(&self, file: usize) -> FileErrors {
        FileErrors { file, shared: self.shared.clone() }
    }

    /// The compilation's shared state.
    pub(crate) fn shared(&self) -> &Rc<RefCell<Shared>> {
        &self.shared
    }
}
