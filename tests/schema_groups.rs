//! Named unions and nullable groups. Schema: tests/schemas/groups.capnp.

mod groups {
    capnzero::capnp_schema!("tests/schemas/groups.capnp");
}

use groups::{person, reading, Person, Reading};

fn round_trip<T: capnzero::Struct + Clone>(value: &T) -> Vec<u8> {
    capnzero::to_bytes(value).unwrap()
}

#[test]
fn a_named_union_is_a_group_with_its_own_which() {
    let person = Person {
        name: Some("Ada".into()),
        job: person::Job { union: person::job::Union::School(Some("Cambridge".into())) },
        age: 36,
    };
    let bytes = round_trip(&person);
    let message = capnzero::read::<Person>(&bytes).unwrap();
    let root = message.root();
    let job = root.job();
    assert!(matches!(job.which(), person::job::Which::School(Some("Cambridge"))));
    assert!(job.is_school());
    assert!(!job.is_employer());
    assert_eq!(job.employer(), None, "an inactive member reads as None, never garbage");
    assert_eq!(job.school(), Some("Cambridge"));
    assert_eq!(job.raw_discriminant(), 2);
    assert_eq!(root.age(), 36);
    assert_eq!(root.to_owned(), person);

    let unemployed = Person { name: Some("Bob".into()), ..Default::default() };
    assert_eq!(unemployed.job.union, person::job::Union::Unemployed, "discriminant 0 is the default member");
    let bytes = round_trip(&unemployed);
    let message = capnzero::read::<Person>(&bytes).unwrap();
    assert!(matches!(message.root().job().which(), person::job::Which::Unemployed));

    // Set in place through the group's builder.
    let mut builder = capnzero::MessageBuilder::default();
    let mut root = capnzero::init_root::<Person>(&mut builder);
    root.job().set_self_employed();
    root.set_age(50);
    let bytes = builder.to_bytes();
    let message = capnzero::read::<Person>(&bytes).unwrap();
    assert!(message.root().job().is_self_employed());
    assert_eq!(message.root().age(), 50);
}

#[test]
fn nullable_groups_read_as_options() {
    let reading = Reading {
        celsius: Some(21.5),
        count: None,
        span: Some(reading::span::Value { low: -3, high: 9 }),
        missing: Some(0),
    };
    let bytes = round_trip(&reading);
    let message = capnzero::read::<Reading>(&bytes).unwrap();
    let root = message.root();
    assert_eq!(root.celsius(), Some(21.5));
    assert_eq!(root.count(), None);
    let span = root.span().unwrap();
    assert_eq!((span.low(), span.high()), (-3, 9));
    assert_eq!(root.missing(), Some(0));
    assert_eq!(root.to_owned(), reading);
    // On the wire, the groups are their members: `count.isNull` is the UInt8 at byte 1
    // (`capnp compile -ocapnp`), and `None` sets it to 1.
    assert_eq!(root.untyped().get::<u8>(1), 1);
}

#[test]
fn nullable_group_defaults_follow_the_schema() {
    let empty = Reading::default();
    assert_eq!(empty.celsius, Some(0.0));
    assert_eq!(empty.count, Some(0));
    assert_eq!(empty.span, Some(reading::span::Value { low: 0, high: 100 }));
    assert_eq!(empty.missing, None, "isNull defaults to true");
    let bytes = round_trip(&empty);
    let message = capnzero::read::<Reading>(&bytes).unwrap();
    assert_eq!(message.root().to_owned(), empty);
    assert_eq!(
        capnzero::read::<Reading>(&round_trip(&Reading { missing: Some(7), ..empty.clone() }))
            .unwrap()
            .root()
            .missing(),
        Some(7)
    );
}

#[test]
fn capnpy_options_are_accepted() {
    let bytes = round_trip(&groups::Tuned { some_field: 5 });
    assert_eq!(capnzero::read::<groups::Tuned>(&bytes).unwrap().root().some_field(), 5);
}

#[test]
fn which_values_print_with_debug() {
    let person =
        Person { job: person::Job { union: person::job::Union::Employer(Some("ACME".into())) }, ..Default::default() };
    let bytes = round_trip(&person);
    let message = capnzero::read::<Person>(&bytes).unwrap();
    assert_eq!(format!("{:?}", message.root().job().which()), r#"Employer(Some("ACME"))"#);
}
