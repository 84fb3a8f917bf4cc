@0xd1b6d6d0f7f3a015;
struct Foo {
  g :group {
    a @0 :Int32;
    struct Inner {}
  }
  union {
    b @1 :Int32;
    c @2 :Int32;
    const k :Int32 = 1;
  }
}
