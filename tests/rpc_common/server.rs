// The Adder, Counter and Callback objects of tests/schemas/rpc_test.capnp, and helpers; included
// by tests/rpc_common/mod.rs and benches/src/rpc.rs, each of which generates the schema's types
// in a module `schema` beside it (include! keeps one copy of the objects for both crates).


use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use capnzero::rpc::{BoxFuture, Client, Error, ErrorKind, Params, Results, Server};
use tokio::sync::Notify;

pub use schema::{adder, callback, counter, Adder, Callback, Counter};

/// The server of the tests. `gate` holds `getSelf` until notified; `hang_dropped` is set when a
/// `hang` call's future is dropped (cancelled).
#[derive(Default)]
pub struct AdderImpl {
    pub gate: Option<Arc<Notify>>,
    pub calls: AtomicUsize,
    pub hang_dropped: Arc<AtomicBool>,
    pub cancelled: Arc<AtomicU32>,
    pub live_counters: Arc<AtomicU32>,
}

/// Sets its flag and counts one more when dropped.
struct DropFlag(Arc<AtomicBool>, Arc<AtomicU32>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
        self.1.fetch_add(1, Ordering::SeqCst);
    }
}

impl Server for AdderImpl {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move {
            if interface_id != Adder::TYPE_ID {
                return Err(Error::unimplemented_method(interface_id, method_id));
            }
            match adder::Method::from_ordinal(method_id) {
                Some(adder::Method::Add) => {
                    let (a, b) = {
                        let reader = params.reader();
                        let p = reader.get::<adder::AddParams>()?;
                        (p.a(), p.b())
                    };
                    results.init::<adder::AddResults>()?.set_sum(a + b);
                    Ok(results)
                }
                Some(adder::Method::GetSelf) => {
                    if let Some(gate) = &self.gate {
                        gate.notified().await;
                    }
                    let index = results.add_cap(Client::from_arc(self.clone()));
                    results.init::<adder::GetSelfResults>()?.init_adder()?.set_capability(index);
                    Ok(results)
                }
                Some(adder::Method::CallBack) => {
                    let (cb, x) = {
                        let reader = params.reader();
                        let p = reader.get::<adder::CallBackParams>()?;
                        let index = p.get_cb().capability_index().ok_or_else(|| Error::failed("no callback"))?;
                        (params.cap(index)?, p.x())
                    };
                    let mut request = cb.new_call(Callback::TYPE_ID, callback::Method::Call.ordinal());
                    request.init::<callback::CallParams>()?.set_x(x);
                    let response = request.send().await?;
                    let y = response.reader().get::<callback::CallResults>()?.y();
                    results.init::<adder::CallBackResults>()?.set_y(y + 1);
                    Ok(results)
                }
                Some(adder::Method::Fail) => {
                    let kind = params.reader().get::<adder::FailParams>()?.get_kind().to_string();
                    Err(match kind.as_str() {
                        "overloaded" => Error::overloaded("too busy"),
                        "disconnected" => Error::disconnected("gone"),
                        "unimplemented" => Error::unimplemented("not here"),
                        _ => Error::failed(format!("failed as asked: {kind}")),
                    })
                }
                Some(adder::Method::Hang) => {
                    let _flag = DropFlag(self.hang_dropped.clone(), self.cancelled.clone());
                    std::future::pending::<()>().await;
                    Ok(results)
                }
                Some(adder::Method::Counter) => {
                    self.live_counters.fetch_add(1, Ordering::SeqCst);
                    let counter = CounterImpl { next: AtomicU32::new(0), live: self.live_counters.clone() };
                    let index = results.add_cap(Client::new(counter));
                    results.init::<adder::CounterResults>()?.init_counter()?.set_capability(index);
                    Ok(results)
                }
                Some(adder::Method::Cancelled) => {
                    results.init::<adder::CancelledResults>()?.set_count(self.cancelled.load(Ordering::SeqCst));
                    Ok(results)
                }
                Some(adder::Method::LiveCounters) => {
                    results.init::<adder::LiveCountersResults>()?.set_count(self.live_counters.load(Ordering::SeqCst));
                    Ok(results)
                }
                None => Err(Error::unimplemented_method(interface_id, method_id)),
            }
        })
    }
}

/// Counts up from 0; `live` counts the counters not dropped yet.
struct CounterImpl {
    next: AtomicU32,
    live: Arc<AtomicU32>,
}

