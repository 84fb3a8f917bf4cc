//! Capabilities as the program holds them ([`Client`]), the calls made on them ([`Request`]),
//! the promises of their results ([`Promise`]), and the objects that serve them ([`Server`]).
//!
//! A client is a local object, a capability imported from a connection, a capability promised
//! by a call that has not returned (pipelining: calls on it go out at once, addressed to the
//! promised answer), or broken. Every kind is `Send + Sync` and cheap to clone.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::sync::{Arc, Mutex};
use std::vec::Vec;

use super::connection::{Conn, ImportRef, QuestionRef, Target};
use super::error::{Error, Result};
use super::payload::{Frame, Params, Response, Results};
use super::wire;
use crate::{MessageBuilder, PointerBuilder, Struct};

/// A boxed future, as servers return them.
pub type BoxFuture<T> = Pin<std::boxed::Box<dyn Future<Output = T> + Send + 'static>>;

/// An object that serves calls: what a [`Client`] made with [`Client::new`] calls.
///
/// `call` gets the method (the interface's ID and the method's ordinal), its parameters, and
/// the results to fill in, and gives a future of the filled results or of an error, which the
/// caller receives with its kind. Give `Error::unimplemented_method` for a method it does not
/// serve.
pub trait Server: Send + Sync + 'static {
    /// Serves one call.
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: Params,
        results: Results,
    ) -> BoxFuture<Result<Results>>;
}

/// A capability: a reference to an object, local or remote, that calls can be made on.
#[derive(Clone)]
pub struct Client {
    pub(crate) kind: Kind,
}

#[derive(Clone)]
pub(crate) enum Kind {
    Null,
    Broken(Error),
    Local(Arc<dyn Server>),
    Import(Arc<ImportRef>),
    Answer(Arc<QuestionRef>, Arc<[u16]>),
    LocalAnswer(Arc<LocalCall>, Arc<[u16]>),
}

impl Client {
    /// A capability on the local object `server`.
    pub fn new<S: Server>(server: S) -> Client {
        Client { kind: Kind::Local(Arc::new(server)) }
    }

    /// A capability on the local object `server`, shared.
    pub fn from_arc(server: Arc<dyn Server>) -> Client {
        Client { kind: Kind::Local(server) }
    }

    /// The null capability: every call on it fails.
    pub fn null() -> Client {
        Client { kind: Kind::Null }
    }

    /// A broken capability: every call on it fails with `error`.
    pub fn broken(error: Error) -> Client {
        Client { kind: Kind::Broken(error) }
    }

    /// Whether it is the null capability.
    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// The capability `path` will lead to in the response `future` gives: calls on it wait for
    /// it, in order.
    pub(crate) fn promised(future: impl Future<Output = Result<Response>> + Send + 'static, path: &[u16]) -> Client {
        Client { kind: Kind::LocalAnswer(LocalCall::new(future), path.into()) }
    }

    /// The capability under pointer field `field` of the struct this promised capability will
    /// be (a step further along the promised answer's path): for a client from
    /// [`Promise::pipeline`]; any other client is not a promise, and gives a broken one.
    pub fn pipeline_field(&self, field: u16) -> Client {
        let extend = |path: &Arc<[u16]>| -> Arc<[u16]> { path.iter().copied().chain([field]).collect() };
        let kind = match &self.kind {
            Kind::Answer(question, path) => Kind::Answer(question.clone(), extend(path)),
            Kind::LocalAnswer(call, path) => Kind::LocalAnswer(call.clone(), extend(path)),
            Kind::Broken(error) => Kind::Broken(error.clone()),
            _ => Kind::Broken(Error::failed("pipeline_field on a capability that is not a promised answer")),
        };
        Client { kind }
    }

    /// A call of method `method_id` of interface `interface_id`, whose parameters are then
    /// written through the request.
    pub fn new_call(&self, interface_id: u64, method_id: u16) -> Request {
        Request::new(self.clone(), interface_id, method_id)
    }

