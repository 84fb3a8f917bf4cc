@0xd1b6d6d0f7f3a022;
using A = B;
using B = A;
using C = C;
struct Foo {
  a @0 :A;
  c @1 :C;
}
