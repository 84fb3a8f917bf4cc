@0xd1b6d6d0f7f3a033;
# Names in a declaration are looked up from the declaration itself: its own nested
# declarations come first (its annotations and pointer defaults included).
struct Foo $ann {
  annotation ann(struct) :Void;
  l @0 :List(Int32) = [.Foo.k, Inner];
  m @1 :Inner = (x = .Foo.k);
  const k :Int32 = 1;
  struct Inner { x @0 :Int32; }
}
interface I $ann2 { annotation ann2(interface) :Void; }
const c :Int32 = 5 $nope;
