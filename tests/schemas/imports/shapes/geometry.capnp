@0xa9e1c0d2b3f40517;
# Imported by main.capnp; imports units.capnp itself.

using Units = import "../units.capnp";

struct Point {
  x @0 :Float64;
  y @1 :Float64;
}

struct Shape {
  center @0 :Point;
  unit @1 :Units.Unit;
  union {
    circle @2 :Float64;
    square @3 :Float64;
  }
}

struct Unused {
  # Generated too: imported files are generated whole.
  flag @0 :Bool;
}