impl Drop for CounterImpl {
    fn drop(&mut self) {
        self.live.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Server for CounterImpl {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        _: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        Box::pin(async move {
            if interface_id != Counter::TYPE_ID || method_id != 0 {
                return Err(Error::unimplemented_method(interface_id, method_id));
            }
            let value = self.next.fetch_add(1, Ordering::SeqCst);
            results.init::<counter::NextResults>()?.set_value(value);
            Ok(results)
        })
    }
}

/// The client-side callback: `call(x)` gives `x * 10`; `dropped` is set when it is dropped.
pub struct CallbackImpl {
    pub dropped: Arc<AtomicBool>,
}

impl Drop for CallbackImpl {
    fn drop(&mut self) {
        self.dropped.store(true, Ordering::SeqCst);
    }
}

impl Server for CallbackImpl {
    fn call(
        self: Arc<Self>,
        _: u64,
        _: u16,
        params: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        Box::pin(async move {
            let x = params.reader().get::<callback::CallParams>()?.x();
            results.init::<callback::CallResults>()?.set_y(x * 10);
            Ok(results)
        })
    }
}

pub async fn add(adder: &Client, a: i64, b: i64) -> Result<i64, Error> {
    let mut request = adder.new_call(Adder::TYPE_ID, adder::Method::Add.ordinal());
    let mut params = request.init::<adder::AddParams>()?;
    params.set_a(a);
    params.set_b(b);
    let response = request.send().await?;
    let sum = response.reader().get::<adder::AddResults>()?.sum();
    Ok(sum)
}

/// A `UInt32` result (`cancelled`, `liveCounters`) of a call without parameters.
pub async fn count(adder: &Client, method: adder::Method) -> Result<u32, Error> {
    let response = adder.new_call(Adder::TYPE_ID, method.ordinal()).send().await?;
    let count = response.reader().get::<adder::CancelledResults>()?.count();
    Ok(count)
}

pub async fn eventually(what: &str, check: impl Fn() -> bool) {
    for _ in 0..500 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The checks of a capnzero client against another implementation's Adder (pycapnp's,
/// capnp-rpc's): calls, pipelining, capabilities both ways and their release, exceptions
/// (by kind when `typed_exceptions`), cancellation, and a disconnect mid-call, made by
/// `disconnect`, which ends the peer.
pub async fn check_remote_adder(adder: &Client, typed_exceptions: bool, disconnect: impl FnOnce()) {
    let adder = adder.clone();
    assert_eq!(add(&adder, 2, 3).await.unwrap(), 5);

    // Pipelined: getSelf() and add() on its result go out together.
    let promise = adder.new_call(Adder::TYPE_ID, adder::Method::GetSelf.ordinal()).send();
    assert_eq!(add(&promise.pipeline(&[0]), 20, 22).await.unwrap(), 42);
    drop(promise);

    // A capability of ours in the parameters: the peer calls it back, then releases it.
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
    eventually("the peer to release our callback", || dropped.load(Ordering::SeqCst)).await;

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
    assert_eq!(live, 0, "the peer released the counter");

    // Exceptions: keep their kinds (pycapnp's Python exceptions are all Failed, with their
    // text); unknown methods and interfaces are Unimplemented.
    let kinds: &[(&str, ErrorKind)] = if typed_exceptions {
        &[
            ("overloaded", ErrorKind::Overloaded),
            ("disconnected", ErrorKind::Disconnected),
            ("unimplemented", ErrorKind::Unimplemented),
            ("boom", ErrorKind::Failed),
        ]
    } else {
        &[("boom", ErrorKind::Failed)]
    };
    for &(kind, expected) in kinds {
        let mut request = adder.new_call(Adder::TYPE_ID, adder::Method::Fail.ordinal());
        request.init::<adder::FailParams>().unwrap().set_kind(kind).unwrap();
        let error = request.send().await.err().unwrap();
        assert_eq!(error.kind(), expected, "{error}");
        if expected == ErrorKind::Failed {
            assert!(error.reason().contains("failed as asked: boom"), "{error}");
        }
    }
    let error = adder.new_call(Adder::TYPE_ID, 99).send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented, "{error}");
    let error = adder.new_call(0x1234_5678, 0).send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented, "{error}");

    // Cancellation: dropping the promise sends Finish, and the peer cancels the call.
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
    assert_eq!(cancelled, 1, "the peer cancelled hang()");

    // A disconnect mid-call: the pending call and later ones fail as Disconnected.
    let hang = adder.new_call(Adder::TYPE_ID, adder::Method::Hang.ordinal()).send();
    tokio::time::sleep(Duration::from_millis(100)).await;
    disconnect();
    let error = tokio::time::timeout(Duration::from_secs(10), hang).await.expect("the call ends").err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Disconnected, "{error}");
    let error = add(&adder, 1, 1).await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Disconnected, "{error}");
}
