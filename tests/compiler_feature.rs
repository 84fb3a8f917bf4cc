//! The `compiler` feature: a schema file compiled at run time (`capnzero::schema::load`), a
//! type found by name, a message read through the dynamic API and the text format parsed, all
//! agreeing with the code `capnp_schema!` generated for the same file.

mod slice {
    capnzero::capnp_schema!("tests/schemas/slice.capnp");
}

use capnzero::schema::dynamic::{DynamicStruct, FindType, Schema};
use capnzero::schema::text::parse::TextEncoder;
use capnzero::MessageReader;

#[test]
fn a_schema_loaded_at_run_time_reads_and_writes_what_generated_code_does() {
    let compiled = capnzero::schema::load("tests/schemas/slice.capnp").unwrap();
    let file = compiled.requested[0].id;
    let schema = Schema::new(compiled);
    let shape = schema.find_type(file, "Shape").unwrap();
    assert_eq!(shape.display_name(), "tests/schemas/slice.capnp:Shape");

    let bytes = include_bytes!("schemas/shape_rect.bin");
    let expected = include_str!("schemas/shape_rect.txt").trim_end();
    let message = MessageReader::from_bytes(bytes, Default::default()).unwrap();
    let dynamic = DynamicStruct::new(message.root_struct().unwrap(), shape.clone());
    assert_eq!(dynamic.to_string(), expected);

    let generated = capnzero::read::<slice::Shape>(bytes).unwrap();
    assert_eq!(generated.root().to_string(), expected);

    let encoder = TextEncoder::new(schema.compiled(), shape.id()).unwrap();
    let encoded = encoder.encode(expected).unwrap();
    assert_eq!(encoded[0].to_bytes(), bytes);
}
