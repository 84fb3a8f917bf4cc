@0xd4c3b2a190817263;
# Keys (value semantics), for tests/schema_keys.rs.

using Py = import "/capnpy/annotate.capnp";
using Rust = import "/capnzero/annotate.capnp";

enum Kind {
  circle @0;
  square @1;
}

struct Point $Py.key("x, y") {
  x @0 :Int64;
  y @1 :Int64;
  name @2 :Text;   # not in the key
}

struct Texts $Rust.key("*") {
  a @0 :Text;
  b @1 :Text;
  c @2 :Text;
}

struct Reordered $Py.key("label, id") {
  id @0 :UInt32;
  label @1 :Text;
}

struct Everything $Py.key("*") {
  flag @0 :Bool;
  small @1 :Int8;
  big @2 :UInt64;
  single @3 :Float32;
  double @4 :Float64;
  kind @5 :Kind;
  text @6 :Text;
  data @7 :Data;
  point @8 :Point;
  ints @9 :List(Int32);
  texts @10 :List(Text);
  points @11 :List(Point);
  position :group $Py.key("x") {
    x @12 :Int32;
    y @13 :Int32;   # not in the group's key
  }
  nothing @14 :Void;
  union {
    # Union members are not part of "*".
    first @15 :Int32;
    second @16 :Text;
  }
}

struct Tree $Py.key("value, left") {
  value @0 :Int32;
  left @1 :Tree;
  right @2 :Tree;   # not in the key
}

struct NoKey {
  x @0 :Int32;
}

struct Pixel {
  # capnpy's virtual group: `position` views x and y, and compares by them.
  x @0 :Int64;
  y @1 :Int64;
  color @2 :Text;
  position @3 :Void $Py.group("x, y") $Py.key("*");
  coloured @4 :Void $Rust.group("color, x");
}

struct Spot {
  # A virtual group whose view's name (`PositionReader`) the nested struct `Position` has
  # taken: the view is `spot::PositionReader_` (docs/codegen.md, "Naming rules").
  x @0 :Int64;
  y @1 :Int64;
  position @2 :Void $Py.group("x, y") $Py.key("*");
  struct Position {
    z @0 :Int8;
  }
}
