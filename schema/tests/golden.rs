//! Golden expansions: what the code generator and the derive emit for small inputs, printed with
//! prettyplease and compared with the committed `golden/<name>.expanded.rs`, so that any change
//! to generated code shows in review as a diff of those files.
//!
//! The inputs are in `golden/`: each `<name>.capnp` is a schema file, expanded as
//! `capnp_schema!("<name>.capnp")` expands it; each `derive_<name>.rs` holds one item with
//! `#[derive(CapnpStruct)]` or `#[derive(CapnpEnum)]`, expanded by that derive. On a difference
//! the test fails with the first differing lines. `CAPNZERO_BLESS=1 cargo test -p
//! capnzero-schema --test golden` rewrites the goldens and says which; without the variable
//! nothing is written, so a missing golden is a failure too.
//!
//! The goldens are not modules of any crate: rustfmt and clippy never read them, and the long
//! line of the embedded schema is left as prettyplease prints it.

use std::io::Write;
use std::path::{Path, PathBuf};

use capnzero_schema::codegen::Expander;
use capnzero_schema::derive::{derive_enum, derive_struct};
use proc_macro2::TokenStream;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

/// The variable that makes the test write the goldens.
const BLESS: &str = "CAPNZERO_BLESS";

/// The command that rewrites every golden.
const REGENERATE: &str = "CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden";

/// How a golden's name ends.
const GOLDEN_SUFFIX: &str = ".expanded.rs";

/// Lines of context around the first difference, and the most lines shown of each side.
const CONTEXT: usize = 3;
const MAX_LINES: usize = 12;
/// Characters shown of a line (the embedded schema is one very long line).
const MAX_LINE_CHARS: usize = 160;
/// How far apart (in lines, both sides together) the files may resynchronise after a difference
/// and how many equal lines count as back in step.
const RESYNC_LIMIT: usize = 400;
const RESYNC_LINES: usize = 3;

/// One input of `golden/`.
struct Case {
    /// The input's file name.
    file: String,
    /// The golden's file name: the input's name without its extension, `.expanded.rs`.
    golden: String,
}

impl Case {
    fn golden_path(&self) -> PathBuf {
        Path::new(DIR).join(&self.golden)
    }
}

/// Whether a file of `golden/` is an input: a schema, or a derive's item.
fn is_input(file: &str) -> bool {
    file.ends_with(".capnp") || (file.starts_with("derive_") && file.ends_with(".rs") && !file.ends_with(GOLDEN_SUFFIX))
}

/// The file names in `golden/`, sorted.
fn files() -> Vec<String> {
    let entries = std::fs::read_dir(DIR).unwrap_or_else(|e| panic!("{DIR}: {e}"));
    let mut files: Vec<String> = entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("{DIR}: {e}")).file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// Every input, in the order of their names.
fn cases() -> Vec<Case> {
    files()
        .into_iter()
        .filter(|file| is_input(file))
        .map(|file| {
            let stem = file.rsplit_once('.').map_or(file.as_str(), |(stem, _)| stem);
            Case { golden: format!("{stem}{GOLDEN_SUFFIX}"), file }
        })
        .collect()
}

/// The expansion of an input, as the golden holds it: a header naming the input and the
/// command that rewrites it, then the generated items printed by prettyplease.
fn expand(case: &Case) -> Result<String, String> {
    let tokens = if case.file.ends_with(".capnp") { expand_schema(&case.file)? } else { expand_derive(&case.file)? };
    let file: syn::File = syn::parse2(tokens).map_err(|e| format!("the expansion is not a Rust file: {e}"))?;
    let text = format!(
        "// The expansion of `{}`, printed by prettyplease. Do not edit: after a change to generated\n\
         // code, rewrite it with `{REGENERATE}`.\n\n{}",
        case.file,
        prettyplease::unparse(&file)
    );
    // A golden must be the same in every checkout.
    if text.contains(env!("CARGO_MANIFEST_DIR")) {
        return Err("the expansion names the checkout's directory".to_string());
    }
    Ok(text)
}

/// A schema of `golden/`, expanded as `capnp_schema!` expands a schema file.
fn expand_schema(file: &str) -> Result<TokenStream, String> {
    let expansion = Expander::new(DIR).file(file);
    if expansion.errors.is_empty() {
        Ok(expansion.tokens)
    } else {
        let errors: Vec<String> = expansion.errors.iter().map(ToString::to_string).collect();
        Err(format!("the schema does not expand:\n{}", errors.join("\n")))
    }
}

