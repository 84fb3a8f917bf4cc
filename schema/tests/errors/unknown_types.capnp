@0xd1b6d6d0f7f3a016;
struct Foo {
  a @0 :Bar;
  b @1 :Foo.Nope;
  c @2 :List(Nope2);
  d @3 :import "lib/base.capnp".Missing;
  e @4 :.Nope3;
  f @5 :Object;
  g @6 :Inner.Deeper;
  struct Inner {}
}
