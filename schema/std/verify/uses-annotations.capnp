# Test schema for verify.sh: uses the annotation files that have no copy in
# the reference installation (capnproto-rust's, capnpy's and capnzero's own)
# as standard imports.  verify.sh compiles it against schema/std only and
# checks that each annotation shows up with the expected ID.

@0xc4a9e27d5b8f1036;

using Rust = import "/capnp/rust.capnp";
using Py = import "/capnpy/annotate.capnp";
using Cz = import "/capnzero/annotate.capnp";

$Rust.parentModule("generated::verify");
$Py.options(convertCase = false, textType = unicode);
$Cz.options(derive = "PartialOrd", reflection = off);

struct Point $Py.key("x, y") $Cz.key("x, y") $Rust.name("Vec2") {
  x @0 :Int64;
  y @1 :Int64;
  label @2 :Text $Rust.option $Cz.name("caption");
  position @3 :Void $Py.group("x, y") $Py.key("*") $Cz.group("x, y") $Cz.key("*");
  width :group $Py.nullable $Cz.nullable {
    isNull @4 :Bool;
    value @5 :Float64;
  }
  child @6 :Point $Cz.options(boxed = on);
}

enum Color $Cz.name("Colour") {
  red @0 $Rust.name("crimson");
  green @1;
}
