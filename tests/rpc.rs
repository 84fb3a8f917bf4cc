//! RPC between two capnzero vats over in-memory pipes, on tokio's multi-threaded runtime:
//! bootstrap, calls, capabilities both ways and their release, pipelining counted on the wire,
//! exceptions by kind, cancellation, disconnects, and malformed peers.
//! `cargo test --features tokio --test rpc`.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use capnzero::rpc::{Client, Error, ErrorKind, RpcConnection, RpcOptions, TokioIo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Notify;

mod rpc_common;
use rpc_common::*;

type Io =
    (TokioIo<tokio::io::ReadHalf<tokio::io::DuplexStream>>, TokioIo<tokio::io::WriteHalf<tokio::io::DuplexStream>>);

fn pipe() -> (Io, Io) {
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    ((TokioIo(ar), TokioIo(aw)), (TokioIo(br), TokioIo(bw)))
}

/// A server vat on one end of a pipe and a client vat on the other; the client's bootstrap.
fn connect(server: AdderImpl) -> (Client, Arc<AdderImpl>, tokio::task::JoinHandle<Result<(), Error>>) {
    let ((sr, sw), (cr, cw)) = pipe();
    let server = Arc::new(server);
    let server_conn = RpcConnection::new(sr, sw, Some(Client::from_arc(server.clone())));
    let client_conn = RpcConnection::new(cr, cw, None);
    let bootstrap = client_conn.bootstrap();
    let server_task = tokio::spawn(server_conn);
    tokio::spawn(client_conn);
    (bootstrap, server, server_task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bootstrap_and_call_from_another_task() {
    let (adder, _, _) = connect(AdderImpl::default());
    assert_eq!(add(&adder, 2, 3).await.unwrap(), 5);
    // The client moves to another task (and thread) of the multi-threaded runtime.
    let moved = adder.clone();
    let sums = tokio::spawn(async move {
        let mut sums = Vec::new();
        for i in 0..10 {
            sums.push(add(&moved, i, 100).await.unwrap());
        }
        sums
    })
    .await
    .unwrap();
    assert_eq!(sums, (100..110).collect::<Vec<_>>());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_calls() {
    let (adder, server, _) = connect(AdderImpl::default());
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let adder = adder.clone();
            tokio::spawn(async move { add(&adder, i, i).await.unwrap() })
        })
        .collect();
    for (i, task) in tasks.into_iter().enumerate() {
        assert_eq!(task.await.unwrap(), 2 * i as i64);
    }
    assert_eq!(server.calls.load(Ordering::SeqCst), 200);
}

/// Counts the messages that cross one direction of a pipe, by kind (the `Message` union's
/// discriminant), as they are read.
struct Tap<R> {
    inner: R,
    decoder: capnzero::FrameDecoder,
    kinds: Arc<Mutex<Vec<u16>>>,
}

impl<R: futures_io_reader::Reader> futures_io::AsyncRead for Tap<R> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut [u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let this = &mut *self;
        let poll = std::pin::Pin::new(&mut this.inner).poll_read(cx, buf);
        if let std::task::Poll::Ready(Ok(n)) = &poll {
            let mut bytes = &buf[..*n];
            while !bytes.is_empty() {
                let space = this.decoder.space();
                let take = space.len().min(bytes.len());
                space[..take].copy_from_slice(&bytes[..take]);
                bytes = &bytes[take..];
                if let Some(message) = this.decoder.advance(take).unwrap() {
                    let reader = message.reader();
                    let root = reader.root().get_struct().unwrap().unwrap();
                    this.kinds.lock().unwrap().push(root.get::<u16>(0));
                }
            }
        }
        poll
    }
}

mod futures_io_reader {
    pub trait Reader: futures_io::AsyncRead + Unpin {}
    impl<T: futures_io::AsyncRead + Unpin> Reader for T {}
}

