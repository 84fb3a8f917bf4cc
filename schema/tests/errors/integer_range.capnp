@0xd1b6d6d0f7f3a01b;
struct Foo {
  a @0 :Int8 = 128;
  b @1 :Int8 = -129;
  c @2 :UInt8 = 256;
  d @3 :UInt8 = -1;
  e @4 :Int16 = 32768;
  f @5 :UInt16 = 65536;
  g @6 :Int32 = 2147483648;
  h @7 :UInt32 = 4294967296;
  i @8 :Int64 = 9223372036854775808;
  j @9 :UInt64 = -1;
  k @10 :List(UInt8) = [1, 300, -2];
  l @11 :Int8 = .big;
}
const big :Int32 = 1000;
const tooNegative :Int64 = -18446744073709551615;
