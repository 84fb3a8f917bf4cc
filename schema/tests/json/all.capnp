@0xc4a1e0f6b2d37e51;
# Test schema for capnzero's JSON codec: every type, unions, groups and every annotation of
# /capnp/compat/json.capnp.

using Json = import "/capnp/compat/json.capnp";

enum Color { red @0; green @1; blue @2; }

enum Renamed { plain @0; fancy @1 $Json.name("fancy-name"); }

struct Scalars {
  v @0 :Void;
  b @1 :Bool;
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
  t @12 :Text;
  d @13 :Data;
  e @14 :Color;
  s @15 :Scalars;
  withDefault @16 :Int32 = 42;
  textDefault @17 :Text = "dflt";
}

struct Lists {
  voids @0 :List(Void);
  bools @1 :List(Bool);
  i8s @2 :List(Int8);
  i64s @3 :List(Int64);
  u64s @4 :List(UInt64);
  f32s @5 :List(Float32);
  f64s @6 :List(Float64);
  texts @7 :List(Text);
  datas @8 :List(Data);
  enums @9 :List(Color);
  structs @10 :List(Scalars);
  lists @11 :List(List(Int32));
  empty @12 :List(Int32);
}

struct Unions {
  before @0 :Int32;
  union {
    first @1 :Void;
    second @2 :Text;
    third @3 :Scalars;
    fourth @7 :List(Int32);
  }
  middle @4 :Text;
  grp :group {
    x @5 :Int32;
    y @6 :Text;
  }
  named :union {
    na @8 :Int32;
    nb @9 :Text;
  }
}

struct Annotated {
  plain @0 :Text;
  renamed @1 :Int32 $Json.name("re-named");
  flat @2 :Inner $Json.flatten();
  flatPrefixed @3 :Inner $Json.flatten(prefix = "p_");
  grp :group $Json.flatten(prefix = "g.") {
    ga @4 :Int32;
    gb @5 :Text;
  }
  b64 @6 :Data $Json.base64;
  hex @7 :Data $Json.hex;
  renum @8 :Renamed;
  renums @9 :List(Renamed);
  tagged :union $Json.discriminator(name = "kind", valueName = "val") {
    ta @10 :Int32;
    tb @11 :Text $Json.name("tb-renamed");
    tv @12 :Void;
  }
  flatUnion :union $Json.flatten() $Json.discriminator(name = "fu") {
    fa @13 :Inner $Json.flatten(prefix = "fa.");
    fb @14 :Int32;
    fv @15 :Void;
  }
  ext @16 :External;
}

struct Inner {
  foo @0 :Int32;
  bar @1 :Text $Json.name("bar-name");
}

struct External $Json.discriminator(name = "type") {
  union {
    one @0 :Text;
    two @1 :Int32;
    none @2 :Void;
  }
}

struct Pointers {
  any @0 :AnyPointer;
  cap @1 :Iface;
  t @2 :Text;
}

interface Iface {}

struct Deep {
  next @0 :Deep;
  list @1 :List(Deep);
}

struct WithJson {
  v @0 :Json.Value;
  list @1 :List(Json.Value);
  after @2 :Text;
}

struct MoreAnnotated {
  grp :group $Json.name("renamed-group") {
    a @0 :Int32;
  }
  unnamedTag :union $Json.flatten() $Json.discriminator() {
    left @1 :Inner $Json.flatten();
    right @2 :Inner2 $Json.flatten();
    nothing @3 :Void;
  }
  valueOnly :union $Json.discriminator(valueName = "v") {
    x @4 :Int32;
    y @5 :Text;
  }
  flatList @6 :WithList $Json.flatten(prefix = "wl_");
}

struct Inner2 {
  foo @0 :Text;
  other @1 :Bool;
}

struct WithList {
  colors @0 :List(Color);
  hexes @1 :Data $Json.hex;
}

struct Clash {
  a @0 :Int32 $Json.name("same");
  b @1 :Int32 $Json.name("same");
}

struct FlattenPrimitive {
  a @0 :Int32 $Json.flatten();
}

struct FlattenCycle {
  self @0 :FlattenCycle $Json.flatten();
}

struct Base64OnText {
  t @0 :Text $Json.base64;
}

struct Box(T) {
  v @0 :T;
  tag @1 :Text $Json.name("box-tag");
}

struct UsesGenerics {
  text @0 :Box(Text);
  inner @1 :Box(Inner) $Json.flatten(prefix = "in.");
  list @2 :Box(List(Box(Text)));
}
