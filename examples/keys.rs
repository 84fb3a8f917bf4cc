//! capnpy's manual, "Equality and hashing": `$Py.key("x, y")` gives `Point` value semantics.
//! Owned values and readers compare and hash by the key tuple (`name` is left out), so a value
//! read from one message finds an equal one in a `HashMap`, and hashes as the tuple `(x, y)`
//! does. A struct without a key cannot be compared: that is a compile error saying to add one.
//!
//! Run with `cargo run --example keys`.

mod example_key {
    capnzero::capnp_schema! {
        @0xaff59c0b39ac4242;
        using Py = import "/capnpy/annotate.capnp";

        # the name will be ignored in comparisons, as it is NOT in the key
        struct Point $Py.key("x, y") {
          x @0 :Int64;
          y @1 :Int64;
          name @2 :Text;
        }

        # An older version of Point; "*" is every field known when this was compiled.
        struct OlderPoint $Py.key("*") {
          x @0 :Int64;
          y @1 :Int64;
        }
    }
}

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use example_key::{OlderPoint, Point, PointReader};

fn point(x: i64, y: i64, name: &str) -> Point {
    Point { x, y, name: Some(name.into()) }
}

fn main() -> capnzero::Result<()> {
    let (p1, p2, p3) = (point(1, 2, "p1"), point(1, 2, "p2"), point(3, 4, "p3"));
    println!("p1 == p2: {}, p1 == p3: {}", p1 == p2, p1 == p3);
    assert!(p1 == p2 && p1 != p3);

    // d = {}; d[p1] = 'hello'; d[p2]
    let mut d = HashMap::new();
    d.insert(p1.clone(), "hello");
    println!("d[p2] == {:?}", d[&p2]);
    assert_eq!(d[&p2], "hello");

    // p1 == (1, 2): the key is the tuple, and hashes as the tuple does.
    let state = RandomState::new();
    println!("p1.key() == {:?}", p1.key());
    assert_eq!(p1.key(), (1, 2));
    assert_eq!(state.hash_one(&p1), state.hash_one((1i64, 2i64)));

    // Readers compare with readers of other messages and with owned values, without copying.
    let stored: Vec<Vec<u8>> = [&p1, &p3].into_iter().map(capnzero::to_bytes).collect::<capnzero::Result<_>>()?;
    let messages = stored.iter().map(|bytes| capnzero::read::<Point>(bytes)).collect::<capnzero::Result<Vec<_>>>()?;
    // Clippy's `mutable_key_type` sees the message's traversal budget (a `Cell`) behind each
    // reader; what is hashed, the key fields in the message, never changes.
    #[allow(clippy::mutable_key_type)]
    let by_reader: HashMap<PointReader<'_>, &str> = messages.iter().map(|m| (m.root(), m.root().get_name())).collect();
    let probe_bytes = capnzero::to_bytes(&point(3, 4, "another name"))?;
    let probe = capnzero::read::<Point>(&probe_bytes)?;
    println!("found {} by {}", by_reader[&probe.root()], probe.root());
    assert_eq!(by_reader[&probe.root()], "p3");
    assert!(probe.root() == p3 && probe.root() != p1);
    // The tuple finds the same entry in a map keyed by tuples.
    let by_tuple: HashMap<(i64, i64), &str> = [((1, 2), "hello")].into();
    assert_eq!(by_tuple[&messages[0].root().key()], "hello");

    // A message of the newer Point read as OlderPoint: its key is the fields it knows, so the
    // name in the bytes does not take part.
    let p_with_name = capnzero::to_bytes(&point(1, 2, "this is my name"))?;
    let older = capnzero::read::<OlderPoint>(&p_with_name)?;
    println!("read as OlderPoint: {}", older.root());
    assert_eq!((older.root().x(), older.root().y()), (1, 2));
    assert!(older.root() == OlderPoint { x: 1, y: 2 });
    Ok(())
}
