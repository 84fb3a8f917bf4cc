@0xd1b6d6d0f7f3a018;
struct Foo {
  a @0 :Text = 5;
  b @1 :Int32 = "five";
  c @2 :List(Int32) = (x = 1);
  d @3 :Color = 3;
  e @4 :Bar = (nope = 1);
  f @5 :Int32 = 1.5;
  g @6 :Bool = 1;
  h @7 :Bar = [1];
  i @8 :Data = 5;
  l @9 :Void = 1;
  m @10 :Int32 = true;
  n @11 :Float32 = "x";
  o @12 :Bar = (x = "s");
  p @13 :Text = 0x"00";
  q @14 :Color = blue;
  r @15 :Bar = (grp = 5);
  s @16 :Bar = (x = 1, x = 2);
  enum Color { red @0; green @1; }
}
struct Bar {
  x @0 :Int32;
  grp :group { y @1 :Int32; }
}
