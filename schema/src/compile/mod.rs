//! The compiler proper: parsed files in, schema nodes out.
//!
//! 1. `files`: the requested files are parsed and their imports loaded, transitively.
//! 2. `entities`: every named declaration gets its ID and its place in the scope tree.
//! 3. `resolve`: names, types and brands are looked up from a scope.
//! 4. `nodes` and `values`: each declaration becomes a [`Node`], with its layout from
//!    [`crate::members`] and its values encoded as messages; `names` checks the names of each
//!    block, `validate` what the official schema loader would refuse.
//! 5. `order`: which nodes and doc comments the official compiler's CodeGeneratorRequest holds,
//!    and in what order.
//!
//! The work follows `capnp compile` 0.9.2 step for step (`report` keeps the state its lazy
//! steps depend on), so that a compilation reports the same errors in the same order, and
//! [`CompiledSchema::request`] is the same request. Every error of every file is collected; nothing
//! stops at the first one.

mod entities;
mod files;
mod names;
mod nodes;
mod order;
mod report;
pub(crate) mod resolve;
mod validate;
mod values;

pub use files::{resolve_relative, FileLoader, MemoryLoader, SourceFile};

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use crate::ast::{DeclKind, Declaration, Expr, ExprKind, ParamList, ParamListKind};
use crate::diagnostic::{Diagnostic, FileDiagnostic, Location, Span};
use crate::model::Node;

pub use capnzero_model::compiled::{CompiledFile, CompiledSchema, CAPNP_VERSION};

/// What a compilation gives: the compiled schema (every node of every file read, their doc
/// comments, the files requested; what the run-time model keeps), what the compilation warns
/// of, and where each declaration is. It dereferences to its [`CompiledSchema`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compiled {
    /// The nodes, doc comments, requested files and aliases.
    pub schema: CompiledSchema,
    /// What the compilation warns of.
    pub warnings: Vec<Warning>,
    /// Where each node compiled from schema text is declared (empty for a [`Compiled`] read
    /// back from a request, which has no positions).
    pub locations: Locations,
}

impl std::ops::Deref for Compiled {
    type Target = CompiledSchema;

    fn deref(&self) -> &CompiledSchema {
        &self.schema
    }
}

impl std::ops::DerefMut for Compiled {
    fn deref_mut(&mut self) -> &mut CompiledSchema {
        &mut self.schema
    }
}

impl From<Compiled> for CompiledSchema {
    fn from(compiled: Compiled) -> CompiledSchema {
        compiled.schema
    }
}

/// Where the nodes of a compilation are declared: the files' names and texts, and per node ID
/// the ranges of its name and its members' names (fields, enumerants or methods, in the node's
/// list order). Lines and columns are worked out when asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locations {
    files: Vec<(String, String)>,
    places: HashMap<u64, DeclPlace>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct DeclPlace {
    file: usize,
    name: Span,
    members: Vec<Span>,
}

impl Locations {
    /// Where the node `id` is declared: its name.
    pub fn node(&self, id: u64) -> Option<Location> {
        let place = self.places.get(&id)?;
        self.locate(place.file, place.name)
    }

    /// Where member `index` of node `id` is declared: its name.
    pub fn member(&self, id: u64, index: usize) -> Option<Location> {
        let place = self.places.get(&id)?;
        self.locate(place.file, *place.members.get(index)?)
    }

    fn locate(&self, file: usize, span: Span) -> Option<Location> {
        let (name, text) = self.files.get(file)?;
        Some(Location::new(name, text, span))
    }
}

/// The errors of a compilation, each located in its file, in the order the official compiler
/// prints them; `Display` prints them as it does, one per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileErrors(pub Vec<FileDiagnostic>);

