//! `capnp_schema!(…, crate = path)`: generated code names the capnzero crate by the path given,
//! for a crate that re-exports capnzero to its users (who may not depend on it by that name).

/// What such a crate re-exports.
pub mod reexport {
    pub use capnzero as zero;
}

mod shapes {
    capnzero::capnp_schema!(
        inline = r#"
        @0xc2d4e6f8a0b1c3db;
        struct Point {
          x @0 :Int32;
          y @1 :Int32 = 7;
          label @2 :Text;
          tags @3 :List(Text);
          kind @4 :Kind;
          union {
            none @5 :Void;
            next @6 :Point;
          }
        }
        enum Kind { plain @0; marked @1; }
        const origin :Point = (x = 0, y = 0, label = "origin");
        "#,
        crate = crate::reexport::zero,
    );
}

use shapes::{point, Kind, Point};

#[test]
fn generated_code_works_through_the_path_given() {
    let point = Point {
        x: 3,
        y: 4,
        label: Some("p".into()),
        tags: Some(vec!["a".into(), "b".into()]),
        kind: Kind::Marked,
        union: point::Union::None,
    };
    let bytes = reexport::zero::to_bytes(&point).unwrap();
    let message = reexport::zero::read::<Point>(&bytes).unwrap();
    let reader = message.root();
    assert_eq!((reader.x(), reader.y(), reader.get_label(), reader.kind()), (3, 4, "p", Kind::Marked));
    assert_eq!(reader.get_tags().iter().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(reader.to_owned(), point);
    assert_eq!(format!("{reader}"), r#"(x = 3, y = 4, label = "p", tags = ["a", "b"], kind = marked, none = void)"#);
    assert_eq!(shapes::ORIGIN.get().get_label(), "origin");
    assert_eq!(shapes::ORIGIN.get().y(), 0);
}
