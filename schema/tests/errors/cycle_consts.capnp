@0xd1b6d6d0f7f3a023;
const a :Int32 = .b;
const b :Int32 = .a;
const s :Foo = .t;
const t :Foo = .s;
struct Foo { x @0 :Int32; }
