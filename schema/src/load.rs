//! Schema files on disk: the requested files, the import path (`-I`) and the standard imports
//! shipped inside this crate, named the way the official `capnp` tool names them.
//!
//! A file is identified by its *name*: its path below the directory it was found in. A file
//! given on the command line is named relative to the `--src-prefix` directory it lies in,
//! else relative to the current directory, else by its absolute path without the leading `/`.
//! A `/x/y.capnp` import is looked up in each import directory in order, then among the standard
//! imports, and named `x/y.capnp`; a relative import is looked up in the importer's directory and
//! named by joining the paths. These are the names node display names are made of.
//!
//! The standard imports are the files of `schema/std/` (`/capnp/schema.capnp`, `/capnp/c++.capnp`,
//! …, `/capnpy/annotate.capnp`, `/capnzero/annotate.capnp`), compiled into the crate, so nothing
//! has to be installed. They stand where the official tool looks in `/usr/include`.

use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::compile::{compile_with, CompileErrors, Compiled, Eagerness, FileLoader, SourceFile};

/// The standard import files: their import path (without the leading `/`) and their text.
pub const STANDARD_IMPORTS: &[(&str, &str)] = &[
    ("capnp/c++.capnp", include_str!("../std/capnp/c++.capnp")),
    ("capnp/schema.capnp", include_str!("../std/capnp/schema.capnp")),
    ("capnp/stream.capnp", include_str!("../std/capnp/stream.capnp")),
    ("capnp/persistent.capnp", include_str!("../std/capnp/persistent.capnp")),
    ("capnp/rpc.capnp", include_str!("../std/capnp/rpc.capnp")),
    ("capnp/rpc-twoparty.capnp", include_str!("../std/capnp/rpc-twoparty.capnp")),
    ("capnp/compat/json.capnp", include_str!("../std/capnp/compat/json.capnp")),
    ("capnp/rust.capnp", include_str!("../std/capnp/rust.capnp")),
    ("capnpy/annotate.capnp", include_str!("../std/capnpy/annotate.capnp")),
    ("capnzero/annotate.capnp", include_str!("../std/capnzero/annotate.capnp")),
];

/// Where a loaded file came from: the directory its name is relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Root {
    /// A directory on disk.
    Dir(PathBuf),
    /// The standard imports compiled into the crate.
    Standard,
}

/// A [`FileLoader`] over the file system, with import directories and the standard imports.
#[derive(Clone, Debug)]
pub struct FsLoader {
    current_dir: PathBuf,
    import_path: Vec<PathBuf>,
    source_prefixes: Vec<PathBuf>,
    standard_imports: bool,
    roots: HashMap<String, Root>,
    /// The files read from disk, by their canonical path: the name each was first read by.
    real_paths: HashMap<PathBuf, String>,
    /// Names files were read by after they had been read by another: that first name.
    second_names: HashMap<String, String>,
}

/// Why a file given to [`FsLoader::source`] or a directory given to the loader was refused.
#[derive(Debug)]
pub enum LoadError {
    /// The directory does not exist.
    NoSuchDirectory(PathBuf),
    /// The file does not exist or cannot be read.
    NoSuchFile(PathBuf, io::Error),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NoSuchDirectory(path) => write!(f, "{}: no such directory", path.display()),
            LoadError::NoSuchFile(path, _) => write!(f, "{}: no such file", path.display()),
        }
    }
}

impl std::error::Error for LoadError {}

impl FsLoader {
    /// A loader resolving relative paths against the process's current directory, with the
    /// standard imports on and no import directory.
    pub fn new() -> io::Result<FsLoader> {
        Ok(FsLoader::with_current_dir(std::env::current_dir()?))
    }

    /// A loader resolving relative paths against `current_dir`.
    pub fn with_current_dir(current_dir: impl Into<PathBuf>) -> FsLoader {
        FsLoader {
            current_dir: current_dir.into(),
            import_path: Vec::new(),
            source_prefixes: Vec::new(),
            standard_imports: true,
            roots: HashMap::new(),
            real_paths: HashMap::new(),
            second_names: HashMap::new(),
        }
    }

