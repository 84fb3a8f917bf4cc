@0xc4f1a2b3d4e5f601;
# A generic struct with aliases, imported by aliases.capnp.

struct Box(T) {
  using Value = T;
  using Items = List(T);
  using Self = Box(T);
  value @0 :T;
  struct Wrapped {
    inner @0 :T;
  }
  using Wrap = Wrapped;
}
