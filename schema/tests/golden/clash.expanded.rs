// The expansion of `clash.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

impl Outcome {
    /// Each field's name in the schema and in Rust (its accessor), in the node's order.
    pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
        ("result", "result"),
        ("hasResult", "has_result_"),
        ("toOwned", "to_owned_"),
    ];
}
::capnzero::__private::if_reflection! {
    impl Outcome { #[doc =
    " The schema of `clash.capnp:Outcome`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80009
    .struct_schema(14908158983952059894u64) } } impl < 'a > OutcomeReader < 'a > { #[doc
    = r" The struct read through the dynamic API (fields by schema name)."] pub fn
    dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct < 'a
    >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_D5A0E2B4C6F80009
    .dynamic(14908158983952059894u64, self.reader) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Outcome { const TYPE_ID : u64 =
    14908158983952059894u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_D5A0E2B4C6F80009 } }
}
impl ::capnzero::__private::text::DescribeStruct for OutcomeReader<'_> {
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
                __F::pointer("result", 65535, __T::Data, 0, b""),
                __F::data("hasResult", 65535, __T::Bool, 0, 0),
                __F::data("toOwned", 65535, __T::UInt8, 1, 0),
            ],
        };
        &DESC
    }
}
impl ::capnzero::__private::text::Describe for Outcome {
    const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
        <OutcomeReader<
            'static,
        > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
        &[],
    );
}
impl ::core::fmt::Display for OutcomeReader<'_> {
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
impl ::core::fmt::Debug for OutcomeReader<'_> {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
impl ::core::fmt::Display for Outcome {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::capnzero::__private::text::fmt_written(
            <OutcomeReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
            &[],
            f,
            |builder| self.write_fields(OutcomeBuilder { builder }),
        )
    }
}
impl ::core::fmt::Debug for Outcome {
    /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Display::fmt(self, f)
    }
}
/// The struct `clash.capnp:Outcome`.
#[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct Outcome {
    /// The field `result`.
    pub result: ::core::option::Option<::capnzero::__private::Vec<u8>>,
    /// The field `hasResult`.
    pub has_result_: bool,
    /// The field `toOwned`.
    pub to_owned_: u8,
}
impl ::core::default::Default for Outcome {
    /// Every field at its schema default; pointers null.
    fn default() -> Self {
        Outcome {
            result: ::core::option::Option::None,
            has_result_: false,
            to_owned_: 0u8,
        }
    }
}
impl Outcome {
    /// Writes every field into `builder`.
    #[doc(hidden)]
    pub fn write_fields(
        &self,
        mut builder: OutcomeBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        let _ = &mut builder;
        if let ::core::option::Option::Some(value) = &self.result {
            builder.set_result(value)?;
        }
        builder.set_has_result_(self.has_result_);
        builder.set_to_owned_(self.to_owned_);
        ::core::result::Result::Ok(())
    }
}
/// A zero-copy view of the struct `clash.capnp:Outcome`.
#[derive(::core::clone::Clone, ::core::marker::Copy)]
pub struct OutcomeReader<'a> {
    reader: ::capnzero::__private::StructReader<'a>,
}
impl ::core::default::Default for OutcomeReader<'_> {
    /// The struct with every field at its default.
    fn default() -> Self {
        OutcomeReader {
            reader: ::capnzero::__private::empty_struct(),
        }
    }
}
impl<'a> OutcomeReader<'a> {
    /// Views an untyped struct as this type.
    pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
        OutcomeReader { reader }
    }
    /// The untyped struct.
    pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
        self.reader
    }
    /// An owned copy of every field.
    pub fn to_owned(self) -> Outcome {
        Outcome {
            result: self.result().map(<[u8]>::to_vec),
            has_result_: self.has_result_(),
            to_owned_: self.to_owned_(),
        }
    }
    /// The field `result`.
    /// `None` when the pointer is null or malformed.
    #[inline]
    pub fn result(self) -> ::core::option::Option<&'a [u8]> {
        if true {
            ::capnzero::__private::data(self.reader.pointer(0u16))
        } else {
            ::core::option::Option::None
        }
    }
    /// Whether the pointer is set (not null).
    #[inline]
    pub fn has_result(self) -> bool {
        true && !self.reader.pointer(0u16).is_null()
    }
    /// The field `result`.
    /// The schema default when the pointer is null or malformed.
    #[inline]
    pub fn get_result(self) -> &'a [u8] {
        match self.result() {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => &[],
        }
    }
    /// The field `hasResult`.
    #[inline]
    pub fn has_result_(self) -> bool {
        self.reader.get_bool_or(0, false)
    }
    /// The field `toOwned`.
    #[inline]
    pub fn to_owned_(self) -> u8 {
        self.reader.get_or::<u8>(1, 0u8)
    }
}
/// Writes the struct `clash.capnp:Outcome` in place in a message.
pub struct OutcomeBuilder<'a> {
    builder: ::capnzero::__private::StructBuilder<'a>,
}
impl<'a> OutcomeBuilder<'a> {
    /// Writes an untyped struct as this type.
    pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
        OutcomeBuilder { builder }
    }
    /// A shorter-lived builder of the same struct.
    pub fn reborrow(&mut self) -> OutcomeBuilder<'_> {
        OutcomeBuilder {
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
        self.builder.set_bool(0, false);
        self.builder.set::<u8>(1, ::core::default::Default::default());
    }
    /// The field `result`.
    #[inline]
    pub fn set_result(&mut self, value: &[u8]) -> ::capnzero::__private::Result<()> {
        ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_data(value)
    }
    /// The field `hasResult`.
    #[inline]
    pub fn set_has_result_(&mut self, value: bool) {
        self.builder.set_bool_or(0, value, false)
    }
    /// The field `toOwned`.
    #[inline]
    pub fn set_to_owned_(&mut self, value: u8) {
        self.builder.set_or::<u8>(1, value, 0u8)
    }
}
#[automatically_derived]
impl ::capnzero::__private::Struct for Outcome {
    type Reader<'a> = OutcomeReader<'a>;
    type Builder<'a> = OutcomeBuilder<'a>;
    const TYPE_ID: u64 = 14908158983952059894u64;
    const DATA_WORDS: u16 = 1u16;
    const POINTER_COUNT: u16 = 1u16;
    #[inline]
    fn wrap_reader(
        reader: ::capnzero::__private::StructReader<'_>,
    ) -> OutcomeReader<'_> {
        OutcomeReader { reader }
    }
    #[inline]
    fn wrap_builder(
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> OutcomeBuilder<'_> {
        OutcomeBuilder { builder }
    }
    #[inline]
    fn unwrap_reader<'a>(
        reader: Self::Reader<'a>,
    ) -> ::capnzero::__private::StructReader<'a> {
        reader.reader
    }
    fn read_owned(reader: OutcomeReader<'_>) -> Self {
        reader.to_owned()
    }
    fn write_to(
        &self,
        builder: ::capnzero::__private::StructBuilder<'_>,
    ) -> ::capnzero::__private::Result<()> {
        self.write_fields(OutcomeBuilder { builder })
    }
}
impl<'a> ::core::cmp::PartialEq for OutcomeReader<'a>
where
    OutcomeReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn eq(&self, other: &Self) -> bool {
        ::capnzero::__private::KeyAnnotation::key_eq(self, other)
    }
}
impl<'a> ::core::cmp::Eq for OutcomeReader<'a>
where
    OutcomeReader<'a>: ::capnzero::__private::KeyAnnotation,
{}
impl<'a> ::core::hash::Hash for OutcomeReader<'a>
where
    OutcomeReader<'a>: ::capnzero::__private::KeyAnnotation,
{
    fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
        ::capnzero::__private::KeyAnnotation::key_hash(self, state)
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80009 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\\\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\x87\0\0\0\xE9\0\0\0\x1F\0\0\0\0\x01\0\0\x01\0\0\0\x01\x01\0\x007\0\0\0\x08\0\0\0\x04\0\x04\0\t\0\xF8\xC6\xB4\xE2\xA0\xD5\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0-\0\0\0b\0\0\x001\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xF6\xCD\x82\xED\x9Bk\xE4\xCE\x0C\0\0\0\x01\0\x01\0\t\0\xF8\xC6\xB4\xE2\xA0\xD5\x01\0\x07\0\0\0\0\0%\0\0\0\xA2\0\0\0-\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0)\0\0\0\x97\0\0\0clash.capnp\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\xF6\xCD\x82\xED\x9Bk\xE4\xCE\x01\0\0\0B\0\0\0Outcome\0clash.capnp:Outcome\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0=\0\0\0:\0\0\0\0\0\0\0\0\0\0\08\0\0\0\x01\0\0\08\0\0\0\x01\0\0\0\x01\0\0\0\0\0\0\0\0\0\x01\0\x01\0\0\x001\0\0\0R\0\0\0\0\0\0\0\0\0\0\x000\0\0\0\x01\0\0\x000\0\0\0\x01\0\0\0\x02\0\0\0\x01\0\0\0\0\0\x01\0\x02\0\0\0)\0\0\0B\0\0\0\0\0\0\0\0\0\0\0$\0\0\0\x01\0\0\0$\0\0\0\x01\0\0\0result\0\0\r\0\0\0\0\0\0\0\r\0\0\0\0\0\0\0hasResult\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0toOwned\0\x06\0\0\0\0\0\0\0\x06\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\t\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0b\0\0\0\t\0\0\0\x07\0\0\0clash.capnp\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x08\0\0\0\x01\0\x02\0\xF6\xCD\x82\xED\x9Bk\xE4\xCE\0\0\0\0\0\0\0\0\r\0\0\0\x07\0\0\0\t\0\xF8\xC6\xB4\xE2\xA0\xD5\t\0\0\0\xBA\x03\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0Schema names that meet generated names: `hasResult` meets `result`'s `has_result`, `toOwned`\nthe reader's `to_owned`.\n\0\0");
}
