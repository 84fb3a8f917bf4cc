//! Nullable groups (capnpy's `$Py.nullable`, capnzero's `$Rust.nullable`): a group whose
//! members are exactly `isNull` (Bool or an integer) and `value` (a non-pointer field or a
//! group) reads as `Option<value>`: `None` when `isNull` is true or non-zero. The owned type
//! holds an `Option`; writing `None` sets `isNull` and leaves `value` at its default.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use crate::model::{Field, FieldKind, NodeKind, Type};

use super::emit::{rt, Emitter, FieldsOut};
use super::ir::{Kind, Member, NullableShape, NullableValue};
use super::plan::{At, GenerateError, Nullable, Plan};

impl Plan<'_> {
    /// Finds the nullable groups among the fields of the placed structs.
    pub(super) fn plan_nullable_groups(&mut self) {
        let mut ids: Vec<u64> = self.locs.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            let Some(node) = self.nodes.get(&id).copied() else { continue };
            let NodeKind::Struct(st) = &node.kind else { continue };
            for (index, field) in st.fields.iter().enumerate() {
                let FieldKind::Group { type_id } = field.kind else { continue };
                if !field.annotations.iter().any(|a| self.annotation_name(a.id) == Some("nullable")) {
                    continue;
                }
                let at = format!("{}.{}", node.display_name, field.name);
                match self.nullable_shape(type_id) {
                    Ok(nullable) if field.discriminant_value == Field::NO_DISCRIMINANT => {
                        self.nullable.insert(type_id, nullable);
                    }
                    Ok(_) => self.errors.push(GenerateError::new(
                        At::Member(node.id, index),
                        format!("{at}: capnzero does not generate nullable groups that are union members yet"),
                    )),
                    Err(why) => self
                        .errors
                        .push(GenerateError::new(At::Member(node.id, index), format!("{at}: a nullable group {why}"))),
                }
            }
        }
    }

    fn nullable_shape(&self, group_id: u64) -> Result<Nullable, &'static str> {
        let Some(NodeKind::Struct(group)) = self.nodes.get(&group_id).map(|n| &n.kind) else {
            return Err("must be a group");
        };
        let [flag, value] = &group.fields[..] else {
            return Err("must have exactly two members, `isNull` and `value`");
        };
        if flag.name != "isNull" || value.name != "value" {
            return Err("must have exactly two members, `isNull` and `value`");
        }
        if group.discriminant_count > 0 {
            return Err("must not be a union");
        }
        let flag_is_bool = match &flag.kind {
            FieldKind::Slot { ty: Type::Bool, .. } => true,
            FieldKind::Slot {
                ty:
                    Type::Int8
                    | Type::Int16
                    | Type::Int32
                    | Type::Int64
                    | Type::UInt8
                    | Type::UInt16
                    | Type::UInt32
                    | Type::UInt64,
                ..
            } => false,
            _ => return Err("needs an `isNull` of type Bool or an integer type"),
        };
        match &value.kind {
            FieldKind::Group { .. } => {}
            FieldKind::Slot { ty, .. }
                if !matches!(
                    ty,
                    Type::Void
                        | Type::Text
                        | Type::Data
                        | Type::List(_)
                        | Type::Struct { .. }
                        | Type::AnyPointer(_)
                        | Type::Interface { .. }
                ) => {}
            _ => {
                return Err(
                    "needs a `value` that is a group or a non-pointer, non-Void field (pointers are already optional)",
                )
            }
        }
        Ok(Nullable { flag_is_bool, value: value.clone() })
    }
}

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
