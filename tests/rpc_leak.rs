//! Regression test of a leak the soak test found: a connection whose driver was gone stayed in
//! memory when a call's results held capabilities of that connection (its imports pointed back
//! at it). A test binary of its own, as it counts the connection states of the process.
//! `cargo test --features tokio --test rpc_leak`.

use std::time::Duration;

use capnzero::rpc::fuzz::live_connections;
use capnzero::rpc::{Client, RpcConnection, TokioIo};

mod rpc_common;
use rpc_common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_whose_driver_is_gone_is_freed() {
    assert_eq!(live_connections(), 0);
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    let server = tokio::spawn(RpcConnection::new(TokioIo(ar), TokioIo(aw), Some(Client::new(AdderImpl::default()))));
    let connection = RpcConnection::new(TokioIo(br), TokioIo(bw), None);
    let adder = connection.bootstrap();
    let client = tokio::spawn(connection);
    assert_eq!(live_connections(), 2);
    // A call whose results hold a capability (a counter) returns, and is not awaited.
    let promise = adder.new_call(Adder::TYPE_ID, adder::Method::Counter.ordinal()).send();
    assert_eq!(add(&adder, 1, 2).await.unwrap(), 3); // the counter's Return is in by now
    client.abort();
    server.abort();
    let _ = client.await;
    let _ = server.await;
    // The client keeps its promise and its bootstrap: they fail as disconnected, and hold
    // the connection's state no longer.
    assert!(promise.await.is_err());
    let _ = add(&adder, 1, 2).await.unwrap_err();
    for _ in 0..100 {
        if live_connections() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(live_connections(), 0, "both connections' states are freed");
    drop(adder);
}
