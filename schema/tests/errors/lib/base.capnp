@0xd1b6d6d0f7f3a0f0;
annotation tag(*) :Text;
struct Base {
  x @0 :Int32;
}
