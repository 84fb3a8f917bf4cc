//! The RPC items of an interface, inside its module and the facade's `if_rpc!` (kept only with
//! capnzero's `rpc` feature): `Client` (a typed capability: a `…_request()` per method giving a
//! `TypedRequest` of its parameter and result structs), the `Server` trait (an async method per
//! schema method, answering `Unimplemented` unless implemented; the superclasses' traits as
//! supertraits), `dispatch` (a call routed to its method, the superclasses' included),
//! `new_client`/`from_arc` (a server as a client), and for results structs written in the
//! method a `…Pipeline` with the capabilities of the results, typed, before they arrive.
//!
//! Generic interfaces and methods, and methods whose parameter or result struct is generic,
//! get no RPC items yet (the untyped `capnzero::rpc::Client` calls them).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{FieldKind, InterfaceNode, Node, NodeKind, Type};
use crate::runtime_path::rpc_items;

use super::emit::{doc, Emitter};
use super::ir;
use super::names::{ident, plain, snake_case};

/// One method, as the RPC items name it.
struct RpcMethod {
    name: proc_macro2::Ident,
    request: proc_macro2::Ident,
    ordinal: Literal,
    params: TokenStream,
    results: TokenStream,
    doc: TokenStream,
}

impl Emitter<'_, '_> {
    /// The RPC items of interface `node` (empty when it is generic).
    pub(super) fn interface_rpc(
        &mut self,
        node: &Node,
        interface: &InterfaceNode,
        i: &ir::Interface<'_>,
    ) -> TokenStream {
        let generic = |id: u64| self.plan.nodes.get(&id).is_none_or(|n| n.is_generic);
        if node.is_generic
            || interface.methods.iter().any(|m| {
                !m.implicit_parameters.is_empty() || generic(m.param_struct_type) || generic(m.result_struct_type)
            })
        {
            return TokenStream::new();
        }
        let depth = self.plan.locs[&node.id].inner_modules().len();
        let id = Literal::u64_suffixed(node.id);
        let methods: Vec<RpcMethod> = interface
            .methods
            .iter()
            .zip(&i.methods)
            .map(|(method, m)| {
                let name = snake_case(&m.variant);
                RpcMethod {
                    name: ident(&name),
                    request: format_ident!("{}_request", name),
                    ordinal: Literal::u16_unsuffixed(m.ordinal),
                    params: self.path(depth, method.param_struct_type, ""),
                    results: self.path(depth, method.result_struct_type, ""),
                    doc: doc(m.doc.unwrap_or(&format!("`{}`.", m.schema_name))),
                }
            })
            .collect();
        let supers: Vec<TokenStream> = i
            .superclasses
            .iter()
            .filter(|s| self.plan.locs.contains_key(s))
            .map(|&s| self.module_path(depth, s))
            .collect();
        let client = self.rpc_client(node, &methods, &supers, &id);
        let server = self.rpc_server(node, &methods, &supers, &id);
        let pipelines = self.rpc_pipelines(depth, interface, i);
        rpc_items(quote! {
            #client
            #server
            #pipelines
        })
    }

