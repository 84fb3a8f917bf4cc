//! Run-time reflection for the types `capnp_schema!` generates.
//!
//! Each generated file embeds the CodeGeneratorRequest of its compilation (the bytes
//! [`crate::request::write`] gives for [`crate::compile::Compiled::request`]) in one
//! [`SchemaCell`], a `static` at the macro's call site. The first lookup decodes it into a
//! [`Schema`], the same model the dynamic API reads messages with, and keeps it for the life of
//! the program; later lookups are an index into it. Generated types reach it through
//! `Foo::schema()` (a [`StructSchema`] or [`EnumSchema`]), `FooReader::dynamic()` (a
//! [`DynamicStruct`]) and their `Debug` and `Display`, which print the Cap'n Proto text format
//! exactly as `capnp decode --short` does (`{:#}` and `{:#?}`: as `capnp decode` does).
//!
//! Nothing here panics. The embedded bytes are made by the code generator, so a failure means a
//! bug rather than bad input; lookups report it as an [`Error`], and printing writes a short
//! placeholder (`<capnzero: …>`) in place of the value, since a formatting error would make
//! `format!` panic.

use std::fmt;
use std::sync::OnceLock;

use capnzero_runtime::{MessageBuilder, StructBuilder, StructReader};

use crate::compile::{Compiled, CompiledFile};
use crate::dynamic::{self, DynamicStruct, EnumSchema, Schema, StructSchema};
use crate::request::{self, CodeGeneratorRequest};
use crate::text::print::{struct_to_bytes, struct_to_pretty_bytes};

/// Why a generated type's schema, or a printable form of one of its values, is not available.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The embedded CodeGeneratorRequest could not be read.
    Request(request::Error),
    /// The schema has no struct (or enum) of the ID asked for.
    Schema(dynamic::Error),
    /// An owned value could not be encoded into a message to be printed.
    Encode(capnzero_runtime::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request(e) => write!(f, "the embedded schema cannot be read: {e}"),
            Error::Schema(e) => write!(f, "{e}"),
            Error::Encode(e) => write!(f, "the value cannot be encoded: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// The schema of one generated file: the embedded CodeGeneratorRequest, decoded on first use.
pub struct SchemaCell {
    request: &'static [u8],
    cell: OnceLock<Result<Schema, request::Error>>,
}

impl fmt::Debug for SchemaCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SchemaCell")
            .field("request_bytes", &self.request.len())
            .field("decoded", &self.cell.get().map(|r| r.is_ok()))
            .finish()
    }
}

impl SchemaCell {
    /// A cell over a CodeGeneratorRequest in the standard framing, not decoded yet.
    pub const fn new(request: &'static [u8]) -> SchemaCell {
        SchemaCell { request, cell: OnceLock::new() }
    }

