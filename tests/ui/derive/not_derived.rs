use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq)]
pub struct Address {
    pub street: String,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Person {
    pub address: Address,
}

fn main() {}
