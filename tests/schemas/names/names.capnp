@0xc2d4e6f8a0b1c3d6;
# `$Rust.name` on every kind of declaration.
using Rust = import "/capnzero/annotate.capnp";
using import "measures.capnp".Scale;

struct Vec2 $Rust.name("Vector") {
  type @0 :Int32 $Rust.name("kind");
  x @1 :Float64;
  pos :group $Rust.name("position") {
    a @2 :Int8;
  }
  union {
    first @3 :Void $Rust.name("primary");
    second @4 :Text;
  }
  scale @5 :Scale;
  struct Inner $Rust.name("Nested") {
    v @0 :UInt8;
  }
}

enum Color $Rust.name("Colour") {
  red @0 $Rust.name("Crimson");
  blue @1;
}

const maxSize :UInt32 = 3 $Rust.name("LIMIT");

interface Svc $Rust.name("Service") {
  doIt @0 () -> () $Rust.name("run");
}
