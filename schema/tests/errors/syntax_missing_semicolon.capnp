@0xd1b6d6d0f7f3a001;
struct Foo {
  a @0 :Int32;
  b @1 :Text
}
