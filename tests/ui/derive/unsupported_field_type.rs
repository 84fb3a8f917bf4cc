use std::collections::HashMap;

use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Counts {
    pub total: usize,
    pub by_name: HashMap<String, u8>,
}

fn main() {}
