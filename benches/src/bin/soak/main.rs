//! The soak test: an RPC server and a message stream consumer under sustained load, with good
//! peers, peers that disconnect at random mid-call, and malformed peers among them. It checks
//! that every good request is answered, that the bad peers get errors (never a crash or a
//! hang of the server), and that memory stays bounded (the resident set of the last third of the
//! run is no more than that of the first third plus a margin).
//!
//! `soak [--seconds N]` (default 180; CI runs 10). Prints its figures; exits 1 when a check
//! fails.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use capnzero::rpc::Client;
use capnzero_benchmarks::rpc::capnzero_connection;
use capnzero_benchmarks::rpc::zero::{add, Adder, AdderImpl};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Default)]
struct Counts {
    good_calls: AtomicU64,
    good_answers: AtomicU64,
    good_failures: AtomicU64,
    dropped_connections: AtomicU64,
    connections: AtomicU64,
    bad_peers: AtomicU64,
    bad_peers_closed: AtomicU64,
    messages_sent: AtomicU64,
    messages_read: AtomicU64,
    bad_streams: AtomicU64,
    bad_streams_refused: AtomicU64,
}

/// The resident set size of this process, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// A tiny deterministic generator, so runs can be compared.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

async fn rpc_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let adder = Client::new(AdderImpl::default());
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            // Every connection's end, good or bad, is only counted by its peer.
            tokio::spawn(capnzero_connection(stream, Some(adder.clone())));
        }
    });
    address
}

/// A good client: calls in a loop, each result checked, until `stop`.
async fn good_client(address: SocketAddr, counts: Arc<Counts>, stop: Arc<AtomicBool>, seed: u64) {
    let mut rng = Rng(seed | 1);
    while !stop.load(Ordering::Relaxed) {
        let stream = TcpStream::connect(address).await.unwrap();
        counts.connections.fetch_add(1, Ordering::Relaxed);
        let connection = capnzero_connection(stream, None);
        let adder = connection.bootstrap();
        let driver = tokio::spawn(connection);
        // Each connection lives for a random number of calls, then ends: cleanly, or dropped
        // with a call in flight.
        let lifetime = rng.next() % 2000;
        let mid_call = rng.next() % 2 == 0;
        let mut made = 0;
        while !stop.load(Ordering::Relaxed) {
            if made == lifetime {
                if mid_call {
                    let pending = adder.new_call(Adder::TYPE_ID, 4).send(); // hang()
                    tokio::time::sleep(Duration::from_millis(1)).await;
                    driver.abort();
                    let _ = pending.await; // Disconnected; not a good request
                    counts.dropped_connections.fetch_add(1, Ordering::Relaxed);
                } else {
                    driver.abort();
                }
                break;
            }
            let (a, b) = ((rng.next() % 1000) as i64, (rng.next() % 1000) as i64);
            counts.good_calls.fetch_add(1, Ordering::Relaxed);
            match add(&adder, a, b).await {
                Ok(sum) if sum == a + b => counts.good_answers.fetch_add(1, Ordering::Relaxed),
                _ => counts.good_failures.fetch_add(1, Ordering::Relaxed),
            };
            made += 1;
        }
    }
}

/// A bad peer: one of several kinds of malformed input; the server must close on it.
async fn bad_peer(address: SocketAddr, kind: u64, counts: Arc<Counts>) {
    counts.bad_peers.fetch_add(1, Ordering::Relaxed);
    let Ok(mut stream) = TcpStream::connect(address).await else { return };
    let bytes: Vec<u8> = match kind % 4 {
        // Garbage framing.
        0 => vec![0xff; 256],
        // A call on an export that does not exist.
        1 => {
            let mut m = capnzero::MessageBuilder::default();
            let mut root = m.init_root(1, 1);
            root.set::<u16>(0, 2);
            let mut call = root.into_pointer(0).unwrap().init_struct(3, 3);
            call.set::<u32>(0, 1);
            call.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 999);
            m.to_bytes()
        }
        // A segment table announcing far more than the limits.
        2 => [0u32.to_le_bytes(), u32::MAX.to_le_bytes()].concat(),
        // A truncated message, then the end of the stream.
        _ => {
            let mut m = capnzero::MessageBuilder::default();
            m.init_root(1, 1).set::<u16>(0, 8);
            let mut bytes = m.to_bytes();
            bytes.truncate(12);
            bytes
        }
    };
    let _ = stream.write_all(&bytes).await;
    let _ = stream.shutdown().await;
    let mut sink = Vec::new();
    // The server answers (an Abort) or not, and closes: the read ends.
    if tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut sink)).await.is_ok() {
        counts.bad_peers_closed.fetch_add(1, Ordering::Relaxed);
    }
}

