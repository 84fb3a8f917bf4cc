use capnzero::CapnpStruct;

// Not derived at all.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub lat: f64,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Map {
    #[capnp(group)]
    pub center: Position,
}

fn main() {}
