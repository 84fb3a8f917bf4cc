# Test schema for the oracle tests in ../oracle.rs: every field kind, lists of every element
# size, defaults applied by XOR, unions and groups, and a struct big enough to spill into more
# than one segment. The layout the official compiler gives it is in layout.txt.
@0xe09929f0bec052e8;

enum Shade {
  crimson @0;
  amber @1;
  teal @2;
  indigo @3;
}

struct Leaf {
  tag @0 :UInt32;
  caption @1 :Text;
  weight @2 :Float64;
  ok @3 :Bool;
}

struct Specimen {
  nothing @0 :Void;
  flag @1 :Bool;
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
  blob @13 :Data;
  shade @14 :Shade;
  leaf @15 :Leaf;

  choice :union {
    empty @16 :Void;
    count @17 :UInt16;
    label @18 :Text;
    leafy @19 :Leaf;
  }

  box :group {
    width @20 :UInt32;
    height @21 :Int16;
    title @22 :Text;
    lit @23 :Bool;
    # A union inside a group.
    corner :union {
      square @24 :Void;
      round @25 :Float32;
    }
  }

  voids @26 :List(Void);
  bools @27 :List(Bool);
  int8s @28 :List(Int8);
  int16s @29 :List(Int16);
  int32s @30 :List(Int32);
  int64s @31 :List(Int64);
  uint8s @32 :List(UInt8);
  uint16s @33 :List(UInt16);
  uint32s @34 :List(UInt32);
  uint64s @35 :List(UInt64);
  float32s @36 :List(Float32);
  float64s @37 :List(Float64);
  texts @38 :List(Text);
  blobs @39 :List(Data);
  leaves @40 :List(Leaf);
  matrix @41 :List(List(Int32));
  shades @42 :List(Shade);
}

# Every primitive with a non-zero default: the wire holds the value XOR the default.
struct Preset {
  flag @0 :Bool = true;
  int8 @1 :Int8 = -100;
  int16 @2 :Int16 = -12345;
  int32 @3 :Int32 = 123456789;
  int64 @4 :Int64 = -1234567890123456789;
  uint8 @5 :UInt8 = 250;
  uint16 @6 :UInt16 = 65000;
  uint32 @7 :UInt32 = 4000000000;
  uint64 @8 :UInt64 = 18000000000000000000;
  float32 @9 :Float32 = -1.5;
  float64 @10 :Float64 = inf;
  float32Inf @11 :Float32 = -inf;
  float64Neg @12 :Float64 = -2.75e-300;
  shade @13 :Shade = indigo;
  other @14 :Bool = false;
  late @15 :Bool = true;
  text @16 :Text = "preset";
  leaf @17 :Leaf = (tag = 9, caption = "nine");
  nums @18 :List(Int32) = [1, 2, 3];
}

# Big enough that the default builder (1024-word first segment) spills into more segments.
struct Bulk {
  note @0 :Text;
  values @1 :List(Int64);
  names @2 :List(Text);
  tail @3 :Leaf;
}
