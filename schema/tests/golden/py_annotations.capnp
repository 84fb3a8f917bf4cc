@0xd5a0e2b4c6f80008;
# capnpy's annotations: a key, and a virtual group.

using Py = import "/capnpy/annotate.capnp";

struct Point $Py.key("x, y") {
  x @0 :Int64;
  y @1 :Int64;
  label @2 :Text;
  position @3 :Void $Py.group("x, y");
}
