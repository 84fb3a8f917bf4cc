@0xd1b6d6d0f7f3a029;
struct Foo {
  a @0 :Int32;
  b @0 :Int32;
  c @3 :Int32;
  union {
    d @4 :Int32;
    e @4 :Text;
  }
  g :group {
    f @6 :Int32;
    h @5 :Int32;
  }
}
enum E { a @0; b @2; c @2; }
interface I { m @1 (); n @1 (); }
struct Retro {
  a @0 :Int32;
  u @1! :union { b @2 :Int32; c @3 :Int32; }
}