    /// Adds a directory searched for `/…` imports (`-I`), after those added before.
    pub fn add_import_path(&mut self, dir: impl AsRef<Path>) -> Result<(), LoadError> {
        let dir = self.existing_dir(dir.as_ref())?;
        self.import_path.push(dir);
        Ok(())
    }

    /// Adds a directory whose files are named relative to it (`--src-prefix`).
    pub fn add_source_prefix(&mut self, dir: impl AsRef<Path>) -> Result<(), LoadError> {
        let dir = self.existing_dir(dir.as_ref())?;
        self.source_prefixes.push(dir);
        Ok(())
    }

    /// Turns the standard imports off (`--no-standard-import`): `/…` imports are then looked up
    /// in the import directories only.
    pub fn no_standard_imports(&mut self) {
        self.standard_imports = false;
    }

    /// Reads a file to compile, given as on the command line, and names it.
    pub fn source(&mut self, path: impl AsRef<Path>) -> Result<SourceFile, LoadError> {
        let absolute = normalize(&self.current_dir.join(path.as_ref()));
        let (root, name) = self.name_of(&absolute);
        let text =
            std::fs::read_to_string(&absolute).map_err(|e| LoadError::NoSuchFile(path.as_ref().to_path_buf(), e))?;
        self.record(&absolute, &name);
        self.roots.insert(name.clone(), Root::Dir(root));
        Ok(SourceFile { name, text })
    }

    /// Compiles the files `paths`, given as on the command line, with their imports.
    pub fn compile(&mut self, paths: &[impl AsRef<Path>]) -> Result<Compiled, CompileFilesError> {
        self.compile_with(paths, Eagerness::Everything)
    }

    /// [`FsLoader::compile`], checking as much as `eagerness` says (`capnp decode` and the
    /// other message commands check only the files' own nodes).
    pub fn compile_with(
        &mut self,
        paths: &[impl AsRef<Path>],
        eagerness: Eagerness,
    ) -> Result<Compiled, CompileFilesError> {
        let mut sources = Vec::new();
        for path in paths {
            sources.push(self.source(path).map_err(CompileFilesError::Load)?);
        }
        compile_with(&sources, self, eagerness).map_err(CompileFilesError::Compile)
    }

    fn existing_dir(&self, dir: &Path) -> Result<PathBuf, LoadError> {
        let absolute = normalize(&self.current_dir.join(dir));
        if absolute.is_dir() {
            Ok(absolute)
        } else {
            Err(LoadError::NoSuchDirectory(dir.to_path_buf()))
        }
    }

    /// The directory a requested file's name is relative to, and its name: below the longest
    /// source prefix, else below the current directory, else below `/`.
    fn name_of(&self, absolute: &Path) -> (PathBuf, String) {
        let mut best: Option<&PathBuf> = None;
        for prefix in &self.source_prefixes {
            if absolute.starts_with(prefix) && absolute != prefix && best.is_none_or(|b| prefix.starts_with(b)) {
                best = Some(prefix);
            }
        }
        let root = match best {
            Some(prefix) => prefix.clone(),
            None if absolute.starts_with(&self.current_dir) => self.current_dir.clone(),
            None => absolute.ancestors().last().map(Path::to_path_buf).unwrap_or_default(),
        };
        let name = absolute.strip_prefix(&root).map(path_name).unwrap_or_else(|_| path_name(absolute));
        (root, name)
    }

    fn load(&mut self, root: Root, name: String) -> Option<SourceFile> {
        let text = match &root {
            Root::Dir(dir) => {
                let path = dir.join(&name);
                let text = std::fs::read_to_string(&path).ok()?;
                // The same file on disk met under another name (through another import
                // directory, or relatively from another place) is that file, as the official
                // tool takes it; `first_name` tells the compiler so.
                if let Some(first) = self.record(&path, &name) {
                    self.second_names.insert(name.clone(), first);
                    return Some(SourceFile { name, text });
                }
                text
            }
            Root::Standard => STANDARD_IMPORTS.iter().find(|(path, _)| *path == name)?.1.to_string(),
        };
        self.roots.insert(name.clone(), root);
        Some(SourceFile { name, text })
    }

