@0xd1b6d6d0f7f3a002;
const greeting :Text = "hello;
struct Foo {}
