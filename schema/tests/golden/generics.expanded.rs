// The expansion of `generics.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> Map<Key, Value> {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("entries", "entries"),
    ];
}
::capnzero::__private::if_reflection! {
    impl < Key : ::capnzero::__private::Pointee, Value : ::capnzero::__private::Pointee >
    Map < Key, Value > { #[doc =
    " The schema of `generics.capnp:Map`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80005
    .struct_schema(16510387266047024284u64) } } impl < 'a, Key :
    ::capnzero::__private::Pointee, Value : ::capnzero::__private::Pointee > MapReader <
    'a, Key, Value > { #[doc =
    r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80005
    .dynamic(16510387266047024284u64, self.reader) } } #[automatically_derived] impl <
    Key : ::capnzero::__private::Pointee, Value : ::capnzero::__private::Pointee >
    ::capnzero::__private::Reflect for Map < Key, Value > { const TYPE_ID : u64 =
    16510387266047024284u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80005 } }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::capnzero::__private::text::DescribeStruct for MapReader<'_, Key, Value> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 0,
            pointers: 1,
            discriminant_offset: 0,
            fields: &[
                __F::pointer(
                    "entries",
                    65535,
                    __T::List(
                        &__T::Struct(
                            <map::Entry<
                                ::capnzero::__private::kind::AnyPointer,
                                ::capnzero::__private::kind::AnyPointer,
                            > as __D>::TYPE
                                .struct_fn(),
                            &[__T::Param(0), __T::Param(1)],
                        ),
                    ),
                    0,
                    b"",
                ),
            ],
        };
        &DESC
    }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::capnzero::__private::text::Describe for Map<Key, Value> {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <MapReader<
            'static,
            Key,
            Value,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[
            <Key as ::capnzero::__private::text::Describe>::TYPE,
            <Value as ::capnzero::__private::text::Describe>::TYPE,
        ],
    );
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::fmt::Display for MapReader<'_, Key, Value> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_struct(
            self.reader,
            <Self as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[
                <Key as ::capnzero::__private::text::Describe>::TYPE,
                <Value as ::capnzero::__private::text::Describe>::TYPE,
            ],
            f,
        )
    }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::fmt::Debug for MapReader<'_, Key, Value> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::fmt::Display for Map<Key, Value> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <MapReader<
                'static,
                Key,
                Value,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[
                <Key as ::capnzero::__private::text::Describe>::TYPE,
                <Value as ::capnzero::__private::text::Describe>::TYPE,
            ],
            f,
            |builder| {
                self
                    .write_fields(MapBuilder {
                        builder,
                        params: ::capnzero::__private::PhantomData,
                    })
            },
        )
    }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::fmt::Debug for Map<Key, Value> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `generics.capnp:Map`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Map<
    Key: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
    Value: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
> {
    /// The field `entries`.
    pub entries: ::core::option::Option<
        ::capnzero::__private::Vec<map::Entry<Key, Value>>,
    >,
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::default::Default for Map<Key, Value> {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Map {
            entries: ::core::option::Option::None,
        }
    }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> Map<Key, Value> {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: MapBuilder<'_, Key, Value>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        if let ::core::option::Option::Some(value) = &self.entries {
            builder.set_entries(value)?;
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `generics.capnp:Map`.
pub struct MapReader<
    'a,
    Key: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
    Value: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
> {
    reader: ::capnzero::__private::StructReader<'a>,
    params: ::capnzero::__private::PhantomData<fn() -> (Key, Value)>,
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::clone::Clone for MapReader<'_, Key, Value> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::marker::Copy for MapReader<'_, Key, Value> {}
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::default::Default for MapReader<'_, Key, Value> {
    /// The struct with every field at its default.
    fn default() -> Self {
        MapReader {
            reader: ::capnzero::__private::empty_struct(),
            params: ::capnzero::__private::PhantomData,
        }
    }
}
impl<
    'a,
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> MapReader<'a, Key, Value> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        MapReader {
            reader,
            params: ::capnzero::__private::PhantomData,
        }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Map<Key, Value> {
        Map {
            entries: self.entries().map(|list| list.to_vec()),
        }
    }
    /// The field `entries`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn entries(
        self,
    ) -> ::core::option::Option<
        ::capnzero::__private::List<'a, map::Entry<Key, Value>>,
    > {
        if true {
            ::capnzero::__private::List::<
                map::Entry<Key, Value>,
            >::from_pointer(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_entries(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
    }
    /// The field `entries`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_entries(self) -> ::capnzero::__private::List<'a, map::Entry<Key, Value>> {
        match self.entries() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => ::capnzero::__private::List::default(),
        }
    }
}
/// Writes the struct `generics.capnp:Map` in place in a message.
pub struct MapBuilder<
    'a,
    Key: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
    Value: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
