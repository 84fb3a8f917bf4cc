@0xd1b6d6d0f7f3a0f3;
struct Used {
  a @0 :Missing;
  b @1 :Other;
}
struct Other {
  c @0 :AlsoMissing;
}
struct Unused {
  d @0 :NeverReported;
}