/// The item of a `derive_*.rs` file, expanded by the derive its `#[derive(…)]` names.
fn expand_derive(file: &str) -> Result<TokenStream, String> {
    let path = Path::new(DIR).join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let input: syn::DeriveInput = syn::parse_str(&text).map_err(|e| format!("not one struct or enum: {e}"))?;
    let mut derives = Vec::new();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("derive")) {
        attr.parse_nested_meta(|meta| {
            if let Some(name) = meta.path.get_ident() {
                derives.push(name.to_string());
            }
            Ok(())
        })
        .map_err(|e| format!("#[derive(…)]: {e}"))?;
    }
    match (derives.iter().any(|d| d == "CapnpStruct"), derives.iter().any(|d| d == "CapnpEnum")) {
        (true, false) => Ok(derive_struct(&input)),
        (false, true) => Ok(derive_enum(&input)),
        _ => Err("the item must derive one of CapnpStruct and CapnpEnum".to_string()),
    }
}

/// What comparing an expansion with its golden came to.
#[derive(Debug, PartialEq)]
enum Outcome {
    Matches,
    /// Blessed: the golden was written (it was missing or differed).
    Written,
    Failed(String),
}

/// Compares `actual` with the golden at `golden`; writes it there only when `bless`.
fn check(golden: &Path, actual: &str, bless: bool) -> Outcome {
    let expected = match std::fs::read_to_string(golden) {
        Ok(expected) if expected == actual => return Outcome::Matches,
        Ok(expected) => Some(expected),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Outcome::Failed(format!("{}: {e}", golden.display())),
    };
    if bless {
        return match std::fs::write(golden, actual) {
            Ok(()) => Outcome::Written,
            Err(e) => Outcome::Failed(format!("{}: {e}", golden.display())),
        };
    }
    let name = golden.file_name().map_or_else(|| golden.display().to_string(), |n| n.to_string_lossy().into_owned());
    match expected {
        Some(expected) => Outcome::Failed(format!(
            "{name} differs from the expansion (- golden, + expansion):\n{}",
            first_difference(&expected, actual)
        )),
        None => Outcome::Failed(format!("{name} is missing (nothing is written without {BLESS}=1)")),
    }
}

/// A unified-style hunk of the first difference between `old` and `new`: a few lines of context,
/// the lines removed and added (each side cut at `MAX_LINES`), and whether more differences
/// follow.
fn first_difference(old: &str, new: &str) -> String {
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    if old == new {
        return "the lines are equal; the line endings or the final newline differ\n".to_string();
    }
    let start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let (removed, added) = resync(&old[start..], &new[start..]);
    let first = start.saturating_sub(CONTEXT);
    let old_end = (start + removed + CONTEXT).min(old.len());
    let new_end = (start + added + CONTEXT).min(new.len());
    let mut out = format!("@@ -{},{} +{},{} @@\n", first + 1, old_end - first, first + 1, new_end - first);
    let mut lines = |mark: char, lines: &[&str]| {
        for line in lines.iter().take(MAX_LINES) {
            out.push(mark);
            out.push_str(&shorten(line));
            out.push('\n');
        }
        if lines.len() > MAX_LINES {
            out.push_str(&format!("{mark}… {} more lines\n", lines.len() - MAX_LINES));
        }
    };
    lines(' ', &old[first..start]);
    lines('-', &old[start..start + removed]);
    lines('+', &new[start..start + added]);
    lines(' ', &old[start + removed..old_end]);
    if old[start + removed..] != new[start + added..] {
        out.push_str("… and more differences after these\n");
    }
    out
}

/// How many lines of `old` and of `new` (which differ at their first line) to skip for the two
/// to be back in step: the fewest in all, within `RESYNC_LIMIT`; else both to the end.
fn resync(old: &[&str], new: &[&str]) -> (usize, usize) {
    let in_step = |old: &[&str], new: &[&str]| {
        (0..RESYNC_LINES).all(|k| match (old.get(k), new.get(k)) {
            (None, None) => true,
            (Some(a), Some(b)) => a == b,
            _ => false,
        })
    };
    for skipped in 1..=RESYNC_LIMIT {
        for removed in 0..=skipped {
            let added = skipped - removed;
            if removed <= old.len() && added <= new.len() && in_step(&old[removed..], &new[added..]) {
                return (removed, added);
            }
        }
    }
    (old.len(), new.len())
}

/// A line cut at `MAX_LINE_CHARS` characters.
fn shorten(line: &str) -> String {
    match line.char_indices().nth(MAX_LINE_CHARS) {
        Some((at, _)) => format!("{}… ({} more characters)", &line[..at], line[at..].chars().count()),
        None => line.to_string(),
    }
}

