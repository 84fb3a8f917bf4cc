mod points {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60720;
        using Py = import "/capnpy/annotate.capnp";
        struct Point $Py.key("x, z") {
          x @0 :Int64;
          y @1 :Int64;
        }
    }
}

fn main() {}
