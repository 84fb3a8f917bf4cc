//! Constants: `const maxSize :UInt32 = 100;` becomes `pub const MAX_SIZE: u32 = 100;`. Text and
//! Data are `&'static str` / `&'static [u8]`; struct, list and AnyPointer constants keep their
//! canonical words in a byte string and are read in place through the runtime's
//! `StructConst`/`ListConst`/`PointerConst`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::{Node, Type, Value};

use super::emit::{literal, rt, Emitter};
use super::names::plain;
use super::plan::{At, GenerateError};

impl Emitter<'_, '_> {
    /// The item of a constant.
    pub(super) fn constant(&mut self, node: &Node, ty: &Type, value: &Value) -> TokenStream {
        let rt = rt();
        let loc = &self.plan.locs[&node.id];
        let depth = loc.modules.len();
        let name = plain(&loc.name);
        let docs = self.node_doc(node.id, &format!("The constant `{}`.", node.display_name));
        let words = |value: &Option<Vec<u8>>| Literal::byte_string(value.as_deref().unwrap_or(&[]));
        let (ty, expr) = match (ty, value) {
            (Type::Void, _) => (quote!(()), quote!(())),
            (Type::Bool, Value::Bool(b)) => (quote!(bool), quote!(#b)),
            (Type::Enum { type_id, .. }, Value::Enum(n)) => {
                let e = self.path(depth, *type_id, "");
                (e.clone(), self.enumerant(depth, *type_id, *n))
            }
            (Type::Text, Value::Text(text)) => {
                let text = text.as_deref().unwrap_or("");
                (quote!(&str), quote!(#text))
            }
            (Type::Data, Value::Data(bytes)) => {
                let bytes = Literal::byte_string(bytes.as_deref().unwrap_or(&[]));
                (quote!(&[u8]), quote!(#bytes))
            }
            (Type::Struct { type_id, brand }, Value::Struct(value)) => {
                let target = self.type_at(depth, *type_id, "", Some(brand), None);
                let words = words(value);
                (quote!(#rt::StructConst<#target>), quote!(#rt::StructConst::new(#words)))
            }
            (Type::List(inner), Value::List(value)) => {
                let element = self.element(depth, inner);
                let words = words(value);
                (quote!(#rt::ListConst<#element>), quote!(#rt::ListConst::new(#words)))
            }
            (Type::AnyPointer(_), Value::AnyPointer(value)) => {
                let words = words(value);
                (quote!(#rt::PointerConst), quote!(#rt::PointerConst::new(#words)))
            }
            (ty, value) => match self.slot_type(ty) {
                Some(t) => {
                    let v = literal(value);
                    (t, v)
                }
                None => {
                    self.errors.push(GenerateError::new(
                        At::Node(node.id),
                        format!("{}: capnzero does not generate constants of this type yet", node.display_name),
                    ));
                    return TokenStream::new();
                }
            },
        };
        quote! {
            #docs
            pub const #name: #ty = #expr;
        }
    }
}
