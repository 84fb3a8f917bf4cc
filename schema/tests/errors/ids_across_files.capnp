@0xd1b6d6d0f7f3a0f0;
using Base = import "lib/base.capnp";
struct Foo {
  a @0 :Base.Base;
}
