//! capnpy's manual, "Quick example" and "Struct": a `Point` written and read back, then the
//! accessors of pointer fields. `name()` is `None` when the pointer is null, `has_name()` says
//! whether it is set, and `get_name()` gives the value or the schema default (for a struct
//! field, a struct whose fields all read as their defaults, recursively).
//!
//! Run with `cargo run --example point_rectangle`.

mod example {
    capnzero::capnp_schema! {
        @0xe62e66ea90a396da;

        struct Point {
          x @0 :Int64;
          y @1 :Int64;
          name @2 :Text;
        }

        struct Rectangle {
          a @0 :Point;
          b @1 :Point;
        }
    }
}

use example::{Point, Rectangle};

fn main() -> capnzero::Result<()> {
    // p = Point(x=1, y=2); message = p.dumps(); p2 = Point.loads(message)
    let p = Point { x: 1, y: 2, ..Default::default() };
    let message = capnzero::to_bytes(&p)?;
    let p2 = capnzero::read::<Point>(&message)?;
    let p2 = p2.root();
    println!("p2.x == {}", p2.x());
    println!("p2.y == {}", p2.y());
    assert_eq!((p2.x(), p2.y()), (1, 2));

    // p = Point(): an owned value's pointer fields are `None` until set.
    let p = Point::default();
    assert_eq!(p.name, None);
    let bytes = capnzero::to_bytes(&p)?;
    let message = capnzero::read::<Point>(&bytes)?;
    let p = message.root();
    println!("p == {p}");
    println!("p.name() == {:?}, p.has_name() == {}, p.get_name() == {:?}", p.name(), p.has_name(), p.get_name());
    assert_eq!(p.to_string(), "(x = 0, y = 0)");
    assert_eq!((p.name(), p.has_name(), p.get_name()), (None, false, ""));

    // rect = Rectangle(): `a` is null, `get_a()` an all-default Point.
    let bytes = capnzero::to_bytes(&Rectangle::default())?;
    let message = capnzero::read::<Rectangle>(&bytes)?;
    let rect = message.root();
    println!("rect.a() == {:?}, rect.has_a() == {}", rect.a(), rect.has_a());
    println!("rect.get_a() == {}, rect.get_a().get_name() == {:?}", rect.get_a(), rect.get_a().get_name());
    assert!(rect.a().is_none() && !rect.has_a());
    assert_eq!(rect.get_a().to_string(), "(x = 0, y = 0)");
    assert_eq!(rect.get_a().get_name(), "");

    // An empty name is set, and differs from no name.
    let corner = Point { x: 3, y: 4, name: Some(String::new()) };
    let bytes = capnzero::to_bytes(&Rectangle { a: Some(corner), b: None })?;
    let message = capnzero::read::<Rectangle>(&bytes)?;
    let rect = message.root();
    println!("rect == {rect}");
    let a = rect.a().expect("a was written");
    assert_eq!((a.x(), a.y(), a.name(), a.has_name()), (3, 4, Some(""), true));
    assert!(!rect.has_b());
    assert_eq!(rect.to_string(), r#"(a = (x = 3, y = 4, name = ""))"#);
    Ok(())
}
