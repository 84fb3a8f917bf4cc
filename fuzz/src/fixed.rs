//! The fixed schema the `text_format`, `json` and `dynamic` targets read their inputs by: one
//! root struct with a field of every kind, compiled once (with the standard imports, for the
//! JSON annotations it carries).

use std::sync::OnceLock;

use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
use capnzero_schema::dynamic::{FindType, Schema, StructSchema};
use capnzero_schema::load::STANDARD_IMPORTS;

/// The schema: `Everything` holds every primitive type, Text and Data, a list of each, an enum,
/// a nested (recursive) struct, a group, a union (with a struct, a list and a group among its
/// members), a list of structs, lists of lists, fields with defaults, and a few JSON
/// annotations (a renamed field, hex and base64 Data, a flattened group, a discriminated union).
pub const SCHEMA: &str = r#"@0xd5a7c3e1f0b29d41;

using Json = import "/capnp/compat/json.capnp";

enum Color {
  red @0;
  green @1;
  blue @2 $Json.name("BLUE");
}

struct Inner {
  id @0 :UInt32;
  name @1 :Text;
  child @2 :Inner;
  tags @3 :List(Text);
}

struct Everything {
  void @0 :Void;
  bool @1 :Bool;
  int8 @2 :Int8;
  int16 @3 :Int16;
  int32 @4 :Int32;
  int64 @5 :Int64;
  uint8 @6 :UInt8;
  uint16 @7 :UInt16;
  uint32 @8 :UInt32;
  uint64 @9 :UInt64;
  float32 @10 :Float32;
  float64 @11 :Float64;
  text @12 :Text;
  data @13 :Data;
  color @14 :Color;
  inner @15 :Inner;

  voidList @16 :List(Void);
  boolList @17 :List(Bool);
  int8List @18 :List(Int8);
  int16List @19 :List(Int16);
  int32List @20 :List(Int32);
  int64List @21 :List(Int64);
  uint8List @22 :List(UInt8);
  uint16List @23 :List(UInt16);
  uint32List @24 :List(UInt32);
  uint64List @25 :List(UInt64);
  float32List @26 :List(Float32);
  float64List @27 :List(Float64);
  textList @28 :List(Text);
  dataList @29 :List(Data);
  colorList @30 :List(Color);
  innerList @31 :List(Inner);
  listList @32 :List(List(Int32));

  group :group {
    a @33 :Int32;
    b @34 :Text;
  }

  choice :union {
    none @35 :Void;
    number @36 :Int64;
    word @37 :Text;
    nested @38 :Inner;
    numbers @39 :List(UInt16);
    pair :group {
      left @40 :Int8;
      right @41 :Float32;
    }
  }

  withDefault @42 :Int32 = 42;
  textDefault @43 :Text = "hello";
  boolDefault @44 :Bool = true;
  floatDefault @45 :Float64 = 1.5;
  colorDefault @46 :Color = blue;
  innerDefault @47 :Inner = (id = 7, name = "seven");
  listDefault @48 :List(Int16) = [1, -2, 3];

  renamed @49 :Int16 $Json.name("re-named");
  hexData @50 :Data $Json.hex;
  base64Data @51 :Data $Json.base64;
  flat :group $Json.flatten(prefix = "flat_") {
    x @52 :UInt32;
    y @53 :Text;
  }
  tagged :union $Json.discriminator(name = "kind") {
    circle @54 :Float64;
    square @55 :Inner;
    blank @56 :Void;
  }
}
"#;

/// The compiled schema, with the root struct `Everything`.
pub struct Fixed {
    /// The schema.
    pub schema: Schema,
    /// The ID of the file.
    pub file: u64,
}

impl Fixed {
    /// The root struct, `Everything`.
    pub fn root(&self) -> StructSchema<'_> {
        self.schema.find_type(self.file, "Everything").expect("the fixed schema has Everything")
    }
}

/// The fixed schema, compiled on first use.
pub fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| {
        let mut loader = MemoryLoader::default();
        for (name, text) in STANDARD_IMPORTS {
            loader.files.insert(name.to_string(), text.to_string());
        }
        let source = SourceFile { name: "fixed.capnp".into(), text: SCHEMA.into() };
        let compiled = compile(&[source], &mut loader).unwrap_or_else(|e| panic!("the fixed schema compiles: {e}"));
        let file = compiled.requested[0].id;
        Fixed { schema: Schema::new(compiled), file }
    })
}
