@0xd5a0e2b4c6f80004;
# An anonymous union, a group and a named union.

struct Shape {
  area @0 :Float64;
  union {
    circle @1 :Float64;
    square @2 :Float64;
    empty @3 :Void;
  }
  position :group {
    x @4 :Int32;
    y @5 :Int32;
  }
  label :union {
    text @6 :Text;
    number @7 :UInt32;
  }
}
