//! capnzero's RPC against the capnp-rpc crate, both ways over TCP loopback: calls, pipelining,
//! capabilities in parameters and results and their `Release`, exceptions by kind, cancellation
//! and disconnects. capnp-rpc is `!Send`, so its side runs on a `LocalSet`.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use capnp_rpc::rpc_twoparty_capnp::Side;
use capnzero::rpc::Client;
use capnzero_benchmarks::rpc::zero::{check_remote_adder, AdderImpl};
use capnzero_benchmarks::rpc::{capnzero_connection, classic_add, classic_connection, ClassicAdder, ClassicCallback};
use capnzero_benchmarks::rpc_test_capnp::{adder, counter};
use tokio::net::{TcpListener, TcpStream};

/// A capnp-rpc Adder server on a thread of its own; its address, and a switch that closes its
/// connection.
fn start_classic_server() -> (String, tokio::sync::oneshot::Sender<()>, std::thread::JoinHandle<()>) {
    let (address_tx, address_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let local = tokio::task::LocalSet::new();
        local.block_on(&runtime, async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            address_tx.send(listener.local_addr().unwrap().to_string()).unwrap();
            let (stream, _) = listener.accept().await.unwrap();
            let adder: adder::Client = capnp_rpc::new_client(ClassicAdder::default());
            let system = classic_connection(stream, Side::Server, Some(adder.client));
            tokio::select! {
                _ = system => {}
                _ = stop_rx => {}
            }
        });
    });
    (address_rx.recv().unwrap(), stop_tx, thread)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capnzero_client_against_capnp_rpc_server() {
    let (address, stop, thread) = start_classic_server();
    let stream = TcpStream::connect(&address).await.unwrap();
    let connection = capnzero_connection(stream, None);
    let adder = connection.bootstrap();
    tokio::spawn(connection);
    check_remote_adder(&adder, true, move || {
        stop.send(()).unwrap();
        thread.join().unwrap();
    })
    .await;
}

async fn eventually(what: &str, check: impl Fn() -> bool) {
    for _ in 0..500 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn capnp_rpc_client_against_capnzero_server() {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let server = Arc::new(AdderImpl::default());
    let (listener, address) = runtime.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        (listener, address)
    });
    let bootstrap = Client::from_arc(server.clone());
    let served = runtime.spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        capnzero_connection(stream, Some(bootstrap)).await
    });
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async {
        let stream = TcpStream::connect(address).await.unwrap();
        let mut system = classic_connection(stream, Side::Client, None);
        let adder: adder::Client = system.bootstrap(Side::Server);
        tokio::task::spawn_local(system);

        assert_eq!(classic_add(&adder, 2, 3).await.unwrap(), 5);

        // Pipelined: add() on the adder getSelf() will return.
        let promise = adder.get_self_request().send();
        let again = promise.pipeline.get_adder();
        assert_eq!(classic_add(&again, 20, 22).await.unwrap(), 42);
        drop((promise, again));

        // Their capability in our parameters: called back, then released by us.
        let dropped = Rc::new(Cell::new(false));
        let mut request = adder.call_back_request();
        request.get().set_cb(capnp_rpc::new_client(ClassicCallback { dropped: dropped.clone() }));
        request.get().set_x(4);
        let response = request.send().promise.await.unwrap();
        assert_eq!(response.get().unwrap().get_y(), 41);
        drop(response);
        eventually("capnzero to release the callback", || dropped.get()).await;

        // Our capability in their results: kept between calls, released when they drop it.
        let response = adder.counter_request().send().promise.await.unwrap();
        let counter: counter::Client = response.get().unwrap().get_counter().unwrap();
        drop(response);
        let mut values = Vec::new();
        for _ in 0..3 {
            let r = counter.next_request().send().promise.await.unwrap();
            values.push(r.get().unwrap().get_value());
        }
        assert_eq!(values, [0, 1, 2]);
        assert_eq!(server.live_counters.load(Ordering::SeqCst), 1);
        drop(counter);
        eventually("capnp-rpc to release the counter", || server.live_counters.load(Ordering::SeqCst) == 0).await;

        // Exceptions keep their kinds; an unknown method is Unimplemented.
        for (kind, expected) in [
            ("overloaded", capnp::ErrorKind::Overloaded),
            ("disconnected", capnp::ErrorKind::Disconnected),
            ("unimplemented", capnp::ErrorKind::Unimplemented),
            ("boom", capnp::ErrorKind::Failed),
        ] {
            let mut request = adder.fail_request();
            request.get().set_kind(kind);
            let error = request.send().promise.await.err().unwrap();
            assert_eq!(error.kind, expected, "{error}");
        }
        let unknown = adder
            .client
            .new_call::<capnp::any_pointer::Owned, capnp::any_pointer::Owned>(
                capnzero_benchmarks::rpc::zero::Adder::TYPE_ID,
                99,
                None,
            )
            .send();
        assert_eq!(unknown.promise.await.err().unwrap().kind, capnp::ErrorKind::Unimplemented);

        // Cancellation: dropping the promise sends Finish; capnzero drops the call.
        let before = server.calls.load(Ordering::SeqCst);
        let hang = adder.hang_request().send();
        eventually("hang to start", || server.calls.load(Ordering::SeqCst) > before).await;
        drop(hang);
        eventually("capnzero to drop the cancelled call", || server.hang_dropped.load(Ordering::SeqCst)).await;

        // A disconnect mid-call: capnzero's side goes away.
        let hang = adder.hang_request().send();
        tokio::time::sleep(Duration::from_millis(100)).await;
        served.abort();
        let error =
            tokio::time::timeout(Duration::from_secs(10), hang.promise).await.expect("the call ends").err().unwrap();
        assert_eq!(error.kind, capnp::ErrorKind::Disconnected, "{error}");
    });
}
