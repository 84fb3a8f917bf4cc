//! The RPC items of an interface, inside its module and the facade's `if_rpc!` (kept only with
//! capnzero's `rpc` feature): `Client` (a typed capability: a `…_request()` per method giving a
//! `TypedRequest` of its parameter and result structs), the `Server` trait (an async method per
//! schema method, answering `Unimplemented` unless implemented; the superclasses' traits as
//! supertraits), `dispatch` (a call routed to its method, the superclasses' included),
//! `new_client`/`from_arc` (a server as a client), and for results structs written in the
//! method a `…Pipeline` with the capabilities of the results, typed, before they arrive.
//!
//! A generic interface (`interface Store(T)`) gives `Client<T>`, `Server<T>`, `dispatch` and
//! `new_client` generic over its parameters (each a `capnzero::Pointee`, `kind::AnyPointer` by
//! default), its methods' structs bound to them (`TypedRequest<PutParams<T>, …>`). Not yet: an
//! interface nested in a generic scope, generic methods (`get @0 [U] …`), and generic
//! superclasses (their methods answer `Unimplemented`); the untyped `capnzero::rpc::Client`
//! calls those.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{FieldKind, InterfaceNode, Node, NodeKind, Type};
use crate::runtime_path::rpc_items;

use super::emit::{doc, Emitter};
use super::ir;
use super::names::{ident, plain, snake_case};
use super::plan::Param;

/// The ID of `/capnp/stream.capnp`'s `StreamResult`, the results of a `-> stream` method.
const STREAM_RESULT: u64 = 0x995f_9a33_77c0_b16e;

/// One method, as the RPC items name it.
struct RpcMethod {
    /// Whether it is a `-> stream` method (its results are `stream.capnp`'s `StreamResult`).
    streaming: bool,
    name: proc_macro2::Ident,
    request: proc_macro2::Ident,
    ordinal: Literal,
    params: TokenStream,
    results: TokenStream,
    doc: TokenStream,
}

/// The type parameters of a generic interface's items, as each place writes them.
struct RpcGenerics {
    /// `<T: Pointee = kind::AnyPointer, …>` on a type declaration.
    decl: TokenStream,
    /// `<T: Pointee + 'static, …>` on an `impl` or a function (empty: not generic).
    bounds: Vec<TokenStream>,
    /// `<T, …>` as arguments.
    args: TokenStream,
    /// `(T, …)`, for a `PhantomData<fn() -> …>`.
    tuple: TokenStream,
    /// The parameters' names.
    names: Vec<proc_macro2::Ident>,
}

