# Constants of every type and annotation declarations with every kind of target.
@0xd223a69c768006ba;

using Imported = import "imported.capnp";

const void :Void = void;
const bool :Bool = true;
const int8 :Int8 = -128;
const int16 :Int16 = -32768;
const int32 :Int32 = -2147483648;
const int64 :Int64 = -9223372036854775808;
const uint8 :UInt8 = 255;
const uint16 :UInt16 = 65535;
const uint32 :UInt32 = 4294967295;
const uint64 :UInt64 = 18446744073709551615;
const float32 :Float32 = -1.25e-3;
const float64 :Float64 = 6.02214076e23;
const text :Text = "caf\xc3\xa9 \"quoted\"";
const data :Data = "bytes\x00\xff";
const enum :Imported.Color = red;
const struct :Imported.Tag = (name = "const", level = 200, flags = [true, true, false]);
const list :List(Int64) = [9223372036854775807, -1, 0];
const structList :List(Imported.Tag) = [(name = "one"), (name = "two", level = 0)];
const textList :List(Text) = ["a", "b"];
const dataList :List(Data) = [0x"00", 0x"0102"];
const listOfLists :List(List(Text)) = [["p", "q"], []];
const emptyList :List(Float32) = [];
const boolList :List(Bool) = [true, false, false, true, true, false, true, false, true];
const enumList :List(Imported.Color) = [blue, red];
const reference :Text = .text;
const boxed :Imported.Box(Text) = (content = "inside", count = 2);

annotation everywhere @0x9fbb9fb9ad3d0c6f (*) :Imported.Tag;
# Applies to everything.
annotation onFile(file) :Void;
annotation onConst(const) :Bool;
annotation onEnum(enum) :Int8;
annotation onEnumerant(enumerant) :Int16;
annotation onStruct(struct) :Int32;
annotation onField(field) :Int64;
annotation onUnion(union) :UInt8;
annotation onGroup(group) :UInt16;
annotation onInterface(interface) :UInt32;
annotation onMethod(method) :UInt64;
annotation onParam(param) :Float32;
annotation onAnnotation(annotation) :Float64;
annotation onSome(struct, field, enum) :List(Text) $onAnnotation(1.5);
annotation onData(*) :Data;
annotation onEnumValue(*) :Imported.Color;
annotation onAny(*) :AnyPointer;

$onFile;

const annotated :UInt8 = 1 $onConst(true) $everywhere((name = "c"));

enum E $onEnum(-1) $onData(0x"ab") $onEnumValue(green) {
  a @0 $onEnumerant(-2);
  b @1;
}

struct S $onStruct(3) $onSome(["x", "y"]) $everywhere((level = 1)) {
  f @0 :Text $onField(4) $onSome([]);
  u :union $onUnion(5) {
    x @1 :Void;
    y @2 :Void;
  }
  g :group $onGroup(6) {
    z @3 :Bool;
  }
}

interface I $onInterface(7) {
  m @0 (p :Text $onParam(8.5)) -> () $onMethod(9);
}
