@0xb7c6d5e4f3a2b1c0;
# AnyPointer fields, for tests/schema_any.rs.

struct Point {
  x @0 :Int32;
  y @1 :Int32;
}

struct Envelope {
  payload @0 :AnyPointer;
  structure @1 :AnyStruct;
  list @2 :AnyList;
  capability @3 :Capability;
  union {
    nothing @4 :Void;
    other @5 :AnyPointer;
  }
}
