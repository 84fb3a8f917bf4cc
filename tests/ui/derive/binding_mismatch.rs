use capnzero::CapnpStruct;

// `y` is an Int64 here, `label` is missing and `z` is not in the schema.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(schema = "tests/ui/derive/binding.capnp", name = "Point")]
pub struct Point {
    pub x: i32,
    pub y: i64,
    pub z: bool,
}

// No such declaration.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(schema = "tests/ui/derive/binding.capnp", name = "Pointe")]
pub struct Other {
    pub x: i32,
}

fn main() {}