    /// Serves a call on this capability with `params`, writing into `results`: a local object
    /// serves it; any other capability forwards it (a copy of the parameters, a new call).
    pub(crate) fn dispatch(
        &self,
        interface_id: u64,
        method_id: u16,
        params: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results>> {
        match &self.kind {
            Kind::Local(server) => server.clone().call(interface_id, method_id, params, results),
            Kind::Null => ready(Err(null_error())),
            Kind::Broken(error) => ready(Err(error.clone())),
            _ => {
                // Sent now, not when the future is first polled, so that forwarded calls keep
                // the order they were dispatched in.
                let mut request = self.new_call(interface_id, method_id);
                if let Err(error) = request.copy_params(&params) {
                    return ready(Err(error));
                }
                let promise = request.send();
                std::boxed::Box::pin(async move {
                    let response = promise.await?;
                    results.set_from(&response)?;
                    Ok(results)
                })
            }
        }
    }
}

impl core::fmt::Debug for Client {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let kind = match &self.kind {
            Kind::Null => "null",
            Kind::Broken(_) => "broken",
            Kind::Local(_) => "local",
            Kind::Import(_) => "imported",
            Kind::Answer(..) | Kind::LocalAnswer(..) => "promised",
        };
        write!(f, "Client({kind})")
    }
}

fn null_error() -> Error {
    Error::failed("call on a null capability")
}

/// The answer to a call a server does not serve: `Unimplemented`, naming the method. What
/// generated `dispatch`es give for a method or interface they do not know.
pub fn unimplemented_call(interface_id: u64, method_id: u16) -> BoxFuture<Result<Results>> {
    ready(Err(Error::unimplemented_method(interface_id, method_id)))
}

fn ready<T: Send + 'static>(value: T) -> BoxFuture<T> {
    std::boxed::Box::pin(core::future::ready(value))
}

/// A call being written: its parameters and the capabilities they carry. [`send`](Self::send)
/// makes the call.
pub struct Request {
    pub(crate) target: Client,
    pub(crate) builder: MessageBuilder,
    pub(crate) caps: Vec<Client>,
    interface_id: u64,
    method_id: u16,
}

impl Request {
    fn new(target: Client, interface_id: u64, method_id: u16) -> Request {
        let mut builder = MessageBuilder::default();
        {
            let mut message = crate::init_root::<wire::Message>(&mut builder);
            let mut call = message.init_call().expect("a new message has room for its root");
            call.set_interface_id(interface_id);
            call.set_method_id(method_id);
            call.init_params().expect("a new Call has room for its params");
        }
        Request { target, builder, caps: Vec::new(), interface_id, method_id }
    }

    /// The parameter struct's pointer, untyped, to write anything.
    pub fn content(&mut self) -> Result<PointerBuilder<'_>> {
        Ok(wire::payload_content(&mut self.builder, true)?)
    }

    /// Sets the parameters to a new `T` and gives its builder.
    pub fn init<T: Struct>(&mut self) -> Result<T::Builder<'_>> {
        let content = self.content()?;
        Ok(T::wrap_builder(content.init_struct(T::DATA_WORDS, T::POINTER_COUNT)))
    }

    /// Adds `client` to the message's capability table and gives its index, for
    /// `PointerBuilder::set_capability`.
    pub fn add_cap(&mut self, client: Client) -> u32 {
        self.caps.push(client);
        (self.caps.len() - 1) as u32
    }

    /// The size of the call's message so far, in bytes.
    pub fn size_bytes(&self) -> usize {
        self.builder.segments().iter().map(|s| s.len()).sum()
    }

    fn copy_params(&mut self, params: &Params) -> Result<()> {
        let message = params.frame.reader();
        let source = super::payload::content_of(&message, true)?;
        self.content()?.set_copy_of(source)?;
        self.caps = params.caps.clone();
        Ok(())
    }

    /// Makes the call. On a remote capability the message goes out now, before the future is
    /// polled; [`Promise::pipeline`] gives the capabilities of the results before they arrive.
    pub fn send(self) -> Promise {
        match self.target.kind.clone() {
            Kind::Null => Promise::ready(Err(null_error())),
            Kind::Broken(error) => Promise::ready(Err(error)),
            Kind::Local(server) => {
                let params = Params { frame: Frame::Built(self.builder), caps: self.caps };
                let future = server.call(self.interface_id, self.method_id, params, Results::new(0));
                Promise::local(async move { future.await.map(Results::into_response) })
            }
            Kind::Import(import) => Conn::send_call(&import.conn, self, Target::Import(import.id)),
            Kind::Answer(question, path) => {
                Conn::send_call(&question.conn, self, Target::Answer(question.id, path.to_vec()))
            }
            Kind::LocalAnswer(call, path) => LocalCall::send_pipelined(&call, self, path),
        }
    }
}

/// The results of a call to come. Await it for the [`Response`]; dropping it before (and every
/// capability [`pipeline`](Self::pipeline) gave) cancels the call.
pub struct Promise {
    kind: PromiseKind,
}

