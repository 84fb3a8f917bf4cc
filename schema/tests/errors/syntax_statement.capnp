@0xd1b6d6d0f7f3a005;
struct Foo {
  a @0 Int32;
  b :Text;
  c @2 :Text = ;
  d @3 :Text junk;
}
struct Bar;
interface Baz { foo @0 (a :Int32) -> (b :Text) junk; }
const x = 5;
annotation ann :Void;
