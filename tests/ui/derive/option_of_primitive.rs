use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Reading {
    pub value: Option<i32>,
}

fn main() {}
