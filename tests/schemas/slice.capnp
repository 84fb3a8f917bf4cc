@0xd5a4c1c0b7f3e211;

# A schema exercising every construct the first codegen slice generates.

enum Color {
  red @0;
  green @1;
  blue @2;
}

struct Point {
  # A point with a label.
  x @0 :Int64;
  y @1 :Int64 = -7;
  label @2 :Text;
}

struct Everything {
  # Every field kind of the slice.
  b @0 :Bool;
  bTrue @1 :Bool = true;
  i8 @2 :Int8 = -3;
  i16 @3 :Int16;
  i32 @4 :Int32 = 100000;
  i64 @5 :Int64;
  u8 @6 :UInt8;
  u16 @7 :UInt16 = 65535;
  u32 @8 :UInt32;
  u64 @9 :UInt64 = 12345678901234;
  f32 @10 :Float32 = 1.5;
  f64 @11 :Float64 = -2.25;
  text @12 :Text;
  textWithDefault @13 :Text = "hello";
  data @14 :Data;
  dataWithDefault @15 :Data = 0x"01 02 ff";
  color @16 :Color = green;
  point @17 :Point;
  pointWithDefault @18 :Point = (x = 3, label = "dflt");
  ints @19 :List(Int32);
  bools @20 :List(Bool);
  texts @21 :List(Text);
  points @22 :List(Point);
  nested @23 :List(List(UInt16));
  colors @24 :List(Color);
  intsWithDefault @25 :List(Int32) = [1, 2, 3];
  void @26 :Void;
  type @27 :UInt8;
  # A field whose name is a Rust keyword.
  self @28 :Everything;
  position :group {
    # A group.
    lat @29 :Float64;
    lon @30 :Float64 = 10.0;
  }
  inner @31 :Inner;

  struct Inner {
    kind @0 :Kind;
    enum Kind {
      small @0;
      large @1;
    }
  }
}

struct Shape {
  name @0 :Text;
  union {
    circle @1 :Float64;
    square @2 :Text;
    empty @3 :Void;
    rect :group {
      w @4 :UInt32;
      h @5 :UInt32 = 9;
    }
    points @6 :List(Point);
  }
}

struct Tree {
  value @0 :Int32;
  left @1 :Tree;
  children @2 :List(Tree);
}
