@0xd1b6d6d0f7f3a006;
struct Foo;
enum Color;
const c :Int32 = 1 {
}
struct Bar {
  x @0 :Int32 {
  }
}
