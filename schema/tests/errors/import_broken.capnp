@0xd1b6d6d0f7f3a020;
using Broken = import "lib/broken.capnp";
struct Foo {
  a @0 :Broken.Thing;
}
