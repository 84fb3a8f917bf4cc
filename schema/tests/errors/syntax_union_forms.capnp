@0xd1b6d6d0f7f3a007;
struct Foo {
  a @0 :Int32;
  old @1 :union { b @2 :Text; c @3 :Text; }
  bare @4 union { d @5 :Text; e @6 :Text; }
  looksLikeAField @7 :union = 5;
}
