@0xd1b6d6d0f7f3a008;
struct Foo {
  a @70000 :Int32;
  b @1 :UInt64 = 99999999999999999999;
  c @2 :Int64 = -9223372036854775809;
  d @3 :UInt64 = 0x1ffffffffffffffff;
}
