@0xd1b6d6d0f7f3a02d;
struct Foo {
  a @0 :List(List(Int32)) = [[1, 2], [3, "x"], 4];
  b @1 :Bar = (c = (d = 5), l = [(d = 300)]);
  e @2 :List(Text) = ["a", 5, 0x"00"];
}
struct Bar {
  c @0 :Baz;
  l @1 :List(Baz);
}
struct Baz { d @0 :UInt8; }
