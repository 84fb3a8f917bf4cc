//! One RPC connection without I/O: the four tables of `rpc.capnp` (questions, answers,
//! exports, imports), fed whole messages by [`Conn::handle`] and leaving the messages to send in
//! an outbox, the calls to start for the driver (`twoparty.rs`), which runs them outside the
//! lock. Every state change happens under one mutex, so clients and promises are `Send + Sync`
//! and may be used from any thread.
//!
//! What drops outside (a client of an import, a promise) is queued in [`Conn::dropped`], a
//! second lock, and handled by the driver under the first: a `Drop` never takes the state lock,
//! so nothing deadlocks when a client is dropped while the state is held.

use core::task::{Context, Poll, Waker};
use std::collections::{HashMap, VecDeque};
use std::string::String;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::vec::Vec;

use super::client::{Client, Forward, Kind, Promise, Request, Server};
use super::error::{Error, ErrorKind, Result};
use super::payload::{Frame, Params, Response, Results};
use super::wire::{self, cap_descriptor, exception, message, message_target, promised_answer};
use super::RpcOptions;
use crate::{MessageBuilder, OwnedMessage, Struct};

/// Where a call is addressed, on the peer.
pub(crate) enum Target {
    Import(u32),
    Answer(u32, Vec<u16>),
}

/// A capability the peer exported to us; dropping the last clone releases it. It refers to its
/// connection weakly (the driver owns the connection): once the connection is gone, calls on it
/// fail as disconnected, and nothing the state holds keeps the state alive.
pub(crate) struct ImportRef {
    pub(crate) conn: Weak<Conn>,
    pub(crate) id: u32,
    generation: u64,
}

impl Drop for ImportRef {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.upgrade() {
            conn.dropped(Dropped::Import(self.id, self.generation));
        }
    }
}

/// A question we asked; dropping the last holder sends `Finish` (cancelling it if it has not
/// returned). Its connection is referred to weakly, as an import's is.
pub(crate) struct QuestionRef {
    pub(crate) conn: Weak<Conn>,
    pub(crate) id: u32,
}

impl Drop for QuestionRef {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.upgrade() {
            conn.dropped(Dropped::Question(self.id));
        }
    }
}

pub(crate) enum Dropped {
    Question(u32),
    Import(u32, u64),
}

/// A call for the driver to start: `target` serves `params` into the results of answer
/// `answer_id`.
pub(crate) struct Delivery {
    pub(crate) answer_id: u32,
    /// The answer's serial: an ID the peer reused names another answer.
    pub(crate) serial: u64,
    pub(crate) target: Client,
    pub(crate) interface_id: u64,
    pub(crate) method_id: u16,
    pub(crate) params: Params,
}

/// Why a connection closes: the error its pending calls fail with, and whether to tell the
/// peer (`Abort`) first.
pub(crate) struct Close {
    pub(crate) error: Error,
    pub(crate) abort: bool,
}

fn violation(reason: impl Into<String>) -> Close {
    Close { error: Error::failed(reason), abort: true }
}

/// The shared part of a connection: its state, the drop queue, and the driver's waker.
pub(crate) struct Conn {
    state: Mutex<State>,
    dropped: Mutex<Vec<Dropped>>,
    waker: Mutex<Option<Waker>>,
}

struct Question {
    result: Option<Result<Response>>,
    waker: Option<Waker>,
    returned: bool,
    dropped: bool,
    /// Exports sent in the parameters, released when the Return says `releaseParamCaps`.
    param_exports: Vec<u32>,
}

struct Answer {
    serial: u64,
    /// Local clients of capabilities in this answer's results (the peer named them by
    /// `receiverAnswer` before it returned), woken when it does.
    waiters: Vec<Arc<AnswerWait>>,
    /// `None` while the call runs (or waits for the answer it was pipelined on).
    done: Option<Result<Response>>,
    /// Calls pipelined on this answer before it returned, to start when it does.
    queued: Vec<Queued>,
    /// Exports sent in the results, released by `Finish` with `releaseResultCaps`.
    result_exports: Vec<u32>,
}

impl Answer {
    fn new(serial: u64) -> Answer {
        Answer { serial, waiters: Vec::new(), done: None, queued: Vec::new(), result_exports: Vec::new() }
    }
}

/// The result of an answer, for a local client waiting on it.
#[derive(Default)]
pub(crate) struct AnswerWait {
    slot: Mutex<(Option<Result<Response>>, Option<Waker>)>,
}

