// The expansion of `unions.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl Shape {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("area", "area"),
        ("circle", "circle"),
        ("square", "square"),
        ("empty", "empty"),
        ("position", "position"),
        ("label", "label"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Shape { #[doc =
    " The schema of `unions.capnp:Shape`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80004
    .struct_schema(17927149465172057703u64) } } impl < 'a > ShapeReader < 'a > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80004
    .dynamic(17927149465172057703u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Shape { const TYPE_ID : u64 =
    17927149465172057703u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80004 } }
}
impl ::capnzero::__private::text::DescribeStruct for ShapeReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 4,
            pointers: 1,
            discriminant_offset: 8,
            fields: &[
                __F::data("area", 65535, __T::Float64, 0, 0),
                __F::data("circle", 0, __T::Float64, 1, 0),
                __F::data("square", 1, __T::Float64, 1, 0),
                __F::data("empty", 2, __T::Void, 0, 0),
                __F::group(
                    "position",
                    65535,
                    <shape::PositionReader<
                        'static,
                    > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
                ),
                __F::group(
                    "label",
                    65535,
                    <shape::LabelReader<
                        'static,
                    > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
                ),
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
impl ::core::fmt::Debug for Shape {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `unions.capnp:Shape`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Shape {
    /// The field `area`.
    pub area: f64,
    /// The field `position`.
    pub position: shape::Position,
    /// The field `label`.
    pub label: shape::Label,
    /// The anonymous union.
    pub union: shape::Union,
}
impl ::core::default::Default for Shape {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Shape {
            area: f64::from_bits(0u64),
            position: ::core::default::Default::default(),
            label: ::core::default::Default::default(),
            union: ::core::default::Default::default(),
        }
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
        builder.set_area(self.area);
        (&self.position).write_fields(builder.position())?;
        (&self.label).write_fields(builder.label())?;
        match &self.union {
            shape::Union::Circle(value) => builder.set_circle(*value),
            shape::Union::Square(value) => builder.set_square(*value),
            shape::Union::Empty => builder.set_empty(),
            shape::Union::Unknown(other) => builder.builder.set::<u16>(8, *other),
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `unions.capnp:Shape`.
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
        Shape {
            area: self.area(),
            position: self.position().to_owned(),
            label: self.label().to_owned(),
            union: match self.which() {
                shape::Which::Circle(value) => shape::Union::Circle(value),
                shape::Which::Square(value) => shape::Union::Square(value),
                shape::Which::Empty => shape::Union::Empty,
                shape::Which::Unknown(other) => shape::Union::Unknown(other),
            },
        }
    }
    /// The field `area`.
    #[inline]
    pub fn area(self) -> f64 {
        self.reader.get_or::<f64>(0, f64::from_bits(0u64))
    }
    /// The field `circle`.
    /// `None` when another member of the union is set.
    #[inline]
    pub fn circle(self) -> ::core::option::Option<f64> {
        if self.raw_discriminant() == 0u16 {
            ::core::option::Option::Some(
                self.reader.get_or::<f64>(1, f64::from_bits(0u64)),
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
                self.reader.get_or::<f64>(1, f64::from_bits(0u64)),
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
    /// Whether this member of the union is set.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.raw_discriminant() == 2u16
    }
    /// The field `position`.
    #[inline]
    pub fn position(self) -> shape::PositionReader<'a> {
        shape::PositionReader::from_untyped(self.reader)
    }
    /// The field `label`.
    #[inline]
    pub fn label(self) -> shape::LabelReader<'a> {
        shape::LabelReader::from_untyped(self.reader)
    }
    /// The member of the union that is set, with its value.
    #[inline]
    pub fn which(self) -> shape::Which {
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
            2u16 => shape::Which::Empty,
            other => shape::Which::Unknown(other),
        }
    }
    /// The union's discriminant as stored.
    #[inline]
    pub fn raw_discriminant(self) -> u16 {
        self.reader.get::<u16>(8)
    }
}
/// Writes the struct `unions.capnp:Shape` in place in a message.
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
        self.builder.set::<f64>(1, ::core::default::Default::default());
        self.builder.set::<f64>(1, ::core::default::Default::default());
        <shape::PositionBuilder<'_>>::from_untyped(self.builder.reborrow())
            .clear_fields();
        <shape::LabelBuilder<'_>>::from_untyped(self.builder.reborrow()).clear_fields();
        self.builder.set::<u16>(8, 0);
    }
    /// The field `area`.
    #[inline]
    pub fn set_area(&mut self, value: f64) {
        self.builder.set_or::<f64>(0, value, f64::from_bits(0u64))
    }
    /// The field `circle`.
    #[inline]
    pub fn set_circle(&mut self, value: f64) {
        self.builder.set::<u16>(8, 0u16);
        self.builder.set_or::<f64>(1, value, f64::from_bits(0u64))
    }
    /// The field `square`.
    #[inline]
    pub fn set_square(&mut self, value: f64) {
        self.builder.set::<u16>(8, 1u16);
        self.builder.set_or::<f64>(1, value, f64::from_bits(0u64))
    }
    /// The field `empty`.
    /// Makes it the union's member.
    #[inline]
    pub fn set_empty(&mut self) {
        self.builder.set::<u16>(8, 2u16);
    }
    /// The field `position`.
    #[inline]
    pub fn position(&mut self) -> shape::PositionBuilder<'_> {
        shape::PositionBuilder::from_untyped(self.builder.reborrow())
    }
    /// The field `label`.
    #[inline]
    pub fn label(&mut self) -> shape::LabelBuilder<'_> {
        shape::LabelBuilder::from_untyped(self.builder.reborrow())
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Shape {
    type Reader<'a> = ShapeReader<'a>;
    type Builder<'a> = ShapeBuilder<'a>;
    const TYPE_ID: u64 = 17927149465172057703u64;
    const DATA_WORDS: u16 = 4u16;
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
/// Types nested in `unions.capnp:Shape`.
pub mod shape {
    /// The member of the union that is set, as a reader sees it.
    #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
    pub enum Which {
        /// The member `circle`.
        Circle(f64),
        /// The member `square`.
        Square(f64),
        /// The member `empty`.
        Empty,
        /// A discriminant this schema does not know (written by a newer schema).
        Unknown(u16),
    }
    /// The member of the union that is set, owned.
    #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
    #[allow(clippy::large_enum_variant)]
    pub enum Union {
        /// The member `circle`.
        Circle(f64),
        /// The member `square`.
        Square(f64),
        /// The member `empty`.
        Empty,
        /// A discriminant this schema does not know (written by a newer schema).
        Unknown(u16),
    }
    impl ::core::default::Default for Union {
        /// The member of discriminant 0 at its default.
        fn default() -> Self {
            Union::Circle(f64::from_bits(0u64))
        }
    }
    impl Position {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
            ("x", "x"),
            ("y", "y"),
        ];
    }
    ::capnzero::__private::if_reflection! {
        impl Position { #[doc =
        " The schema of `unions.capnp:Shape.position`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80004.struct_schema(18182325756409453348u64)
        } } impl < 'a > PositionReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80004.dynamic(18182325756409453348u64, self
        .reader) } }
    }
    impl ::capnzero::__private::text::DescribeStruct for PositionReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 4,
                pointers: 1,
                discriminant_offset: 0,
                fields: &[
                    __F::data("x", 65535, __T::Int32, 5, 0),
                    __F::data("y", 65535, __T::Int32, 6, 0),
                ],
            };
            &DESC
        }
    }
    impl ::core::fmt::Display for PositionReader<'_> {
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
    impl ::core::fmt::Debug for PositionReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for Position {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <PositionReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(PositionBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for Position {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The group `unions.capnp:Shape.position`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct Position {
        /// The field `x`.
        pub x: i32,
        /// The field `y`.
        pub y: i32,
    }
    impl ::core::default::Default for Position {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            Position { x: 0i32, y: 0i32 }
        }
    }
    impl Position {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: PositionBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            builder.set_x(self.x);
            builder.set_y(self.y);
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the group `unions.capnp:Shape.position`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct PositionReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for PositionReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            PositionReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> PositionReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            PositionReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> Position {
            Position {
                x: self.x(),
                y: self.y(),
            }
        }
        /// The field `x`.
        #[inline]
        pub fn x(self) -> i32 {
            self.reader.get_or::<i32>(5, 0i32)
        }
        /// The field `y`.
        #[inline]
        pub fn y(self) -> i32 {
            self.reader.get_or::<i32>(6, 0i32)
        }
    }
    /// Writes the group `unions.capnp:Shape.position` in place in a message.
    pub struct PositionBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> PositionBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            PositionBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> PositionBuilder<'_> {
            PositionBuilder {
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
            self.builder.set::<i32>(5, ::core::default::Default::default());
            self.builder.set::<i32>(6, ::core::default::Default::default());
        }
        /// The field `x`.
        #[inline]
        pub fn set_x(&mut self, value: i32) {
            self.builder.set_or::<i32>(5, value, 0i32)
        }
        /// The field `y`.
        #[inline]
        pub fn set_y(&mut self, value: i32) {
            self.builder.set_or::<i32>(6, value, 0i32)
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
    impl Label {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
            ("text", "text"),
            ("number", "number"),
        ];
    }
    ::capnzero::__private::if_reflection! {
        impl Label { #[doc =
        " The schema of `unions.capnp:Shape.label`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80004.struct_schema(17421406804363195092u64)
        } } impl < 'a > LabelReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80004.dynamic(17421406804363195092u64, self
        .reader) } }
    }
    impl ::capnzero::__private::text::DescribeStruct for LabelReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 4,
                pointers: 1,
                discriminant_offset: 9,
                fields: &[
                    __F::pointer("text", 0, __T::Text, 0, b""),
                    __F::data("number", 1, __T::UInt32, 7, 0),
                ],
            };
            &DESC
        }
    }
    impl ::core::fmt::Display for LabelReader<'_> {
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
    impl ::core::fmt::Debug for LabelReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for Label {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <LabelReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(LabelBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for Label {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The group `unions.capnp:Shape.label`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct Label {
        /// The anonymous union.
        pub union: label::Union,
    }
    impl ::core::default::Default for Label {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            Label {
                union: ::core::default::Default::default(),
            }
        }
    }
    impl Label {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: LabelBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            match &self.union {
                label::Union::Text(value) => {
                    match value {
                        ::core::option::Option::Some(value) => builder.set_text(value)?,
                        ::core::option::Option::None => {
                            builder.builder.set::<u16>(9, 0u16)
                        }
                    }
                }
                label::Union::Number(value) => builder.set_number(*value),
                label::Union::Unknown(other) => builder.builder.set::<u16>(9, *other),
            }
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the group `unions.capnp:Shape.label`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct LabelReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for LabelReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            LabelReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> LabelReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            LabelReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> Label {
            Label {
                union: match self.which() {
                    label::Which::Text(value) => {
                        label::Union::Text(
                            value.map(::capnzero::__private::String::from),
                        )
                    }
                    label::Which::Number(value) => label::Union::Number(value),
                    label::Which::Unknown(other) => label::Union::Unknown(other),
                },
            }
        }
        /// The field `text`.
        /// `None` when the pointer is null or malformed.
        #[inline]
        pub fn text(self) -> ::core::option::Option<&'a str> {
            if self.raw_discriminant() == 0u16 {
                ::capnzero::__private::text(self.reader.pointer(0u16))
            } else {
                ::core::option::Option::None
            }
        }
        /// Whether the pointer is set (not null).
        #[inline]
        pub fn has_text(self) -> bool {
            self.raw_discriminant() == 0u16 && !self.reader.pointer(0u16).is_null()
        }
        /// The field `text`.
        /// The schema default when the pointer is null or malformed.
        #[inline]
        pub fn get_text(self) -> &'a str {
            match self.text() {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => "",
            }
        }
        /// Whether this member of the union is set.
        #[inline]
        pub fn is_text(self) -> bool {
            self.raw_discriminant() == 0u16
        }
        /// The field `number`.
        /// `None` when another member of the union is set.
        #[inline]
        pub fn number(self) -> ::core::option::Option<u32> {
            if self.raw_discriminant() == 1u16 {
                ::core::option::Option::Some(self.reader.get_or::<u32>(7, 0u32))
            } else {
                ::core::option::Option::None
            }
        }
        /// Whether this member of the union is set.
        #[inline]
        pub fn is_number(self) -> bool {
            self.raw_discriminant() == 1u16
        }
        /// The member of the union that is set, with its value.
        #[inline]
        pub fn which(self) -> label::Which<'a> {
            match self.raw_discriminant() {
                0u16 => label::Which::Text(self.text()),
                1u16 => {
                    label::Which::Number(
                        self
                            .number()
                            .unwrap_or_else(|| ::core::default::Default::default()),
                    )
                }
                other => label::Which::Unknown(other),
            }
        }
        /// The union's discriminant as stored.
        #[inline]
        pub fn raw_discriminant(self) -> u16 {
            self.reader.get::<u16>(9)
        }
    }
    /// Writes the group `unions.capnp:Shape.label` in place in a message.
    pub struct LabelBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> LabelBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            LabelBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> LabelBuilder<'_> {
            LabelBuilder {
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
            ::capnzero::__private::clear_pointer(&mut self.builder, 0u16);
            self.builder.set::<u32>(7, ::core::default::Default::default());
            self.builder.set::<u16>(9, 0);
        }
        /// The field `text`.
        #[inline]
        pub fn set_text(&mut self, value: &str) -> ::capnzero::__private::Result<()> {
            self.builder.set::<u16>(9, 0u16);
            ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_text(value)
        }
        /// The field `number`.
        #[inline]
        pub fn set_number(&mut self, value: u32) {
            self.builder.set::<u16>(9, 1u16);
            self.builder.set_or::<u32>(7, value, 0u32)
        }
    }
    impl<'a> ::core::cmp::PartialEq for LabelReader<'a>
    where
        LabelReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for LabelReader<'a>
    where
        LabelReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for LabelReader<'a>
    where
        LabelReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
    /// Types nested in `unions.capnp:Shape.label`.
    pub mod label {
        /// The member of the union that is set, as a reader sees it.
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        pub enum Which<'a> {
            /// The member `text`.
            Text(::core::option::Option<&'a str>),
            /// The member `number`.
            Number(u32),
            /// A discriminant this schema does not know (written by a newer schema).
            Unknown(u16),
        }
        /// The member of the union that is set, owned.
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum Union {
            /// The member `text`.
            Text(::core::option::Option<::capnzero::__private::String>),
            /// The member `number`.
            Number(u32),
            /// A discriminant this schema does not know (written by a newer schema).
            Unknown(u16),
        }
        impl ::core::default::Default for Union {
            /// The member of discriminant 0 at its default.
            fn default() -> Self {
                Union::Text(::core::default::Default::default())
            }
        }
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80004 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\xB8\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0'\x01\0\0]\x02\0\0\x1F\0\0\0t\x02\0\0\x01\0\0\0u\x02\0\0g\0\0\0\x10\0\0\0\x05\0\x04\0\x04\0\xF8\xC6\xB4\xE2\xA0\xD5\x07\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0y\0\0\0j\0\0\0}\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0g\x1E\xEA\xDAt\x07\xCA\xF8\r\0\0\0\x01\0\x04\0\x04\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\0\x07\0\0\0\x03\0\x08\0\0\0\0\0\0\0m\0\0\0\x9A\0\0\0u\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0q\0\0\0W\x01\0\0$\x9B8\xFD\xF0\x98T\xFC\x13\0\0\0\x01\0\x04\0g\x1E\xEA\xDAt\x07\xCA\xF8\x01\0\x07\0\x01\0\0\0\0\0\0\0\0\0\0\09\x01\0\0\xE2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0=\x01\0\0g\0\0\0\xD42\xA4\x9D/E\xC5\xF1\x13\0\0\0\x01\0\x04\0g\x1E\xEA\xDAt\x07\xCA\xF8\x01\0\x07\0\x01\0\x02\0\t\0\0\0\0\0\0\0q\x01\0\0\xCA\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0u\x01\0\0g\0\0\0unions.capnp\0\0\0\0\x04\0\0\0\x01\0\x01\0g\x1E\xEA\xDAt\x07\xCA\xF8\x01\0\0\x002\0\0\0Shape\0\0\0unions.capnp:Shape\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x18\0\0\0\x03\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\x99\0\0\0*\0\0\0\0\0\0\0\0\0\0\0\x94\0\0\0\x01\0\0\0\x94\0\0\0\x01\0\0\0\x01\0\xFF\xFF\x01\0\0\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0\x89\0\0\0:\0\0\0\0\0\0\0\0\0\0\0\x84\0\0\0\x01\0\0\0\x84\0\0\0\x01\0\0\0\x02\0\xFE\xFF\x01\0\0\0\0\0\x01\0\x02\0\0\0\0\0\0\0\0\0\0\0y\0\0\0:\0\0\0\0\0\0\0\0\0\0\0t\0\0\0\x01\0\0\0t\0\0\0\x01\0\0\0\x03\0\xFD\xFF\0\0\0\0\0\0\x01\0\x03\0\0\0\0\0\0\0\0\0\0\0i\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0\xFC\xFF\xFF\xFF\0\0\0\0\x04\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0$\x9B8\xFD\xF0\x98T\xFCQ\0\0\0J\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x05\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\xD42\xA4\x9D/E\xC5\xF1=\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0area\0\0\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0circle\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0square\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0empty\0\0\0position\0\0\0\0\0\0\0\0label\0\0\0unions.capnp:Shape.position\0\0\0\0\0\x08\0\0\0\x02\0\x04\0\0\0\0\0\x05\0\0\0\0\0\x01\0\x04\0\0\0%\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0 \0\0\0\x01\0\0\0 \0\0\0\x01\0\0\0\x01\0\0\0\x06\0\0\0\0\0\x01\0\x05\0\0\0\x19\0\0\0\x12\0\0\0\0\0\0\0\0\0\0\0\x14\0\0\0\x01\0\0\0\x14\0\0\0\x01\0\0\0x\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0y\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0unions.capnp:Shape.label\0\0\0\0\0\0\0\0\x08\0\0\0\x02\0\x04\0\0\0\xFF\xFF\0\0\0\0\0\0\x01\0\x06\0\0\0%\0\0\0*\0\0\0\0\0\0\0\0\0\0\0 \0\0\0\x01\0\0\0 \0\0\0\x01\0\0\0\x01\0\xFE\xFF\x07\0\0\0\0\0\x01\0\x07\0\0\0\x19\0\0\0:\0\0\0\0\0\0\0\0\0\0\0\x14\0\0\0\x01\0\0\0\x14\0\0\0\x01\0\0\0text\0\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0number\0\0\x08\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x04\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0j\0\0\0\t\0\0\0\x07\0\0\0unions.capnp\0\0\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x10\0\0\0\x01\0\x02\0$\x9B8\xFD\xF0\x98T\xFC\0\0\0\0\0\0\0\0%\0\0\0\x07\0\0\0g\x1E\xEA\xDAt\x07\xCA\xF8\0\0\0\0\0\0\0\0\x1D\0\0\0\x07\0\0\0\xD42\xA4\x9D/E\xC5\xF1\0\0\0\0\0\0\0\0\x15\0\0\0\x07\0\0\0\x04\0\xF8\xC6\xB4\xE2\xA0\xD5\x11\0\0\0\x82\x01\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0\x18\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0An anonymous union, a group and a named union.\n\0");
}
