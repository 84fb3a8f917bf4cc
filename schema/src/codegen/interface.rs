//! Interfaces: a marker type with the interface's ID, the structs of parameter and result lists
//! written in the methods (`evaluate @0 (expression :Expression) -> (value :Float64)` gives
//! `calculator::EvaluateParams` and `calculator::EvaluateResults`, ordinary generated structs),
//! a `Method` enum of the methods by ordinal, the types nested in the interface, and its RPC
//! items (`rpc.rs`: `Client`, `Server`, `dispatch`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::{InterfaceNode, Node};

use super::emit::{doc, Emitter};
use super::ir;
use super::names::{ident, plain, snake_case};

impl Emitter<'_, '_> {
    /// The items of an interface.
    pub(super) fn interface(&mut self, node: &Node, interface: &InterfaceNode) -> TokenStream {
        let (i, errors) = ir::interface(self.plan, node, interface);
        self.errors.extend(errors);
        let name = plain(&i.name);
        let module = ident(&snake_case(&i.name));
        let docs = doc(i.doc.unwrap_or(&format!("The interface `{}`.", node.display_name)));
        let id = Literal::u64_suffixed(node.id);
        let superclasses = i.superclasses.iter().map(|&s| Literal::u64_suffixed(s));
        let variants: Vec<_> = i
            .methods
            .iter()
            .map(|m| {
                let method_doc = doc(m.doc.unwrap_or(&format!("`{}`.", m.schema_name)));
                let types_doc = doc(&format!("\nParameters: `{}`; results: `{}`.", m.params, m.results));
                (plain(&m.variant), Literal::u16_unsuffixed(m.ordinal), m.schema_name, method_doc, types_doc)
            })
            .collect();
        let decls = variants.iter().map(|(v, _, _, d, t)| quote!(#d #t #v,));
        let all = variants.iter().map(|(v, _, _, _, _)| quote!(Method::#v));
        let from = variants.iter().map(|(v, n, _, _, _)| quote!(#n => ::core::option::Option::Some(Method::#v),));
        let to = variants.iter().map(|(v, n, _, _, _)| quote!(Method::#v => #n,));
        let names = variants.iter().map(|(v, _, schema_name, _, _)| quote!(Method::#v => #schema_name,));

        let rpc = self.interface_rpc(node, interface, &i);
        let mut inner_items = TokenStream::new();
        for &id in &i.inner {
            inner_items.extend(self.node(id));
        }
        let module_doc = doc(&format!("Types nested in the interface `{}`, and its methods.", node.display_name));
        let interface_name = &node.display_name;
        quote! {
            #docs
            #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::default::Default,
                ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
            pub struct #name;

            impl #name {
                /// The interface's ID.
                pub const TYPE_ID: u64 = #id;
                /// The IDs of the interfaces it extends.
                pub const SUPERCLASS_IDS: &'static [u64] = &[#(#superclasses),*];
            }

            #module_doc
            pub mod #module {
                #[doc = concat!(" The methods of `", #interface_name, "`, by ordinal.")]
                #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::cmp::PartialEq,
                    ::core::cmp::Eq, ::core::hash::Hash)]
                pub enum Method {
                    #(#decls)*
                }

                impl Method {
                    /// Every method, in ordinal order.
                    pub const ALL: &'static [Method] = &[#(#all),*];

                    /// The method of ordinal `ordinal`, if the schema declares one.
                    pub fn from_ordinal(ordinal: u16) -> ::core::option::Option<Method> {
                        match ordinal {
                            #(#from)*
                            _ => ::core::option::Option::None,
                        }
                    }

                    /// The method's ordinal (its `@N`).
                    pub fn ordinal(self) -> u16 {
                        match self {
                            #(#to)*
                        }
                    }

                    /// The method's name in the schema.
                    pub fn name(self) -> &'static str {
                        match self {
                            #(#names)*
                        }
                    }
                }

                #inner_items

                #rpc
            }
        }
    }
}
