/// An enum with data: a struct that is only a union, its members out of ordinal order.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(id = 0xc0ff_ee00_0000_0103)]
pub enum Shape {
    Circle(f64),
    #[capnp(ordinal = 3)]
    Empty,
    #[capnp(ordinal = 1)]
    Square(f64),
    #[capnp(ordinal = 2)]
    Label(String),
}
