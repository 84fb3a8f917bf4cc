@0xd1b6d6d0f7f3a02b;
using Lib = import "lib/with_errors.capnp";
struct First {
  a @0 :Second;
  b @1 :Lib.Used;
  c @2 :Color = red;
  x @3 :Nope1;
  struct Nested {
    y @0 :Nope2;
  }
}
struct Second {
  z @0 :Nope3;
}
enum Color { red @0; Blue @1; }
const k :Int32 = .First.Nested.bad;
