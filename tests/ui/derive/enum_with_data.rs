use capnzero::CapnpEnum;

#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
pub enum E {
    A(u8),
}

fn main() {}