/// The message stream consumer: reads framed messages from each connection until it ends;
/// counts the good ones and the streams it refused.
async fn consumer(counts: Arc<Counts>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let counts = counts.clone();
            tokio::spawn(async move {
                let mut stream = capnzero::rpc::TokioIo(stream);
                let options = capnzero::ReaderOptions::default();
                loop {
                    match capnzero::try_read_message_async(&mut stream, options).await {
                        Ok(Some(message)) => {
                            let ok = message
                                .reader()
                                .root()
                                .get_struct()
                                .ok()
                                .flatten()
                                .is_some_and(|r| r.get::<u64>(0) == 42);
                            if ok {
                                counts.messages_read.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                        Ok(None) => break,
                        Err(_) => {
                            counts.bad_streams_refused.fetch_add(1, Ordering::Relaxed);
                            break;
                        }
                    }
                }
            });
        }
    });
    address
}

async fn producer(address: SocketAddr, counts: Arc<Counts>, stop: Arc<AtomicBool>, seed: u64) {
    let mut rng = Rng(seed | 1);
    let mut message = capnzero::MessageBuilder::default();
    message.init_root(1, 1).set::<u64>(0, 42);
    let good = message.to_bytes();
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut stream) = TcpStream::connect(address).await else { continue };
        let count = rng.next() % 100 + 1;
        let bad = rng.next() % 5 == 0;
        for _ in 0..count {
            if stream.write_all(&good).await.is_err() {
                break;
            }
            counts.messages_sent.fetch_add(1, Ordering::Relaxed);
        }
        if bad {
            counts.bad_streams.fetch_add(1, Ordering::Relaxed);
            let _ = stream.write_all(&[0xff; 16]).await;
        }
        let _ = stream.shutdown().await;
        let mut sink = Vec::new();
        let _ = stream.read_to_end(&mut sink).await;
    }
}

fn main() {
    let seconds: u64 =
        std::env::args().skip_while(|a| a != "--seconds").nth(1).and_then(|s| s.parse().ok()).unwrap_or(180);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let counts = Arc::new(Counts::default());
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let (rss, failures) = runtime.block_on(async {
        let rpc = rpc_server().await;
        let stream = consumer(counts.clone()).await;
        let mut tasks = Vec::new();
        for seed in 0..50 {
            tasks.push(tokio::spawn(good_client(rpc, counts.clone(), stop.clone(), seed * 7919 + 1)));
        }
        for seed in 0..4 {
            tasks.push(tokio::spawn(producer(stream, counts.clone(), stop.clone(), seed * 104_729 + 3)));
        }
        let bad = {
            let (counts, stop) = (counts.clone(), stop.clone());
            tokio::spawn(async move {
                let mut kind = 0;
                while !stop.load(Ordering::Relaxed) {
                    bad_peer(rpc, kind, counts.clone()).await;
                    kind += 1;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
        };
        let mut rss = Vec::new();
        while start.elapsed() < Duration::from_secs(seconds) {
            tokio::time::sleep(Duration::from_millis(500)).await;
            rss.push(rss_kib());
        }
        stop.store(true, Ordering::Relaxed);
        let mut failures = 0;
        for task in tasks {
            if tokio::time::timeout(Duration::from_secs(30), task).await.is_err() {
                failures += 1;
            }
        }
        let _ = bad.await;
        (rss, failures)
    });
    let load = |c: &AtomicU64| c.load(Ordering::Relaxed);
    let third = (rss.len() / 3).max(1);
    let first = rss[..third].iter().copied().max().unwrap_or(0);
    let last = rss[rss.len().saturating_sub(third)..].iter().copied().max().unwrap_or(0);
    println!("soak: {seconds} s, 50 RPC clients, 4 stream producers, a malformed peer every 20 ms");
    println!(
        "rpc: {} good calls, {} answered right, {} failed; {} connections, {} dropped mid-call; {} malformed peers, {} closed by the server",
        load(&counts.good_calls),
        load(&counts.good_answers),
        load(&counts.good_failures),
        load(&counts.connections),
        load(&counts.dropped_connections),
        load(&counts.bad_peers),
        load(&counts.bad_peers_closed)
    );
    println!(
        "stream: {} good messages sent, {} read; {} streams ended with garbage, {} refused",
        load(&counts.messages_sent),
        load(&counts.messages_read),
        load(&counts.bad_streams),
        load(&counts.bad_streams_refused)
    );
    println!("memory: resident {first} KiB at most in the first third, {last} KiB in the last");
    let mut ok = true;
    let mut check = |what: &str, holds: bool| {
        if !holds {
            eprintln!("soak: FAILED: {what}");
            ok = false;
        }
    };
    check(
        "every good call answered right",
        load(&counts.good_failures) == 0 && load(&counts.good_calls) == load(&counts.good_answers),
    );
    check("calls were made", load(&counts.good_calls) > 0);
    check("every malformed peer closed", load(&counts.bad_peers) == load(&counts.bad_peers_closed));
    check("every good message read", load(&counts.messages_sent) == load(&counts.messages_read));
    check("every garbage stream refused", load(&counts.bad_streams) == load(&counts.bad_streams_refused));
    check("every task ended", failures == 0);
    check("memory bounded", last <= first + first / 2 + 16 * 1024);
    if !ok {
        std::process::exit(1);
    }
    println!("soak: all checks passed");
}
