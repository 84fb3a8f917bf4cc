// The expansion of `interface.capnp`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

/// The interface `interface.capnp:Calculator`.
#[derive(
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::fmt::Debug,
    ::core::default::Default,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq,
    ::core::hash::Hash
)]
pub struct Calculator;
impl Calculator {
    /// The interface's ID.
    pub const TYPE_ID: u64 = 14980825783441723653u64;
    /// The IDs of the interfaces it extends.
    pub const SUPERCLASS_IDS: &'static [u64] = &[];
}
/// Types nested in the interface `interface.capnp:Calculator`, and its methods.
pub mod calculator {
    #[doc = concat!(" The methods of `", "interface.capnp:Calculator", "`, by ordinal.")]
    #[derive(
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
        ::core::hash::Hash
    )]
    pub enum Method {
        /// `evaluate`.
        ///
        /// Parameters: `interface.capnp:Calculator.evaluate$Params`; results: `interface.capnp:Calculator.evaluate$Results`.
        Evaluate,
        /// `reset`.
        ///
        /// Parameters: `interface.capnp:Calculator.reset$Params`; results: `interface.capnp:Calculator.reset$Results`.
        Reset,
    }
    impl Method {
        /// Every method, in ordinal order.
        pub const ALL: &'static [Method] = &[Method::Evaluate, Method::Reset];
        /// The method of ordinal `ordinal`, if the schema declares one.
        pub fn from_ordinal(ordinal: u16) -> ::core::option::Option<Method> {
            match ordinal {
                0 => ::core::option::Option::Some(Method::Evaluate),
                1 => ::core::option::Option::Some(Method::Reset),
                _ => ::core::option::Option::None,
            }
        }
        /// The method's ordinal (its `@N`).
        pub fn ordinal(self) -> u16 {
            match self {
                Method::Evaluate => 0,
                Method::Reset => 1,
            }
        }
        /// The method's name in the schema.
        pub fn name(self) -> &'static str {
            match self {
                Method::Evaluate => "evaluate",
                Method::Reset => "reset",
            }
        }
    }
    impl EvaluateParams {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
            ("expression", "expression"),
        ];
    }
    ::capnzero::__private::if_reflection! {
        impl EvaluateParams { #[doc =
        " The schema of `interface.capnp:Calculator.evaluate$Params`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.struct_schema(9746767923128702382u64) }
        } impl < 'a > EvaluateParamsReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.dynamic(9746767923128702382u64, self
        .reader) } } #[automatically_derived] impl ::capnzero::__private::Reflect for
        EvaluateParams { const TYPE_ID : u64 = 9746767923128702382u64; fn schema_cell()
        -> & 'static ::capnzero::__private::SchemaCell { &
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006 } }
    }
    impl ::capnzero::__private::text::DescribeStruct for EvaluateParamsReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 0,
                pointers: 1,
                discriminant_offset: 0,
                fields: &[__F::pointer("expression", 65535, __T::Text, 0, b"")],
            };
            &DESC
        }
    }
    impl ::capnzero::__private::text::Describe for EvaluateParams {
        const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
            <EvaluateParamsReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
            &[],
        );
    }
    impl ::core::fmt::Display for EvaluateParamsReader<'_> {
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
    impl ::core::fmt::Debug for EvaluateParamsReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for EvaluateParams {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <EvaluateParamsReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(EvaluateParamsBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for EvaluateParams {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The struct `interface.capnp:Calculator.evaluate$Params`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct EvaluateParams {
        /// The field `expression`.
        pub expression: ::core::option::Option<::capnzero::__private::String>,
    }
    impl ::core::default::Default for EvaluateParams {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            EvaluateParams {
                expression: ::core::option::Option::None,
            }
        }
    }
    impl EvaluateParams {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: EvaluateParamsBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            if let ::core::option::Option::Some(value) = &self.expression {
                builder.set_expression(value)?;
            }
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the struct `interface.capnp:Calculator.evaluate$Params`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct EvaluateParamsReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for EvaluateParamsReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            EvaluateParamsReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> EvaluateParamsReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            EvaluateParamsReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> EvaluateParams {
            EvaluateParams {
                expression: self.expression().map(::capnzero::__private::String::from),
            }
        }
        /// The field `expression`.
        /// `None` when the pointer is null or malformed.
        #[inline]
        pub fn expression(self) -> ::core::option::Option<&'a str> {
            if true {
                ::capnzero::__private::text(self.reader.pointer(0u16))
            } else {
                ::core::option::Option::None
            }
        }
        /// Whether the pointer is set (not null).
        #[inline]
        pub fn has_expression(self) -> bool {
            true && !self.reader.pointer(0u16).is_null()
        }
        /// The field `expression`.
        /// The schema default when the pointer is null or malformed.
        #[inline]
        pub fn get_expression(self) -> &'a str {
            match self.expression() {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => "",
            }
        }
    }
    /// Writes the struct `interface.capnp:Calculator.evaluate$Params` in place in a message.
    pub struct EvaluateParamsBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> EvaluateParamsBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            EvaluateParamsBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> EvaluateParamsBuilder<'_> {
            EvaluateParamsBuilder {
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
        /// The field `expression`.
        #[inline]
        pub fn set_expression(
            &mut self,
            value: &str,
        ) -> ::capnzero::__private::Result<()> {
            ::capnzero::__private::pointer_of(&mut self.builder, 0u16)?.set_text(value)
        }
    }
    #[automatically_derived]
    impl ::capnzero::__private::Struct for EvaluateParams {
        type Reader<'a> = EvaluateParamsReader<'a>;
        type Builder<'a> = EvaluateParamsBuilder<'a>;
        const TYPE_ID: u64 = 9746767923128702382u64;
        const DATA_WORDS: u16 = 0u16;
        const POINTER_COUNT: u16 = 1u16;
        #[inline]
        fn wrap_reader(
            reader: ::capnzero::__private::StructReader<'_>,
        ) -> EvaluateParamsReader<'_> {
            EvaluateParamsReader { reader }
        }
        #[inline]
        fn wrap_builder(
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> EvaluateParamsBuilder<'_> {
            EvaluateParamsBuilder { builder }
        }
        #[inline]
        fn unwrap_reader<'a>(
            reader: Self::Reader<'a>,
        ) -> ::capnzero::__private::StructReader<'a> {
            reader.reader
        }
        fn read_owned(reader: EvaluateParamsReader<'_>) -> Self {
            reader.to_owned()
        }
        fn write_to(
            &self,
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            self.write_fields(EvaluateParamsBuilder { builder })
        }
    }
    impl<'a> ::core::cmp::PartialEq for EvaluateParamsReader<'a>
    where
        EvaluateParamsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for EvaluateParamsReader<'a>
    where
        EvaluateParamsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for EvaluateParamsReader<'a>
    where
        EvaluateParamsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
    impl EvaluateResults {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[
            ("value", "value"),
        ];
    }
    ::capnzero::__private::if_reflection! {
        impl EvaluateResults { #[doc =
        " The schema of `interface.capnp:Calculator.evaluate$Results`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.struct_schema(16221317962642608582u64)
        } } impl < 'a > EvaluateResultsReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.dynamic(16221317962642608582u64, self
        .reader) } } #[automatically_derived] impl ::capnzero::__private::Reflect for
        EvaluateResults { const TYPE_ID : u64 = 16221317962642608582u64; fn schema_cell()
        -> & 'static ::capnzero::__private::SchemaCell { &
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006 } }
    }
    impl ::capnzero::__private::text::DescribeStruct for EvaluateResultsReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 1,
                pointers: 0,
                discriminant_offset: 0,
                fields: &[__F::data("value", 65535, __T::Float64, 0, 0)],
            };
            &DESC
        }
    }
    impl ::capnzero::__private::text::Describe for EvaluateResults {
        const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
            <EvaluateResultsReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
            &[],
        );
    }
    impl ::core::fmt::Display for EvaluateResultsReader<'_> {
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
    impl ::core::fmt::Debug for EvaluateResultsReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for EvaluateResults {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <EvaluateResultsReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(EvaluateResultsBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for EvaluateResults {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The struct `interface.capnp:Calculator.evaluate$Results`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct EvaluateResults {
        /// The field `value`.
        pub value: f64,
    }
    impl ::core::default::Default for EvaluateResults {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            EvaluateResults {
                value: f64::from_bits(0u64),
            }
        }
    }
    impl EvaluateResults {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: EvaluateResultsBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            builder.set_value(self.value);
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the struct `interface.capnp:Calculator.evaluate$Results`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct EvaluateResultsReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for EvaluateResultsReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            EvaluateResultsReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> EvaluateResultsReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            EvaluateResultsReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> EvaluateResults {
            EvaluateResults {
                value: self.value(),
            }
        }
        /// The field `value`.
        #[inline]
        pub fn value(self) -> f64 {
            self.reader.get_or::<f64>(0, f64::from_bits(0u64))
        }
    }
    /// Writes the struct `interface.capnp:Calculator.evaluate$Results` in place in a message.
    pub struct EvaluateResultsBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> EvaluateResultsBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            EvaluateResultsBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> EvaluateResultsBuilder<'_> {
            EvaluateResultsBuilder {
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
        }
        /// The field `value`.
        #[inline]
        pub fn set_value(&mut self, value: f64) {
            self.builder.set_or::<f64>(0, value, f64::from_bits(0u64))
        }
    }
    #[automatically_derived]
    impl ::capnzero::__private::Struct for EvaluateResults {
        type Reader<'a> = EvaluateResultsReader<'a>;
        type Builder<'a> = EvaluateResultsBuilder<'a>;
        const TYPE_ID: u64 = 16221317962642608582u64;
        const DATA_WORDS: u16 = 1u16;
        const POINTER_COUNT: u16 = 0u16;
        #[inline]
        fn wrap_reader(
            reader: ::capnzero::__private::StructReader<'_>,
        ) -> EvaluateResultsReader<'_> {
            EvaluateResultsReader { reader }
        }
        #[inline]
        fn wrap_builder(
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> EvaluateResultsBuilder<'_> {
            EvaluateResultsBuilder { builder }
        }
        #[inline]
        fn unwrap_reader<'a>(
            reader: Self::Reader<'a>,
        ) -> ::capnzero::__private::StructReader<'a> {
            reader.reader
        }
        fn read_owned(reader: EvaluateResultsReader<'_>) -> Self {
            reader.to_owned()
        }
        fn write_to(
            &self,
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            self.write_fields(EvaluateResultsBuilder { builder })
        }
    }
    impl<'a> ::core::cmp::PartialEq for EvaluateResultsReader<'a>
    where
        EvaluateResultsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for EvaluateResultsReader<'a>
    where
        EvaluateResultsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for EvaluateResultsReader<'a>
    where
        EvaluateResultsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
    impl ResetParams {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[];
    }
    ::capnzero::__private::if_reflection! {
        impl ResetParams { #[doc =
        " The schema of `interface.capnp:Calculator.reset$Params`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.struct_schema(10966596769280443683u64)
        } } impl < 'a > ResetParamsReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.dynamic(10966596769280443683u64, self
        .reader) } } #[automatically_derived] impl ::capnzero::__private::Reflect for
        ResetParams { const TYPE_ID : u64 = 10966596769280443683u64; fn schema_cell() ->
        & 'static ::capnzero::__private::SchemaCell { &
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006 } }
    }
    impl ::capnzero::__private::text::DescribeStruct for ResetParamsReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 0,
                pointers: 0,
                discriminant_offset: 0,
                fields: &[],
            };
            &DESC
        }
    }
    impl ::capnzero::__private::text::Describe for ResetParams {
        const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
            <ResetParamsReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
            &[],
        );
    }
    impl ::core::fmt::Display for ResetParamsReader<'_> {
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
    impl ::core::fmt::Debug for ResetParamsReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for ResetParams {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <ResetParamsReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(ResetParamsBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for ResetParams {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The struct `interface.capnp:Calculator.reset$Params`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct ResetParams {}
    impl ::core::default::Default for ResetParams {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            ResetParams {}
        }
    }
    impl ResetParams {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: ResetParamsBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the struct `interface.capnp:Calculator.reset$Params`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct ResetParamsReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for ResetParamsReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            ResetParamsReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> ResetParamsReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            ResetParamsReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> ResetParams {
            ResetParams {}
        }
    }
    /// Writes the struct `interface.capnp:Calculator.reset$Params` in place in a message.
    pub struct ResetParamsBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> ResetParamsBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            ResetParamsBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> ResetParamsBuilder<'_> {
            ResetParamsBuilder {
                builder: self.builder.reborrow(),
            }
        }
        /// The untyped struct.
        pub fn untyped(&mut self) -> ::capnzero::__private::StructBuilder<'_> {
            self.builder.reborrow()
        }
        /// Sets every field to zero (its default), pointers to null.
        #[doc(hidden)]
        pub fn clear_fields(&mut self) {}
    }
    #[automatically_derived]
    impl ::capnzero::__private::Struct for ResetParams {
        type Reader<'a> = ResetParamsReader<'a>;
        type Builder<'a> = ResetParamsBuilder<'a>;
        const TYPE_ID: u64 = 10966596769280443683u64;
        const DATA_WORDS: u16 = 0u16;
        const POINTER_COUNT: u16 = 0u16;
        #[inline]
        fn wrap_reader(
            reader: ::capnzero::__private::StructReader<'_>,
        ) -> ResetParamsReader<'_> {
            ResetParamsReader { reader }
        }
        #[inline]
        fn wrap_builder(
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ResetParamsBuilder<'_> {
            ResetParamsBuilder { builder }
        }
        #[inline]
        fn unwrap_reader<'a>(
            reader: Self::Reader<'a>,
        ) -> ::capnzero::__private::StructReader<'a> {
            reader.reader
        }
        fn read_owned(reader: ResetParamsReader<'_>) -> Self {
            reader.to_owned()
        }
        fn write_to(
            &self,
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            self.write_fields(ResetParamsBuilder { builder })
        }
    }
    impl<'a> ::core::cmp::PartialEq for ResetParamsReader<'a>
    where
        ResetParamsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for ResetParamsReader<'a>
    where
        ResetParamsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for ResetParamsReader<'a>
    where
        ResetParamsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
    impl ResetResults {
        /// Each field's name in the schema and in Rust (its accessor), in the node's order.
        pub const FIELD_NAMES: &'static [(&'static str, &'static str)] = &[];
    }
    ::capnzero::__private::if_reflection! {
        impl ResetResults { #[doc =
        " The schema of `interface.capnp:Calculator.reset$Results`: its node (ID, fields, annotations with their values) as the dynamic API sees it. An error only if the embedded schema is broken (a bug)."]
        pub fn schema() -> ::core::result::Result < ::capnzero::__private::StructSchema <
        'static >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.struct_schema(10593125014864987433u64)
        } } impl < 'a > ResetResultsReader < 'a > { #[doc =
        r" The struct read through the dynamic API (fields by schema name)."] pub fn
        dynamic(self) -> ::core::result::Result < ::capnzero::__private::DynamicStruct <
        'a >, ::capnzero::__private::ReflectError > {
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006.dynamic(10593125014864987433u64, self
        .reader) } } #[automatically_derived] impl ::capnzero::__private::Reflect for
        ResetResults { const TYPE_ID : u64 = 10593125014864987433u64; fn schema_cell() ->
        & 'static ::capnzero::__private::SchemaCell { &
        super::__CAPNZERO_SCHEMA_D5A0E2B4C6F80006 } }
    }
    impl ::capnzero::__private::text::DescribeStruct for ResetResultsReader<'_> {
        fn struct_desc() -> &'static ::capnzero::__private::text::StructDesc {
            #[allow(unused_imports)]
            use ::capnzero::__private::text::{
                Describe as __D, FieldDesc as __F, TypeDesc as __T,
            };
            static DESC: ::capnzero::__private::text::StructDesc = ::capnzero::__private::text::StructDesc {
                data_words: 0,
                pointers: 0,
                discriminant_offset: 0,
                fields: &[],
            };
            &DESC
        }
    }
    impl ::capnzero::__private::text::Describe for ResetResults {
        const TYPE: ::capnzero::__private::text::TypeDesc = ::capnzero::__private::text::TypeDesc::Struct(
            <ResetResultsReader<
                'static,
            > as ::capnzero::__private::text::DescribeStruct>::struct_desc,
            &[],
        );
    }
    impl ::core::fmt::Display for ResetResultsReader<'_> {
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
    impl ::core::fmt::Debug for ResetResultsReader<'_> {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    impl ::core::fmt::Display for ResetResults {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::capnzero::__private::text::fmt_written(
                <ResetResultsReader<
                    'static,
                > as ::capnzero::__private::text::DescribeStruct>::struct_desc(),
                &[],
                f,
                |builder| self.write_fields(ResetResultsBuilder { builder }),
            )
        }
    }
    impl ::core::fmt::Debug for ResetResults {
        /// The Cap'n Proto text format, as `capnp decode --short` prints this struct as a root; `{:#}` as `capnp decode` prints it.
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Display::fmt(self, f)
        }
    }
    /// The struct `interface.capnp:Calculator.reset$Results`.
    #[derive(::core::clone::Clone, ::core::cmp::PartialEq)]
    pub struct ResetResults {}
    impl ::core::default::Default for ResetResults {
        /// Every field at its schema default; pointers null.
        fn default() -> Self {
            ResetResults {}
        }
    }
    impl ResetResults {
        /// Writes every field into `builder`.
        #[doc(hidden)]
        pub fn write_fields(
            &self,
            mut builder: ResetResultsBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            let _ = &mut builder;
            ::core::result::Result::Ok(())
        }
    }
    /// A zero-copy view of the struct `interface.capnp:Calculator.reset$Results`.
    #[derive(::core::clone::Clone, ::core::marker::Copy)]
    pub struct ResetResultsReader<'a> {
        reader: ::capnzero::__private::StructReader<'a>,
    }
    impl ::core::default::Default for ResetResultsReader<'_> {
        /// The struct with every field at its default.
        fn default() -> Self {
            ResetResultsReader {
                reader: ::capnzero::__private::empty_struct(),
            }
        }
    }
    impl<'a> ResetResultsReader<'a> {
        /// Views an untyped struct as this type.
        pub fn from_untyped(reader: ::capnzero::__private::StructReader<'a>) -> Self {
            ResetResultsReader { reader }
        }
        /// The untyped struct.
        pub fn untyped(self) -> ::capnzero::__private::StructReader<'a> {
            self.reader
        }
        /// An owned copy of every field.
        pub fn to_owned(self) -> ResetResults {
            ResetResults {}
        }
    }
    /// Writes the struct `interface.capnp:Calculator.reset$Results` in place in a message.
    pub struct ResetResultsBuilder<'a> {
        builder: ::capnzero::__private::StructBuilder<'a>,
    }
    impl<'a> ResetResultsBuilder<'a> {
        /// Writes an untyped struct as this type.
        pub fn from_untyped(builder: ::capnzero::__private::StructBuilder<'a>) -> Self {
            ResetResultsBuilder { builder }
        }
        /// A shorter-lived builder of the same struct.
        pub fn reborrow(&mut self) -> ResetResultsBuilder<'_> {
            ResetResultsBuilder {
                builder: self.builder.reborrow(),
            }
        }
        /// The untyped struct.
        pub fn untyped(&mut self) -> ::capnzero::__private::StructBuilder<'_> {
            self.builder.reborrow()
        }
        /// Sets every field to zero (its default), pointers to null.
        #[doc(hidden)]
        pub fn clear_fields(&mut self) {}
    }
    #[automatically_derived]
    impl ::capnzero::__private::Struct for ResetResults {
        type Reader<'a> = ResetResultsReader<'a>;
        type Builder<'a> = ResetResultsBuilder<'a>;
        const TYPE_ID: u64 = 10593125014864987433u64;
        const DATA_WORDS: u16 = 0u16;
        const POINTER_COUNT: u16 = 0u16;
        #[inline]
        fn wrap_reader(
            reader: ::capnzero::__private::StructReader<'_>,
        ) -> ResetResultsReader<'_> {
            ResetResultsReader { reader }
        }
        #[inline]
        fn wrap_builder(
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ResetResultsBuilder<'_> {
            ResetResultsBuilder { builder }
        }
        #[inline]
        fn unwrap_reader<'a>(
            reader: Self::Reader<'a>,
        ) -> ::capnzero::__private::StructReader<'a> {
            reader.reader
        }
        fn read_owned(reader: ResetResultsReader<'_>) -> Self {
            reader.to_owned()
        }
        fn write_to(
            &self,
            builder: ::capnzero::__private::StructBuilder<'_>,
        ) -> ::capnzero::__private::Result<()> {
            self.write_fields(ResetResultsBuilder { builder })
        }
    }
    impl<'a> ::core::cmp::PartialEq for ResetResultsReader<'a>
    where
        ResetResultsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn eq(&self, other: &Self) -> bool {
            ::capnzero::__private::KeyAnnotation::key_eq(self, other)
        }
    }
    impl<'a> ::core::cmp::Eq for ResetResultsReader<'a>
    where
        ResetResultsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {}
    impl<'a> ::core::hash::Hash for ResetResultsReader<'a>
    where
        ResetResultsReader<'a>: ::capnzero::__private::KeyAnnotation,
    {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            ::capnzero::__private::KeyAnnotation::key_hash(self, state)
        }
    }
    ::capnzero::__private::if_rpc! {
        #[doc =
        " A capability of `interface.capnp:Calculator`: its methods' requests, typed (`…_request()`, then `params()`, `send()`)."]
        pub struct Client { #[doc = r" The untyped capability."] pub client :
        ::capnzero::__private::rpc::Client, params : ::capnzero::__private::PhantomData <
        fn () -> () >, } impl < > Client { #[doc = " `evaluate`."] pub fn
        evaluate_request(& self) -> ::capnzero::__private::rpc::TypedRequest <
        super::calculator::EvaluateParams, super::calculator::EvaluateResults > {
        ::capnzero::__private::rpc::TypedRequest::new(& self.client,
        14980825783441723653u64, 0) } #[doc = " `reset`."] pub fn reset_request(& self)
        -> ::capnzero::__private::rpc::TypedRequest < super::calculator::ResetParams,
        super::calculator::ResetResults > {
        ::capnzero::__private::rpc::TypedRequest::new(& self.client,
        14980825783441723653u64, 1) } } impl < > ::core::clone::Clone for Client { fn
        clone(& self) -> Self { Client::from(self.client.clone()) } } impl < >
        ::core::fmt::Debug for Client { fn fmt(& self, f : & mut ::core::fmt::Formatter <
        '_ >) -> ::core::fmt::Result { ::core::fmt::Debug::fmt(& self.client, f) } } impl
        < > ::core::convert::From < ::capnzero::__private::rpc::Client > for Client { fn
        from(client : ::capnzero::__private::rpc::Client) -> Self { Client { client,
        params : ::capnzero::__private::PhantomData } } } impl < > ::core::convert::From
        < Client > for ::capnzero::__private::rpc::Client { fn from(client : Client) ->
        ::capnzero::__private::rpc::Client { client.client } } #[doc =
        " An object serving `interface.capnp:Calculator`: implement the methods it serves (`async fn`); the others answer `Unimplemented`. `new_client` makes it a capability."]
        pub trait Server : ::core::marker::Send + ::core::marker::Sync + 'static { #[doc
        = " `evaluate`."] fn evaluate(self : ::capnzero::__private::Arc < Self >, params
        : ::capnzero::__private::rpc::TypedParams < super::calculator::EvaluateParams >,
        results : ::capnzero::__private::rpc::TypedResults <
        super::calculator::EvaluateResults >,) -> impl ::core::future::Future < Output =
        ::capnzero::__private::rpc::Result < ::capnzero::__private::rpc::TypedResults <
        super::calculator::EvaluateResults >> > + ::core::marker::Send { let _ = (params,
        results);
        ::core::future::ready(::core::result::Result::Err(::capnzero::__private::rpc::Error::unimplemented_method(14980825783441723653u64,
        0))) } #[doc = " `reset`."] fn reset(self : ::capnzero::__private::Arc < Self >,
        params : ::capnzero::__private::rpc::TypedParams < super::calculator::ResetParams
        >, results : ::capnzero::__private::rpc::TypedResults <
        super::calculator::ResetResults >,) -> impl ::core::future::Future < Output =
        ::capnzero::__private::rpc::Result < ::capnzero::__private::rpc::TypedResults <
        super::calculator::ResetResults >> > + ::core::marker::Send { let _ = (params,
        results);
        ::core::future::ready(::core::result::Result::Err(::capnzero::__private::rpc::Error::unimplemented_method(14980825783441723653u64,
        1))) } } #[doc =
        r" Routes a call of this interface, or of one it extends, to its method of `server`;"]
        #[doc =
        r" gives the parameters and results back when the call is for another interface."]
        #[allow(clippy::type_complexity)] pub fn dispatch < S : Server > (server : &
        ::capnzero::__private::Arc < S >, streams : &
        ::capnzero::__private::rpc::StreamQueue, interface_id : u64, method_id : u16,
        params : ::capnzero::__private::rpc::Params, results :
        ::capnzero::__private::rpc::Results,) -> ::core::result::Result <
        ::capnzero::__private::rpc::BoxFuture < ::capnzero::__private::rpc::Result <
        ::capnzero::__private::rpc::Results >>, (::capnzero::__private::rpc::Params,
        ::capnzero::__private::rpc::Results), > { if interface_id ==
        14980825783441723653u64 { let server = server.clone(); let streaming = match
        method_id { _ => false, }; let turn = streams.admit(streaming); return
        ::core::result::Result::Ok(match method_id { 0 =>
        ::capnzero::__private::Box::pin(async move { let mut turn = turn; (& mut turn).
        await; let results = ::capnzero::__private::rpc::TypedResults::new(results) ?;
        let results = < S as Server > ::evaluate(server,
        ::capnzero::__private::rpc::TypedParams::new(params), results). await ?;
        ::core::result::Result::Ok(results.into_untyped()) }), 1 =>
        ::capnzero::__private::Box::pin(async move { let mut turn = turn; (& mut turn).
        await; let results = ::capnzero::__private::rpc::TypedResults::new(results) ?;
        let results = < S as Server > ::reset(server,
        ::capnzero::__private::rpc::TypedParams::new(params), results). await ?;
        ::core::result::Result::Ok(results.into_untyped()) }), _ =>
        ::capnzero::__private::rpc::unimplemented_call(interface_id, method_id), }); }
        ::core::result::Result::Err((params, results)) } #[doc =
        r" `server` as a capability."] pub fn new_client < S : Server > (server : S) ->
        Client { from_arc(::capnzero::__private::Arc::new(server)) } #[doc =
        r" The shared `server` as a capability."] pub fn from_arc < S : Server > (server
        : ::capnzero::__private::Arc < S >) -> Client { let dispatch = Dispatch:: < S, ()
        > { server, streams : ::capnzero::__private::rpc::StreamQueue::default(), params
        : ::capnzero::__private::PhantomData };
        Client::from(::capnzero::__private::rpc::Client::new(dispatch)) } #[doc =
        r" A [`Server`] as an untyped `capnzero::rpc::Server`, keeping the order of its"]
        #[doc = r" streaming calls."] pub struct Dispatch < S, P = () > { server :
        ::capnzero::__private::Arc < S >, streams :
        ::capnzero::__private::rpc::StreamQueue, params :
        ::capnzero::__private::PhantomData < fn () -> P >, } impl < S : Server >
        ::capnzero::__private::rpc::Server for Dispatch < S, () > { fn call(self :
        ::capnzero::__private::Arc < Self >, interface_id : u64, method_id : u16, params
        : ::capnzero::__private::rpc::Params, results :
        ::capnzero::__private::rpc::Results,) -> ::capnzero::__private::rpc::BoxFuture <
        ::capnzero::__private::rpc::Result < ::capnzero::__private::rpc::Results >> {
        match dispatch:: < S > (& self.server, & self.streams, interface_id, method_id,
        params, results) { ::core::result::Result::Ok(call) => call,
        ::core::result::Result::Err(_) =>
        ::capnzero::__private::rpc::unimplemented_call(interface_id, method_id), } } }
        #[doc =
        " The capabilities of the results, usable before they arrive (`promise.pipelined()`)."]
        pub struct EvaluateResultsPipeline { base : ::capnzero::__private::rpc::Client, }
        impl EvaluateResultsPipeline {} impl ::capnzero::__private::rpc::Pipelined for
        super::calculator::EvaluateResults { type Pipeline = EvaluateResultsPipeline; fn
        pipeline(base : ::capnzero::__private::rpc::Client) -> EvaluateResultsPipeline {
        EvaluateResultsPipeline { base } } } #[doc =
        " The capabilities of the results, usable before they arrive (`promise.pipelined()`)."]
        pub struct ResetResultsPipeline { base : ::capnzero::__private::rpc::Client, }
        impl ResetResultsPipeline {} impl ::capnzero::__private::rpc::Pipelined for
        super::calculator::ResetResults { type Pipeline = ResetResultsPipeline; fn
        pipeline(base : ::capnzero::__private::rpc::Client) -> ResetResultsPipeline {
        ResetResultsPipeline { base } } }
    }
}
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_D5A0E2B4C6F80006 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\0\xA3\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0\xB7\x01\0\0!\x02\0\0\x1F\0\0\08\x02\0\0\x01\0\0\09\x02\0\0O\0\0\0\x18\0\0\0\x04\0\x05\0\x06\0\xF8\xC6\xB4\xE2\xA0\xD5\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xC5\0\0\0\x82\0\0\0\xC9\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xAE\x15B\x16\xC9yC\x87\x1B\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\x01\0\x07\0\0\0\0\0\xBD\0\0\0Z\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xC9\0\0\x007\0\0\0\0\0\0\0\0\0\0\0\xC6\xD1\xF9'\xBE\xB2\x1D\xE1\x1B\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\0\0\x07\0\0\0\0\0\xDD\0\0\0b\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xE9\0\0\x007\0\0\0\0\0\0\0\0\0\0\0#E\xE8{\xA8-1\x98\x1B\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\x07\0\0\0\0\0\xF9\0\0\0B\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0)\x05U\x84\x13W\x02\x93\x1B\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\x07\0\0\0\0\0\xE9\0\0\0J\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x05\x91\x0E\xA0\xAD\x95\xE6\xCF\x10\0\0\0\x03\0\0\0\x06\0\xF8\xC6\xB4\xE2\xA0\xD5\0\0\0\0\0\0\0\0\xDD\0\0\0\xDA\0\0\0\xE9\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0\xE5\0\0\0\x87\0\0\09\x01\0\0\x07\0\0\0interface.capnp\0\x04\0\0\0\x01\0\x01\0\x05\x91\x0E\xA0\xAD\x95\xE6\xCF\x01\0\0\0Z\0\0\0Calculator\0\0\0\0\0\0interface.capnp:Calculator.evaluate$Params\0\0\0\0\0\0\x04\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\r\0\0\0Z\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\x01\0\0\0\x0C\0\0\0\x01\0\0\0expression\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0interface.capnp:Calculator.evaluate$Results\0\0\0\0\0\x04\0\0\0\x02\0\x04\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\r\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x01\0\0\0\x08\0\0\0\x01\0\0\0value\0\0\0\x0B\0\0\0\0\0\0\0\x0B\0\0\0\0\0\0\0interface.capnp:Calculator.reset$Params\0interface.capnp:Calculator.reset$Results\0\0\0\0\0\0\0\0interface.capnp:Calculator\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0\x03\0\x05\0\0\0\0\0\0\0\0\0\xAE\x15B\x16\xC9yC\x87\xC6\xD1\xF9'\xBE\xB2\x1D\xE11\0\0\0J\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0)\0\0\0\x07\0\0\0\x01\0\0\0\0\0\0\0#E\xE8{\xA8-1\x98)\x05U\x84\x13W\x02\x93\x1D\0\0\x002\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x11\0\0\0\x07\0\0\0evaluate\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0reset\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\x01\0\x02\0\x06\0\xF8\xC6\xB4\xE2\xA0\xD5\x05\0\0\0\x82\0\0\0\t\0\0\0\x07\0\0\0interface.capnp\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x0C\0\0\0\x01\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x19\0\0\0\x07\0\0\0\x05\x91\x0E\xA0\xAD\x95\xE6\xCF\0\0\0\0\0\0\0\0\x11\0\0\0\x07\0\0\0\x06\0\xF8\xC6\xB4\xE2\xA0\xD5\r\0\0\0\x02\x01\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\x08\0\0\0\0\0\0\0An interface with two methods.\n\0");
}
