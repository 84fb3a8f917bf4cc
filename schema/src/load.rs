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

use crate::compile::{compile, CompileErrors, Compiled, FileLoader, SourceFile};

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
        self.roots.insert(name.clone(), Root::Dir(root));
        Ok(SourceFile { name, text })
    }

    /// Compiles the files `paths`, given as on the command line, with their imports.
    pub fn compile(&mut self, paths: &[impl AsRef<Path>]) -> Result<Compiled, CompileFilesError> {
        let mut sources = Vec::new();
        for path in paths {
            sources.push(self.source(path).map_err(CompileFilesError::Load)?);
        }
        compile(&sources, self).map_err(CompileFilesError::Compile)
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
            Root::Dir(dir) => std::fs::read_to_string(dir.join(&name)).ok()?,
            Root::Standard => STANDARD_IMPORTS.iter().find(|(path, _)| *path == name)?.1.to_string(),
        };
        self.roots.insert(name.clone(), root);
        Some(SourceFile { name, text })
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
        assert_eq!(errors.0, ["src/sub/main.capnp:4:18-36: error: Import failed: /capnp/c++.capnp"]);
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

    #[test]
    fn relative_imports_cannot_leave_their_root() {
        assert_eq!(join("a/b.capnp", "../c.capnp").as_deref(), Some("c.capnp"));
        assert_eq!(join("a/b.capnp", "../../c.capnp"), None);
        assert_eq!(join("b.capnp", "./x/../c.capnp").as_deref(), Some("c.capnp"));
        assert_eq!(join("", "capnp/c++.capnp").as_deref(), Some("capnp/c++.capnp"));
    }
}
