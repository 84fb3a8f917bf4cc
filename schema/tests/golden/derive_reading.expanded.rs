// The expansion of `derive_reading.rs`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

#[doc(hidden)]
#[allow(unused_macros)]
macro_rules! __capnzero_desc_Reading {
    ($($state:tt)*) => {
        ::capnzero::__private::derive_step! { [struct] $($state)* }
    };
}
#[allow(unused_imports)]
pub(crate) use __capnzero_desc_Reading;
#[allow(unused_imports)]
use Unit as __CapnzeroReading0;
impl Reading {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("sensor", "sensor"),
        ("value", "value"),
        ("valid", "valid"),
        ("note", "note"),
        ("history", "history"),
        ("unit", "unit"),
        ("previous", "previous"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Reading { #[doc =
    " The schema of `Reading.capnp:Reading`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_B539E0DF0D89145B
    .struct_schema(13907095858110791937u64) } } impl < 'a > ReadingReader < 'a > { #[doc
    = r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_B539E0DF0D89145B
    .dynamic(13907095858110791937u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Reading { const TYPE_ID : u64 =
    13907095858110791937u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_B539E0DF0D89145B } }
}
impl ::capnzero::__private::text::DescribeStruct for ReadingReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 2,
            pointers: 3,
            discriminant_offset: 0,
            fields: &[
                __F::data("sensor", 65535, __T::UInt32, 0, 0),
                __F::data("value", 65535, __T::Float64, 1, 0),
                __F::data("valid", 65535, __T::Bool, 32, 1),
                __F::pointer("note", 65535, __T::Text, 0, b""),
                __F::pointer("history", 65535, __T::List(&__T::Float32), 1, b""),
                __F::data("unit", 65535, <__CapnzeroReading0 as __D>::TYPE, 3, 0),
                __F::pointer(
                    "previous",
                    65535,
                    __T::Struct(<Reading as __D>::TYPE.struct_fn(), &[]),
                    2,
                    b"",
                ),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Reading {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <ReadingReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for ReadingReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_struct(
            self.reader,
            <Self as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
        )
    }
}
impl ::core::fmt::Debug for ReadingReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Reading {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <ReadingReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(ReadingBuilder { builder }),
        )
    }
}
impl Reading {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: ReadingBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        builder.set_sensor(self.sensor);
        builder.set_value(self.value);
        builder.set_valid(self.valid);
        builder.set_note(&self.note)?;
        builder.set_history(&self.history)?;
        builder.set_unit(self.unit);
        if let ::core::option::Option::Some(value) = &self.previous {
            builder.set_previous(value)?;
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `Reading.capnp:Reading`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct ReadingReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for ReadingReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        ReadingReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> ReadingReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        ReadingReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Reading {
        Reading {
            sensor: self.sensor(),
            value: self.value(),
            valid: self.valid(),
            note: {
                let value = self.get_note();
                ::capnzero::__private::String::from(value)
            },
            history: {
                let value = self.get_history();
                value.to_vec()
            },
            unit: self.unit(),
            previous: self
                .previous()
                .map(|value| ::capnzero::__private::Box::new(value.to_owned())),
        }
    }
    /// The field `sensor`.
    #[inline]
    pub fn sensor(self) -> u32 {
        self.reader.get_or::<u32>(0, 0u32)
    }
    /// The field `value`.
    #[inline]
    pub fn value(self) -> f64 {
        self.reader.get_or::<f64>(1, f64::from_bits(0u64))
    }
    /// The field `valid`.
    #[inline]
    pub fn valid(self) -> bool {
        self.reader.get_bool_or(32, true)
    }
    /// The field `note`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn note(self) -> ::core::option::Option<&'a str> {
        if true {
            ::capnzero::__private::text(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_note(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
    }
    /// The field `note`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_note(self) -> &'a str {
        match self.note() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => "",
        }
    }
    /// The field `history`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn history(
        self,
    ) -> ::core::option::Option<::capnzero::__private::List<'a, f32>> {
        if true {
            ::capnzero::__private::List::<f32>::from_pointer(self.reader.pointer(1u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_history(self) -> bool {
        true && !self.reader.pointer(1u16).is_null()
    }
    /// The field `history`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_history(self) -> ::capnzero::__private::List<'a, f32> {
        match self.history() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ::capnzero::__private::List::default(),
        }
    }
    /// The field `unit`.
    #[inline]
    pub fn unit(self) -> __CapnzeroReading0 {
        __CapnzeroReading0::from_u16(self.reader.get_or::<u16>(3, 0u16))
    }
    /// The field `previous`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn previous(self) -> ::core::option::Option<ReadingReader<'a>> {
        if true {
            ::capnzero::__private::struct_at::<Reading>(self.reader.pointer(2u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_previous(self) -> bool {
        true && !self.reader.pointer(2u16).is_null()
    }
    /// The field `previous`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_previous(self) -> ReadingReader<'a> {
        match self.previous() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ReadingReader::default(),
        }
    }
}
/// Writes the struct `Reading.capnp:Reading` in place in a message.
pub struct ReadingBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> ReadingBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        ReadingBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> ReadingBuilder<'_> {
        ReadingBuilder {
            builder: self.builder.reborrow(),
        }
    }
    /// The untyped struct.
    pub fn untyped(&mut self) -> ::capnzero::__private::StructBuilder<'_> {
        self.builder.reborrow()
    }
    /// Sets every field to zero (its default), pointers to null.
    #[doc(hidden)]
    pub fn clear_fields(&mut self) {
        self.builder.set::<u32>(0, ::core::default::Default::default());
        self.builder.set::<f64>(1, ::core::default::Default::default());
        self.builder.set_bool(32, false);
        ::capnzero::__private::clear_pointer(&mut self.builder, 0u16);
        ::capnzero::__private::clear_pointer(&mut self.builder, 1u16);
        self.builder.set::<u16>(3, 0);
        ::capnzero::__private::clear_pointer(&mut self.builder, 2u16);
    }
    /// The field `sensor`.
    #[inline]
    pub fn set_sensor(&mut self, value: u32) {
        self.builder.set_or::<u32>(0, value, 0u32)
    }
    /// The field `value`.
    #[inline]
    pub fn set_value(&mut self, value: f64) {
        self.builder.set_or::<f64>(1, value, f64::from_bits(0u64))
    }
    /// The field `valid`.
    #[inline]
    pub fn set_valid(&mut self, value: bool) {
        self.builder.set_bool_or(32, value, true)
    }
    /// The field `note`.
    #[inline]
    pub fn set_note(&mut self, value: &str) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_text(value)
    }
    /// The field `history`.
    #[inline]
    pub fn set_history(&mut self, value: &[f32]) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_list::<
            f32,
        >(::capnzero::__private::pointer_of(&mut self.builder, 1u16)?, value)
    }
    /// The field `history`.
    /// Points it at a new list of `len` zero elements, to fill in place.
    #[inline]
    pub fn init_history(
        &mut self,
        len: u32,
    ) -> ::capnzero::__private::Result<::capnzero::__private::ListBuilderOf<'_, f32>> {
        ::capnzero::__private::ListBuilderOf::init(
            ::capnzero::__private::pointer_of(&mut self.builder, 1u16)?,
            len,
        )
    }
    /// The field `unit`.
    #[inline]
    pub fn set_unit(&mut self, value: __CapnzeroReading0) {
        self.builder.set_or::<u16>(3, value.to_u16(), 0u16)
    }
    /// The field `previous`.
    #[inline]
    pub fn set_previous(
        &mut self,
        value: &Reading,
    ) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_struct(
            ::capnzero::__private::pointer_of(&mut self.builder, 2u16)?,
            value,
        )
    }
    /// The field `previous`.
    /// Points it at a new struct with every field at its default, to fill in place.
    #[inline]
    pub fn init_previous(
        &mut self,
    ) -> ::capnzero::__private::Result<ReadingBuilder<'_>> {
        ::core::result::Result::Ok(
            ::capnzero::__private::init_struct::<
                Reading,
            >(::capnzero::__private::pointer_of(&mut self.builder, 2u16)?),
        )
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Reading {
    type Reader<'a> = ReadingReader<'a>;
    type Builder<'a> = ReadingBuilder<'a>;
    const TYPE_ID: u64 = 13907095858110791937u64;
    const DATA_WORDS: u16 = 2u16;
    const POINTER_COUNT: u16 = 3u16;
    #[inline]
    fn wrap_reader(
        reader: ::capnzero::__private::StructReader<'_>,
    ) -> ReadingReader<'_> {
        ReadingReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ReadingBuilder<'_> {
        ReadingBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: ReadingReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(ReadingBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for ReadingReader<'a>
where
    ReadingReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for ReadingReader<'a>
where
    ReadingReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for ReadingReader<'a>
where
    ReadingReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_B539E0DF0D89145B :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::with_links(b"\0\0\0\0\x9A\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\xC7\0\0\0\xF5\x01\0\0\x1F\0\0\0$\x02\0\0\x01\0\0\0%\x02\0\0O\0\0\0\x0C\0\0\0\x04\0\x04\0[\x14\x89\r\xDF\xE09\xB5\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0M\0\0\0r\0\0\0Q\0\0\0'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xCE\xAE\xE9\\V\xBF\x16\xCE\x0E\0\0\0\x02\0\0\0[\x14\x89\r\xDF\xE09\xB5\0\0\0\0\0\0\0\0Y\0\0\0\x1A\x01\0\0i\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0e\0\0\0\x07\0\0\0\x01\x01\0\0\0\xEE\xFF\xC0\x0E\0\0\0\x01\0\x02\0[\x14\x89\r\xDF\xE09\xB5\x03\0\x07\0\0\0\0\0U\0\0\0\xB2\0\0\0]\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0Y\0\0\0\x8F\x01\0\0Reading.capnp\0\0\0\x08\0\0\0\x01\0\x01\0\x01\x01\0\0\0\xEE\xFF\xC0\t\0\0\0B\0\0\0\xCE\xAE\xE9\\V\xBF\x16\xCE\x05\0\0\0\xAA\0\0\0Reading\0CapnzeroPlaceholder0\0\0\0\0Reading.capnp:CapnzeroPlaceholder0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Reading.capnp:Reading\0\0\0\0\0\0\0\0\0\0\0\x1C\0\0\0\x03\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\xB5\0\0\0:\0\0\0\0\0\0\0\0\0\0\0\xB0\0\0\0\x01\0\0\0\xB0\0\0\0\x01\0\0\0\x01\0\0\0\x01\0\0\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0\xA5\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\xA0\0\0\0\x01\0\0\0\xA0\0\0\0\x01\0\0\0\x02\0\0\0 \0\0\0\0\0\x01\0\x02\0\0\0\x01\0\0\0\0\0\0\0\x95\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\x90\0\0\0\x01\0\0\0\x90\0\0\0\x01\0\0\0\x03\0\0\0\0\0\0\0\0\0\x01\0\x03\0\0\0\0\0\0\0\0\0\0\0\x85\0\0\0*\0\0\0\0\0\0\0\0\0\0\0\x80\0\0\0\x01\0\0\0\x80\0\0\0\x01\0\0\0\x04\0\0\0\x01\0\0\0\0\0\x01\0\x04\0\0\0\0\0\0\0\0\0\0\0u\0\0\0B\0\0\0\0\0\0\0\0\0\0\0p\0\0\0\x01\0\x01\0x\0\0\0\x01\0\0\0\x05\0\0\0\x03\0\0\0\0\0\x01\0\x05\0\0\0\0\0\0\0\0\0\0\0m\0\0\0*\0\0\0\0\0\0\0\0\0\0\0h\0\0\0\x02\0\0\0l\0\0\0\x01\0\0\0\x06\0\0\0\x02\0\0\0\0\0\x01\0\x06\0\0\0\0\0\0\0\0\0\0\0a\0\0\0J\0\0\0\0\0\0\0\0\0\0\0`\0\0\0\x02\0\0\0d\0\0\0\x01\0\0\0sensor\0\0\x08\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0value\0\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0valid\0\0\0\x01\0\0\0\0\0\0\0\x01\0\x01\0\0\0\0\0note\0\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0history\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\n\0\0\0\0\0\0\0\x0E\0\0\0\0\0\0\0unit\0\0\0\0\x0F\0\0\0\0\0\0\0\xCE\xAE\xE9\\V\xBF\x16\xCE\x0F\0\0\0\0\0\0\0previous\0\0\0\0\0\0\0\0\x10\0\0\0\0\0\0\0\x01\x01\0\0\0\xEE\xFF\xC0\x10\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0[\x14\x89\r\xDF\xE09\xB5\x05\0\0\0r\0\0\0\t\0\0\0\x17\0\0\0Reading.capnp\0\0\0\x04\0\0\0\x01\0\x01\0\xE1\x98\xE3Q\xEDR\xD3\xAE\x01\0\0\0\xCA\0\0\0/capnzero/annotate.capnp\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x0C\0\0\0\x01\0\x02\0\xCE\xAE\xE9\\V\xBF\x16\xCE\0\0\0\0\0\0\0\0\x19\0\0\0\x07\0\0\0\x01\x01\0\0\0\xEE\xFF\xC0\0\0\0\0\0\0\0\0\x11\0\0\0\x07\0\0\0[\x14\x89\r\xDF\xE09\xB5\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x1C\0\0\0\0\0\0\0",
    & [::capnzero::__private::Link { placeholder : 14850267198947700430u64, id : <
    __CapnzeroReading0 as ::capnzero::__private::Reflect > ::TYPE_ID, cell : <
    __CapnzeroReading0 as ::capnzero::__private::Reflect > ::schema_cell, }]);
}
impl Reading {
    /**The Cap'n Proto declaration `Reading` is equivalent to: its layout, IDs and names, to hand to other languages.

```capnp
struct Reading @0xc0ffee0000000101 {
  sensor @0 :UInt32;
  value @1 :Float64;
  valid @2 :Bool = true;
  note @3 :Text;
  history @4 :List(Float32);
  unit @5 :Unit;
  previous @6 :Reading;
}
```*/
    pub const CAPNP_SCHEMA: &'static str = "struct Reading @0xc0ffee0000000101 {\n  sensor @0 :UInt32;\n  value @1 :Float64;\n  valid @2 :Bool = true;\n  note @3 :Text;\n  history @4 :List(Float32);\n  unit @5 :Unit;\n  previous @6 :Reading;\n}\n";
}
const _: () = {
    #[allow(dead_code)]
    fn __capnzero_is_struct<T: ::capnzero::__private::Struct>() {}
    #[allow(dead_code)]
    fn __capnzero_is_enum<T: ::capnzero::__private::Enum>() {}
    #[allow(dead_code)]
    fn __capnzero_checks() {
        __capnzero_is_enum::<Unit>();
    }
};
