@0xd1b6d6d0f7f3a019;
const a :Text = 5;
const b :Int32 = "five";
const c :List(Int32) = (x = 1);
const d :Bar = [1];
const e :Bar = (nope = 1);
const f :Bar.Color = purple;
const g :List(Bar) = [(x = 1), 2];
struct Bar {
  x @0 :Int32;
  enum Color { red @0; }
}
