use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct P(i32);

fn main() {}
