//! capnzero's RPC against the C++ implementation, through pycapnp peers (.ci/rpc/adder_server.py
//! and adder_client.py): calls, pipelining, capabilities in parameters and results both ways,
//! `Release`, cancellation, exceptions and disconnects. The tests need a Python with pycapnp,
//! named by `CAPNZERO_PYTHON`, so they are ignored by default; `.ci/rpc/interop.sh` runs them:
//! `CAPNZERO_PYTHON=venv/bin/python cargo test --features tokio --test rpc_interop -- --ignored`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use capnzero::rpc::{Client, ErrorKind, RpcConnection, TokioIo};

mod rpc_common;
use rpc_common::*;

fn python() -> String {
    std::env::var("CAPNZERO_PYTHON").expect("CAPNZERO_PYTHON names a Python with pycapnp (see .ci/rpc/interop.sh)")
}

/// The pycapnp Adder server, and the address it listens on.
fn start_pycapnp_server() -> (Child, String) {
    let mut child =
        Command::new(python()).arg(".ci/rpc/adder_server.py").stdout(Stdio::piped()).spawn().expect("python starts");
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
    let address = line.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("unexpected: {line}")).to_string();
    (child, address)
}

async fn connect(address: &str) -> Client {
    let stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let (reader, writer) = stream.into_split();
    let connection = RpcConnection::new(TokioIo(reader), TokioIo(writer), None);
    let client = connection.bootstrap();
    tokio::spawn(connection);
    client
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs pycapnp: CAPNZERO_PYTHON, .ci/rpc/interop.sh"]
async fn capnzero_client_against_pycapnp_server() {
    let (mut server, address) = start_pycapnp_server();
    let adder = connect(&address).await;
    assert_eq!(add(&adder, 2, 3).await.unwrap(), 5);

    // Pipelined: getSelf() and add() on its result go out together.
    let promise = adder.new_call(Adder::TYPE_ID, adder::Method::GetSelf.ordinal()).send();
    assert_eq!(add(&promise.pipeline(&[0]), 20, 22).await.unwrap(), 42);
    drop(promise);

    // A capability of ours in the parameters: the C++ side calls it back, then releases it.
    let dropped = Arc::new(AtomicBool::new(false));
    let mut request = adder.new_call(Adder::TYPE_ID, adder::Method::CallBack.ordinal());
    let index = request.add_cap(Client::new(CallbackImpl { dropped: dropped.clone() }));
    {
        let mut params = request.init::<adder::CallBackParams>().unwrap();
        params.set_x(4);
        params.init_cb().unwrap().set_capability(index);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.reader().get::<adder::CallBackResults>().unwrap().y(), 41);
    drop(response);
    eventually("the C++ side to release our callback", || dropped.load(Ordering::SeqCst)).await;

    // A capability of theirs in the results; dropping it sends Release, and their object goes.
    let response = adder.new_call(Adder::TYPE_ID, adder::Method::Counter.ordinal()).send().await.unwrap();
    let counter = response.cap_at(&[0]).unwrap();
    drop(response);
    let mut values = Vec::new();
    for _ in 0..3 {
        let r = counter.new_call(Counter::TYPE_ID, 0).send().await.unwrap();
        values.push(r.reader().get::<counter::NextResults>().unwrap().value());
    }
    assert_eq!(values, [0, 1, 2]);
    assert_eq!(count(&adder, adder::Method::LiveCounters).await.unwrap(), 1);
    drop(counter);
    let mut live = 1;
    for _ in 0..200 {
        live = count(&adder, adder::Method::LiveCounters).await.unwrap();
        if live == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(live, 0, "the C++ side released the counter");

    // Exceptions: a Python exception arrives as Failed with its text; unknown methods and
    // interfaces as Unimplemented.
    let mut request = adder.new_call(Adder::TYPE_ID, adder::Method::Fail.ordinal());
    request.init::<adder::FailParams>().unwrap().set_kind("boom").unwrap();
    let error = request.send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Failed);
    assert!(error.reason().contains("failed as asked: boom"), "{error}");
    let error = adder.new_call(Adder::TYPE_ID, 99).send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented, "{error}");
    let error = adder.new_call(0x1234_5678, 0).send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented, "{error}");

    // Cancellation: dropping the promise sends Finish, and the C++ side cancels the call.
    let hang = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    tokio::time::sleep(Duration::from_millis(200)).await;
    drop(hang);
    let mut cancelled = 0;
    for _ in 0..200 {
        cancelled = count(&adder, adder::Method::Cancelled).await.unwrap();
        if cancelled == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(cancelled, 1, "the C++ side cancelled hang()");

    // A disconnect mid-call: the pending call and later ones fail as Disconnected.
    let hang = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    tokio::time::sleep(Duration::from_millis(100)).await;
    server.kill().unwrap();
    server.wait().unwrap();
    let error = tokio::time::timeout(Duration::from_secs(10), hang).await.expect("the call ends").err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Disconnected, "{error}");
    let error = add(&adder, 1, 1).await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Disconnected, "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs pycapnp: CAPNZERO_PYTHON, .ci/rpc/interop.sh"]
async fn pycapnp_client_against_capnzero_server() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let server = Arc::new(AdderImpl::default());
    let bootstrap = Client::from_arc(server.clone());
    let accept = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let (reader, writer) = stream.into_split();
        RpcConnection::new(TokioIo(reader), TokioIo(writer), Some(bootstrap)).await
    });
    let python = python();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(python).arg(".ci/rpc/adder_client.py").arg(&address).output().expect("python runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(output.status.success(), "the pycapnp client failed: {stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("all checks passed"));
    // The client is gone: the connection ends, cleanly, and every capability it held is released.
    let ended = tokio::time::timeout(Duration::from_secs(10), accept).await.expect("the connection ends").unwrap();
    assert!(ended.is_ok(), "{ended:?}");
    assert_eq!(server.live_counters.load(Ordering::SeqCst), 0);
    assert_eq!(server.cancelled.load(Ordering::SeqCst), 1);
}
