/// A point equal and hashed by `x, y`.
#[derive(Clone, Debug, CapnpStruct)]
#[capnp(id = 0xc0ff_ee00_0000_0102, key = "x, y")]
pub struct Point {
    pub x: i64,
    pub y: i64,
    pub label: Option<String>,
}
