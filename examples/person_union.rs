//! capnpy's manual, "Named unions": a named union is a group holding a union. The owned value
//! is the group's struct (`person::Job`) whose `union` field says which member is set; the
//! reader's `job()` gives the group's view, with its own `which()` and `is_…()`.
//!
//! Run with `cargo run --example person_union`.

mod example_named_union {
    capnzero::capnp_schema! {
        @0xe1f94dddf8858c4a;

        struct Person {
          name @0 :Text;
          job :union {
            unemployed @1 :Void;
            employer @2 :Text; # this is the company name
            selfEmployed @3 :Void;
          }
        }
    }
}

use example_named_union::person::{job, Job};
use example_named_union::Person;

fn main() -> capnzero::Result<()> {
    // p1 = Person(name='Alice', job=Person.Job(unemployed=None))
    let p1 = Person { name: Some("Alice".into()), job: Job { union: job::Union::Unemployed } };
    // p2 = Person(name='Bob', job=Person.Job(employer='Capnp corporation'))
    let p2 =
        Person { name: Some("Bob".into()), job: Job { union: job::Union::Employer(Some("Capnp corporation".into())) } };

    let bytes1 = capnzero::to_bytes(&p1)?;
    let bytes2 = capnzero::to_bytes(&p2)?;
    let (message1, message2) = (capnzero::read::<Person>(&bytes1)?, capnzero::read::<Person>(&bytes2)?);
    let (p1, p2) = (message1.root(), message2.root());
    println!("p1 == {p1}");
    println!("p2 == {p2}");
    assert_eq!(p1.to_string(), r#"(name = "Alice", job = (unemployed = void))"#);
    assert_eq!(p2.to_string(), r#"(name = "Bob", job = (employer = "Capnp corporation"))"#);

    println!("p1.job().is_unemployed() == {}", p1.job().is_unemployed());
    println!("p2.job().employer() == {:?}", p2.job().employer());
    assert!(matches!(p1.job().which(), job::Which::Unemployed));
    assert!(p1.job().is_unemployed() && !p1.job().is_self_employed());
    assert!(matches!(p2.job().which(), job::Which::Employer(Some("Capnp corporation"))));
    assert_eq!(p2.job().employer(), Some("Capnp corporation"));
    // Members that are not set read as `None`.
    assert_eq!(p1.job().employer(), None);

    // Written in place: the union member setter sets the tag too.
    let mut builder = capnzero::MessageBuilder::default();
    let mut carol = capnzero::init_root::<Person>(&mut builder);
    carol.set_name("Carol")?;
    carol.job().set_self_employed();
    let bytes = builder.to_bytes();
    let message = capnzero::read::<Person>(&bytes)?;
    let carol = message.root();
    println!("carol == {carol}");
    assert!(carol.job().is_self_employed());
    assert_eq!(carol.to_owned().job, Job { union: job::Union::SelfEmployed });
    Ok(())
}
