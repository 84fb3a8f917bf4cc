# Written by tests/derive_layout.rs: the CAPNP_SCHEMA of each derived type.
@0xd1e57a2b9c4f0e61;

enum Color @0xc0ffee0000000001 {
  red @0;
  green @1;
  blue @2;
}

struct Scalars @0xc0ffee0000000002 {
  aBool @3 :Bool;
  anI8 @0 :Int8;
  anI16 @1 :Int16;
  anI32 @2 :Int32;
  nothing @13 :Void;
  anI64 @4 :Int64;
  aU8 @5 :UInt8;
  anotherBool @12 :Bool;
  aU16 @6 :UInt16;
  aU32 @7 :UInt32;
  aU64 @8 :UInt64;
  anF32 @9 :Float32;
  anF64 @10 :Float64;
  color @11 :Color;
}

struct Blobs @0xc0ffee0000000003 {
  text @0 :Text;
  boxedText @1 :Text;
  maybeText @2 :Text;
  maybeBoxedText @3 :Text;
  data @4 :Data;
  boxedData @5 :Data;
  maybeData @6 :Data;
  bytes @7 :List(UInt8);
}

struct Point @0xc0ffee0000000004 {
  x @0 :Int64;
  y @1 :Int64;
  label @2 :Text;
}

struct Lists @0xc0ffee0000000005 {
  ints @0 :List(Int32);
  bools @1 :List(Bool);
  voids @2 :List(Void);
  floats @3 :List(Float64);
  texts @4 :List(Text);
  datas @5 :List(Data);
  nested @6 :List(List(Int16));
  points @7 :List(Point);
  colors @8 :List(Color);
  deep @9 :List(List(List(Text)));
}

struct Tree @0xc0ffee0000000006 {
  value @0 :UInt32;
  children @1 :List(Tree);
  left @2 :Tree;
  right @3 :Tree;
  origin @4 :Point;
  blobs @5 :Blobs;
}

struct Defaults @0xc0ffee0000000007 {
  answer @0 :Int32 = 42;
  negative @1 :Int8 = -7;
  ratio @2 :Float64 = 1.5;
  flag @3 :Bool = true;
  greeting @4 :Text = "hello";
  magic @5 :Data = 0x"0102";
  max @6 :UInt16 = 65535;
}

struct Shape @0xc0ffee0000000008 {
  union {
    circle @0 :Float64;
    empty @3 :Void;
    label @2 :Text;
    square @1 :Point;
    maybe @4 :Blobs;
    tint @5 :Color;
  }
}

struct Drawing @0xc0ffee0000000009 {
  main @0 :Shape;
  shapes @1 :List(Shape);
}

struct Station @0xc0ffee000000000a {
  name @0 :Text;
  position :group {
    lat @1 :Float64;
    lon @2 :Float64;
    fix :group {
      satellites @3 :UInt8;
      note @4 :Text;
    }
  }
  elevation @5 :Int16;
  contact :union {
    unlisted @6 :Void;
    email @7 :Text;
    phone @8 :UInt64;
  }
  union {
    empty @9 :Void;
    text @10 :Text;
    located :group {
      lat @11 :Float64;
      lon @12 :Float64;
      fix :group {
        satellites @13 :UInt8;
        note @14 :Text;
      }
    }
    count @15 :Int32;
  }
  tags @16 :List(Text);
}

struct Sample @0xc0ffee000000000b {
  id @2 :UInt32;
  range :group {
    low @3 :Int32;
    high @1 :Int32;
  }
  unit @0 :Text;
}

