@0xc2d4e6f8a0b1c3d5;
# An imported file renamed: its module is `measures`, not `measures_capnp`.
using Rust = import "/capnzero/annotate.capnp";
$Rust.name("measures");

enum Scale {
  linear @0;
  log @1;
}
