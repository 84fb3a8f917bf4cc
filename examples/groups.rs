//! capnpy's manual, "Groups": a group is a nested owned struct (`point::Position`), which is also
//! capnpy's group constructor: fields left out take their defaults. The reader's `position()`
//! gives the group's view, read with the usual accessors.
//!
//! Run with `cargo run --example groups`.

mod example_group {
    capnzero::capnp_schema! {
        @0x97a960ad8d4cf616;

        struct Point {
            position :group {
                x @0 :Int64;
                y @1 :Int64;
            }
            color @2 :Text;
        }
    }
}

use example_group::point::Position;
use example_group::Point;

fn main() -> capnzero::Result<()> {
    // p = Point(position=(3, 4), color='red')
    let p = Point { position: Position { x: 3, y: 4 }, color: Some("red".into()) };
    let bytes = capnzero::to_bytes(&p)?;
    let message = capnzero::read::<Point>(&bytes)?;
    let p = message.root();
    println!("p == {p}");
    println!("p.position().x() == {}, p.position().y() == {}", p.position().x(), p.position().y());
    assert_eq!((p.position().x(), p.position().y()), (3, 4));
    assert_eq!(p.get_color(), "red");
    // A group prints on its own as the group.
    assert_eq!(p.position().to_string(), "(x = 3, y = 4)");

    // Point.Position(y=6, x=5), and Point.Position(y=7) with x left at its default.
    let p2 = Point { position: Position { y: 6, x: 5 }, color: Some("red".into()) };
    println!("p2.position == {}", p2.position);
    assert_eq!((p2.position.x, p2.position.y), (5, 6));
    let partial = Position { y: 7, ..Default::default() };
    println!("Position {{ y: 7, .. }} == {partial}");
    assert_eq!((partial.x, partial.y), (0, 7));

    // In place: `position()` on the builder gives the group's builder.
    let mut builder = capnzero::MessageBuilder::default();
    let mut p3 = capnzero::init_root::<Point>(&mut builder);
    p3.position().set_x(-1);
    p3.position().set_y(2);
    let bytes = builder.to_bytes();
    let message = capnzero::read::<Point>(&bytes)?;
    let p3 = message.root();
    println!("built in place: {p3}");
    assert_eq!(p3.position().to_owned(), Position { x: -1, y: 2 });
    assert_eq!(p3.color(), None);
    Ok(())
}
