//! pycapnp's address book (`examples/addressbook.py` there) with the code `capnp_schema!`
//! generates from `examples/addressbook.capnp`: two people with phone numbers and an employment
//! union are written to a file in place, read back zero-copy and printed.
//!
//! Run with `cargo run --example addressbook`; give a path to keep the file
//! (`cargo run -p capnzero-cli -- decode examples/addressbook.capnp AddressBook < FILE` shows it).

mod addressbook {
    capnzero::capnp_schema!("examples/addressbook.capnp");
}

use std::error::Error;
use std::path::Path;

use addressbook::person::{employment, phone_number, Employment, PhoneNumber};
use addressbook::{AddressBook, AddressBookReader, Person};

/// Writes the book as pycapnp's `writeAddressBook` does: straight into the message, no owned
/// values in between.
fn write_address_book(path: &Path) -> Result<(), Box<dyn Error>> {
    let mut message = capnzero::MessageBuilder::default();
    let mut book = capnzero::init_root::<AddressBook>(&mut message);
    let mut people = book.init_people(2)?;

    let mut alice = people.get(0)?;
    alice.set_id(123);
    alice.set_name("Alice")?;
    alice.set_email("alice@example.com")?;
    let mut alice_phones = alice.init_phones(1)?;
    let mut phone = alice_phones.get(0)?;
    phone.set_number("555-1212")?;
    phone.set_type(phone_number::Type::Mobile);
    alice.employment().set_school("MIT")?;

    let mut bob = people.get(1)?;
    bob.set_id(456);
    bob.set_name("Bob")?;
    bob.set_email("bob@example.com")?;
    let mut bob_phones = bob.init_phones(2)?;
    let mut home = bob_phones.get(0)?;
    home.set_number("555-4567")?;
    home.set_type(phone_number::Type::Home);
    let mut work = bob_phones.get(1)?;
    work.set_number("555-7654")?;
    work.set_type(phone_number::Type::Work);
    bob.employment().set_unemployed();

    capnzero::write_message(std::fs::File::create(path)?, &message)?;
    Ok(())
}

/// Prints the book as pycapnp's `printAddressBook` does, reading the message in place.
fn print_address_book(book: AddressBookReader<'_>) {
    for person in book.get_people().iter() {
        println!("{}: {}", person.get_name(), person.get_email());
        for phone in person.get_phones().iter() {
            println!("  {} phone: {}", phone.r#type(), phone.get_number());
        }
        match person.employment().which() {
            employment::Which::Unemployed => println!("  unemployed"),
            employment::Which::Employer(name) => println!("  employer: {}", name.unwrap_or_default()),
            employment::Which::School(name) => println!("  student at: {}", name.unwrap_or_default()),
            employment::Which::SelfEmployed => println!("  self-employed"),
            employment::Which::Unknown(tag) => println!("  employment of a newer schema ({tag})"),
        }
    }
}

/// The same book as owned values: what the file must read back as.
fn expected() -> AddressBook {
    let phone = |number: &str, r#type| PhoneNumber { number: Some(number.into()), r#type };
    AddressBook {
        people: Some(vec![
            Person {
                id: 123,
                name: Some("Alice".into()),
                email: Some("alice@example.com".into()),
                phones: Some(vec![phone("555-1212", phone_number::Type::Mobile)]),
                employment: Employment { union: employment::Union::School(Some("MIT".into())) },
            },
            Person {
                id: 456,
                name: Some("Bob".into()),
                email: Some("bob@example.com".into()),
                phones: Some(vec![
                    phone("555-4567", phone_number::Type::Home),
                    phone("555-7654", phone_number::Type::Work),
                ]),
                employment: Employment { union: employment::Union::Unemployed },
            },
        ]),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let kept = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    let path = kept
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("capnzero-addressbook-{}.bin", std::process::id())));

    write_address_book(&path)?;
    println!("wrote {} bytes to {}", std::fs::metadata(&path)?.len(), path.display());

    let bytes = std::fs::read(&path)?;
    if kept.is_none() {
        std::fs::remove_file(&path)?;
    }
    let message = capnzero::read::<AddressBook>(&bytes)?;
    let book = message.root();
    print_address_book(book);

    // Readers borrow from `bytes`; `to_owned` copies into the owned types.
    assert_eq!(book.to_owned(), expected());
    let alice = book.get_people().get(0).ok_or("no first person")?;
    assert_eq!((alice.id(), alice.name(), alice.employment().school()), (123, Some("Alice"), Some("MIT")));
    println!("as text: {}", book.get_people().get(1).ok_or("no second person")?);
    Ok(())
}
