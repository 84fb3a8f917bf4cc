//! The RPC benchmark: a small call (`Adder.add`, tests/schemas/rpc_test.capnp) over TCP
//! loopback, capnzero and capnp-rpc side by side in one run, each talking to itself:
//!
//! - latency: one call at a time, the time of a round trip;
//! - throughput: 64 calls in flight, calls per second, capnzero on one thread (client and
//!   server each on a current-thread runtime, as capnp-rpc must be) and on two (tokio's
//!   multi-threaded runtime with two workers: the server only, then both sides);
//! - pipelining: `getSelf()` then `add()` on its result, pipelined (one round trip) and
//!   awaited (two);
//! - load: 1,000 calls at once over 100 connections, checked one by one, repeated.
//!
//! `rpc-bench [--quick]` (`--quick`: few calls, to check that it runs; it times nothing).
//! Prints a Markdown table (docs/benchmarks.md keeps one).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use capnp_rpc::rpc_twoparty_capnp::Side;
use capnzero::rpc::Client;
use capnzero_benchmarks::rpc::zero::{add, adder, Adder, AdderImpl};
use capnzero_benchmarks::rpc::{capnzero_connection, classic_add, classic_connection, ClassicAdder};
use capnzero_benchmarks::rpc_test_capnp::adder as classic_adder;
use tokio::net::{TcpListener, TcpStream};

fn runtime(threads: usize) -> tokio::runtime::Runtime {
    if threads == 1 {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(threads).enable_all().build().unwrap()
    }
}

/// A capnzero Adder server on `threads` threads of its own, serving every connection.
fn zero_server(threads: usize) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        runtime(threads).block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let adder = Client::new(AdderImpl::default());
            loop {
                let (stream, _) = listener.accept().await.unwrap();
                tokio::spawn(capnzero_connection(stream, Some(adder.clone())));
            }
        })
    });
    rx.recv().unwrap()
}

/// A capnp-rpc Adder server on a thread of its own (capnp-rpc runs on one thread).
fn classic_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let local = tokio::task::LocalSet::new();
        local.block_on(&runtime(1), async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let adder: classic_adder::Client = capnp_rpc::new_client(ClassicAdder::default());
            loop {
                let (stream, _) = listener.accept().await.unwrap();
                tokio::task::spawn_local(classic_connection(stream, Side::Server, Some(adder.client.clone())));
            }
        })
    });
    rx.recv().unwrap()
}

async fn zero_client(address: SocketAddr) -> Client {
    let connection = capnzero_connection(TcpStream::connect(address).await.unwrap(), None);
    let adder = connection.bootstrap();
    tokio::spawn(connection);
    adder
}

async fn classic_client(address: SocketAddr) -> classic_adder::Client {
    let mut system = classic_connection(TcpStream::connect(address).await.unwrap(), Side::Client, None);
    let adder: classic_adder::Client = system.bootstrap(Side::Server);
    tokio::task::spawn_local(system);
    adder
}

