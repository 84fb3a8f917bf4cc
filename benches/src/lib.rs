//! The three contestants of capnzero's benchmarks, on the same data: plain Rust structs (the
//! limit), capnzero (`capnp_schema!`), and the `capnp` crate (capnpc's code, generated from
//! capnzero's CodeGeneratorRequest by `build.rs`). `benches/micro.rs` times them side by side.
#![forbid(unsafe_code)]

/// The `capnp` crate's types for `schemas/bench.capnp`.
#[allow(clippy::all, missing_docs, unused_qualifications)]
pub mod bench_capnp {
    include!(concat!(env!("OUT_DIR"), "/schemas/bench_capnp.rs"));
}

/// The `capnp` crate's types for `tests/schemas/rpc_test.capnp` (capnp-rpc's side of the RPC
/// tests and benchmark).
#[allow(clippy::all, missing_docs, unused_qualifications)]
pub mod rpc_test_capnp {
    include!(concat!(env!("OUT_DIR"), "/rpc_test_capnp.rs"));
}

pub mod rpc;

/// capnzero's types for `schemas/bench.capnp`.
pub mod zero {
    capnzero::capnp_schema!("schemas/bench.capnp");
}

/// The same data as plain Rust structs.
pub mod plain {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Color {
        Red,
        Green,
        Blue,
    }

    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Point {
        pub x: i64,
        pub y: i64,
        pub z: i64,
    }

    #[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Names {
        pub first: String,
        pub middle: String,
        pub last: String,
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Position {
        pub lat: f64,
        pub lon: f64,
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Fields {
        pub int8: i8,
        pub int16: i16,
        pub int32: i32,
        pub int64: i64,
        pub uint8: u8,
        pub uint16: u16,
        pub uint32: u32,
        pub uint64: u64,
        pub float32: f32,
        pub float64: f64,
        pub flag: bool,
        pub color: Color,
        pub text: String,
        pub inner: Point,
        pub ints: Vec<i64>,
        pub position: Position,
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub enum ShapeKind {
        Circle(f64),
        Square(f64),
        Empty,
    }

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Shape {
        pub area: f64,
        pub kind: ShapeKind,
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Item {
        pub name: String,
        pub at: Point,
    }

    #[derive(Clone, Debug, PartialEq)]
    pub struct Tree {
        pub value: i64,
        pub left: Option<Box<Tree>>,
        pub right: Option<Box<Tree>>,
    }
}

/// The text every text read is compared with.
pub const TEXT: &str = "hello, benchmarks";

/// The values the read benchmarks read.
pub fn fields() -> plain::Fields {
    plain::Fields {
        int8: -8,
        int16: -16,
        int32: -32,
        int64: -64,
        uint8: 8,
        uint16: 16,
        uint32: 32,
        uint64: 64,
        float32: 3.5,
        float64: 6.25,
        flag: true,
        color: plain::Color::Blue,
        text: TEXT.to_string(),
        inner: plain::Point { x: 1, y: 2, z: 3 },
        ints: vec![10, 20, 30, 40],
        position: plain::Position { lat: 51.5, lon: -0.1 },
    }
}

/// `fields()` as capnzero's owned value.
pub fn fields_zero() -> zero::Fields {
    let f = fields();
    let mut owned = zero::Fields {
        int8: f.int8,
        int16: f.int16,
        int32: f.int32,
        int64: f.int64,
        uint8: f.uint8,
        uint16: f.uint16,
        uint32: f.uint32,
        uint64: f.uint64,
        float32: f.float32,
        float64: f.float64,
        flag: f.flag,
        color: zero::Color::Blue,
        text: Some(f.text),
        inner: Some(zero::Point { x: f.inner.x, y: f.inner.y, z: f.inner.z }),
        ints: Some(f.ints),
        ..Default::default()
    };
    owned.position.lat = f.position.lat;
    owned.position.lon = f.position.lon;
    owned
}

/// A message of `fields()`, written by capnzero (the bytes are the same whoever writes them).
pub fn fields_bytes() -> Vec<u8> {
    capnzero::to_bytes(&fields_zero()).expect("the benchmark values are writable")
}

/// A list of `n` points, `(i, 2i, 3i)`.
pub fn points(n: i64) -> Vec<plain::Point> {
    (0..n).map(|i| plain::Point { x: i, y: 2 * i, z: 3 * i }).collect()
}

/// A message of `points(n)`.
pub fn points_bytes(n: i64) -> Vec<u8> {
    let points = points(n).into_iter().map(|p| zero::Point { x: p.x, y: p.y, z: p.z }).collect();
    capnzero::to_bytes(&zero::Points { points: Some(points) }).expect("the benchmark values are writable")
}
