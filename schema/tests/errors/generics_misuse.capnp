@0xd1b6d6d0f7f3a026;
struct Box(T) {
  value @0 :T = 5;
  other @1 :T;
  list @2 :List(T);
}
interface Iface(T) extends(T) {
  get @0 () -> T;
  put @1 T -> ();
  many @2 [U] (u :List(U)) -> ();
}
struct Foo {
  a @0 :Box(Text).T;
  b @1 :Iface.get;
}
