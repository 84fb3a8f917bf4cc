# Generics, brands, interfaces, methods, superclasses and implicit method parameters.
@0xc7ab5b6c3270232a;

using Imported = import "imported.capnp";

struct Pair(K, V) {
  # A generic pair.
  key @0 :K;
  value @1 :V;

  struct Inner {
    # Uses its parent's parameters: an inherited brand.
    k @0 :K;
    again @1 :Pair(V, K);
  }

  annotation note(field, struct) :Text;
  # An annotation declared inside a generic scope: applying it needs a brand.

  struct Deep(W) {
    w @0 :W;
    kv @1 :Pair(K, W);
  }
}

struct Uses $Pair(Text, Data).note("on a struct") {
  textInt @0 :Pair(Text, List(Int32));
  partial @1 :Pair(Data, AnyPointer);
  inner @2 :Pair(Text, Data).Inner;
  deep @3 :Pair(List(UInt8), Text).Deep(List(Bool));
  boxed @4 :Imported.Box(Pair(Text, Text));
  anyStruct @5 :AnyStruct;
  anyList @6 :AnyList;
  cap @7 :Capability;
  any @8 :AnyPointer;
  iface @9 :Store(Text);
  bare @10 :Pair $Pair(Data, Text).note("on a field");
}

interface Base $Imported.marker {
  # The base interface.
  ping @0 () -> ();
  # Does nothing.
}

interface Store(T) extends(Base) {
  # A generic store.
  get @0 (key :Text) -> (value :T);
  put @1 (key :Text $Imported.marker, value :T) -> () $Imported.marker;
  # Stores.
  convert @2 [U] (input :U) -> (output :Pair(T, U));
  listed @3 [A, B] (a :A, b :Imported.Box(B)) -> (pair :Pair(A, B));
  named @4 Imported.Box(T) -> Imported.Tag;
  child @5 () -> (store :Store(Imported.Box(T)));
  wrapped @6 [X] Imported.Box(X) -> Pair(X, T);
}

interface Both extends(Store(Text), Store(Data)) {
  # Two superclasses with different brands.
  extra @0 (x :UInt8 = 4) -> (y :Float32 = 0.5);
}

interface Empty {}

interface Streaming {
  write @0 (chunk :Data) -> stream;
  done @1 ();
}