impl AnswerWait {
    fn complete(&self, result: Result<Response>) {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        if slot.0.is_none() {
            slot.0 = Some(result);
        }
        let waker = slot.1.take();
        drop(slot);
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

struct AnswerWaitFuture(Arc<AnswerWait>);

impl core::future::Future for AnswerWaitFuture {
    type Output = Result<Response>;

    fn poll(self: core::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<Response>> {
        let mut slot = self.0.slot.lock().unwrap_or_else(|e| e.into_inner());
        match &slot.0 {
            Some(result) => Poll::Ready(result.clone()),
            None => {
                slot.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

struct Queued {
    answer_id: u32,
    serial: u64,
    path: Vec<u16>,
    interface_id: u64,
    method_id: u16,
    params: Params,
}

struct Export {
    client: Client,
    key: usize,
    refcount: u32,
}

struct Import {
    weak: Weak<ImportRef>,
    /// How many times the peer has sent us this capability: the count `Release` gives back.
    remote_refs: u32,
    generation: u64,
}

pub(crate) struct State {
    options: RpcOptions,
    questions: IdTable<Question>,
    answers: HashMap<u32, Answer>,
    exports: IdTable<Export>,
    export_keys: HashMap<usize, u32>,
    imports: HashMap<u32, Import>,
    bootstrap: Option<Client>,
    outbox: VecDeque<Vec<u8>>,
    outbox_bytes: usize,
    pub(crate) deliveries: Vec<Delivery>,
    pub(crate) cancelled: Vec<(u32, u64)>,
    /// What was removed from the tables, dropped by the driver outside the lock.
    pub(crate) graveyard: Vec<Client>,
    pub(crate) closed: Option<Error>,
    serial: u64,
    generation: u64,
}

/// IDs handed out as Unix hands out file descriptors: the lowest free one.
struct IdTable<T> {
    slots: Vec<Option<T>>,
    free: Vec<u32>,
    len: usize,
}

impl<T> IdTable<T> {
    fn new() -> IdTable<T> {
        IdTable { slots: Vec::new(), free: Vec::new(), len: 0 }
    }

    fn insert(&mut self, value: T) -> u32 {
        self.len += 1;
        match self.free.pop() {
            Some(id) => {
                self.slots[id as usize] = Some(value);
                id
            }
            None => {
                self.slots.push(Some(value));
                (self.slots.len() - 1) as u32
            }
        }
    }

    fn get(&self, id: u32) -> Option<&T> {
        self.slots.get(id as usize)?.as_ref()
    }

    fn get_mut(&mut self, id: u32) -> Option<&mut T> {
        self.slots.get_mut(id as usize)?.as_mut()
    }

    fn remove(&mut self, id: u32) -> Option<T> {
        let value = self.slots.get_mut(id as usize)?.take()?;
        self.len -= 1;
        self.free.push(id);
        // Lowest first: the free list is kept sorted, highest at the front.
        self.free.sort_unstable_by(|a, b| b.cmp(a));
        Some(value)
    }

    fn drain(&mut self) -> impl Iterator<Item = T> + '_ {
        self.len = 0;
        self.free.clear();
        self.slots.drain(..).flatten()
    }
}

/// How many connection states exist (for the tests that check none is leaked).
pub(crate) static LIVE: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(0);

impl Drop for Conn {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, core::sync::atomic::Ordering::SeqCst);
    }
}

impl Conn {
    pub(crate) fn new(bootstrap: Option<Client>, options: RpcOptions) -> Arc<Conn> {
        LIVE.fetch_add(1, core::sync::atomic::Ordering::SeqCst);
        let state = State {
            options,
            questions: IdTable::new(),
            answers: HashMap::new(),
            exports: IdTable::new(),
            export_keys: HashMap::new(),
            imports: HashMap::new(),
            bootstrap,
            outbox: VecDeque::new(),
            outbox_bytes: 0,
            deliveries: Vec::new(),
            cancelled: Vec::new(),
            graveyard: Vec::new(),
            closed: None,
            serial: 0,
            generation: 0,
        };
        Arc::new(Conn { state: Mutex::new(state), dropped: Mutex::new(Vec::new()), waker: Mutex::new(None) })
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn set_waker(&self, waker: &Waker) {
        let mut slot = self.waker.lock().unwrap_or_else(|e| e.into_inner());
        if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }

    pub(crate) fn wake(&self) {
        let waker = self.waker.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    fn dropped(&self, dropped: Dropped) {
        self.dropped.lock().unwrap_or_else(|e| e.into_inner()).push(dropped);
        self.wake();
    }

    pub(crate) fn take_dropped(&self) -> Vec<Dropped> {
        core::mem::take(&mut *self.dropped.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Asks the peer for its bootstrap capability; the client is usable at once (pipelined).
    pub(crate) fn bootstrap(conn: &Arc<Conn>) -> Client {
        let mut state = conn.lock();
        if let Some(error) = &state.closed {
            return Client::broken(error.clone());
        }
        let id = state.questions.insert(Question::new());
        let _ = state.send_new(|mut message| {
            message.init_bootstrap()?.set_question_id(id);
            Ok::<(), crate::Error>(())
        });
        drop(state);
        conn.wake();
        let question = Arc::new(QuestionRef { conn: Arc::downgrade(conn), id });
        Client { kind: Kind::Answer(question, Arc::from(&[][..])) }
    }

    /// Sends `request` to `target` on the connection `conn` (gone: the call fails as
    /// disconnected).
    pub(crate) fn send_call(conn: &Weak<Conn>, request: Request, target: Target) -> Promise {
        match conn.upgrade() {
            Some(conn) => Conn::send_call_on(&conn, request, target),
            None => Promise::ready(Err(Error::disconnected("the connection is gone"))),
        }
    }

    fn send_call_on(conn: &Arc<Conn>, mut request: Request, target: Target) -> Promise {
        let mut state = conn.lock();
        if let Some(error) = &state.closed {
            return Promise::ready(Err(error.clone()));
        }
        if state.questions.len >= state.options.max_questions {
            return Promise::ready(Err(Error::overloaded(format!(
                "{} calls are outstanding on this connection, its limit",
                state.options.max_questions
            ))));
        }
        let id = state.questions.insert(Question::new());
        match state.write_call(conn, &mut request, id, &target) {
            Ok(exports) => {
                if let Some(question) = state.questions.get_mut(id) {
                    question.param_exports = exports;
                }
                state.send(&request.builder);
            }
            Err(error) => {
                state.questions.remove(id);
                return Promise::ready(Err(error));
            }
        }
        drop(state);
        drop(request);
        conn.wake();
        Promise::remote(Arc::new(QuestionRef { conn: Arc::downgrade(conn), id }))
    }

    /// The result of question `id`, once its Return has come.
    pub(crate) fn poll_question(&self, id: u32, cx: &mut Context<'_>) -> Poll<Result<Response>> {
        let mut state = self.lock();
        let closed = state.closed.clone();
        match state.questions.get_mut(id) {
            Some(Question { result: Some(result), .. }) => Poll::Ready(result.clone()),
            Some(question) => match closed {
                Some(error) => Poll::Ready(Err(error)),
                None => {
                    question.waker = Some(cx.waker().clone());
                    Poll::Pending
                }
            },
            None => Poll::Ready(Err(closed.unwrap_or_else(|| Error::failed("the question is gone")))),
        }
    }
}

impl Question {
    fn new() -> Question {
        Question { result: None, waker: None, returned: false, dropped: false, param_exports: Vec::new() }
    }
}

impl State {
    /// Whether the outbox is over its limit, so that the driver stops reading from the peer
    /// until it has written what is queued.
    pub(crate) fn outbox_full(&self) -> bool {
        self.outbox_bytes > self.options.max_queued_bytes
    }

    /// Moves every queued message into `out`.
    pub(crate) fn take_outbox(&mut self, out: &mut Vec<u8>) {
        for message in self.outbox.drain(..) {
            out.extend_from_slice(&message);
        }
        self.outbox_bytes = 0;
    }

    pub(crate) fn outbox_is_empty(&self) -> bool {
        self.outbox.is_empty()
    }

    /// Builds a message on a new `Message` root with `build` and queues it; nothing is queued
    /// when `build` fails.
    fn send_new<E>(
        &mut self,
        build: impl FnOnce(wire::MessageBuilder<'_>) -> core::result::Result<(), E>,
    ) -> core::result::Result<(), E> {
        let mut builder = MessageBuilder::default();
        build(crate::init_root::<wire::Message>(&mut builder))?;
        self.send(&builder);
        Ok(())
    }

    fn send(&mut self, builder: &MessageBuilder) {
        let bytes = builder.to_bytes();
        self.outbox_bytes += bytes.len();
        self.outbox.push_back(bytes);
    }

    fn write_call(&mut self, conn: &Arc<Conn>, request: &mut Request, id: u32, target: &Target) -> Result<Vec<u32>> {
        let root = request.builder.root().get_struct(wire::Message::DATA_WORDS, wire::Message::POINTER_COUNT)?;
        let mut call = wire::child::<wire::Call>(root, 0)?;
        {
            let mut typed = <wire::Call as Struct>::wrap_builder(call.reborrow());
            typed.set_question_id(id);
            write_target(typed.init_target()?, target)?;
        }
        let payload = <wire::Payload as Struct>::wrap_builder(wire::child::<wire::Payload>(call, 1)?);
        self.write_cap_table(conn, payload, &request.caps)
    }

    /// Writes the capability table of an outgoing payload, exporting the local objects in it;
    /// gives the export IDs it counted.
    fn write_cap_table(
        &mut self,
        conn: &Arc<Conn>,
        mut payload: wire::PayloadBuilder<'_>,
        caps: &[Client],
    ) -> Result<Vec<u32>> {
        let mut exports = Vec::new();
        if caps.is_empty() {
            return Ok(exports);
        }
        let mut list = payload.init_cap_table(caps.len() as u32)?;
        for (index, client) in caps.iter().enumerate() {
            let mut descriptor = list.get(index as u32)?;
            match &client.kind {
                Kind::Null => descriptor.set_none(),
                Kind::Import(import) if Weak::as_ptr(&import.conn) == Arc::as_ptr(conn) => {
                    descriptor.set_receiver_hosted(import.id)
                }
                Kind::Answer(question, path) if Weak::as_ptr(&question.conn) == Arc::as_ptr(conn) => {
                    let mut promised = descriptor.init_receiver_answer()?;
                    promised.set_question_id(question.id);
                    write_transform(promised, path)?;
                }
                Kind::Local(server) => {
                    let id = self.export(server.clone());
                    descriptor.set_sender_hosted(id);
                    exports.push(id);
                }
                _ => {
                    let proxy: Arc<dyn Server> = Arc::new(Forward(client.clone()));
                    let id = self.export(proxy);
                    descriptor.set_sender_hosted(id);
                    exports.push(id);
                }
            }
        }
        Ok(exports)
    }

    /// Exports `server` (once: the same object keeps its ID), counting one more reference.
    fn export(&mut self, server: Arc<dyn Server>) -> u32 {
        let key = Arc::as_ptr(&server) as *const () as usize;
        if let Some(&id) = self.export_keys.get(&key) {
            if let Some(export) = self.exports.get_mut(id) {
                export.refcount = export.refcount.saturating_add(1);
                return id;
            }
        }
        let id = self.exports.insert(Export { client: Client::from_arc(server), key, refcount: 1 });
        self.export_keys.insert(key, id);
        id
    }

    fn release_export(&mut self, id: u32, count: u32) -> core::result::Result<(), Close> {
        let export = self
            .exports
            .get_mut(id)
            .ok_or_else(|| violation(format!("Release of export {id}, which is not exported")))?;
        if count > export.refcount {
            return Err(violation(format!(
                "Release of {count} references to export {id}, which has {}",
                export.refcount
            )));
        }
        export.refcount -= count;
        if export.refcount == 0 {
            if let Some(export) = self.exports.remove(id) {
                self.export_keys.remove(&export.key);
                self.graveyard.push(export.client);
            }
        }
        Ok(())
    }

    /// The client of import `id`, counting one more reference the peer sent.
    fn import(&mut self, conn: &Arc<Conn>, id: u32) -> Client {
        let mut carried = 0;
        if let Some(entry) = self.imports.get_mut(&id) {
            if let Some(import) = entry.weak.upgrade() {
                entry.remote_refs = entry.remote_refs.saturating_add(1);
                return Client { kind: Kind::Import(import) };
            }
            // Dropped, its release not handled yet: the new handle releases both.
            carried = entry.remote_refs;
        }
        self.generation += 1;
        let import = Arc::new(ImportRef { conn: Arc::downgrade(conn), id, generation: self.generation });
        self.imports.insert(
            id,
            Import {
                weak: Arc::downgrade(&import),
                remote_refs: carried.saturating_add(1),
                generation: self.generation,
            },
        );
        Client { kind: Kind::Import(import) }
    }

    /// The capabilities of a received payload.
    fn read_cap_table(
        &mut self,
        conn: &Arc<Conn>,
        payload: Option<wire::PayloadReader<'_>>,
    ) -> core::result::Result<Vec<Client>, Close> {
        let Some(payload) = payload else { return Ok(Vec::new()) };
        let table = payload.get_cap_table();
        let mut caps = Vec::with_capacity(table.len() as usize);
        for descriptor in table.iter() {
            let client = match descriptor.which() {
                cap_descriptor::Which::None => Client::null(),
                cap_descriptor::Which::SenderHosted(id) | cap_descriptor::Which::SenderPromise(id) => {
                    self.import(conn, id)
                }
                cap_descriptor::Which::ReceiverHosted(id) => match self.exports.get(id) {
                    Some(export) => export.client.clone(),
                    None => return Err(violation(format!("a capability names export {id}, which is not exported"))),
                },
                cap_descriptor::Which::ReceiverAnswer(promised) => {
                    let (question, path) = read_promised(promised)?;
                    match self.answers.get_mut(&question) {
                        Some(Answer { done: Some(Ok(response)), .. }) => {
                            response.cap_at(&path).unwrap_or_else(Client::broken)
                        }
                        Some(Answer { done: Some(Err(error)), .. }) => Client::broken(error.clone()),
                        Some(pending) => {
                            // Calls on it wait, in order, for the answer to return. (Waits no
                            // client holds any more go, so the list stays as long as the clients.)
                            let wait = Arc::new(AnswerWait::default());
                            pending.waiters.retain(|w| Arc::strong_count(w) > 1);
                            pending.waiters.push(wait.clone());
                            Client::promised(AnswerWaitFuture(wait), &path)
                        }
                        None => {
                            return Err(violation(format!(
                                "a capability names answer {question}, which is not in the table"
                            )))
                        }
                    }
                }
                cap_descriptor::Which::ThirdPartyHosted(third) => match third {
                    Some(third) => self.import(conn, third.vine_id()),
                    None => return Err(violation("a third-party capability without its descriptor")),
                },
                cap_descriptor::Which::Unknown(tag) => {
                    return Err(violation(format!("a capability descriptor of unknown kind {tag}")))
                }
            };
            caps.push(client);
        }
        Ok(caps)
    }

    /// Handles one message from the peer. An `Err` closes the connection.
    pub(crate) fn handle(&mut self, conn: &Arc<Conn>, message: OwnedMessage) -> core::result::Result<(), Close> {
        let kind = {
            let reader = message.reader();
            let root = reader.root().get_struct().map_err(|e| violation(format!("unreadable message: {e}")))?;
            let Some(root) = root else { return Err(violation("a message without a root")) };
            let root = <wire::Message as Struct>::wrap_reader(root);
            match root.which() {
                message::Which::Call(_) => 0,
                message::Which::Return(_) => 1,
                message::Which::Finish(Some(finish)) => {
                    return self.on_finish(finish.question_id(), finish.release_result_caps());
                }
                message::Which::Release(Some(release)) => {
                    return self.release_export(release.id(), release.reference_count());
                }
                message::Which::Bootstrap(Some(bootstrap)) => return self.on_bootstrap(conn, bootstrap.question_id()),
                message::Which::Resolve(Some(resolve)) => return self.on_resolve(conn, resolve),
                message::Which::Disembargo(Some(disembargo)) => return self.on_disembargo(disembargo),
                message::Which::Abort(exception) => {
                    let error = exception.map(read_exception).unwrap_or_else(|| Error::failed("the peer aborted"));
                    return Err(Close {
                        error: Error::new(ErrorKind::Disconnected, format!("the peer aborted: {error}")),
                        abort: false,
                    });
                }
                message::Which::Unimplemented(Some(echo)) => return self.on_unimplemented(echo),
                message::Which::Unimplemented(None) => return Ok(()),
                message::Which::Finish(None)
                | message::Which::Release(None)
                | message::Which::Bootstrap(None)
                | message::Which::Resolve(None)
                | message::Which::Disembargo(None) => return Err(violation("a message whose body is null")),
                _ => 2,
            }
        };
        match kind {
            0 => self.on_call(conn, message),
            1 => self.on_return(conn, message),
            _ => {
                self.send_unimplemented(&message);
                Ok(())
            }
        }
    }

    fn send_unimplemented(&mut self, original: &OwnedMessage) {
        let mut builder = MessageBuilder::default();
        {
            let mut message = crate::init_root::<wire::Message>(&mut builder);
            if message.init_unimplemented().is_err() {
                return;
            }
        }
        let copied = builder
            .root()
            .get_struct(wire::Message::DATA_WORDS, wire::Message::POINTER_COUNT)
            .ok()
            .and_then(|root| root.into_pointer(0))
            .map(|pointer| pointer.set_copy_of(original.reader().root()));
        if let Some(Ok(())) = copied {
            self.send(&builder);
        }
    }

    fn on_call(&mut self, conn: &Arc<Conn>, message: OwnedMessage) -> core::result::Result<(), Close> {
        let (answer_id, interface_id, method_id, target, caps) = {
            let reader = message.reader();
            let root = reader.root().get_struct().ok().flatten().map(<wire::Message as Struct>::wrap_reader);
            let Some(call) = root.and_then(|root| root.call()) else {
                return Err(violation("a Call without its body"));
            };
            if !call.send_results_to().is_caller() {
                return Err(violation("a Call whose results go elsewhere (level 3, not supported)"));
            }
            let target = match call.target().map(|t| t.which()) {
                Some(message_target::Which::ImportedCap(id)) => Target::Import(id),
                Some(message_target::Which::PromisedAnswer(promised)) => {
                    let (question, path) = read_promised(promised)?;
                    Target::Answer(question, path)
                }
                _ => return Err(violation("a Call without a valid target")),
            };
            let caps = self.read_cap_table(conn, call.params())?;
            (call.question_id(), call.interface_id(), call.method_id(), target, caps)
        };
        if self.answers.contains_key(&answer_id) {
            return Err(violation(format!("a Call reuses question {answer_id}, which is still in use")));
        }
        if matches!(target, Target::Answer(question, _) if question == answer_id) {
            return Err(violation(format!("a Call pipelined on its own answer {answer_id}")));
        }
        self.check_answer_room()?;
        let params = Params { frame: Frame::Received(message), caps };
        self.serial += 1;
        let serial = self.serial;
        self.answers.insert(answer_id, Answer::new(serial));
        if self.answers.len() > self.options.max_answers {
            let error = Error::overloaded(format!("{} calls are in progress, the limit", self.options.max_answers));
            self.return_answer(conn, answer_id, serial, Err(error));
            return Ok(());
        }
        let target = match target {
            Target::Import(id) => match self.exports.get(id) {
                Some(export) => export.client.clone(),
                None => return Err(violation(format!("a Call on export {id}, which is not exported"))),
            },
            Target::Answer(question, path) => match self.answers.get_mut(&question) {
                None => return Err(violation(format!("a Call on answer {question}, which is not in the table"))),
                Some(Answer { done: Some(Ok(response)), .. }) => response.cap_at(&path).unwrap_or_else(Client::broken),
                Some(Answer { done: Some(Err(error)), .. }) => Client::broken(error.clone()),
                Some(pending) => {
                    pending.queued.push(Queued { answer_id, serial, path, interface_id, method_id, params });
                    return Ok(());
                }
            },
        };
        self.deliveries.push(Delivery { answer_id, serial, target, interface_id, method_id, params });
        Ok(())
    }

    /// Past `max_answers` the peer's calls are answered `Overloaded` (and kept until their
    /// `Finish`); a peer that goes on to twice the limit without finishing them is aborted, so
    /// the table stays bounded.
    fn check_answer_room(&self) -> core::result::Result<(), Close> {
        if self.answers.len() >= self.options.max_answers.saturating_mul(2) {
            return Err(Close {
                error: Error::overloaded(format!(
                    "the peer keeps {} questions unfinished, twice the limit of calls in progress",
                    self.answers.len()
                )),
                abort: true,
            });
        }
        Ok(())
    }

    /// Sends the Return of answer `answer_id` and starts the calls pipelined on it.
    pub(crate) fn return_answer(&mut self, conn: &Arc<Conn>, answer_id: u32, serial: u64, result: Result<Results>) {
        if self.answers.get(&answer_id).is_none_or(|a| a.done.is_some() || a.serial != serial) {
            // Finished (and perhaps reused by the peer) meanwhile: nothing to return.
            if let Ok(results) = result {
                self.graveyard.extend(results.caps);
            }
            return;
        }
        let (done, exports) = match result {
            Ok(mut results) => {
                let payload = results
                    .builder
                    .root()
                    .get_struct(wire::Message::DATA_WORDS, wire::Message::POINTER_COUNT)
                    .and_then(|root| wire::child::<wire::Return>(root, 0))
                    .and_then(|ret| wire::child::<wire::Payload>(ret, 0))
                    .map(<wire::Payload as Struct>::wrap_builder);
                let caps = core::mem::take(&mut results.caps);
                let written =
                    payload.map_err(Error::from).and_then(|payload| self.write_cap_table(conn, payload, &caps));
                results.caps = caps;
                match written {
                    Ok(exports) => {
                        self.send(&results.builder);
                        (Ok(results.into_response()), exports)
                    }
                    Err(error) => {
                        self.graveyard.extend(core::mem::take(&mut results.caps));
                        self.send_return_exception(answer_id, &error);
                        (Err(error), Vec::new())
                    }
                }
            }
            Err(error) => {
                self.send_return_exception(answer_id, &error);
                (Err(error), Vec::new())
            }
        };
        let Some(answer) = self.answers.get_mut(&answer_id) else { return };
        answer.result_exports = exports;
        let queued = core::mem::take(&mut answer.queued);
        let resolved: Vec<Client> = queued
            .iter()
            .map(|q| match &done {
                Ok(response) => response.cap_at(&q.path).unwrap_or_else(Client::broken),
                Err(error) => Client::broken(error.clone()),
            })
            .collect();
        for wait in core::mem::take(&mut answer.waiters) {
            wait.complete(done.clone());
        }
        answer.done = Some(done);
        for (queued, target) in queued.into_iter().zip(resolved) {
            if self.answers.get(&queued.answer_id).is_none_or(|a| a.serial != queued.serial) {
                continue;
            }
            self.deliveries.push(Delivery {
                answer_id: queued.answer_id,
                serial: queued.serial,
                target,
                interface_id: queued.interface_id,
                method_id: queued.method_id,
                params: queued.params,
            });
        }
    }

    fn send_return_exception(&mut self, answer_id: u32, error: &Error) {
        let _ = self.send_new(|mut message| {
            let mut ret = message.init_return()?;
            ret.set_answer_id(answer_id);
            ret.set_release_param_caps(false);
            write_exception(ret.init_exception()?, error)
        });
    }

    fn on_bootstrap(&mut self, conn: &Arc<Conn>, answer_id: u32) -> core::result::Result<(), Close> {
        if self.answers.contains_key(&answer_id) {
            return Err(violation(format!("a Bootstrap reuses question {answer_id}, which is still in use")));
        }
        self.check_answer_room()?;
        self.serial += 1;
        let serial = self.serial;
        self.answers.insert(answer_id, Answer::new(serial));
        if self.answers.len() > self.options.max_answers {
            let error = Error::overloaded(format!("{} calls are in progress, the limit", self.options.max_answers));
            self.return_answer(conn, answer_id, serial, Err(error));
            return Ok(());
        }
        let result = match self.bootstrap.clone() {
            Some(bootstrap) => {
                let mut results = Results::new(answer_id);
                let index = results.add_cap(bootstrap);
                match results.content() {
                    Ok(mut content) => {
                        content.set_capability(index);
                        Ok(results)
                    }
                    Err(error) => Err(error),
                }
            }
            None => Err(Error::failed("this vat has no bootstrap capability")),
        };
        self.return_answer(conn, answer_id, serial, result);
        Ok(())
    }

    fn on_return(&mut self, conn: &Arc<Conn>, message: OwnedMessage) -> core::result::Result<(), Close> {
        let (answer_id, outcome) = {
            let reader = message.reader();
            let root = reader.root().get_struct().ok().flatten().map(<wire::Message as Struct>::wrap_reader);
            let Some(ret) = root.and_then(|root| root.r#return()) else {
                return Err(violation("a Return without its body"));
            };
            let answer_id = ret.answer_id();
            let Some(question) = self.questions.get_mut(answer_id) else {
                return Err(violation(format!("a Return for question {answer_id}, which was not asked")));
            };
            if question.returned {
                return Err(violation(format!("a second Return for question {answer_id}")));
            }
            let released =
                if ret.release_param_caps() { core::mem::take(&mut question.param_exports) } else { Vec::new() };
            for id in released {
                self.release_export(id, 1)?;
            }
            let outcome = match ret.which() {
                wire::r#return::Which::Results(payload) => Ok(self.read_cap_table(conn, payload)?),
                wire::r#return::Which::Exception(exception) => {
                    Err(exception.map(read_exception).unwrap_or_else(|| Error::failed("an exception without its body")))
                }
                wire::r#return::Which::Canceled => Err(Error::failed("the call was canceled")),
                _ => return Err(violation("a Return of a kind this vat never asks for (level 3)")),
            };
            (answer_id, outcome)
        };
        let result = outcome.map(|caps| Response::new(Frame::Received(message), caps));
        let Some(question) = self.questions.get_mut(answer_id) else { return Ok(()) };
        question.returned = true;
        if question.dropped {
            self.questions.remove(answer_id);
            if let Ok(response) = result {
                self.graveyard.extend(response.caps().iter().cloned());
            }
        } else {
            question.result = Some(result);
            if let Some(waker) = question.waker.take() {
                waker.wake();
            }
        }
        Ok(())
    }

    fn on_finish(&mut self, answer_id: u32, release_result_caps: bool) -> core::result::Result<(), Close> {
        let Some(answer) = self.answers.remove(&answer_id) else {
            return Err(violation(format!("a Finish for question {answer_id}, which is not in the table")));
        };
        // A call of its queued on another answer (pipelined on it) goes, with its parameters.
        if answer.done.is_none() {
            for other in self.answers.values_mut() {
                other.queued.retain(|q| q.answer_id != answer_id || q.serial != answer.serial);
            }
        }
        for wait in &answer.waiters {
            wait.complete(Err(Error::failed("the call was canceled by the peer")));
        }
        match answer.done {
            None => {
                self.cancelled.push((answer_id, answer.serial));
                let _ = self.send_new(|mut message| {
                    let mut ret = message.init_return()?;
                    ret.set_answer_id(answer_id);
                    ret.set_release_param_caps(false);
                    ret.set_canceled();
                    Ok::<(), crate::Error>(())
                });
            }
            Some(done) => {
                if release_result_caps {
                    for id in answer.result_exports {
                        self.release_export(id, 1)?;
                    }
                }
                if let Ok(response) = done {
                    self.graveyard.extend(response.caps().iter().cloned());
                }
            }
        }
        for queued in answer.queued {
            if self.answers.get(&queued.answer_id).is_some_and(|a| a.serial == queued.serial) {
                self.deliveries.push(Delivery {
                    answer_id: queued.answer_id,
                    serial: queued.serial,
                    target: Client::broken(Error::failed("the call it was pipelined on was canceled")),
                    interface_id: queued.interface_id,
                    method_id: queued.method_id,
                    params: queued.params,
                });
            }
        }
        Ok(())
    }

    fn on_resolve(&mut self, conn: &Arc<Conn>, resolve: wire::ResolveReader<'_>) -> core::result::Result<(), Close> {
        // Calls keep going to the promise's import, which the peer forwards to its resolution
        // in order; so nothing needs an embargo. The resolution's reference is taken and
        // released at once.
        if let wire::resolve::Which::Cap(Some(descriptor)) = resolve.which() {
            let client = match descriptor.which() {
                cap_descriptor::Which::SenderHosted(id) | cap_descriptor::Which::SenderPromise(id) => {
                    Some(self.import(conn, id))
                }
                _ => None,
            };
            self.graveyard.extend(client);
        }
        Ok(())
    }

    fn on_disembargo(&mut self, disembargo: wire::DisembargoReader<'_>) -> core::result::Result<(), Close> {
        let context = disembargo.context();
        let Some(embargo) = context.sender_loopback() else {
            return Err(violation("a Disembargo of a kind this vat never asks for"));
        };
        let client = match disembargo.target().map(|t| t.which()) {
            Some(message_target::Which::ImportedCap(id)) => self.exports.get(id).map(|e| e.client.clone()),
            Some(message_target::Which::PromisedAnswer(promised)) => {
                let (question, path) = read_promised(promised)?;
                match self.answers.get(&question) {
                    Some(Answer { done: Some(Ok(response)), .. }) => response.cap_at(&path).ok(),
                    _ => None,
                }
            }
            _ => None,
        };
        let target = match client.map(|c| c.kind) {
            Some(Kind::Import(import)) => Target::Import(import.id),
            Some(Kind::Answer(question, path)) => Target::Answer(question.id, path.to_vec()),
            _ => return Err(violation("a Disembargo whose target is not a capability the sender hosts")),
        };
        self.send_new(|mut message| {
            let mut reply = message.init_disembargo()?;
            reply.reborrow().context().set_receiver_loopback(embargo);
            write_target(reply.init_target()?, &target)
        })
        .map_err(|e| violation(e.to_string()))
    }

    fn on_unimplemented(&mut self, echo: wire::MessageReader<'_>) -> core::result::Result<(), Close> {
        let question = match echo.which() {
            message::Which::Call(Some(call)) => call.question_id(),
            message::Which::Bootstrap(Some(bootstrap)) => bootstrap.question_id(),
            _ => return Ok(()),
        };
        let Some(q) = self.questions.get_mut(question) else { return Ok(()) };
        if q.returned {
            return Ok(());
        }
        q.returned = true;
        // The peer took none of the parameters' capabilities: their references come back.
        let released = core::mem::take(&mut q.param_exports);
        if q.dropped {
            self.questions.remove(question);
        } else {
            q.result = Some(Err(Error::unimplemented("the peer does not implement this call")));
            if let Some(waker) = q.waker.take() {
                waker.wake();
            }
        }
        for id in released {
            self.release_export(id, 1)?;
        }
        Ok(())
    }

    /// Handles a client or promise dropped outside.
    pub(crate) fn on_dropped(&mut self, dropped: Dropped) {
        match dropped {
            Dropped::Import(id, generation) => {
                let Some(entry) = self.imports.get(&id) else { return };
                if entry.generation != generation || entry.weak.strong_count() > 0 {
                    return;
                }
                let remote_refs = entry.remote_refs;
                self.imports.remove(&id);
                if self.closed.is_some() {
                    return;
                }
                let _ = self.send_new(|mut message| {
                    let mut release = message.init_release()?;
                    release.set_id(id);
                    release.set_reference_count(remote_refs);
                    Ok::<(), crate::Error>(())
                });
            }
            Dropped::Question(id) => {
                let Some(question) = self.questions.get_mut(id) else { return };
                question.dropped = true;
                let returned = question.returned;
                let result = question.result.take();
                if returned || self.closed.is_some() {
                    self.questions.remove(id);
                }
                if let Some(Ok(response)) = result {
                    self.graveyard.extend(response.caps().iter().cloned());
                }
                if self.closed.is_some() {
                    return;
                }
                let _ = self.send_new(|mut message| {
                    let mut finish = message.init_finish()?;
                    finish.set_question_id(id);
                    finish.set_release_result_caps(false);
                    Ok::<(), crate::Error>(())
                });
            }
        }
    }

    /// Closes the connection: every question fails with `error`, every table is emptied (what
    /// it held goes to the graveyard), and nothing more is sent but an `Abort` already queued.
    pub(crate) fn close(&mut self, error: Error) {
        if self.closed.is_some() {
            return;
        }
        self.closed = Some(error.clone());
        for question in self.questions.slots.iter_mut().flatten() {
            if question.result.is_none() {
                question.result = Some(Err(error.clone()));
            }
            if let Some(waker) = question.waker.take() {
                waker.wake();
            }
        }
        let exports: Vec<Client> = self.exports.drain().map(|e| e.client).collect();
        self.graveyard.extend(exports);
        self.export_keys.clear();
        for (_, answer) in self.answers.drain() {
            for wait in &answer.waiters {
                wait.complete(Err(error.clone()));
            }
            if let Some(Ok(response)) = answer.done {
                self.graveyard.extend(response.caps().iter().cloned());
            }
        }
        self.imports.clear();
        self.graveyard.extend(self.bootstrap.take());
        let deliveries: Vec<Delivery> = self.deliveries.drain(..).collect();
        self.graveyard.extend(deliveries.into_iter().flat_map(|d| {
            let mut caps = d.params.caps;
            caps.push(d.target);
            caps
        }));
    }

    /// How many calls are queued on answers that have not returned.
    pub(crate) fn queued_calls(&self) -> usize {
        self.answers.values().map(|a| a.queued.len()).sum()
    }

    /// Whether every table is empty (as after [`close`](Self::close)).
    pub(crate) fn is_empty(&self) -> bool {
        self.questions.len == 0
            && self.answers.is_empty()
            && self.exports.len == 0
            && self.imports.is_empty()
            && self.deliveries.is_empty()
    }

    /// Queues an `Abort` carrying `error`.
    pub(crate) fn send_abort(&mut self, error: &Error) {
        let _ = self.send_new(|mut message| write_exception(message.init_abort()?, error));
    }
}

fn write_target(mut builder: wire::MessageTargetBuilder<'_>, target: &Target) -> Result<()> {
    match target {
        Target::Import(id) => builder.set_imported_cap(*id),
        Target::Answer(question, path) => {
            let mut promised = builder.init_promised_answer()?;
            promised.set_question_id(*question);
            write_transform(promised, path)?;
        }
    }
    Ok(())
}

fn write_transform(mut promised: wire::PromisedAnswerBuilder<'_>, path: &[u16]) -> Result<()> {
    if path.is_empty() {
        return Ok(());
    }
    let mut transform = promised.init_transform(path.len() as u32)?;
    for (index, &field) in path.iter().enumerate() {
        transform.get(index as u32)?.set_get_pointer_field(field);
    }
    Ok(())
}

fn read_promised(promised: Option<wire::PromisedAnswerReader<'_>>) -> core::result::Result<(u32, Vec<u16>), Close> {
    let Some(promised) = promised else { return Err(violation("a promised answer without its body")) };
    let mut path = Vec::new();
    for op in promised.get_transform().iter() {
        match op.which() {
            promised_answer::op::Which::Noop => {}
            promised_answer::op::Which::GetPointerField(field) => path.push(field),
            promised_answer::op::Which::Unknown(tag) => {
                return Err(violation(format!("a transform operation of unknown kind {tag}")))
            }
        }
    }
    Ok((promised.question_id(), path))
}

fn write_exception(mut builder: wire::ExceptionBuilder<'_>, error: &Error) -> Result<()> {
    builder.set_reason(error.reason())?;
    builder.set_type(match error.kind() {
        ErrorKind::Failed => exception::Type::Failed,
        ErrorKind::Overloaded => exception::Type::Overloaded,
        ErrorKind::Disconnected => exception::Type::Disconnected,
        ErrorKind::Unimplemented => exception::Type::Unimplemented,
    });
    Ok(())
}

fn read_exception(exception: wire::ExceptionReader<'_>) -> Error {
    let kind = match exception.r#type() {
        exception::Type::Overloaded => ErrorKind::Overloaded,
        exception::Type::Disconnected => ErrorKind::Disconnected,
        exception::Type::Unimplemented => ErrorKind::Unimplemented,
        _ => ErrorKind::Failed,
    };
    Error::new(kind, exception.get_reason())
}
