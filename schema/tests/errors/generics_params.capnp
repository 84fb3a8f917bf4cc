@0xd1b6d6d0f7f3a025;
struct Box(T) { value @0 :T; }
struct Pair(A, B) { a @0 :A; b @1 :B; }
struct Plain {}
struct Foo {
  a @0 :Box;
  b @1 :Box(Text, Text);
  c @2 :Pair(Text);
  d @3 :Plain(Text);
  e @4 :Box(Int32);
  f @5 :Box(Text)(Text);
  g @6 :List;
  h @7 :List(Text, Text);
  i @8 :List(AnyPointer);
  j @9 :List(AnyStruct);
  k @10 :Box(List(Int32));
  l @11 :Box(x = Text);
  m @12 :List(Capability);
  n @13 :List(AnyList);
}
