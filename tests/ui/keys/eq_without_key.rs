mod points {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60721;
        struct Point {
          x @0 :Int64;
          y @1 :Int64;
        }
    }
}

fn main() {
    let a = points::PointReader::default();
    let b = points::PointReader::default();
    let _ = a == b;
}
