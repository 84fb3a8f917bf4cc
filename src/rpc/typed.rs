//! The typed face of calls, what generated interfaces use: a request whose parameters are a
//! `P` ([`TypedRequest`]), the promise and response of results `R` ([`TypedPromise`],
//! [`TypedResponse`]), and on the server's side the parameters and results of one method
//! ([`TypedParams`], [`TypedResults`]). Each wraps its untyped counterpart (`untyped()`), which
//! stays usable for what the types do not say (a capability table, a path to pipeline on).

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use super::client::{Client, Promise, Request};
use super::error::Result;
use super::payload::{Params, PayloadReader, Response, Results};
use crate::Struct;

/// A call of a method whose parameters are `P` and results `R`, being written.
pub struct TypedRequest<P, R> {
    request: Request,
    types: PhantomData<fn() -> (P, R)>,
}

impl<P: Struct, R: Struct> TypedRequest<P, R> {
    /// A call of method `method_id` of interface `interface_id` on `client`, its parameter
    /// struct set to a new `P`.
    pub fn new(client: &Client, interface_id: u64, method_id: u16) -> TypedRequest<P, R> {
        let mut request = client.new_call(interface_id, method_id);
        // A new request always has room for its parameter struct.
        let _ = request.init::<P>();
        TypedRequest { request, types: PhantomData }
    }

    /// The parameters' builder (set to a new `P` again if the untyped request put something
    /// else there).
    pub fn params(&mut self) -> P::Builder<'_> {
        let fits = self.request.content().is_ok_and(|c| crate::rpc::wire::get_builder::<P>(c).is_ok());
        if !fits {
            let _ = self.request.init::<P>();
        }
        let content = self.request.content().expect("a request's Call message always has its params");
        crate::rpc::wire::get_builder::<P>(content).expect("the parameter struct was just made sure of")
    }

    /// Adds `client` to the message's capability table and gives its index, for a capability
    /// field (`params.init_foo()?.set_capability(index)`).
    pub fn add_cap(&mut self, client: impl Into<Client>) -> u32 {
        self.request.add_cap(client.into())
    }

    /// The untyped request.
    pub fn untyped(&mut self) -> &mut Request {
        &mut self.request
    }

    /// Makes the call (see [`Request::send`]).
    pub fn send(self) -> TypedPromise<R> {
        TypedPromise { promise: self.request.send(), types: PhantomData }
    }
}

/// The results `R` of a call to come; await it for the [`TypedResponse`].
pub struct TypedPromise<R> {
    promise: Promise,
    types: PhantomData<fn() -> R>,
}

impl<R> TypedPromise<R> {
    /// The capability `path` will lead to (see [`Promise::pipeline`]); the generated
    /// `…Results::pipeline_…` functions give it typed.
    pub fn pipeline(&self, path: &[u16]) -> Client {
        self.promise.pipeline(path)
    }

    /// The untyped promise.
    pub fn untyped(&self) -> &Promise {
        &self.promise
    }

    /// The untyped promise, owned.
    pub fn into_untyped(self) -> Promise {
        self.promise
    }
}

/// A results struct whose capabilities can be pipelined by name: generated for the results
/// structs written in a method (`evaluate @0 (…) -> (value :Value)` gives
/// `EvaluateResultsPipeline` with `value()`).
pub trait Pipelined {
    /// The capabilities of the results, before they arrive.
    type Pipeline;

    /// The pipeline of the results `base` (a promised answer's root) will be.
    fn pipeline(base: Client) -> Self::Pipeline;
}

impl<R: Pipelined> TypedPromise<R> {
    /// The capabilities of the results, typed, usable at once (promise pipelining).
    pub fn pipelined(&self) -> R::Pipeline {
        R::pipeline(self.promise.pipeline(&[]))
    }
}

impl<R> Future for TypedPromise<R> {
    type Output = Result<TypedResponse<R>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.promise).poll(cx).map(|r| r.map(|response| TypedResponse { response, types: PhantomData }))
    }
}

impl<R> Unpin for TypedPromise<R> {}

