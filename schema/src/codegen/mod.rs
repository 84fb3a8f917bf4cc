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
mod generics;
mod interface;
mod ir;
mod key;
mod member;
mod names;
mod nullable;
mod plan;
mod reflect;
mod rpc;
mod structure;
mod text;
mod tokens;
mod union;
mod virtual_group;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};

use crate::compile::{compile, CompileErrors, Compiled, FileLoader, SourceFile};
use crate::diagnostic::FileDiagnostic;
use crate::load::{normalize, FsLoader, LoadError};

pub use plan::{At, DeriveSpec, GenerateError, OwnedForm};

pub(crate) use emit::enum_impls;
pub(crate) use names::{pascal_case, snake_case};
pub(crate) use reflect::cell_name;
pub(crate) use text::enum_text_impls;

/// The `static` embedding the schema of file `file_id` of `compiled` for reflection (see
/// [`crate::reflect::SchemaCell`]).
pub(crate) fn schema_static(compiled: &Compiled, file_id: u64) -> Result<TokenStream, String> {
    reflect::schema_static(compiled, file_id, &[])
}

/// What expanding a schema gives: the generated items, or the errors; and the files read, for
/// the caller to make the build depend on.
#[derive(Debug, Default)]
pub struct Expansion {
    /// The generated items (empty when there are errors).
    pub tokens: TokenStream,
    /// Every error: the compiler's, located in their files, then the generator's.
    pub errors: Vec<ExpansionError>,
    /// The schema files read from disk (absolute paths).
    pub files_read: Vec<PathBuf>,
}

impl Expansion {
    fn failed(errors: Vec<ExpansionError>, files_read: Vec<PathBuf>) -> Expansion {
        Expansion { tokens: TokenStream::new(), errors, files_read }
    }
}

/// One reason an expansion failed.
#[derive(Clone, Debug)]
pub enum ExpansionError {
    /// An error at a place in a schema file: one the compiler found, or what the generator
    /// cannot generate, at the declaration it is about; `span` is the token it is at when the
    /// schema was given as tokens ([`Expander::tokens`]).
    Schema {
        /// The error, in its file.
        diagnostic: FileDiagnostic,
        /// The token, for a schema given as tokens.
        span: Option<Span>,
    },
    /// An error of the generator whose place is not known (naming the schema item), or of the
    /// expander (a missing file, an import mapping that names no imported file); `span` where
    /// the macro call says it.
    Other {
        /// What.
        message: String,
        /// Where, when known.
        span: Option<Span>,
    },
}

impl ExpansionError {
    fn other(message: impl Into<String>) -> ExpansionError {
        ExpansionError::Other { message: message.into(), span: None }
    }

    /// The token the error is at, when known.
    pub fn span(&self) -> Option<Span> {
        match self {
            ExpansionError::Schema { span, .. } | ExpansionError::Other { span, .. } => *span,
        }
    }

    /// The error as a compile error of the macro says it (Rust prints `error: ` before it): a
    /// schema error at a token by its message alone, one elsewhere with its file and position
    /// (`x.capnp:3:9-13: Not defined: Nope`).
    pub fn message(&self) -> String {
        match self {
            ExpansionError::Schema { diagnostic, span: Some(_) } => diagnostic.message.clone(),
            ExpansionError::Schema { diagnostic, span: None } => {
                format!("{}:{}: {}", diagnostic.file, diagnostic.position(), diagnostic.message)
            }
            ExpansionError::Other { message, .. } => message.clone(),
        }
    }
}

impl std::fmt::Display for ExpansionError {
    /// As the official compiler prints its errors (`x.capnp:3:9-13: error: Not defined: Nope`);
    /// the generator's and expander's errors as they are.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExpansionError::Schema { diagnostic, .. } => diagnostic.fmt(f),
            ExpansionError::Other { message, .. } => f.write_str(message),
        }
    }
}

/// Generates the types of the file `file_id` of `compiled`, or every reason it cannot.
pub fn generate(compiled: &Compiled, file_id: u64) -> Result<TokenStream, Vec<String>> {
    let plan = plan::Plan::new(compiled, file_id, &HashMap::new());
    generate_planned(compiled, file_id, plan, &[]).map_err(messages)
}

