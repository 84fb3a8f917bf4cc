@0xd1b6d6d0f7f3a027;
struct Plain {}
interface Base {}
interface Foo extends(Plain, Base, Missing) {
  a @0 (x :Int32) -> ();
  b @0 () -> ();
  c @3 stream -> ();
  d @4 () -> Base;
  e @5 (x :Int32 = null) -> ();
  f @6 (x :Text = null, y :Int32 = 1.5) -> ();
}
