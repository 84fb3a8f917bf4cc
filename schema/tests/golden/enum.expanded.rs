// The expansion of `enum.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl Color {
    /// Each enumerant's name in the schema and its Rust variant, in ordinal order.
    pub const ENUMERANT_NAMES: &'static [(&'static str, &'static str)] = &[
        ("red", "Red"),
        ("green", "Green"),
        ("blue", "Blue"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Color { #[doc =
    " The schema of `enum.capnp:Color`: its node (ID, enumerants, annotations with their values). An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::EnumSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80003
    .enum_schema(11974946363206840004u64) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Color { const TYPE_ID : u64 =
    11974946363206840004u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80003 } }
}
impl ::capnzero::__private::text::Describe for Color {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Enum(
        &["red", "green", "blue"],
    );
}
impl ::core::fmt::Display for Color {
    /// The Cap'n Proto text format: the enumerant's schema name, `(N)` for a value
    /// this schema does not know.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_enum(
            <Self as ::capnzero::__private::text::Describe>::TYPE,
            Color::to_u16(*self),
            f,
        )
    }
}
/// The enum `enum.capnp:Color`.
#[derive(
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::fmt::Debug,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq,
    ::core::hash::Hash
)]
pub enum Color {
    /// `red` (0).
    Red,
    /// `green` (1).
    Green,
    /// `blue` (2).
    Blue,
    /// A value this schema does not know (written by a newer schema).
    Unknown(u16),
}
impl Color {
    /// The enumerant with ordinal `value`.
    pub fn from_u16(value: u16) -> Color {
        match value {
            0 => Color::Red,
            1 => Color::Green,
            2 => Color::Blue,
            other => Color::Unknown(other),
        }
    }
    /// The ordinal, as stored on the wire.
    pub fn to_u16(self) -> u16 {
        match self {
            Color::Red => 0,
            Color::Green => 1,
            Color::Blue => 2,
            Color::Unknown(other) => other,
        }
    }
}
impl ::core::default::Default for Color {
    /// The enumerant of ordinal 0.
    fn default() -> Color {
        Color::Red
    }
}
impl ::capnzero::__private::Enum for Color {
    fn from_u16(value: u16) -> Color {
        Color::from_u16(value)
    }
    fn to_u16(self) -> u16 {
        Color::to_u16(self)
    }
}
impl ::capnzero::__private::ListElement for Color {
    type Reader<'a> = Color;
    type Owned = Color;
    const SIZE: ::capnzero::__private::ElementSize = ::capnzero::__private::ElementSize::TwoBytes;
    fn read(list: &::capnzero::__private::ListReader<'_>, index: u32) -> Color {
        Color::from_u16(list.get::<u16>(index).unwrap_or(0))
    }
    fn to_owned(value: Color) -> Color {
        value
    }
    fn init(
        pointer: ::capnzero::__private::PointerBuilder<'_>,
        len: u32,
    ) -> ::capnzero::__private::Result<::capnzero::__private::ListBuilder<'_>> {
        pointer.init_list(::capnzero::__private::ElementSize::TwoBytes, len)
    }
    fn write(
        list: &mut ::capnzero::__private::ListBuilder<'_>,
        index: u32,
        value: &Color,
    ) -> ::capnzero::__private::Result<()> {
        list.set::<u16>(index, value.to_u16())
    }
}
impl Pixel {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("color", "color"),
        ("colors", "colors"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Pixel { #[doc =
    " The schema of `enum.capnp:Pixel`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80003
    .struct_schema(13503909529331378790u64) } } impl < 'a > PixelReader < 'a > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80003
    .dynamic(13503909529331378790u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Pixel { const TYPE_ID : u64 =
    13503909529331378790u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80003 } }
}
impl ::capnzero::__private::text::DescribeStruct for PixelReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 1,
            pointers: 1,
            discriminant_offset: 0,
            fields: &[
                __F::data("color", 65535, <Color as __D>::TYPE, 0, 1),
                __F::pointer("colors", 65535, __T::List(&<Color as __D>::TYPE), 0, b""),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Pixel {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <PixelReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for PixelReader<'_> {
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
impl ::core::fmt::Debug for PixelReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Pixel {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <PixelReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(PixelBuilder { builder }),
        )
    }
}
impl ::core::fmt::Debug for Pixel {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `enum.capnp:Pixel`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Pixel {
    /// The field `color`.
    pub color: Color,
    /// The field `colors`.
    pub colors: ::core::option::Option<::capnzero::__private::Vec<Color>>,
}
impl ::core::default::Default for Pixel {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Pixel {
            color: Color::from_u16(1u16),
            colors: ::core::option::Option::None,
        }
    }
}
impl Pixel {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: PixelBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        builder.set_color(self.color);
        if let ::core::option::Option::Some(value) = &self.colors {
            builder.set_colors(value)?;
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `enum.capnp:Pixel`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct PixelReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for PixelReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        PixelReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> PixelReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        PixelReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Pixel {
        Pixel {
            color: self.color(),
            colors: self.colors().map(|list| list.to_vec()),
        }
    }
    /// The field `color`.
    #[inline]
    pub fn color(self) -> Color {
        Color::from_u16(self.reader.get_or::<u16>(0, 1u16))
    }
    /// The field `colors`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn colors(
        self,
    ) -> ::core::option::Option<::capnzero::__private::List<'a, Color>> {
        if true {
            ::capnzero::__private::List::<Color>::from_pointer(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_colors(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
    }
    /// The field `colors`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_colors(self) -> ::capnzero::__private::List<'a, Color> {
        match self.colors() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ::capnzero::__private::List::default(),
        }
    }
}
/// Writes the struct `enum.capnp:Pixel` in place in a message.
pub struct PixelBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> PixelBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        PixelBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> PixelBuilder<'_> {
        PixelBuilder {
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
        self.builder.set::<u16>(0, 0);
        ::capnzero::__private::clear_pointer(&mut self.builder, 0u16);
    }
    /// The field `color`.
    #[inline]
    pub fn set_color(&mut self, value: Color) {
        self.builder.set_or::<u16>(0, value.to_u16(), 1u16)
    }
    /// The field `colors`.
    #[inline]
    pub fn set_colors(&mut self, value: &[Color]) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_list::<
            Color,
        >(::capnzero::__private::pointer_of(&mut self.builder, 0u16)?, value)
    }
    /// The field `colors`.
    /// Points it at a new list of `len` zero elements, to fill in place.
    #[inline]
    pub fn init_colors(
        &mut self,
        len: u32,
    ) -> ::capnzero::__private::Result<::capnzero::__private::ListBuilderOf<'_, Color>> {
        ::capnzero::__private::ListBuilderOf::init(
            ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?,
            len,
        )
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Pixel {
    type Reader<'a> = PixelReader<'a>;
    type Builder<'a> = PixelBuilder<'a>;
    const TYPE_ID: u64 = 13503909529331378790u64;
    const DATA_WORDS: u16 = 1u16;
    const POINTER_COUNT: u16 = 1u16;
    #[inline]
    fn wrap_reader(reader: ::capnzero::__private::StructReader<'_>) -> PixelReader<'_> {
        PixelReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> PixelBuilder<'_> {
        PixelBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: PixelReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(PixelBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for PixelReader<'a>
where
    PixelReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for PixelReader<'a>
where
    PixelReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for PixelReader<'a>
where
    PixelReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80003 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0l\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\xC7\0\0\0=\x01\0\0\x1F\0\0\0T\x01\0\0\x01\0\0\0U\x01\0\0O\0\0\0\x0C\0\0\0\x04\0\x04\0\x03\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0M\0\0\0Z\0\0\0Q\0\0\0'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xC4\xAELwE\x8E/\xA6\x0B\0\0\0\x02\0\0\0\x03\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0Q\0\0\0\x8A\0\0\0Y\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0U\0\0\x007\0\0\0f*\xCF\x8E+\x86g\xBB\x0B\0\0\0\x01\0\x01\0\x03\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\0\x07\0\0\0\0\0i\0\0\0\x8A\0\0\0q\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0m\0\0\0w\0\0\0enum.capnp\0\0\0\0\0\0\x08\0\0\0\x01\0\x01\0\xC4\xAELwE\x8E/\xA6\t\0\0\x002\0\0\0f*\xCF\x8E+\x86g\xBB\x05\0\0\x002\0\0\0Color\0\0\0Pixel\0\0\0enum.capnp:Color\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\x11\0\0\0\"\0\0\0\x01\0\0\0\0\0\0\0\r\0\0\x002\0\0\0\x02\0\0\0\0\0\0\0\t\0\0\0*\0\0\0red\0\0\0\0\0green\0\0\0blue\0\0\0\0enum.capnp:Pixel\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x03\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\x01\0\0\0\0\0\0\0)\0\0\x002\0\0\0\0\0\0\0\0\0\0\0$\0\0\0\x02\0\0\0(\0\0\0\x01\0\0\0\x01\0\0\0\0\0\0\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0\x1D\0\0\0:\0\0\0\0\0\0\0\0\0\0\0\x18\0\0\0\x01\0\x01\0$\0\0\0\x01\0\0\0color\0\0\0\x0F\0\0\0\0\0\0\0\xC4\xAELwE\x8E/\xA6\x0F\0\x01\0\0\0\0\0colors\0\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x02\0\0\0\x0F\0\0\0\0\0\0\0\xC4\xAELwE\x8E/\xA6\x0E\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x03\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0Z\0\0\0\t\0\0\0\x07\0\0\0enum.capnp\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x0C\0\0\0\x01\0\x02\0f*\xCF\x8E+\x86g\xBB\0\0\0\0\0\0\0\0\x19\0\0\0\x07\0\0\0\xC4\xAELwE\x8E/\xA6\0\0\0\0\0\0\0\0\x11\0\0\0\x07\0\0\0\x03\0\xF8\xC6\xB4\xE2\xA0\xD5\r\0\0\0Z\x01\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0An enum, and a struct with a field of it.\n\0\0\0\0\0\0");
}
