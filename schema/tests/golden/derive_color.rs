/// A fieldless enum, its variants out of ordinal order.
#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
#[capnp(id = 0xc0ff_ee00_0000_0104)]
pub enum Color {
    Red,
    #[capnp(ordinal = 2)]
    Blue,
    #[capnp(ordinal = 1)]
    Green,
}
