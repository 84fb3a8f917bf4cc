use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Pair {
    #[capnp(ordinal = 0)]
    pub first: i32,
    #[capnp(ordinal = 2)]
    pub second: i32,
}

fn main() {}
