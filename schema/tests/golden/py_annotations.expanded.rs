// The expansion of `py_annotations.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl Point {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("x", "x"),
        ("y", "y"),
        ("label", "label"),
        ("position", "position"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Point { #[doc =
    " The schema of `py_annotations.capnp:Point`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80008
    .struct_schema(17770033148803867968u64) } } impl < 'a > PointReader < 'a > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80008
    .dynamic(17770033148803867968u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Point { const TYPE_ID : u64 =
    17770033148803867968u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80008 } }
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
                __F::data("position", 65535, __T::Void, 0, 0),
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
/// The struct `py_annotations.capnp:Point`.
#[derive(::core::clone::Clone)]
pub struct Point {
    /// The field `x`.
    pub x: i64,
    /// The field `y`.
    pub y: i64,
    /// The field `label`.
    pub label: ::core::option::Option<::capnzero::__private::String>,
}
impl ::core::default::Default for Point {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Point {
            x: 0i64,
            y: 0i64,
            label: ::core::option::Option::None,
        }
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
/// A zero-copy view of the struct `py_annotations.capnp:Point`.
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
            label: self.label().map(::capnzero::__private::String::from),
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
    /// The field `position`.
    /// A read-only view of the fields this virtual group lists.
    #[inline]
    pub fn position(self) -> point::PositionReader<'a> {
        point::PositionReader::from_untyped(self.reader)
    }
}
/// Writes the struct `py_annotations.capnp:Point` in place in a message.
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
    const TYPE_ID: u64 = 17770033148803867968u64;
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
/// Types nested in `py_annotations.capnp:Point`.
pub mod point {
    /// The virtual group `position` of `py_annotations.capnp:Point`: a read-only view of its fields x, y.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct PositionReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl<'a> PositionReader<'a> {
        /// Views an untyped struct (the one holding the group's fields).
        pub fn from_untyped(
            reader: ::capnzero::__private::StructReader<'a>,
        ) -> PositionReader<'a> {
            PositionReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// The field `x`.
        pub fn x(self) -> i64 {
            self.reader.get_or::<i64>(0, 0i64)
        }
        /// The field `y`.
        pub fn y(self) -> i64 {
            self.reader.get_or::<i64>(1, 0i64)
        }
    }
    impl<'a> ::core::cmp::PartialEq for PositionReader<'a>
    where
        PositionReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for PositionReader<'a>
    where
        PositionReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for PositionReader<'a>
    where
        PositionReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80008 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\xF8\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0G\x01\0\0E\x02\0\0\x1F\0\0\0t\x02\0\0\x01\0\0\0u\x02\0\0\x7F\0\0\0\x14\0\0\0\x04\0\x04\0\x08\0\xF8\xC6\xB4\xE2\xA0\xD5\x0F\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x8D\0\0\0\xAA\0\0\0\x95\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0@\xE5^\xC9\xFF\xD6\x9B\xF6\x15\0\0\0\x01\0\x02\0\x08\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\0\x07\0\0\0\0\0\x89\0\0\0\xDA\0\0\0\x95\0\0\0\x07\0\0\0\x95\0\0\0\x1F\0\0\0\xAD\0\0\0\xC7\0\0\0\x8D\xB8c\x1EJ\x04,\xB0\x16\0\0\0\x05\0 \0 \x15cE\x18\xC2$\xBC\0\0\0\0\0\0\0\0E\x01\0\0\xE2\0\0\0Q\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0L\x01\0\0\x01\0\0\0 \x15cE\x18\xC2$\xBC\x10\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0=\x01\0\0\xB2\0\0\0E\x01\0\0w\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x86\xF5<\x1B,\x06l\xCB\x16\0\0\0\x05\0\xB0\0 \x15cE\x18\xC2$\xBC\0\0\0\0\0\0\0\0\x8D\x01\0\0\xD2\0\0\0\x99\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\x94\x01\0\0\x01\0\0\0py_annotations.capnp\0\0\0\0\x04\0\0\0\x01\0\x01\0@\xE5^\xC9\xFF\xD6\x9B\xF6\x01\0\0\x002\0\0\0Point\0\0\0py_annotations.capnp:Point\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x86\xF5<\x1B,\x06l\xCB\x04\0\0\0\x01\0\x01\0\xFC\xFF\xFF\xFF\0\0\0\0\x0C\0\0\0\0\0\0\0\x01\0\0\0*\0\0\0x, y\0\0\0\0\x10\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0U\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0P\0\0\0\x01\0\0\0P\0\0\0\x01\0\0\0\x01\0\0\0\x01\0\0\0\0\0\x01\0\x01\0\0\0I\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0D\0\0\0\x01\0\0\0D\0\0\0\x01\0\0\0\x02\0\0\0\0\0\0\0\0\0\x01\0\x02\0\0\0=\0\0\x002\0\0\0\0\0\0\0\0\0\0\08\0\0\0\x01\0\0\08\0\0\0\x01\0\0\0\x03\0\0\0\0\0\0\0\0\0\x01\0\x03\0\0\x001\0\0\0J\0\0\x005\0\0\0\x1F\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0x\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0y\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0label\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0position\0\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x8D\xB8c\x1EJ\x04,\xB0\x04\0\0\0\x01\0\x01\0\xFC\xFF\xFF\xFF\0\0\0\0\x0C\0\0\0\0\0\0\0\x01\0\0\0*\0\0\0x, y\0\0\0\0capnpy/annotate.capnp:group\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0capnpy/annotate.capnp\0\0\0\x1C\0\0\0\x01\0\x01\0\x86\xF5<\x1B,\x06l\xCB1\0\0\0\"\0\0\0\xDD\xE7\xB5\xB1\xA2\xDE\xC3\x9C-\0\0\0J\0\0\0\x8D\xB8c\x1EJ\x04,\xB0-\0\0\x002\0\0\0<\xDB\xEB\x08#\x8E\x11\xE1)\0\0\0Z\0\0\0\x99\x9E\x8A]o\x0B\xFE\xD4)\0\0\0J\0\0\0\xF3\xB5\xC6=\x84\xB3\x93\xD3)\0\0\0B\0\0\0\x93\xD4\x1EDg:\xB6\xBD%\0\0\0B\0\0\0key\0\0\0\0\0nullable\0\0\0\0\0\0\0\0group\0\0\0BoolOption\0\0\0\0\0\0TextType\0\0\0\0\0\0\0\0Options\0options\0capnpy/annotate.capnp:key\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x08\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0\xAA\0\0\0\r\0\0\0\x17\0\0\0py_annotations.capnp\0\0\0\0\x04\0\0\0\x01\0\x01\0 \x15cE\x18\xC2$\xBC\x01\0\0\0\xBA\0\0\0/capnpy/annotate.capnp\0\0\0\0\t\x02\0\0\0\0\x14\0\0\0\x01\0\x02\0\x86\xF5<\x1B,\x06l\xCB5\0\0\0\xF2\t\0\0\0\0\0\0\0\0\0\0 \x15cE\x18\xC2$\xBC\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0@\xE5^\xC9\xFF\xD6\x9B\xF6\0\0\0\0\0\0\0\0\xB9\0\0\0\x07\0\0\0\x8D\xB8c\x1EJ\x04,\xB0\xB5\0\0\0z\x05\0\0\0\0\0\0\0\0\0\0\x08\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\x01\0\0\x9A\x01\0\0\0\0\0\0\0\0\0\0Gives the struct value semantics: equality and hashing look only at the\nlisted fields, in the order listed, e.g. `$Py.key(\"x, y\")`; `\"*\"` lists\nevery field.  A keyed value compares and hashes like the tuple of its key\nfields.  On a field, the annotation applies to the virtual group that\n`group` makes of that field.\n\0\0\0\x10\0\0\0\0\0\0\0On a Void field: presents the listed fields of the struct (\"x, y\") as a\nread-only group under this field's name, without moving them; they stay\nreadable as plain fields too.\n\0\0capnpy's annotations: a key, and a virtual group.\n\0\0\0\0\0\0");
}
