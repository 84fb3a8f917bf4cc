// With `reflection = off` the reflection items are not generated: calling them is an error.
// A value other than `on` or `off` is refused.
mod points {
    capnzero::capnp_schema!(inline = "@0xd4c3b2a1e5f60718; struct Point { x @0 :Int64; }", reflection = off);
}

mod maybe {
    capnzero::capnp_schema!(inline = "@0xd4c3b2a1e5f60719; struct Point { x @0 :Int64; }", reflection = maybe);
}

fn main() {
    let _ = points::Point::schema();
    let _ = points::PointReader::default().dynamic();
}
