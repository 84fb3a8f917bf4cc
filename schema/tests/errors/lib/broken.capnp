@0xd1b6d6d0f7f3a0f1;
struct Thing {
  x @0 :Int32
}
