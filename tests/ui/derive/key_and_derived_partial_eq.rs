// `key = "…"` gives the type `PartialEq`, `Eq` and `Hash` by the key: deriving one of them as
// well clashes, and the error points at the key that provides it.
use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(key = "x")]
pub struct Point {
    pub x: i64,
    pub y: i64,
}

fn main() {}
