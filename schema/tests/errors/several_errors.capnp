@0xd1b6d6d0f7f3a02a;
# Errors of every stage in one file, and in a file it imports: all are reported, in the order
# the official compiler finds them (file-level names first, then each struct, then what it
# depends on, then its nested declarations).
using Lib = import "lib/base.capnp";
using Bad = import "lib/with_errors.capnp";
struct First {
  a @0 :Nope;
  b @2 :Lib.Base;
  c @3 :Int8 = 1000;
  d @4 :List(Int32) = ["x"];
  later @5 :Later;
  used @6 :Bad.Used;
  struct Inner { x @0 :AlsoNope; }
}
struct Later $Lib.tag(5) {
  x @0 :Int32 = "no";
  dup @0 :Text;
}
enum bad_name { a @0; a @1; }
const k :Text = 5;
