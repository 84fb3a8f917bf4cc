@0xd1b6d6d0f7f3a0f2;
struct Good {
  x @0 :Int32;
}
struct Bad {
  y @0 :NoSuchType;
}
