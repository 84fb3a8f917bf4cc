@0xd1b6d6d0f7f3a028;
struct Foo {
  union {
    only @0 :Int32;
  }
  g :group {}
  u :union {
    a @1 :Int32;
    union { b @2 :Int32; c @3 :Int32; }
  }
}
struct Bar {
  u @0 :union { a @1 :Int32; b @2 :Int32; }
}
