mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60718;
        using Units = import "units.capnp";
        struct Point {
          x @0 :Int64 = Units.origin;
        }
    }
}

fn main() {}