    /// The name the file at `path` was first loaded by, if that is not `name`; records `name`
    /// for it otherwise.
    fn record(&mut self, path: &Path, name: &str) -> Option<String> {
        let real = std::fs::canonicalize(path).ok()?;
        match self.real_paths.get(&real) {
            Some(first) if first != name => Some(first.clone()),
            Some(_) => None,
            None => {
                self.real_paths.insert(real, name.to_string());
                None
            }
        }
    }

    /// Where the file that `importer` names `path` is: its root and its name.
    fn locate(&self, importer: &str, path: &str) -> Vec<(Root, String)> {
        if let Some(absolute) = path.strip_prefix('/') {
            let Some(name) = join("", absolute) else { return Vec::new() };
            let mut candidates: Vec<(Root, String)> =
                self.import_path.iter().map(|dir| (Root::Dir(dir.clone()), name.clone())).collect();
            if self.standard_imports {
                candidates.push((Root::Standard, name));
            }
            return candidates;
        }
        match (self.roots.get(importer), join(importer, path)) {
            (Some(root), Some(name)) => vec![(root.clone(), name)],
            _ => Vec::new(),
        }
    }

    fn exists(root: &Root, name: &str) -> bool {
        match root {
            Root::Dir(dir) => dir.join(name).is_file(),
            Root::Standard => STANDARD_IMPORTS.iter().any(|(path, _)| *path == name),
        }
    }
}

impl FileLoader for FsLoader {
    fn import(&mut self, importer: &str, path: &str) -> Option<SourceFile> {
        let (root, name) = self.locate(importer, path).into_iter().find(|(root, name)| Self::exists(root, name))?;
        self.load(root, name)
    }

    fn embed(&mut self, importer: &str, path: &str) -> Option<Vec<u8>> {
        self.locate(importer, path).into_iter().find_map(|(root, name)| match root {
            Root::Dir(dir) => std::fs::read(dir.join(name)).ok(),
            Root::Standard => {
                STANDARD_IMPORTS.iter().find(|(p, _)| *p == name).map(|(_, text)| text.as_bytes().to_vec())
            }
        })
    }

    fn first_name(&self, name: &str) -> Option<String> {
        self.second_names.get(name).cloned()
    }
}

/// Why [`FsLoader::compile`] failed.
#[derive(Debug)]
pub enum CompileFilesError {
    /// A requested file could not be read.
    Load(LoadError),
    /// The schema has errors.
    Compile(CompileErrors),
}

