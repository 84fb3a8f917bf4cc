@0xd6e5f1c2a3b4c5d9;
struct C {
  a @0 :Bool;
  g :group { x @1 :Int8; y @2 :Text; }
  u :union { p @3 :Int32; q :group { r @4 :Bool; s @5 :UInt64; } t @6 :Void; }
  union { v @7 :Float32; w @8 :List(Int8); }
  e @9 :E;
  enum E { a @0; }
  struct N { z @0 :Int16; }
}
