//! The large schema the benchmarks time: several thousand lines of structs with many fields,
//! unions, groups, enums, lists, defaults of every type, nested types, constants, annotations
//! and interfaces.

use std::fmt::Write as _;

/// Structs in the generated schema (each with a nested enum and struct).
const STRUCTS: usize = 120;
/// The generated schema.
pub fn schema() -> String {
    let mut s = String::new();
    s.push_str("@0xd4c3b2a1f0e9d8c7;\n# A large generated schema for timing the compiler.\n\n");
    s.push_str("annotation tag(*) :Text;\nannotation weight(field, struct) :Float64;\n");
    s.push_str("annotation flags(struct, enum) :List(Bool);\n\n");
    s.push_str("struct Box(T) {\n  value @0 :T;\n  count @1 :UInt32 = 1;\n}\n\n");
    for i in 0..STRUCTS {
        let next = (i + 1) % STRUCTS;
        let _ = writeln!(s, "const limit{i} :Int32 = {};", i as i32 * 7 - 100);
        let _ = writeln!(s, "const name{i} :Text = \"constant {i}\";");
        let _ = writeln!(s, "const point{i} :S{i}.Inner = (x = {i}, y = -{i}, label = \"p{i}\");");
        let _ = writeln!(s, "\nstruct S{i} $tag(\"struct {i}\") $flags([true, false]) {{");
        let _ = writeln!(s, "  # Struct number {i}.");
        let _ = writeln!(s, "  id @0 :UInt64 = {};  # Identifier of struct {i}.", i as u64 * 1_000_003);
        let _ = writeln!(s, "  name @1 :Text = \"s{i}\" $tag(\"the name\");  # The name, `s{i}` unless set.");
        let _ = writeln!(s, "  flag @2 :Bool = {};", i % 2 == 0);
        let _ = writeln!(s, "  small @3 :Int8 = -{};", i % 100);
        let _ = writeln!(s, "  medium @4 :UInt16 = {};", i * 3);
        let _ = writeln!(s, "  ratio @5 :Float32 = {}.5 $weight(0.25);", i);
        let _ = writeln!(s, "  big @6 :Float64 = -{i}e10;");
        let _ = writeln!(s, "  data @7 :Data = 0x\"0{} ff\";", i % 10);
        let _ = writeln!(s, "  numbers @8 :List(Int32) = [1, {i}, -3];");
        let _ = writeln!(s, "  words @9 :List(Text) = [\"a\", \"b{i}\"];");
        let _ = writeln!(s, "  kind @10 :Kind = second;");
        let _ = writeln!(s, "  inner @11 :Inner = (x = 1, label = \"in\");");
        let _ = writeln!(s, "  inners @12 :List(Inner) = [(x = 2), (y = 3)];");
        let _ = writeln!(s, "  other @13 :S{next};");
        let _ = writeln!(s, "  boxed @14 :Box(Text) = (value = \"boxed\");");
        let _ = writeln!(s, "  limit @15 :Int64 = .limit{i};");
        let _ = writeln!(s, "  union {{");
        let _ = writeln!(s, "    none @16 :Void;");
        let _ = writeln!(s, "    text @17 :Text;");
        let _ = writeln!(s, "    number @18 :Int32 = {i};");
        let _ = writeln!(s, "    grouped :group {{");
        let _ = writeln!(s, "      a @19 :UInt8;");
        let _ = writeln!(s, "      b @20 :Bool = true;");
        let _ = writeln!(s, "      c @21 :List(Float64);");
        let _ = writeln!(s, "    }}");
        let _ = writeln!(s, "  }}");
        let _ = writeln!(s, "  detail :group {{");
        let _ = writeln!(s, "    created @22 :UInt64;");
        let _ = writeln!(s, "    choice :union {{");
        let _ = writeln!(s, "      left @23 :Int16 = -2;");
        let _ = writeln!(s, "      right @24 :Text = \"r\";");
        let _ = writeln!(s, "      both @25 :List(List(UInt8)) = [[1, 2], []];");
        let _ = writeln!(s, "    }}");
        let _ = writeln!(s, "  }}");
        for f in 26..40 {
            let _ = writeln!(s, "  extra{f} @{f} :{} ;", ["UInt32", "Int64", "Text", "Bool", "Float32"][f % 5]);
        }
        let _ = writeln!(s, "  point @40 :Inner = .point{i};");
        let _ = writeln!(s, "  enum Kind $flags([true]) {{  # What kind of S{i} this is.");
        let _ = writeln!(s, "    first @0;\n    second @1 $tag(\"two\");\n    third @2;\n    fourth @3;");
        let _ = writeln!(s, "  }}");
        let _ = writeln!(s, "  struct Inner {{  # A point inside S{i}.");
        let _ = writeln!(s, "    x @0 :Int32 = {i};\n    y @1 :Int32;\n    label @2 :Text;");
        let _ = writeln!(s, "    nested @3 :List(Inner);");
        let _ = writeln!(s, "  }}");
        let _ = writeln!(s, "}}");
        if i % 10 == 0 {
            let _ = writeln!(s, "\ninterface Service{i} {{  # Serves S{i} values.");
            let _ = writeln!(s, "  get @0 (id :UInt64, hint :Text = \"h\") -> (value :S{i});");
            let _ = writeln!(s, "  put @1 (value :S{i}) -> ();");
            let _ = writeln!(s, "  echo @2 [T] (item :T, items :List(AnyList), caps :List(Capability)) -> (item :T);");
            let _ = writeln!(s, "}}");
        }
    }
    s
}
