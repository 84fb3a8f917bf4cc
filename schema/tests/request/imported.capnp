# A file the other fixtures import: annotation declarations, a struct, an enum and a generic
# struct used across files.
@0xab224c7778631e7b;

annotation label(*) :Text;
# A free-form label, applicable everywhere.

annotation weight(field, struct, enumerant) :Float64;

annotation tagged(struct, field) :Tag;

annotation marker(method, param, interface) :Void;

struct Tag {
  # A structured annotation value.
  name @0 :Text;
  level @1 :UInt8 = 3;
  flags @2 :List(Bool);
}

enum Color {
  red @0;
  green @1;
  blue @2 $label("the sky");
}

struct Box(T) {
  # A generic box, imported by others.
  content @0 :T;
  count @1 :UInt32;
}
