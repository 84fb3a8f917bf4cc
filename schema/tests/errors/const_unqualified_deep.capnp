@0xd1b6d6d0f7f3a0a1;
struct Outer {
  const inner :Int32 = 7;
  struct S {
    a @0 :List(List(Int32)) = [[inner], [1, inner]];
    b @1 :T = (v = inner, w = [inner]);
    c @2 :List(T) = [(v = inner)];
  }
  annotation ann(*) :T;
  x @0 :Int32 $ann(v = inner);
  e @1 :Color = inner;
  l @2 :List(Color) = [red, inner];
}
struct T { v @0 :Int32; w @1 :List(Int32); }
enum Color { red @0; green @1; }
const top :List(Int32) = [Outer.inner, inner];
