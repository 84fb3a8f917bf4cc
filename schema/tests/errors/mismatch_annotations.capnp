@0xd1b6d6d0f7f3a01a;
annotation text(*) :Text;
annotation number(*) :Int32;
annotation list(*) :List(Int32);
annotation pair(*) :Pair;
annotation color(*) :Color;
struct Pair { a @0 :Int32; b @1 :Text; }
enum Color { red @0; }
struct Foo $text(5) $number("x") $list((a = 1)) $pair(nope = 1) $color(purple) {
  a @0 :Int32 $pair(a = "x", b = 2);
}
