mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60719;
        using Rust = import "/capnzero/annotate.capnp";
        struct Point {
          x @0 :Int64 $Rust.name("x-coordinate");
        }
    }
}

fn main() {}
