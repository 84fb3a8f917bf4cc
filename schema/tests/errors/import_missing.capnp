@0xd1b6d6d0f7f3a01f;
using Missing = import "no/such/file.capnp";
struct Foo {
  a @0 :import "also/missing.capnp".Bar;
  b @1 :Missing.Bar;
  c @2 :Int32 = import "third.capnp".x;
}