/// [`generate`], with the types of some imported files (by file ID) taken from modules
/// generated elsewhere (their Rust paths) instead of generated again; each error located at
/// the declaration it is about (an [`ExpansionError::Schema`]) where the schema was compiled
/// from text.
pub fn generate_with(
    compiled: &Compiled,
    file_id: u64,
    external: &HashMap<u64, TokenStream>,
) -> Result<TokenStream, Vec<ExpansionError>> {
    let plan = plan::Plan::new(compiled, file_id, external);
    generate_planned(compiled, file_id, plan, &[])
        .map_err(|errors| errors.into_iter().map(|error| located(compiled, error)).collect())
}

/// [`generate`] for the file a derive compiled: its placeholders named through the aliases of
/// `spec`, the derived struct's owned type the user's, and the embedded schema linked to the
/// real types' schemas by `links` (tokens of [`Link`](crate::reflect::Link) values).
pub fn generate_derived(
    compiled: &Compiled,
    file_id: u64,
    spec: &DeriveSpec,
    links: &[TokenStream],
) -> Result<TokenStream, Vec<String>> {
    let plan = plan::Plan::with_derive(compiled, file_id, &HashMap::new(), spec);
    generate_planned(compiled, file_id, plan, links).map_err(messages)
}

fn generate_planned(
    compiled: &Compiled,
    file_id: u64,
    plan: plan::Plan<'_>,
    links: &[TokenStream],
) -> Result<TokenStream, Vec<GenerateError>> {
    if !plan.errors.is_empty() {
        return Err(plan.errors);
    }
    let mut emitter = emit::Emitter::new(&plan);
    let mut tokens = emitter.file();
    match reflect::schema_static(compiled, file_id, links) {
        Ok(cell) => tokens.extend(cell),
        Err(e) => emitter.errors.push(e.into()),
    }
    if emitter.errors.is_empty() {
        Ok(tokens)
    } else {
        Err(emitter.errors)
    }
}

fn messages(errors: Vec<GenerateError>) -> Vec<String> {
    errors.into_iter().map(|error| error.message).collect()
}

/// A generation error at the declaration it is about, when the compilation knows where that
/// is: the message then drops its leading file name (`inline.capnp:Point.x: …` → `Point.x: …`),
/// which the location gives.
fn located(compiled: &Compiled, error: GenerateError) -> ExpansionError {
    let location = match error.at {
        At::Node(id) => compiled.locations.node(id),
        At::Member(id, index) => compiled.locations.member(id, index),
        At::Nowhere => None,
    };
    match location {
        Some(location) => {
            let prefix = format!("{}:", location.file);
            let message = error.message.strip_prefix(&prefix).unwrap_or(&error.message);
            ExpansionError::Schema { diagnostic: FileDiagnostic::at(&location, message), span: None }
        }
        None => ExpansionError::other(error.message),
    }
}

/// The compiler's errors, as errors of an expansion.
fn schema_errors(errors: CompileErrors) -> Vec<ExpansionError> {
    errors.0.into_iter().map(|diagnostic| ExpansionError::Schema { diagnostic, span: None }).collect()
}

/// The name of a schema given as text or tokens, in its errors and its nodes' display names.
const INLINE_NAME: &str = "inline.capnp";

/// Compiles the schema file `path` (relative to `base`, the crate root for the macro) with its
/// imports and generates its types.
pub fn expand_file(base: &Path, path: &str) -> Expansion {
    Expander::new(base).file(path)
}

/// Compiles a schema given as text (named `inline.capnp`; relative imports are looked up in
/// `base`) and generates its types.
pub fn expand_inline(base: &Path, text: &str) -> Expansion {
    Expander::new(base).text(text)
}

/// Compiles a schema written as Rust tokens (the token form of `capnp_schema!`; see
/// [`Expander::tokens`]) and generates its types.
pub fn expand_tokens(base: &Path, tokens: TokenStream) -> Expansion {
    Expander::new(base).tokens(tokens)
}

/// Expands the schemas of one crate: relative paths start at its root, and `/…` imports are
/// looked up in its import directories, then among the standard imports.
#[derive(Clone, Debug)]
pub struct Expander {
    base: PathBuf,
    loader: FsLoader,
    /// The import directories, as absolute paths.
    include: Vec<PathBuf>,
    /// Imported files whose types are generated elsewhere: the file as the user names it, the
    /// module holding its types, and where the mapping was written (for errors).
    external: Vec<(String, TokenStream, Span)>,
    /// The path generated code names the facade crate by (`crate = …`); `::capnzero` if none.
    crate_path: Option<TokenStream>,
    /// Whether the reflection items are generated (`reflection = off` turns them off).
    reflection: bool,
}