impl CompileErrors {
    /// Each error as the official compiler prints it (`file:line:col-col: error: message`).
    pub fn rendered(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl std::fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileErrors {}

/// The message of a failed import as the file loader reports it; the compiler reports failed
/// imports itself, where the official compiler does: where each is used.
const IMPORT_FAILED: &str = "Import failed: ";

/// How much of the requested files a compilation checks, as the official tool's commands do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Eagerness {
    /// `capnp compile`: every declaration of the requested files, everything they use, and the
    /// lexical parents of those; their errors are reported and they make the request.
    #[default]
    Everything,
    /// `capnp decode`, `encode`, `convert` and `eval`: only each requested file's own node (its
    /// annotations and what they import). Every other declaration is still compiled, for the
    /// dynamic API, but its errors are not reported, as the official tool compiles it only on
    /// demand; a file that the file nodes do not import is never added, so two files that share
    /// IDs but are not both reached there do not collide.
    FileNode,
}

/// Compiles `requested` (and everything they import, through `loader`).
pub fn compile(requested: &[SourceFile], loader: &mut dyn FileLoader) -> Result<Compiled, CompileErrors> {
    compile_with(requested, loader, Eagerness::Everything)
}

/// [`compile`], checking as much as `eagerness` says.
pub fn compile_with(
    requested: &[SourceFile],
    loader: &mut dyn FileLoader,
    eagerness: Eagerness,
) -> Result<Compiled, CompileErrors> {
    let set = files::FileSet::load(requested, loader);
    let parse_errors: Vec<Vec<Diagnostic>> = set
        .diagnostics
        .iter()
        .map(|d| d.0.iter().filter(|e| !e.message.starts_with(IMPORT_FAILED)).cloned().collect())
        .collect();
    let table = entities::Table::build(&set.files);
    let shared = Rc::new(RefCell::new(report::Shared::new(parse_errors, table.entities.len())));
    let mut compiler = nodes::NodeCompiler::new(&set.files, &table, shared.clone());
    let (nodes, source_info, plan) = compiler.compile_all(requested.len(), eagerness);
    let aliases = compiler.aliases();
    let places = std::mem::take(&mut compiler.places);
    drop(compiler);
    let (names, renamed) = {
        let shared = shared.borrow();
        let names: Vec<String> = (0..set.files.len())
            .map(|file| shared.file_name(file).unwrap_or(&set.files[file].name).to_string())
            .collect();
        (names, shared.renamed.clone())
    };
    let log = shared.borrow_mut().take_log();
    if !log.is_empty() {
        let errors =
            log.into_iter().map(|(file, e)| FileDiagnostic::new(&names[file], &set.files[file].source, &e)).collect();
        return Err(CompileErrors(errors));
    }
    let mut nodes = nodes;
    for (file, name) in set.files.iter().zip(&names) {
        if file.name != *name {
            rename_file(&mut nodes, &file.name, name);
        }
    }
    let locations = Locations {
        files: names.iter().zip(&set.files).map(|(name, file)| (name.clone(), file.source.clone())).collect(),
        places: places
            .into_iter()
            .map(|place| (place.id, DeclPlace { file: place.file, name: place.name, members: place.members }))
            .collect(),
    };
    let warnings = renamed.map(|(first, other)| Warning::SameFileTwoNames { first, other }).into_iter().collect();
    let requested = (0..requested.len())
        .map(|file| {
            let root = table.file_roots[file];
            let parsed = &set.files[file];
            let mut names = BTreeSet::new();
            import_names(&parsed.ast, &mut names);
            let imports = names
                .into_iter()
                .filter_map(|name| {
                    let import = parsed.imports.iter().find(|import| import.path == name)?;
                    Some((table.entities[table.file_roots[import.file]].id, name))
                })
                .collect();
            CompiledFile { id: table.entities[root].id, name: parsed.name.clone(), imports }
        })
        .collect();
    let schema = CompiledSchema {
        nodes,
        source_info,
        requested,
        request_order: plan.nodes,
        request_source_info: plan.source_info,
        aliases,
    };
    Ok(Compiled { schema, warnings, locations })
}

/// Gives the nodes of the file named `old` (its file node and every node whose display name
/// starts with `old:`) the display names they have in a file named `new`.
fn rename_file(nodes: &mut [Node], old: &str, new: &str) {
    for node in nodes {
        let rest = match node.display_name.strip_prefix(old) {
            Some(rest) if rest.is_empty() || rest.starts_with(':') => rest.to_string(),
            _ => continue,
        };
        node.display_name = format!("{new}{rest}");
        node.display_name_prefix_length = if rest.is_empty() {
            new.rfind('.').map_or(0, |dot| dot as u32 + 1)
        } else {
            (node.display_name_prefix_length as usize + new.len() - old.len()) as u32
        };
    }
}

/// Something a compilation that succeeded has to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The same file was reached under two names (through import directories inside one
    /// another, or inside a source prefix); it is named after the first one, as the official
    /// compiler names it.
    SameFileTwoNames {
        /// The name it goes by.
        first: String,
        /// The other name it was reached by.
        other: String,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::SameFileTwoNames { first, other } => write!(
                f,
                "Found exactly the same source file mapped at two different paths ({first} and {other}). \
                 The -I and --src-prefix directories should be roots of the source tree, none inside another."
            ),
        }
    }
}

/// The imports the official compiler lists for a file (`findImports`): those in types and
/// annotation names, not those only in values.
fn import_names(decl: &Declaration, out: &mut BTreeSet<String>) {
    match &decl.kind {
        DeclKind::Using { target } => expression_imports(target, out),
        DeclKind::Const { ty, .. } | DeclKind::Field { ty, .. } => expression_imports(ty, out),
        DeclKind::Interface { superclasses } => superclasses.iter().for_each(|s| expression_imports(s, out)),
        DeclKind::Method { params, results } => {
            param_list_imports(params, out);
            if let Some(results) = results {
                param_list_imports(results, out);
            }
        }
        _ => {}
    }
    for annotation in &decl.annotations {
        expression_imports(&annotation.name, out);
    }
    for nested in &decl.nested {
        import_names(nested, out);
    }
}

fn param_list_imports(list: &ParamList, out: &mut BTreeSet<String>) {
    match &list.kind {
        ParamListKind::Named(params) => {
            for param in params {
                expression_imports(&param.ty, out);
                for annotation in &param.annotations {
                    expression_imports(&annotation.name, out);
                }
            }
        }
        ParamListKind::Type(ty) => expression_imports(ty, out),
        ParamListKind::Stream => {
            out.insert(files::STREAM_IMPORT.to_string());
        }
    }
}

fn expression_imports(expr: &Expr, out: &mut BTreeSet<String>) {
    match &expr.kind {
        ExprKind::Import(path) => {
            out.insert(path.value.clone());
        }
        ExprKind::List(items) => items.iter().for_each(|e| expression_imports(e, out)),
        ExprKind::Tuple(items) => items.iter().for_each(|e| expression_imports(&e.value, out)),
        ExprKind::Application { function, params } => {
            expression_imports(function, out);
            params.iter().for_each(|p| expression_imports(&p.value, out));
        }
        ExprKind::Member { parent, .. } => expression_imports(parent, out),
        _ => {}
    }
}
