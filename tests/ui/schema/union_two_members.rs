mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60718;
        struct Shape {
          union {
            circle @0 :Float64;  # The radius.
            square @1 :Float64;  # The side.
          }
        }
    }
}

use shapes::{shape, Shape};

fn main() {
    // The members of a union are not fields of their own: the union is one field, an enum.
    let _ = Shape { circle: 1.0, square: 2.0 };
    let _ = Shape { union: shape::Union::Circle(1.0), union: shape::Union::Square(2.0) };
}