    /// The embedded CodeGeneratorRequest, as `capnp compile -o-` would write it.
    pub fn request_bytes(&self) -> &'static [u8] {
        self.request
    }

    /// The decoded schema (decoded by the first call, from any thread; later calls share it).
    pub fn schema(&self) -> Result<&Schema, Error> {
        let decoded =
            self.cell.get_or_init(|| request::read(self.request).map(|r| Schema::new(compiled_from_request(r))));
        decoded.as_ref().map_err(|e| Error::Request(e.clone()))
    }

    /// The struct (or group) `id`.
    pub fn struct_schema(&self, id: u64) -> Result<StructSchema<'_>, Error> {
        self.schema()?.struct_schema(id).map_err(Error::Schema)
    }

    /// The enum `id`.
    pub fn enum_schema(&self, id: u64) -> Result<EnumSchema<'_>, Error> {
        self.schema()?.enum_schema(id).map_err(Error::Schema)
    }

    /// `reader` read as the struct (or group) `id` through the dynamic API.
    pub fn dynamic<'a>(&'a self, id: u64, reader: StructReader<'a>) -> Result<DynamicStruct<'a>, Error> {
        Ok(DynamicStruct::new(reader, self.struct_schema(id)?))
    }

    /// Writes `reader`, read as the struct (or group) `id`, in the text format: as
    /// `capnp decode --short` prints it as a root, without the newline; with `{:#}` (or
    /// `{:#?}`), as `capnp decode` prints it. Width and precision pad or cut it as a `str`.
    pub fn fmt_struct(&self, id: u64, reader: StructReader<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.dynamic(id, reader) {
            Ok(value) => write_text(&value, f),
            Err(e) => placeholder(&e, f),
        }
    }

    /// Writes an owned value of the struct (or group) `id` in the text format, as
    /// [`fmt_struct`](Self::fmt_struct) prints it once `write` has written it into a new message
    /// (into a root struct of the size the schema gives, which for a group is its parent's).
    pub fn fmt_written(
        &self,
        id: u64,
        f: &mut fmt::Formatter<'_>,
        write: impl FnOnce(StructBuilder<'_>) -> capnzero_runtime::Result<()>,
    ) -> fmt::Result {
        let schema = match self.struct_schema(id) {
            Ok(schema) => schema,
            Err(e) => return placeholder(&e, f),
        };
        let layout = schema.layout();
        let mut message = MessageBuilder::default();
        if let Err(e) = write(message.init_root(layout.data_word_count, layout.pointer_count)) {
            return placeholder(&Error::Encode(e), f);
        }
        let reader = message.as_reader();
        match reader.root_struct() {
            Ok(root) => write_text(&DynamicStruct::new(root, schema), f),
            Err(e) => placeholder(&Error::Encode(e), f),
        }
    }
}

/// An enum value in the text format: its enumerant's name, or `(N)` for a value the schema does
/// not know, as `capnp decode` prints it.
pub fn fmt_enumerant(name: Option<&str>, raw: u16, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match name {
        Some(name) => f.pad(name),
        None => f.pad(&format!("({raw})")),
    }
}

/// The [`Compiled`] a CodeGeneratorRequest describes: its nodes, doc comments and requested
/// files, in its order (what [`Compiled::request`] gives back).
pub fn compiled_from_request(request: CodeGeneratorRequest) -> Compiled {
    Compiled {
        request_order: request.nodes.iter().map(|n| n.id).collect(),
        nodes: request.nodes,
        request_source_info: request.source_info.clone(),
        source_info: request.source_info,
        requested: request
            .requested_files
            .into_iter()
            .map(|file| CompiledFile {
                id: file.id,
                name: file.filename,
                imports: file.imports.into_iter().map(|import| (import.id, import.name)).collect(),
            })
            .collect(),
    }
}

fn write_text(value: &DynamicStruct<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let bytes = if f.alternate() { struct_to_pretty_bytes(value) } else { struct_to_bytes(value) };
    // Text values are printed as their bytes; a formatter only takes UTF-8.
    f.pad(&String::from_utf8_lossy(&bytes))
}

