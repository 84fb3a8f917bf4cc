mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60718;
        using Units = import "tests/ui/schema/broken.capnp";
        struct Point {
          x @0 :Int64;
          unit @1 :Units.Unit;
        }
    }
}

fn main() {}
