//! Reading the requested files and, transitively, the files they import.

use std::collections::HashMap;

use crate::ast::{DeclKind, Declaration, Expr, ExprKind};
use crate::diagnostic::{Diagnostics, Span};
use crate::parser::parse;

/// The file that declares `StreamResult`, imported implicitly by `-> stream` methods (and by
/// methods whose parameters are, wrongly, `stream`).
pub const STREAM_IMPORT: &str = "/capnp/stream.capnp";

/// A schema file's name (as displayed in node names and errors) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The name, e.g. `dir/foo.capnp` or `capnp/c++.capnp`.
    pub name: String,
    /// The text.
    pub text: String,
}

/// Finds imported files.
pub trait FileLoader {
    /// The file `path` as imported by the file named `importer`: `path` is relative to the
    /// importer's directory, or starts with `/` and is looked up in the import directories.
    /// `None` when there is no such file: the compiler reports "Import failed".
    fn import(&mut self, importer: &str, path: &str) -> Option<SourceFile>;

    /// The bytes of the file `path` named by an `embed` in the file named `importer`, looked up
    /// as [`FileLoader::import`] looks up imports. `None` when there is no such file.
    fn embed(&mut self, importer: &str, path: &str) -> Option<Vec<u8>>;

    /// When the file last returned under `name` is a file returned before under another name
    /// (the same file reached through two import directories, or relatively from two places),
    /// that first name; `None` when `name` is its only name so far.
    fn first_name(&self, name: &str) -> Option<String> {
        let _ = name;
        None
    }
}

/// A loader over files held in memory, keyed by name; `/x` imports look for `x`.
#[derive(Clone, Debug, Default)]
pub struct MemoryLoader {
    /// The files, by name.
    pub files: HashMap<String, String>,
    /// Files that are only embedded, as bytes (they need not be text), by name. An `embed`
    /// looks here first, then in [`MemoryLoader::files`].
    pub data: HashMap<String, Vec<u8>>,
}

impl FileLoader for MemoryLoader {
    fn import(&mut self, importer: &str, path: &str) -> Option<SourceFile> {
        let name = resolve_relative(importer, path);
        let text = self.files.get(&name)?;
        Some(SourceFile { name, text: text.clone() })
    }

    fn embed(&mut self, importer: &str, path: &str) -> Option<Vec<u8>> {
        let name = resolve_relative(importer, path);
        match self.data.get(&name) {
            Some(bytes) => Some(bytes.clone()),
            None => self.files.get(&name).map(|text| text.clone().into_bytes()),
        }
    }
}