fn placeholder(error: &Error, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "<capnzero: {error}>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{compile, MemoryLoader, SourceFile};

    const SCHEMA: &str = "@0xd1f0a1b2c3d4e5f6;\n\
        struct Point { x @0 :Int64; y @1 :Int64 = 7; name @2 :Text; }\n\
        enum Color { red @0; green @1; }\n";

    fn request_bytes() -> (&'static [u8], Compiled) {
        let source = SourceFile { name: "point.capnp".into(), text: SCHEMA.into() };
        let compiled = compile(&[source], &mut MemoryLoader::default()).unwrap();
        let bytes = request::write(&compiled.request());
        (Box::leak(bytes.into_boxed_slice()), compiled)
    }

    fn id_of(compiled: &Compiled, name: &str) -> u64 {
        compiled.nodes.iter().find(|n| n.display_name == name).unwrap().id
    }

    /// Formats with a closure, as a generated `Display` does.
    struct Show<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(F);

    impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Show<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            (self.0)(f)
        }
    }

    #[test]
    fn the_cache_decodes_once_and_finds_nodes() {
        let (bytes, compiled) = request_bytes();
        let cell = SchemaCell::new(bytes);
        assert_eq!(format!("{cell:?}"), format!("SchemaCell {{ request_bytes: {}, decoded: None }}", bytes.len()));
        let first = cell.schema().unwrap();
        let second = cell.schema().unwrap();
        assert!(std::ptr::eq(first, second));
        assert_eq!(first.compiled(), &compiled_from_request(compiled.request()));
        assert_eq!(first.compiled().request(), compiled.request());

        let point_id = id_of(&compiled, "point.capnp:Point");
        let point = cell.struct_schema(point_id).unwrap();
        assert_eq!(point.id(), point_id);
        assert_eq!(point.fields().map(|f| f.name()).collect::<Vec<_>>(), ["x", "y", "name"]);
        let color = cell.enum_schema(id_of(&compiled, "point.capnp:Color")).unwrap();
        assert_eq!(color.enumerants().iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["red", "green"]);

        assert_eq!(cell.struct_schema(1), Err(Error::Schema(dynamic::Error::NoSuchNode(1))));
        assert!(matches!(cell.enum_schema(point_id), Err(Error::Schema(dynamic::Error::WrongNodeKind { .. }))));
        assert!(format!("{cell:?}").ends_with("decoded: Some(true) }"));
    }

    #[test]
    fn printing_reads_and_writes_through_the_schema() {
        let (bytes, compiled) = request_bytes();
        let cell = SchemaCell::new(bytes);
        let id = id_of(&compiled, "point.capnp:Point");
        let write = |mut b: StructBuilder<'_>| {
            b.set::<i64>(0, -3);
            b.pointer(0).unwrap().set_text("a \"b\"\n")
        };
        let short = Show(|f| cell.fmt_written(id, f, write)).to_string();
        assert_eq!(short, r#"(x = -3, y = 7, name = "a \"b\"\n")"#);
        let padded = format!("{:>12}", Show(|f| cell.fmt_written(id, f, |_| Ok(()))));
        assert_eq!(padded, "(x = 0, y = 7)".to_string());
        assert_eq!(format!("{:>16}", Show(|f| cell.fmt_written(id, f, |_| Ok(())))), "  (x = 0, y = 7)");

        let mut message = MessageBuilder::default();
        write(message.init_root(2, 1)).unwrap();
        let reader = message.as_reader();
        let root = reader.root_struct().unwrap();
        assert_eq!(Show(|f| cell.fmt_struct(id, root, f)).to_string(), short);
        assert_eq!(cell.dynamic(id, root).unwrap().get("x").unwrap(), dynamic::DynamicValue::Int64(-3));
        let failing = Show(|f| {
            cell.fmt_written(id, f, |_| {
                Err(capnzero_runtime::Error::new(capnzero_runtime::ErrorKind::OutOfBounds, "no room"))
            })
        })
        .to_string();
        assert!(failing.starts_with("<capnzero: the value cannot be encoded: "), "{failing}");
        assert_eq!(
            Show(|f| cell.fmt_struct(5, root, f)).to_string(),
            "<capnzero: no schema node with ID @0x0000000000000005>"
        );
    }

    #[test]
    fn bad_bytes_are_an_error_and_print_a_placeholder() {
        let cell = SchemaCell::new(b"not a message");
        assert!(matches!(cell.schema(), Err(Error::Request(_))));
        assert!(matches!(cell.struct_schema(1), Err(Error::Request(_))));
        let printed = Show(|f| cell.fmt_struct(1, StructReader::default(), f)).to_string();
        assert!(printed.starts_with("<capnzero: the embedded schema cannot be read: "), "{printed}");
        assert_eq!(format!("{:>5}", Show(|f| fmt_enumerant(Some("red"), 0, f))), "  red");
        assert_eq!(Show(|f| fmt_enumerant(None, 9, f)).to_string(), "(9)");
    }
}
