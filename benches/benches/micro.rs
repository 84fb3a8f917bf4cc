//! Micro-benchmarks, each with three contestants on the same data: `plain` (a Rust struct, the
//! limit), `capnzero` and `capnp` (the `capnp` crate). `cargo bench -p capnzero-benchmarks
//! --bench micro`; CI smoke-runs them with `-- --sample-count 1 --sample-size 1`.
//!
//! Reads start from an opened message's root reader (opening is measured by the load
//! benchmarks); constructors go from values to finished bytes.

use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use capnp::message::ReaderOptions;
use capnzero_benchmarks::{bench_capnp, fields, fields_bytes, plain, points, points_bytes, zero, TEXT};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// A message the `capnp` crate reads from `bytes`. Reads repeat millions of times on one
/// message: both libraries read without a traversal limit, which would otherwise run out.
fn capnp_message(bytes: &[u8]) -> capnp::message::Reader<capnp::serialize::OwnedSegments> {
    let options = *ReaderOptions::new().traversal_limit_in_words(None);
    capnp::serialize::read_message(&mut &bytes[..], options).expect("the benchmark message reads")
}

/// A message capnzero reads from `bytes`, without a traversal limit (see [`capnp_message`]).
fn zero_message<T: capnzero::Struct>(bytes: &[u8]) -> capnzero::TypedMessage<'_, T> {
    capnzero::read_with_options::<T>(bytes, capnzero::ReaderOptions::UNLIMITED).expect("the benchmark message reads")
}

/// A text field of the `capnp` crate as a `&str`, `None` when broken.
fn text(field: capnp::Result<capnp::text::Reader<'_>>) -> Option<&str> {
    field.ok().and_then(|t| t.to_str().ok())
}

/// One hasher for every contestant, deterministic.
fn hasher() -> BuildHasherDefault<DefaultHasher> {
    BuildHasherDefault::default()
}

/// A benchmark reading one thing of the `Fields` message: `|plain| …`, `|capnzero reader| …`,
/// `|capnp reader| …`.
macro_rules! read_fields {
    ($case:ident, |$p:ident| $plain:expr, |$z:ident| $zero:expr, |$c:ident| $capnp:expr) => {
        mod $case {
            use super::*;

            #[divan::bench]
            fn plain(bencher: Bencher) {
                let value = fields();
                bencher.bench_local(|| {
                    let $p = black_box(&value);
                    $plain
                });
            }

            #[divan::bench]
            fn capnzero(bencher: Bencher) {
                let bytes = fields_bytes();
                let message = zero_message::<zero::Fields>(&bytes);
                let root = message.root();
                bencher.bench_local(|| {
                    let $z = black_box(root);
                    $zero
                });
            }

            #[divan::bench]
            fn capnp(bencher: Bencher) {
                let message = capnp_message(&fields_bytes());
                let root = message.get_root::<bench_capnp::fields::Reader>().unwrap();
                bencher.bench_local(|| {
                    let $c = black_box(root);
                    $capnp
                });
            }
        }
    };
}

mod read {
    use super::*;

    read_fields!(int8, |p| p.int8, |z| z.int8(), |c| c.get_int8());
    read_fields!(int16, |p| p.int16, |z| z.int16(), |c| c.get_int16());
    read_fields!(int32, |p| p.int32, |z| z.int32(), |c| c.get_int32());
    read_fields!(int64, |p| p.int64, |z| z.int64(), |c| c.get_int64());
    read_fields!(uint8, |p| p.uint8, |z| z.uint8(), |c| c.get_uint8());
    read_fields!(uint16, |p| p.uint16, |z| z.uint16(), |c| c.get_uint16());
    read_fields!(uint32, |p| p.uint32, |z| z.uint32(), |c| c.get_uint32());
    read_fields!(uint64, |p| p.uint64, |z| z.uint64(), |c| c.get_uint64());
    read_fields!(float32, |p| p.float32, |z| z.float32(), |c| c.get_float32());
    read_fields!(float64, |p| p.float64, |z| z.float64(), |c| c.get_float64());
    read_fields!(bool, |p| p.flag, |z| z.flag(), |c| c.get_flag());
    read_fields!(enumeration, |p| p.color == plain::Color::Blue, |z| z.color() == zero::Color::Blue, |c| c.get_color()
        == Ok(bench_capnp::Color::Blue));
    read_fields!(text_eq_literal, |p| p.text == TEXT, |z| z.get_text() == TEXT, |c| c
        .get_text()
        .is_ok_and(|t| t.as_bytes() == TEXT.as_bytes()));
    read_fields!(nested_struct_field, |p| p.inner.y, |z| z.get_inner().y(), |c| c
        .get_inner()
        .map_or(0, |inner| inner.get_y()));
    read_fields!(list_len, |p| p.ints.len(), |z| z.get_ints().len(), |c| c.get_ints().map_or(0, |l| l.len()));
    read_fields!(group_field, |p| p.position.lat, |z| z.position().lat(), |c| c.get_position().get_lat());
}