impl std::fmt::Display for CompileFilesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileFilesError::Load(e) => e.fmt(f),
            CompileFilesError::Compile(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CompileFilesError {}

/// Compiles the schema file at `path` (relative to the current directory) with its imports,
/// the standard imports included.
pub fn load(path: impl AsRef<Path>) -> Result<Compiled, CompileFilesError> {
    let mut loader = FsLoader::new().map_err(|e| CompileFilesError::Load(LoadError::NoSuchFile(PathBuf::new(), e)))?;
    loader.compile(&[path])
}

/// The name of `path` relative to the directory of the file named `importer`, with `.` and `..`
/// folded; `None` when `..` would leave the importer's root directory.
fn join(importer: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = importer.split('/').filter(|p| !p.is_empty()).collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// `path` with `.` and `..` folded lexically, as the official tool evaluates paths.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A relative path as a name, with `/` separators.
fn path_name(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::compile;

    fn temp_tree(tag: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("capnzero-load-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("src/sub")).unwrap();
        std::fs::create_dir_all(root.join("inc/lib")).unwrap();
        std::fs::write(
            root.join("src/sub/main.capnp"),
            "@0xd1e8a5bcd8a1b1a1;\nusing L = import \"/lib/l.capnp\";\nusing S = import \"../side.capnp\";\n\
             using C = import \"/capnp/c++.capnp\";\nstruct A { l @0 :L.B; s @1 :S.C; }\n",
        )
        .unwrap();
        std::fs::write(root.join("src/side.capnp"), "@0xd1e8a5bcd8a1b1a3;\nstruct C { a @0 :UInt8; }\n").unwrap();
        std::fs::write(root.join("inc/lib/l.capnp"), "@0xd1e8a5bcd8a1b1a2;\nstruct B { a @0 :UInt8; }\n").unwrap();
        root
    }

    fn file_names(compiled: &Compiled) -> Vec<String> {
        let mut names: Vec<String> =
            compiled.nodes.iter().filter(|n| n.scope_id == 0).map(|n| n.display_name.clone()).collect();
        names.sort();
        names
    }

    #[test]
    fn names_follow_the_official_tool() {
        let root = temp_tree("names");
        let mut loader = FsLoader::with_current_dir(&root);
        loader.add_import_path("inc").unwrap();
        let compiled = loader.compile(&["src/sub/main.capnp"]).unwrap();
        assert_eq!(compiled.requested[0].name, "src/sub/main.capnp");
        assert_eq!(file_names(&compiled), ["capnp/c++.capnp", "lib/l.capnp", "src/side.capnp", "src/sub/main.capnp"]);

        let mut loader = FsLoader::with_current_dir(&root);
        loader.add_import_path(root.join("inc")).unwrap();
        loader.add_source_prefix("src").unwrap();
        let compiled = loader.compile(&[root.join("src/sub/./main.capnp")]).unwrap();
        assert_eq!(compiled.requested[0].name, "sub/main.capnp");
        assert_eq!(file_names(&compiled), ["capnp/c++.capnp", "lib/l.capnp", "side.capnp", "sub/main.capnp"]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn outside_the_current_directory_names_are_absolute_paths() {
        let root = temp_tree("outside");
        let mut loader = FsLoader::with_current_dir(root.join("inc"));
        let file = loader.source(root.join("src/side.capnp")).unwrap();
        assert_eq!(file.name, path_name(&root.join("src/side.capnp")));
        assert!(!file.name.starts_with('/'));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn without_standard_imports_the_shipped_files_are_not_found() {
        let root = temp_tree("nostd");
        let mut loader = FsLoader::with_current_dir(&root);
        loader.add_import_path("inc").unwrap();
        loader.no_standard_imports();
        let Err(CompileFilesError::Compile(errors)) = loader.compile(&["src/sub/main.capnp"]) else {
            panic!("expected compile errors")
        };
        assert_eq!(errors.rendered(), ["src/sub/main.capnp:4:18-36: error: Import failed: /capnp/c++.capnp"]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn missing_files_and_directories_are_errors() {
        let root = temp_tree("missing");
        let mut loader = FsLoader::with_current_dir(&root);
        assert_eq!(loader.add_import_path("nodir").unwrap_err().to_string(), "nodir: no such directory");
        assert_eq!(loader.source("none.capnp").unwrap_err().to_string(), "none.capnp: no such file");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn every_standard_import_compiles() {
        let mut loader = FsLoader::with_current_dir(std::env::temp_dir());
        let mut text = String::from("@0xd1e8a5bcd8a1b1a4;\n");
        for (i, (name, _)) in STANDARD_IMPORTS.iter().enumerate() {
            text += &format!("using I{i} = import \"/{name}\";\n");
        }
        let compiled = compile(&[SourceFile { name: "all.capnp".into(), text }], &mut loader).unwrap();
        let mut files = file_names(&compiled);
        files.retain(|f| f != "all.capnp");
        let mut expected: Vec<&str> = STANDARD_IMPORTS.iter().map(|(name, _)| *name).collect();
        expected.sort();
        assert_eq!(files, expected);
        assert!(compiled.nodes.iter().any(|n| n.id == 0xa93fc509624c72d9 && n.display_name == "capnp/schema.capnp"));
    }

    /// One file reached under two names: `capnp/a.capnp` imports `"c++.capnp"` relatively and
    /// `capnp/b.capnp` imports `"/capnp/c++.capnp"`, with an import directory (`.`) that holds
    /// `capnp/c++.capnp`. As with the official tool, both are the same file (no "Duplicate ID"),
    /// and it is the import directory's copy, not the shipped standard one.
    #[test]
    fn one_file_under_two_names_is_one_file_and_the_import_directory_wins() {
        let root = std::env::temp_dir().join(format!("capnzero-load-two-names-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("capnp")).unwrap();
        let (_, standard) = STANDARD_IMPORTS.iter().find(|(name, _)| *name == "capnp/c++.capnp").unwrap();
        let copy = format!("{standard}\nannotation onlyInTheCopy(file) :Void;\n");
        std::fs::write(root.join("capnp/c++.capnp"), copy).unwrap();
        std::fs::write(
            root.join("capnp/a.capnp"),
            "@0xd1e8a5bcd8a1b1b1;\nusing Cxx = import \"c++.capnp\";\n$Cxx.namespace(\"a\");\nstruct A {}\n",
        )
        .unwrap();
        std::fs::write(
            root.join("capnp/b.capnp"),
            "@0xd1e8a5bcd8a1b1b2;\nusing Cxx = import \"/capnp/c++.capnp\";\n$Cxx.namespace(\"b\");\nstruct B {}\n",
        )
        .unwrap();
        for import_dir in [PathBuf::from("."), root.clone()] {
            let mut loader = FsLoader::with_current_dir(&root);
            loader.add_import_path(&import_dir).unwrap();
            let compiled = loader.compile(&["capnp/a.capnp", "capnp/b.capnp"]).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(file_names(&compiled), ["capnp/a.capnp", "capnp/b.capnp", "capnp/c++.capnp"]);
            assert!(compiled.nodes.iter().any(|n| n.display_name == "capnp/c++.capnp:onlyInTheCopy"));
        }
        // From inside `capnp/`, with the parent as the import directory: the relative import
        // names the file `c++.capnp`, the absolute one `capnp/c++.capnp`; the official tool
        // sees the same file on disk and keeps the name it met first.
        let mut loader = FsLoader::with_current_dir(root.join("capnp"));
        loader.add_import_path("..").unwrap();
        let compiled = loader.compile(&["a.capnp", "b.capnp"]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file_names(&compiled), ["a.capnp", "b.capnp", "c++.capnp"]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// A file reached under two names is named after the import the compiler resolves first,
    /// not the first one written: `X` (the `/lib/b.capnp` import, through the import directory)
    /// comes first in the file, but field `a`, compiled first, goes through `Y`
    /// (`inc/lib/b.capnp`, relatively), so capnp 0.9.2 names the file `inc/lib/b.capnp` and
    /// warns once. With the fields the other way round the file is `lib/b.capnp`.
    #[test]
    fn a_file_under_two_names_is_named_after_the_import_resolved_first() {
        let root = std::env::temp_dir().join(format!("capnzero-load-lazy-name-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("inc/lib")).unwrap();
        std::fs::write(root.join("inc/lib/b.capnp"), "@0xd0e4b7a6c3f2e1b1;\nstruct B { x @0 :Int32; }\n").unwrap();
        let main = |first: &str, second: &str| {
            format!(
                "@0xd0e4b7a6c3f2e1b4;\nusing X = import \"/lib/b.capnp\";\nusing Y = import \"inc/lib/b.capnp\";\n\
                 struct M {{ a @0 :{first}.B; b @1 :{second}.B; }}\n"
            )
        };
        for (first, second, name, other) in
            [("Y", "X", "inc/lib/b.capnp", "lib/b.capnp"), ("X", "Y", "lib/b.capnp", "inc/lib/b.capnp")]
        {
            std::fs::write(root.join("main.capnp"), main(first, second)).unwrap();
            let mut loader = FsLoader::with_current_dir(&root);
            loader.add_import_path("inc").unwrap();
            let compiled = loader.compile(&["main.capnp"]).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(file_names(&compiled), [name, "main.capnp"]);
            let b = compiled.nodes.iter().find(|n| n.id == 0xd0e4b7a6c3f2e1b1).unwrap();
            assert_eq!(b.display_name_prefix_length as usize, name.len() - "capnp".len());
            let struct_b = compiled.nodes.iter().find(|n| n.display_name == format!("{name}:B")).unwrap();
            assert_eq!(struct_b.display_name_prefix_length as usize, name.len() + 1);
            assert_eq!(
                compiled.warnings,
                [crate::compile::Warning::SameFileTwoNames { first: name.into(), other: other.into() }]
            );
            let imports: Vec<&str> = compiled.requested[0].imports.iter().map(|(_, n)| n.as_str()).collect();
            assert_eq!(imports, ["/lib/b.capnp", "inc/lib/b.capnp"]);
        }
        // Nothing but the import table reaches the file: it is loaded for that table, imports
        // sorted by path, so `/lib/b.capnp` names it.
        std::fs::write(
            root.join("main.capnp"),
            "@0xd0e4b7a6c3f2e1b4;\nusing Y = import \"inc/lib/b.capnp\";\nusing X = import \"/lib/b.capnp\";\n",
        )
        .unwrap();
        let mut loader = FsLoader::with_current_dir(&root);
        loader.add_import_path("inc").unwrap();
        let compiled = loader.compile(&["main.capnp"]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file_names(&compiled), ["lib/b.capnp", "main.capnp"]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    /// The official test schema's situation: `test.capnp` imports its own `c++.capnp`
    /// relatively, and a streaming method brings in `/capnp/stream.capnp`, which imports the
    /// standard `/capnp/c++.capnp`: two files with the same IDs. `capnp compile` reports the
    /// duplicate IDs; `capnp decode` (and `encode`, `convert`, `eval`) compiles only the file
    /// node eagerly, never reaches the stream import, and works.
    #[test]
    fn message_commands_compile_only_the_file_node_eagerly() {
        let root = std::env::temp_dir().join(format!("capnzero-load-eagerness-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let (_, standard) = STANDARD_IMPORTS.iter().find(|(name, _)| *name == "capnp/c++.capnp").unwrap();
        std::fs::write(root.join("c++.capnp"), standard).unwrap();
        std::fs::write(
            root.join("test.capnp"),
            "@0xd1e8a5bcd8a1b1c1;\nusing Cxx = import \"c++.capnp\";\n$Cxx.namespace(\"t\");\n\
             struct T { a @0 :UInt8; }\ninterface Streaming { push @0 (t :T) -> stream; }\n",
        )
        .unwrap();
        let mut loader = FsLoader::with_current_dir(&root);
        let Err(CompileFilesError::Compile(errors)) = loader.compile(&["test.capnp"]) else {
            panic!("expected duplicate IDs")
        };
        assert_eq!(errors.rendered()[0], "capnp/c++.capnp:1:1: error: Duplicate ID @0xbdf87d7bb8304e81.");
        let mut loader = FsLoader::with_current_dir(&root);
        let compiled = loader.compile_with(&["test.capnp"], Eagerness::FileNode).unwrap_or_else(|e| panic!("{e}"));
        assert!(compiled.nodes.iter().any(|n| n.display_name == "test.capnp:T"));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn relative_imports_cannot_leave_their_root() {
        assert_eq!(join("a/b.capnp", "../c.capnp").as_deref(), Some("c.capnp"));
        assert_eq!(join("a/b.capnp", "../../c.capnp"), None);
        assert_eq!(join("b.capnp", "./x/../c.capnp").as_deref(), Some("c.capnp"));
        assert_eq!(join("", "capnp/c++.capnp").as_deref(), Some("capnp/c++.capnp"));
    }
}
