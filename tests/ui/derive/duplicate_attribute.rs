use capnzero::CapnpStruct;

#[derive(Clone, Debug, Default, PartialEq, CapnpStruct)]
#[capnp(id = 0xd5a0_1e4c_7b3f_9a01)]
#[capnp(id = 0xd5a0_1e4c_7b3f_9a02)]
pub struct Sample {
    #[capnp(ordinal = 0)]
    #[capnp(ordinal = 1)]
    pub a: u32,
    #[capnp(enum, list)]
    pub b: Vec<u8>,
}

fn main() {}
