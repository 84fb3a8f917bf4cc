//! Interfaces. RPC is not part of capnzero yet, so an interface gives what messages need: a
//! marker type with the interface's ID, the structs of parameter and result lists written in
//! the methods (`evaluate @0 (expression :Expression) -> (value :Float64)` gives
//! `calculator::EvaluateParams` and `calculator::EvaluateResults`, ordinary generated structs),
//! a `Method` enum of the methods by ordinal, and the types nested in the interface.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::{InterfaceNode, Node};

use super::emit::{doc, Emitter};
use super::names::{ident, pascal_case, plain, snake_case, Scope};
use super::plan::{At, GenerateError};

impl Emitter<'_, '_> {
    /// The items of an interface.
    pub(super) fn interface(&mut self, node: &Node, interface: &InterfaceNode) -> TokenStream {
        let loc = self.plan.locs[&node.id].clone();
        let name = plain(&loc.name);
        let module = ident(&snake_case(&loc.name));
        let docs = self.node_doc(node.id, &format!("The interface `{}`.", node.display_name));
        let id = Literal::u64_suffixed(node.id);
        let superclasses = interface.superclasses.iter().map(|s| Literal::u64_suffixed(s.id));

        let names = self.method_variants(node, interface);
        let mut variants = Vec::new();
        for (index, method) in interface.methods.iter().enumerate() {
            let variant = names[index].clone();
            let params = self.plan.nodes.get(&method.param_struct_type).map_or("?", |n| n.display_name.as_str());
            let results = self.plan.nodes.get(&method.result_struct_type).map_or("?", |n| n.display_name.as_str());
            let method_doc = self.member_doc(node.id, index).unwrap_or_else(|| doc(&format!("`{}`.", method.name)));
            let types_doc = doc(&format!("\nParameters: `{params}`; results: `{results}`."));
            variants.push((
                plain(&variant),
                Literal::u16_unsuffixed(index as u16),
                method.name.clone(),
                method_doc,
                types_doc,
            ));
        }
        let decls = variants.iter().map(|(v, _, _, d, t)| quote!(#d #t #v,));
        let all = variants.iter().map(|(v, _, _, _, _)| quote!(Method::#v));
        let from = variants.iter().map(|(v, n, _, _, _)| quote!(#n => ::core::option::Option::Some(Method::#v),));
        let to = variants.iter().map(|(v, n, _, _, _)| quote!(Method::#v => #n,));
        let names = variants.iter().map(|(v, _, schema_name, _, _)| quote!(Method::#v => #schema_name,));

        let inner_items = self.interface_items(node, interface, &loc);
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
            }
        }
    }

    /// The `Method` variant of each method, by index: `Self` cannot be one; the `$Rust.name`s
    /// claim first, then the others in ordinal order, each taking its name or the next free
    /// `Name_`, `Name__`, …
    fn method_variants(&mut self, node: &Node, interface: &InterfaceNode) -> Vec<String> {
        let mut scope = Scope::with_reserved(["Self"]);
        let mut names = vec![String::new(); interface.methods.len()];
        for pass in [true, false] {
            for (index, method) in interface.methods.iter().enumerate() {
                // A method is renamed in snake_case, like a field; its variant is that in PascalCase.
                let renamed = self.plan.renamed(&method.annotations);
                if renamed.is_some() != pass {
                    continue;
                }
                let wanted = pascal_case(renamed.unwrap_or(&method.name));
                names[index] = match renamed {
                    Some(_) => scope.exact(&wanted, |n| vec![n.to_string()]).unwrap_or_else(|claim| {
                        self.errors.push(GenerateError::new(
                            At::Member(node.id, index),
                            format!(
                            "{}.{}: `$Rust.name` gives the variant `{claim}`, which another method has (rename one)",
                            node.display_name, method.name
                        ),
                        ));
                        wanted.clone()
                    }),
                    None => scope.claim(&wanted, |n| vec![n.to_string()]),
                };
            }
        }
        names
    }

    /// The items of the interface's module: its nested types, and the parameter and result
    /// structs its methods write in place (which have no scope of their own).
    fn interface_items(&mut self, node: &Node, interface: &InterfaceNode, loc: &super::plan::Loc) -> TokenStream {
        let mut inner_items = TokenStream::new();
        for nested in &node.nested_nodes {
            if self.plan.locs.contains_key(&nested.id) {
                inner_items.extend(self.node(nested.id));
            }
        }
        for method in &interface.methods {
            for struct_id in [method.param_struct_type, method.result_struct_type] {
                let placed_here = self.plan.locs.get(&struct_id).is_some_and(|l| l.modules == loc.inner_modules());
                let is_nested = node.nested_nodes.iter().any(|n| n.id == struct_id);
                if placed_here && !is_nested && self.plan.nodes.get(&struct_id).is_some_and(|n| n.scope_id == 0) {
                    inner_items.extend(self.node(struct_id));
                }
            }
        }
        inner_items
    }
}
