//! RPC side by side: the objects of tests/schemas/rpc_test.capnp served by capnzero (the tests'
//! own, from tests/rpc_common/server.rs) and by capnp-rpc (capnpc's code, generated from
//! capnzero's request by `build.rs`), and the connections of both over TCP. tests/capnp_rpc.rs
//! runs each against the other; the RPC benchmark (`src/bin/rpc-bench.rs`) times both.

use std::cell::Cell;
use std::rc::Rc;

use capnp::capability::Promise;
use capnp_rpc::{rpc_twoparty_capnp::Side, twoparty, RpcSystem};
use futures::AsyncReadExt;

/// capnzero's side: the schema's types and the tests' objects (`AdderImpl`, `CallbackImpl`, …).
pub mod zero {
    /// capnzero's types for the schema.
    pub mod schema {
        capnzero::capnp_schema!("../tests/schemas/rpc_test.capnp");
    }

    include!("../../tests/rpc_common/server.rs");
}

use crate::rpc_test_capnp::{adder, callback, counter};

/// A capnzero connection over `stream`, serving `bootstrap`.
pub fn capnzero_connection(
    stream: tokio::net::TcpStream,
    bootstrap: Option<capnzero::rpc::Client>,
) -> capnzero::rpc::RpcConnection<
    capnzero::rpc::TokioIo<tokio::net::tcp::OwnedReadHalf>,
    capnzero::rpc::TokioIo<tokio::net::tcp::OwnedWriteHalf>,
> {
    stream.set_nodelay(true).expect("TCP_NODELAY");
    let (reader, writer) = stream.into_split();
    capnzero::rpc::RpcConnection::new(capnzero::rpc::TokioIo(reader), capnzero::rpc::TokioIo(writer), bootstrap)
}

/// A capnp-rpc connection over `stream` (it must run on a `LocalSet`: capnp-rpc is `!Send`).
pub fn classic_connection(
    stream: tokio::net::TcpStream,
    side: Side,
    bootstrap: Option<capnp::capability::Client>,
) -> RpcSystem<Side> {
    stream.set_nodelay(true).expect("TCP_NODELAY");
    let (reader, writer) = tokio_util::compat::TokioAsyncReadCompatExt::compat(stream).split();
    let network = twoparty::VatNetwork::new(
        futures::io::BufReader::new(reader),
        futures::io::BufWriter::new(writer),
        side,
        Default::default(),
    );
    RpcSystem::new(Box::new(network), bootstrap)
}

/// The Adder on capnp-rpc, behaving as capnzero's [`zero::AdderImpl`] does.
#[derive(Default)]
pub struct ClassicAdder {
    pub cancelled: Rc<Cell<u32>>,
    pub live_counters: Rc<Cell<u32>>,
}

struct CountOnDrop(Rc<Cell<u32>>);

impl Drop for CountOnDrop {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

impl adder::Server for ClassicAdder {
    async fn add(self: Rc<Self>, params: adder::AddParams, mut results: adder::AddResults) -> Result<(), capnp::Error> {
        let p = params.get()?;
        results.get().set_sum(p.get_a() + p.get_b());
        Ok(())
    }

    async fn get_self(
        self: Rc<Self>,
        _: adder::GetSelfParams,
        mut results: adder::GetSelfResults,
    ) -> Result<(), capnp::Error> {
        results.get().set_adder(capnp_rpc::new_client_from_rc(self));
        Ok(())
    }

    async fn call_back(
        self: Rc<Self>,
        params: adder::CallBackParams,
        mut results: adder::CallBackResults,
    ) -> Result<(), capnp::Error> {
        let (cb, x) = {
            let p = params.get()?;
            (p.get_cb()?, p.get_x())
        };
        let mut request = cb.call_request();
        request.get().set_x(x);
        let response = request.send().promise.await?;
        results.get().set_y(response.get()?.get_y() + 1);
        Ok(())
    }

    async fn fail(self: Rc<Self>, params: adder::FailParams, _: adder::FailResults) -> Result<(), capnp::Error> {
        let kind = params.get()?.get_kind()?.to_string()?;
        Err(match kind.as_str() {
            "overloaded" => capnp::Error::overloaded("too busy".into()),
            "disconnected" => capnp::Error::disconnected("gone".into()),
            "unimplemented" => capnp::Error::unimplemented("not here".into()),
            _ => capnp::Error::failed(format!("failed as asked: {kind}")),
        })
    }

    async fn hang(self: Rc<Self>, _: adder::HangParams, _: adder::HangResults) -> Result<(), capnp::Error> {
        let _count = CountOnDrop(self.cancelled.clone());
        futures::future::pending::<()>().await;
        Ok(())
    }

    async fn counter(
        self: Rc<Self>,
        _: adder::CounterParams,
        mut results: adder::CounterResults,
    ) -> Result<(), capnp::Error> {
        self.live_counters.set(self.live_counters.get() + 1);
        let counter = ClassicCounter { next: Cell::new(0), live: self.live_counters.clone() };
        results.get().set_counter(capnp_rpc::new_client(counter));
        Ok(())
    }

    async fn cancelled(
        self: Rc<Self>,
        _: adder::CancelledParams,
        mut results: adder::CancelledResults,
    ) -> Result<(), capnp::Error> {
        results.get().set_count(self.cancelled.get());
        Ok(())
    }

    async fn live_counters(
        self: Rc<Self>,
        _: adder::LiveCountersParams,
        mut results: adder::LiveCountersResults,
    ) -> Result<(), capnp::Error> {
        results.get().set_count(self.live_counters.get());
        Ok(())
    }
}

struct ClassicCounter {
    next: Cell<u32>,
    live: Rc<Cell<u32>>,
}

impl Drop for ClassicCounter {
    fn drop(&mut self) {
        self.live.set(self.live.get() - 1);
    }
}

impl counter::Server for ClassicCounter {
    async fn next(
        self: Rc<Self>,
        _: counter::NextParams,
        mut results: counter::NextResults,
    ) -> Result<(), capnp::Error> {
        results.get().set_value(self.next.get());
        self.next.set(self.next.get() + 1);
        Ok(())
    }
}

/// A capnp-rpc Callback: `call(x)` gives `x * 10`; `dropped` is set when it is dropped.
pub struct ClassicCallback {
    pub dropped: Rc<Cell<bool>>,
}

impl Drop for ClassicCallback {
    fn drop(&mut self) {
        self.dropped.set(true);
    }
}

impl callback::Server for ClassicCallback {
    fn call(
        self: Rc<Self>,
        params: callback::CallParams,
        mut results: callback::CallResults,
    ) -> impl core::future::Future<Output = Result<(), capnp::Error>> + 'static {
        let x = params.get().map(|p| p.get_x());
        async move {
            results.get().set_y(x? * 10);
            Ok(())
        }
    }
}

/// `adder.add(a, b)` on capnp-rpc.
pub async fn classic_add(adder: &adder::Client, a: i64, b: i64) -> Result<i64, capnp::Error> {
    let mut request = adder.add_request();
    request.get().set_a(a);
    request.get().set_b(b);
    let response = request.send().promise.await?;
    Ok(response.get()?.get_sum())
}

/// A capnp-rpc promise, boxed (what a `Promise` of capnp's is).
pub type ClassicPromise<T> = Promise<T, capnp::Error>;
