@0xd1b6d6d0f7f3a035;
# A constant of an enum type is read as its number.
enum Color { red @0; green @1; }
enum Other { x @0; }
const c :Color = green;
struct S {
  a @0 :Color = .c; b @1 :UInt8 = .c; d @2 :Other = .c; e @3 :Float32 = .c; f @4 :Int8 = .c;
}
