@0xd5a0e2b4c6f80002;
# Text, Data, lists and a nested struct.

struct Pointers {
  name @0 :Text = "anonymous";
  blob @1 :Data;
  numbers @2 :List(Int32);
  names @3 :List(Text);
  inner @4 :Inner;
  inners @5 :List(Inner);

  struct Inner {
    value @0 :UInt16;
  }
}
