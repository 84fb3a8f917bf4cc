//! Virtual groups (capnpy's `$Py.group("x, y")`, capnzero's `$Rust.group`): a Void field that
//! presents other fields of its struct as a read-only group, without moving them. The field's
//! accessor returns a view (`point::PositionReader`) with the members' accessors; with a `key`
//! annotation on the same field the view compares and hashes by its key, without giving the
//! whole struct one. The Void field takes no space, and the members keep their own accessors
//! and their place in the owned type.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::Node;

use super::emit::{doc, rt, Emitter, FieldsOut};
use super::generics::Generics;
use super::ir::{Member, View};
use super::names::{ident, plain, snake_case};

impl Emitter<'_, '_> {
    /// The parent reader's accessor of the virtual group `m` of `node` (a view `view` of other
    /// members) and the view type (for the struct's inner module).
    pub(super) fn virtual_group(
        &mut self,
        node: &Node,
        m: &Member<'_>,
        view: &View<'_>,
        depth: usize,
    ) -> (TokenStream, TokenStream) {
        let rt = rt();
        let module = ident(&snake_case(&self.plan.locs[&node.id].name));
        let view_name = plain(&view.name);
        let name = m.name();
        let mut members = FieldsOut::default();
        let no_disc = Literal::usize_unsuffixed(0);
        for member in &view.members {
            self.member(node, member, depth + 1, &no_disc, &mut members);
        }
        let methods = members.reader_methods;
        let view_path = quote!(#view_name);
        let mut comparisons = self.reader_comparisons(&view_path, &Generics::new(self, &[]));
        if let Some(key) = &view.key {
            let key: Vec<&Member<'_>> =
                key.iter().filter_map(|&index| view.members.iter().find(|m| m.index == index)).collect();
            comparisons.extend(self.reader_key_items(&key, depth + 1, &view_path));
        }
        let names: Vec<&str> = view.members.iter().map(|m| m.field.name.as_str()).collect();
        let field = m.field;
        let view_doc = doc(&format!(
            "The virtual group `{}` of `{}`: a read-only view of its fields {}.",
            field.name,
            node.display_name,
            names.join(", ")
        ));
        let accessor = quote! {
            /// A read-only view of the fields this virtual group lists.
            pub fn #name(self) -> #module::#view_name<'a> {
                #module::#view_name::from_untyped(self.reader)
            }
        };
        let items = quote! {
            #view_doc
            #[derive(::core::clone::Clone, ::core::marker::Copy)]
            pub struct #view_name<'a> {
                reader: #rt::StructReader<'a>,
            }

            impl<'a> #view_name<'a> {
                /// Views an untyped struct (the one holding the group's fields).
                pub fn from_untyped(reader: #rt::StructReader<'a>) -> #view_name<'a> {
                    #view_name { reader }
                }

                /// The untyped struct.
                pub fn untyped(self) -> #rt::StructReader<'a> {
                    self.reader
                }

                #methods
            }

            #comparisons
        };
        (accessor, items)
    }
}
