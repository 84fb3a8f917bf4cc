@0xd7a3c19b4e2f6a81;

# A newer version of reflect.capnp's types: one more enumerant and one more union member, to
# write messages holding values reflect.capnp does not know (encoded by regen.sh).

enum Color {
  red @0;
  green @1;
  blue @2;
  violet @3;
}

struct Point {
  x @0 :Int64;
  y @1 :Int64 = -7;
  label @2 :Text;
  isVisible @3 :Bool = true;
}

struct Shape {
  name @0 :Text;
  union {
    circle @1 :Float64;
    square @2 :Text;
    empty @3 :Void;
    rect :group {
      w @4 :UInt32;
      h @5 :UInt32 = 9;
    }
    points @6 :List(Point);
    color @7 :Color;
    hexagon @13 :UInt8;
  }
  border :union {
    none @8 :Void;
    width @9 :UInt16;
    dashed :group {
      on @10 :UInt8;
      off @11 :UInt8;
    }
  }
  extra @12 :Int32;
}
