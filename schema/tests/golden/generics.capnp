@0xd5a0e2b4c6f80005;
# A generic struct with a nested struct, and a struct naming it with a brand.

struct Map(Key, Value) {
  entries @0 :List(Entry);

  struct Entry {
    key @0 :Key;
    value @1 :Value;
  }
}

struct Directory {
  byName @0 :Map(Text, Data);
}
