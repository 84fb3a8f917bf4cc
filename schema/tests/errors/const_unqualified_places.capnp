@0xd1b6d6d0f7f3a0a2;
const one :Int32 = 1;
const list :List(Int32) = [one, .one, 2];
const t :T = (v = one, w = [one, one], g = (x = one));
struct T { v @0 :Int32; w @1 :List(Int32); g :group { x @2 :Int32; } u :union { p @3 :Void; q @4 :Int32; } }
annotation ann(*) :List(T);
struct S $ann([(v = one), (u = (q = one))]) {
  a @0 :List(T) = [(v = one), (w = [one])];
  struct Inner {
    b @0 :Int32 = one;
    c @1 :List(Int32) = [one];
  }
}
