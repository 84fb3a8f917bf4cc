@0xe3c1b2a4d5f60718;

struct Point {
  x @0 :Int32;
  y @1 :Int32;
  label @2 :Text;
}
