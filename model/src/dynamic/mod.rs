//! The dynamic API: a schema loaded at run time, and messages read and built through it.
//!
//! This is pycapnp's model in Rust. A [`Schema`] wraps what the compiler produced
//! ([`crate::compiled::CompiledSchema`]) and finds nodes by ID in O(1). [`StructSchema`],
//! [`FieldSchema`] and [`EnumSchema`] describe types, with generic parameters replaced by what
//! the brand binds them to (unbound parameters read as AnyPointer).
//!
//! [`DynamicStruct`] reads a struct of a message by field name and gives [`DynamicValue`]s;
//! [`DynamicStructBuilder`] writes one. Errors are [`Error`]s, never panics, whatever the
//! message bytes are.
//!
//! ```
//! use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
//! use capnzero_schema::dynamic::{DynamicStruct, DynamicStructBuilder, DynamicValue, FindType, Schema};
//!
//! let source = SourceFile {
//!     name: "point.capnp".into(),
//!     text: "@0xd1f0a1b2c3d4e5f6;\nstruct Point { x @0 :Int64; y @1 :Int64 = 7; name @2 :Text; }\n".into(),
//! };
//! let schema = Schema::new(compile(&[source], &mut MemoryLoader::default()).unwrap());
//! let file = schema.compiled().requested[0].id;
//! let point = schema.find_type(file, "Point").unwrap();
//!
//! let mut message = capnzero_runtime::MessageBuilder::default();
//! let mut root = DynamicStructBuilder::init_root(&mut message, point.clone());
//! root.set("x", 3i64).unwrap();
//! root.set("name", "origin").unwrap();
//! let bytes = message.to_bytes();
//!
//! let reader = capnzero_runtime::MessageReader::from_bytes(&bytes, Default::default()).unwrap();
//! let root = DynamicStruct::new(reader.root_struct().unwrap(), point);
//! assert_eq!(root.get("x").unwrap(), DynamicValue::Int64(3));
//! assert_eq!(root.get("y").unwrap(), DynamicValue::Int64(7));
//! assert_eq!(root.get("name").unwrap().as_str().unwrap(), "origin");
//! assert_eq!(root.to_string(), r#"(x = 3, y = 7, name = "origin")"#);
//! ```

mod builder;
mod error;
mod reader;
mod schema;

pub use builder::{DynamicListBuilder, DynamicStructBuilder};
pub use error::Error;
pub use reader::{DynamicEnum, DynamicList, DynamicStruct, DynamicValue, Which};
pub use schema::{element_size, substitute, EnumSchema, FieldSchema, Schema, StructSchema};
