@0xd1b6d6d0f7f3a004;
struct Foo {
  a @0 :List(Int32;
}