> {
    builder: ::capnzero::__private::StructBuilder<'a>,
    params: ::capnzero::__private::PhantomData<fn() -> (Key, Value)>,
}
impl<
    'a,
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> MapBuilder<'a, Key, Value> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        MapBuilder {
            builder,
            params: ::capnzero::__private::PhantomData,
        }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> MapBuilder<'_, Key, Value> {
        MapBuilder {
            builder: self.builder.reborrow(),
            params: ::capnzero::__private::PhantomData,
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
    }
    /// The field `entries`.
    #[inline]
    pub fn set_entries(
        &mut self,
        value: &[map::Entry<Key, Value>],
    ) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_list::<
            map::Entry<Key, Value>,
        >(::capnzero::__private::pointer_of(&mut self.builder, 0u16)?, value)
    }
    /// The field `entries`.
    /// Points it at a new list of `len` zero elements, to fill in place.
    #[inline]
    pub fn init_entries(
        &mut self,
        len: u32,
    ) -> ::capnzero::__private::Result<
        ::capnzero::__private::ListBuilderOf<'_, map::Entry<Key, Value>>,
    > {
        ::capnzero::__private::ListBuilderOf::init(
            ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?,
            len,
        )
    }
}
#[automatically_derived]
impl<
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::capnzero::__private::Struct for Map<Key, Value> {
    type Reader<'a> = MapReader<'a, Key, Value>;
    type Builder<'a> = MapBuilder<'a, Key, Value>;
    const TYPE_ID: u64 = 16510387266047024284u64;
    const DATA_WORDS: u16 = 0u16;
    const POINTER_COUNT: u16 = 1u16;
    #[inline]
    fn wrap_reader(
        reader: ::capnzero::__private::StructReader<'_>,
    ) -> MapReader<'_, Key, Value> {
        MapReader {
            reader,
            params: ::capnzero::__private::PhantomData,
        }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> MapBuilder<'_, Key, Value> {
        MapBuilder {
            builder,
            params: ::capnzero::__private::PhantomData,
        }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: MapReader<'_, Key, Value>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(MapBuilder {
            builder,
            params: ::capnzero::__private::PhantomData,
        })
    }
}
impl<
    'a,
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::cmp::PartialEq for MapReader<'a, Key, Value>
where
    MapReader<'a, Key, Value>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<
    'a,
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::cmp::Eq for MapReader<'a, Key, Value>
where
    MapReader<'a, Key, Value>: ::capnzero::__private::KeyAnnotation,
{}
impl<
    'a,
    Key: ::capnzero::__private::Pointee,
    Value: ::capnzero::__private::Pointee,
> ::core::hash::Hash for MapReader<'a, Key, Value>
where
    MapReader<'a, Key, Value>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
