@0xfc4a3f5e0c8e0a51;
# Embeds that fail, for schema/tests/embed.rs.

struct Point {
  x @0 :Int32;
}

const missing :Data = embed "missing.bin";
const missingText :Text = embed "nowhere/missing.txt";
const wrongType :List(Int32) = embed "hello.txt";
const notAMessage :Point = embed "hello.txt";
const inList :List(Data) = [0x"01", embed "missing.bin"];
struct Holder {
  field @0 :Text = embed "gone.txt";
}
