//! The broken-schema table: every `tests/errors/*.capnp` compiled by capnzero must give exactly
//! the errors `capnp compile -o- FILE` 0.9.2 prints for it (committed as `FILE.expected`, run in
//! `tests/errors/`; `regen.sh` regenerates them, `check.sh` re-checks them against the tool).
//!
//! One normalization: for a file without an ID, the official compiler suggests a random ID;
//! `regen.sh` writes it as `@0xRANDOM;` and this test does the same with capnzero's suggestion.
//!
//! Files under `tests/errors/lib/` are only imported by the cases.

use std::path::Path;

use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};

const NO_ID: &str = "Add this line to your file: @0x";

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/errors"))
}

/// A loader holding the library files of the table and the standard imports.
fn loader() -> MemoryLoader {
    let mut loader = MemoryLoader::default();
    let std = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/std"));
    for name in ["capnp/c++.capnp", "capnp/schema.capnp", "capnp/stream.capnp"] {
        loader.files.insert(name.into(), std::fs::read_to_string(std.join(name)).unwrap());
    }
    for entry in std::fs::read_dir(dir().join("lib")).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("lib/{}", path.file_name().unwrap().to_str().unwrap());
        loader.files.insert(name, std::fs::read_to_string(&path).unwrap());
    }
    loader
}

/// The cases: every `.capnp` file of the table's directory, by name.
fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".capnp"))
        .collect();
    names.sort();
    names
}

/// Replaces the suggested file ID with `RANDOM`.
fn normalize(line: &str) -> String {
    match line.find(NO_ID) {
        Some(at) => format!("{}RANDOM;", &line[..at + NO_ID.len()]),
        None => line.to_string(),
    }
}

/// What capnzero prints for the case: its errors, one per line, as the official compiler
/// prints them (nothing when it compiles).
fn ours(name: &str) -> String {
    let text = std::fs::read_to_string(dir().join(name)).unwrap();
    match compile(&[SourceFile { name: name.into(), text }], &mut loader()) {
        Ok(_) => String::new(),
        Err(errors) => errors.rendered().iter().map(|line| normalize(line) + "\n").collect(),
    }
}

#[test]
fn every_case_gives_the_official_errors() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut differences = Vec::new();
    for name in &cases {
        let expected = std::fs::read_to_string(dir().join(format!("{name}.expected")))
            .unwrap_or_else(|e| panic!("{name}.expected: {e}"));
        let ours = ours(name);
        if ours == expected {
            continue;
        }
        differences.push(format!("{name}:\n--- official\n{expected}--- capnzero\n{ours}"));
    }
    assert!(
        differences.is_empty(),
        "{} of {} cases differ:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n")
    );
}

#[test]
fn the_table_covers_every_class_of_error() {
    // One or more cases per class of the conformance plan, checked by the message they show.
    let all: String =
        cases().iter().map(|name| std::fs::read_to_string(dir().join(format!("{name}.expected"))).unwrap()).collect();
    for message in [
        "error: Parse error.",
        "Parse error: Empty list item.",
        "This statement should end with a block, not a semicolon.",
        "This statement should end with a semicolon, not a block.",
        "Not defined: ",
        "has no member named",
        "is already defined in this scope.",
        "An unnamed union is already defined in this scope.",
        "Duplicate ordinal number.",
        "Skipped ordinal @",
        "Union must have at least two members.",
        "Group must have at least one member.",
        "Unions cannot contain unnamed unions.",
        "Type mismatch; expected Text.",
        "Type mismatch; expected Int32.",
        "Type mismatch; expected List(Int32).",
        "Struct has no field named",
        "Integer value out of range.",
        "Integer is too big to be negative.",
        "cannot be applied to this kind of declaration.",
        "does not refer to a constant.",
        "Constant names must be qualified",
        "Import failed: ",
        "Declaration recursively depends on itself.",
        "Not enough generic parameters.",
        "Too many generic parameters.",
        "Declaration does not accept generic parameters.",
        "Double-application of generic parameters.",
        "Sorry, only pointer types can be used as generic parameters.",
        "'List' requires exactly one parameter.",
        "is an unbound generic parameter.",
        "Cannot interpret value because the type is a generic type parameter",
        "Invalid ID.",
        "File does not declare an ID.",
        "Duplicate ID @0x",
        "File can only have one ID.",
        "Ordinals cannot be greater than 65535.",
        "Type names must begin with a capital letter.",
        "Non-type names must begin with a lower-case letter.",
        "must not contain underscores.",
        "This kind of declaration doesn't belong here.",
        "is not an interface.",
        "is not a struct type.",
        "'stream' can only appear after '->', not before.",
        "Only pointer parameters can declare their default as 'null'.",
        "'Object' has been renamed to 'AnyPointer'.",
    ] {
        assert!(all.contains(message), "no case shows {message:?}");
    }
}

