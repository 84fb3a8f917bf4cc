// A derive that fails still declares its reader, builder and trait impls (of a struct without
// fields), so code using the type, here another derived struct and `capnzero::read`, gives no
// errors of its own: the one mistake is the one error.
use capnzero::CapnpStruct;

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Event {
    pub at: std::time::SystemTime,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
pub struct Log {
    pub events: Vec<Event>,
    pub last: Option<Event>,
}

fn main() {
    let bytes = capnzero::to_bytes(&Log { events: Vec::new(), last: None }).unwrap();
    let message = capnzero::read::<Event>(&bytes).unwrap();
    let _root: EventReader<'_> = message.root();
}