/// Whether `CAPNZERO_BLESS` asks for the goldens to be written.
fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Says something even when the test passes (the test harness keeps what `println!` prints of
/// passing tests to itself).
fn say(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

#[test]
fn expansions_match_their_goldens() {
    let bless = blessing();
    let cases = cases();
    assert!(!cases.is_empty(), "no inputs in {DIR}");
    let mut failures = Vec::new();
    let mut written = Vec::new();
    for case in &cases {
        let actual = match expand(case) {
            Ok(actual) => actual,
            Err(e) => {
                failures.push(format!("{}: {e}", case.file));
                continue;
            }
        };
        match check(&case.golden_path(), &actual, bless) {
            Outcome::Matches => {}
            Outcome::Written => written.push(case.golden.clone()),
            Outcome::Failed(message) => failures.push(message),
        }
    }
    // A golden whose input is gone is stale.
    for file in files().into_iter().filter(|f| f.ends_with(GOLDEN_SUFFIX)) {
        if cases.iter().any(|case| case.golden == file) {
            continue;
        }
        let path = Path::new(DIR).join(&file);
        if bless {
            match std::fs::remove_file(&path) {
                Ok(()) => written.push(format!("{file} (removed: no input)")),
                Err(e) => failures.push(format!("{}: {e}", path.display())),
            }
        } else {
            failures.push(format!("{file} has no input (no {BLESS}=1 run removes it)"));
        }
    }
    if !written.is_empty() {
        say(&format!("{BLESS}: wrote schema/tests/golden/{{{}}}", written.join(", ")));
    }
    assert!(
        failures.is_empty(),
        "the golden expansions do not match ({} failures, {} inputs):\n\n{}\n\nIf the change to generated code is \
         intended, rewrite the goldens with\n\n    {REGENERATE}\n\nand review their diff (git diff \
         schema/tests/golden/).",
        failures.len(),
        cases.len(),
        failures.iter().map(|f| f.trim_end()).collect::<Vec<_>>().join("\n\n"),
    );
}

/// Codegen is deterministic: the same input gives the same code, expansion after expansion
/// (a map iterated in its hash order would not).
#[test]
fn expanding_twice_gives_the_same_code() {
    for case in cases() {
        let first = expand(&case).unwrap_or_else(|e| panic!("{}: {e}", case.file));
        for _ in 0..3 {
            let again = expand(&case).unwrap_or_else(|e| panic!("{}: {e}", case.file));
            assert!(first == again, "{} expands differently twice:\n{}", case.file, first_difference(&first, &again));
        }
    }
}

/// A scratch directory of this test process.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("capnzero-golden-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_missing_golden_fails_and_is_written_only_when_blessed() {
    let dir = scratch("missing");
    let golden = dir.join("absent.expanded.rs");
    match check(&golden, "pub struct A;\n", false) {
        Outcome::Failed(message) => assert!(message.contains("absent.expanded.rs is missing"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(!golden.exists(), "a missing golden was written without {BLESS}");
    assert_eq!(check(&golden, "pub struct A;\n", true), Outcome::Written);
    assert_eq!(std::fs::read_to_string(&golden).unwrap(), "pub struct A;\n");
    assert_eq!(check(&golden, "pub struct A;\n", false), Outcome::Matches);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_difference_fails_with_the_first_differing_lines_and_writes_nothing() {
    let dir = scratch("differs");
    let golden = dir.join("g.expanded.rs");
    let old: String = (0..40).map(|i| format!("line {i}\n")).collect();
    std::fs::write(&golden, &old).unwrap();
    let new = old.replace("line 10\n", "line ten\nline ten and a half\n").replace("line 30\n", "");
    let Outcome::Failed(message) = check(&golden, &new, false) else { panic!("a difference must fail") };
    assert_eq!(
        message,
        "g.expanded.rs differs from the expansion (- golden, + expansion):\n\
         @@ -8,7 +8,8 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n+line ten and a half\n line 11\n line 12\n \
         line 13\n… and more differences after these\n"
    );
    assert_eq!(std::fs::read_to_string(&golden).unwrap(), old, "the golden was written without {BLESS}");
    assert_eq!(check(&golden, &new, true), Outcome::Written);
    assert_eq!(std::fs::read_to_string(&golden).unwrap(), new);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn long_lines_are_cut_in_a_difference() {
    let old = format!("a\n{}\n", "x".repeat(1000));
    let new = format!("a\n{}\n", "y".repeat(1000));
    let diff = first_difference(&old, &new);
    assert!(diff.contains(&format!("-{}… (840 more characters)\n", "x".repeat(MAX_LINE_CHARS))), "{diff}");
    assert!(diff.lines().all(|line| line.chars().count() < MAX_LINE_CHARS + 40), "{diff}");
}
