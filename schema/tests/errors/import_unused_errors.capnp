@0xd1b6d6d0f7f3a021;
using Lib = import "lib/partly_broken.capnp";
struct Foo {
  a @0 :Lib.Good;
}