/// Types nested in `generics.capnp:Map`.
pub mod map {
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > Entry<Key, Value> {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
            ("key", "key"),
            ("value", "value"),
        ];
    }
    ::capnzero::__private::if_reflection! {
        impl < Key : ::capnzero::__private::Pointee, Value :
        ::capnzero::__private::Pointee > Entry < Key, Value > { #[doc =
        " The schema of `generics.capnp:Map.Entry`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80005.struct_schema(11731229430572068827u64)
        } } impl < 'a, Key : ::capnzero::__private::Pointee, Value :
        ::capnzero::__private::Pointee > EntryReader < 'a, Key, Value > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80005.dynamic(11731229430572068827u64, self
        .reader) } } #[automatically_derived] impl < Key :
        ::capnzero::__private::Pointee, Value : ::capnzero::__private::Pointee >
        ::capnzero::__private::Reflect for Entry < Key, Value > { const TYPE_ID : u64 =
        11731229430572068827u64; fn schema_cell() -> & 'static
        ::capnzero::__private::SchemaCell { & super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80005 }
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::capnzero::__private::text::DescribeStruct for EntryReader<'_, Key, Value> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 0,
                pointers: 2,
                discriminant_offset: 0,
                fields: &[
                    __F::pointer("key", 65535, __T::Param(0), 0, b""),
                    __F::pointer("value", 65535, __T::Param(1), 1, b""),
                ],
            };
            &DESC
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::capnzero::__private::text::Describe for Entry<Key, Value> {
        const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
            <EntryReader<
                'static,
                Key,
                Value,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
            &[
                <Key as ::capnzero::__private::text::Describe>::TYPE,
                <Value as ::capnzero::__private::text::Describe>::TYPE,
            ],
        );
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::fmt::Display for EntryReader<'_, Key, Value> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_struct(
                self.reader,
                <Self as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[
                    <Key as ::capnzero::__private::text::Describe>::TYPE,
                    <Value as ::capnzero::__private::text::Describe>::TYPE,
                ],
                f,
            )
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::fmt::Debug for EntryReader<'_, Key, Value> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::fmt::Display for Entry<Key, Value> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <EntryReader<
                    'static,
                    Key,
                    Value,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[
                    <Key as ::capnzero::__private::text::Describe>::TYPE,
                    <Value as ::capnzero::__private::text::Describe>::TYPE,
                ],
                f,
                |builder| {
                    self
                        .write_fields(EntryBuilder {
                            builder,
                            params: ::capnzero::__private::PhantomData,
                        })
                },
            )
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::fmt::Debug for Entry<Key, Value> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The struct `generics.capnp:Map.Entry`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct Entry<
        Key: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
        Value: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
    > {
        /// The field `key`.
        pub key: ::core::option::Option<
            <Key as ::capnzero::__private::ListElement>::Owned,
        >,
        /// The field `value`.
        pub value: ::core::option::Option<
            <Value as ::capnzero::__private::ListElement>::Owned,
        >,
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::default::Default for Entry<Key, Value> {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            Entry {
                key: ::core::option::Option::None,
                value: ::core::option::Option::None,
            }
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > Entry<Key, Value> {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: EntryBuilder<'_, Key, Value>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            if let ::core::option::Option::Some(value) = &self.key {
                builder.set_key(value)?;
            }
            if let ::core::option::Option::Some(value) = &self.value {
                builder.set_value(value)?;
            }
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the struct `generics.capnp:Map.Entry`.
    pub struct EntryReader<
        'a,
        Key: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
        Value: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
    > {
        reader: ::capnzero::__private::StructReader<'a>,
        params: ::capnzero::__private::PhantomData<fn() -> (Key, Value)>,
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::clone::Clone for EntryReader<'_, Key, Value> {
        fn clone(&self) -> Self {
            *self
        }
    }
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::marker::Copy for EntryReader<'_, Key, Value> {}
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::default::Default for EntryReader<'_, Key, Value> {
        /// The struct with every field at its default.
        fn default() -> Self {
            EntryReader {
                reader: ::capnzero::__private::empty_struct(),
                params: ::capnzero::__private::PhantomData,
            }
        }
    }
    impl<
        'a,
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > EntryReader<'a, Key, Value> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            EntryReader {
                reader,
                params: ::capnzero::__private::PhantomData,
            }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> Entry<Key, Value> {
            Entry {
                key: self
                    .key()
                    .map(<Key as ::capnzero::__private::ListElement>::to_owned),
                value: self
                    .value()
                    .map(<Value as ::capnzero::__private::ListElement>::to_owned),
            }
        }
        /// The field `key`.
        /// `None` when the pointer is null or malformed.
        #[inline]
        pub fn key(
            self,
        ) -> ::core::option::Option<
            <Key as ::capnzero::__private::ListElement>::Reader<'a>,
        > {
            if true {
                <Key as ::capnzero::__private::Pointee>::read_pointer(
                    self.reader.pointer(0u16),
                )
            } else {
                ::core::option::Option::None
            }
        }
        /// Whether the pointer is set (not null).
        #[inline]
        pub fn has_key(self) -> bool {
            true && !self.reader.pointer(0u16).is_null()
        }
        /// The field `key`.
        /// The schema default when the pointer is null or malformed.
        #[inline]
        pub fn get_key(self) -> <Key as ::capnzero::__private::ListElement>::Reader<'a> {
            match self.key() {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => {
                    <Key as ::capnzero::__private::Pointee>::default_reader()
                }
            }
        }
        /// The field `value`.
        /// `None` when the pointer is null or malformed.
        #[inline]
        pub fn value(
            self,
        ) -> ::core::option::Option<
            <Value as ::capnzero::__private::ListElement>::Reader<'a>,
        > {
            if true {
                <Value as ::capnzero::__private::Pointee>::read_pointer(
                    self.reader.pointer(1u16),
                )
            } else {
                ::core::option::Option::None
            }
        }
        /// Whether the pointer is set (not null).
        #[inline]
        pub fn has_value(self) -> bool {
            true && !self.reader.pointer(1u16).is_null()
        }
        /// The field `value`.
        /// The schema default when the pointer is null or malformed.
        #[inline]
        pub fn get_value(
            self,
        ) -> <Value as ::capnzero::__private::ListElement>::Reader<'a> {
            match self.value() {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => {
                    <Value as ::capnzero::__private::Pointee>::default_reader()
                }
            }
        }
    }
    /// Writes the struct `generics.capnp:Map.Entry` in place in a message.
    pub struct EntryBuilder<
        'a,
        Key: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
        Value: ::capnzero::__private::Pointee = ::capnzero::__private::kind::AnyPointer,
    > {
        builder: ::capnzero::__private::StructBuilder<'a>,
        params: ::capnzero::__private::PhantomData<fn() -> (Key, Value)>,
    }
    impl<
        'a,
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > EntryBuilder<'a, Key, Value> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            EntryBuilder {
                builder,
                params: ::capnzero::__private::PhantomData,
            }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> EntryBuilder<'_, Key, Value> {
            EntryBuilder {
                builder: self.builder.reborrow(),
                params: ::capnzero::__private::PhantomData,
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
        }
        /// The field `key`.
        #[inline]
        pub fn set_key(
            &mut self,
            value: &<Key as ::capnzero::__private::ListElement>::Owned,
        ) -> ::capnzero::__private::Result<()> {
            <Key as ::capnzero::__private::Pointee>::write_pointer(
                ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?,
                value,
            )
        }
        /// The field `key`.
        /// Clears the pointer and returns it, to point at anything.
        #[inline]
        pub fn init_key(
            &mut self,
        ) -> ::capnzero::__private::Result<::capnzero::__private::PointerBuilder<'_>> {
            ::capnzero::__private::cleared_pointer_of(&mut self.builder, 0u16)
        }
        /// The field `value`.
        #[inline]
        pub fn set_value(
            &mut self,
            value: &<Value as ::capnzero::__private::ListElement>::Owned,
        ) -> ::capnzero::__private::Result<()> {
            <Value as ::capnzero::__private::Pointee>::write_pointer(
                ::capnzero::__private::pointer_of(&mut self.builder, 1u16)?,
                value,
            )
        }
        /// The field `value`.
        /// Clears the pointer and returns it, to point at anything.
        #[inline]
        pub fn init_value(
            &mut self,
        ) -> ::capnzero::__private::Result<::capnzero::__private::PointerBuilder<'_>> {
            ::capnzero::__private::cleared_pointer_of(&mut self.builder, 1u16)
        }
    }
    #[automatically_derived]
    impl<
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::capnzero::__private::Struct for Entry<Key, Value> {
        type Reader<'a> = EntryReader<'a, Key, Value>;
        type Builder<'a> = EntryBuilder<'a, Key, Value>;
        const TYPE_ID: u64 = 11731229430572068827u64;
        const DATA_WORDS: u16 = 0u16;
        const POINTER_COUNT: u16 = 2u16;
        #[inline]
        fn wrap_reader(
            reader: ::capnzero::__private::StructReader<'_>,
        ) -> EntryReader<'_, Key, Value> {
            EntryReader {
                reader,
                params: ::capnzero::__private::PhantomData,
            }
        }
        #[inline]
        fn wrap_builder(
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> EntryBuilder<'_, Key, Value> {
            EntryBuilder {
                builder,
                params: ::capnzero::__private::PhantomData,
            }
        }
        #[inline]
        fn unwrap_reader<'a>(
            reader: Self::Reader<'a>,
        ) -> ::capnzero::__private::StructReader<'a> {
            reader.reader
        }
        fn read_owned(reader: EntryReader<'_, Key, Value>) -> Self {
            reader.to_owned()
        }
        fn write_to(
            &self,
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            self.write_fields(EntryBuilder {
                builder,
                params: ::capnzero::__private::PhantomData,
            })
        }
    }
    impl<
        'a,
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::cmp::PartialEq for EntryReader<'a, Key, Value>
    where
        EntryReader<'a, Key, Value>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<
        'a,
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::cmp::Eq for EntryReader<'a, Key, Value>
    where
        EntryReader<'a, Key, Value>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<
        'a,
        Key: ::capnzero::__private::Pointee,
        Value: ::capnzero::__private::Pointee,
    > ::core::hash::Hash for EntryReader<'a, Key, Value>
    where
        EntryReader<'a, Key, Value>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
}
impl Directory {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("byName", "by_name"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Directory { #[doc =
    " The schema of `generics.capnp:Directory`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80005
    .struct_schema(9342978493538669302u64) } } impl < 'a > DirectoryReader < 'a > { #[doc
    = r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80005
    .dynamic(9342978493538669302u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Directory { const TYPE_ID : u64 =
    9342978493538669302u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80005 } }
}
impl ::capnzero::__private::text::DescribeStruct for DirectoryReader<'_> {
    fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
        #[allow(unused_imports)]
        use ::capnzero::__private::text::{
            Describe as __D, FieldDesc as __F, TypeDesc as __T,
        };
        static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
            data_words: 0,
            pointers: 1,
            discriminant_offset: 0,
            fields: &[
                __F::pointer(
                    "byName",
                    65535,
                    __T::Struct(
                        <Map<
                            ::capnzero::__private::kind::AnyPointer,
                            ::capnzero::__private::kind::AnyPointer,
                        > as __D>::TYPE
                            .struct_fn(),
                        &[__T::Text, __T::Data],
                    ),
                    0,
                    b"",
                ),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Directory {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <DirectoryReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for DirectoryReader<'_> {
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
impl ::core::fmt::Debug for DirectoryReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Directory {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <DirectoryReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(DirectoryBuilder { builder }),
        )
    }
}
impl ::core::fmt::Debug for Directory {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `generics.capnp:Directory`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Directory {
    /// The field `byName`.
    pub by_name: ::core::option::Option<
        Map<::capnzero::__private::kind::Text, ::capnzero::__private::kind::Data>,
    >,
}
impl ::core::default::Default for Directory {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Directory {
            by_name: ::core::option::Option::None,
        }
    }
}
impl Directory {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: DirectoryBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        if let ::core::option::Option::Some(value) = &self.by_name {
            builder.set_by_name(value)?;
        }
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `generics.capnp:Directory`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct DirectoryReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for DirectoryReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        DirectoryReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> DirectoryReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        DirectoryReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Directory {
        Directory {
            by_name: self.by_name().map(|value| value.to_owned()),
        }
    }
    /// The field `byName`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn by_name(
        self,
    ) -> ::core::option::Option<
        MapReader<
            'a,
            ::capnzero::__private::kind::Text,
            ::capnzero::__private::kind::Data,
        >,
    > {
        if true {
            ::capnzero::__private::struct_at::<
                Map<::capnzero::__private::kind::Text, ::capnzero::__private::kind::Data>,
            >(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_by_name(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
    }
    /// The field `byName`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_by_name(
        self,
    ) -> MapReader<
        'a,
        ::capnzero::__private::kind::Text,
        ::capnzero::__private::kind::Data,
    > {
        match self.by_name() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => MapReader::default(),
        }
    }
}
/// Writes the struct `generics.capnp:Directory` in place in a message.
pub struct DirectoryBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> DirectoryBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        DirectoryBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> DirectoryBuilder<'_> {
        DirectoryBuilder {
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
    }
    /// The field `byName`.
    #[inline]
    pub fn set_by_name(
        &mut self,
        value: &Map<::capnzero::__private::kind::Text, ::capnzero::__private::kind::Data>,
    ) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::write_struct(
            ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?,
            value,
        )
    }
    /// The field `byName`.
    /// Points it at a new struct with every field at its default, to fill in place.
    #[inline]
    pub fn init_by_name(
        &mut self,
    ) -> ::capnzero::__private::Result<
        MapBuilder<
            '_,
            ::capnzero::__private::kind::Text,
            ::capnzero::__private::kind::Data,
        >,
    > {
        ::core::result::Result::Ok(
            ::capnzero::__private::init_struct::<
                Map<::capnzero::__private::kind::Text, ::capnzero::__private::kind::Data>,
            >(::capnzero::__private::pointer_of(&mut self.builder, 0u16)?),
        )
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Directory {
    type Reader<'a> = DirectoryReader<'a>;
    type Builder<'a> = DirectoryBuilder<'a>;
    const TYPE_ID: u64 = 9342978493538669302u64;
    const DATA_WORDS: u16 = 0u16;
    const POINTER_COUNT: u16 = 1u16;
    #[inline]
    fn wrap_reader(
        reader: ::capnzero::__private::StructReader<'_>,
    ) -> DirectoryReader<'_> {
        DirectoryReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> DirectoryBuilder<'_> {
        DirectoryBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: DirectoryReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(DirectoryBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for DirectoryReader<'a>
where
    DirectoryReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for DirectoryReader<'a>
where
    DirectoryReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for DirectoryReader<'a>
where
    DirectoryReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80005 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\xB4\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0g\x01\0\0=\x02\0\0\x1F\0\0\0T\x02\0\0\x01\0\0\0U\x02\0\0g\0\0\0\x10\0\0\0\x05\0\x06\0\x05\0\xF8\xC6\xB4\xE2\xA0\xD5\t\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x99\0\0\0z\0\0\0\x9D\0\0\0'\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xDB/\xDB+\x03\xB3\xCD\xA2\x13\0\0\0\x01\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\x02\0\x07\0\0\0\0\0\0\0\0\0\x01\0\0\0\x95\0\0\0\xCA\0\0\0\xA1\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\x9D\0\0\0g\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\x0F\0\0\0\x01\0\0\0\x05\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\0\x07\0\0\0\0\0\0\0\0\0\x01\0\0\0\xD9\0\0\0\x9A\0\0\0\xE1\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\xE9\0\0\x007\0\0\0\0\0\0\0\0\0\0\0)\x01\0\0\x17\0\0\0\xF6\x92|Kp\xED\xA8\x81\x0F\0\0\0\x01\0\0\0\x05\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\0\x07\0\0\0\0\0\0\0\0\0\0\0\0\0%\x01\0\0\xCA\0\0\x001\x01\0\0\x07\0\0\0\0\0\0\0\0\0\0\0-\x01\0\x007\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0generics.capnp\0\0\x08\0\0\0\x01\0\x01\0\x9C\x9C\xDD \xBE\xAD \xE5\t\0\0\0\"\0\0\0\xF6\x92|Kp\xED\xA8\x81\x05\0\0\0R\0\0\0Map\0\0\0\0\0Directory\0\0\0\0\0\0\0generics.capnp:Map.Entry\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0%\0\0\0\"\0\0\0\0\0\0\0\0\0\0\0 \0\0\0\x03\0\0\0(\0\0\0\x01\0\0\0\x01\0\0\0\x01\0\0\0\0\0\x01\0\x01\0\0\0!\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\x1C\0\0\0\x03\0\0\0$\0\0\0\x01\0\0\0key\0\0\0\0\0\x12\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\x12\0\0\0\0\0\0\0value\0\0\0\x12\0\0\0\0\0\0\0\x01\0\x01\0\0\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\x12\0\0\0\0\0\0\0generics.capnp:Map\0\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\xDB/\xDB+\x03\xB3\xCD\xA2\x01\0\0\x002\0\0\0Entry\0\0\0\x04\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\r\0\0\0B\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x01\0\x01\0(\0\0\0\x01\0\0\0entries\0\x0E\0\0\0\0\0\0\0\0\0\0\0\x02\0\x01\0\x10\0\0\0\0\0\0\0\xDB/\xDB+\x03\xB3\xCD\xA2\0\0\0\0\0\0\x01\0\x01\0\0\0\x17\0\0\0\x04\0\0\0\x02\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\x01\0\0\0\0\0\0\0\x0E\0\0\0\0\0\0\0\x08\0\0\0\0\0\x01\0\x05\0\0\0\"\0\0\0\x05\0\0\x002\0\0\0Key\0\0\0\0\0Value\0\0\0generics.capnp:Directory\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\r\0\0\0:\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x02\0\x01\0<\0\0\0\x01\0\0\0byName\0\0\x10\0\0\0\0\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\0\0\0\0\0\0\x01\0\x01\0\0\0\x17\0\0\0\x04\0\0\0\x01\0\x01\0\x9C\x9C\xDD \xBE\xAD \xE5\x01\0\0\0'\0\0\0\x08\0\0\0\x01\0\x01\0\x01\0\0\0\0\0\0\0\x08\0\0\0\x01\0\0\0\x01\0\0\0\0\0\0\0\x04\0\0\0\x01\0\0\0\x0C\0\0\0\0\0\0\0\r\0\0\0\0\0\0\0\x10\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x05\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0z\0\0\0\t\0\0\0\x07\0\0\0generics.capnp\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x10\0\0\0\x01\0\x02\0\xF6\x92|Kp\xED\xA8\x81\0\0\0\0\0\0\0\0%\0\0\0\x07\0\0\0\x9C\x9C\xDD \xBE\xAD \xE5\0\0\0\0\0\0\0\0\x1D\0\0\0\x07\0\0\0\xDB/\xDB+\x03\xB3\xCD\xA2\0\0\0\0\0\0\0\0\x15\0\0\0\x07\0\0\0\x05\0\xF8\xC6\xB4\xE2\xA0\xD5\x11\0\0\0j\x02\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0A generic struct with a nested struct, and a struct naming it with a brand.\n\0\0\0\0");
}
