@0xd5a0e2b4c6f80001;
# Every scalar kind, each with a default but the last.

struct Scalars {
  nothing @0 :Void;
  flag @1 :Bool = true;
  tiny @2 :Int8 = -8;
  short @3 :Int16 = -16;
  int @4 :Int32 = -32;
  long @5 :Int64 = -64;
  byte @6 :UInt8 = 8;
  word @7 :UInt16 = 16;
  count @8 :UInt32 = 32;
  big @9 :UInt64 = 64;
  ratio @10 :Float32 = 1.5;
  precise @11 :Float64 = -2.25;
  plain @12 :Int32;
}
