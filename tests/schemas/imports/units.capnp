@0xa9e1c0d2b3f40518;

enum Unit {
  metre @0;
  millimetre @1;
  inch @2;
}
