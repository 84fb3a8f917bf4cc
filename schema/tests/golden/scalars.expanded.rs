// The expansion of `scalars.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl Scalars {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("nothing", "nothing"),
        ("flag", "flag"),
        ("tiny", "tiny"),
        ("short", "short"),
        ("int", "int"),
        ("long", "long"),
        ("byte", "byte"),
        ("word", "word"),
        ("count", "count"),
        ("big", "big"),
        ("ratio", "ratio"),
        ("precise", "precise"),
        ("plain", "plain"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Scalars { #[doc =
    " The schema of `scalars.capnp:Scalars`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80001
    .struct_schema(11217620620015582682u64) } } impl < 'a > ScalarsReader < 'a > { #[doc
    = r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80001
    .dynamic(11217620620015582682u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Scalars { const TYPE_ID : u64 =
    11217620620015582682u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80001 } }
}
impl ::capnzero::__private::text::DescribeStruct for ScalarsReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 6,
            pointers: 0,
            discriminant_offset: 0,
            fields: &[
                __F::data("nothing", 65535, __T::Void, 0, 0),
                __F::data("flag", 65535, __T::Bool, 0, 1),
                __F::data("tiny", 65535, __T::Int8, 1, 248),
                __F::data("short", 65535, __T::Int16, 1, 65520),
                __F::data("int", 65535, __T::Int32, 1, 4294967264),
                __F::data("long", 65535, __T::Int64, 1, 18446744073709551552),
                __F::data("byte", 65535, __T::UInt8, 16, 8),
                __F::data("word", 65535, __T::UInt16, 9, 16),
                __F::data("count", 65535, __T::UInt32, 5, 32),
                __F::data("big", 65535, __T::UInt64, 3, 64),
                __F::data("ratio", 65535, __T::Float32, 8, 1069547520),
                __F::data("precise", 65535, __T::Float64, 5, 13835621005235585024),
                __F::data("plain", 65535, __T::Int32, 9, 0),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Scalars {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <ScalarsReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for ScalarsReader<'_> {
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
impl ::core::fmt::Debug for ScalarsReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Scalars {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <ScalarsReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(ScalarsBuilder { builder }),
        )
    }
}
impl ::core::fmt::Debug for Scalars {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `scalars.capnp:Scalars`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Scalars {
    /// The field `flag`.
    pub flag: bool,
    /// The field `tiny`.
    pub tiny: i8,
    /// The field `short`.
    pub short: i16,
    /// The field `int`.
    pub int: i32,
    /// The field `long`.
    pub long: i64,
    /// The field `byte`.
    pub byte: u8,
    /// The field `word`.
    pub word: u16,
    /// The field `count`.
    pub count: u32,
    /// The field `big`.
    pub big: u64,
    /// The field `ratio`.
    pub ratio: f32,
    /// The field `precise`.
    pub precise: f64,
    /// The field `plain`.
    pub plain: i32,
}
impl ::core::default::Default for Scalars {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Scalars {
            flag: true,
            tiny: -8i8,
            short: -16i16,
            int: -32i32,
            long: -64i64,
            byte: 8u8,
            word: 16u16,
            count: 32u32,
            big: 64u64,
            ratio: f32::from_bits(1069547520u32),
            precise: f64::from_bits(13835621005235585024u64),
            plain: 0i32,
        }
    }
}
impl Scalars {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: ScalarsBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        builder.set_flag(self.flag);
        builder.set_tiny(self.tiny);
        builder.set_short(self.short);
        builder.set_int(self.int);
        builder.set_long(self.long);
        builder.set_byte(self.byte);
        builder.set_word(self.word);
        builder.set_count(self.count);
        builder.set_big(self.big);
        builder.set_ratio(self.ratio);
        builder.set_precise(self.precise);
        builder.set_plain(self.plain);
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `scalars.capnp:Scalars`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct ScalarsReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for ScalarsReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        ScalarsReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> ScalarsReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        ScalarsReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Scalars {
        Scalars {
            flag: self.flag(),
            tiny: self.tiny(),
            short: self.short(),
            int: self.int(),
            long: self.long(),
            byte: self.byte(),
            word: self.word(),
            count: self.count(),
            big: self.big(),
            ratio: self.ratio(),
            precise: self.precise(),
            plain: self.plain(),
        }
    }
    /// The field `flag`.
    #[inline]
    pub fn flag(self) -> bool {
        self.reader.get_bool_or(0, true)
    }
    /// The field `tiny`.
    #[inline]
    pub fn tiny(self) -> i8 {
        self.reader.get_or::<i8>(1, -8i8)
    }
    /// The field `short`.
    #[inline]
    pub fn short(self) -> i16 {
        self.reader.get_or::<i16>(1, -16i16)
    }
    /// The field `int`.
    #[inline]
    pub fn int(self) -> i32 {
        self.reader.get_or::<i32>(1, -32i32)
    }
    /// The field `long`.
    #[inline]
    pub fn long(self) -> i64 {
        self.reader.get_or::<i64>(1, -64i64)
    }
    /// The field `byte`.
    #[inline]
    pub fn byte(self) -> u8 {
        self.reader.get_or::<u8>(16, 8u8)
    }
    /// The field `word`.
    #[inline]
    pub fn word(self) -> u16 {
        self.reader.get_or::<u16>(9, 16u16)
    }
    /// The field `count`.
    #[inline]
    pub fn count(self) -> u32 {
        self.reader.get_or::<u32>(5, 32u32)
    }
    /// The field `big`.
    #[inline]
    pub fn big(self) -> u64 {
        self.reader.get_or::<u64>(3, 64u64)
    }
    /// The field `ratio`.
    #[inline]
    pub fn ratio(self) -> f32 {
        self.reader.get_or::<f32>(8, f32::from_bits(1069547520u32))
    }
    /// The field `precise`.
    #[inline]
    pub fn precise(self) -> f64 {
        self.reader.get_or::<f64>(5, f64::from_bits(13835621005235585024u64))
    }
    /// The field `plain`.
    #[inline]
    pub fn plain(self) -> i32 {
        self.reader.get_or::<i32>(9, 0i32)
    }
}
/// Writes the struct `scalars.capnp:Scalars` in place in a message.
pub struct ScalarsBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> ScalarsBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        ScalarsBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> ScalarsBuilder<'_> {
        ScalarsBuilder {
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
        self.builder.set_bool(0, false);
        self.builder.set::<i8>(1, ::core::default::Default::default());
        self.builder.set::<i16>(1, ::core::default::Default::default());
        self.builder.set::<i32>(1, ::core::default::Default::default());
        self.builder.set::<i64>(1, ::core::default::Default::default());
        self.builder.set::<u8>(16, ::core::default::Default::default());
        self.builder.set::<u16>(9, ::core::default::Default::default());
        self.builder.set::<u32>(5, ::core::default::Default::default());
        self.builder.set::<u64>(3, ::core::default::Default::default());
        self.builder.set::<f32>(8, ::core::default::Default::default());
        self.builder.set::<f64>(5, ::core::default::Default::default());
        self.builder.set::<i32>(9, ::core::default::Default::default());
    }
    /// The field `flag`.
    #[inline]
    pub fn set_flag(&mut self, value: bool) {
        self.builder.set_bool_or(0, value, true)
    }
    /// The field `tiny`.
    #[inline]
    pub fn set_tiny(&mut self, value: i8) {
        self.builder.set_or::<i8>(1, value, -8i8)
    }
    /// The field `short`.
    #[inline]
    pub fn set_short(&mut self, value: i16) {
        self.builder.set_or::<i16>(1, value, -16i16)
    }
    /// The field `int`.
    #[inline]
    pub fn set_int(&mut self, value: i32) {
        self.builder.set_or::<i32>(1, value, -32i32)
    }
    /// The field `long`.
    #[inline]
    pub fn set_long(&mut self, value: i64) {
        self.builder.set_or::<i64>(1, value, -64i64)
    }
    /// The field `byte`.
    #[inline]
    pub fn set_byte(&mut self, value: u8) {
        self.builder.set_or::<u8>(16, value, 8u8)
    }
    /// The field `word`.
    #[inline]
    pub fn set_word(&mut self, value: u16) {
        self.builder.set_or::<u16>(9, value, 16u16)
    }
    /// The field `count`.
    #[inline]
    pub fn set_count(&mut self, value: u32) {
        self.builder.set_or::<u32>(5, value, 32u32)
    }
    /// The field `big`.
    #[inline]
    pub fn set_big(&mut self, value: u64) {
        self.builder.set_or::<u64>(3, value, 64u64)
    }
    /// The field `ratio`.
    #[inline]
    pub fn set_ratio(&mut self, value: f32) {
        self.builder.set_or::<f32>(8, value, f32::from_bits(1069547520u32))
    }
    /// The field `precise`.
    #[inline]
    pub fn set_precise(&mut self, value: f64) {
        self.builder.set_or::<f64>(5, value, f64::from_bits(13835621005235585024u64))
    }
    /// The field `plain`.
    #[inline]
    pub fn set_plain(&mut self, value: i32) {
        self.builder.set_or::<i32>(9, value, 0i32)
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Scalars {
    type Reader<'a> = ScalarsReader<'a>;
    type Builder<'a> = ScalarsBuilder<'a>;
    const TYPE_ID: u64 = 11217620620015582682u64;
    const DATA_WORDS: u16 = 6u16;
    const POINTER_COUNT: u16 = 0u16;
    #[inline]
    fn wrap_reader(
        reader: ::capnzero::__private::StructReader<'_>,
    ) -> ScalarsReader<'_> {
        ScalarsReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ScalarsBuilder<'_> {
        ScalarsBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: ScalarsReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(ScalarsBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for ScalarsReader<'a>
where
    ScalarsReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for ScalarsReader<'a>
where
    ScalarsReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for ScalarsReader<'a>
where
    ScalarsReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80001 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\xBB\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\x87\0\0\0\x85\x02\0\0\x1F\0\0\0\x9C\x02\0\0\x01\0\0\0\x9D\x02\0\x007\0\0\0\x08\0\0\0\x04\0\x04\0\x01\0\xF8\xC6\xB4\xE2\xA0\xD5\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0-\0\0\0r\0\0\x001\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xDA= 9\x85\xFE\xAC\x9B\x0E\0\0\0\x01\0\x06\0\x01\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\x07\0\0\0\0\0%\0\0\0\xB2\0\0\0-\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0)\0\0\0\xDF\x02\0\0scalars.capnp\0\0\0\x04\0\0\0\x01\0\x01\0\xDA= 9\x85\xFE\xAC\x9B\x01\0\0\0B\0\0\0Scalars\0scalars.capnp:Scalars\0\0\0\0\0\0\0\0\0\0\x004\0\0\0\x03\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0]\x01\0\0B\0\0\0\0\0\0\0\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\x01\0\x01\0\0\0\x01\0\0\0\0\0\0\0E\x01\0\0*\0\0\0\0\0\0\0\0\0\0\0@\x01\0\0\x01\0\0\0@\x01\0\0\x01\0\0\0\x02\0\0\0\x01\0\0\0\0\0\x01\0\x02\0\0\0\x01\0\0\0\0\0\0\x005\x01\0\0*\0\0\0\0\0\0\0\0\0\0\x000\x01\0\0\x01\0\0\x000\x01\0\0\x01\0\0\0\x03\0\0\0\x01\0\0\0\0\0\x01\0\x03\0\0\0\x01\0\0\0\0\0\0\0%\x01\0\x002\0\0\0\0\0\0\0\0\0\0\0 \x01\0\0\x01\0\0\0 \x01\0\0\x01\0\0\0\x04\0\0\0\x01\0\0\0\0\0\x01\0\x04\0\0\0\x01\0\0\0\0\0\0\0\x15\x01\0\0\"\0\0\0\0\0\0\0\0\0\0\0\x10\x01\0\0\x01\0\0\0\x10\x01\0\0\x01\0\0\0\x05\0\0\0\x01\0\0\0\0\0\x01\0\x05\0\0\0\x01\0\0\0\0\0\0\0\x05\x01\0\0*\0\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\x01\0\0\0\0\x01\0\0\x02\0\0\0\x06\0\0\0\x10\0\0\0\0\0\x01\0\x06\0\0\0\x01\0\0\0\0\0\0\0\xF9\0\0\0*\0\0\0\0\0\0\0\0\0\0\0\xF4\0\0\0\x01\0\0\0\xF4\0\0\0\x01\0\0\0\x07\0\0\0\t\0\0\0\0\0\x01\0\x07\0\0\0\x01\0\0\0\0\0\0\0\xE9\0\0\0*\0\0\0\0\0\0\0\0\0\0\0\xE4\0\0\0\x01\0\0\0\xE4\0\0\0\x01\0\0\0\x08\0\0\0\x05\0\0\0\0\0\x01\0\x08\0\0\0\x01\0\0\0\0\0\0\0\xD9\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\xD4\0\0\0\x01\0\0\0\xD4\0\0\0\x01\0\0\0\t\0\0\0\x03\0\0\0\0\0\x01\0\t\0\0\0\x01\0\0\0\0\0\0\0\xC9\0\0\0\"\0\0\0\0\0\0\0\0\0\0\0\xC4\0\0\0\x01\0\0\0\xC4\0\0\0\x02\0\0\0\n\0\0\0\x08\0\0\0\0\0\x01\0\n\0\0\0\x01\0\0\0\0\0\0\0\xBD\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\xB8\0\0\0\x01\0\0\0\xB8\0\0\0\x01\0\0\0\x0B\0\0\0\x05\0\0\0\0\0\x01\0\x0B\0\0\0\x01\0\0\0\0\0\0\0\xAD\0\0\0B\0\0\0\0\0\0\0\0\0\0\0\xA8\0\0\0\x01\0\0\0\xA8\0\0\0\x02\0\0\0\x0C\0\0\0\t\0\0\0\0\0\x01\0\x0C\0\0\0\0\0\0\0\0\0\0\0\xA1\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\x9C\0\0\0\x01\0\0\0\x9C\0\0\0\x01\0\0\0nothing\0flag\0\0\0\0\x01\0\0\0\0\0\0\0\x01\0\x01\0\0\0\0\0tiny\0\0\0\0\x02\0\0\0\0\0\0\0\x02\0\xF8\0\0\0\0\0short\0\0\0\x03\0\0\0\0\0\0\0\x03\0\xF0\xFF\0\0\0\0int\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\xE0\xFF\xFF\xFFlong\0\0\0\0\x05\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\xC0\xFF\xFF\xFF\xFF\xFF\xFF\xFFbyte\0\0\0\0\x06\0\0\0\0\0\0\0\x06\0\x08\0\0\0\0\0word\0\0\0\0\x07\0\0\0\0\0\0\0\x07\0\x10\0\0\0\0\0count\0\0\0\x08\0\0\0\0\0\0\0\x08\0\0\0 \0\0\0big\0\0\0\0\0\t\0\0\0\0\0\0\0\t\0\0\0\0\0\0\0@\0\0\0\0\0\0\0ratio\0\0\0\n\0\0\0\0\0\0\0\n\0\0\0\0\0\xC0?precise\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0\0\0\0\0\0\0\x02\xC0plain\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x01\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0r\0\0\0\t\0\0\0\x07\0\0\0scalars.capnp\0\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x08\0\0\0\x01\0\x02\0\xDA= 9\x85\xFE\xAC\x9B\0\0\0\0\0\0\0\0\r\0\0\0\x07\0\0\0\x01\0\xF8\xC6\xB4\xE2\xA0\xD5\t\0\0\0\xB2\x01\0\0\0\0\0\0\0\0\0\x004\0\0\0\0\0\0\0Every scalar kind, each with a default but the last.\n\0\0\0");
}
