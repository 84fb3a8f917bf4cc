@0xd1b6d6d0f7f3a02c;
interface Foo {
  a @0 (x :Nope, y :Int32 = "s", z :List(Int32) = [1, "x"]) -> (r :Text = 5);
  b @1 [T] (x :T = 5) -> (y :T);
  c @2 (x :Int32 $Nope) -> Nope;
  d @3 () -> (x :Int32, x :Text);
}
