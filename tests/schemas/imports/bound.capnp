@0xc0ffee0123456784;
# A local generic struct bound to a struct of an imported file, and nothing else of that file
# named: the import is generated because the binding names it (the code generator panicked on
# this once: fuzz/regressions/schema_compile/codegen-panics-on-local-generic-bound-to-imported-struct).

using Geometry = import "shapes/geometry.capnp";

struct Box(T) {
  value @0 :T;
}

struct Boxed {
  point @0 :Box(Geometry.Point);
}