impl Expander {
    /// An expander for the crate whose root is `base` (absolute), with no import directory.
    pub fn new(base: impl Into<PathBuf>) -> Expander {
        let base = base.into();
        Expander {
            loader: FsLoader::with_current_dir(&base),
            base,
            include: Vec::new(),
            external: Vec::new(),
            crate_path: None,
            reflection: true,
        }
    }

    /// Names the facade crate `path` in generated code (`::my_crate::capnzero`, for a crate
    /// that re-exports capnzero), instead of `::capnzero`.
    pub fn crate_path(&mut self, path: TokenStream) {
        self.crate_path = Some(path);
    }

    /// Turns the reflection items off (`reflection = off`) or on (the default): the embedded
    /// schema, `schema()`, `dynamic()` and `Reflect`. `Display` and `Debug` do not need them.
    pub fn reflection(&mut self, on: bool) {
        self.reflection = on;
    }

    /// Takes the types of the imported file `file` (its path relative to the crate root, or a
    /// `/…` import path) from the module `module` (a Rust path such as `crate::units`, where
    /// another `capnp_schema!` generated them) instead of generating them again, so that two
    /// invocations share them. `span` is where an error about the mapping is reported.
    pub fn import_from(&mut self, file: &str, module: TokenStream, span: Span) {
        self.external.push((file.to_string(), module, span));
    }

    /// Adds a directory (relative to the crate root) searched for `/…` imports, after those
    /// added before: `capnp -I`. An error when it is not a directory.
    pub fn include(&mut self, dir: impl AsRef<Path>) -> Result<(), LoadError> {
        self.loader.add_import_path(dir.as_ref())?;
        self.include.push(normalize(&self.base.join(dir)));
        Ok(())
    }

    /// Compiles the schema file `path` (relative to the crate root) with its imports and
    /// generates its types.
    pub fn file(&self, path: &str) -> Expansion {
        let (source, mut loader) = match self.source_file(path) {
            Ok(found) => found,
            Err(message) => return Expansion::failed(vec![ExpansionError::other(message)], Vec::new()),
        };
        self.expand(&[source], &mut loader)
    }

    /// Compiles the schema file `path` (relative to the crate root), without generating code:
    /// the compiled schema, the file's ID and the files read from disk (the build's inputs).
    pub fn compile_file(&self, path: &str) -> Result<(Compiled, u64, Vec<PathBuf>), Vec<ExpansionError>> {
        let (source, mut loader) = self.source_file(path).map_err(|message| vec![ExpansionError::other(message)])?;
        let compiled = compile(&[source], &mut loader).map_err(schema_errors)?;
        let file = compiled
            .requested
            .first()
            .map(|f| f.id)
            .ok_or_else(|| vec![ExpansionError::other("capnzero: nothing was compiled")])?;
        Ok((compiled, file, loader.read))
    }

    /// The schema file `path` and a loader for its imports that has it as read.
    fn source_file(&self, path: &str) -> Result<(SourceFile, Tracking), String> {
        let mut loader = self.tracking();
        let source = match loader.inner.source(path) {
            Ok(source) => source,
            Err(LoadError::NoSuchFile(..)) => {
                return Err(format!(
                    "{path}: no such file (a schema path is relative to the crate root, where Cargo.toml is)"
                ))
            }
            Err(e) => return Err(e.to_string()),
        };
        let on_disk = normalize(&self.base.join(path));
        loader.on_disk.insert(source.name.clone(), on_disk.clone());
        loader.read.push(on_disk);
        Ok((source, loader))
    }

    /// Compiles a schema given as text, named `inline.capnp` (its relative imports are looked
    /// up in the crate root), and generates its types.
    pub fn text(&self, text: &str) -> Expansion {
        let source = SourceFile { name: INLINE_NAME.to_string(), text: text.to_string() };
        self.expand(&[source], &mut self.tracking())
    }

