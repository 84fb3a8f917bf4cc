@0xd5a0e2b4c6f80007;
# Constants of scalar, blob, struct and list types, at file scope and in a struct.

const answer :UInt32 = 42;
const ratio :Float64 = 0.5;
const greeting :Text = "hello";
const magic :Data = 0x"ca fe";
const origin :Point = (x = 1, y = -1);
const primes :List(UInt8) = [2, 3, 5, 7];

struct Point {
  const unit :Int32 = 1;
  x @0 :Int32;
  y @1 :Int32;
}