impl RpcGenerics {
    fn new(emitter: &Emitter<'_, '_>, params: &[Param]) -> RpcGenerics {
        let rt = super::emit::rt();
        let names: Vec<_> = params.iter().map(|&p| emitter.param_ident(p)).collect();
        let decl = if names.is_empty() {
            TokenStream::new()
        } else {
            quote!(<#(#names: #rt::Pointee = #rt::kind::AnyPointer),*>)
        };
        let args = if names.is_empty() { TokenStream::new() } else { quote!(<#(#names),*>) };
        RpcGenerics {
            decl,
            bounds: names.iter().map(|n| quote!(#n: #rt::Pointee + 'static)).collect(),
            args,
            tuple: quote!((#(#names,)*)),
            names,
        }
    }
}

impl Emitter<'_, '_> {
    /// The RPC items of interface `node` (empty for what is not supported, see the module's doc).
    pub(super) fn interface_rpc(
        &mut self,
        node: &Node,
        interface: &InterfaceNode,
        i: &ir::Interface<'_>,
    ) -> TokenStream {
        let own: Vec<Param> = (0..node.parameters.len() as u16).map(|index| (node.id, index)).collect();
        let foreign = |id: u64| self.params_of(id).iter().any(|p| !own.contains(p));
        let nested_in_generic = node.is_generic && node.parameters.is_empty();
        if nested_in_generic
            || interface.methods.iter().any(|m| {
                !m.implicit_parameters.is_empty() || foreign(m.param_struct_type) || foreign(m.result_struct_type)
            })
            || interface.methods.iter().any(|m| {
                !self.plan.locs.contains_key(&m.param_struct_type)
                    || !self.plan.locs.contains_key(&m.result_struct_type)
            })
        {
            return TokenStream::new();
        }
        let outer_scope = std::mem::replace(&mut self.in_scope, own.clone());
        let items = self.interface_rpc_items(node, interface, i, &own);
        self.in_scope = outer_scope;
        items
    }

    fn interface_rpc_items(
        &mut self,
        node: &Node,
        interface: &InterfaceNode,
        i: &ir::Interface<'_>,
        own: &[Param],
    ) -> TokenStream {
        let depth = self.plan.locs[&node.id].inner_modules().len();
        let id = Literal::u64_suffixed(node.id);
        let methods: Vec<RpcMethod> = interface
            .methods
            .iter()
            .zip(&i.methods)
            .map(|(method, m)| {
                let name = snake_case(&m.variant);
                RpcMethod {
                    streaming: method.result_struct_type == STREAM_RESULT,
                    name: ident(&name),
                    request: format_ident!("{}_request", name),
                    ordinal: Literal::u16_unsuffixed(m.ordinal),
                    params: self.type_at(depth, method.param_struct_type, "", None, None),
                    results: self.type_at(depth, method.result_struct_type, "", None, None),
                    doc: doc(m.doc.unwrap_or(&format!("`{}`.", m.schema_name))),
                }
            })
            .collect();
        let non_generic =
            |id: &u64| self.plan.locs.contains_key(id) && self.plan.nodes.get(id).is_some_and(|n| !n.is_generic);
        let supers: Vec<TokenStream> =
            i.superclasses.iter().filter(|s| non_generic(s)).map(|&s| self.module_path(depth, s)).collect();
        let generics = RpcGenerics::new(self, own);
        let client = self.rpc_client(node, &methods, &supers, &id, &generics);
        let server = self.rpc_server(node, &methods, &supers, &id, &generics);
        let dispatch = self.rpc_dispatch(&methods, &supers, &id, &generics);
        let pipelines = self.rpc_pipelines(depth, interface, i);
        rpc_items(quote! {
            #client
            #server
            #dispatch
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

    fn rpc_client(
        &self,
        node: &Node,
        methods: &[RpcMethod],
        supers: &[TokenStream],
        id: &Literal,
        g: &RpcGenerics,
    ) -> TokenStream {
        let rt = super::emit::rt();
        let RpcGenerics { decl, bounds, args, tuple, .. } = g;
        let impl_generics = quote!(<#(#bounds),*>);
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
            pub struct Client #decl {
                /// The untyped capability.
                pub client: #rt::rpc::Client,
                params: #rt::PhantomData<fn() -> #tuple>,
            }

            impl<#(#bounds),*> Client #args {
                #(#requests)*
            }

            impl<#(#bounds),*> ::core::clone::Clone for Client #args {
                fn clone(&self) -> Self {
                    Client::from(self.client.clone())
                }
            }

            impl<#(#bounds),*> ::core::fmt::Debug for Client #args {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Debug::fmt(&self.client, f)
                }
            }

            impl<#(#bounds),*> ::core::convert::From<#rt::rpc::Client> for Client #args {
                fn from(client: #rt::rpc::Client) -> Self {
                    Client { client, params: #rt::PhantomData }
                }
            }

            impl<#(#bounds),*> ::core::convert::From<Client #args> for #rt::rpc::Client {
                fn from(client: Client #args) -> #rt::rpc::Client {
                    client.client
                }
            }

            #(
                impl #impl_generics ::core::convert::From<Client #args> for #supers::Client {
                    fn from(client: Client #args) -> #supers::Client {
                        #supers::Client::from(client.client)
                    }
                }
            )*
        }
    }

    fn rpc_server(
        &self,
        node: &Node,
        methods: &[RpcMethod],
        supers: &[TokenStream],
        id: &Literal,
        g: &RpcGenerics,
    ) -> TokenStream {
        let rt = super::emit::rt();
        let RpcGenerics { decl, bounds, .. } = g;
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
        let server_doc = doc(&format!(
            "An object serving `{}`: implement the methods it serves (`async fn`); the others answer \
             `Unimplemented`. `new_client` makes it a capability.",
            node.display_name
        ));
        let server_decl = if bounds.is_empty() { TokenStream::new() } else { decl.clone() };
        quote! {
            #server_doc
            pub trait Server #server_decl: ::core::marker::Send + ::core::marker::Sync + 'static #(+ #supers::Server)* {
                #(#trait_methods)*
            }

        }
    }

    /// `dispatch`, `new_client`, `from_arc` and `Dispatch` of an interface's server.
    fn rpc_dispatch(
        &self,
        methods: &[RpcMethod],
        supers: &[TokenStream],
        id: &Literal,
        g: &RpcGenerics,
    ) -> TokenStream {
        let rt = super::emit::rt();
        let RpcGenerics { bounds, args, tuple, names, .. } = g;
        let arms = methods.iter().map(|m| {
            let RpcMethod { name, ordinal, .. } = m;
            quote! {
                #ordinal => #rt::Box::pin(async move {
                    // Held while the call runs: a streaming call's keeps later calls waiting.
                    let mut turn = turn;
                    (&mut turn).await;
                    let results = #rt::rpc::TypedResults::new(results)?;
                    let results = <S as Server #args>::#name(server, #rt::rpc::TypedParams::new(params), results).await?;
                    ::core::result::Result::Ok(results.into_untyped())
                }),
            }
        });
        let stream_ordinals: Vec<&Literal> = methods.iter().filter(|m| m.streaming).map(|m| &m.ordinal).collect();
        quote! {
            /// Routes a call of this interface, or of one it extends, to its method of `server`;
            /// gives the parameters and results back when the call is for another interface.
            #[allow(clippy::type_complexity)]
            pub fn dispatch<#(#bounds,)* S: Server #args>(
                server: &#rt::Arc<S>,
                streams: &#rt::rpc::StreamQueue,
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
                    let streaming = match method_id {
                        #(#stream_ordinals => true,)*
                        _ => false,
                    };
                    // Taken now, in arrival order; a streaming call holds it while it runs.
                    let turn = streams.admit(streaming);
                    return ::core::result::Result::Ok(match method_id {
                        #(#arms)*
                        _ => #rt::rpc::unimplemented_call(interface_id, method_id),
                    });
                }
                #(
                    let (params, results) = match #supers::dispatch(server, streams, interface_id, method_id, params, results) {
                        ::core::result::Result::Ok(call) => return ::core::result::Result::Ok(call),
                        ::core::result::Result::Err(back) => back,
                    };
                )*
                ::core::result::Result::Err((params, results))
            }

            /// `server` as a capability.
            pub fn new_client<#(#bounds,)* S: Server #args>(server: S) -> Client #args {
                from_arc(#rt::Arc::new(server))
            }

            /// The shared `server` as a capability.
            pub fn from_arc<#(#bounds,)* S: Server #args>(server: #rt::Arc<S>) -> Client #args {
                let dispatch = Dispatch::<S, #tuple> { server, streams: #rt::rpc::StreamQueue::default(), params: #rt::PhantomData };
                Client::from(#rt::rpc::Client::new(dispatch))
            }

            /// A [`Server`] as an untyped `capnzero::rpc::Server`, keeping the order of its
            /// streaming calls.
            pub struct Dispatch<S, P = ()> {
                server: #rt::Arc<S>,
                streams: #rt::rpc::StreamQueue,
                params: #rt::PhantomData<fn() -> P>,
            }

            impl<#(#bounds,)* S: Server #args> #rt::rpc::Server for Dispatch<S, #tuple> {
                fn call(
                    self: #rt::Arc<Self>,
                    interface_id: u64,
                    method_id: u16,
                    params: #rt::rpc::Params,
                    results: #rt::rpc::Results,
                ) -> #rt::rpc::BoxFuture<#rt::rpc::Result<#rt::rpc::Results>> {
                    match dispatch::<#(#names,)* S>(&self.server, &self.streams, interface_id, method_id, params, results) {
                        ::core::result::Result::Ok(call) => call,
                        ::core::result::Result::Err(_) => #rt::rpc::unimplemented_call(interface_id, method_id),
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
        let mut done = Vec::new();
        for method in &interface.methods {
            let id = method.result_struct_type;
            let Some(NodeKind::Struct(st)) = self.plan.nodes.get(&id).map(|n| &n.kind) else { continue };
            // Once per struct: several methods may return the same one.
            if !i.inner.contains(&id) || done.contains(&id) {
                continue;
            }
            done.push(id);
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
                            #module::Client::from(self.base.pipeline_field(#index))
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
