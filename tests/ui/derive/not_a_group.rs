use capnzero::{CapnpEnum, CapnpStruct};

// Derived as structs of their own, not as groups.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub enum Contact {
    Email(String),
    Phone(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
pub enum Color {
    Red,
    Green,
}

// A group used as the union: a union is an enum with data.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(group)]
pub struct Size {
    pub width: u32,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Station {
    #[capnp(group)]
    pub position: Position,
    #[capnp(group)]
    pub contact: Contact,
    #[capnp(group)]
    pub color: Color,
    #[capnp(union)]
    pub size: Size,
}

fn main() {}
