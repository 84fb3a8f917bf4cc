// The expansion of `constants.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

/// The constant `constants.capnp:answer`.
pub const ANSWER: u32 = 42u32;
/// The constant `constants.capnp:ratio`.
pub const RATIO: f64 = f64::from_bits(4602678819172646912u64);
/// The constant `constants.capnp:greeting`.
pub const GREETING: &str = "hello";
/// The constant `constants.capnp:magic`.
pub const MAGIC: &[u8] = b"\xCA\xFE";
/// The constant `constants.capnp:origin`.
pub const ORIGIN: ::capnzero::__private::StructConst<Point> = ::capnzero::__private::StructConst::new(
    b"\0\0\0\0\x01\0\0\0\x01\0\0\0\xFF\xFF\xFF\xFF",
);
/// The constant `constants.capnp:primes`.
pub const PRIMES: ::capnzero::__private::ListConst<u8> = ::capnzero::__private::ListConst::new(
    b"\x01\0\0\0\"\0\0\0\x02\x03\x05\x07\0\0\0\0",
);
impl Point {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("x", "x"),
        ("y", "y"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Point { #[doc =
    " The schema of `constants.capnp:Point`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80007
    .struct_schema(9680129752384260134u64) } } impl < 'a > PointReader < 'a > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80007
    .dynamic(9680129752384260134u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Point { const TYPE_ID : u64 =
    9680129752384260134u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80007 } }
}
impl ::capnzero::__private::text::DescribeStruct for PointReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 1,
            pointers: 0,
            discriminant_offset: 0,
            fields: &[
                __F::data("x", 65535, __T::Int32, 0, 0),
                __F::data("y", 65535, __T::Int32, 1, 0),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Point {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <PointReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for PointReader<'_> {
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
impl ::core::fmt::Debug for PointReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Point {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <PointReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(PointBuilder { builder }),
        )
    }
}
impl ::core::fmt::Debug for Point {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `constants.capnp:Point`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Point {
    /// The field `x`.
    pub x: i32,
    /// The field `y`.
    pub y: i32,
}
impl ::core::default::Default for Point {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Point { x: 0i32, y: 0i32 }
    }
}
impl Point {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: PointBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        builder.set_x(self.x);
        builder.set_y(self.y);
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `constants.capnp:Point`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct PointReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for PointReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        PointReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> PointReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        PointReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Point {
        Point { x: self.x(), y: self.y() }
    }
    /// The field `x`.
    #[inline]
    pub fn x(self) -> i32 {
        self.reader.get_or::<i32>(0, 0i32)
    }
    /// The field `y`.
    #[inline]
    pub fn y(self) -> i32 {
        self.reader.get_or::<i32>(1, 0i32)
    }
}
/// Writes the struct `constants.capnp:Point` in place in a message.
pub struct PointBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> PointBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        PointBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> PointBuilder<'_> {
        PointBuilder {
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
        self.builder.set::<i32>(0, ::core::default::Default::default());
        self.builder.set::<i32>(1, ::core::default::Default::default());
    }
    /// The field `x`.
    #[inline]
    pub fn set_x(&mut self, value: i32) {
        self.builder.set_or::<i32>(0, value, 0i32)
    }
    /// The field `y`.
    #[inline]
    pub fn set_y(&mut self, value: i32) {
        self.builder.set_or::<i32>(1, value, 0i32)
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Point {
    type Reader<'a> = PointReader<'a>;
    type Builder<'a> = PointBuilder<'a>;
    const TYPE_ID: u64 = 9680129752384260134u64;
    const DATA_WORDS: u16 = 1u16;
    const POINTER_COUNT: u16 = 0u16;
    #[inline]
    fn wrap_reader(reader: ::capnzero::__private::StructReader<'_>) -> PointReader<'_> {
        PointReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> PointBuilder<'_> {
        PointBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: PointReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(PointBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for PointReader<'a>
where
    PointReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for PointReader<'a>
where
    PointReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for PointReader<'a>
where
    PointReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
/// Types nested in `constants.capnp:Point`.
pub mod point {
    /// The constant `constants.capnp:Point.unit`.
    pub const UNIT: i32 = 1i32;
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80007 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\xF2\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\x8F\x02\0\0\xFD\x02\0\0\x1F\0\0\0\x14\x03\0\0\x01\0\0\0\x15\x03\0\0\xDF\0\0\0$\0\0\0\x04\0\x05\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x001\x01\0\0\x82\0\0\x005\x01\0\0w\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0gg\xCF@\xB3\xAD\0\xD1\x10\0\0\0\x04\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0q\x01\0\0\xBA\0\0\0y\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0t\x01\0\0\x01\0\0\0t\x01\0\0\x01\0\0\0\x8A\xBA\x08\x94\x8C\x12\x05\xC0\x10\0\0\0\x04\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0e\x01\0\0\xB2\0\0\0m\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0h\x01\0\0\x01\0\0\0h\x01\0\0\x02\0\0\0\x10\x81\xE42\xB0\x0E\x8E\xEE\x10\0\0\0\x04\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0]\x01\0\0\xCA\0\0\0i\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0d\x01\0\0\x01\0\0\0d\x01\0\0\x01\0\x01\0\xA6\x94\xBFa\xCE\xAFr\xD4\x10\0\0\0\x04\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0]\x01\0\0\xB2\0\0\0e\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0`\x01\0\0\x01\0\0\0`\x01\0\0\x01\0\x01\0&\xC8\x8D\xE6\xB8\xBAV\x86\x10\0\0\0\x01\0\x01\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\x07\0\0\0\0\0Y\x01\0\0\xB2\0\0\0a\x01\0\0\x17\0\0\0\0\0\0\0\0\0\0\0i\x01\0\0g\0\0\0\0\0\0\0\0\0\0\0\xADO\x8A0SUP\x98\x10\0\0\0\x04\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0\x9D\x01\0\0\xBA\0\0\0\xA5\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\xA0\x01\0\0\x02\0\0\0\xA4\x01\0\0\x01\0\x01\0\xA4\xD3\xB1\xC8\xE8\xCFf\xE6\x10\0\0\0\x04\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0\x9D\x01\0\0\xBA\0\0\0\xA5\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\xA0\x01\0\0\x01\0\x01\0\xA8\x01\0\0\x01\0\x01\0\xD1\xC7&\x1B\xF7x[\xA8\x16\0\0\0\x04\0\0\0&\xC8\x8D\xE6\xB8\xBAV\x86\0\0\0\0\0\0\0\0\xA1\x01\0\0\xDA\0\0\0\xAD\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\xA8\x01\0\0\x01\0\0\0\xA8\x01\0\0\x01\0\0\0constants.capnp\0\x1C\0\0\0\x01\0\x01\0gg\xCF@\xB3\xAD\0\xD11\0\0\0:\0\0\0\x8A\xBA\x08\x94\x8C\x12\x05\xC0-\0\0\x002\0\0\0\x10\x81\xE42\xB0\x0E\x8E\xEE)\0\0\0J\0\0\0\xA6\x94\xBFa\xCE\xAFr\xD4)\0\0\x002\0\0\0\xADO\x8A0SUP\x98%\0\0\0:\0\0\0\xA4\xD3\xB1\xC8\xE8\xCFf\xE6!\0\0\0:\0\0\0&\xC8\x8D\xE6\xB8\xBAV\x86\x1D\0\0\x002\0\0\0answer\0\0ratio\0\0\0greeting\0\0\0\0\0\0\0\0magic\0\0\0origin\0\0primes\0\0Point\0\0\0constants.capnp:answer\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0\x08\0\0\0*\0\0\0constants.capnp:ratio\0\0\0\0\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0\0\0\0\0\0\0\xE0?constants.capnp:greeting\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0\x01\0\0\x002\0\0\0hello\0\0\0constants.capnp:magic\0\0\0\0\0\0\0\0\0\0\0\r\0\0\0\0\0\0\0\r\0\0\0\0\0\0\0\x01\0\0\0\x12\0\0\0\xCA\xFE\0\0\0\0\0\0constants.capnp:Point\0\0\0\x04\0\0\0\x01\0\x01\0\xD1\xC7&\x1B\xF7x[\xA8\x01\0\0\0*\0\0\0unit\0\0\0\0\x08\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0%\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0 \0\0\0\x01\0\0\0 \0\0\0\x01\0\0\0\x01\0\0\0\x01\0\0\0\0\0\x01\0\x01\0\0\0\x19\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0\x14\0\0\0\x01\0\0\0\x14\0\0\0\x01\0\0\0x\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0y\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0constants.capnp:origin\0\0\0\0\0\0\0\0\0\0\x10\0\0\0\0\0\0\0&\xC8\x8D\xE6\xB8\xBAV\x86\x10\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\x01\0\0\0\xFF\xFF\xFF\xFFconstants.capnp:primes\0\0\0\0\0\0\0\0\0\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\x06\0\0\0\0\0\0\0\x0E\0\0\0\0\0\0\0\x01\0\0\0\"\0\0\0\x02\x03\x05\x07\0\0\0\0constants.capnp:Point.unit\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\x01\0\0\0\x04\0\0\0\x01\0\x02\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0\x82\0\0\0\t\0\0\0\x07\0\0\0constants.capnp\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0$\0\0\0\x01\0\x02\0\xD1\xC7&\x1B\xF7x[\xA8\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xA4\xD3\xB1\xC8\xE8\xCFf\xE6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0&\xC8\x8D\xE6\xB8\xBAV\x86\0\0\0\0\0\0\0\0I\0\0\0\x07\0\0\0\xA6\x94\xBFa\xCE\xAFr\xD4\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x10\x81\xE42\xB0\x0E\x8E\xEE\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xADO\x8A0SUP\x98\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x8A\xBA\x08\x94\x8C\x12\x05\xC0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0gg\xCF@\xB3\xAD\0\xD1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x07\0\xF8\xC6\xB4\xE2\xA0\xD5\t\0\0\0\x92\x02\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0Constants of scalar, blob, struct and list types, at file scope and in a struct.\n\0\0\0\0\0\0\0");
}
