//! Constants: `const maxSize :UInt32 = 100;` becomes `pub const MAX_SIZE: u32 = 100;`. Text and
//! Data are `&'static str` / `&'static [u8]`; struct, list and AnyPointer constants keep their
//! canonical words in a byte string and are read in place through the runtime's
//! `StructConst`/`ListConst`/`PointerConst`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::model::{Node, Type, Value};

use super::emit::{doc, literal, rt, Emitter};
use super::ir::{self, ConstValue, Kind};
use super::names::plain;

impl Emitter<'_, '_> {
    /// The item of a constant.
    pub(super) fn constant(&mut self, node: &Node, ty: &Type, value: &Value) -> TokenStream {
        let rt = rt();
        let c = match ir::constant(self.plan, node, ty, value, &self.in_scope) {
            Ok(c) => c,
            Err(error) => {
                self.errors.push(error);
                return TokenStream::new();
            }
        };
        let depth = c.depth;
        let name = plain(&c.name);
        let docs = doc(c.doc.unwrap_or(&format!("The constant `{}`.", node.display_name)));
        let (ty, expr) = match c.value {
            ConstValue::Void => (quote!(()), quote!(())),
            ConstValue::Bool(b) => (quote!(bool), quote!(#b)),
            ConstValue::Enum { type_id, variant, value } => {
                let e = self.path(depth, type_id, "");
                let value = match variant {
                    Some(variant) => {
                        let variant = plain(&variant);
                        quote!(#e::#variant)
                    }
                    None => quote!(#e::Unknown(#value)),
                };
                (e, value)
            }
            ConstValue::Text(text) => (quote!(&str), quote!(#text)),
            ConstValue::Data(bytes) => {
                let bytes = Literal::byte_string(bytes);
                (quote!(&[u8]), quote!(#bytes))
            }
            ConstValue::Struct { kind, words } => {
                let target = self.element(depth, &kind);
                let words = Literal::byte_string(words);
                (quote!(#rt::StructConst<#target>), quote!(#rt::StructConst::new(#words)))
            }
            ConstValue::List { element, words } => {
                let element = self.element(depth, &element);
                let words = Literal::byte_string(words);
                (quote!(#rt::ListConst<#element>), quote!(#rt::ListConst::new(#words)))
            }
            ConstValue::Pointer { words } => {
                let words = Literal::byte_string(words);
                (quote!(#rt::PointerConst), quote!(#rt::PointerConst::new(#words)))
            }
            ConstValue::Number(prim, value) => {
                let t = Kind::prim(prim);
                (quote!(#t), literal(value))
            }
        };
        quote! {
            #docs
            pub const #name: #ty = #expr;
        }
    }
}