/// The name of `path` imported from the file `importer`: `/a/b` is `a/b`; a relative path is
/// joined to the importer's directory, with `.` and `..` folded.
pub fn resolve_relative(importer: &str, path: &str) -> String {
    if let Some(absolute) = path.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = importer.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// An `import` of a parsed file.
pub struct ParsedImport {
    /// The path as written.
    pub path: String,
    /// The index of the file it loaded.
    pub file: usize,
    /// The name the file has when reached through this import (a file reached under several
    /// names is named after the import the compiler resolves first).
    pub name: String,
}

/// A parsed file.
pub struct ParsedFile {
    /// The name it was first loaded under.
    pub name: String,
    pub source: String,
    pub ast: Declaration,
    /// The imports, each path once.
    pub imports: Vec<ParsedImport>,
    /// The embeds as written, and the file's bytes (`None`: it could not be read; the error
    /// is reported where the embed is used).
    pub embeds: Vec<(String, Option<Vec<u8>>)>,
}

/// All files of a compilation, requested ones first, with their errors.
pub struct FileSet {
    pub files: Vec<ParsedFile>,
    pub diagnostics: Vec<Diagnostics>,
}

impl FileSet {
    pub fn load(requested: &[SourceFile], loader: &mut dyn FileLoader) -> FileSet {
        let mut set = FileSet { files: Vec::new(), diagnostics: Vec::new() };
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for file in requested {
            set.add(file.clone(), &mut by_name);
        }
        let mut next = 0;
        while next < set.files.len() {
            let mut wanted = Vec::new();
            collect_imports(&set.files[next].ast, &mut wanted);
            let importer = set.files[next].name.clone();
            for (path, span) in wanted {
                if set.files[next].imports.iter().any(|import| import.path == path) {
                    continue;
                }
                match loader.import(&importer, &path) {
                    Some(file) => {
                        let name = file.name.clone();
                        let first = loader.first_name(&name).unwrap_or_else(|| name.clone());
                        let index = match by_name.get(&first) {
                            Some(&i) => i,
                            None => set.add(SourceFile { name: first, text: file.text }, &mut by_name),
                        };
                        set.files[next].imports.push(ParsedImport { path, file: index, name });
                    }
                    None => set.diagnostics[next].error(span, format!("Import failed: {path}")),
                }
            }
            let mut embeds = Vec::new();
            collect_embeds(&set.files[next].ast, &mut embeds);
            for path in embeds {
                let bytes = loader.embed(&importer, &path);
                set.files[next].embeds.push((path, bytes));
            }
            next += 1;
        }
        set
    }

    fn add(&mut self, file: SourceFile, by_name: &mut HashMap<String, usize>) -> usize {
        let mut diagnostics = Diagnostics::default();
        let ast = parse(&file.text, &mut diagnostics);
        if !matches!(ast.id, crate::ast::DeclId::Uid(_)) && diagnostics.is_empty() {
            let id = crate::id::child_id(0, &file.name) | 1 << 63;
            diagnostics.error(
                Span::default(),
                format!(
                    "File does not declare an ID.  I've generated one for you.  Add this line to your file: @0x{id:016x};"
                ),
            );
        }
        self.files.push(ParsedFile {
            name: file.name.clone(),
            source: file.text,
            ast,
            imports: Vec::new(),
            embeds: Vec::new(),
        });
        self.diagnostics.push(diagnostics);
        by_name.insert(file.name, self.files.len() - 1);
        self.files.len() - 1
    }
}

fn collect_imports(decl: &Declaration, out: &mut Vec<(String, Span)>) {
    // A method streams with `-> stream`; `stream` as its parameters is an error, but the
    // official compiler looks for the file there as well (and reports it missing there too).
    if let DeclKind::Method { params, results } = &decl.kind {
        for list in std::iter::once(params).chain(results) {
            if list.kind == crate::ast::ParamListKind::Stream && !out.iter().any(|(p, _)| p == STREAM_IMPORT) {
                out.push((STREAM_IMPORT.to_string(), list.span));
            }
        }
    }
    let mut visit = |e: &Expr| collect_expr_imports(e, out);
    match &decl.kind {
        DeclKind::Using { target } => visit(target),
        DeclKind::Const { ty, value } => {
            visit(ty);
            visit(value);
        }
        DeclKind::Field { ty, default } => {
            visit(ty);
            if let Some(d) = default {
                visit(d);
            }
        }
        DeclKind::Interface { superclasses } => superclasses.iter().for_each(visit),
        DeclKind::Annotation { ty, .. } => visit(ty),
        DeclKind::Method { params, results } => {
            for list in std::iter::once(params).chain(results) {
                match &list.kind {
                    crate::ast::ParamListKind::Named(ps) => {
                        for p in ps {
                            visit(&p.ty);
                            if let Some(d) = &p.default {
                                visit(d);
                            }
                            for a in &p.annotations {
                                visit(&a.name);
                            }
                        }
                    }
                    crate::ast::ParamListKind::Type(t) => visit(t),
                    crate::ast::ParamListKind::Stream => {}
                }
            }
        }
        _ => {}
    }
    for a in &decl.annotations {
        collect_expr_imports(&a.name, out);
        if let Some(v) = &a.value {
            collect_expr_imports(v, out);
        }
    }
    for nested in &decl.nested {
        collect_imports(nested, out);
    }
}

/// The files the `embed` expressions of `decl` and its members name, each once, in order.
fn collect_embeds(decl: &Declaration, out: &mut Vec<String>) {
    let mut visit = |e: &Expr| collect_expr_embeds(e, out);
    match &decl.kind {
        DeclKind::Const { value, .. } => visit(value),
        DeclKind::Field { default: Some(d), .. } => visit(d),
        DeclKind::Method { params, results } => {
            for list in std::iter::once(params).chain(results) {
                if let crate::ast::ParamListKind::Named(ps) = &list.kind {
                    for p in ps {
                        if let Some(d) = &p.default {
                            visit(d);
                        }
                        for a in p.annotations.iter().filter_map(|a| a.value.as_ref()) {
                            visit(a);
                        }
                    }
                }
            }
        }
        _ => {}
    }
    for value in decl.annotations.iter().filter_map(|a| a.value.as_ref()) {
        visit(value);
    }
    for nested in &decl.nested {
        collect_embeds(nested, out);
    }
}

fn collect_expr_embeds(expr: &Expr, out: &mut Vec<String>) {
    match &expr.kind {
        ExprKind::Embed(path) if !out.contains(&path.value) => out.push(path.value.clone()),
        ExprKind::List(items) => items.iter().for_each(|e| collect_expr_embeds(e, out)),
        ExprKind::Tuple(items) => items.iter().for_each(|e| collect_expr_embeds(&e.value, out)),
        _ => {}
    }
}

fn collect_expr_imports(expr: &Expr, out: &mut Vec<(String, Span)>) {
    match &expr.kind {
        ExprKind::Import(path) if !out.iter().any(|(p, _)| *p == path.value) => {
            out.push((path.value.clone(), path.span));
        }
        ExprKind::List(items) => items.iter().for_each(|e| collect_expr_imports(e, out)),
        ExprKind::Tuple(items) => items.iter().for_each(|e| collect_expr_imports(&e.value, out)),
        ExprKind::Application { function, params } => {
            collect_expr_imports(function, out);
            params.iter().for_each(|e| collect_expr_imports(&e.value, out));
        }
        ExprKind::Member { parent, .. } => collect_expr_imports(parent, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::resolve_relative;

    #[test]
    fn import_paths() {
        assert_eq!(resolve_relative("a/b/c.capnp", "d.capnp"), "a/b/d.capnp");
        assert_eq!(resolve_relative("a/b/c.capnp", "../d.capnp"), "a/d.capnp");
        assert_eq!(resolve_relative("c.capnp", "./x/d.capnp"), "x/d.capnp");
        assert_eq!(resolve_relative("a/c.capnp", "/capnp/c++.capnp"), "capnp/c++.capnp");
    }
}
