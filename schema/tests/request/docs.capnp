@0xc5f4a1b2c3d4e5f6;  # The file's doc comment, after its ID.
# A second line of the file's doc.

# Not a doc comment: a comment before a declaration is ignored.
struct Documented {  # After the opening brace, on the same line.
  # And the line after it.

  plain @0 :Int32;  # After the semicolon.
  below @1 :Text;
  # On the line below the field.
  #No space after the hash.
  #   Several spaces after the hash (one is dropped).
  #
  # An empty line above (a lone hash), then text.

  gap @2 :Bool;

  # Separated by a blank line: not a doc comment of `gap`.
  none @3 :Void;
  union {
    # The unnamed union's comment (it has no node of its own).
    first @4 :Int8;  # First member.
    second @5 :Int16;
  }
  named :union {  # A named union.
    a @6 :Text;
    b @7 :Data;  # Member b.
  }
  grouped :group {
    # A group, doc on the line after the brace.
    inner @8 :UInt64;
  }  # Not used: the group already has a doc comment.
  late :group {
    x @9 :Float32;
  }  # A group's doc after its closing brace.
  struct Nested {
  }  # A nested struct's doc after its closing brace.
  const inside :Int32 = 5;  # A nested constant.
  enum Kind {  # An enum.
    one @0;  # Enumerant one.
    three @2;
    two @1;  # Enumerant two (code order differs from ordinal order).
  }
}

enum Empty {}  # An enum with no enumerants.

interface Service {  # An interface.
  call @0 (x :Int32) -> (y :Int32);  # A method.
  other @2 () -> ();
  # The other method.
  middle @1 ();
}

interface NoMethods {}

annotation note(*) :Text;  # An annotation.
const value :Text = "v";  # A constant.
using Alias = Documented;  # An alias (no node, so the doc goes nowhere).

struct Generic(T) {  # A generic struct.
  t @0 :T;
}

struct Crlf {  # Doc with a carriage return.
  f @0 :Int32;  # Member doc with a carriage return.
}