    /// Compiles a schema written as Rust tokens and generates its types. The tokens are laid out
    /// as text at their lines and columns in the Rust source (so `#` comments end where their
    /// line does and doc comments stay doc comments), compiled as [`Expander::text`] does, and
    /// each compiler error that has a position gets the span of the token there.
    pub fn tokens(&self, tokens: TokenStream) -> Expansion {
        let schema = match tokens::TokenSchema::new(tokens) {
            Ok(schema) => schema,
            Err(errors) => {
                let errors = errors
                    .into_iter()
                    .map(|(span, message)| ExpansionError::Other { message, span: Some(span) })
                    .collect();
                return Expansion::failed(errors, Vec::new());
            }
        };
        let mut expansion = self.text(&schema.text);
        for error in &mut expansion.errors {
            if let ExpansionError::Schema { diagnostic, span } = error {
                if diagnostic.file == INLINE_NAME {
                    *span = schema.span_at(diagnostic.span.start as usize);
                }
            }
        }
        expansion
    }

    fn tracking(&self) -> Tracking {
        Tracking {
            inner: self.loader.clone(),
            base: self.base.clone(),
            include: self.include.clone(),
            on_disk: HashMap::new(),
            read: Vec::new(),
        }
    }
}

impl Expander {
    fn expand(&self, source: &[SourceFile], loader: &mut Tracking) -> Expansion {
        let result = compile(source, loader);
        let files_read = std::mem::take(&mut loader.read);
        let compiled = match result {
            Ok(compiled) => compiled,
            Err(errors) => return Expansion::failed(schema_errors(errors), files_read),
        };
        let Some(file) = compiled.requested.first() else {
            return Expansion::failed(vec![ExpansionError::other("capnzero: nothing was compiled")], files_read);
        };
        let (external, unmatched) = self.external_files(&compiled, file.id, loader);
        if !unmatched.is_empty() {
            let errors = unmatched
                .into_iter()
                .map(|(message, span)| ExpansionError::Other { message, span: Some(span) })
                .collect();
            return Expansion::failed(errors, files_read);
        }
        let generated = crate::runtime_path::with_options(self.crate_path.as_ref(), self.reflection, || {
            generate_with(&compiled, file.id, &external)
        });
        match generated {
            Ok(tokens) => Expansion { tokens, errors: Vec::new(), files_read },
            Err(errors) => Expansion::failed(errors, files_read),
        }
    }

    /// The imported files whose types come from elsewhere, by file ID; and an error for each
    /// mapping that names no file the schema imports. A mapping names a file by its path from
    /// the crate root (compared on disk) or by its name in the schema (`/capnp/c++.capnp`).
    fn external_files(
        &self,
        compiled: &Compiled,
        requested: u64,
        loader: &Tracking,
    ) -> (HashMap<u64, TokenStream>, Vec<(String, Span)>) {
        let imported: Vec<&crate::model::Node> = compiled
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, crate::model::NodeKind::File) && n.id != requested)
            .collect();
        let mut found = HashMap::new();
        let mut unmatched = Vec::new();
        for (name, module, span) in &self.external {
            let on_disk = normalize(&self.base.join(name));
            let file = imported.iter().find(|file| {
                loader.on_disk.get(&file.display_name) == Some(&on_disk)
                    || file.display_name == name.trim_start_matches('/')
            });
            match file {
                Some(file) => {
                    found.insert(file.id, module.clone());
                }
                None => {
                    let mut names: Vec<&str> = imported.iter().map(|f| f.display_name.as_str()).collect();
                    names.sort_unstable();
                    let known = if names.is_empty() {
                        "it imports no file".to_string()
                    } else {
                        format!("it imports {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "))
                    };
                    unmatched.push((format!("`{name}` is not a file the schema imports ({known})"), *span));
                }
            }
        }
        (found, unmatched)
    }
}

/// A file loader that remembers which files on disk it read (imported or embedded), so that
/// editing one rebuilds the crate. The standard imports are compiled into this crate and are not
/// files the build depends on. The relative imports of a schema given as text are looked up in
/// the crate root.
struct Tracking {
    inner: FsLoader,
    base: PathBuf,
    include: Vec<PathBuf>,
    /// Where each file read from disk is, by its name.
    on_disk: HashMap<String, PathBuf>,
    read: Vec<PathBuf>,
}

impl Tracking {
    /// The file on disk that `importer` names `path`, found as the loader finds it: a `/…` path
    /// in the first import directory that has it (else it is a standard import), a relative
    /// one next to the importer.
    fn disk_path(&self, importer: &str, path: &str) -> Option<PathBuf> {
        if let Some(absolute) = path.strip_prefix('/') {
            return self.include.iter().map(|dir| normalize(&dir.join(absolute))).find(|p| p.is_file());
        }
        let dir =
            if importer == INLINE_NAME { self.base.clone() } else { self.on_disk.get(importer)?.parent()?.into() };
        Some(normalize(&dir.join(path))).filter(|p| p.is_file())
    }