mod union {
    use super::*;

    fn shape_bytes() -> Vec<u8> {
        capnzero::to_bytes(&zero::Shape { area: 4.0, union: zero::shape::Union::Square(2.0) }).unwrap()
    }

    const PLAIN: plain::Shape = plain::Shape { area: 4.0, kind: plain::ShapeKind::Square(2.0) };

    #[divan::bench]
    fn which_plain() -> f64 {
        match black_box(PLAIN).kind {
            plain::ShapeKind::Square(side) => side,
            _ => 0.0,
        }
    }

    #[divan::bench]
    fn which_capnzero(bencher: Bencher) {
        let bytes = shape_bytes();
        let message = zero_message::<zero::Shape>(&bytes);
        let root = message.root();
        bencher.bench_local(|| match black_box(root).which() {
            zero::shape::Which::Square(side) => side,
            _ => 0.0,
        });
    }

    #[divan::bench]
    fn which_capnp(bencher: Bencher) {
        let message = capnp_message(&shape_bytes());
        let root = message.get_root::<bench_capnp::shape::Reader>().unwrap();
        bencher.bench_local(|| match black_box(root).which() {
            Ok(bench_capnp::shape::Square(side)) => side,
            _ => 0.0,
        });
    }

    #[divan::bench]
    fn discriminant_capnzero(bencher: Bencher) {
        let bytes = shape_bytes();
        let message = zero_message::<zero::Shape>(&bytes);
        let root = message.root();
        bencher.bench_local(|| black_box(root).raw_discriminant());
    }

    #[divan::bench]
    fn is_square_plain() -> bool {
        matches!(black_box(PLAIN).kind, plain::ShapeKind::Square(_))
    }

    #[divan::bench]
    fn is_square_capnzero(bencher: Bencher) {
        let bytes = shape_bytes();
        let message = zero_message::<zero::Shape>(&bytes);
        let root = message.root();
        bencher.bench_local(|| black_box(root).is_square());
    }

    #[divan::bench]
    fn is_square_capnp(bencher: Bencher) {
        let message = capnp_message(&shape_bytes());
        let root = message.get_root::<bench_capnp::shape::Reader>().unwrap();
        bencher.bench_local(|| matches!(black_box(root).which(), Ok(bench_capnp::shape::Square(_))));
    }
}

mod list_of_4_ints {
    use super::*;

    const VALUES: [i64; 4] = [1, 2, 3, 4];

    fn bytes() -> Vec<u8> {
        capnzero::to_bytes(&zero::Ints { values: Some(VALUES.to_vec()) }).unwrap()
    }

    #[divan::bench(args = ["len", "get", "iterate"])]
    fn plain(bencher: Bencher, op: &str) {
        let values = VALUES.to_vec();
        bencher.bench_local(|| {
            let values = black_box(&values);
            match op {
                "len" => values.len() as i64,
                "get" => values[2],
                _ => values.iter().sum(),
            }
        });
    }

    #[divan::bench(args = ["len", "get", "iterate"])]
    fn capnzero(bencher: Bencher, op: &str) {
        let bytes = bytes();
        let message = zero_message::<zero::Ints>(&bytes);
        let root = message.root();
        bencher.bench_local(|| {
            let values = black_box(root).get_values();
            match op {
                "len" => values.len() as i64,
                "get" => values.get(2).unwrap_or(0),
                _ => values.iter().sum(),
            }
        });
    }

    #[divan::bench(args = ["len", "get", "iterate"])]
    fn capnp(bencher: Bencher, op: &str) {
        let message = capnp_message(&bytes());
        let root = message.get_root::<bench_capnp::ints::Reader>().unwrap();
        bencher.bench_local(|| {
            let values = black_box(root).get_values().unwrap();
            match op {
                "len" => values.len() as i64,
                "get" => values.get(2),
                _ => values.iter().sum(),
            }
        });
    }
}

mod list_of_1000_structs_sum {
    use super::*;

