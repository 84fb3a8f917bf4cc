// The expansion of `derive_point.rs`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

#[doc(hidden)]
#[allow(unused_macros)]
macro_rules! __capnzero_desc_Point {
    ($($state:tt)*) => {
        ::capnzero::__private::derive_step! { [struct] $($state)* }
    };
}
#[allow(unused_imports)]
pub(crate) use __capnzero_desc_Point;
impl Point {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("x", "x"),
        ("y", "y"),
        ("label", "label"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Point { #[doc =
    " The schema of `Point.capnp:Point`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_90349EB77999C214
    .struct_schema(13907095858110791938u64) } } impl < 'a > PointReader < 'a > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_90349EB77999C214
    .dynamic(13907095858110791938u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Point { const TYPE_ID : u64 =
    13907095858110791938u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_90349EB77999C214 } }
}
impl ::capnzero::__private::text::DescribeStruct for PointReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 2,
            pointers: 1,
            discriminant_offset: 0,
            fields: &[
                __F::data("x", 65535, __T::Int64, 0, 0),
                __F::data("y", 65535, __T::Int64, 1, 0),
                __F::pointer("label", 65535, __T::Text, 0, b""),
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
        if let ::core::option::Option::Some(value) = &self.label {
            builder.set_label(value)?;
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `Point.capnp:Point`.
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
        Point {
            x: self.x(),
            y: self.y(),
            label: self.label().map(|value| ::capnzero::__private::String::from(value)),
        }
    }
    /// The field `x`.
    #[inline]
    pub fn x(self) -> i64 {
        self.reader.get_or::<i64>(0, 0i64)
    }
    /// The field `y`.
    #[inline]
    pub fn y(self) -> i64 {
        self.reader.get_or::<i64>(1, 0i64)
    }
    /// The field `label`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn label(self) -> ::core::option::Option<&'a str> {
        if true {
            ::capnzero::__private::text(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_label(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
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
}
/// Writes the struct `Point.capnp:Point` in place in a message.
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
        self.builder.set::<i64>(0, ::core::default::Default::default());
        self.builder.set::<i64>(1, ::core::default::Default::default());
        ::capnzero::__private::clear_pointer(&mut self.builder, 0u16);
    }
    /// The field `x`.
    #[inline]
    pub fn set_x(&mut self, value: i64) {
        self.builder.set_or::<i64>(0, value, 0i64)
    }
    /// The field `y`.
    #[inline]
    pub fn set_y(&mut self, value: i64) {
        self.builder.set_or::<i64>(1, value, 0i64)
    }
    /// The field `label`.
    #[inline]
    pub fn set_label(&mut self, value: &str) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_text(value)
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Point {
    type Reader<'a> = PointReader<'a>;
    type Builder<'a> = PointBuilder<'a>;
    const TYPE_ID: u64 = 13907095858110791938u64;
    const DATA_WORDS: u16 = 2u16;
    const POINTER_COUNT: u16 = 1u16;
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
impl<'a> PointReader<'a> {
    /// The key: (x, y), as a tuple. Equality and hashing look only at it; floats appear as their bit patterns.
    pub fn key(self) -> (i64, i64) {
        (self.x(), self.y())
    }
}
impl<'a> ::capnzero::__private::KeyAnnotation for PointReader<'a> {
    fn key_eq(&self, other: &Self) -> bool {
        let (this, other) = (self.key(), other.key());
        true && this.0 == other.0 && this.1 == other.1
    }
    fn key_hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        let key = self.key();
        ::core::hash::Hash::hash(&key.0, state);
        ::core::hash::Hash::hash(&key.1, state);
    }
}
impl Point {
    /// The key: (x, y), as a tuple. Equality and hashing look only at it; floats appear as their bit patterns.
    pub fn key(&self) -> (i64, i64) {
        (self.x, self.y)
    }
}
impl ::core::cmp::PartialEq for Point {
    fn eq(&self, other: &Self) -> bool {
        let (this, other) = (self.key(), other.key());
        true && this.0 == other.0 && this.1 == other.1
    }
}
impl ::core::cmp::Eq for Point {}
impl ::core::hash::Hash for Point {
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        let key = self.key();
        ::core::hash::Hash::hash(&key.0, state);
        ::core::hash::Hash::hash(&key.1, state);
    }
}
impl<'a> ::core::cmp::PartialEq<Point> for PointReader<'a> {
    fn eq(&self, other: &Point) -> bool {
        let this = *self;
        let _ = (this, other);
        true && this.x() == other.x && this.y() == other.y
    }
}
impl<'a> ::core::cmp::PartialEq<PointReader<'a>> for Point {
    fn eq(&self, other: &PointReader<'a>) -> bool {
        other == self
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_90349EB77999C214 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\x0E\x01\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\x07\x01\0\0\xC1\x01\0\0\x1F\0\0\0\xF0\x01\0\0\x01\0\0\0\xF1\x01\0\0g\0\0\0\x10\0\0\0\x04\0\x04\0\x14\xC2\x99y\xB7\x9E4\x90\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0m\0\0\0b\0\0\0q\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x02\x01\0\0\0\xEE\xFF\xC0\x0C\0\0\0\x01\0\x02\0\x14\xC2\x99y\xB7\x9E4\x90\x01\0\x07\0\0\0\0\0e\0\0\0\x92\0\0\0m\0\0\0\x07\0\0\0m\0\0\0\x1F\0\0\0\x85\0\0\0\x97\0\0\0\x89\xEC\xDE\x92\x7F\xD1f\xF6\x18\0\0\0\x05\0\xB0\0\xE1\x98\xE3Q\xEDR\xD3\xAE\0\0\0\0\0\0\0\0\xE1\0\0\0\xE2\0\0\0\xED\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\xE8\0\0\0\x01\0\0\0\xE1\x98\xE3Q\xEDR\xD3\xAE\x12\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xD9\0\0\0\xC2\0\0\0\xE1\0\0\0w\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Point.capnp\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\x02\x01\0\0\0\xEE\xFF\xC0\x01\0\0\x002\0\0\0Point\0\0\0Point.capnp:Point\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x89\xEC\xDE\x92\x7F\xD1f\xF6\x04\0\0\0\x01\0\x01\0\xFC\xFF\xFF\xFF\0\0\0\0\x0C\0\0\0\0\0\0\0\x01\0\0\0*\0\0\0x, y\0\0\0\0\x0C\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0=\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\08\0\0\0\x01\0\0\08\0\0\0\x01\0\0\0\x01\0\0\0\x01\0\0\0\0\0\x01\0\x01\0\0\x001\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0,\0\0\0\x01\0\0\0,\0\0\0\x01\0\0\0\x02\0\0\0\0\0\0\0\0\0\x01\0\x02\0\0\0%\0\0\x002\0\0\0\0\0\0\0\0\0\0\0 \0\0\0\x01\0\0\0 \0\0\0\x01\0\0\0x\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0y\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0label\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0capnzero/annotate.capnp:key\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0capnzero/annotate.capnp\0\x1C\0\0\0\x01\0\x01\0\x89\xEC\xDE\x92\x7F\xD1f\xF61\0\0\0\"\0\0\0B\x96\xA4b\xAA\xE3\xAB\xE5-\0\0\x002\0\0\0\xE3ZW\x93\x0C\x9Ej\xC5)\0\0\0J\0\0\0\xAD\xBD1,kd\xDD\xC6)\0\0\0*\0\0\0\xF3\xA51Z\xBCC\xC7\x8B%\0\0\0B\0\0\0\x12l\x0E\xCC\xF4\xA6\x1E\x86!\0\0\0:\0\0\0\xF4\xC7m\x18]\x1CP\xD0\x1D\0\0\0B\0\0\0key\0\0\0\0\0group\0\0\0nullable\0\0\0\0\0\0\0\0name\0\0\0\0options\0Switch\0\0Options\0\x04\0\0\0\x01\0\x02\0\x14\xC2\x99y\xB7\x9E4\x90\x05\0\0\0b\0\0\0\t\0\0\0\x17\0\0\0Point.capnp\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\xE1\x98\xE3Q\xEDR\xD3\xAE\x01\0\0\0\xCA\0\0\0/capnzero/annotate.capnp\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x10\0\0\0\x01\0\x02\0\xE1\x98\xE3Q\xEDR\xD3\xAE\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x89\xEC\xDE\x92\x7F\xD1f\xF6\x1D\0\0\0\xB2\x1F\0\0\0\0\0\0\0\0\0\0\x02\x01\0\0\0\xEE\xFF\xC0\0\0\0\0\0\0\0\0\t\x02\0\0\x07\0\0\0\x14\xC2\x99y\xB7\x9E4\x90\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Value semantics: equality and hashing by the listed fields.\n\nWith `$Rust.key(\"x, y\")` the struct's owned type and its reader implement\n`PartialEq`, `Eq` and `Hash` looking only at `x` and `y`, in that order, and\nget a `key()` method returning them as a tuple.  Hashing a value hashes\nthat tuple, so with the same hasher `(1, 2)` finds `Point { x: 1, y: 2, .. }`\nin a hash map.  `\"*\"` means every field the schema declares, in ordinal\norder (fields added by a later version of the schema are not part of it).\n\nWithout a key, readers are not comparable: writing `a == b` on them is a\ncompile error that points to this annotation.\n\nKey fields may be of any type, including pointers (compared by content, a\nnull pointer equal only to null) and floats, which compare and hash by bit\npattern so that `Eq` and `Hash` stay lawful (`NaN == NaN`, `0.0 != -0.0`).\n\nOn a group: the same, for the group's own type.  On a field: only\nmeaningful together with `group` on that field, and applies to the virtual\ngroup it creates.\n\0\0\0\x0C\0\0\0\0\0\0\0");
}
impl Point {
    /**The Cap'n Proto declaration `Point` is equivalent to: its layout, IDs and names, to hand to other languages.

```capnp
struct Point @0xc0ffee0000000102 {
  x @0 :Int64;
  y @1 :Int64;
  label @2 :Text;
}
```*/
    pub const CAPNP_SCHEMA: &'static str = "struct Point @0xc0ffee0000000102 {\n  x @0 :Int64;\n  y @1 :Int64;\n  label @2 :Text;\n}\n";
}
const _: () = {
    #[allow(dead_code)]
    fn __capnzero_is_struct<T: ::capnzero::__private::Struct>() {}
    #[allow(dead_code)]
    fn __capnzero_is_enum<T: ::capnzero::__private::Enum>() {}
    #[allow(dead_code)]
    fn __capnzero_checks() {}
};
