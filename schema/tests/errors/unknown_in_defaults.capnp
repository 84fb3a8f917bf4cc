@0xd1b6d6d0f7f3a017;
struct Foo {
  a @0 :Int32 = .nope;
  b @1 :Int32 = Foo.x;
  c @2 :Color = purple;
  d @3 :Inner = (x = .missing);
  e @4 :List(Int32) = [1, .gone];
  enum Color { red @0; }
  struct Inner { x @0 :Int32; }
}