    fn track(&mut self, path: PathBuf) {
        if !self.read.contains(&path) {
            self.read.push(path);
        }
    }
}

impl FileLoader for Tracking {
    fn import(&mut self, importer: &str, path: &str) -> Option<SourceFile> {
        let file = if importer == INLINE_NAME && !path.starts_with('/') {
            self.inner.source(path).ok()?
        } else {
            self.inner.import(importer, path)?
        };
        if let Some(on_disk) = self.disk_path(importer, path) {
            self.on_disk.insert(file.name.clone(), on_disk.clone());
            self.track(on_disk);
        }
        Some(file)
    }

    fn embed(&mut self, importer: &str, path: &str) -> Option<Vec<u8>> {
        let on_disk = self.disk_path(importer, path);
        let bytes = match &on_disk {
            Some(file) if importer == INLINE_NAME => std::fs::read(file).ok()?,
            _ => self.inner.embed(importer, path)?,
        };
        if let Some(on_disk) = on_disk {
            self.track(on_disk);
        }
        Some(bytes)
    }

    fn first_name(&self, name: &str) -> Option<String> {
        self.inner.first_name(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::MemoryLoader;

    fn errors_of(text: &str) -> Vec<String> {
        let source = SourceFile { name: "t.capnp".to_string(), text: text.to_string() };
        let mut loader = MemoryLoader::default();
        for (name, text) in crate::load::STANDARD_IMPORTS {
            loader.files.insert(name.to_string(), text.to_string());
        }
        let compiled = compile(&[source], &mut loader).expect("the schema compiles");
        generate(&compiled, compiled.requested[0].id).expect_err("generation must refuse")
    }

    #[test]
    fn unsupported_constructs_are_errors_naming_the_item() {
        let errors = errors_of(
            "@0xe1b2c3d4e5f60718;\n\
             using Py = import \"/capnpy/annotate.capnp\";\n\
             struct G(T) $Py.key(\"n\") { t @0 :T; n @1 :Int32; }\n",
        );
        assert_eq!(errors, vec!["t.capnp:G: capnzero does not generate keys on generic structs yet".to_string()]);
    }

    fn rendered(errors: &[ExpansionError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    fn generated(text: &str) -> String {
        let source = SourceFile { name: "t.capnp".to_string(), text: text.to_string() };
        let compiled = compile(&[source], &mut MemoryLoader::default()).expect("the schema compiles");
        generate(&compiled, compiled.requested[0].id).expect("generation succeeds").to_string()
    }

    #[test]
    fn a_parameter_named_like_one_of_an_enclosing_scope_takes_a_suffix() {
        // H's own `T` shadows G's in the schema; H uses both (G's through `K`), so H's is `T_`.
        let out = generated(
            "@0xe1b2c3d4e5f60718;\nstruct G(T) { struct K { k @0 :T; } struct H(T) { h @0 :T; k @1 :K; } }\n",
        );
        let any = ":: capnzero :: __private :: Pointee = :: capnzero :: __private :: kind :: AnyPointer";
        assert!(out.contains(&format!("pub struct H < T : {any} , T_ : {any} >")), "{out}");
        assert!(out.contains("pub fn to_owned (self) -> H < T , T_ >"), "{out}");
        assert!(out.contains("pub fn h (self) -> :: core :: option :: Option < < T_ as"), "{out}");
        assert!(
            out.contains("pub fn k (self) -> :: core :: option :: Option < super :: g :: KReader < 'a , T > >"),
            "{out}"
        );
    }

    #[test]
    fn colliding_accessors_take_a_suffix_in_ordinal_order() {
        // `foo` (@0) derives `has_foo`, so the later `hasFoo` is `has_foo_`.
        let out = generated("@0xe1b2c3d4e5f60718;\nstruct A { foo @0 :Text; hasFoo @1 :Bool; }\n");
        assert!(out.contains("pub fn has_foo (self)") && out.contains("pub fn has_foo_ (self) -> bool"), "{out}");
        assert!(out.contains("pub fn set_has_foo_ (& mut self , value : bool)"), "{out}");
        // The lower ordinal wins whichever comes first in the text.
        let out = generated("@0xe1b2c3d4e5f60718;\nstruct A { hasFoo @0 :Bool; foo @1 :Text; }\n");
        assert!(out.contains("pub fn has_foo (self) -> bool") && out.contains("pub fn has_foo_ (self)"), "{out}");
        assert!(out.contains("pub fn foo_ (self)"), "{out}");
        // A scalar `foo` has no `has_foo`: nothing collides.
        let out = generated("@0xe1b2c3d4e5f60718;\nstruct A { foo @0 :Int32; hasFoo @1 :Bool; }\n");
        assert!(out.contains("pub fn has_foo (self) -> bool") && !out.contains("has_foo_"), "{out}");
    }

    #[test]
    fn generated_methods_keep_their_names() {
        let out = generated(
            "@0xe1b2c3d4e5f60718;\nstruct A { which @0 :Int32; toOwned @1 :Int32; untyped @2 :Int32; \
             reborrow @3 :Text; clearFields @4 :Int32; }\n",
        );
        for renamed in [
            "pub fn which_ (self)",
            "pub fn to_owned_ (self)",
            "pub fn untyped_ (self)",
            "pub fn set_clear_fields (& mut self",
        ] {
            assert!(out.contains(renamed), "{renamed} in {out}");
        }
        // The reader's `reborrow` is free; the builder's is the builder's own.
        assert!(out.contains("pub fn reborrow (self)") && out.contains("pub fn has_reborrow (self)"), "{out}");
        assert!(out.contains("pub fn untyped (self) -> :: capnzero"), "{out}");
    }

    #[test]
    fn variants_never_take_the_catch_all_or_self() {
        let out = generated(
            "@0xe1b2c3d4e5f60718;\nenum E { unknown @0; self @1; type @2; }\n\
             struct S { union { unknown @0 :Void; self @1 :Int32; } }\n",
        );
        assert!(
            out.contains("E :: Unknown_ => 0 , E :: Self_ => 1 , E :: Type => 2 , E :: Unknown (other) => other"),
            "{out}"
        );
        assert!(
            out.contains("Which :: Unknown_")
                && out.contains("Which :: Self_ (")
                && out.contains("Which :: Unknown (other)"),
            "{out}"
        );
        assert!(out.contains("pub fn self_ (self)") && out.contains("pub fn is_unknown (self)"), "{out}");
    }

    #[test]
    fn method_variants_never_take_self() {
        let out = generated("@0xe1b2c3d4e5f60718;\ninterface I { self @0 () -> (); run @1 () -> (); }\n");
        assert!(out.contains("Method :: Self_") && out.contains("Method :: Run"), "{out}");
    }

    #[test]
    fn colliding_types_take_a_suffix_in_declaration_order() {
        let out = generated(
            "@0xe1b2c3d4e5f60718;\nstruct FooReader { a @0 :Int32; }\nstruct Foo { b @0 :Int32; union { c @1 :Void; d @2 :Void; } \
             struct Which { e @0 :Int32; } g :group { h @3 :Int32; } struct G { i @0 :Int32; } }\n",
        );
        // `FooReader` came first: `Foo` is `Foo_` (`Foo_Reader`, module `foo_`).
        assert!(out.contains("pub struct FooReader {") && out.contains("pub struct Foo_ {"), "{out}");
        assert!(out.contains("pub struct Foo_Reader < 'a >") && out.contains("pub mod foo_ {"), "{out}");
        assert!(out.contains("# [allow (non_camel_case_types)] pub struct Foo_Reader"), "{out}");
        // The union's `Which` is generated; the nested struct is `Which_`; the nested `G` keeps
        // its name, the group `g` is `G_`.
        assert!(
            out.contains("pub struct Which_ {") && out.contains("pub struct G {") && out.contains("pub struct G_ {"),
            "{out}"
        );
    }

    #[test]
    fn compile_errors_are_rendered_with_positions() {
        let expansion = expand_inline(Path::new("/nonexistent"), "@0xe1b2c3d4e5f60718;\nstruct A { x @0 :Nope; }\n");
        assert_eq!(rendered(&expansion.errors), vec!["inline.capnp:2:18-22: error: Not defined: Nope".to_string()]);
        assert!(expansion.tokens.is_empty());
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let expansion = expand_file(Path::new("/nonexistent"), "x.capnp");
        assert_eq!(
            rendered(&expansion.errors),
            vec!["x.capnp: no such file (a schema path is relative to the crate root, where Cargo.toml is)".to_string()]
        );
        assert!(expansion.errors.iter().all(|e| e.span().is_none()));
    }

    /// A crate root with `schemas/main.capnp` (importing `/lib/l.capnp` from an import
    /// directory and `side.capnp` next to it, and embedding `blob.bin`), `inc/lib/l.capnp`
    /// (importing `other.capnp` next to it) and `inc/lib/other.capnp`.
    fn crate_root(tag: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("capnzero-codegen-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("schemas")).unwrap();
        std::fs::create_dir_all(root.join("inc/lib")).unwrap();
        let write = |path: &str, text: &str| std::fs::write(root.join(path), text).unwrap();
        write(
            "schemas/main.capnp",
            "@0xd1e8a5bcd8a1b1b1;\nusing L = import \"/lib/l.capnp\";\nusing S = import \"side.capnp\";\n\
             const blob :Data = embed \"blob.bin\";\nstruct A { l @0 :UInt8; }\n",
        );
        write("schemas/side.capnp", "@0xd1e8a5bcd8a1b1b2;\nstruct C { a @0 :UInt8; }\n");
        write("schemas/blob.bin", "bytes");
        write(
            "inc/lib/l.capnp",
            "@0xd1e8a5bcd8a1b1b3;\nusing O = import \"other.capnp\";\nstruct B { a @0 :UInt8; }\n",
        );
        write("inc/lib/other.capnp", "@0xd1e8a5bcd8a1b1b4;\nstruct D { a @0 :UInt8; }\n");
        root
    }

    #[test]
    fn import_directories_are_searched_and_every_file_read_is_tracked() {
        let root = crate_root("include");
        let without = expand_file(&root, "schemas/main.capnp");
        assert_eq!(
            rendered(&without.errors),
            vec!["schemas/main.capnp:2:18-32: error: Import failed: /lib/l.capnp".to_string()]
        );

        let mut expander = Expander::new(&root);
        expander.include("inc").unwrap();
        let expansion = expander.file("schemas/main.capnp");
        assert_eq!(rendered(&expansion.errors), Vec::<String>::new());
        assert!(expansion.tokens.to_string().contains("pub struct A"));
        let mut read = expansion.files_read.clone();
        read.sort();
        let expected: Vec<PathBuf> =
            ["inc/lib/l.capnp", "inc/lib/other.capnp", "schemas/blob.bin", "schemas/main.capnp", "schemas/side.capnp"]
                .iter()
                .map(|p| root.join(p))
                .collect();
        assert_eq!(read, expected);

        assert_eq!(expander.include("nodir").unwrap_err().to_string(), "nodir: no such directory");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn relative_imports_of_an_inline_schema_start_at_the_crate_root() {
        let root = crate_root("inline");
        let text = "@0xd1e8a5bcd8a1b1b5;\nusing S = import \"schemas/side.capnp\";\n\
                    const blob :Data = embed \"schemas/blob.bin\";\nstruct E { c @0 :UInt8; }\n";
        let expansion = expand_inline(&root, text);
        assert_eq!(rendered(&expansion.errors), Vec::<String>::new());
        assert_eq!(expansion.files_read, vec![root.join("schemas/side.capnp"), root.join("schemas/blob.bin")]);
        let missing = expand_inline(&root, "@0xd1e8a5bcd8a1b1b5;\nusing S = import \"nope.capnp\";\n");
        assert_eq!(
            rendered(&missing.errors),
            vec!["inline.capnp:2:18-30: error: Import failed: nope.capnp".to_string()]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn errors_of_a_token_schema_are_at_their_tokens() {
        let source = "@0xe1b2c3d4e5f60718;\nstruct A {\n  x @0 :Nope;\n  y @0 :Int8;\n}";
        let expansion = expand_tokens(Path::new("/nonexistent"), source.parse().unwrap());
        let located: Vec<(String, Option<String>)> =
            expansion.errors.iter().map(|e| (e.message(), e.span().and_then(|s| s.source_text()))).collect();
        assert_eq!(
            located,
            vec![
                ("Not defined: Nope".to_string(), Some("Nope".to_string())),
                ("Duplicate ordinal number.".to_string(), Some("0".to_string())),
                ("Ordinal @0 originally used here.".to_string(), Some("0".to_string())),
            ]
        );
        let starts: Vec<(usize, usize)> =
            expansion.errors.iter().map(|e| e.span().unwrap().start()).map(|at| (at.line, at.column)).collect();
        assert_eq!(starts, [(3, 8), (4, 5), (3, 5)]);
    }

    #[test]
    fn generation_errors_are_at_their_declarations() {
        let source = "@0xe1b2c3d4e5f60718;\nusing Py = import \"/capnpy/annotate.capnp\";\n\
                      struct G(T) $Py.key(\"n\") { t @0 :T; n @1 :Int32; }\n\
                      struct P { n @0 :Int32; v @1 :Void $Py.group(\"n, m\"); }";
        // Given as tokens: at the tokens of the struct's and the field's names.
        let expansion = expand_tokens(Path::new("/nonexistent"), source.parse().unwrap());
        let located: Vec<(String, Option<String>)> =
            expansion.errors.iter().map(|e| (e.message(), e.span().and_then(|s| s.source_text()))).collect();
        assert_eq!(
            located,
            [
                ("G: capnzero does not generate keys on generic structs yet".to_string(), Some("G".to_string())),
                (
                    "P.v: the virtual group names `m`, which is not another field of this struct".to_string(),
                    Some("v".to_string())
                ),
            ]
        );
        // In a file: at their lines and columns, with no span.
        let root = std::env::temp_dir().join(format!("capnzero-codegen-located-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("g.capnp"), source).unwrap();
        let expansion = expand_file(&root, "g.capnp");
        assert_eq!(
            expansion.errors.iter().map(ExpansionError::message).collect::<Vec<_>>(),
            [
                "g.capnp:3:8-9: G: capnzero does not generate keys on generic structs yet",
                "g.capnp:4:25-26: P.v: the virtual group names `m`, which is not another field of this struct",
            ]
        );
        assert!(expansion.errors.iter().all(|e| e.span().is_none()));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn comments_of_a_token_schema_become_rustdoc() {
        let source =
            "@0xe1b2c3d4e5f60718;\nstruct Point {  # A point.\n  # On the plane.\n  x @0 :Int64;  # Across.\n}";
        let expansion = expand_tokens(Path::new("/nonexistent"), source.parse().unwrap());
        assert_eq!(rendered(&expansion.errors), Vec::<String>::new());
        let generated = expansion.tokens.to_string();
        assert!(generated.contains("# [doc = \" A point.\"] # [doc = \" On the plane.\"]"), "{generated}");
        assert!(generated.contains("pub struct Point { # [doc = \" Across.\"] pub x : i64"), "{generated}");
    }

    #[test]
    fn a_crate_path_is_the_only_path_to_the_runtime() {
        let schema = "@0xc2d4e6f8a0b1c3dc;\nstruct S { a @0 :Text; e @1 :E; }\nenum E { x @0; }\nconst c :S = ();\n";
        let mut expander = Expander::new("/nonexistent");
        expander.crate_path("::renamed".parse().unwrap());
        let expansion = expander.text(schema);
        assert_eq!(rendered(&expansion.errors), Vec::<String>::new());
        let text = expansion.tokens.to_string();
        assert!(text.contains(":: renamed :: __private"), "{text}");
        assert!(!text.contains("capnzero"), "{text}");
        // The next expansion, without a crate path, is back to `::capnzero`.
        let plain = Expander::new("/nonexistent").text(schema).tokens.to_string();
        assert!(plain.contains(":: capnzero :: __private") && !plain.contains("renamed"));
    }

    #[test]
    fn reflection_off_leaves_out_every_reflection_item_and_only_those() {
        let schema =
            "@0xc2d4e6f8a0b1c3dd;\nstruct S { a @0 :Text; e @1 :E; g :group { b @2 :Bool; } }\nenum E { x @0; }\n";
        let on = Expander::new("/nonexistent").text(schema).tokens.to_string();
        let mut expander = Expander::new("/nonexistent");
        expander.reflection(false);
        let expansion = expander.text(schema);
        assert_eq!(rendered(&expansion.errors), Vec::<String>::new());
        let off = expansion.tokens.to_string();
        for reflection in ["SchemaCell", "Reflect ", "fn schema", "fn dynamic", "if_reflection", "__CAPNZERO_SCHEMA"] {
            assert!(on.contains(reflection), "{reflection}");
            assert!(!off.contains(reflection), "{reflection}: {off}");
        }
        for text in ["DescribeStruct", "fmt_struct", "fmt_written", "fmt_enum", "FIELD_NAMES", "ENUMERANT_NAMES"] {
            assert!(off.contains(text), "{text}");
        }
        // The next expansion is back to reflection on.
        assert_eq!(Expander::new("/nonexistent").text(schema).tokens.to_string(), on);
    }
}
