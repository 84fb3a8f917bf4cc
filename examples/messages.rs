//! capnpy's manual, "Loading and dumping messages" and "Compact structs": `dumps`/`loads` are
//! `to_bytes`/`read` (zero-copy over the bytes) or `Message` (owns its bytes); `dump`/`load_all`
//! write and read a stream of messages; a list element is not compact, and `compact_struct`
//! copies it into a small message of its own.
//!
//! Run with `cargo run --example messages`.

mod example_compact {
    capnzero::capnp_schema! {
        @0xe62e66ea90a396db;

        struct Point {
          x @0 :Int64;
          y @1 :Int64;
          name @2 :Text;
        }

        struct Polygon {
          points @0 :List(Point);
        }
    }
}

use std::error::Error;

use capnzero::Message;
use example_compact::{Point, Polygon};

fn point(x: i64, y: i64, name: &str) -> Point {
    Point { x, y, name: Some(name.into()) }
}

fn main() -> Result<(), Box<dyn Error>> {
    // mybuf = capnp.dumps(Point(x=100, y=200)); p2 = capnp.loads(mybuf, Point)
    let mybuf = capnzero::to_bytes(&Point { x: 100, y: 200, name: None })?;
    println!("mybuf == {mybuf:02x?}");
    assert_eq!(mybuf.len(), 40, "segment table, root pointer, two data words, the null name");
    let p2 = capnzero::read::<Point>(&mybuf)?;
    println!("{} {}", p2.root().x(), p2.root().y());
    assert_eq!((p2.root().x(), p2.root().y()), (100, 200));

    // A `Message` owns its bytes, so it can be returned and stored; its reader borrows from it.
    let owned: Message<Point> = Message::from_bytes(mybuf.clone())?;
    assert_eq!(owned.reader().root().y(), 200);
    assert_eq!(owned.to_owned(), Point { x: 100, y: 200, name: None });

    // dump several messages to a file, then load_all them back.
    let path = std::env::temp_dir().join(format!("capnzero-messages-{}.bin", std::process::id()));
    let written = [point(1, 2, "a"), point(3, 4, "b"), point(5, 6, "c")];
    let mut file = std::fs::File::create(&path)?;
    for p in &written {
        capnzero::write_to(&mut file, p)?;
    }
    drop(file);
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut loaded = Vec::new();
    for message in capnzero::load_all::<Point, _>(file) {
        let message = message?;
        println!("loaded {}", message.reader().root());
        loaded.push(message.to_owned());
    }
    std::fs::remove_file(&path)?;
    assert_eq!(loaded, written);

    // poly = Polygon([Point(1, 2, 'p0'), Point(3, 4, 'p1')]); p0 = poly.points[0]
    let poly = capnzero::to_message(&Polygon { points: Some(vec![point(1, 2, "p0"), point(3, 4, "p1")]) })?;
    println!("poly: {} bytes, compact: {}", poly.as_bytes().len(), poly.is_compact()?);
    assert!(poly.is_compact()?);
    // Table, root pointer, the Polygon, the list's tag, two Points of three words, two names.
    assert_eq!(poly.as_bytes().len(), 8 * (1 + 1 + 1 + 1 + 2 * 3 + 2));
    let reader = poly.reader();
    let p0 = reader.root().get_points().get(0).ok_or("no p0")?;
    // The element's name lies after the whole list, not right after the element.
    let p0_compact = capnzero::is_compact_struct::<Point>(p0)?;
    println!("p0 compact: {p0_compact}");
    assert!(!p0_compact);

    // pnew = p0.compact(): a message of p0 alone, which keeps nothing else alive.
    let pnew = capnzero::compact_struct::<Point>(p0)?;
    println!("pnew: {} bytes, compact: {}, {}", pnew.as_bytes().len(), pnew.is_compact()?, pnew.reader().root());
    assert!(pnew.is_compact()?);
    // Table, root pointer, the Point's three words, its name.
    assert_eq!(pnew.as_bytes().len(), 8 * (1 + 1 + 3 + 1));
    assert_eq!(pnew.to_owned(), point(1, 2, "p0"));
    Ok(())
}
