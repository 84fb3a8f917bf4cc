use capnzero::{CapnpEnum, CapnpStruct};

#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
pub enum Color {
    Red,
    Green,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Pixel {
    #[capnp(default = Color::Green, enum)]
    pub color: Color,
}

fn main() {}
