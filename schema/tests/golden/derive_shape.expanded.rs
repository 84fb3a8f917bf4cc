// The expansion of `derive_shape.rs`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

#[doc(hidden)]
#[allow(unused_macros)]
macro_rules! __capnzero_desc_Shape {
    ($($state:tt)*) => {
        ::capnzero::__private::derive_step! { [struct] $($state)* }
    };
}
#[allow(unused_imports)]
pub(crate) use __capnzero_desc_Shape;
impl Shape {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("circle", "circle"),
        ("square", "square"),
        ("label", "label"),
        ("empty", "empty"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Shape { #[doc =
    " The schema of `Shape.capnp:Shape`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_B2CE2CD8610E8937
    .struct_schema(13907095858110791939u64) } } impl < 'a > ShapeReader < 'a > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_B2CE2CD8610E8937
    .dynamic(13907095858110791939u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Shape { const TYPE_ID : u64 =
    13907095858110791939u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_B2CE2CD8610E8937 } }
}
impl ::capnzero::__private::text::DescribeStruct for ShapeReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 2,
            pointers: 1,
            discriminant_offset: 4,
            fields: &[
                __F::data("circle", 0, __T::Float64, 0, 0),
                __F::data("square", 1, __T::Float64, 0, 0),
                __F::pointer("label", 2, __T::Text, 0, b""),
                __F::data("empty", 3, __T::Void, 0, 0),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Shape {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <ShapeReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for ShapeReader<'_> {
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
impl ::core::fmt::Debug for ShapeReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Shape {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <ShapeReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(ShapeBuilder { builder }),
        )
    }
}
impl Shape {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: ShapeBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        match self {
            Shape::Circle(value) => builder.set_circle(*value),
            Shape::Square(value) => builder.set_square(*value),
            Shape::Label(value) => builder.set_label(value)?,
            Shape::Empty => builder.set_empty(),
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `Shape.capnp:Shape`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct ShapeReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for ShapeReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        ShapeReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> ShapeReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        ShapeReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Shape {
        self.__capnzero_union()
    }
    /// The field `circle`.
    /// `None` when another member of the union is set.
    #[inline]
    pub fn circle(self) -> ::core::option::Option<f64> {
        if self.raw_discriminant() == 0u16 {
            ::core::option::Option::Some(
                self.reader.get_or::<f64>(0, f64::from_bits(0u64)),
            )
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether this member of the union is set.
    #[inline]
    pub fn is_circle(self) -> bool {
        self.raw_discriminant() == 0u16
    }
    /// The field `square`.
    /// `None` when another member of the union is set.
    #[inline]
    pub fn square(self) -> ::core::option::Option<f64> {
        if self.raw_discriminant() == 1u16 {
            ::core::option::Option::Some(
                self.reader.get_or::<f64>(0, f64::from_bits(0u64)),
            )
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether this member of the union is set.
    #[inline]
    pub fn is_square(self) -> bool {
        self.raw_discriminant() == 1u16
    }
    /// The field `label`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn label(self) -> ::core::option::Option<&'a str> {
        if self.raw_discriminant() == 2u16 {
            ::capnzero::__private::text(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_label(self) -> bool {
        self.raw_discriminant() == 2u16 && !self.reader.pointer(0u16).is_null()
    }
    /// The field `label`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_label(self) -> &'a str {
        match self.label() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => "",
        }
    }
    /// Whether this member of the union is set.
    #[inline]
    pub fn is_label(self) -> bool {
        self.raw_discriminant() == 2u16
    }
    /// Whether this member of the union is set.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.raw_discriminant() == 3u16
    }
    /// The member of the union that is set, with its value.
    #[inline]
    pub fn which(self) -> shape::Which<'a> {
        match self.raw_discriminant() {
            0u16 => {
                shape::Which::Circle(
                    self.circle().unwrap_or_else(|| ::core::default::Default::default()),
                )
            }
            1u16 => {
                shape::Which::Square(
                    self.square().unwrap_or_else(|| ::core::default::Default::default()),
                )
            }
            2u16 => shape::Which::Label(self.label()),
            3u16 => shape::Which::Empty,
            other => shape::Which::Unknown(other),
        }
    }
    /// The union's discriminant as stored.
    #[inline]
    pub fn raw_discriminant(self) -> u16 {
        self.reader.get::<u16>(4)
    }
    /// The union, owned.
    #[doc(hidden)]
    #[inline]
    pub fn __capnzero_union(self) -> Shape {
        match self.which() {
            shape::Which::Circle(value) => Shape::Circle(value),
            shape::Which::Square(value) => Shape::Square(value),
            shape::Which::Label(_) => {
                Shape::Label({
                    let value = self.get_label();
                    ::capnzero::__private::String::from(value)
                })
            }
            shape::Which::Empty => Shape::Empty,
            shape::Which::Unknown(_) => ShapeReader::default().__capnzero_union(),
        }
    }
}
/// Writes the struct `Shape.capnp:Shape` in place in a message.
pub struct ShapeBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> ShapeBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        ShapeBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> ShapeBuilder<'_> {
        ShapeBuilder {
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
        self.builder.set::<f64>(0, ::core::default::Default::default());
        self.builder.set::<f64>(0, ::core::default::Default::default());
        ::capnzero::__private::clear_pointer(&mut self.builder, 0u16);
        self.builder.set::<u16>(4, 0);
    }
    /// The field `circle`.
    #[inline]
    pub fn set_circle(&mut self, value: f64) {
        self.builder.set::<u16>(4, 0u16);
        self.builder.set_or::<f64>(0, value, f64::from_bits(0u64))
    }
    /// The field `square`.
    #[inline]
    pub fn set_square(&mut self, value: f64) {
        self.builder.set::<u16>(4, 1u16);
        self.builder.set_or::<f64>(0, value, f64::from_bits(0u64))
    }
    /// The field `label`.
    #[inline]
    pub fn set_label(&mut self, value: &str) -> ::capnzero::__private::Result<()> {
        self.builder.set::<u16>(4, 2u16);
        ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_text(value)
    }
    /// The field `empty`.
    /// Makes it the union's member.
    #[inline]
    pub fn set_empty(&mut self) {
        self.builder.set::<u16>(4, 3u16);
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Shape {
    type Reader<'a> = ShapeReader<'a>;
    type Builder<'a> = ShapeBuilder<'a>;
    const TYPE_ID: u64 = 13907095858110791939u64;
    const DATA_WORDS: u16 = 2u16;
    const POINTER_COUNT: u16 = 1u16;
    #[inline]
    fn wrap_reader(reader: ::capnzero::__private::StructReader<'_>) -> ShapeReader<'_> {
        ShapeReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ShapeBuilder<'_> {
        ShapeBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: ShapeReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(ShapeBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for ShapeReader<'a>
where
    ShapeReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for ShapeReader<'a>
where
    ShapeReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for ShapeReader<'a>
where
    ShapeReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
/// Types nested in `Shape.capnp:Shape`.
pub mod shape {
    /// The member of the union that is set, as a reader sees it.
    #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
    pub enum Which<'a> {
        /// The member `circle`.
        Circle(f64),
        /// The member `square`.
        Square(f64),
        /// The member `label`.
        Label(::core::option::Option<&'a str>),
        /// The member `empty`.
        Empty,
        /// A discriminant this schema does not know (written by a newer schema).
        Unknown(u16),
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_B2CE2CD8610E8937 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0[\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\x97\0\0\0\t\x01\0\0\x1F\0\0\08\x01\0\0\x01\0\0\09\x01\0\x007\0\0\0\x08\0\0\0\x05\0\x04\x007\x89\x0Ea\xD8,\xCE\xB2\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x001\0\0\0b\0\0\x005\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x03\x01\0\0\0\xEE\xFF\xC0\x0C\0\0\0\x01\0\x02\x007\x89\x0Ea\xD8,\xCE\xB2\x01\0\x07\0\0\0\x04\0\x04\0\0\0\0\0\0\0%\0\0\0\x92\0\0\0-\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0)\0\0\0\xC7\0\0\0Shape.capnp\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\x03\x01\0\0\0\xEE\xFF\xC0\x01\0\0\x002\0\0\0Shape\0\0\0Shape.capnp:Shape\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x10\0\0\0\x02\0\x04\0\0\0\xFF\xFF\0\0\0\0\0\0\x01\0\0\0\0\0U\0\0\0:\0\0\0\0\0\0\0\0\0\0\0P\0\0\0\x01\0\0\0P\0\0\0\x01\0\0\0\x02\0\xFE\xFF\0\0\0\0\0\0\x01\0\x01\0\0\0I\0\0\0:\0\0\0\0\0\0\0\0\0\0\0D\0\0\0\x01\0\0\0D\0\0\0\x01\0\0\0\x03\0\xFD\xFF\0\0\0\0\0\0\x01\0\x02\0\0\0=\0\0\x002\0\0\0\0\0\0\0\0\0\0\08\0\0\0\x01\0\0\08\0\0\0\x01\0\0\0\x01\0\xFC\xFF\0\0\0\0\0\0\x01\0\x03\0\0\x001\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0circle\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0square\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0label\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0empty\0\0\0\x04\0\0\0\x01\0\x02\x007\x89\x0Ea\xD8,\xCE\xB2\x05\0\0\0b\0\0\0\t\0\0\0\x17\0\0\0Shape.capnp\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\xE1\x98\xE3Q\xEDR\xD3\xAE\x01\0\0\0\xCA\0\0\0/capnzero/annotate.capnp\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x08\0\0\0\x01\0\x02\0\x03\x01\0\0\0\xEE\xFF\xC0\0\0\0\0\0\0\0\0\r\0\0\0\x07\0\0\x007\x89\x0Ea\xD8,\xCE\xB2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x10\0\0\0\0\0\0\0");
}
impl Shape {
    /**The Cap'n Proto declaration `Shape` is equivalent to: its layout, IDs and names, to hand to other languages.

```capnp
struct Shape @0xc0ffee0000000103 {
  union {
    circle @0 :Float64;
    empty @3 :Void;
    square @1 :Float64;
    label @2 :Text;
  }
}
```*/
    pub const CAPNP_SCHEMA: &'static str = "struct Shape @0xc0ffee0000000103 {\n  union {\n    circle @0 :Float64;\n    empty @3 :Void;\n    square @1 :Float64;\n    label @2 :Text;\n  }\n}\n";
}
const _: () = {
    #[allow(dead_code)]
    fn __capnzero_is_struct<T: ::capnzero::__private::Struct>() {}
    #[allow(dead_code)]
    fn __capnzero_is_enum<T: ::capnzero::__private::Enum>() {}
    #[allow(dead_code)]
    fn __capnzero_checks() {}
};
