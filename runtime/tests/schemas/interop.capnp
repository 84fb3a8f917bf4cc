# Schema of the interop tests between capnzero-runtime and the `capnp` crate
# (runtime/tests/interop_capnp_crate.rs). It covers every field kind, every list kind,
# non-zero defaults, and old/new pairs of structs for schema evolution.
#
# The Rust code in ../generated/interop_capnp.rs is generated from this file; see
# ../generated/README.md for the command. The field offsets the capnzero side uses are
# those `capnp compile -ocapnp` prints for this file.

@0xc51e22073fb33668;

enum Color {
  red @0;
  green @1;
  blue @2;
  indigo @3;
}

struct Inner {
  id @0 :Int32;
  name @1 :Text;
  flag @2 :Bool;
}

struct AllTypes {
  voidField @0 :Void;
  boolField @1 :Bool;
  int8Field @2 :Int8;
  int16Field @3 :Int16;
  int32Field @4 :Int32;
  int64Field @5 :Int64;
  uint8Field @6 :UInt8;
  uint16Field @7 :UInt16;
  uint32Field @8 :UInt32;
  uint64Field @9 :UInt64;
  float32Field @10 :Float32;
  float64Field @11 :Float64;
  textField @12 :Text;
  dataField @13 :Data;
  enumField @14 :Color;
  structField @15 :Inner;
  anyField @16 :AnyPointer;

  union {
    unionInt @17 :Int32;
    unionText @18 :Text;
    unionVoid @19 :Void;
    unionStruct @20 :Inner;
  }

  group :group {
    x @21 :UInt16;
    y @22 :Text;
    z @23 :Float64;
  }

  voidList @24 :List(Void);
  boolList @25 :List(Bool);
  int8List @26 :List(Int8);
  int16List @27 :List(Int16);
  int32List @28 :List(Int32);
  int64List @29 :List(Int64);
  uint8List @30 :List(UInt8);
  uint16List @31 :List(UInt16);
  uint32List @32 :List(UInt32);
  uint64List @33 :List(UInt64);
  float32List @34 :List(Float32);
  float64List @35 :List(Float64);
  textList @36 :List(Text);
  dataList @37 :List(Data);
  enumList @38 :List(Color);
  structList @39 :List(Inner);
  int32ListList @40 :List(List(Int32));
  textListList @41 :List(List(Text));
}

# Non-zero defaults: the wire holds value XOR default.
struct Defaults {
  boolTrue @0 :Bool = true;
  boolFalse @1 :Bool = false;
  int8 @2 :Int8 = -123;
  int16 @3 :Int16 = -12345;
  int32 @4 :Int32 = -1234567890;
  int64 @5 :Int64 = -1234567890123456789;
  uint8 @6 :UInt8 = 200;
  uint16 @7 :UInt16 = 60000;
  uint32 @8 :UInt32 = 4000000000;
  uint64 @9 :UInt64 = 12345678901234567890;
  float32 @10 :Float32 = -1.25;
  float64 @11 :Float64 = -6.02e23;
  float32Nan @12 :Float32 = nan;
  float64Nan @13 :Float64 = nan;
  float32Inf @14 :Float32 = -inf;
  float64NegZero @15 :Float64 = -0.0;
  color @16 :Color = indigo;
  unsetBool @17 :Bool = true;
}

# Schema evolution: OldStruct is an older version of NewStruct (same fields, same order).
struct OldStruct {
  a @0 :Int32;
  b @1 :Text;
}

struct NewStruct {
  a @0 :Int32;
  b @1 :Text;
  c @2 :Int64 = 42;
  d @3 :Text;
  e @4 :Bool = true;
  f @5 :Float32 = 0.5;
  g @6 :Inner;
}

# List upgrades: a List(Int32) / List(Text) read as a list of structs whose first field has
# that type, and the other way round.
struct IntElement {
  value @0 :Int32;
  label @1 :Text;
}

struct TextElement {
  text @0 :Text;
  number @1 :UInt64;
}

struct OldHolder {
  ints @0 :List(Int32);
  texts @1 :List(Text);
  old @2 :OldStruct;
  olds @3 :List(OldStruct);
  bools @4 :List(Bool);
}

struct NewHolder {
  ints @0 :List(IntElement);
  texts @1 :List(TextElement);
  old @2 :NewStruct;
  olds @3 :List(NewStruct);
  bools @4 :List(IntElement);
}

# Generic structs and the brands that bind them: read and written by both implementations.
struct Box(T) {
  value @0 :T;
  count @1 :UInt32 = 1;
  label :group {
    text @2 :Text;
    held @3 :T;
  }
  slot @4 :Slot;
  boxes @5 :List(Box(T));

  # A nested struct of a generic struct: it inherits `T`.
  struct Slot {
    held @0 :T;
    index @1 :Int16 = -1;
  }
}

struct Pair(Key, Value) {
  key @0 :Key;
  value @1 :Value;
  weight @2 :Float64;
  union {
    none @3 :Void;
    extra @4 :Value;
    note @5 :Text;
  }
}

struct GenericHolder {
  textBox @0 :Box(Text);
  pair @1 :Pair(Text, Inner);
  intsBox @2 :Box(List(Int32));
  textBoxes @3 :List(Box(Text));
  nestedBox @4 :Box(Box(Data));
  slot @5 :Box(Text).Slot;
  anyBox @6 :Box;
  structBox @7 :Box(Inner);
  pairs @8 :List(Pair(Data, List(Text)));
}
