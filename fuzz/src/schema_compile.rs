//! What the `schema_compile` target does with its input: the bytes, read as (lossy) UTF-8, are
//! a `.capnp` file, compiled with capnzero's compiler through an in-memory loader. The loader
//! holds a small second file (`lib.capnp`, imported as `"lib.capnp"` or `"/lib.capnp"`), an
//! embeddable blob and the standard imports, so imports and embeds are exercised.
//!
//! Errors are fine; a panic or a hang is a bug. When the file compiles, the code generator runs
//! on it (what `capnp_schema!` expands to; its errors are fine too), and a second compilation of
//! the same text must give the same CodeGeneratorRequest, byte for byte.

use std::collections::HashMap;

use capnzero_schema::compile::{compile, Compiled, MemoryLoader, SourceFile};
use capnzero_schema::load::STANDARD_IMPORTS;

/// Inputs longer than this are ignored: the compiler's cost grows with the text.
pub const MAX_SCHEMA_BYTES: usize = 64 * 1024;

/// The name of the file under test.
pub const FILE_NAME: &str = "fuzz.capnp";

/// The file the input may import: a struct, an enum, a constant, a generic and an interface.
pub const LIBRARY: &str = r#"@0xe8a1d2c3b4f50617;

struct Shared {
  id @0 :UInt64;
  label @1 :Text = "shared";
  kind @2 :Kind;
  enum Kind { one @0; two @1; }
}

struct Box(T) {
  value @0 :T;
}

const answer :Int32 = 42;
const greeting :Text = "hi";

interface Service {
  ping @0 (shared :Shared) -> (reply :Box(Text));
}

annotation note (*) :Text;
"#;

/// A file only embedded (`embed "blob.bin"`).
pub const BLOB: &[u8] = b"\x00\x01\x02binary\xff";

fn loader() -> MemoryLoader {
    let mut files: HashMap<String, String> =
        STANDARD_IMPORTS.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
    files.insert("lib.capnp".into(), LIBRARY.into());
    let data = HashMap::from([("blob.bin".to_string(), BLOB.to_vec())]);
    MemoryLoader { files, data }
}

/// Compiles `text` as the file [`FILE_NAME`] with the in-memory loader; the errors rendered.
pub fn compile_text(text: &str) -> Result<Compiled, String> {
    let source = SourceFile { name: FILE_NAME.into(), text: text.into() };
    compile(&[source], &mut loader()).map_err(|e| e.to_string())
}

/// Runs every check on `data`.
pub fn schema_compile(data: &[u8]) {
    if data.len() > MAX_SCHEMA_BYTES {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let first = compile_text(&text);
    let second = compile_text(&text);
    let (first, second) = match (first, second) {
        (Ok(first), Ok(second)) => (first, second),
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "two compilations of the same text report different errors");
            return;
        }
        (a, b) => panic!("two compilations of the same text disagree: {:?} vs {:?}", a.err(), b.err()),
    };
    let request = capnzero_schema::request::write(&first.request());
    assert_eq!(request, capnzero_schema::request::write(&second.request()), "the requests differ");
    // The request reads back.
    capnzero_schema::request::read(&request).expect("a written request reads back");

    let file = first.requested.first().expect("one file requested").id;
    // Errors (e.g. names Rust cannot take) are fine; a panic is not.
    if let Ok(tokens) = capnzero_schema::codegen::generate_with(&first, file, &HashMap::new()) {
        assert!(!tokens.is_empty(), "a compiled file generates something");
    }
}
