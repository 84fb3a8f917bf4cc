// The expansion of `pointers.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl Pointers {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("name", "name"),
        ("blob", "blob"),
        ("numbers", "numbers"),
        ("names", "names"),
        ("inner", "inner"),
        ("inners", "inners"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Pointers { #[doc =
    " The schema of `pointers.capnp:Pointers`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80002
    .struct_schema(13702373430359293888u64) } } impl < 'a > PointersReader < 'a > { #[doc
    = r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80002
    .dynamic(13702373430359293888u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Pointers { const TYPE_ID : u64 =
    13702373430359293888u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80002 } }
}
impl ::capnzero::__private::text::DescribeStruct for PointersReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 0,
            pointers: 6,
            discriminant_offset: 0,
            fields: &[
                __F::pointer("name", 65535, __T::Text, 0, b"anonymous"),
                __F::pointer("blob", 65535, __T::Data, 1, b""),
                __F::pointer("numbers", 65535, __T::List(&__T::Int32), 2, b""),
                __F::pointer("names", 65535, __T::List(&__T::Text), 3, b""),
                __F::pointer(
                    "inner",
                    65535,
                    __T::Struct(<pointers::Inner as __D>::TYPE.struct_fn(), &[]),
                    4,
                    b"",
                ),
                __F::pointer(
                    "inners",
                    65535,
                    __T::List(
                        &__T::Struct(<pointers::Inner as __D>::TYPE.struct_fn(), &[]),
                    ),
                    5,
                    b"",
                ),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Pointers {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <PointersReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for PointersReader<'_> {
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
impl ::core::fmt::Debug for PointersReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Pointers {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <PointersReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(PointersBuilder { builder }),
        )
    }
}
impl ::core::fmt::Debug for Pointers {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `pointers.capnp:Pointers`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Pointers {
    /// The field `name`.
    pub name: ::core::option::Option<::capnzero::__private::String>,
    /// The field `blob`.
    pub blob: ::core::option::Option<::capnzero::__private::Vec<u8>>,
    /// The field `numbers`.
    pub numbers: ::core::option::Option<::capnzero::__private::Vec<i32>>,
    /// The field `names`.
    pub names: ::core::option::Option<
        ::capnzero::__private::Vec<::capnzero::__private::String>,
    >,
    /// The field `inner`.
    pub inner: ::core::option::Option<pointers::Inner>,
    /// The field `inners`.
    pub inners: ::core::option::Option<::capnzero::__private::Vec<pointers::Inner>>,
}
impl ::core::default::Default for Pointers {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Pointers {
            name: ::core::option::Option::None,
            blob: ::core::option::Option::None,
            numbers: ::core::option::Option::None,
            names: ::core::option::Option::None,
            inner: ::core::option::Option::None,
            inners: ::core::option::Option::None,
        }
    }
}
impl Pointers {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: PointersBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        if let ::core::option::Option::Some(value) = &self.name {
            builder.set_name(value)?;
        }
        if let ::core::option::Option::Some(value) = &self.blob {
            builder.set_blob(value)?;
        }
        if let ::core::option::Option::Some(value) = &self.numbers {
            builder.set_numbers(value)?;
        }
        if let ::core::option::Option::Some(value) = &self.names {
            builder.set_names(value)?;
        }
        if let ::core::option::Option::Some(value) = &self.inner {
            builder.set_inner(value)?;
        }
        if let ::core::option::Option::Some(value) = &self.inners {
            builder.set_inners(value)?;
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `pointers.capnp:Pointers`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct PointersReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for PointersReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        PointersReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> PointersReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        PointersReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Pointers {
        Pointers {
            name: self.name().map(::capnzero::__private::String::from),
            blob: self.blob().map(<[u8]>::to_vec),
            numbers: self.numbers().map(|list| list.to_vec()),
            names: self.names().map(|list| list.to_vec()),
            inner: self.inner().map(|value| value.to_owned()),
            inners: self.inners().map(|list| list.to_vec()),
        }
    }
    /// The field `name`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn name(self) -> ::core::option::Option<&'a str> {
        if true {
            ::capnzero::__private::text(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_name(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
    }
    /// The field `name`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_name(self) -> &'a str {
        match self.name() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => "anonymous",
        }
    }
    /// The field `blob`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn blob(self) -> ::core::option::Option<&'a [u8]> {
        if true {
            ::capnzero::__private::data(self.reader.pointer(1u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_blob(self) -> bool {
        true && !self.reader.pointer(1u16).is_null()
    }
    /// The field `blob`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_blob(self) -> &'a [u8] {
        match self.blob() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => &[],
        }
    }
    /// The field `numbers`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn numbers(
        self,
    ) -> ::core::option::Option<::capnzero::__private::List<'a, i32>> {
        if true {
            ::capnzero::__private::List::<i32>::from_pointer(self.reader.pointer(2u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_numbers(self) -> bool {
        true && !self.reader.pointer(2u16).is_null()
    }
    /// The field `numbers`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_numbers(self) -> ::capnzero::__private::List<'a, i32> {
        match self.numbers() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ::capnzero::__private::List::default(),
        }
    }
    /// The field `names`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn names(
        self,
    ) -> ::core::option::Option<
        ::capnzero::__private::List<'a, ::capnzero::__private::kind::Text>,
    > {
        if true {
            ::capnzero::__private::List::<
                ::capnzero::__private::kind::Text,
            >::from_pointer(self.reader.pointer(3u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_names(self) -> bool {
        true && !self.reader.pointer(3u16).is_null()
    }
    /// The field `names`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_names(
        self,
    ) -> ::capnzero::__private::List<'a, ::capnzero::__private::kind::Text> {
        match self.names() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ::capnzero::__private::List::default(),
        }
    }
    /// The field `inner`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn inner(self) -> ::core::option::Option<pointers::InnerReader<'a>> {
        if true {
            ::capnzero::__private::struct_at::<
                pointers::Inner,
            >(self.reader.pointer(4u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_inner(self) -> bool {
        true && !self.reader.pointer(4u16).is_null()
    }
    /// The field `inner`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_inner(self) -> pointers::InnerReader<'a> {
        match self.inner() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => pointers::InnerReader::default(),
        }
    }
    /// The field `inners`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn inners(
        self,
    ) -> ::core::option::Option<::capnzero::__private::List<'a, pointers::Inner>> {
        if true {
            ::capnzero::__private::List::<
                pointers::Inner,
            >::from_pointer(self.reader.pointer(5u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_inners(self) -> bool {
        true && !self.reader.pointer(5u16).is_null()
    }
    /// The field `inners`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_inners(self) -> ::capnzero::__private::List<'a, pointers::Inner> {
        match self.inners() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ::capnzero::__private::List::default(),
        }
    }
}
/// Writes the struct `pointers.capnp:Pointers` in place in a message.
pub struct PointersBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> PointersBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        PointersBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> PointersBuilder<'_> {
        PointersBuilder {
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
        ::capnzero::__private::clear_pointer(&mut self.builder, 1u16);
        ::capnzero::__private::clear_pointer(&mut self.builder, 2u16);
        ::capnzero::__private::clear_pointer(&mut self.builder, 3u16);
        ::capnzero::__private::clear_pointer(&mut self.builder, 4u16);
        ::capnzero::__private::clear_pointer(&mut self.builder, 5u16);
    }
    /// The field `name`.
    #[inline]
    pub fn set_name(&mut self, value: &str) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_text(value)
    }
    /// The field `blob`.
    #[inline]
    pub fn set_blob(&mut self, value: &[u8]) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::pointer_of(&mut self.builder, 1u16)?.set_data(value)
    }
    /// The field `numbers`.
    #[inline]
    pub fn set_numbers(&mut self, value: &[i32]) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_list::<
            i32,
        >(::capnzero::__private::pointer_of(&mut self.builder, 2u16)?, value)
    }
    /// The field `numbers`.
    /// Points it at a new list of `len` zero elements, to fill in place.
    #[inline]
    pub fn init_numbers(
        &mut self,
        len: u32,
    ) -> ::capnzero::__private::Result<::capnzero::__private::ListBuilderOf<'_, i32>> {
        ::capnzero::__private::ListBuilderOf::init(
            ::capnzero::__private::pointer_of(&mut self.builder, 2u16)?,
            len,
        )
    }
    /// The field `names`.
    #[inline]
    pub fn set_names(
        &mut self,
        value: &[::capnzero::__private::String],
    ) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_list::<
            ::capnzero::__private::kind::Text,
        >(::capnzero::__private::pointer_of(&mut self.builder, 3u16)?, value)
    }
    /// The field `names`.
    /// Points it at a new list of `len` zero elements, to fill in place.
    #[inline]
    pub fn init_names(
        &mut self,
        len: u32,
    ) -> ::capnzero::__private::Result<
        ::capnzero::__private::ListBuilderOf<'_, ::capnzero::__private::kind::Text>,
    > {
        ::capnzero::__private::ListBuilderOf::init(
            ::capnzero::__private::pointer_of(&mut self.builder, 3u16)?,
            len,
        )
    }
    /// The field `inner`.
    #[inline]
    pub fn set_inner(
        &mut self,
        value: &pointers::Inner,
    ) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_struct(
            ::capnzero::__private::pointer_of(&mut self.builder, 4u16)?,
            value,
        )
    }
    /// The field `inner`.
    /// Points it at a new struct with every field at its default, to fill in place.
    #[inline]
    pub fn init_inner(
        &mut self,
    ) -> ::capnzero::__private::Result<pointers::InnerBuilder<'_>> {
        ::core::result::Result::Ok(
            ::capnzero::__private::init_struct::<
                pointers::Inner,
            >(::capnzero::__private::pointer_of(&mut self.builder, 4u16)?),
        )
    }
    /// The field `inners`.
    #[inline]
    pub fn set_inners(
        &mut self,
        value: &[pointers::Inner],
    ) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_list::<
            pointers::Inner,
        >(::capnzero::__private::pointer_of(&mut self.builder, 5u16)?, value)
    }
    /// The field `inners`.
    /// Points it at a new list of `len` zero elements, to fill in place.
    #[inline]
    pub fn init_inners(
        &mut self,
        len: u32,
    ) -> ::capnzero::__private::Result<
        ::capnzero::__private::ListBuilderOf<'_, pointers::Inner>,
    > {
        ::capnzero::__private::ListBuilderOf::init(
            ::capnzero::__private::pointer_of(&mut self.builder, 5u16)?,
            len,
        )
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Pointers {
    type Reader<'a> = PointersReader<'a>;
    type Builder<'a> = PointersBuilder<'a>;
    const TYPE_ID: u64 = 13702373430359293888u64;
    const DATA_WORDS: u16 = 0u16;
    const POINTER_COUNT: u16 = 6u16;
    #[inline]
    fn wrap_reader(
        reader: ::capnzero::__private::StructReader<'_>,
    ) -> PointersReader<'_> {
        PointersReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> PointersBuilder<'_> {
        PointersBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: PointersReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(PointersBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for PointersReader<'a>
where
    PointersReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for PointersReader<'a>
where
    PointersReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for PointersReader<'a>
where
    PointersReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
/// Types nested in `pointers.capnp:Pointers`.
pub mod pointers {
    impl Inner {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
            ("value", "value"),
        ];
    }
    ::capnzero::__private::if_reflection! {
        impl Inner { #[doc =
        " The schema of `pointers.capnp:Pointers.Inner`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80002.struct_schema(16622734336007096270u64)
        } } impl < 'a > InnerReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80002.dynamic(16622734336007096270u64, self
        .reader) } } #[automatically_derived] impl ::capnzero::__private::Reflect for
        Inner { const TYPE_ID : u64 = 16622734336007096270u64; fn schema_cell() -> &
        'static ::capnzero::__private::SchemaCell { &
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80002 } }
    }
    impl ::capnzero::__private::text::DescribeStruct for InnerReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 1,
                pointers: 0,
                discriminant_offset: 0,
                fields: &[__F::data("value", 65535, __T::UInt16, 0, 0)],
            };
            &DESC
        }
    }
    impl ::capnzero::__private::text::Describe for Inner {
        const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
            <InnerReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
            &[],
        );
    }
    impl ::core::fmt::Display for InnerReader<'_> {
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
    impl ::core::fmt::Debug for InnerReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for Inner {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <InnerReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(InnerBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for Inner {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The struct `pointers.capnp:Pointers.Inner`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct Inner {
        /// The field `value`.
        pub value: u16,
    }
    impl ::core::default::Default for Inner {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            Inner { value: 0u16 }
        }
    }
    impl Inner {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: InnerBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            builder.set_value(self.value);
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the struct `pointers.capnp:Pointers.Inner`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct InnerReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for InnerReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            InnerReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> InnerReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            InnerReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> Inner {
            Inner { value: self.value() }
        }
        /// The field `value`.
        #[inline]
        pub fn value(self) -> u16 {
            self.reader.get_or::<u16>(0, 0u16)
        }
    }
    /// Writes the struct `pointers.capnp:Pointers.Inner` in place in a message.
    pub struct InnerBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> InnerBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            InnerBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> InnerBuilder<'_> {
            InnerBuilder {
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
            self.builder.set::<u16>(0, ::core::default::Default::default());
        }
        /// The field `value`.
        #[inline]
        pub fn set_value(&mut self, value: u16) {
            self.builder.set_or::<u16>(0, value, 0u16)
        }
    }
    #[automatically_derived]
    impl ::capnzero::__private::Struct for Inner {
        type Reader<'a> = InnerReader<'a>;
        type Builder<'a> = InnerBuilder<'a>;
        const TYPE_ID: u64 = 16622734336007096270u64;
        const DATA_WORDS: u16 = 1u16;
        const POINTER_COUNT: u16 = 0u16;
        #[inline]
        fn wrap_reader(
            reader: ::capnzero::__private::StructReader<'_>,
        ) -> InnerReader<'_> {
            InnerReader { reader }
        }
        #[inline]
        fn wrap_builder(
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> InnerBuilder<'_> {
            InnerBuilder { builder }
        }
        #[inline]
        fn unwrap_reader<'a>(
            reader: Self::Reader<'a>,
        ) -> ::capnzero::__private::StructReader<'a> {
            reader.reader
        }
        fn read_owned(reader: InnerReader<'_>) -> Self {
            reader.to_owned()
        }
        fn write_to(
            &self,
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            self.write_fields(InnerBuilder { builder })
        }
    }
    impl<'a> ::core::cmp::PartialEq for InnerReader<'a>
    where
        InnerReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for InnerReader<'a>
    where
        InnerReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for InnerReader<'a>
    where
        InnerReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80002 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\x9C\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\xC7\0\0\0\x01\x02\0\0\x1F\0\0\0\x18\x02\0\0\x01\0\0\0\x19\x02\0\0O\0\0\0\x0C\0\0\0\x04\0\x04\0\x02\0\xF8\xC6\xB4\xE2\xA0\xD5\t\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0M\0\0\0z\0\0\0Q\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xCEGd\xBD\xCE\xD0\xAF\xE6\x18\0\0\0\x01\0\x01\0\xC0\xFFP`\t\x9C(\xBE\0\0\x07\0\0\0\0\0I\0\0\0\xF2\0\0\0U\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0Q\0\0\x007\0\0\0\xC0\xFFP`\t\x9C(\xBE\x0F\0\0\0\x01\0\0\0\x02\0\xF8\xC6\xB4\xE2\xA0\xD5\x06\0\x07\0\0\0\0\0e\0\0\0\xC2\0\0\0m\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0u\0\0\0W\x01\0\0pointers.capnp\0\0\x04\0\0\0\x01\0\x01\0\xC0\xFFP`\t\x9C(\xBE\x01\0\0\0J\0\0\0Pointers\0\0\0\0\0\0\0\0pointers.capnp:Pointers.Inner\0\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\r\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x01\0\0\0\x08\0\0\0\x01\0\0\0value\0\0\0\x07\0\0\0\0\0\0\0\x07\0\0\0\0\0\0\0pointers.capnp:Pointers\0\x04\0\0\0\x01\0\x01\0\xCEGd\xBD\xCE\xD0\xAF\xE6\x01\0\0\x002\0\0\0Inner\0\0\0\x18\0\0\0\x03\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\x01\0\0\0\0\0\0\0\x99\0\0\0*\0\0\0\0\0\0\0\0\0\0\0\x94\0\0\0\x01\0\0\0\x94\0\0\0\x01\0\x01\0\x01\0\0\0\x01\0\0\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0\x95\0\0\0*\0\0\0\0\0\0\0\0\0\0\0\x90\0\0\0\x01\0\0\0\x90\0\0\0\x01\0\0\0\x02\0\0\0\x02\0\0\0\0\0\x01\0\x02\0\0\0\0\0\0\0\0\0\0\0\x85\0\0\0B\0\0\0\0\0\0\0\0\0\0\0\x80\0\0\0\x01\0\x01\0\x88\0\0\0\x01\0\0\0\x03\0\0\0\x03\0\0\0\0\0\x01\0\x03\0\0\0\0\0\0\0\0\0\0\0}\0\0\x002\0\0\0\0\0\0\0\0\0\0\0x\0\0\0\x01\0\x01\0\x80\0\0\0\x01\0\0\0\x04\0\0\0\x04\0\0\0\0\0\x01\0\x04\0\0\0\0\0\0\0\0\0\0\0u\0\0\x002\0\0\0\0\0\0\0\0\0\0\0p\0\0\0\x02\0\0\0t\0\0\0\x01\0\0\0\x05\0\0\0\x05\0\0\0\0\0\x01\0\x05\0\0\0\0\0\0\0\0\0\0\0i\0\0\0:\0\0\0\0\0\0\0\0\0\0\0d\0\0\0\x01\0\x01\0p\0\0\0\x01\0\0\0name\0\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0\x01\0\0\0R\0\0\0anonymous\0\0\0\0\0\0\0blob\0\0\0\0\r\0\0\0\0\0\0\0\r\0\0\0\0\0\0\0numbers\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\x04\0\0\0\0\0\0\0\x0E\0\0\0\0\0\0\0names\0\0\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\x0C\0\0\0\0\0\0\0\x0E\0\0\0\0\0\0\0inner\0\0\0\x10\0\0\0\0\0\0\0\xCEGd\xBD\xCE\xD0\xAF\xE6\x10\0\0\0\0\0\0\0inners\0\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x02\0\0\0\x10\0\0\0\0\0\0\0\xCEGd\xBD\xCE\xD0\xAF\xE6\x0E\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x02\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0z\0\0\0\t\0\0\0\x07\0\0\0pointers.capnp\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x0C\0\0\0\x01\0\x02\0\xC0\xFFP`\t\x9C(\xBE\0\0\0\0\0\0\0\0\x19\0\0\0\x07\0\0\0\xCEGd\xBD\xCE\xD0\xAF\xE6\0\0\0\0\0\0\0\0\x11\0\0\0\x07\0\0\0\x02\0\xF8\xC6\xB4\xE2\xA0\xD5\r\0\0\0B\x01\0\0\0\0\0\0\0\0\0\0\x18\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0Text, Data, lists and a nested struct.\n\0");
}
