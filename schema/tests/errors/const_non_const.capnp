@0xd1b6d6d0f7f3a01d;
struct Foo {
  a @0 :Int32 = .Foo;
  b @1 :Int32 = .Color.red;
  c @2 :Color = .Color;
  d @3 :Int32 = .ann;
  enum Color { red @0; }
}
enum Color { red @0; }
annotation ann(*) :Int32;
const x :Int32 = .Foo;
