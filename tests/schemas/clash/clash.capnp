@0xd3c1a7e5b9f20461;
# Names that collide with generated items, with each other, or with Rust: every one generates.

enum Word {
  unknown @0;
  which @1;
  reader @2;
  builder @3;
  schema @4;
  union @5;
  self @6;
  super @7;
  crate @8;
  type @9;
  async @10;
}

struct Clash {
  result @0 :Data;
  hasResult @1 :Bool;
  getResult @2 :Int32;
  toOwned @3 :UInt8;
  which @4 :UInt16;
  reborrow @5 :UInt32;
  dynamic @6 :Int8;
  schema @7 :Text;
  self @8 :Int16;
  super @9 :Int16;
  crate @10 :Int16;
  type @11 :Int16;
  word @12 :Word;
  union @13 :Int64;
  choice :union {
    unknown @14 :Void;
    self @15 :UInt8;
    which @16 :Text;
    reader @17 :Int32;
  }
  union {
    none @18 :Void;
    untyped @19 :Int32;
    unknownThing @20 :Text;
  }

  struct ClashReader {
    x @0 :Int32;
  }
  struct Which {
    y @0 :Int32;
  }
  struct Choice {
    z @0 :Int32;
  }
}

struct ClashReader {
  # Declared after `Clash`, whose reader has this name.
  x @0 :Int32;
  inner @1 :Clash.ClashReader;
  which @2 :Clash.Which;
  choice @3 :Clash.Choice;
}
