mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60718;
        annotation unit(field) :Text;
        struct Point $unit("m") {
          x @0 :Int64 $unit("m");
        }
    }
}

fn main() {}
