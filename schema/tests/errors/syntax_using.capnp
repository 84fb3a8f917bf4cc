@0xd1b6d6d0f7f3a00a;
using Foo;
using import "lib/base.capnp";
struct Bar {}
