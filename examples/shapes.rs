//! capnpy's manual, "Union": an anonymous union is the owned field `union` (a Rust enum, so two
//! members cannot be set at once), `which()` on the reader gives the member set with its value,
//! `raw_discriminant()` the tag as a number (capnpy's `__which__()`), and `is_circle()` asks
//! about one member.
//!
//! Run with `cargo run --example shapes`.

mod example_union {
    capnzero::capnp_schema! {
        @0x8ced518a09aa7ce3;

        struct Shape {
          area @0 :Float64;

          union {
            circle @1 :Float64;      # radius
            square @2 :Float64;      # width
          }
        }

        struct Type {
          union {
            void @0 :Void;
            bool @1 :Void;
            int64 @2 :Void;
            float64 @3 :Void;
            text @4 :Void;
          }
        }
    }
}

use example_union::{r#type, shape, Shape, ShapeReader, Type};

/// What `which()` says, in words.
fn which(s: ShapeReader<'_>) -> String {
    match s.which() {
        shape::Which::Circle(radius) => format!("circle of radius {radius}"),
        shape::Which::Square(width) => format!("square of width {width}"),
        shape::Which::Unknown(tag) => format!("a member of a newer schema ({tag})"),
    }
}

fn main() -> capnzero::Result<()> {
    // Shape.__tag__.__members__
    let members: Vec<&str> =
        Shape::schema().expect("embedded schema").union_fields().iter().map(|f| f.name()).collect();
    println!("Shape's union members: {members:?}");
    assert_eq!(members, ["circle", "square"]);

    // s = Shape(area=16, square=4)
    let bytes = capnzero::to_bytes(&Shape { area: 16.0, union: shape::Union::Square(4.0) })?;
    let message = capnzero::read::<Shape>(&bytes)?;
    let s = message.root();
    println!("s == {s}");
    println!("s.which(): {}, s.raw_discriminant() == {}", which(s), s.raw_discriminant());
    println!("s.is_circle() == {}, s.is_square() == {}", s.is_circle(), s.is_square());
    assert!(matches!(s.which(), shape::Which::Square(width) if width == 4.0));
    assert_eq!(s.raw_discriminant(), 1);
    assert!(!s.is_circle() && s.is_square());
    // The inactive member reads as `None`, never as the square's bits.
    assert_eq!((s.square(), s.circle()), (Some(4.0), None));

    // s = Shape(area=3*3*math.pi, circle=3)
    let area = 3.0 * 3.0 * std::f64::consts::PI;
    let bytes = capnzero::to_bytes(&Shape { area, union: shape::Union::Circle(3.0) })?;
    let message = capnzero::read::<Shape>(&bytes)?;
    let s = message.root();
    println!("s == {s}, s.which(): {}", which(s));
    assert!(s.is_circle());
    assert_eq!(s.to_owned(), Shape { area, union: shape::Union::Circle(3.0) });

    // Shape.new_square(area=16, square=4), in place: setting a member sets the tag, so the last
    // member set is the one the union holds.
    let mut builder = capnzero::MessageBuilder::default();
    let mut s = capnzero::init_root::<Shape>(&mut builder);
    s.set_area(16.0);
    s.set_circle(42.0);
    s.set_square(4.0);
    let bytes = builder.to_bytes();
    let message = capnzero::read::<Shape>(&bytes)?;
    println!("built in place: {}, which(): {}", message.root(), which(message.root()));
    assert!(matches!(message.root().which(), shape::Which::Square(width) if width == 4.0));

    // t = Type.new_int64(): a Void member is a unit variant.
    let bytes = capnzero::to_bytes(&Type { union: r#type::Union::Int64 })?;
    let message = capnzero::read::<Type>(&bytes)?;
    let t = message.root();
    println!("t == {t}, t.is_int64() == {}", t.is_int64());
    assert!(matches!(t.which(), r#type::Which::Int64));
    assert!(t.is_int64() && !t.is_void());
    assert_eq!(t.to_string(), "(int64 = void)");
    Ok(())
}
