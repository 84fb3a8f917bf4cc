//! capnzero's RPC against the C++ implementation, through pycapnp peers (.ci/rpc/adder_server.py
//! and adder_client.py): calls, pipelining, capabilities in parameters and results both ways,
//! `Release`, cancellation, exceptions and disconnects. The tests need a Python with pycapnp,
//! named by `CAPNZERO_PYTHON`, so they are ignored by default; `.ci/rpc/interop.sh` runs them:
//! `CAPNZERO_PYTHON=venv/bin/python cargo test --features tokio --test rpc_interop -- --ignored`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use capnzero::rpc::{Client, RpcConnection, TokioIo};

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
    check_remote_adder(&adder, false, move || {
        server.kill().unwrap();
        server.wait().unwrap();
    })
    .await;
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
