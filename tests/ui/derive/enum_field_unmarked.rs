use capnzero::{CapnpEnum, CapnpStruct};

#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
pub enum Color {
    Red,
    Green,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Pixel {
    pub color: Color,
}

fn main() {}
