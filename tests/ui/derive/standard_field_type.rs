// One mistake, one error: a field of a standard type that has no Cap'n Proto equivalent is an
// error on that type, naming the supported types, and nothing else is reported.
use capnzero::CapnpStruct;

#[derive(Clone, Debug, CapnpStruct)]
pub struct Event {
    pub name: String,
    pub at: std::time::SystemTime,
}

fn main() {}
