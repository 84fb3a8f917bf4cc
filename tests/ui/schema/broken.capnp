@0xd4c3b2a1e5f6071b;

struct Unit {
  name @0 :Txet;
}
