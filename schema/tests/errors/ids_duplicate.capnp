@0xd1b6d6d0f7f3a010;
struct Foo @0xd1b6d6d0f7f3a010 {}
struct Bar @0xe1b6d6d0f7f3a011 {
  struct Inner @0xe1b6d6d0f7f3a012 {}
}
struct Baz @0xe1b6d6d0f7f3a011 {}
enum Qux @0xe1b6d6d0f7f3a012 { a @0; }