enum PromiseKind {
    Ready(Option<Result<Response>>),
    Remote(Arc<QuestionRef>),
    Local(Arc<LocalCall>),
    /// A call pipelined on a local call that has not returned: sent, in order with the others
    /// queued there, when it returns.
    Queued(Arc<LocalCall>, Arc<Queued>),
}

impl Promise {
    pub(crate) fn ready(result: Result<Response>) -> Promise {
        Promise { kind: PromiseKind::Ready(Some(result)) }
    }

    pub(crate) fn remote(question: Arc<QuestionRef>) -> Promise {
        Promise { kind: PromiseKind::Remote(question) }
    }

    fn local(future: impl Future<Output = Result<Response>> + Send + 'static) -> Promise {
        Promise { kind: PromiseKind::Local(LocalCall::new(future)) }
    }

    /// The capability that `path` (pointer field indexes from the results struct, as
    /// `PromisedAnswer.transform` has them) will lead to, usable now: calls on it are sent
    /// at once, addressed to the promised answer, without waiting for the results.
    pub fn pipeline(&self, path: &[u16]) -> Client {
        let path: Arc<[u16]> = path.into();
        let kind = match &self.kind {
            PromiseKind::Ready(Some(Ok(response))) => return response.cap_at(&path).unwrap_or_else(Client::broken),
            PromiseKind::Ready(Some(Err(error))) => Kind::Broken(error.clone()),
            PromiseKind::Ready(None) => Kind::Broken(Error::failed("the promise was already awaited")),
            PromiseKind::Remote(question) => Kind::Answer(question.clone(), path),
            PromiseKind::Local(call) => Kind::LocalAnswer(call.clone(), path),
            PromiseKind::Queued(call, queued) => {
                let wait = QueuedWait(call.clone(), queued.clone());
                Kind::LocalAnswer(LocalCall::new(wait), path)
            }
        };
        Client { kind }
    }
}

impl Future for Promise {
    type Output = Result<Response>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<Response>> {
        match &mut self.kind {
            PromiseKind::Ready(result) => {
                Poll::Ready(result.take().unwrap_or_else(|| Err(Error::failed("the promise was already awaited"))))
            }
            PromiseKind::Remote(question) => match question.conn.upgrade() {
                Some(conn) => conn.poll_question(question.id, cx),
                None => Poll::Ready(Err(Error::disconnected("the connection is gone"))),
            },
            PromiseKind::Local(call) => call.poll(cx),
            PromiseKind::Queued(call, queued) => poll_queued(call, queued, cx),
        }
    }
}

/// Polls a call queued on `call`: drives `call` until it has returned and sent the queued
/// calls, then the queued call's own promise.
fn poll_queued(call: &LocalCall, queued: &Queued, cx: &mut Context<'_>) -> Poll<Result<Response>> {
    if let Some(poll) = queued.poll_sent(cx) {
        return poll;
    }
    match call.poll(cx) {
        Poll::Pending => Poll::Pending,
        // Returned: the one that saw it return sends the queue (and wakes us if not yet done).
        Poll::Ready(_) => queued.poll_sent(cx).unwrap_or(Poll::Pending),
    }
}

/// A call pipelined on a local call, until the local call returns.
pub(crate) struct Queued {
    slot: Mutex<QueuedSlot>,
}

enum QueuedSlot {
    Waiting(Option<Request>, Arc<[u16]>, Option<Waker>),
    Sent(Promise),
}

