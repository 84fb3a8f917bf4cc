@0xd1b6d6d0f7f3a013;
struct Foo {
  a @0 :Int32;
  a @1 :Text;
  union {
    b @2 :Int32;
    c @3 :Int32;
  }
  union {
    d @4 :Int32;
    e @5 :Int32;
  }
  g :group {
    a @6 :Int32;
    b @7 :Int32;
  }
  struct b {}
}
struct Foo {}
enum E { x @0; x @1; }
