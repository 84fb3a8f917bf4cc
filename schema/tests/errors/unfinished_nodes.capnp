@0xd1b6d6d0f7f3a02e;
struct DupNames {
  a @0 :Int32;
  a @1 :List(Int32) = ["not reported"];
  b @2 :Int32 = "reported";
}
struct DupOrdinals {
  a @0 :Int32;
  b @0 :List(Int32) = ["not reported"];
}
struct OneMember {
  union { only @0 :Int32; }
  l @1 :List(Int32) = ["not reported"];
}
struct Box(T) { v @0 :T; }
struct BadBinding {
  b @0 :Box(Int32);
  l @1 :List(Int32) = ["not reported"];
}
enum E { x @0; x @1; }
struct UsesE {
  e @0 :E = x;
  f @1 :E = nope;
  l @2 :List(Int32) = ["reported"];
}
struct Fine {
  l @0 :List(Int32) = ["reported"];
}
