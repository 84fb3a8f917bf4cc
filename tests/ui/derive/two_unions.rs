use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(group)]
pub enum Shape {
    Circle(f64),
    Square(f64),
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(group)]
pub enum Fill {
    Solid(u32),
    Hatched,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Figure {
    pub name: String,
    #[capnp(union)]
    pub shape: Shape,
    #[capnp(union)]
    pub fill: Fill,
}

fn main() {}
