use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(flavour)]
pub struct Paint {
    #[capnp(ordinal = 0, colour = 1)]
    pub shade: u8,
}

fn main() {}
