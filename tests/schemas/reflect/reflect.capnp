@0xc8e2a7d41b3f5a69;

# Reflection and the text format of generated types (tests/reflection.rs). The fixtures beside
# this file are what `capnp decode` prints for each message; regen.sh makes them.

annotation label(struct, field, enum, enumerant) :Text;
annotation weight(field) :Float64;
annotation tags(struct) :List(UInt16);

enum Color $label("colour") {
  red @0;
  green @1 $label("verdant");
  blue @2;
}

struct Point $label("a point") $tags([1, 2, 3]) {
  x @0 :Int64 $weight(0.5);
  y @1 :Int64 = -7 $label("ordinate");
  label @2 :Text;
  isVisible @3 :Bool = true;
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
  point @15 :Point;
  voids @16 :List(Void);
  bools @17 :List(Bool);
  int8s @18 :List(Int8);
  int16s @19 :List(Int16);
  int32s @20 :List(Int32);
  int64s @21 :List(Int64);
  uint8s @22 :List(UInt8);
  uint16s @23 :List(UInt16);
  uint32s @24 :List(UInt32);
  uint64s @25 :List(UInt64);
  float32s @26 :List(Float32);
  float64s @27 :List(Float64);
  texts @28 :List(Text);
  datas @29 :List(Data);
  colors @30 :List(Color);
  points @31 :List(Point);
  matrix @32 :List(List(Int32));
  defaulted @33 :Int32 = 42;
  type @34 :Text;
  position :group {
    lat @35 :Float64;
    lon @36 :Float64 = 10;
  }
  self @37 :Everything;
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
    color @7 :Color;
  }
  border :union {
    none @8 :Void;
    width @9 :UInt16;
    dashed :group {
      on @10 :UInt8;
      off @11 :UInt8;
    }
  }
  extra @12 :Int32;
}

struct Floats {
  f32s @0 :List(Float32);
  f64s @1 :List(Float64);
  one @2 :Float32;
  two @3 :Float64 = 2.5;
}
