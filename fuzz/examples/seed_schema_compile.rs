//! Writes the seed corpus of the `schema_compile` fuzz target: small schema files using every
//! kind of declaration, imports of the in-memory `lib.capnp` and of the standard imports, an
//! embed, generics, annotations, and a few files with errors.
//!
//! `cargo run --example seed_schema_compile` (in `fuzz/`) rewrites the files named `seed-*` in
//! `corpus/schema_compile/`; inputs libFuzzer added there are left alone.

use std::fs;
use std::path::Path;

const SEEDS: &[(&str, &str)] = &[
    ("empty-file", "@0xc0ffee0123456789;\n"),
    (
        "struct-every-type",
        r#"@0xc0ffee0123456780;
struct All {
  v @0 :Void; b @1 :Bool; i8 @2 :Int8; i16 @3 :Int16; i32 @4 :Int32; i64 @5 :Int64;
  u8 @6 :UInt8; u16 @7 :UInt16; u32 @8 :UInt32; u64 @9 :UInt64; f32 @10 :Float32;
  f64 @11 :Float64; t @12 :Text; d @13 :Data; l @14 :List(List(Int32)); s @15 :All;
  a @16 :AnyPointer; e @17 :E;
  enum E { x @0; y @1; }
}
"#,
    ),
    (
        "union-group-defaults",
        r#"@0xc0ffee0123456781;
struct S {
  id @0 :UInt32 = 7;
  name @1 :Text = "seven";
  g :group { a @2 :Float64 = 1.5; b @3 :List(Bool) = [true, false]; }
  u :union {
    none @4 :Void;
    some @5 :S = (id = 1, name = "one");
    pair :group { x @6 :Int8 = -1; y @7 :Data = 0x"00 ff"; }
  }
  union { p @8 :Int16; q @9 :Text; }
}
"#,
    ),
    (
        "import-lib",
        r#"@0xc0ffee0123456782;
using Lib = import "lib.capnp";
struct User {
  shared @0 :Lib.Shared;
  kind @1 :Lib.Shared.Kind = two;
  box @2 :Lib.Box(Lib.Shared);
  n @3 :Int32 = Lib.answer;
}
const hello :Text = Lib.greeting;
"#,
    ),
    (
        "import-absolute-and-standard",
        r#"@0xc0ffee0123456783;
using import "/lib.capnp".Shared;
using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("fuzz");
struct Wrap $import "/lib.capnp".note("wrapped") {
  inner @0 :Shared;
}
"#,
    ),
    (
        "interfaces-generics",
        r#"@0xc0ffee0123456784;
using Lib = import "lib.capnp";
interface Store(K, V) extends(Lib.Service) {
  get @0 (key :K) -> (value :V);
  put @1 (key :K, value :V) -> ();
  watch @2 () -> stream;
  sub @3 [T] (t :T) -> (store :Store(T, V));
}
struct Map(K, V) {
  entries @0 :List(Entry);
  struct Entry { key @0 :K; value @1 :V; }
}
struct UseMap { m @0 :Map(Text, Data); s @1 :Store(Text, Lib.Shared); }
"#,
    ),
    (
        "constants-embed",
        r#"@0xc0ffee0123456785;
const blob :Data = embed "blob.bin";
const list :List(Float32) = [1.0, inf, -inf, nan];
const nested :Point = (x = 1, y = -2, tags = ["a", "b"]);
const ref :Point = .nested;
struct Point { x @0 :Int64; y @1 :Int64; tags @2 :List(Text); }
annotation doc (struct, field) :Text;
struct Noted $doc("a struct") { f @0 :Int32 $doc("a field"); }
"#,
    ),
    (
        "nested-scopes-doc-comments",
        r#"# File comment.
@0xc0ffee0123456786;
struct Outer {  # Outer's comment.
  struct Middle {
    struct Inner { x @0 :Outer.Middle.Inner; }
    i @0 :Inner;
  }
  m @0 :Middle;  # A field comment.
  enum Kind { a @0; b @1 $Json.name("B"); }
}
using Json = import "/capnp/compat/json.capnp";
"#,
    ),
    ("error-undefined-name", "@0xc0ffee0123456787;\nstruct A { b @0 :Nope; c @0 :Int32; }\n"),
    ("error-missing-id", "struct A { x @0 :Int32; }\n"),
    ("error-bad-import", "@0xc0ffee0123456788;\nusing X = import \"missing.capnp\";\nstruct A { x @0 :X.Y; }\n"),
    ("error-syntax", "@0xc0ffee0123456789;\nstruct A { x @0 :List(; union { } }\nconst c :Int8 = 1000;\n"),
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/schema_compile");
    fs::create_dir_all(&dir).unwrap();
    for (name, text) in SEEDS {
        capnzero_fuzz::schema_compile(text.as_bytes());
        let compiled = capnzero_fuzz::schema_compile::compile_text(text);
        assert_eq!(compiled.is_ok(), !name.starts_with("error-"), "{name}: {:?}", compiled.err());
        let path = dir.join(format!("seed-{name}"));
        fs::write(&path, text).unwrap();
        println!("{:5} bytes  {}", text.len(), path.display());
    }
}
