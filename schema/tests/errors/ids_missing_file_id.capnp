struct Foo {}
