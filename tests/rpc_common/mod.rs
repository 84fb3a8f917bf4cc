//! The server and client objects of the RPC tests (tests/rpc.rs between capnzero vats,
//! tests/rpc_interop.rs against pycapnp): `Adder`, `Counter` and `Callback` of
//! tests/schemas/rpc_test.capnp, and a helper or two.

#![allow(dead_code)]

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use capnzero::rpc::{BoxFuture, Client, Error, Params, Results, Server};
use tokio::sync::Notify;

pub mod schema {
    capnzero::capnp_schema!("tests/schemas/rpc_test.capnp");
}
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