    /// The path to interface `id`'s module from code `depth` modules deep.
    fn module_path(&self, depth: usize, id: u64) -> TokenStream {
        let supers = (0..depth).map(|_| quote!(super::));
        let modules = self.plan.locs[&id].inner_modules();
        let modules = modules.iter().map(|m| ident(m));
        quote!(#(#supers)* #(#modules)::*)
    }

    fn rpc_client(&self, node: &Node, methods: &[RpcMethod], supers: &[TokenStream], id: &Literal) -> TokenStream {
        let rt = super::emit::rt();
        let requests = methods.iter().map(|m| {
            let RpcMethod { request, ordinal, params, results, doc, .. } = m;
            quote! {
                #doc
                pub fn #request(&self) -> #rt::rpc::TypedRequest<#params, #results> {
                    #rt::rpc::TypedRequest::new(&self.client, #id, #ordinal)
                }
            }
        });
        let client_doc = doc(&format!(
            "A capability of `{}`: its methods' requests, typed (`…_request()`, then `params()`, `send()`).",
            node.display_name
        ));
        quote! {
            #client_doc
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            pub struct Client {
                /// The untyped capability.
                pub client: #rt::rpc::Client,
            }

            impl Client {
                #(#requests)*
            }

            impl ::core::convert::From<#rt::rpc::Client> for Client {
                fn from(client: #rt::rpc::Client) -> Client {
                    Client { client }
                }
            }

            impl ::core::convert::From<Client> for #rt::rpc::Client {
                fn from(client: Client) -> #rt::rpc::Client {
                    client.client
                }
            }

            #(
                impl ::core::convert::From<Client> for #supers::Client {
                    fn from(client: Client) -> #supers::Client {
                        #supers::Client { client: client.client }
                    }
                }
            )*
        }
    }

    fn rpc_server(&self, node: &Node, methods: &[RpcMethod], supers: &[TokenStream], id: &Literal) -> TokenStream {
        let rt = super::emit::rt();
        let trait_methods = methods.iter().map(|m| {
            let RpcMethod { name, ordinal, params, results, doc, .. } = m;
            quote! {
                #doc
                fn #name(
                    self: #rt::Arc<Self>,
                    params: #rt::rpc::TypedParams<#params>,
                    results: #rt::rpc::TypedResults<#results>,
                ) -> impl ::core::future::Future<Output = #rt::rpc::Result<#rt::rpc::TypedResults<#results>>>
                       + ::core::marker::Send {
                    let _ = (params, results);
                    ::core::future::ready(::core::result::Result::Err(#rt::rpc::Error::unimplemented_method(#id, #ordinal)))
                }
            }
        });
        let arms = methods.iter().map(|m| {
            let RpcMethod { name, ordinal, .. } = m;
            quote! {
                #ordinal => #rt::Box::pin(async move {
                    let results = #rt::rpc::TypedResults::new(results)?;
                    let results = <S as Server>::#name(server, #rt::rpc::TypedParams::new(params), results).await?;
                    ::core::result::Result::Ok(results.into_untyped())
                }),
            }
        });
        let server_doc = doc(&format!(
            "An object serving `{}`: implement the methods it serves (`async fn`); the others answer \
             `Unimplemented`. `new_client` makes it a capability.",
            node.display_name
        ));
        quote! {
            #server_doc
            pub trait Server: ::core::marker::Send + ::core::marker::Sync + 'static #(+ #supers::Server)* {
                #(#trait_methods)*
            }

            /// Routes a call of this interface, or of one it extends, to its method of `server`;
            /// gives the parameters and results back when the call is for another interface.
            #[allow(clippy::type_complexity)]
            pub fn dispatch<S: Server>(
                server: &#rt::Arc<S>,
                interface_id: u64,
                method_id: u16,
                params: #rt::rpc::Params,
                results: #rt::rpc::Results,
            ) -> ::core::result::Result<
                #rt::rpc::BoxFuture<#rt::rpc::Result<#rt::rpc::Results>>,
                (#rt::rpc::Params, #rt::rpc::Results),
            > {
                if interface_id == #id {
                    let server = server.clone();
                    return ::core::result::Result::Ok(match method_id {
                        #(#arms)*
                        _ => #rt::Box::pin(::core::future::ready(::core::result::Result::Err(
                            #rt::rpc::Error::unimplemented_method(interface_id, method_id),
                        ))),
                    });
                }
                #(
                    let (params, results) = match #supers::dispatch(server, interface_id, method_id, params, results) {
                        ::core::result::Result::Ok(call) => return ::core::result::Result::Ok(call),
                        ::core::result::Result::Err(back) => back,
                    };
                )*
                ::core::result::Result::Err((params, results))
            }

            /// `server` as a capability.
            pub fn new_client<S: Server>(server: S) -> Client {
                from_arc(#rt::Arc::new(server))
            }

            /// The shared `server` as a capability.
            pub fn from_arc<S: Server>(server: #rt::Arc<S>) -> Client {
                Client { client: #rt::rpc::Client::new(Dispatch(server)) }
            }

            /// A [`Server`] as an untyped `capnzero::rpc::Server`.
            pub struct Dispatch<S>(pub #rt::Arc<S>);

            impl<S: Server> #rt::rpc::Server for Dispatch<S> {
                fn call(
                    self: #rt::Arc<Self>,
                    interface_id: u64,
                    method_id: u16,
                    params: #rt::rpc::Params,
                    results: #rt::rpc::Results,
                ) -> #rt::rpc::BoxFuture<#rt::rpc::Result<#rt::rpc::Results>> {
                    match dispatch(&self.0, interface_id, method_id, params, results) {
                        ::core::result::Result::Ok(call) => call,
                        ::core::result::Result::Err(_) => #rt::Box::pin(::core::future::ready(::core::result::Result::Err(
                            #rt::rpc::Error::unimplemented_method(interface_id, method_id),
                        ))),
                    }
                }
            }
        }
    }

    /// For each results struct written in a method (placed in this module): its `…Pipeline`,
    /// with a function per capability field giving the capability before the results arrive.
    fn rpc_pipelines(&self, depth: usize, interface: &InterfaceNode, i: &ir::Interface<'_>) -> TokenStream {
        let rt = super::emit::rt();
        let mut out = TokenStream::new();
        for method in &interface.methods {
            let id = method.result_struct_type;
            let Some(NodeKind::Struct(st)) = self.plan.nodes.get(&id).map(|n| &n.kind) else { continue };
            if !i.inner.contains(&id) {
                continue;
            }
            let results = self.path(depth, id, "");
            let pipeline = plain(&format!("{}Pipeline", self.plan.locs[&id].name));
            let fields = st.fields.iter().filter_map(|field| {
                let FieldKind::Slot { offset, ty: Type::Interface { type_id, .. }, .. } = &field.kind else {
                    return None;
                };
                if field.discriminant_value != crate::model::Field::NO_DISCRIMINANT {
                    return None;
                }
                let name = ident(&snake_case(&field.name));
                let index = Literal::u16_unsuffixed(*offset as u16);
                let typed =
                    self.plan.locs.contains_key(type_id) && self.plan.nodes.get(type_id).is_some_and(|n| !n.is_generic);
                let field_doc = doc(&format!("The capability `{}` of the results, pipelined.", field.name));
                Some(if typed {
                    let module = self.module_path(depth, *type_id);
                    quote! {
                        #field_doc
                        pub fn #name(&self) -> #module::Client {
                            #module::Client { client: self.base.pipeline_field(#index) }
                        }
                    }
                } else {
                    quote! {
                        #field_doc
                        pub fn #name(&self) -> #rt::rpc::Client {
                            self.base.pipeline_field(#index)
                        }
                    }
                })
            });
            let pipeline_doc =
                doc("The capabilities of the results, usable before they arrive (`promise.pipelined()`).");
            out.extend(quote! {
                #pipeline_doc
                pub struct #pipeline {
                    base: #rt::rpc::Client,
                }

                impl #pipeline {
                    #(#fields)*
                }

                impl #rt::rpc::Pipelined for #results {
                    type Pipeline = #pipeline;

                    fn pipeline(base: #rt::rpc::Client) -> #pipeline {
                        #pipeline { base }
                    }
                }
            });
        }
        out
    }
}
