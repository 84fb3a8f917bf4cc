mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f6071a;
        using Rust = import "/capnzero/annotate.capnp";
        struct Point $Rust.options(derive = "Clone, PartialOrd") {
          x @0 :Int64;
          y @1 :Int64 $Rust.options(boxed = on);
        }
        struct Quiet $Rust.options(reflection = off) {
          z @0 :Int64;
        }
    }
}

fn main() {}
