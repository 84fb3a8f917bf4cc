@0x91f64c12b8737036;
# Generic structs, interfaces and methods, and the brands that bind them.

struct Box(T) {
  # A box holding one object of type `T`.
  value @0 :T;
  # The object.
  count @1 :UInt32 = 1;
  label :group {
    text @2 :Text;
    held @3 :T;
  }
  inner @4 :Inner;
  unbound @5 :Box;
  # `Box` named without parameters: they are AnyPointer.
  boxes @6 :List(Box(T));

  struct Inner {
    v @0 :T;
  }
}

struct Pair(Key, Value) {
  key @0 :Key;
  value @1 :Value;
  union {
    none @2 :Void;
    extra @3 :Value;
    note @4 :Text;
  }
}

struct Map(Key, Value) {
  entries @0 :List(Entry);

  struct Entry {
    key @0 :Key;
    value @1 :Value;
  }
}

struct Unused(T) {
  # Never names `T`: not generic in Rust.
  x @0 :Int32 = 5;
}

struct Person {
  name @0 :Text;
  age @1 :UInt8;
}

struct User {
  textBox @0 :Box(Text);
  pair @1 :Pair(Text, Box(Data));
  inner @2 :Box(Text).Inner;
  anyBox @3 :Box;
  people @4 :Map(Text, Person);
  lists @5 :Box(List(Int32));
  boxes @6 :List(Box(Text));
  unused @7 :Unused(Text);
  nested @8 :Box(Box(Text));
  service @9 :Service(Text);
  services @10 :List(Service);
  defaulted @11 :Box(Text) = (value = "preset", count = 3);
  shadow @12 :Outer(Data).Shadow(Text);
}

struct Outer(T) {
  struct Side {
    v @0 :T;
  }
  struct Shadow(T) {
    # Its own `T` shadows Outer's; `Side` (branded by Outer's `T`) uses the other one, so the
    # Rust type takes both: `outer::Shadow<T, T_>`, its own being `T_`.
    own @0 :T;
    side @1 :Side;
  }
}

interface Service(T) {
  get @0 [U] (x :U, t :T) -> (t :T, u :U);
  put @1 (box :Box(T)) -> ();
}

const textBox :Box(Text) = (value = "constant", count = 9);