const CALL: u16 = 2;
const RETURN: u16 = 3;
const FINISH: u16 = 4;
const RELEASE: u16 = 6;
const BOOTSTRAP: u16 = 8;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_calls_go_out_before_the_first_result() {
    let ((sr, sw), (cr, cw)) = pipe();
    let gate = Arc::new(Notify::new());
    let server = Arc::new(AdderImpl { gate: Some(gate.clone()), ..AdderImpl::default() });
    let to_server = Arc::new(Mutex::new(Vec::new()));
    let to_client = Arc::new(Mutex::new(Vec::new()));
    let sr = Tap { inner: sr, decoder: capnzero::FrameDecoder::new(Default::default()), kinds: to_server.clone() };
    let cr = Tap { inner: cr, decoder: capnzero::FrameDecoder::new(Default::default()), kinds: to_client.clone() };
    tokio::spawn(RpcConnection::new(sr, sw, Some(Client::from_arc(server.clone()))));
    let client_conn = RpcConnection::new(cr, cw, None);
    let bootstrap = client_conn.bootstrap();
    tokio::spawn(client_conn);

    // getSelf() waits at the gate; add() on the adder it will return, and add() on that
    // one's getSelf(), are sent now.
    let first = bootstrap.new_call(Adder::TYPE_ID, adder::Method::GetSelf.ordinal()).send();
    let pipelined = first.pipeline(&[0]);
    let second = pipelined.new_call(Adder::TYPE_ID, adder::Method::GetSelf.ordinal()).send();
    let sum = tokio::spawn({
        let pipelined = pipelined.clone();
        async move { add(&pipelined, 20, 22).await }
    });
    let deeper = second.pipeline(&[0]);
    let deeper_sum = tokio::spawn(async move { add(&deeper, 1, 2).await });
    eventually("the server to read the bootstrap and four calls", || to_server.lock().unwrap().len() >= 5).await;
    // Every call is on the server's side of the wire, and not one result has come back.
    assert_eq!(*to_server.lock().unwrap(), [BOOTSTRAP, CALL, CALL, CALL, CALL]);
    assert_eq!(to_client.lock().unwrap().iter().filter(|&&k| k == RETURN).count(), 1, "only the bootstrap returned");
    gate.notify_one();
    eventually("the second getSelf to wait", || server.calls.load(Ordering::SeqCst) >= 2).await;
    gate.notify_one();
    assert_eq!(sum.await.unwrap().unwrap(), 42);
    assert_eq!(deeper_sum.await.unwrap().unwrap(), 3);
    assert!(first.await.is_ok());
    assert!(second.await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capabilities_both_ways_and_their_release() {
    // The checks run against every other implementation, here against capnzero itself:
    // calls, pipelining, capabilities both ways and their Release, exceptions by kind,
    // cancellation, and a disconnect mid-call.
    let (adder, _, server_task) = connect(AdderImpl::default());
    check_remote_adder(&adder, true, move || server_task.abort()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exceptions_keep_their_kind() {
    let (adder, _, _) = connect(AdderImpl::default());
    for (kind, expected) in [
        ("overloaded", ErrorKind::Overloaded),
        ("disconnected", ErrorKind::Disconnected),
        ("unimplemented", ErrorKind::Unimplemented),
        ("other", ErrorKind::Failed),
    ] {
        let mut request = adder.new_call(Adder::TYPE_ID, adder::Method::Fail.ordinal());
        request.init::<adder::FailParams>().unwrap().set_kind(kind).unwrap();
        let error = request.send().await.err().unwrap();
        assert_eq!(error.kind(), expected, "{error}");
    }
    let error = adder.new_call(Adder::TYPE_ID, 99).send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented);
    assert!(error.reason().contains("@99"), "{error}");
    let error = adder.new_call(0x1234, 0).send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented);
    // The connection is still good.
    assert_eq!(add(&adder, 1, 1).await.unwrap(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_a_promise_cancels_the_call() {
    let (adder, server, _) = connect(AdderImpl::default());
    let promise = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    eventually("the hang call to start", || server.calls.load(Ordering::SeqCst) == 1).await;
    assert!(!server.hang_dropped.load(Ordering::SeqCst));
    drop(promise);
    eventually("the server to drop the cancelled call", || server.hang_dropped.load(Ordering::SeqCst)).await;
    assert_eq!(add(&adder, 5, 5).await.unwrap(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disconnect_fails_pending_and_later_calls() {
    let (adder, server, server_task) = connect(AdderImpl::default());
    let promise = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    eventually("the hang call to start", || server.calls.load(Ordering::SeqCst) == 1).await;
    server_task.abort();
    let error = promise.await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Disconnected, "{error}");
    let error = add(&adder, 1, 2).await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Disconnected, "{error}");
    eventually("the server's call to be dropped", || server.hang_dropped.load(Ordering::SeqCst)).await;
}

/// A peer that writes `bytes` to a capnzero server and reads what it answers until it closes.
async fn raw_peer(bytes: Vec<u8>) -> (Result<(), Error>, Vec<u8>) {
    let (server_end, mut peer) = tokio::io::duplex(1 << 16);
    let (sr, sw) = tokio::io::split(server_end);
    let server = RpcConnection::new(TokioIo(sr), TokioIo(sw), Some(Client::new(AdderImpl::default())));
    let server = tokio::spawn(server);
    peer.write_all(&bytes).await.unwrap();
    // The peer says no more; a server still up then sees the end of its input.
    peer.shutdown().await.unwrap();
    let result = tokio::time::timeout(Duration::from_secs(5), server).await.expect("the server ended").unwrap();
    let mut answer = Vec::new();
    peer.read_to_end(&mut answer).await.unwrap();
    (result, answer)
}

fn framed(build: impl FnOnce(&mut capnzero::MessageBuilder)) -> Vec<u8> {
    let mut message = capnzero::MessageBuilder::default();
    build(&mut message);
    message.to_bytes()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_peers_get_errors() {
    // Garbage framing: the server aborts and ends with an error.
    let (result, answer) = raw_peer(vec![0xff; 64]).await;
    assert!(result.is_err());
    let abort = capnzero::OwnedMessage::from_bytes(answer, Default::default()).unwrap();
    assert_eq!(abort.reader().root().get_struct().unwrap().unwrap().get::<u16>(0), 1, "an Abort");

    // A Call on an export that does not exist: a protocol violation, answered by Abort.
    let call = framed(|m| {
        let mut root = m.init_root(1, 1);
        root.set::<u16>(0, CALL);
        let mut call = root.into_pointer(0).unwrap().init_struct(3, 3);
        call.set::<u32>(0, 7);
        let mut target = call.into_pointer(0).unwrap().init_struct(1, 1);
        target.set::<u32>(0, 42);
    });
    let (result, answer) = raw_peer(call).await;
    let error = result.err().unwrap();
    assert!(error.reason().contains("export 42"), "{error}");
    assert!(!answer.is_empty());

    // A message kind this vat does not know comes back as Unimplemented, and the connection
    // stays up until the peer closes it.
    let unknown = framed(|m| {
        let mut root = m.init_root(1, 1);
        root.set::<u16>(0, 77);
    });
    let (result, answer) = raw_peer(unknown).await;
    assert!(result.is_ok(), "{result:?}");
    let echo = capnzero::OwnedMessage::from_bytes(answer, Default::default()).unwrap();
    let reader = echo.reader();
    let root = reader.root().get_struct().unwrap().unwrap();
    assert_eq!(root.get::<u16>(0), 0, "Unimplemented");
    assert_eq!(root.pointer(0).get_struct().unwrap().unwrap().get::<u16>(0), 77);

    // A truncated message: the end of input mid-message is a disconnect that says so.
    let mut truncated = framed(|m| {
        m.init_root(1, 1).set::<u16>(0, BOOTSTRAP);
    });
    truncated.truncate(10);
    let (result, _) = raw_peer(truncated).await;
    assert!(result.err().unwrap().reason().contains("mid-message"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finish_and_release_reach_the_wire() {
    let ((sr, sw), (cr, cw)) = pipe();
    let to_server = Arc::new(Mutex::new(Vec::new()));
    let sr = Tap { inner: sr, decoder: capnzero::FrameDecoder::new(Default::default()), kinds: to_server.clone() };
    tokio::spawn(RpcConnection::new(sr, sw, Some(Client::new(AdderImpl::default()))));
    let client_conn = RpcConnection::new(cr, cw, None);
    let adder = client_conn.bootstrap();
    tokio::spawn(client_conn);
    let response = adder.new_call(Adder::TYPE_ID, adder::Method::Counter.ordinal()).send().await.unwrap();
    let counter = response.cap_at(&[0]).unwrap();
    drop(response);
    drop(counter);
    eventually("a Release of the counter", || to_server.lock().unwrap().contains(&RELEASE)).await;
    assert!(to_server.lock().unwrap().contains(&FINISH));
}

/// A framed RPC message built by `build` on a `Message` root.
fn rpc_message(kind: u16, build: impl FnOnce(capnzero::StructBuilder<'_>)) -> Vec<u8> {
    framed(|m| {
        let mut root = m.init_root(1, 1);
        root.set::<u16>(0, kind);
        build(root);
    })
}

#[test]
fn the_fuzz_handler_answers_a_session() {
    // Bootstrap (question 0), a call on its answer (question 1, echo), a Finish of both.
    let bootstrap = rpc_message(BOOTSTRAP, |root| {
        root.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
    });
    let call = rpc_message(CALL, |root| {
        let mut call = root.into_pointer(0).unwrap().init_struct(3, 3);
        call.set::<u32>(0, 1);
        let mut target = call.reborrow().into_pointer(0).unwrap().init_struct(1, 1);
        target.set::<u16>(2, 1); // promisedAnswer
        target.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
        let payload = call.into_pointer(1).unwrap().init_struct(0, 2);
        payload.into_pointer(0).unwrap().init_struct(1, 0).set::<u64>(0, 42);
    });
    let finish = |question: u32| {
        rpc_message(FINISH, |root| {
            root.into_pointer(0).unwrap().init_struct(1, 0).set::<u32>(0, question);
        })
    };
    let session = [bootstrap, call, finish(1), finish(0)].concat();
    let outcome = capnzero::rpc::fuzz::feed(&session);
    // Our own Bootstrap, the Return of theirs, the Return of the call.
    assert_eq!(outcome, capnzero::rpc::fuzz::Outcome { handled: 4, sent: 3, closed: false, queued: 0 });
    // A Finish of a question never asked is a violation: Abort.
    let outcome = capnzero::rpc::fuzz::feed(&finish(9));
    assert_eq!(outcome, capnzero::rpc::fuzz::Outcome { handled: 1, sent: 2, closed: true, queued: 0 });
}

/// A Call of `method` (question `question`) on the promised answer `answer`, no parameters.
fn call_on_answer(question: u32, answer: u32, method: u16) -> Vec<u8> {
    rpc_message(CALL, |root| {
        let mut call = root.into_pointer(0).unwrap().init_struct(3, 3);
        call.set::<u32>(0, question);
        call.set::<u16>(2, method);
        let mut target = call.reborrow().into_pointer(0).unwrap().init_struct(1, 1);
        target.set::<u16>(2, 1);
        target.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, answer);
    })
}

fn finish_of(question: u32) -> Vec<u8> {
    rpc_message(FINISH, |root| {
        root.into_pointer(0).unwrap().init_struct(1, 0).set::<u32>(0, question);
    })
}

#[test]
fn a_call_pipelined_on_itself_is_a_violation() {
    let bootstrap = rpc_message(BOOTSTRAP, |root| {
        root.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
    });
    // It would wait for its own answer for ever: Abort.
    let outcome = capnzero::rpc::fuzz::feed(&[bootstrap, call_on_answer(1, 1, 0)].concat());
    assert!(outcome.closed, "{outcome:?}");
}

#[test]
fn a_finished_call_leaves_the_queue_it_waited_in() {
    let bootstrap = rpc_message(BOOTSTRAP, |root| {
        root.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
    });
    // Call 1 never returns; calls 2..=50 are pipelined on it and each finished at once: none
    // stays queued (with its parameters) behind call 1.
    let mut session = vec![bootstrap, call_on_answer(1, 0, 3)];
    for question in 2..=50 {
        session.push(call_on_answer(question, 1, 0));
        session.push(finish_of(question));
    }
    let outcome = capnzero::rpc::fuzz::feed(&session.concat());
    assert!(!outcome.closed, "{outcome:?}");
    assert_eq!(outcome.queued, 0, "{outcome:?}");
    // Without the Finishes they stay queued, as they should.
    let mut session = vec![
        rpc_message(BOOTSTRAP, |root| {
            root.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
        }),
        call_on_answer(1, 0, 3),
    ];
    for question in 2..=5 {
        session.push(call_on_answer(question, 1, 0));
    }
    assert_eq!(capnzero::rpc::fuzz::feed(&session.concat()).queued, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_call_wakes_its_waiters_when_one_of_them_is_gone() {
    let gate = Arc::new(Notify::new());
    let log = Arc::new(Mutex::new(Vec::new()));
    let keeper = Client::new(Gatekeeper { gate: gate.clone(), recorder: Client::new(Recorder(log.clone())) });
    let promise = keeper.new_call(1, 0).send();
    let recorder = promise.pipeline(&[0]);
    // A awaits the promise; B polls a call pipelined on it last, then gives up.
    let waiter = tokio::spawn(async move { promise.await.map(|_| ()) });
    tokio::time::sleep(Duration::from_millis(20)).await;
    let gave_up = tokio::time::timeout(Duration::from_millis(20), recorder.new_call(2, 0).send()).await;
    assert!(gave_up.is_err());
    gate.notify_one();
    // A is woken though B, who polled last, is gone.
    tokio::time::timeout(Duration::from_secs(5), waiter).await.expect("A is woken").unwrap().unwrap();
}

fn connect_with(server: AdderImpl, server_options: RpcOptions, client_options: RpcOptions) -> (Client, Arc<AdderImpl>) {
    let ((sr, sw), (cr, cw)) = pipe();
    let server = Arc::new(server);
    tokio::spawn(RpcConnection::with_options(sr, sw, Some(Client::from_arc(server.clone())), server_options));
    let client_conn = RpcConnection::with_options(cr, cw, None, client_options);
    let bootstrap = client_conn.bootstrap();
    tokio::spawn(client_conn);
    (bootstrap, server)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_peers_calls_past_max_answers_are_overloaded() {
    // Four answers the client has not finished: the bootstrap's and three calls.
    let options = RpcOptions { max_answers: 4, ..RpcOptions::default() };
    let (adder, server) = connect_with(AdderImpl::default(), options, RpcOptions::default());
    let hangs: Vec<_> = (0..3).map(|_| adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send()).collect();
    eventually("three hangs to run", || server.calls.load(Ordering::SeqCst) == 3).await;
    let error = add(&adder, 1, 2).await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Overloaded, "{error}");
    assert_eq!(server.calls.load(Ordering::SeqCst), 3, "the call past the limit did not run");
    // One finished (cancelled): room for one more.
    drop(hangs);
    eventually("the hangs to be cancelled", || server.cancelled.load(Ordering::SeqCst) == 3).await;
    assert_eq!(add(&adder, 1, 2).await.unwrap(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_past_max_questions_fail_at_once() {
    // Three questions: the bootstrap and two calls; the third call fails without being sent.
    let options = RpcOptions { max_questions: 3, ..RpcOptions::default() };
    let (adder, server) = connect_with(AdderImpl::default(), RpcOptions::default(), options);
    let first = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    let second = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    let error = add(&adder, 1, 2).await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Overloaded, "{error}");
    eventually("two hangs to run", || server.calls.load(Ordering::SeqCst) == 2).await;
    drop(first);
    eventually("the first hang's question to be gone", || server.cancelled.load(Ordering::SeqCst) == 1).await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(add(&adder, 1, 2).await.unwrap(), 3);
    drop(second);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_that_does_not_read_is_not_read_either() {
    // The server queues at most ~4 KiB of results; a peer that sends calls without reading
    // fills its pipe and is then no longer read, so the server's queue stays bounded.
    let (server_end, peer) = tokio::io::duplex(4096);
    let (sr, sw) = tokio::io::split(server_end);
    let options = RpcOptions { max_queued_bytes: 4096, ..RpcOptions::default() };
    let server = Arc::new(AdderImpl::default());
    tokio::spawn(RpcConnection::with_options(
        TokioIo(sr),
        TokioIo(sw),
        Some(Client::from_arc(server.clone())),
        options,
    ));
    let (mut peer_read, mut peer_write) = tokio::io::split(peer);
    let bootstrap = rpc_message(BOOTSTRAP, |root| {
        root.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
    });
    peer_write.write_all(&bootstrap).await.unwrap();
    let call = |question: u32| {
        rpc_message(CALL, |root| {
            let mut call = root.into_pointer(0).unwrap().init_struct(3, 3);
            call.set::<u32>(0, question);
            call.set::<u64>(1, Adder::TYPE_ID);
            let mut target = call.reborrow().into_pointer(0).unwrap().init_struct(1, 1);
            target.set::<u16>(2, 1);
            target.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 0);
            let payload = call.into_pointer(1).unwrap().init_struct(0, 2);
            payload.into_pointer(0).unwrap().init_struct(1, 0).set::<u64>(0, 1);
        })
    };
    let mut sent = 0u32;
    let writing = async {
        for question in 1..100_000 {
            peer_write.write_all(&call(question)).await.unwrap();
            sent = question;
        }
    };
    // The writes stall: nobody reads the server's results, so the server stops reading.
    assert!(tokio::time::timeout(Duration::from_millis(500), writing).await.is_err(), "the writes never stalled");
    let answered = server.calls.load(Ordering::SeqCst) as u32;
    assert!(answered < 1000, "the server kept running calls: {answered}");
    assert!(sent < 1000, "the peer could send {sent} calls");
    // Once the peer reads, the server goes on.
    let mut buffer = vec![0u8; 1 << 16];
    for _ in 0..50 {
        let _ = tokio::time::timeout(Duration::from_millis(10), peer_read.read(&mut buffer)).await;
    }
    assert!(server.calls.load(Ordering::SeqCst) as u32 >= answered);
}

/// Returns a recorder (pointer 0 of its results) once `gate` opens.
struct Gatekeeper {
    gate: Arc<Notify>,
    recorder: Client,
}

impl capnzero::rpc::Server for Gatekeeper {
    fn call(
        self: Arc<Self>,
        _: u64,
        _: u16,
        _: capnzero::rpc::Params,
        mut results: capnzero::rpc::Results,
    ) -> capnzero::rpc::BoxFuture<Result<capnzero::rpc::Results, Error>> {
        Box::pin(async move {
            self.gate.notified().await;
            let index = results.add_cap(self.recorder.clone());
            results.content()?.init_struct(0, 1).pointer(0).unwrap().set_capability(index);
            Ok(results)
        })
    }
}

/// Records the number (word 0 of the parameters) of each call, in the order they arrive.
struct Recorder(Arc<Mutex<Vec<u64>>>);

impl capnzero::rpc::Server for Recorder {
    fn call(
        self: Arc<Self>,
        _: u64,
        _: u16,
        params: capnzero::rpc::Params,
        results: capnzero::rpc::Results,
    ) -> capnzero::rpc::BoxFuture<Result<capnzero::rpc::Results, Error>> {
        let number = params
            .reader()
            .content()
            .ok()
            .and_then(|c| c.untyped().get_struct().ok().flatten())
            .map(|s| s.get::<u64>(0));
        self.0.lock().unwrap().push(number.unwrap_or(u64::MAX));
        Box::pin(std::future::ready(Ok(results)))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_pipelined_on_a_local_call_keep_their_order() {
    let gate = Arc::new(Notify::new());
    let log = Arc::new(Mutex::new(Vec::new()));
    let keeper = Client::new(Gatekeeper { gate: gate.clone(), recorder: Client::new(Recorder(log.clone())) });
    let promise = keeper.new_call(1, 0).send();
    let recorder = promise.pipeline(&[0]);
    // Ten calls on the recorder to come, each awaited by a task of its own, the last first.
    let mut tasks = Vec::new();
    for n in 0..10u64 {
        let mut request = recorder.new_call(2, 0);
        request.content().unwrap().init_struct(1, 0).set::<u64>(0, n);
        let call = request.send();
        tasks.push(tokio::spawn(async move { call.await.map(|_| ()) }));
    }
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(log.lock().unwrap().is_empty(), "nothing runs before the gatekeeper returns");
    gate.notify_one();
    for task in tasks.into_iter().rev() {
        task.await.unwrap().unwrap();
    }
    assert_eq!(*log.lock().unwrap(), (0..10).collect::<Vec<_>>());
    // After the return, a call on the pipelined capability goes straight to the recorder.
    let mut request = recorder.new_call(2, 0);
    request.content().unwrap().init_struct(1, 0).set::<u64>(0, 10);
    request.send().await.unwrap();
    assert_eq!(log.lock().unwrap().len(), 11);
    drop(promise);
}

/// Method 0: the gatekeeper's (a recorder once the gate opens); method 1: calls the capability
/// of its parameters' pointer 0 with the number 77, and returns when that call does.
struct Hub(Gatekeeper);

impl capnzero::rpc::Server for Hub {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: capnzero::rpc::Params,
        results: capnzero::rpc::Results,
    ) -> capnzero::rpc::BoxFuture<Result<capnzero::rpc::Results, Error>> {
        if method_id == 0 {
            let keeper = Arc::new(Gatekeeper { gate: self.0.gate.clone(), recorder: self.0.recorder.clone() });
            return capnzero::rpc::Server::call(keeper, interface_id, method_id, params, results);
        }
        Box::pin(async move {
            let index = {
                let reader = params.reader();
                let content = reader.content()?;
                let root = content.untyped().get_struct()?.ok_or_else(|| Error::failed("no params"))?;
                root.pointer(0).get_capability()?.ok_or_else(|| Error::failed("no capability"))?
            };
            let target = params.cap(index)?;
            let mut request = target.new_call(2, 0);
            request.content()?.init_struct(1, 0).set::<u64>(0, 77);
            request.send().await?;
            Ok(results)
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_capability_promised_by_an_answer_not_returned_waits_for_it() {
    let gate = Arc::new(Notify::new());
    let log = Arc::new(Mutex::new(Vec::new()));
    let hub = Hub(Gatekeeper { gate: gate.clone(), recorder: Client::new(Recorder(log.clone())) });
    let ((sr, sw), (cr, cw)) = pipe();
    tokio::spawn(RpcConnection::new(sr, sw, Some(Client::new(hub))));
    let client = RpcConnection::new(cr, cw, None);
    let remote = client.bootstrap();
    tokio::spawn(client);
    // The hub's recorder, promised by a call that waits at the gate ...
    let promise = remote.new_call(1, 0).send();
    let recorder = promise.pipeline(&[0]);
    // ... goes back to the hub as `receiverAnswer` naming that answer, still running there.
    let mut relay = remote.new_call(1, 1);
    let index = relay.add_cap(recorder);
    relay.content().unwrap().init_struct(0, 1).pointer(0).unwrap().set_capability(index);
    let relayed = tokio::spawn(relay.send());
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(log.lock().unwrap().is_empty());
    gate.notify_one();
    relayed.await.unwrap().unwrap();
    assert_eq!(*log.lock().unwrap(), [77]);
    drop(promise);
}
