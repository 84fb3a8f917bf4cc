//! Code first: an inventory's own Rust types, made Cap'n Proto structs with
//! `#[derive(CapnpStruct)]` and `#[derive(CapnpEnum)]`, no schema file. An item is written to
//! bytes, read back in place, copied into an owned value, looked up in a `HashMap` by its key
//! (`sku`), printed in the text format, and its equivalent `.capnp` declarations are printed for
//! other languages to read the same bytes with.
//!
//! Run with `cargo run --example code_first`.

use std::collections::HashMap;
use std::error::Error;
use std::hash::{BuildHasher, RandomState};

use capnzero::{CapnpEnum, CapnpStruct};

/// Listed alphabetically in Rust; the ordinals are the order the kinds were added in, which the
/// bytes of messages already written depend on.
#[derive(Clone, Copy, Debug, PartialEq, CapnpEnum)]
#[capnp(id = 0xb7d2_41c6_0a93_5e01)]
pub enum Kind {
    #[capnp(ordinal = 3)]
    Consumable,
    #[capnp(ordinal = 2)]
    Fastener,
    #[capnp(ordinal = 0)]
    Hardware,
    #[capnp(ordinal = 1)]
    Tool,
}

#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(id = 0xb7d2_41c6_0a93_5e02)]
pub struct Dimensions {
    pub width_mm: u32,
    pub height_mm: u32,
    pub depth_mm: u32,
    #[capnp(default = 1.0)]
    pub weight_kg: f64,
}

/// Two items are the same stock-keeping unit whatever their name or price says, so the key is
/// `sku` alone: it gives `Item` and `ItemReader` their `PartialEq`, `Eq` and `Hash`.
#[derive(Clone, Debug, CapnpStruct)]
#[capnp(id = 0xb7d2_41c6_0a93_5e03, key = "sku")]
pub struct Item {
    pub sku: String,
    pub name: String,
    pub price_cents: u64,
    pub tags: Vec<String>,
    #[capnp(enum)]
    pub kind: Kind,
    pub dimensions: Option<Dimensions>,
    #[capnp(default = 1)]
    pub pack_size: u16,
}

fn hammer() -> Item {
    Item {
        sku: "HW-0042".into(),
        name: "Claw hammer".into(),
        price_cents: 1999,
        tags: vec!["steel".into(), "16oz".into()],
        kind: Kind::Tool,
        dimensions: Some(Dimensions { width_mm: 30, height_mm: 330, depth_mm: 120, weight_kg: 0.6 }),
        pack_size: 1,
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let item = hammer();
    let bytes = capnzero::to_bytes(&item)?;
    println!("{} bytes for {}", bytes.len(), item.name);

    // Zero-copy: every accessor reads the bytes in place.
    let message = capnzero::read::<Item>(&bytes)?;
    let reader = message.root();
    assert_eq!(reader.sku(), Some("HW-0042"));
    assert_eq!(reader.get_name(), "Claw hammer");
    assert_eq!(reader.price_cents(), 1999);
    assert_eq!(reader.kind(), Kind::Tool);
    assert_eq!(reader.pack_size(), 1);
    let tags: Vec<&str> = reader.get_tags().iter().collect();
    assert_eq!(tags, ["steel", "16oz"]);
    assert!(reader.has_dimensions());
    let dimensions = reader.get_dimensions();
    assert_eq!((dimensions.width_mm(), dimensions.height_mm(), dimensions.depth_mm()), (30, 330, 120));
    assert_eq!(dimensions.weight_kg(), 0.6);

    // Copying the view gives back the value that was written, field for field (the key makes
    // `==` compare only the sku, so the fields are compared through `Debug`).
    let owned = reader.to_owned();
    assert_eq!(format!("{owned:?}"), format!("{item:?}"));
    assert_eq!(owned.tags, item.tags);
    assert_eq!(owned.dimensions, item.dimensions);

    // A pointer left null reads as `None` from `x()`, as the default from `get_x()`, and as
    // the Rust value the owned type holds for it.
    let loose = Item {
        sku: "FS-0100".into(),
        name: "Wood screws 4x40".into(),
        price_cents: 649,
        tags: Vec::new(),
        kind: Kind::Fastener,
        dimensions: None,
        pack_size: 200,
    };
    let loose_bytes = capnzero::to_bytes(&loose)?;
    let loose_message = capnzero::read::<Item>(&loose_bytes)?;
    let loose_reader = loose_message.root();
    assert!(!loose_reader.has_dimensions());
    assert!(loose_reader.dimensions().is_none());
    assert_eq!(loose_reader.get_dimensions().weight_kg(), 1.0);
    assert_eq!(loose_reader.kind(), Kind::Fastener);
    assert_eq!(loose_reader.to_owned().dimensions, None);

    // The key: an entry stored under the owned value is found from the reader, whose hash is
    // the owned value's hash, and also from another item with the same sku.
    let mut stock: HashMap<Item, u32> = HashMap::new();
    stock.insert(item.clone(), 12);
    stock.insert(loose.clone(), 3);
    let state = RandomState::new();
    assert_eq!(state.hash_one(reader), state.hash_one(&item));
    assert!(reader == item);
    assert_eq!(stock.get(&reader.to_owned()), Some(&12));
    let relabelled = Item { name: "Hammer, claw".into(), price_cents: 1799, ..item.clone() };
    assert_eq!(stock[&relabelled], 12);
    assert_eq!(reader.key(), (Some("HW-0042"),));
    assert_eq!(reader.key(), relabelled.key());
    println!("in stock: {} x {}, key {:?}", stock[&relabelled], reader.get_name(), reader.key());

    // Readers of many messages as map keys, without copying anything out of them. Clippy's
    // `mutable_key_type` sees each message's traversal budget (a `Cell`); what is hashed, the
    // sku in the bytes, never changes.
    #[allow(clippy::mutable_key_type)]
    let shelf: HashMap<ItemReader<'_>, &str> = [(reader, "aisle 4"), (loose_reader, "aisle 9")].into();
    let probe_bytes = capnzero::to_bytes(&relabelled)?;
    let probe = capnzero::read::<Item>(&probe_bytes)?;
    assert_eq!(shelf[&probe.root()], "aisle 4");

    // The text format, as `capnp decode --short` prints the message.
    println!("owned:  {item}");
    println!("reader: {reader}");
    assert_eq!(reader.to_string(), item.to_string());
    assert_eq!(
        loose.to_string(),
        r#"(sku = "FS-0100", name = "Wood screws 4x40", priceCents = 649, tags = [], kind = fastener, packSize = 200)"#
    );
    println!("{loose_reader:#}");

    // The declarations the bytes were laid out by, for `capnp compile` and other languages.
    println!("\n{}\n{}\n{}", Kind::CAPNP_SCHEMA, Dimensions::CAPNP_SCHEMA, Item::CAPNP_SCHEMA);
    assert!(Item::CAPNP_SCHEMA.contains("  priceCents @2 :UInt64;\n"));
    assert!(Kind::CAPNP_SCHEMA.contains("  tool @1;\n  fastener @2;\n  consumable @3;\n"));
    assert_eq!(Kind::Fastener.to_string(), "fastener");
    Ok(())
}
