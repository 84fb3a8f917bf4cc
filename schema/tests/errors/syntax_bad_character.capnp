@0xd1b6d6d0f7f3a003;
struct Foo {
  a @0 :Int32 = 5 ` ;
}
struct Bar { x @0 :Int32 = 3 # ok
  ; y @1 :Text; }
const c :Int32 = 'x';