    #[divan::bench]
    fn plain(bencher: Bencher) {
        let points = points(1000);
        bencher.bench_local(|| black_box(&points).iter().map(|p| p.y).sum::<i64>());
    }

    #[divan::bench]
    fn capnzero(bencher: Bencher) {
        let bytes = points_bytes(1000);
        let message = zero_message::<zero::Points>(&bytes);
        let root = message.root();
        assert_eq!(root.get_points().iter().map(|p| p.y()).sum::<i64>(), 999_000);
        bencher.bench_local(|| black_box(root).get_points().iter().map(|p| p.y()).sum::<i64>());
    }

    #[divan::bench]
    fn capnp(bencher: Bencher) {
        let message = capnp_message(&points_bytes(1000));
        let root = message.get_root::<bench_capnp::points::Reader>().unwrap();
        assert_eq!(root.get_points().unwrap().iter().map(|p| p.get_y()).sum::<i64>(), 999_000);
        bencher.bench_local(|| black_box(root).get_points().unwrap().iter().map(|p| p.get_y()).sum::<i64>());
    }
}

mod hash_by_key {
    use super::*;

    fn point_bytes() -> Vec<u8> {
        capnzero::to_bytes(&zero::Point { x: 1, y: 2, z: 3 }).unwrap()
    }

    fn names_bytes() -> Vec<u8> {
        let names =
            zero::Names { first: Some("Ada".into()), middle: Some("King".into()), last: Some("Lovelace".into()) };
        capnzero::to_bytes(&names).unwrap()
    }

    #[divan::bench]
    fn three_ints_tuple() -> u64 {
        hasher().hash_one(black_box((1i64, 2i64, 3i64)))
    }

    #[divan::bench]
    fn three_ints_capnzero(bencher: Bencher) {
        let bytes = point_bytes();
        let message = zero_message::<zero::Point>(&bytes);
        let root = message.root();
        bencher.bench_local(|| hasher().hash_one(black_box(root)));
    }

    #[divan::bench]
    fn three_ints_capnp(bencher: Bencher) {
        let message = capnp_message(&point_bytes());
        let root = message.get_root::<bench_capnp::point::Reader>().unwrap();
        bencher.bench_local(|| {
            let p = black_box(root);
            hasher().hash_one((p.get_x(), p.get_y(), p.get_z()))
        });
    }

    #[divan::bench]
    fn three_texts_tuple(bencher: Bencher) {
        let names = ("Ada".to_string(), "King".to_string(), "Lovelace".to_string());
        bencher.bench_local(|| {
            let (a, b, c) = black_box(&names);
            hasher().hash_one((a.as_str(), b.as_str(), c.as_str()))
        });
    }

    #[divan::bench]
    fn three_texts_capnzero(bencher: Bencher) {
        let bytes = names_bytes();
        let message = zero_message::<zero::Names>(&bytes);
        let root = message.root();
        bencher.bench_local(|| hasher().hash_one(black_box(root)));
    }

    #[divan::bench]
    fn three_texts_capnp(bencher: Bencher) {
        let message = capnp_message(&names_bytes());
        let root = message.get_root::<bench_capnp::names::Reader>().unwrap();
        bencher.bench_local(|| {
            let n = black_box(root);
            hasher().hash_one((text(n.get_first()), text(n.get_middle()), text(n.get_last())))
        });
    }
}

/// Constructors: from values to finished bytes (`plain` builds the struct only).
mod construct {
    use super::*;

    fn capnp_bytes(message: &capnp::message::Builder<capnp::message::HeapAllocator>) -> Vec<u8> {
        capnp::serialize::write_message_to_words(message)
    }

    #[divan::bench]
    fn three_ints_plain() -> plain::Point {
        plain::Point { x: black_box(1), y: black_box(2), z: black_box(3) }
    }

    #[divan::bench]
    fn three_ints_capnzero() -> Vec<u8> {
        let mut message = capnzero::MessageBuilder::default();
        let mut root = capnzero::init_root::<zero::Point>(&mut message);
        root.set_x(black_box(1));
        root.set_y(black_box(2));
        root.set_z(black_box(3));
        message.to_bytes()
    }

    #[divan::bench]
    fn three_ints_capnp() -> Vec<u8> {
        let mut message = capnp::message::Builder::new_default();
        let mut root = message.init_root::<bench_capnp::point::Builder>();
        root.set_x(black_box(1));
        root.set_y(black_box(2));
        root.set_z(black_box(3));
        capnp_bytes(&message)
    }

