@0xc1d2e3f405162738;

# Small fields interleaved with unions and groups, unions inside groups inside unions,
# and a field moved into a union after the fact.
struct Mixed {
  b0 @0 :Bool;
  u8a @1 :UInt8;
  union {
    ua @2 :Bool;
    ub @3 :Int16;
    uc :group {
      c1 @4 :Bool;
      c2 @5 :UInt32;
      inner :union {
        i1 @6 :UInt8;
        i2 @7 :Float64;
        i3 :group {
          deep :union {
            d1 @8 :Bool;
            d2 @9 :Int64;
            d3 @10 :Text;
          }
          d4 @11 :UInt16;
        }
      }
    }
  }
  b1 @12 :Bool;
  i16 @13 :Int16;
  g :group {
    gb @14 :Bool;
    gu :union {
      x @15 :Void;
      y @16 :UInt8;
      z @17 :Data;
    }
    gi @18 :Int32;
  }
  b2 @19 :Bool;
  f32 @20 :Float32;
  b3 @21 :Bool;
  ptr @22 :List(Bool);
  tail @23 :UInt64;
}

struct Retro {
  a @0 :UInt32;
  later @2! :union {
    old @1 :Int16;
    new @3 :Float32;
  }
}

struct Retro2 {
  keep @0 :Text;
  u @2! :union {
    first @1 :Text;
    second @3 :UInt16;
  }
  after @4 :Bool;
}

struct AllVoidUnion {
  union {
    a @0 :Void;
    b @1 :Void;
    c @2 :Void;
  }
  x @3 :UInt8;
}

struct Empty {}

struct OnlyPointers {
  a @0 :Text;
  b @1 :AnyPointer;
  c @2 :List(List(Int8));
}
