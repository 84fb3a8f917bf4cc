//! The shape the code generator and the derive keep (docs/architecture.md): no function of
//! `src/codegen/` or `src/derive/` longer than 120 lines, and no module of `src/codegen/` that
//! imports a module importing it back, directly or through others.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 120;

fn src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Whether `line` starts a function item (`fn`, with any visibility, `const` or `unsafe`).
fn starts_fn(line: &str) -> bool {
    let mut rest = line.trim_start();
    for prefix in ["pub(crate) ", "pub(super) ", "pub(in crate::codegen) ", "pub ", "const ", "unsafe "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    rest.starts_with("fn ")
}

/// Each function of `text` with its length in lines: from its `fn` line to the `}` at the same
/// indentation (rustfmt's layout).
fn function_lengths(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !starts_fn(line) || line.trim_end().ends_with(';') {
            continue;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = format!("{indent}}}");
        let end = (i..lines.len()).find(|&j| lines[j] == close || (j == i && line.trim_end().ends_with('}')));
        let name = line.trim_start().split("fn ").nth(1).unwrap_or("").split(['(', '<']).next().unwrap_or("");
        if let Some(end) = end {
            out.push((i + 1, name.to_string(), end - i + 1));
        }
    }
    out
}

#[test]
fn no_function_of_the_generator_or_the_derive_is_over_120_lines() {
    let mut long = Vec::new();
    let mut counted = 0;
    for dir in ["codegen", "derive"] {
        for file in rust_files(&src(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (line, name, length) in function_lengths(&text) {
                counted += 1;
                if length > MAX_LINES {
                    long.push(format!("{}:{line} {name}: {length} lines", file.display()));
                }
            }
        }
    }
    assert!(counted > 300, "only {counted} functions found: the scan is broken");
    assert!(long.is_empty(), "over {MAX_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn the_length_scan_measures_functions() {
    let text =
        "impl A {\n    fn short(&self) {}\n    pub(super) fn two(\n        x: u8,\n    ) {\n        x;\n    }\n}\n";
    assert_eq!(function_lengths(text), [(2, "short".to_string(), 1), (3, "two".to_string(), 5)]);
}

/// The modules of `src/codegen/` each module imports (`super::x`; for the files of `plan/`,
/// which are one module, `super::super::x` and `crate::codegen::x`), tests left out.
fn codegen_imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = src("codegen");
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in rust_files(&dir) {
        let relative = file.strip_prefix(&dir).unwrap();
        let module = match relative.components().next().unwrap().as_os_str().to_str().unwrap() {
            "mod.rs" => continue,
            first => first.trim_end_matches(".rs").to_string(),
        };
        modules.entry(module).or_default().push(file);
    }
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let mut imports = BTreeMap::new();
    for (module, files) in &modules {
        let mut found = BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(file).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap();
            let in_dir = file.parent() != Some(dir.as_path());
            let prefixes: &[&str] = if in_dir { &["super::super::", "crate::codegen::"] } else { &["super::"] };
            for prefix in prefixes {
                for (at, _) in text.match_indices(prefix) {
                    // `super::super::x` is not `super::super` from a top-level file.
                    if !in_dir && text[..at].ends_with("super::") {
                        continue;
                    }
                    let rest = &text[at + prefix.len()..];
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if names.contains(&name) && &name != module {
                        found.insert(name);
                    }
                }
            }
        }
        imports.insert(module.clone(), found);
    }
    imports
}

#[test]
fn no_module_of_the_generator_imports_one_that_imports_it_back() {
    let imports = codegen_imports();
    assert!(imports.len() > 10 && imports["structure"].contains("ir"), "the scan is broken: {imports:?}");
    let mut cycles = Vec::new();
    for start in imports.keys() {
        // Depth-first from `start`: a path back to it is a cycle.
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = path.last().unwrap();
            for next in &imports[last] {
                if next == start {
                    cycles.push(format!("{} -> {start}", path.join(" -> ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles in src/codegen/:\n{}", cycles.join("\n"));
}
