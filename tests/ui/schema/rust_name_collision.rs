// Two `$Rust.name`s that give the same accessor: the check pass reports the second, at its
// field in the schema.
mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f6071a;
        using Rust = import "/capnzero/annotate.capnp";
        struct Point {
          x @0 :Int64 $Rust.name("coordinate");
          y @1 :Int64 $Rust.name("coordinate");
          label @2 :Text;
        }
    }
}

fn main() {}
