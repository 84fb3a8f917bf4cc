use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Counter {
    #[capnp(default = "x")]
    pub n: i32,
}

fn main() {}
