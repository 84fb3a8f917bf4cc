//! Rust code generation: the schema model of a compiled file becomes the owned types, zero-copy
//! readers and in-place builders of `capnp_schema!` (see `docs/codegen.md` for the API).
//!
//! 1. `plan`: every struct, group and enum gets its place (module path and Rust name), and
//!    everything the generator does not handle yet is collected as an error.
//! 2. `emit`: the tokens, written with `quote!`, calling the runtime through
//!    `::capnzero::__private`.
//!
//! Errors are collected, never thrown at the first one: the macro reports them all.

mod constant;
mod emit;
mod interface;
mod names;
mod plan;

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

use crate::compile::{compile, Compiled, FileLoader, SourceFile};
use crate::load::FsLoader;

/// What expanding a schema gives: the generated items, or the errors; and the files read, for
/// the caller to make the build depend on.
#[derive(Debug, Default)]
pub struct Expansion {
    /// The generated items (empty when there are errors).
    pub tokens: TokenStream,
    /// Every error: the compiler's, rendered `file:line:col: error: message`, and the
    /// generator's, naming the schema item.
    pub errors: Vec<String>,
    /// The schema files read from disk (absolute paths).
    pub files_read: Vec<PathBuf>,
}

/// Generates the types of the file `file_id` of `compiled`, or every reason it cannot.
pub fn generate(compiled: &Compiled, file_id: u64) -> Result<TokenStream, Vec<String>> {
    let plan = plan::Plan::new(compiled, file_id);
    if !plan.errors.is_empty() {
        return Err(plan.errors);
    }
    let mut emitter = emit::Emitter::new(&plan);
    let tokens = emitter.file();
    if emitter.errors.is_empty() {
        Ok(tokens)
    } else {
        Err(emitter.errors)
    }
}

/// Compiles the schema file `path` (relative to `base`, the crate root for the macro) with its
/// imports and generates its types.
pub fn expand_file(base: &Path, path: &str) -> Expansion {
    let mut loader = Tracking { inner: FsLoader::with_current_dir(base), base: base.to_path_buf(), read: Vec::new() };
    let source = match loader.inner.source(path) {
        Ok(source) => source,
        Err(e) => return Expansion { errors: vec![format!("{e}")], ..Expansion::default() },
    };
    loader.read.push(base.join(path));
    expand(&[source], &mut loader)
}

/// Compiles a schema given as text (named `inline.capnp`; imports are looked up relative to
/// `base`) and generates its types.
pub fn expand_inline(base: &Path, text: &str) -> Expansion {
    let mut loader = Tracking { inner: FsLoader::with_current_dir(base), base: base.to_path_buf(), read: Vec::new() };
    let source = SourceFile { name: "inline.capnp".to_string(), text: text.to_string() };
    expand(&[source], &mut loader)
}

fn expand(source: &[SourceFile], loader: &mut Tracking) -> Expansion {
    let result = compile(source, loader);
    let files_read = std::mem::take(&mut loader.read);
    let compiled = match result {
        Ok(compiled) => compiled,
        Err(errors) => return Expansion { tokens: TokenStream::new(), errors: errors.0, files_read },
    };
    let Some(file) = compiled.requested.first() else {
        return Expansion {
            errors: vec!["capnzero: nothing was compiled".to_string()],
            files_read,
            ..Expansion::default()
        };
    };
    match generate(&compiled, file.id) {
        Ok(tokens) => Expansion { tokens, errors: Vec::new(), files_read },
        Err(errors) => Expansion { tokens: TokenStream::new(), errors, files_read },
    }
}

/// A file loader that remembers which files on disk it read, so that editing an imported
/// schema rebuilds the crate. The standard imports are compiled into this crate and are not
/// files the build depends on.
struct Tracking {
    inner: FsLoader,
    base: PathBuf,
    read: Vec<PathBuf>,
}

impl FileLoader for Tracking {
    fn import(&mut self, importer: &str, path: &str) -> Option<SourceFile> {
        let file = self.inner.import(importer, path)?;
        let on_disk = self.base.join(&file.name);
        if on_disk.is_file() && !self.read.contains(&on_disk) {
            self.read.push(on_disk);
        }
        Some(file)
    }

    fn embed(&mut self, importer: &str, path: &str) -> Option<Vec<u8>> {
        self.inner.embed(importer, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::MemoryLoader;

    fn errors_of(text: &str) -> Vec<String> {
        let source = SourceFile { name: "t.capnp".to_string(), text: text.to_string() };
        let compiled = compile(&[source], &mut MemoryLoader::default()).expect("the schema compiles");
        generate(&compiled, compiled.requested[0].id).expect_err("generation must refuse")
    }

    #[test]
    fn unsupported_constructs_are_errors_naming_the_item() {
        let errors = errors_of(
            "@0xe1b2c3d4e5f60718;\n\
             struct A { p @0 :AnyPointer; i @1 :I; }\n\
             interface I {}\n\
             struct G(T) { t @0 :T; }\n\
             enum E { unknown @0; }\n",
        );
        assert_eq!(
            errors,
            vec![
                "t.capnp:A.i: capnzero does not generate interface fields yet".to_string(),
                "t.capnp:A.p: capnzero does not generate AnyPointer, AnyStruct, AnyList and Capability fields yet"
                    .to_string(),
                "t.capnp:E: capnzero does not generate an enumerant named `unknown` (the name of the unknown-value \
                 variant) yet"
                    .to_string(),
                "t.capnp:G: capnzero does not generate generic structs yet".to_string(),
            ]
        );
    }

    #[test]
    fn accessor_collisions_are_errors() {
        let errors = errors_of("@0xe1b2c3d4e5f60718;\nstruct A { foo @0 :Text; hasFoo @1 :Bool; }\n");
        assert_eq!(
            errors,
            vec!["t.capnp:A.hasFoo: capnzero does not generate fields whose accessor names collide (`has_foo`) yet"]
        );
    }

    #[test]
    fn compile_errors_are_rendered_with_positions() {
        let expansion = expand_inline(Path::new("/nonexistent"), "@0xe1b2c3d4e5f60718;\nstruct A { x @0 :Nope; }\n");
        assert_eq!(expansion.errors, vec!["inline.capnp:2:18-22: error: Not defined: Nope".to_string()]);
        assert!(expansion.tokens.is_empty());
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let expansion = expand_file(Path::new("/nonexistent"), "x.capnp");
        assert_eq!(expansion.errors, vec!["x.capnp: no such file".to_string()]);
    }
}
