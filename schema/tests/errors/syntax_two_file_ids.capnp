@0xd1b6d6d0f7f3a00c;
@0xd1b6d6d0f7f3a00d;
struct Foo {}
