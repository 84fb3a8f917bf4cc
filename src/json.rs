//! JSON for generated and derived types, with the codec of `capnp convert` 0.9.2
//! ([`capnzero::schema::json`](crate::schema::json), which works on the dynamic API): the same
//! bytes as `capnp convert binary:json` (pretty) or `--short`, and the same messages from JSON as
//! `capnp convert json:binary`, the annotations of `/capnp/compat/json.capnp` followed
//! (`$Json.name`, `$Json.flatten`, `$Json.discriminator`, `$Json.base64`, `$Json.hex`).
//! `docs/json.md` has every rule.
//!
//! ```
//! mod shapes {
//!     capnzero::capnp_schema!(inline = r#"
//!         @0xd4a1c2b3e4f50617;
//!         struct Point { x @0 :Int32; y @1 :Int64; label @2 :Text; }
//!     "#);
//! }
//! use shapes::Point;
//!
//! let point = Point { x: 3, y: -4, label: Some("p".into()) };
//! assert_eq!(capnzero::json::to_string(&point).unwrap(), r#"{"x":3,"y":"-4","label":"p"}"#);
//! assert_eq!(capnzero::json::to_string_pretty(&point).unwrap(), r#"{"x": 3, "y": "-4", "label": "p"}"#);
//!
//! // From a reader, in place.
//! let bytes = capnzero::to_bytes(&point).unwrap();
//! let message = capnzero::read::<Point>(&bytes).unwrap();
//! assert_eq!(capnzero::json::reader_to_string::<Point>(message.root(), false).unwrap(), r#"{"x":3,"y":"-4","label":"p"}"#);
//!
//! // And back: an owned value, or the message.
//! let back: Point = capnzero::json::from_str(r#"{"x": 5, "label": "q"}"#).unwrap();
//! assert_eq!((back.x, back.y, back.label.as_deref()), (5, 0, Some("q")));
//! let error = capnzero::json::from_str::<Point>("{\"x\": tru}").unwrap_err();
//! assert_eq!(error.to_string(), "1:7: Unexpected input in JSON message.");
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use capnzero_model::dynamic::{DynamicStruct, DynamicStructBuilder};
use capnzero_model::reflect::Reflect;
use capnzero_runtime::{MessageBuilder, MessageReader, ReaderOptions, Struct};

pub use capnzero_model::json::{JsonError, JsonValue, Position};

fn schema_error(e: impl core::fmt::Display) -> JsonError {
    JsonError { message: e.to_string(), position: None }
}

/// `reader`'s struct as JSON: as `capnp convert binary:json` writes it when `pretty`, as with
/// `--short` otherwise (without the tool's newline). Name the type: `reader_to_string::<Point>`.
pub fn reader_to_string<T: Struct + Reflect>(reader: T::Reader<'_>, pretty: bool) -> Result<String, JsonError> {
    let dynamic = T::schema_cell().dynamic(<T as Reflect>::TYPE_ID, T::unwrap_reader(reader)).map_err(schema_error)?;
    capnzero_model::json::encode_struct(&dynamic, pretty)
}

/// `reader`'s struct as the tree of JSON values [`reader_to_string`] writes.
pub fn reader_to_value<T: Struct + Reflect>(reader: T::Reader<'_>) -> Result<JsonValue, JsonError> {
    let dynamic: DynamicStruct<'_> =
        T::schema_cell().dynamic(<T as Reflect>::TYPE_ID, T::unwrap_reader(reader)).map_err(schema_error)?;
    capnzero_model::json::encode_value(&dynamic)
}

fn owned_to_string<T: Struct + Reflect>(value: &T, pretty: bool) -> Result<String, JsonError> {
    let bytes = capnzero_runtime::to_bytes(value).map_err(schema_error)?;
    let message = capnzero_runtime::read::<T>(&bytes).map_err(schema_error)?;
    reader_to_string::<T>(message.root(), pretty)
}

/// `value` as JSON on one line, as `capnp convert binary:json --short` writes it.
pub fn to_string<T: Struct + Reflect>(value: &T) -> Result<String, JsonError> {
    owned_to_string(value, false)
}

/// `value` as JSON, as `capnp convert binary:json` writes it.
pub fn to_string_pretty<T: Struct + Reflect>(value: &T) -> Result<String, JsonError> {
    owned_to_string(value, true)
}

/// A message whose root is a `T` read from the JSON object `text`, as `capnp convert
/// json:binary` builds it (members the schema does not know are ignored). Its
/// [`to_bytes`](MessageBuilder::to_bytes) are what the tool writes.
pub fn from_str_to_message<T: Struct + Reflect>(text: &str) -> Result<MessageBuilder, JsonError> {
    let schema = T::schema_cell().struct_schema(<T as Reflect>::TYPE_ID).map_err(schema_error)?;
    let mut scratch = MessageBuilder::default();
    capnzero_model::json::decode_into(text, DynamicStructBuilder::init_root(&mut scratch, schema))?;
    // The tool writes the root copied into a fresh message: no space left over from the fields
    // it set and replaced.
    let bytes = scratch.to_bytes();
    let read = MessageReader::from_bytes(&bytes, ReaderOptions::default()).map_err(schema_error)?;
    let mut message = MessageBuilder::default();
    message.root().set_copy_of(read.root()).map_err(schema_error)?;
    Ok(message)
}

/// An owned `T` read from the JSON object `text`.
pub fn from_str<T: Struct + Reflect>(text: &str) -> Result<T, JsonError> {
    let bytes: Vec<u8> = from_str_to_message::<T>(text)?.to_bytes();
    let message = capnzero_runtime::read::<T>(&bytes).map_err(schema_error)?;
    Ok(T::read_owned(message.root()))
}
