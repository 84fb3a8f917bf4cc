@0xd5a0e2b4c6f80003;
# An enum, and a struct with a field of it.

enum Color {
  red @0;
  green @1;
  blue @2;
}

struct Pixel {
  color @0 :Color = green;
  colors @1 :List(Color);
}
