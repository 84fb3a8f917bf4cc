//! `AnyPointer`, `AnyStruct`, `AnyList` and `Capability` fields (capnpy's `is_struct`,
//! `as_struct`, `as_list`, `as_text`). Schema: tests/schemas/any.capnp.

mod any {
    capnzero::capnp_schema!("tests/schemas/any.capnp");
}

use any::{envelope, Envelope, Point};
use capnzero::kind::Text;
use capnzero::{AnyValue, PointerType};

#[test]
fn an_any_pointer_reads_as_the_type_the_reader_names() {
    let value = Envelope {
        payload: Some(AnyValue::of_struct(&Point { x: 3, y: -4 }).unwrap()),
        structure: Some(AnyValue::of_struct(&Point { x: 1, y: 1 }).unwrap()),
        list: Some(AnyValue::of_list::<Text>(&["a".to_string(), "b".to_string()]).unwrap()),
        capability: Some(AnyValue::of_capability(2)),
        union: envelope::Union::Other(Some(AnyValue::of_text("hi").unwrap())),
    };
    let bytes = capnzero::to_bytes(&value).unwrap();
    let message = capnzero::read::<Envelope>(&bytes).unwrap();
    let root = message.root();

    let payload = root.payload().expect("set");
    assert!(payload.is_struct() && !payload.is_list());
    assert_eq!(payload.pointer_type().unwrap(), PointerType::Struct);
    let point = payload.as_struct::<Point>().unwrap();
    assert_eq!((point.x(), point.y()), (3, -4));
    assert_eq!(payload.as_text(), None, "a struct is not Text");
    assert_eq!(payload.as_list::<u8>().map(|l| l.len()), None);

    assert_eq!(root.get_list().as_list::<Text>().unwrap().to_vec(), vec!["a".to_string(), "b".to_string()]);
    assert!(root.get_capability().is_capability());
    assert_eq!(root.get_capability().capability_index(), Some(2));
    assert!(matches!(root.which(), envelope::Which::Other(Some(p)) if p.as_text() == Some("hi")));
    assert_eq!(root.other().and_then(|p| p.as_text()), Some("hi"));

    // Owned copies are canonical: equal content, equal values.
    assert_eq!(root.to_owned(), value);
}

#[test]
fn null_any_pointers_are_none() {
    let bytes = capnzero::to_bytes(&Envelope::default()).unwrap();
    let message = capnzero::read::<Envelope>(&bytes).unwrap();
    let root = message.root();
    assert!(root.payload().is_none());
    assert!(!root.has_payload());
    assert!(root.get_payload().is_null());
    assert_eq!(root.get_payload().as_struct::<Point>().map(|p| p.x()), None);
    assert!(root.is_nothing());
    assert!(root.other().is_none());
    assert_eq!(root.to_owned(), Envelope::default());
}

#[test]
fn any_pointers_are_written_in_place() {
    let mut message = capnzero::MessageBuilder::default();
    let mut envelope = capnzero::init_root::<Envelope>(&mut message);
    envelope.init_payload().unwrap().set_text("written in place").unwrap();
    envelope.set_structure(&AnyValue::of_struct(&Point { x: 9, y: 9 }).unwrap()).unwrap();
    let bytes = message.to_bytes();
    let read = capnzero::read::<Envelope>(&bytes).unwrap();
    assert_eq!(read.root().get_payload().as_text(), Some("written in place"));
    assert_eq!(read.root().get_structure().as_struct::<Point>().map(|p| p.y()), Some(9));
}
