@0xd1b6d6d0f7f3a01e;
const answer :Int32 = 42;
struct Foo {
  a @0 :Int32 = answer;
  b @1 :Int32 = .answer;
  c @2 :Int32 = local;
  d @3 :Text = answer;
  const local :Int32 = 7;
}
