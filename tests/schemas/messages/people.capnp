@0xc8a1f3e5d7b92a46;

# Types for tests/messages.rs: typed messages, streams, packing and compact copies.

struct Person {
  id @0 :UInt32;
  name @1 :Text;
  emails @2 :List(Text);
  photo @3 :Data;
  scores @4 :List(Float64);
  best @5 :Person;
  friends @6 :List(Person);
  active @7 :Bool;
}

struct Directory {
  title @0 :Text;
  people @1 :List(Person);
}