/// `calls` calls, `in_flight` at a time (each a task doing its share one after the other).
async fn zero_calls(adder: &Client, calls: usize, in_flight: usize) -> Duration {
    let start = Instant::now();
    let tasks: Vec<_> = (0..in_flight)
        .map(|t| {
            let adder = adder.clone();
            tokio::spawn(async move {
                for i in (t..calls).step_by(in_flight) {
                    assert_eq!(add(&adder, i as i64, 1).await.unwrap(), i as i64 + 1);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    start.elapsed()
}

async fn classic_calls(adder: &classic_adder::Client, calls: usize, in_flight: usize) -> Duration {
    let start = Instant::now();
    let tasks: Vec<_> = (0..in_flight)
        .map(|t| {
            let adder = adder.clone();
            tokio::task::spawn_local(async move {
                for i in (t..calls).step_by(in_flight) {
                    assert_eq!(classic_add(&adder, i as i64, 1).await.unwrap(), i as i64 + 1);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    start.elapsed()
}

/// `chains` times getSelf() then add() on its result: pipelined, or waiting for getSelf().
async fn zero_chains(adder: &Client, chains: usize, pipelined: bool) -> Duration {
    let start = Instant::now();
    for i in 0..chains {
        let promise = adder.new_call(Adder::TYPE_ID, adder::Method::GetSelf.ordinal()).send();
        let again = if pipelined { promise.pipeline(&[0]) } else { promise.await.unwrap().cap_at(&[0]).unwrap() };
        assert_eq!(add(&again, i as i64, 2).await.unwrap(), i as i64 + 2);
    }
    start.elapsed()
}

async fn classic_chains(adder: &classic_adder::Client, chains: usize, pipelined: bool) -> Duration {
    let start = Instant::now();
    for i in 0..chains {
        let promise = adder.get_self_request().send();
        let again = if pipelined {
            promise.pipeline.get_adder()
        } else {
            promise.promise.await.unwrap().get().unwrap().get_adder().unwrap()
        };
        assert_eq!(classic_add(&again, i as i64, 2).await.unwrap(), i as i64 + 2);
    }
    start.elapsed()
}

/// 1,000 calls at once over 100 connections, `rounds` times; every result checked.
async fn zero_load(address: SocketAddr, rounds: usize) -> (Duration, usize) {
    let mut clients = Vec::new();
    for _ in 0..100 {
        clients.push(zero_client(address).await);
    }
    let start = Instant::now();
    let mut answered = 0;
    for round in 0..rounds {
        let mut tasks = Vec::new();
        for (c, client) in clients.iter().enumerate() {
            for k in 0..10 {
                let client = client.clone();
                let a = (round * 1000 + c * 10 + k) as i64;
                tasks.push(tokio::spawn(async move { add(&client, a, a).await.unwrap() == 2 * a }));
            }
        }
        for task in tasks {
            answered += usize::from(task.await.unwrap());
        }
    }
    (start.elapsed(), answered)
}

struct Row {
    case: String,
    zero: String,
    classic: String,
}

fn per_call(elapsed: Duration, calls: usize) -> String {
    format!("{:.1} µs", elapsed.as_secs_f64() * 1e6 / calls as f64)
}

fn rate(elapsed: Duration, calls: usize) -> String {
    format!("{:.0} calls/s", calls as f64 / elapsed.as_secs_f64())
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (calls, chains, rounds) = if quick { (200, 50, 2) } else { (40_000, 5_000, 50) };
    let mut rows = Vec::new();

    let zero_one = zero_server(1);
    let zero_two = zero_server(2);
    let classic = classic_server();

    // capnzero, client on one thread.
    let rt = runtime(1);
    let (z_latency, z_tp1, z_pipe, z_wait) = rt.block_on(async {
        let adder = zero_client(zero_one).await;
        zero_calls(&adder, calls / 10, 1).await; // warm-up
        let latency = zero_calls(&adder, calls / 4, 1).await;
        let throughput = zero_calls(&adder, calls, 64).await;
        let pipelined = zero_chains(&adder, chains, true).await;
        let waited = zero_chains(&adder, chains, false).await;
        (latency, throughput, pipelined, waited)
    });
    drop(rt);
    // capnzero, the server on the multi-threaded runtime (two workers), the client on one.
    let z_tp_server2 = runtime(1).block_on(async {
        let adder = zero_client(zero_two).await;
        zero_calls(&adder, calls / 10, 64).await;
        zero_calls(&adder, calls, 64).await
    });
    // capnzero, client and server on two threads each.
    let rt = runtime(2);
    let z_tp2 = rt.block_on(async {
        let adder = zero_client(zero_two).await;
        zero_calls(&adder, calls / 10, 64).await;
        zero_calls(&adder, calls, 64).await
    });
    let (z_load, z_answered) = rt.block_on(zero_load(zero_two, rounds));
    drop(rt);
    // capnp-rpc, one thread.
    let local = tokio::task::LocalSet::new();
    let (c_latency, c_tp1, c_pipe, c_wait) = local.block_on(&runtime(1), async {
        let adder = classic_client(classic).await;
        classic_calls(&adder, calls / 10, 1).await;
        let latency = classic_calls(&adder, calls / 4, 1).await;
        let throughput = classic_calls(&adder, calls, 64).await;
        let pipelined = classic_chains(&adder, chains, true).await;
        let waited = classic_chains(&adder, chains, false).await;
        (latency, throughput, pipelined, waited)
    });

    rows.push(Row {
        case: "latency, one call at a time".into(),
        zero: per_call(z_latency, calls / 4),
        classic: per_call(c_latency, calls / 4),
    });
    rows.push(Row {
        case: "throughput, 64 in flight, 1 thread".into(),
        zero: rate(z_tp1, calls),
        classic: rate(c_tp1, calls),
    });
    rows.push(Row {
        case: "throughput, 64 in flight, server on 2 threads, client on 1".into(),
        zero: rate(z_tp_server2, calls),
        classic: "(single-threaded only)".into(),
    });
    rows.push(Row {
        case: "throughput, 64 in flight, server and client on 2 threads each".into(),
        zero: rate(z_tp2, calls),
        classic: "(single-threaded only)".into(),
    });
    rows.push(Row {
        case: "getSelf + add, pipelined".into(),
        zero: per_call(z_pipe, chains),
        classic: per_call(c_pipe, chains),
    });
    rows.push(Row {
        case: "getSelf + add, awaited".into(),
        zero: per_call(z_wait, chains),
        classic: per_call(c_wait, chains),
    });
    let total = rounds * 1000;
    rows.push(Row {
        case: format!("load: {rounds} × 1,000 calls over 100 connections"),
        zero: format!("{} answered of {total}, {}", z_answered, rate(z_load, total)),
        classic: "—".into(),
    });

    println!("| case | capnzero | capnp-rpc |");
    println!("|---|---|---|");
    for row in &rows {
        println!("| {} | {} | {} |", row.case, row.zero, row.classic);
    }
    if z_answered != total {
        eprintln!("the load run lost {} calls", total - z_answered);
        std::process::exit(1);
    }
}
