# Schema for the text printer fixtures: every type, unions, groups, generics, defaults.
@0xc5f1a2b3d4e5f607;

enum Color {
  red @0;
  green @1;
  blue @2;
}

struct Scalars {
  void @0 :Void;
  bool @1 :Bool;
  i8 @2 :Int8;
  i16 @3 :Int16;
  i32 @4 :Int32;
  i64 @5 :Int64;
  u8 @6 :UInt8;
  u16 @7 :UInt16;
  u32 @8 :UInt32;
  u64 @9 :UInt64;
  f32 @10 :Float32;
  f64 @11 :Float64;
  text @12 :Text;
  data @13 :Data;
  color @14 :Color;
}

struct Defaults {
  bool @0 :Bool = true;
  i8 @1 :Int8 = -8;
  i16 @2 :Int16 = 1616;
  i32 @3 :Int32 = -32;
  i64 @4 :Int64 = 6464646464;
  u8 @5 :UInt8 = 8;
  u16 @6 :UInt16 = 16;
  u32 @7 :UInt32 = 32;
  u64 @8 :UInt64 = 64;
  f32 @9 :Float32 = 1.5;
  f64 @10 :Float64 = -2.25;
  text @11 :Text = "default text";
  data @12 :Data = 0x"de ad be ef";
  color @13 :Color = blue;
  list @14 :List(Int32) = [1, 2, 3];
  struct @15 :Scalars = (i32 = 42, text = "inner default");
  nan @16 :Float64 = nan;
  inf @17 :Float32 = inf;
}

struct Floats {
  f64s @0 :List(Float64);
  f32s @1 :List(Float32);
  one64 @2 :Float64;
  one32 @3 :Float32;
}

struct Lists {
  voids @0 :List(Void);
  bools @1 :List(Bool);
  i8s @2 :List(Int8);
  i16s @3 :List(Int16);
  i32s @4 :List(Int32);
  i64s @5 :List(Int64);
  u8s @6 :List(UInt8);
  u16s @7 :List(UInt16);
  u32s @8 :List(UInt32);
  u64s @9 :List(UInt64);
  texts @10 :List(Text);
  datas @11 :List(Data);
  colors @12 :List(Color);
  structs @13 :List(Scalars);
  nested @14 :List(List(Int32));
  deep @15 :List(List(List(Text)));
  listOfStructLists @16 :List(List(Scalars));
  caps @17 :List(Iface);
}

interface Iface {
  ping @0 () -> ();
}

struct Unions {
  before @0 :Int32;
  union {
    unset @1 :Text;
    number @2 :Int32;
    nothing @3 :Void;
    word @4 :Text;
    inner @5 :Scalars;
    withDefault @9 :UInt16 = 77;
  }
  after @6 :Text;
  named :union {
    first @7 :Bool;
    second @8 :List(Int32);
  }
  grp :group {
    x @10 :Int32;
    y @11 :Int32;
    sub :group {
      z @12 :Text;
      union {
        a @13 :Int8;
        b @14 :Text;
      }
    }
  }
  tail @15 :Float64;
}

struct PointerFirst {
  union {
    ptr @0 :Text;
    num @1 :Int32;
  }
  other @2 :Int32;
}

struct Generic(T, U) {
  value @0 :T;
  other @1 :U;
  inner @2 :Inner;
  pair @3 :Pair(T);
  struct Inner {
    t @0 :T;
    u @1 :U;
  }
}

struct Pair(K) {
  key @0 :K;
  items @1 :List(Pair(K));
}

struct Holder {
  textScalars @0 :Generic(Text, Scalars);
  pair @1 :Pair(Generic(Data, Text));
  unbound @2 :Generic;
  any @3 :AnyPointer;
  anyStruct @4 :AnyStruct;
  cap @5 :Iface;
  capList @6 :List(Iface);
  innerOnly @7 :Generic(Text, Data).Inner;
}

struct Tree {
  label @0 :Text;
  value @1 :Int64;
  children @2 :List(Tree);
  attrs @3 :List(Attr);
}

struct Attr {
  key @0 :Text;
  value @1 :Text;
}

struct Big {
  a @0 :UInt64;
  b @1 :UInt64;
  c @2 :UInt64;
  d @3 :UInt64;
  e @4 :UInt64;
  f @5 :Text;
}

struct Version1 {
  a @0 :Int32;
  b @1 :Text;
}

struct Version2 {
  a @0 :Int32;
  b @1 :Text;
  c @2 :Int64 = 99;
  d @3 :Text = "new";
  e @4 :List(Int32);
  union {
    old @5 :Void;
    new @6 :Int32;
  }
}

struct Empty {}

struct ElementUpgrades {
  asStructs @0 :List(Attr);
  asInts @1 :List(Int32);
  asTexts @2 :List(Text);
}