/// The results `R` of a call, as the caller reads them.
pub struct TypedResponse<R> {
    response: Response,
    types: PhantomData<fn() -> R>,
}

impl<R: Struct> TypedResponse<R> {
    /// A reader of the results (`response.reader().get()?`).
    pub fn reader(&self) -> TypedReader<'_, R> {
        TypedReader { payload: self.response.reader(), types: PhantomData }
    }

    /// The capability at `index` of the message's table.
    pub fn cap(&self, index: u32) -> Result<Client> {
        self.response.cap(index)
    }

    /// The capability `path` leads to from the results struct.
    pub fn cap_at(&self, path: &[u16]) -> Result<Client> {
        self.response.cap_at(path)
    }

    /// The capability of a capability field read from these results
    /// (`response.cap_of(reader.get_value())`, then `value::Client::from`).
    pub fn cap_of(&self, field: crate::AnyPointer<'_>) -> Result<Client> {
        self.response.cap_of(field)
    }

    /// The untyped response.
    pub fn untyped(&self) -> &Response {
        &self.response
    }
}

/// The message of a typed response or parameters, which readers borrow from.
pub struct TypedReader<'a, T> {
    payload: PayloadReader<'a>,
    types: PhantomData<fn() -> T>,
}

impl<T: Struct> TypedReader<'_, T> {
    /// The struct's reader (all defaults when the pointer is null).
    pub fn get(&self) -> Result<T::Reader<'_>> {
        self.payload.get::<T>()
    }
}

/// The parameters `P` of a call, as the server reads them.
pub struct TypedParams<P> {
    params: Params,
    types: PhantomData<fn() -> P>,
}

impl<P: Struct> TypedParams<P> {
    /// Typed `params`.
    pub fn new(params: Params) -> TypedParams<P> {
        TypedParams { params, types: PhantomData }
    }

    /// A reader of the parameters (`params.reader().get()?`).
    pub fn reader(&self) -> TypedReader<'_, P> {
        TypedReader { payload: self.params.reader(), types: PhantomData }
    }

    /// The capability at `index` of the message's table (what a capability field's
    /// `capability_index()` gives).
    pub fn cap(&self, index: u32) -> Result<Client> {
        self.params.cap(index)
    }

    /// The capability of a capability field read from these parameters
    /// (`params.cap_of(reader.get_callback())`, then `callback::Client::from`).
    pub fn cap_of(&self, field: crate::AnyPointer<'_>) -> Result<Client> {
        self.params.cap_of(field)
    }

    /// The untyped parameters.
    pub fn untyped(&self) -> &Params {
        &self.params
    }
}

/// The results `R` of a call, as the server writes them.
pub struct TypedResults<R> {
    results: Results,
    types: PhantomData<fn() -> R>,
}

impl<R: Struct> TypedResults<R> {
    /// Typed `results`, the results struct set to a new `R`.
    pub fn new(mut results: Results) -> Result<TypedResults<R>> {
        results.init::<R>()?;
        Ok(TypedResults { results, types: PhantomData })
    }

    /// The results' builder (set to a new `R` again if the untyped results put something
    /// else there).
    pub fn get(&mut self) -> R::Builder<'_> {
        let fits = self.results.content().is_ok_and(|c| crate::rpc::wire::get_builder::<R>(c).is_ok());
        if !fits {
            let _ = self.results.init::<R>();
        }
        let content = self.results.content().expect("a Return message always has its results");
        crate::rpc::wire::get_builder::<R>(content).expect("the results struct was just made sure of")
    }

    /// Adds `client` to the message's capability table and gives its index, for a capability
    /// field (`results.get().init_foo()?.set_capability(index)`).
    pub fn add_cap(&mut self, client: impl Into<Client>) -> u32 {
        self.results.add_cap(client.into())
    }

    /// The untyped results.
    pub fn untyped(&mut self) -> &mut Results {
        &mut self.results
    }

    /// The untyped results, to return from an untyped server.
    pub fn into_untyped(self) -> Results {
        self.results
    }
}
