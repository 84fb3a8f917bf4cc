use capnzero::CapnpStruct;

// A group's ID comes from its parent.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(group, id = 0xd000_0000_0000_0001)]
pub struct Position {
    pub lat: f64,
}

// The group's own errors are reported once, by its derive; the struct holding it says nothing
// more.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(group)]
pub struct Extent {
    pub width: usize,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Map {
    #[capnp(group)]
    pub center: Position,
    #[capnp(group)]
    pub extent: Extent,
    #[capnp(group)]
    pub maybe: Option<Position>,
}

fn main() {}
