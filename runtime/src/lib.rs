//! The wire-format runtime of capnzero: zero-copy Cap'n Proto readers, in-place builders,
//! the stream framing, the packed encoding, canonical and compact forms, and read limits.
//!
//! It is wire-identical to every other Cap'n Proto implementation. Reading never panics and
//! is never undefined behaviour on malformed input: every pointer is checked against its
//! segment, and the traversal and nesting limits of [`ReaderOptions`] bound the work a
//! hostile message can cause. The crate has no `unsafe` code and no dependencies; it builds
//! with `no_std` + `alloc` (the `std` feature adds `std::io` streams).
//!
//! ```
//! use capnzero_runtime::{MessageBuilder, MessageReader, ReaderOptions};
//!
//! let mut message = MessageBuilder::default();
//! let mut point = message.init_root(2, 1);
//! point.set::<i64>(0, 1);
//! point.set::<i64>(1, -2);
//! point.pointer(0).unwrap().set_text("origin").unwrap();
//! let bytes = message.to_bytes();
//!
//! let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
//! let point = reader.root_struct().unwrap();
//! assert_eq!(point.get::<i64>(1), -2);
//! assert_eq!(point.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "origin");
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod any;
#[cfg(feature = "futures-io")]
mod async_io;
mod builder;
mod canonical;
mod constant;
mod copy;
mod error;
mod frame;
mod generic;
mod key;
mod message;
mod packed;
mod packed_decoder;
mod primitive;
mod reader;
mod serialize;
#[cfg(feature = "std")]
mod stream;
pub mod text;
mod typed;
mod typed_message;
mod wire;

pub use any::{any_pointer, AnyPointer, AnyValue};
#[cfg(feature = "futures-io")]
pub use async_io::{
    read_message_async, try_read_message_async, write_message_async, write_packed_message_async, PackedMessageReader,
};
pub use builder::{AllocationStrategy, BuilderOptions, ListBuilder, MessageBuilder, PointerBuilder, StructBuilder};
pub use canonical::{canonicalize, compact, is_canonical, is_compact};
pub use constant::{ListConst, PointerConst, StructConst};
pub use error::{Error, ErrorKind, Result};
pub use frame::FrameDecoder;
pub use generic::Pointee;
pub use key::{eq_list, eq_option, KeyAnnotation, ListKey};
pub use message::{MessageReader, ReaderOptions, MAX_SEGMENTS};
pub use packed::{pack, pack_into, pack_pieces, unpack};
#[cfg(feature = "std")]
pub use packed::{PackedRead, PackedWrite};
pub use packed_decoder::PackedDecoder;
pub use primitive::Primitive;
pub use reader::{ListReader, PointerReader, PointerType, StructElements, StructReader, Text};
pub use serialize::{frame_segments, segment_table, OwnedMessage};
#[cfg(feature = "std")]
pub use stream::{
    read_message, read_messages, read_packed_message, read_packed_messages, try_read_message, write_message,
    write_packed_message, MessageStream,
};
#[doc(hidden)]
pub use typed::helpers as __typed;
pub use typed::{
    init_root, kind, read, read_with_options, to_bytes, write_list, Builder, Enum, List, ListBuilderOf, ListElement,
    ListIter, Reader, Struct, TypedMessage,
};
pub use typed_message::{
    compact_struct, copy_struct, is_compact_struct, read_packed, read_packed_with_options, set_root, set_struct,
    struct_to_bytes, to_message, to_packed_bytes, Message,
};
#[cfg(feature = "std")]
pub use typed_message::{
    load, load_all, load_all_packed, load_all_packed_with_options, load_all_with_options, load_packed,
    load_packed_with_options, load_with_options, write_packed_to, write_to, Messages,
};
pub use wire::{ElementSize, BYTES_PER_WORD, MAX_LIST_ELEMENTS};
