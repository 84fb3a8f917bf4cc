//! Nullable groups (capnpy's `$Py.nullable`, capnzero's `$Rust.nullable`): a group whose
//! members are exactly `isNull` (Bool or an integer) and `value` (a non-pointer field or a
//! group) reads as `Option<value>`: `None` when `isNull` is true or non-zero. The owned type
//! holds an `Option`; writing `None` sets `isNull` and leaves `value` at its default.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::emit::{rt, Emitter, FieldsOut};
use super::ir::{Kind, Member, NullableShape, NullableValue};

impl Emitter<'_, '_> {
    /// The accessors and owned-value code of a nullable group member `m` (group `group_id`).
    pub(super) fn nullable_group(
        &self,
        m: &Member<'_>,
        group_id: u64,
        shape: &NullableShape,
        depth: usize,
        field_doc: &TokenStream,
        out: &mut FieldsOut,
    ) {
        let rt = rt();
        let name = m.name();
        let group_reader = self.path(depth, group_id, "Reader");
        let group_builder = self.path(depth, group_id, "Builder");
        let (is_null, set_flag_null, set_flag_set) = if shape.flag_is_bool {
            (quote!(group.is_null()), quote!(group.set_is_null(true)), quote!(group.set_is_null(false)))
        } else {
            (quote!(group.is_null() != 0), quote!(group.set_is_null(1)), quote!(group.set_is_null(0)))
        };
        let (reader_ty, owned_ty, to_owned, write_value) = match &shape.value {
            NullableValue::Group(type_id) => {
                let value_reader = self.path(depth, *type_id, "Reader");
                let value_owned = self.path(depth, *type_id, "");
                (
                    quote!(#value_reader<'a>),
                    value_owned,
                    quote!(.map(|value| value.to_owned())),
                    quote!(value.write_fields(group.value())?;),
                )
            }
            NullableValue::Data(kind) => {
                let value_ty = match kind {
                    Kind::Bool => quote!(bool),
                    Kind::Enum(type_id) => self.path(depth, *type_id, ""),
                    Kind::Prim(name) => Kind::prim(name).into_token_stream(),
                    _ => quote!(()),
                };
                (value_ty.clone(), value_ty, TokenStream::new(), quote!(group.set_value(*value);))
            }
        };
        out.reader_methods.extend(quote! {
            #field_doc
            /// `None` when the group's `isNull` is set.
            pub fn #name(self) -> ::core::option::Option<#reader_ty> {
                let group = #group_reader::from_untyped(self.reader);
                if #is_null { ::core::option::Option::None } else { ::core::option::Option::Some(group.value()) }
            }
        });
        out.builder_methods.extend(quote! {
            #field_doc
            /// The group itself (`isNull` and `value`).
            pub fn #name(&mut self) -> #group_builder<'_> {
                #group_builder::from_untyped(self.builder.reborrow())
            }
        });
        out.owned_fields.extend(quote!(#field_doc pub #name: ::core::option::Option<#owned_ty>,));
        out.owned_defaults.extend(quote! {
            #name: {
                let group = #group_reader::from_untyped(#rt::empty_struct());
                if #is_null { ::core::option::Option::None } else { ::core::option::Option::Some(group.value()) }#to_owned
            },
        });
        out.to_owned.extend(quote!(#name: self.#name()#to_owned,));
        out.write.extend(quote! {
            {
                let mut group = builder.#name();
                match &self.#name {
                    ::core::option::Option::Some(value) => {
                        #set_flag_set;
                        #write_value
                    }
                    ::core::option::Option::None => #set_flag_null,
                }
            }
        });
        out.clear.extend(quote!(#group_builder::from_untyped(self.builder.reborrow()).clear_fields();));
    }
}
