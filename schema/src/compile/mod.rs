//! The compiler proper: parsed files in, schema nodes out.
//!
//! 1. `files`: the requested files are parsed and their imports loaded, transitively.
//! 2. `entities`: every named declaration gets its ID and its place in the scope tree.
//! 3. `resolve`: names, types and brands are looked up from a scope.
//! 4. `nodes` and `values`: each declaration becomes a [`Node`], with its layout from
//!    [`crate::members`] and its values encoded as messages.
//!
//! Every error of every file is collected; nothing stops at the first one.

mod entities;
mod files;
mod nodes;
mod resolve;
mod values;

pub use files::{FileLoader, MemoryLoader, SourceFile};

use crate::diagnostic::Diagnostics;
use crate::model::{Node, SourceInfo};

/// A file the compiler read, with the files it imports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledFile {
    /// The file's ID.
    pub id: u64,
    /// Its name as the compiler displays it.
    pub name: String,
    /// Its imports: the imported file's ID and the name as written in the `import`.
    pub imports: Vec<(u64, String)>,
}

/// What a compilation gives: every node of every file read, their doc comments, and the
/// files requested.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compiled {
    /// All nodes, of the requested files and of the files they import.
    pub nodes: Vec<Node>,
    /// Doc comments of the nodes.
    pub source_info: Vec<SourceInfo>,
    /// The requested files, in the order given.
    pub requested: Vec<CompiledFile>,
}

impl Compiled {
    /// The node with ID `id`.
    pub fn node(&self, id: u64) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// The errors of a compilation, per file, rendered as the official compiler prints them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileErrors(pub Vec<String>);

impl std::fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for line in &self.0 {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileErrors {}

/// Compiles `requested` (and everything they import, through `loader`).
pub fn compile(requested: &[SourceFile], loader: &mut dyn FileLoader) -> Result<Compiled, CompileErrors> {
    let mut set = files::FileSet::load(requested, loader);
    let table = entities::Table::build(&set.files, &mut set.diagnostics);
    let mut compiler = nodes::NodeCompiler::new(&set.files, &table);
    let compiled = compiler.compile_all(requested.len());
    for (file, diagnostics) in compiler.into_diagnostics() {
        set.diagnostics[file].0.extend(diagnostics.0);
    }
    let errors: Vec<String> = set
        .files
        .iter()
        .zip(&set.diagnostics)
        .flat_map(|(file, d): (&files::ParsedFile, &Diagnostics)| {
            d.0.iter().map(move |e| e.render(&file.name, &file.source))
        })
        .collect();
    if errors.is_empty() {
        Ok(compiled)
    } else {
        Err(CompileErrors(errors))
    }
}
