// The expansion of `derive_color.rs`, printed by prettyplease. Do not edit: after a change to generated
// code, rewrite it with `CAPNZERO_BLESS=1 cargo test -p capnzero-schema --test golden`.

#[doc(hidden)]
#[allow(unused_macros)]
macro_rules! __capnzero_desc_Color {
    ($($state:tt)*) => {
        ::capnzero::__private::derive_step! { [enum] $($state)* }
    };
}
#[allow(unused_imports)]
pub(crate) use __capnzero_desc_Color;
::capnzero::__private::if_reflection! {
    #[doc =
    r" The schema of the generated types (a CodeGeneratorRequest), decoded on first use."]
    #[doc(hidden)] #[allow(dead_code)] static __CAPNZERO_SCHEMA_915A675FE3703924 :
    ::capnzero::__private::SchemaCell =
    ::capnzero::__private::SchemaCell::new(b"\0\0\0\08\0\0\0\0\0\0\0\0\0\x04\0\r\0\0\0w\0\0\0\x95\0\0\0\x1F\0\0\0\xAC\0\0\0\x01\0\0\0\xAD\0\0\x007\0\0\0\x08\0\0\0\x03\0\x04\0$9p\xE3_gZ\x91\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0)\0\0\0b\0\0\0-\0\0\0\x17\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x04\x01\0\0\0\xEE\xFF\xC0\x0C\0\0\0\x02\0\0\0$9p\xE3_gZ\x91%\0\0\0\x92\0\0\0-\0\0\0\x07\0\0\0\0\0\0\0\0\0\0\0)\0\0\x007\0\0\0Color.capnp\0\0\0\0\0\x04\0\0\0\x01\0\x01\0\x04\x01\0\0\0\xEE\xFF\xC0\x01\0\0\x002\0\0\0Color\0\0\0Color.capnp:Color\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\x01\0\x01\0\0\0\0\0\0\0\0\0\x11\0\0\0\"\0\0\0\x01\0\0\0\0\0\0\0\r\0\0\x002\0\0\0\x02\0\0\0\0\0\0\0\t\0\0\0*\0\0\0red\0\0\0\0\0green\0\0\0blue\0\0\0\0\x04\0\0\0\x01\0\x02\0$9p\xE3_gZ\x91\x05\0\0\0b\0\0\0\t\0\0\0\x07\0\0\0Color.capnp\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\t\x02\0\0\0\0\x08\0\0\0\x01\0\x02\0\x04\x01\0\0\0\xEE\xFF\xC0\0\0\0\0\0\0\0\0\r\0\0\0\x07\0\0\0$9p\xE3_gZ\x91\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x0C\0\0\0\0\0\0\0");
}
impl Color {
    /// The variant with ordinal `value`; the variant of ordinal 0 (the wire default) for
    /// a value this enum does not know.
    pub fn from_u16(value: u16) -> Color {
        match value {
            0 => Color::Red,
            1 => Color::Green,
            2 => Color::Blue,
            _ => Color::Red,
        }
    }
    /// The ordinal, as stored on the wire.
    pub fn to_u16(self) -> u16 {
        match self {
            Color::Red => 0,
            Color::Green => 1,
            Color::Blue => 2,
        }
    }
    /// Each enumerant's name in the schema and its Rust variant, in ordinal order.
    pub const ENUMERANT_NAMES: &'static [(&'static str, &'static str)] = &[
        ("red", "Red"),
        ("green", "Green"),
        ("blue", "Blue"),
    ];
    /**The Cap'n Proto declaration `Color` is equivalent to, to hand to other languages.

```capnp
enum Color @0xc0ffee0000000104 {
  red @0;
  green @1;
  blue @2;
}
```*/
    pub const CAPNP_SCHEMA: &'static str = "enum Color @0xc0ffee0000000104 {\n  red @0;\n  green @1;\n  blue @2;\n}\n";
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
::capnzero::__private::if_reflection! {
    impl Color { #[doc =
    r" The schema of this enum: its node (ID, enumerants) as the dynamic API sees it."]
    pub fn schema() -> ::core::result::Result < ::capnzero::__private::EnumSchema <
    'static >, ::capnzero::__private::ReflectError > { __CAPNZERO_SCHEMA_915A675FE3703924
    .enum_schema(13907095858110791940u64) } } #[automatically_derived] impl
    ::capnzero::__private::Reflect for Color { const TYPE_ID : u64 =
    13907095858110791940u64; fn schema_cell() -> & 'static
    ::capnzero::__private::SchemaCell { & __CAPNZERO_SCHEMA_915A675FE3703924 } }
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
