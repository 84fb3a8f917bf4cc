//! The address book of the Cap'n Proto tutorials, written with the wire-format runtime alone:
//! two people with phone numbers and an employment union are written to a file, read back
//! zero-copy and printed.
//!
//! The field offsets come from `examples/addressbook.capnp` as the official compiler lays it
//! out (`capnp compile -ocapnp examples/addressbook.capnp` prints them). Once `capnp_schema!`
//! exists, it generates these offsets; this example shows what the generated code stands on.
//!
//! Run with `cargo run --example addressbook`; give a path to keep the file
//! (`capnp decode examples/addressbook.capnp AddressBook < FILE` shows it).

use capnzero::{ElementSize, MessageBuilder, ReaderOptions, Result, StructReader};

// struct Person: 1 data word, 4 pointers.
const PERSON_DATA_WORDS: u16 = 1;
const PERSON_POINTERS: u16 = 4;
const PERSON_ID: usize = 0; // UInt32, bits [0, 32)
const PERSON_EMPLOYMENT_WHICH: usize = 2; // UInt16, bits [32, 48)
const PERSON_NAME: u16 = 0;
const PERSON_EMAIL: u16 = 1;
const PERSON_PHONES: u16 = 2;
const PERSON_EMPLOYER_OR_SCHOOL: u16 = 3;
// struct PhoneNumber: 1 data word, 1 pointer.
const PHONE_NUMBER: u16 = 0;
const PHONE_TYPE: usize = 0; // UInt16 enum, bits [0, 16)

const PHONE_TYPES: [&str; 3] = ["mobile", "home", "work"];

struct Person<'s> {
    id: u32,
    name: &'s str,
    email: &'s str,
    phones: &'s [(&'s str, u16)],
    employment: Employment<'s>,
}

enum Employment<'s> {
    Unemployed,
    Employer(&'s str),
    School(&'s str),
}

fn write_address_book(people: &[Person<'_>]) -> Result<MessageBuilder> {
    let mut message = MessageBuilder::default();
    let mut book = message.init_root(0, 1);
    let mut list = book.pointer(0).expect("AddressBook has one pointer").init_struct_list(
        people.len() as u32,
        PERSON_DATA_WORDS,
        PERSON_POINTERS,
    )?;
    for (i, person) in people.iter().enumerate() {
        let mut p = list.get_struct(i as u32)?;
        p.set::<u32>(PERSON_ID, person.id);
        p.pointer(PERSON_NAME).expect("name").set_text(person.name)?;
        p.pointer(PERSON_EMAIL).expect("email").set_text(person.email)?;
        let mut phones =
            p.pointer(PERSON_PHONES).expect("phones").init_struct_list(person.phones.len() as u32, 1, 1)?;
        for (j, (number, kind)) in person.phones.iter().enumerate() {
            let mut phone = phones.get_struct(j as u32)?;
            phone.pointer(PHONE_NUMBER).expect("number").set_text(number)?;
            phone.set::<u16>(PHONE_TYPE, *kind);
        }
        match person.employment {
            Employment::Unemployed => p.set::<u16>(PERSON_EMPLOYMENT_WHICH, 0),
            Employment::Employer(name) => {
                p.set::<u16>(PERSON_EMPLOYMENT_WHICH, 1);
                p.pointer(PERSON_EMPLOYER_OR_SCHOOL).expect("employer").set_text(name)?;
            }
            Employment::School(name) => {
                p.set::<u16>(PERSON_EMPLOYMENT_WHICH, 2);
                p.pointer(PERSON_EMPLOYER_OR_SCHOOL).expect("school").set_text(name)?;
            }
        }
    }
    Ok(message)
}

fn text(s: &StructReader<'_>, index: u16) -> Result<String> {
    Ok(match s.pointer(index).get_text()? {
        Some(t) => t.as_str()?.to_owned(),
        None => String::new(),
    })
}

fn print_address_book(book: StructReader<'_>) -> Result<()> {
    let people = book.pointer(0).get_list(ElementSize::InlineComposite)?.unwrap_or_default();
    for person in people.structs() {
        println!(
            "{}: {} <{}>",
            person.get::<u32>(PERSON_ID),
            text(&person, PERSON_NAME)?,
            text(&person, PERSON_EMAIL)?
        );
        let phones = person.pointer(PERSON_PHONES).get_list(ElementSize::InlineComposite)?.unwrap_or_default();
        for phone in phones.structs() {
            let kind = PHONE_TYPES.get(phone.get::<u16>(PHONE_TYPE) as usize).unwrap_or(&"unknown");
            println!("  {kind} phone: {}", text(&phone, PHONE_NUMBER)?);
        }
        match person.get::<u16>(PERSON_EMPLOYMENT_WHICH) {
            0 => println!("  unemployed"),
            1 => println!("  employer: {}", text(&person, PERSON_EMPLOYER_OR_SCHOOL)?),
            2 => println!("  student at: {}", text(&person, PERSON_EMPLOYER_OR_SCHOOL)?),
            3 => println!("  self-employed"),
            other => println!("  employment of unknown kind {other}"),
        }
    }
    Ok(())
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let people = [
        Person {
            id: 123,
            name: "Alice",
            email: "alice@example.com",
            phones: &[("555-1212", 0)],
            employment: Employment::School("MIT"),
        },
        Person {
            id: 456,
            name: "Bob",
            email: "bob@example.com",
            phones: &[("555-4567", 1), ("555-7654", 2)],
            employment: Employment::Unemployed,
        },
        Person {
            id: 789,
            name: "Carol",
            email: "carol@example.com",
            phones: &[],
            employment: Employment::Employer("Example Corp"),
        },
    ];
    let message = write_address_book(&people)?;

    let path = match std::env::args_os().nth(1) {
        Some(path) => std::path::PathBuf::from(path),
        None => std::env::temp_dir().join(format!("capnzero-addressbook-{}.bin", std::process::id())),
    };
    let keep = std::env::args_os().nth(1).is_some();
    capnzero::write_message(std::fs::File::create(&path)?, &message)?;
    println!("wrote {} bytes to {}", std::fs::metadata(&path)?.len(), path.display());

    let bytes = std::fs::read(&path)?;
    if !keep {
        std::fs::remove_file(&path)?;
    }
    let reader = capnzero::MessageReader::from_bytes(&bytes, ReaderOptions::default())?;
    print_address_book(reader.root_struct()?)?;
    Ok(())
}
