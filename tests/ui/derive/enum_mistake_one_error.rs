// A `CapnpEnum` derive that fails still implements the enum's traits, so a derived struct with
// fields of the enum's type gives no errors of its own; and the repeated ordinal's gap is not a
// second error: the one mistake is the one error.
use capnzero::{CapnpEnum, CapnpStruct};

#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
pub enum Level {
    Low,
    #[capnp(ordinal = 0)]
    High,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Reading {
    #[capnp(enum)]
    pub level: Level,
    #[capnp(enum)]
    pub history: Vec<Level>,
}

fn main() {
    let bytes = capnzero::to_bytes(&Reading { level: Level::Low, history: Vec::new() }).unwrap();
    let _ = bytes;
}
