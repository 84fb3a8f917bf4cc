# The schema of the micro-benchmarks (benches/benches/micro.rs): capnzero's types come from
# `capnp_schema!`, the `capnp` crate's from capnpc's generator run on the CodeGeneratorRequest
# capnzero's compiler makes of this file (build.rs).
@0xb7e3c2a91d4f6051;

using Rust = import "/capnzero/annotate.capnp";

enum Color {
  red @0;
  green @1;
  blue @2;
}

# Three ints, with value semantics by all of them.
struct Point $Rust.key("*") {
  x @0 :Int64;
  y @1 :Int64;
  z @2 :Int64;
}

# Three texts, with value semantics by all of them.
struct Names $Rust.key("*") {
  first @0 :Text;
  middle @1 :Text;
  last @2 :Text;
}

# A field of every kind the benchmarks read.
struct Fields {
  int8 @0 :Int8;
  int16 @1 :Int16;
  int32 @2 :Int32;
  int64 @3 :Int64;
  uint8 @4 :UInt8;
  uint16 @5 :UInt16;
  uint32 @6 :UInt32;
  uint64 @7 :UInt64;
  float32 @8 :Float32;
  float64 @9 :Float64;
  flag @10 :Bool;
  color @11 :Color;
  text @12 :Text;
  inner @13 :Point;
  ints @14 :List(Int64);
  position :group {
    lat @15 :Float64;
    lon @16 :Float64;
  }
}

struct Shape {
  area @0 :Float64;
  union {
    circle @1 :Float64;
    square @2 :Float64;
    empty @3 :Void;
  }
}

struct Pair {
  a @0 :Point;
  b @1 :Point;
}

struct Item {
  name @0 :Text;
  at @1 :Point;
}

struct Items {
  items @0 :List(Item);
}

struct Ints {
  values @0 :List(Int64);
}

struct Points {
  points @0 :List(Point);
}

struct Tree {
  value @0 :Int64;
  left @1 :Tree;
  right @2 :Tree;
}