impl Queued {
    /// The sent call's poll, or `None` (its waker kept) while it waits.
    fn poll_sent(&self, cx: &mut Context<'_>) -> Option<Poll<Result<Response>>> {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *slot {
            QueuedSlot::Sent(promise) => Some(Pin::new(promise).poll(cx)),
            QueuedSlot::Waiting(_, _, waker) => {
                *waker = Some(cx.waker().clone());
                None
            }
        }
    }

    /// Sends the call to what `result` holds at its path.
    fn send(&self, result: &Result<Response>) {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        let QueuedSlot::Waiting(request, path, waker) = &mut *slot else { return };
        let (request, waker) = (request.take(), waker.take());
        let promise = match (result, request) {
            (Ok(response), Some(mut request)) => match response.cap_at(path) {
                Ok(target) => {
                    request.target = target;
                    request.send()
                }
                Err(error) => Promise::ready(Err(error)),
            },
            (Err(error), _) => Promise::ready(Err(error.clone())),
            (Ok(_), None) => Promise::ready(Err(Error::failed("a queued call was sent twice"))),
        };
        *slot = QueuedSlot::Sent(promise);
        drop(slot);
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// Waits for a queued call's response (what a capability pipelined on it drives).
struct QueuedWait(Arc<LocalCall>, Arc<Queued>);

impl Future for QueuedWait {
    type Output = Result<Response>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<Response>> {
        poll_queued(&self.0, &self.1, cx)
    }
}

/// A call on a local object, shared by its promise and the capabilities pipelined on it:
/// whichever is awaited drives it.
pub(crate) struct LocalCall {
    state: Mutex<LocalState>,
    waiters: Arc<Waiters>,
}

enum LocalState {
    /// The call's future and the calls pipelined on it, in order.
    Running(BoxFuture<Result<Response>>, Vec<Arc<Queued>>),
    /// Returned; the calls queued are being sent (outside the lock), and calls pipelined
    /// meanwhile queue behind them here.
    Draining(Result<Response>, Vec<Arc<Queued>>),
    Done(Result<Response>),
}

/// Who waits for a local call: its future is polled with a waker that wakes them all, so that
/// whichever of them is gone, the others are still woken.
#[derive(Default)]
struct Waiters(Mutex<Vec<Waker>>);

impl std::task::Wake for Waiters {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let wakers = core::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()));
        wakers.into_iter().for_each(Waker::wake);
    }
}

impl LocalCall {
    fn new(future: impl Future<Output = Result<Response>> + Send + 'static) -> Arc<LocalCall> {
        let running = LocalState::Running(std::boxed::Box::pin(future), Vec::new());
        Arc::new(LocalCall { state: Mutex::new(running), waiters: Arc::new(Waiters::default()) })
    }

    /// `request` pipelined on this call at `path`: sent now if it has returned, else queued and
    /// sent, in order with the calls queued before it, when it returns (E-order).
    fn send_pipelined(call: &Arc<LocalCall>, mut request: Request, path: Arc<[u16]>) -> Promise {
        let mut state = call.state.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *state {
            LocalState::Done(Ok(response)) => {
                let target = response.cap_at(&path);
                drop(state);
                match target {
                    Ok(target) => {
                        request.target = target;
                        request.send()
                    }
                    Err(error) => Promise::ready(Err(error)),
                }
            }
            LocalState::Done(Err(error)) => Promise::ready(Err(error.clone())),
            LocalState::Running(_, queue) | LocalState::Draining(_, queue) => {
                let queued = Arc::new(Queued { slot: Mutex::new(QueuedSlot::Waiting(Some(request), path, None)) });
                queue.push(queued.clone());
                Promise { kind: PromiseKind::Queued(call.clone(), queued) }
            }
        }
    }

    fn poll(&self, cx: &mut Context<'_>) -> Poll<Result<Response>> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let result = match &mut *state {
            LocalState::Done(result) | LocalState::Draining(result, _) => return Poll::Ready(result.clone()),
            LocalState::Running(future, _) => {
                {
                    let mut waiters = self.waiters.0.lock().unwrap_or_else(|e| e.into_inner());
                    if !waiters.iter().any(|w| w.will_wake(cx.waker())) {
                        waiters.push(cx.waker().clone());
                    }
                }
                let broadcast = Waker::from(self.waiters.clone());
                match future.as_mut().poll(&mut Context::from_waker(&broadcast)) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(result) => result,
                }
            }
        };
        let previous = core::mem::replace(&mut *state, LocalState::Draining(result.clone(), Vec::new()));
        drop(state);
        let mut queue = match previous {
            LocalState::Running(_, queue) => queue,
            _ => Vec::new(),
        };
        // Send what was queued, in order, and what queued meanwhile behind it; then done.
        loop {
            for queued in queue {
                queued.send(&result);
            }
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            match &mut *state {
                LocalState::Draining(_, more) if !more.is_empty() => queue = core::mem::take(more),
                _ => {
                    *state = LocalState::Done(result.clone());
                    break;
                }
            }
        }
        std::task::Wake::wake_by_ref(&self.waiters);
        Poll::Ready(result)
    }
}

/// Serves calls by forwarding them to a capability: how a capability that this connection
/// cannot name (another connection's, a local promise, a broken one) is exported on it.
pub(crate) struct Forward(pub(crate) Client);

impl Server for Forward {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: Params,
        results: Results,
    ) -> BoxFuture<Result<Results>> {
        self.0.dispatch(interface_id, method_id, params, results)
    }
}
