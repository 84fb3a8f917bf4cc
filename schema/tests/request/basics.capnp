# Structs with unions and groups, enums, defaults of every type, annotations and doc comments.
@0xeccf6365b0d6f80d;

using Imported = import "imported.capnp";
using Imported.Color;
using Imported.label;

struct Person $label("a person") $Imported.tagged((name = "p", level = 9, flags = [true, false, true])) {
  # A person: a node doc comment.

  id @0 :UInt64;
  # Unique.

  name @1 :Text $label("full name") $Imported.weight(0.5);
  # The name.

  email @2 :Text = "nobody@example.com";

  union {
    # An anonymous union.
    unemployed @3 :Void;
    # Not working.
    employer @4 :Text;
    school @5 :Text;
    selfEmployed :group {
      since @6 :UInt16;
      trade @7 :Text;
    }
  }

  address :group {
    # A group.
    street @8 :Text;
    city @9 :Text;
    zip @10 :UInt32 = 12345;
  }

  status :union {
    # A named union.
    active @11 :Bool;
    retired @12 :Int16 = -7;
    deceased :group {
      year @13 :Int32;
      cause @14 :Text;
    }
  }

  favorite @15 :Color = blue;
  phones @16 :List(Phone);
  nested @17 :Imported.Box(Text);

  struct Phone {
    number @0 :Text;
    kind @1 :Kind;
    enum Kind {
      # Phone kinds.
      mobile @0;
      # Carried around.
      home @1;
      work @2 $label("office");
    }
  }
}

struct Defaults {
  # Every type with an explicit default, then every type without one.
  void @0 :Void = void;
  bool @1 :Bool = true;
  int8 @2 :Int8 = -8;
  int16 @3 :Int16 = -1616;
  int32 @4 :Int32 = -323232;
  int64 @5 :Int64 = -6464646464646464;
  uint8 @6 :UInt8 = 8;
  uint16 @7 :UInt16 = 1616;
  uint32 @8 :UInt32 = 323232;
  uint64 @9 :UInt64 = 6464646464646464;
  float32 @10 :Float32 = 3.25;
  float64 @11 :Float64 = -1.5e300;
  text @12 :Text = "hello\nworld";
  data @13 :Data = 0x"de ad be ef";
  list @14 :List(Int32) = [1, -2, 3];
  enum @15 :Color = green;
  struct @16 :Imported.Tag = (name = "d", flags = [false, true]);
  structList @17 :List(Imported.Tag) = [(name = "a"), (level = 1, flags = [true])];
  textList @18 :List(Text) = ["x", "yz", ""];
  listList @19 :List(List(UInt16)) = [[1, 2], [], [3]];
  inf @20 :Float64 = inf;
  nan @21 :Float32 = nan;
  negZero @22 :Float64 = -0.0;

  plainVoid @23 :Void;
  plainBool @24 :Bool;
  plainInt8 @25 :Int8;
  plainInt16 @26 :Int16;
  plainInt32 @27 :Int32;
  plainInt64 @28 :Int64;
  plainUInt8 @29 :UInt8;
  plainUInt16 @30 :UInt16;
  plainUInt32 @31 :UInt32;
  plainUInt64 @32 :UInt64;
  plainFloat32 @33 :Float32;
  plainFloat64 @34 :Float64;
  plainText @35 :Text;
  plainData @36 :Data;
  plainList @37 :List(Float64);
  plainEnum @38 :Color;
  plainStruct @39 :Imported.Tag;
  plainAny @40 :AnyPointer;
  plainBoolList @41 :List(Bool);
  plainEnumList @42 :List(Color);
}

enum Empty {
  only @0;
}

enum NoValues {}

struct Nothing {
  # No fields: the compiler writes no field list (and no member doc comments) for it.
}
