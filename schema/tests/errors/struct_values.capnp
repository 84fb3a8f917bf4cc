@0xd1b6d6d0f7f3a02f;
struct Foo {
  a @0 :Bar = (u = (i = 1), g = (t = 5));
  b @1 :Bar = (i = 1, t = "x", z = 2);
  c @2 :Bar = (1, 2);
  d @3 :List(Bar) = [(i = "x"), (t = 1)];
}
struct Bar {
  union {
    i @0 :Int32;
    t @1 :Text;
  }
  u :union { i @2 :Int32; j @3 :Int32; }
  g :group { t @4 :Text; }
}
