@0xbd0b9df977784df8;
# Every kind of field the text format can set, for schema/tests/text_parse.rs.

enum Color {
  red @0;
  green @1;
  blue @2;
}

struct Leaf {
  tag @0 :UInt32;
  caption @1 :Text;
  ok @2 :Bool;
}

struct Box(T) {
  value @0 :T;
}

struct Pair(A, B) {
  first @0 :A;
  second @1 :B;
}

struct Outer(U) {
  inner @0 :Box(U);
  nested @1 :Nested;
  struct Nested {
    x @0 :U;
  }
}

interface Iface {
  ping @0 () -> ();
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
  leaf @15 :Leaf;
  self @16 :Everything;

  voids @17 :List(Void);
  bools @18 :List(Bool);
  int8s @19 :List(Int8);
  int16s @20 :List(Int16);
  int32s @21 :List(Int32);
  int64s @22 :List(Int64);
  uint8s @23 :List(UInt8);
  uint16s @24 :List(UInt16);
  uint32s @25 :List(UInt32);
  uint64s @26 :List(UInt64);
  float32s @27 :List(Float32);
  float64s @28 :List(Float64);
  texts @29 :List(Text);
  datas @30 :List(Data);
  colors @31 :List(Color);
  leaves @32 :List(Leaf);
  matrix @33 :List(List(Int32));
  words @34 :List(List(Text));
  forest @35 :List(List(Leaf));
  selves @36 :List(Everything);

  union {
    none @37 :Void;
    count @38 :UInt16;
    label @39 :Text;
    leafy @40 :Leaf;
  }

  shape :union {
    circle @41 :Float64;
    square :group {
      side @42 :Float64;
      filled @43 :Bool;
    }
    rect :group {
      w @44 :UInt32;
      h @45 :UInt32;
    }
  }

  box :group {
    width @46 :UInt32;
    height @47 :Int16;
    lit @48 :Bool;
    corner :union {
      sharp @49 :Void;
      round @50 :Float32;
    }
  }

  answer @51 :Int32 = 42;
  flag @52 :Bool = true;
  greeting @53 :Text = "hello";
  ratio @54 :Float64 = 0.5;
  hue @55 :Color = blue;

  any @56 :AnyPointer;
  iface @57 :Iface;

  boxText @58 :Box(Text);
  boxLeaf @59 :Box(Leaf);
  pair @60 :Pair(Text, List(Int32));
  outer @61 :Outer(Data);
  boxes @62 :List(Box(Text));
}

struct Big {
  items @0 :List(Leaf);
  blob @1 :Data;
  names @2 :List(Text);
}
