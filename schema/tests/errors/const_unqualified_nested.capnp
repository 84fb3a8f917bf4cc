@0xd1b6d6d0f7f3a030;
const answer :Int32 = 42;
struct S {
  x @0 :List(Int32) = [answer, 1];
  y @1 :T = (v = answer);
  z @2 :Int32 = answer;
}
struct T { v @0 :Int32; }
