use capnzero::CapnpStruct;

#[derive(Clone, Debug, CapnpStruct)]
#[capnp(key = "x, nope")]
pub struct Point {
    pub x: i64,
    pub y: i64,
}

fn main() {}
