@0xe2129ae640df5ffe;
# Values read from files with `embed`, for schema/tests/embed.rs.

struct Point {
  x @0 :Int32;
  y @1 :Int32;
  name @2 :Text;
  tags @3 :List(Text);
}

const greeting :Text = embed "hello.txt";
const greetingBytes :Data = embed "hello.txt";
const binary :Data = embed "sub/bytes.bin";
const folded :Data = embed "sub/../sub/./bytes.bin";
const absolute :Text = embed "/abs/found.txt";
const point :Point = embed "point.bin";
const texts :List(Text) = [embed "hello.txt", "literal", embed "/abs/found.txt"];
const blobs :List(Data) = [embed "sub/bytes.bin", 0x"00"];
const points :List(Point) = [embed "point.bin", (x = 5)];

annotation note(struct, field, method, param) :Data;

struct Holder $note(embed "sub/bytes.bin") {
  text @0 :Text = embed "hello.txt";
  data @1 :Data = embed "sub/bytes.bin" $note(embed "hello.txt");
  point @2 :Point = embed "point.bin";
  wrapped @3 :Wrapped = (inner = embed "point.bin", label = embed "/abs/found.txt");

  struct Wrapped {
    inner @0 :Point;
    label @1 :Text;
  }
}

interface Service {
  call @0 (payload :Data = embed "sub/bytes.bin" $note(embed "hello.txt")) -> (reply :Text = embed "hello.txt");
}
