//! The Cap'n Proto text format, printed as `capnp decode` (0.9.2) prints it, from descriptions
//! that generated code states at compile time: `Display` and `Debug` of generated types need no
//! schema at run time, and work without `std`.
//!
//! - [`describe`]: the descriptions ([`StructDesc`], [`TypeDesc`]) and the traits generated
//!   types implement ([`Describe`], [`DescribeStruct`]).
//! - [`mod@print`]: a struct printed by its description ([`fmt_struct`], [`fmt_written`]).
//! - [`layout`]: how values are laid out and lines broken, shared with the dynamic API's printer
//!   (in `capnzero-model`), which walks a schema loaded at run time instead.
//! - [`mod@format`]: how floats, Text and Data are spelled.
//!
//! The rules, as the official printer applies them:
//!
//! - A struct prints every field outside its union that it "has": primitives and groups
//!   always (Void included, as `void`), pointers when not null. The active union member is
//!   printed unless it is the member with discriminant 0 and a null pointer; it goes before the
//!   first non-union field that follows it in the node's field order. An unknown discriminant
//!   prints no member.
//! - Floats print as C's `%.15g` (`%.6g` for Float32), with two more digits when that does not
//!   read back as the same value, without `+` in exponents; `inf`, `-inf` and `nan`.
//! - Text and Data are quoted with C escapes (`\n`, `\"`, `\\`, octal for other control bytes);
//!   Data also escapes bytes above 0x7f, Text writes them as they are.
//! - An enum prints its enumerant's name, or `(N)` for a value the schema does not know;
//!   AnyPointer prints `<opaque pointer>`, a capability `<external capability>`.
//! - Pretty printing keeps a struct or list on one line when each item is at most 24 bytes
//!   without a line break (and a struct's items total at most 64 bytes); otherwise each item
//!   goes on its own line, indented by two spaces per level.

pub mod describe;
pub mod format;
pub mod layout;
pub mod print;

pub use describe::{Describe, DescribeStruct, FieldDesc, Slot, StructDesc, TypeDesc, NO_DISCRIMINANT};
pub use print::{enum_text, fmt_enum, fmt_struct, fmt_written, struct_text};
