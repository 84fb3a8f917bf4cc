@0xd4c3b2a1e5f60718;

struct Point {
  x @0 :Int64;
  y @1 Int64;
}