#[test]
fn a_file_with_several_errors_reports_them_all_in_the_official_order() {
    let expected = std::fs::read_to_string(dir().join("several_errors.capnp.expected")).unwrap();
    let lines: Vec<&str> = expected.lines().collect();
    assert!(lines.len() >= 8, "{lines:?}");
    // Errors of the imported file come where the official compiler finds them: after the
    // struct that uses its declaration, before that struct's nested declarations.
    let lib = lines.iter().position(|l| l.starts_with("lib/with_errors.capnp:")).unwrap();
    let inner = lines.iter().position(|l| l.contains("Not defined: AlsoNope")).unwrap();
    assert!(lib < inner, "{lines:?}");
    assert_eq!(ours("several_errors.capnp"), expected);
}

#[test]
fn errors_in_unused_parts_of_imported_files_are_not_reported() {
    // As the official compiler: it never compiles what nothing uses.
    assert_eq!(std::fs::read_to_string(dir().join("import_unused_errors.capnp.expected")).unwrap(), "");
    assert_eq!(ours("import_unused_errors.capnp"), "");
}

/// A differential check against the official compiler on mutated schemas: the cases of this
/// table and the request fixtures, each changed at a few random places (words swapped or
/// replaced, text cut or inserted), compiled by `capnp compile -o-` and by capnzero. The errors
/// must be the same; when both compile, the requests must be the same. Needs the `capnp` tool
/// (`check.sh` runs it): `cargo test --test errors -- --ignored`. `CAPNZERO_MUTATIONS` sets the
/// number of schemas (default 500), `CAPNZERO_SEED` the seed.
///
/// Left out, as known differences: Text values that are not UTF-8 (an error in capnzero, whose
/// Text is `str`), messages naming the official compiler's internal placeholders or reporting
/// internal errors (after a constant of a struct type that is still being compiled, for one),
/// and the random IDs of files without one.
#[test]
#[ignore]
fn mutated_schemas_give_the_official_errors() {
    use std::process::Command;
    let count: usize = std::env::var("CAPNZERO_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    let mut seed: u64 = std::env::var("CAPNZERO_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5eed);
    let mut random = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let request_dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/request"));
    let mut sources = Vec::new();
    for d in [dir(), request_dir] {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "capnp") {
                sources.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    sources.sort();
    // A scratch directory with the files the schemas import.
    let scratch = std::env::temp_dir().join(format!("capnzero-mutations-{}", std::process::id()));
    std::fs::create_dir_all(scratch.join("lib")).unwrap();
    let mut base = loader();
    for (name, text) in &base.files {
        if name.starts_with("lib/") {
            std::fs::write(scratch.join(name), text).unwrap();
        }
    }
    for entry in std::fs::read_dir(request_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "capnp") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(scratch.join(&name), &text).unwrap();
            base.files.insert(name, text);
        }
    }
    let pieces = [
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ";",
        ",",
        "@0",
        "@1",
        "@5",
        ":",
        "=",
        "union",
        ":group",
        "struct X",
        "List(",
        "Text",
        "Int8",
        "$",
        ".",
        "\"",
        "#",
        "\n",
        "-",
        "using",
        "const",
        "->",
        "stream",
        "[T]",
        "Foo",
        "a",
        "5",
        "300",
        "true",
        "Int32",
        "AnyPointer",
        "(x = 1)",
        "[1, 2]",
        "Void",
    ];
    let ids = |s: &str| -> String {
        s.lines()
            .map(|line| {
                let line = normalize(line);
                match line.find("ID @0x") {
                    Some(at) => {
                        let end =
                            line[at + 6..].find(|c: char| !c.is_ascii_hexdigit()).map_or(line.len(), |e| at + 6 + e);
                        format!("{}ID{}\n", &line[..at + 6], &line[end..])
                    }
                    None => line + "\n",
                }
            })
            .collect()
    };
    // Known difference: Text that is not UTF-8 (capnzero reads Text as `str`; the official
    // compiler takes any bytes).
    let utf8 = |s: &str| -> String {
        s.lines().filter(|l| !l.contains("Text must be valid UTF-8.")).map(|l| format!("{l}\n")).collect()
    };
    let mut failures = Vec::new();
    for case in 0..count {
        let mut text: Vec<char> = sources[random(sources.len())].chars().collect();
        for _ in 0..1 + random(3) {
            if text.is_empty() {
                break;
            }
            let words: Vec<(usize, usize)> = {
                let mut out = Vec::new();
                let mut i = 0;
                while i < text.len() {
                    if text[i].is_ascii_alphanumeric() || text[i] == '_' {
                        let start = i;
                        while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == '_') {
                            i += 1;
                        }
                        out.push((start, i));
                    } else {
                        i += 1;
                    }
                }
                out
            };
            let at = random(text.len());
            match random(10) {
                0..=1 => {
                    let end = (at + 1 + random(12)).min(text.len());
                    text.drain(at..end);
                }
                2..=3 => {
                    let piece: Vec<char> = pieces[random(pieces.len())].chars().collect();
                    text.splice(at..at, piece);
                }
                _ if !words.is_empty() => {
                    let (a, b) = (words[random(words.len())], words[random(words.len())]);
                    let word: Vec<char> = text[b.0..b.1].to_vec();
                    text.splice(a.0..a.1, word);
                }
                _ => {}
            }
        }
        let text: String = text.into_iter().collect();
        std::fs::write(scratch.join("case.capnp"), &text).unwrap();
        let tool = Command::new("capnp")
            .args(["compile", "-o-", "case.capnp"])
            .current_dir(&scratch)
            .env("PWD", &scratch)
            .output()
            .expect("the capnp tool");
        let official = String::from_utf8_lossy(&tool.stderr).into_owned();
        // (A relative import of `capnp/…` would find the standard imports this test's loader
        // holds under those names.)
        if ["Uncaught exception", "Internal compiler bug", "unknown type; seen as"].iter().any(|m| official.contains(m))
            || text.contains("import \"capnp/")
        {
            continue;
        }
        let mut loader = base.clone();
        let ours = compile(&[SourceFile { name: "case.capnp".into(), text: text.clone() }], &mut loader);
        let ours_text = match &ours {
            Ok(_) => String::new(),
            Err(errors) => errors.0.iter().map(|l| format!("{l}\n")).collect(),
        };
        let (official, ours_text) = (ids(&official), ids(&ours_text));
        if official != ours_text && utf8(&official) != utf8(&ours_text) {
            failures.push(format!("case {case}:\n{text}\n--- official\n{official}--- capnzero\n{ours_text}"));
            continue;
        }
        if let (true, Ok(compiled)) = (official.is_empty(), &ours) {
            let request = capnzero_schema::request::read(&tool.stdout).unwrap();
            let mine = compiled.request();
            let names = |r: &capnzero_schema::request::CodeGeneratorRequest| -> Vec<u64> {
                r.nodes.iter().map(|n| n.id).collect()
            };
            let std_doc = |id: u64| request.node(id).is_some_and(|n| n.display_name.starts_with("capnp/"));
            let infos_match = mine.source_info.len() == request.source_info.len()
                && mine
                    .source_info
                    .iter()
                    .zip(&request.source_info)
                    .all(|(a, b)| a == b || (a.id == b.id && std_doc(b.id)));
            if names(&mine) != names(&request)
                || mine.nodes.iter().zip(&request.nodes).any(|(a, b)| a != b)
                || !infos_match
                || mine.requested_files != request.requested_files
            {
                failures.push(format!("case {case}: requests differ:\n{text}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(failures.is_empty(), "{} of {count} mutated schemas differ:\n{}", failures.len(), failures.join("\n"));
}
