//! The token form of `capnp_schema!`: a schema written as Rust tokens generates the same API as
//! a schema file, and values round-trip through it.

mod shapes {
    capnzero::capnp_schema! {
        @0xd4c3b2a1e5f60718;

        struct Point {  # A point on the plane.
          x @0 :Int64 = -5;  # Across.
          y @1 :Int64;  // A Rust comment, gone from the schema.
          label @2 :Text = "origin";
          tags @3 :List(Text);
          kind @4 :Kind = marked;
          union {
            none @5 :Void;
            weight @6 :Float64;
            name @7 :Text;
          }
          inner @8 :Inner;
          ratio @9 :Float32 = 0.5;
          bytes @10 :Data = "ab";

          struct Inner {
            depth @0 :UInt8 = 3;
          }
        }

        enum Kind {
          plain @0;
          marked @1;
        }
    }
}

/// Imports through an import directory: `/lib/consts.capnp` is `tests/ui/include/lib/consts.capnp`.
mod imported {
    capnzero::capnp_schema!(
        inline = {
            @0xd4c3b2a1e5f60719;
            using Lib = import "/lib/consts.capnp";
            struct Answer {
              value @0 :Int32 = Lib.answer;
              greeting @1 :Text = Lib.greeting;
            }
        },
        include = ["tests/ui/include"],
    );
}

/// Tokens passed on by a `macro_rules!` macro keep their positions.
macro_rules! schema {
    ($($schema:tt)*) => {
        capnzero::capnp_schema! { $($schema)* }
    };
}

mod through_a_macro {
    schema! {
        @0xd4c3b2a1e5f6071a;
        struct Wrapped {
          a @0 :UInt8 = 7;  # Seven.
          b @1 :Text;
        }
    }
}

use shapes::point::Union;
use shapes::{point, Kind, Point};

#[test]
fn schema_defaults_are_the_owned_defaults() {
    let p = Point::default();
    assert_eq!(p.x, -5);
    assert_eq!(p.y, 0);
    assert_eq!(p.kind, Kind::Marked);
    assert_eq!(p.ratio, 0.5);
    assert_eq!(p.union, Union::None);
    assert_eq!(p.label, None);
    let bytes = capnzero::to_bytes(&p).unwrap();
    let message = capnzero::read::<Point>(&bytes).unwrap();
    let r = message.root();
    assert_eq!((r.x(), r.y(), r.get_label(), r.kind(), r.ratio()), (-5, 0, "origin", Kind::Marked, 0.5));
    assert_eq!(r.get_bytes(), b"ab");
    assert_eq!(r.get_inner().depth(), 3);
    assert!(r.is_none());
}

#[test]
fn values_round_trip() {
    let p = Point {
        x: i64::MIN,
        y: 12,
        label: Some("here".to_string()),
        tags: Some(vec!["a".to_string(), "b c".to_string()]),
        kind: Kind::Plain,
        union: Union::Name(Some("named".to_string())),
        inner: Some(point::Inner { depth: 200 }),
        ratio: -1.25,
        bytes: Some(vec![0, 1, 255]),
    };
    let bytes = capnzero::to_bytes(&p).unwrap();
    let message = capnzero::read::<Point>(&bytes).unwrap();
    let r = message.root();
    assert_eq!(r.x(), i64::MIN);
    assert_eq!(r.label(), Some("here"));
    assert_eq!(r.get_tags().to_vec(), vec!["a", "b c"]);
    assert_eq!(r.name(), Some("named"));
    assert_eq!(r.weight(), None);
    assert_eq!(r.inner().map(|i| i.depth()), Some(200));
    assert_eq!(r.to_owned(), p);
}

#[test]
fn imports_are_found_in_the_import_directories() {
    let a = imported::Answer::default();
    assert_eq!(a.value, 42);
    let bytes = capnzero::to_bytes(&a).unwrap();
    let message = capnzero::read::<imported::Answer>(&bytes).unwrap();
    assert_eq!(message.root().value(), 42);
    assert_eq!(message.root().get_greeting(), "hello");
}

#[test]
fn tokens_through_a_macro_rules_macro() {
    let w = through_a_macro::Wrapped { a: 9, b: Some("b".to_string()) };
    let bytes = capnzero::to_bytes(&w).unwrap();
    let message = capnzero::read::<through_a_macro::Wrapped>(&bytes).unwrap();
    assert_eq!(message.root().to_owned(), w);
    assert_eq!(through_a_macro::Wrapped::default().a, 7);
}