    #[divan::bench]
    fn three_texts_plain() -> plain::Names {
        plain::Names {
            first: black_box("Ada").to_string(),
            middle: black_box("King").to_string(),
            last: black_box("Lovelace").to_string(),
        }
    }

    #[divan::bench]
    fn three_texts_capnzero() -> capnzero::Result<Vec<u8>> {
        let mut message = capnzero::MessageBuilder::default();
        let mut root = capnzero::init_root::<zero::Names>(&mut message);
        root.set_first(black_box("Ada"))?;
        root.set_middle(black_box("King"))?;
        root.set_last(black_box("Lovelace"))?;
        Ok(message.to_bytes())
    }

    #[divan::bench]
    fn three_texts_capnp() -> Vec<u8> {
        let mut message = capnp::message::Builder::new_default();
        let mut root = message.init_root::<bench_capnp::names::Builder>();
        root.set_first(black_box("Ada"));
        root.set_middle(black_box("King"));
        root.set_last(black_box("Lovelace"));
        capnp_bytes(&message)
    }

    #[divan::bench]
    fn two_nested_structs_plain() -> (plain::Point, plain::Point) {
        (plain::Point { x: black_box(1), y: 2, z: 3 }, plain::Point { x: black_box(4), y: 5, z: 6 })
    }

    #[divan::bench]
    fn two_nested_structs_capnzero() -> capnzero::Result<Vec<u8>> {
        let mut message = capnzero::MessageBuilder::default();
        let mut root = capnzero::init_root::<zero::Pair>(&mut message);
        let mut a = root.init_a()?;
        a.set_x(black_box(1));
        a.set_y(2);
        a.set_z(3);
        let mut b = root.init_b()?;
        b.set_x(black_box(4));
        b.set_y(5);
        b.set_z(6);
        Ok(message.to_bytes())
    }

    #[divan::bench]
    fn two_nested_structs_capnp() -> Vec<u8> {
        let mut message = capnp::message::Builder::new_default();
        let mut root = message.init_root::<bench_capnp::pair::Builder>();
        let mut a = root.reborrow().init_a();
        a.set_x(black_box(1));
        a.set_y(2);
        a.set_z(3);
        let mut b = root.init_b();
        b.set_x(black_box(4));
        b.set_y(5);
        b.set_z(6);
        capnp_bytes(&message)
    }

    const NAMES: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    #[divan::bench]
    fn list_of_10_structs_plain() -> Vec<plain::Item> {
        NAMES
            .iter()
            .enumerate()
            .map(|(i, name)| plain::Item {
                name: black_box(name).to_string(),
                at: plain::Point { x: i as i64, y: 0, z: 0 },
            })
            .collect()
    }

    #[divan::bench]
    fn list_of_10_structs_capnzero() -> capnzero::Result<Vec<u8>> {
        let mut message = capnzero::MessageBuilder::default();
        let mut root = capnzero::init_root::<zero::Items>(&mut message);
        let mut items = root.init_items(10)?;
        for (i, name) in NAMES.iter().enumerate() {
            let mut item = items.get(i as u32)?;
            item.set_name(black_box(name))?;
            item.init_at()?.set_x(i as i64);
        }
        Ok(message.to_bytes())
    }

    #[divan::bench]
    fn list_of_10_structs_capnp() -> Vec<u8> {
        let mut message = capnp::message::Builder::new_default();
        let root = message.init_root::<bench_capnp::items::Builder>();
        let mut items = root.init_items(10);
        for (i, name) in NAMES.iter().enumerate() {
            let mut item = items.reborrow().get(i as u32);
            item.set_name(black_box(*name));
            item.init_at().set_x(i as i64);
        }
        capnp_bytes(&message)
    }

    #[divan::bench]
    fn list_of_10_ints_plain() -> Vec<i64> {
        (0..10).map(black_box).collect()
    }

    #[divan::bench]
    fn list_of_10_ints_capnzero() -> capnzero::Result<Vec<u8>> {
        let mut message = capnzero::MessageBuilder::default();
        let mut root = capnzero::init_root::<zero::Ints>(&mut message);
        let mut values = root.init_values(10)?;
        for i in 0..10 {
            values.set(i, &black_box(i as i64))?;
        }
        Ok(message.to_bytes())
    }

    #[divan::bench]
    fn list_of_10_ints_capnp() -> Vec<u8> {
        let mut message = capnp::message::Builder::new_default();
        let root = message.init_root::<bench_capnp::ints::Builder>();
        let mut values = root.init_values(10);
        for i in 0..10 {
            values.set(i, black_box(i as i64));
        }
        capnp_bytes(&message)
    }
}
