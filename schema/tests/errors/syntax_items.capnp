@0xd1b6d6d0f7f3a031;
const a :List(Int32) = [1, 2 3, 4];
struct S(T U) {}
annotation b(struct field) :Void;
const c :Foo = (x = 1 2, = 3);
struct Foo { x @0 :Int32; }
interface I { m @0 (a :Int32 b, c) -> (); }
