//! The accessors of one struct member, and what it adds to the owned type: its field, default,
//! `to_owned` and write. One function per kind of storage (group, Void, data, pointer).

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::model::{Node, Value};

use super::emit::{doc, literal, rt, Emitter, FieldsOut};
use super::ir::{Kind, Member, NullableShape, Storage, View};
use super::plan::OwnedForm;

/// The reader's value of a pointer member and how it is written.
struct PointerAccess {
    /// The reader's value type.
    reader_ty: TokenStream,
    /// The read, an `Option` of the reader's value.
    read: TokenStream,
    /// The generated owned type's value type (inside the `Option`).
    owned_ty: TokenStream,
    /// What makes the owned value of the read (`.map(…)`).
    to_owned: TokenStream,
    /// The schema default, as the reader's value.
    default: TokenStream,
    /// The builder's `set_…` (and `init_…`) methods.
    setters: TokenStream,
}

impl Emitter<'_, '_> {
    /// The accessors of member `m` of `node`, emitted from code `depth` modules deep; `disc` is
    /// the offset of the union's discriminant.
    pub(super) fn member(&mut self, node: &Node, m: &Member<'_>, depth: usize, disc: &Literal, out: &mut FieldsOut) {
        let field_doc = m.doc.map(doc).unwrap_or_else(|| doc(&format!("The field `{}`.", m.field.name)));
        match &m.storage {
            Storage::Group { type_id, nullable, .. } => {
                self.group_member(m, *type_id, nullable.as_ref(), depth, disc, &field_doc, out);
                return;
            }
            Storage::Void { view } => self.void_member(node, m, view.as_ref(), depth, disc, &field_doc, out),
            Storage::Data { offset, kind, default } => {
                self.data_member(m, *offset, kind, default, depth, disc, &field_doc, out)
            }
            Storage::Pointer { offset, kind, default, boxed } => {
                let access = self.pointer_access(m, *offset, kind, default, *boxed, depth, disc, &field_doc);
                self.pointer_member(m, *offset, kind, access, &field_doc, out);
            }
        }
        if let Some(value) = m.discriminant {
            let is_name = m.accessor("is");
            let value = Literal::u16_suffixed(value);
            out.reader_methods.extend(quote! {
                /// Whether this member of the union is set.
                pub fn #is_name(self) -> bool {
                    self.raw_discriminant() == #value
                }
            });
        }
    }

    /// The statement making `m` the union's member (nothing outside a union).
    fn set_discriminant(m: &Member<'_>, disc: &Literal) -> TokenStream {
        match m.discriminant {
            Some(value) => {
                let value = Literal::u16_suffixed(value);
                quote!(self.builder.set::<u16>(#disc, #value);)
            }
            None => TokenStream::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn group_member(
        &mut self,
        m: &Member<'_>,
        type_id: u64,
        nullable: Option<&NullableShape>,
        depth: usize,
        disc: &Literal,
        field_doc: &TokenStream,
        out: &mut FieldsOut,
    ) {
        let name = m.name();
        let group_reader = self.path(depth, type_id, "Reader");
        let group_builder = self.path(depth, type_id, "Builder");
        let group_reader_ty = self.type_at(depth, type_id, "Reader", None, Some(quote!('a)));
        let group_builder_ty = self.type_at(depth, type_id, "Builder", None, Some(quote!('_)));
        out.clear.extend(quote!(<#group_builder_ty>::from_untyped(self.builder.reborrow()).clear_fields();));
        if let Some(value) = m.discriminant {
            let disc_value = Literal::u16_suffixed(value);
            let (is_name, init) = (m.accessor("is"), m.accessor("init"));
            let set_disc = Self::set_discriminant(m, disc);
            out.reader_methods.extend(quote! {
                #field_doc
                /// `None` when another member of the union is set.
                pub fn #name(self) -> ::core::option::Option<#group_reader_ty> {
                    if self.raw_discriminant() == #disc_value {
                        ::core::option::Option::Some(#group_reader::from_untyped(self.reader))
                    } else {
                        ::core::option::Option::None
                    }
                }

                /// Whether this member of the union is set.
                pub fn #is_name(self) -> bool {
                    self.raw_discriminant() == #disc_value
                }
            });
            out.union_payloads.push((m.index, quote!(.to_owned())));
            out.builder_methods.extend(quote! {
                #field_doc
                /// Makes it the union's member and clears its fields.
                pub fn #init(&mut self) -> #group_builder_ty {
                    #set_disc
                    let mut group = #group_builder::from_untyped(self.builder.reborrow());
                    group.clear_fields();
                    group
                }
            });
        } else if let Some(shape) = nullable {
            self.nullable_group(m, type_id, shape, depth, field_doc, out);
        } else {
            let group_owned = self.type_at(depth, type_id, "", None, None);
            out.owned_fields.extend(quote!(#field_doc pub #name: #group_owned,));
            out.owned_defaults.extend(quote!(#name: ::core::default::Default::default(),));
            out.to_owned.extend(quote!(#name: self.#name().to_owned(),));
            out.write.extend(Self::write_group(m.is_user_group(), quote!(&self.#name), quote!(builder.#name())));
            out.reader_methods.extend(quote! {
                #field_doc
                pub fn #name(self) -> #group_reader_ty {
                    #group_reader::from_untyped(self.reader)
                }
            });
            out.builder_methods.extend(quote! {
                #field_doc
                pub fn #name(&mut self) -> #group_builder_ty {
                    #group_builder::from_untyped(self.builder.reborrow())
                }
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn void_member(
        &mut self,
        node: &Node,
        m: &Member<'_>,
        view: Option<&View<'_>>,
        depth: usize,
        disc: &Literal,
        field_doc: &TokenStream,
        out: &mut FieldsOut,
    ) {
        let name = m.name();
        if m.discriminant.is_some() {
            let set = m.accessor("set");
            let set_disc = Self::set_discriminant(m, disc);
            out.union_payloads.push((m.index, TokenStream::new()));
            out.builder_methods.extend(quote! {
                #field_doc
                /// Makes it the union's member.
                pub fn #set(&mut self) {
                    #set_disc
                }
            });
        } else if m.user_form.is_some() {
            out.to_owned.extend(quote!(#name: (),));
        } else if let Some(view) = view {
            let (accessor, view) = self.virtual_group(node, m, view, depth);
            out.reader_methods.extend(quote!(#field_doc #accessor));
            out.inner.extend(view);
        }
    }

    /// A bool, number or enum member: the value type, its read and write, its clearing and its
    /// default as an expression.
    fn data_access(
        &self,
        offset: usize,
        kind: &Kind,
        default: &Value,
        depth: usize,
    ) -> (TokenStream, TokenStream, TokenStream, TokenStream, TokenStream) {
        let off = Literal::usize_unsuffixed(offset);
        match kind {
            Kind::Bool => {
                let d = matches!(default, Value::Bool(true));
                (
                    quote!(bool),
                    quote!(self.reader.get_bool_or(#off, #d)),
                    quote!(self.builder.set_bool_or(#off, value, #d)),
                    quote!(self.builder.set_bool(#off, false);),
                    quote!(#d),
                )
            }
            Kind::Enum(id) => {
                let e = self.path(depth, *id, "");
                let d = match default {
                    Value::Enum(n) => Literal::u16_suffixed(*n),
                    _ => Literal::u16_suffixed(0),
                };
                (
                    e.clone(),
                    quote!(#e::from_u16(self.reader.get_or::<u16>(#off, #d))),
                    quote!(self.builder.set_or::<u16>(#off, value.to_u16(), #d)),
                    quote!(self.builder.set::<u16>(#off, 0);),
                    quote!(#e::from_u16(#d)),
                )
            }
            Kind::Prim(name) => {
                let t = Kind::prim(name);
                let d = literal(default);
                (
                    quote!(#t),
                    quote!(self.reader.get_or::<#t>(#off, #d)),
                    quote!(self.builder.set_or::<#t>(#off, value, #d)),
                    quote!(self.builder.set::<#t>(#off, ::core::default::Default::default());),
                    d,
                )
            }
            _ => unreachable!("data members are bools, numbers and enums"),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn data_member(
        &self,
        m: &Member<'_>,
        offset: usize,
        kind: &Kind,
        default: &Value,
        depth: usize,
        disc: &Literal,
        field_doc: &TokenStream,
        out: &mut FieldsOut,
    ) {
        let (name, set) = (m.name(), m.accessor("set"));
        let (value_ty, read, write, clear, default_expr) = self.data_access(offset, kind, default, depth);
        let set_disc = Self::set_discriminant(m, disc);
        out.clear.extend(clear);
        out.builder_methods.extend(quote! {
            #field_doc
            pub fn #set(&mut self, value: #value_ty) {
                #set_disc
                #write
            }
        });
        if let Some(value) = m.discriminant {
            let disc_value = Literal::u16_suffixed(value);
            out.union_payloads.push((m.index, TokenStream::new()));
            out.reader_methods.extend(quote! {
                #field_doc
                /// `None` when another member of the union is set.
                pub fn #name(self) -> ::core::option::Option<#value_ty> {
                    if self.raw_discriminant() == #disc_value { ::core::option::Option::Some(#read) } else { ::core::option::Option::None }
                }
            });
        } else {
            out.owned_fields.extend(quote!(#field_doc pub #name: #value_ty,));
            out.owned_defaults.extend(quote!(#name: #default_expr,));
            out.to_owned.extend(quote!(#name: self.#name(),));
            out.write.extend(quote!(builder.#set(self.#name);));
            out.reader_methods.extend(quote! {
                #field_doc
                pub fn #name(self) -> #value_ty {
                    #read
                }
            });
        }
    }

    /// How a pointer member of kind `kind` is read, owned and written.
    #[allow(clippy::too_many_arguments)]
    fn pointer_access(
        &self,
        m: &Member<'_>,
        offset: u16,
        kind: &Kind,
        default: &Value,
        boxed: bool,
        depth: usize,
        disc: &Literal,
        field_doc: &TokenStream,
    ) -> PointerAccess {
        let rt = rt();
        let ptr = Literal::u16_suffixed(offset);
        let pointer = quote!(self.reader.pointer(#ptr));
        let set_disc = Self::set_discriminant(m, disc);
        let set = m.accessor("set");
        match kind {
            Kind::Text => PointerAccess {
                reader_ty: quote!(&'a str),
                read: quote!(#rt::text(#pointer)),
                owned_ty: quote!(#rt::String),
                to_owned: quote!(.map(#rt::String::from)),
                default: match default {
                    Value::Text(Some(text)) => quote!(#text),
                    _ => quote!(""),
                },
                setters: quote! {
                    pub fn #set(&mut self, value: &str) -> #rt::Result<()> {
                        #set_disc
                        #rt::pointer_of(&mut self.builder, #ptr)?.set_text(value)
                    }
                },
            },
            Kind::Data => PointerAccess {
                reader_ty: quote!(&'a [u8]),
                read: quote!(#rt::data(#pointer)),
                owned_ty: quote!(#rt::Vec<u8>),
                to_owned: quote!(.map(<[u8]>::to_vec)),
                default: match default {
                    Value::Data(Some(bytes)) => {
                        let bytes = Literal::byte_string(bytes);
                        quote!(#bytes)
                    }
                    _ => quote!(&[]),
                },
                setters: quote! {
                    pub fn #set(&mut self, value: &[u8]) -> #rt::Result<()> {
                        #set_disc
                        #rt::pointer_of(&mut self.builder, #ptr)?.set_data(value)
                    }
                },
            },
            Kind::List(inner) => self.list_access(m, inner, &ptr, default, depth, disc, field_doc),
            Kind::Struct(id, args) => self.struct_access(m, *id, args, &ptr, default, boxed, depth, disc, field_doc),
            Kind::Param(param) => {
                let t = self.in_scope_param(*param);
                let init_any = Self::init_any(m, &ptr, disc, field_doc);
                PointerAccess {
                    reader_ty: quote!(<#t as #rt::ListElement>::Reader<'a>),
                    read: quote!(<#t as #rt::Pointee>::read_pointer(#pointer)),
                    owned_ty: quote!(<#t as #rt::ListElement>::Owned),
                    to_owned: quote!(.map(<#t as #rt::ListElement>::to_owned)),
                    default: quote!(<#t as #rt::Pointee>::default_reader()),
                    setters: quote! {
                        pub fn #set(&mut self, value: &<#t as #rt::ListElement>::Owned) -> #rt::Result<()> {
                            #set_disc
                            <#t as #rt::Pointee>::write_pointer(#rt::pointer_of(&mut self.builder, #ptr)?, value)
                        }

                        #init_any
                    },
                }
            }
            Kind::Any => {
                let init_any = Self::init_any(m, &ptr, disc, field_doc);
                PointerAccess {
                    reader_ty: quote!(#rt::AnyPointer<'a>),
                    read: quote!(#rt::any_pointer(#pointer)),
                    owned_ty: quote!(#rt::AnyValue),
                    to_owned: quote!(.and_then(|value| value.to_owned())),
                    default: quote!(#rt::AnyPointer::new(#rt::PointerReader::null())),
                    setters: quote! {
                        pub fn #set(&mut self, value: &#rt::AnyValue) -> #rt::Result<()> {
                            #set_disc
                            value.write_to(#rt::pointer_of(&mut self.builder, #ptr)?)
                        }

                        #init_any
                    },
                }
            }
            Kind::Void | Kind::Bool | Kind::Prim(_) | Kind::Enum(_) => unreachable!("pointer members are pointers"),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn list_access(
        &self,
        m: &Member<'_>,
        inner: &Kind,
        ptr: &Literal,
        default: &Value,
        depth: usize,
        disc: &Literal,
        field_doc: &TokenStream,
    ) -> PointerAccess {
        let rt = rt();
        let pointer = quote!(self.reader.pointer(#ptr));
        let set_disc = Self::set_discriminant(m, disc);
        let (set, init) = (m.accessor("set"), m.accessor("init"));
        let element = self.element(depth, inner);
        let owned_element = self.owned_element(depth, inner);
        PointerAccess {
            reader_ty: quote!(#rt::List<'a, #element>),
            read: quote!(#rt::List::<#element>::from_pointer(#pointer)),
            owned_ty: quote!(#rt::Vec<#owned_element>),
            to_owned: quote!(.map(|list| list.to_vec())),
            default: match default {
                Value::List(Some(words)) => {
                    let bytes = Literal::byte_string(words);
                    quote!(#rt::default_list::<#element>(#bytes))
                }
                _ => quote!(#rt::List::default()),
            },
            setters: quote! {
                pub fn #set(&mut self, value: &[#owned_element]) -> #rt::Result<()> {
                    #set_disc
                    #rt::write_list::<#element>(#rt::pointer_of(&mut self.builder, #ptr)?, value)
                }

                #field_doc
                /// Points it at a new list of `len` zero elements, to fill in place.
                pub fn #init(&mut self, len: u32) -> #rt::Result<#rt::ListBuilderOf<'_, #element>> {
                    #set_disc
                    #rt::ListBuilderOf::init(#rt::pointer_of(&mut self.builder, #ptr)?, len)
                }
            },
        }
    }

    /// `init_…` of AnyPointer and parameter members: the cleared pointer.
    fn init_any(m: &Member<'_>, ptr: &Literal, disc: &Literal, field_doc: &TokenStream) -> TokenStream {
        let rt = rt();
        let init = m.accessor("init");
        let set_disc = Self::set_discriminant(m, disc);
        quote! {
            #field_doc
            /// Clears the pointer and returns it, to point at anything.
            pub fn #init(&mut self) -> #rt::Result<#rt::PointerBuilder<'_>> {
                #set_disc
                #rt::cleared_pointer_of(&mut self.builder, #ptr)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn struct_access(
        &self,
        m: &Member<'_>,
        id: u64,
        args: &[Kind],
        ptr: &Literal,
        default: &Value,
        boxed: bool,
        depth: usize,
        disc: &Literal,
        field_doc: &TokenStream,
    ) -> PointerAccess {
        let rt = rt();
        let (set, init) = (m.accessor("set"), m.accessor("init"));
        let set_disc = Self::set_discriminant(m, disc);
        let target = self.type_at(depth, id, "", Some(args), None);
        let target_reader = self.path(depth, id, "Reader");
        let target_reader_ty = self.type_at(depth, id, "Reader", Some(args), Some(quote!('a)));
        let target_builder = self.type_at(depth, id, "Builder", Some(args), Some(quote!('_)));
        let default = match default {
            Value::Struct(Some(words)) => {
                let bytes = Literal::byte_string(words);
                quote!(#rt::default_struct::<#target>(#bytes))
            }
            _ => quote!(#target_reader::default()),
        };
        let (owned_ty, to_owned) = if boxed {
            (quote!(#rt::Box<#target>), quote!(.map(|value| #rt::Box::new(value.to_owned()))))
        } else {
            (target.clone(), quote!(.map(|value| value.to_owned())))
        };
        PointerAccess {
            reader_ty: target_reader_ty,
            read: quote!(#rt::struct_at::<#target>(self.reader.pointer(#ptr))),
            owned_ty,
            to_owned,
            default,
            setters: quote! {
                pub fn #set(&mut self, value: &#target) -> #rt::Result<()> {
                    #set_disc
                    #rt::write_struct(#rt::pointer_of(&mut self.builder, #ptr)?, value)
                }

                #field_doc
                /// Points it at a new struct with every field at its default, to fill in place.
                pub fn #init(&mut self) -> #rt::Result<#target_builder> {
                    #set_disc
                    ::core::result::Result::Ok(#rt::init_struct::<#target>(#rt::pointer_of(&mut self.builder, #ptr)?))
                }
            },
        }
    }

    fn pointer_member(
        &self,
        m: &Member<'_>,
        offset: u16,
        kind: &Kind,
        access: PointerAccess,
        field_doc: &TokenStream,
        out: &mut FieldsOut,
    ) {
        let rt = rt();
        let (name, has, get, set) = (m.name(), m.accessor("has"), m.accessor("get"), m.accessor("set"));
        let ptr = Literal::u16_suffixed(offset);
        let pointer = quote!(self.reader.pointer(#ptr));
        let active = match m.discriminant {
            Some(value) => {
                let value = Literal::u16_suffixed(value);
                quote!(self.raw_discriminant() == #value)
            }
            None => quote!(true),
        };
        let PointerAccess { reader_ty, read, owned_ty, to_owned, default, setters } = access;
        out.clear.extend(quote!(#rt::clear_pointer(&mut self.builder, #ptr);));
        out.builder_methods.extend(quote!(#field_doc #setters));
        out.reader_methods.extend(quote! {
            #field_doc
            /// `None` when the pointer is null or malformed.
            pub fn #name(self) -> ::core::option::Option<#reader_ty> {
                if #active { #read } else { ::core::option::Option::None }
            }

            /// Whether the pointer is set (not null).
            pub fn #has(self) -> bool {
                #active && !#pointer.is_null()
            }

            #field_doc
            /// The schema default when the pointer is null or malformed.
            pub fn #get(self) -> #reader_ty {
                match self.#name() {
                    ::core::option::Option::Some(value) => value,
                    ::core::option::Option::None => #default,
                }
            }
        });
        if m.discriminant.is_some() {
            out.union_payloads.push((m.index, to_owned));
        } else if let Some(form) = m.user_form {
            let value = Self::user_value(kind, form, &name, &get);
            out.to_owned.extend(quote!(#name: #value,));
            out.write.extend(if form.optional {
                quote! {
                    if let ::core::option::Option::Some(value) = &self.#name {
                        builder.#set(value)?;
                    }
                }
            } else {
                quote!(builder.#set(&self.#name)?;)
            });
        } else {
            out.owned_fields.extend(quote!(#field_doc pub #name: ::core::option::Option<#owned_ty>,));
            out.owned_defaults.extend(quote!(#name: ::core::option::Option::None,));
            out.to_owned.extend(quote!(#name: self.#name()#to_owned,));
            out.write.extend(quote! {
                if let ::core::option::Option::Some(value) = &self.#name {
                    builder.#set(value)?;
                }
            });
        }
    }

    /// The user's owned value of a pointer member, read from the reader: `Option<…>` from the
    /// member's accessor `name`, a plain value from its `get`ter (the default when null).
    pub(super) fn user_value(kind: &Kind, form: OwnedForm, name: &Ident, get: &Ident) -> TokenStream {
        let rt = rt();
        let convert = match (kind, form.boxed) {
            (Kind::Text, false) => quote!(#rt::String::from(value)),
            (Kind::Text, true) => quote!(#rt::Box::<str>::from(value)),
            (Kind::Data, false) => quote!(<[u8]>::to_vec(value)),
            (Kind::Data, true) => quote!(#rt::Box::<[u8]>::from(value)),
            (Kind::Struct(..), true) => quote!(#rt::Box::new(value.to_owned())),
            (Kind::List(_), _) => quote!(value.to_vec()),
            _ => quote!(value.to_owned()),
        };
        if form.optional {
            quote!(self.#name().map(|value| #convert))
        } else {
            quote!({ let value = self.#get(); #convert })
        }
    }
}
