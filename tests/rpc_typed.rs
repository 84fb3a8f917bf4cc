//! The RPC items generated for interfaces: typed clients and requests, `Server` traits with
//! async methods, superclasses (a client converts to its superclass's, a server serves the
//! inherited methods), typed pipelining, unimplemented methods, and a generic interface bound to
//! `Text`; locally and over a pipe.
//! `cargo test --features tokio --test rpc_typed`.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use capnzero::rpc::{Client, Error, ErrorKind, RpcConnection, TokioIo, TypedParams, TypedResults};

capnzero::capnp_schema! {
    @0xe3b1f09c52a77d41;

    interface Named {
      name @0 () -> (name :Text);
      # Not implemented by Doubler: answers Unimplemented.
      id @1 () -> (id :UInt32);
    }

    interface Doubler extends(Named) {
      double @0 (x :Int32) -> (y :Int32);
      twin @1 () -> (twin :Doubler, named :Named);
      # Another doubler, and itself as a Named.
    }

    interface Sink {
      write @0 (index :UInt32) -> stream;
      count @1 () -> (count :UInt32, inOrder :Bool, mostAtOnce :UInt32);
    }

    interface Store(T) {
      put @0 (value :T) -> ();
      get @1 () -> (value :T);
    }

    interface Twice {
      # Two methods returning the same struct, nested in the interface (its pipeline once).
      struct Out { again @0 :Twice; }
      first @0 () -> Out;
      second @1 () -> Out;
    }
}

/// Counts the writes, checks their order and how many ran at once.
#[derive(Default)]
struct CountingSink {
    count: AtomicU32,
    in_order: std::sync::atomic::AtomicBool,
    running: AtomicU32,
    most: AtomicU32,
}

impl sink::Server for CountingSink {
    async fn write(
        self: Arc<Self>,
        params: TypedParams<sink::WriteParams>,
        results: TypedResults<stream_capnp::StreamResult>,
    ) -> Result<TypedResults<stream_capnp::StreamResult>, Error> {
        let index = params.reader().get()?.index();
        let running = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(running, Ordering::SeqCst);
        if index % 3 == 0 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        let before = self.count.fetch_add(1, Ordering::SeqCst);
        if before != index {
            self.in_order.store(false, Ordering::SeqCst);
        }
        self.running.fetch_sub(1, Ordering::SeqCst);
        Ok(results)
    }

    async fn count(
        self: Arc<Self>,
        _: TypedParams<sink::CountParams>,
        mut results: TypedResults<sink::CountResults>,
    ) -> Result<TypedResults<sink::CountResults>, Error> {
        let mut r = results.get();
        r.set_count(self.count.load(Ordering::SeqCst));
        r.set_in_order(self.in_order.load(Ordering::SeqCst));
        r.set_most_at_once(self.most.load(Ordering::SeqCst));
        Ok(results)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streaming_calls_run_one_at_a_time_and_hold_later_calls() {
    let sink_impl = CountingSink { in_order: true.into(), ..CountingSink::default() };
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    tokio::spawn(RpcConnection::new(TokioIo(ar), TokioIo(aw), Some(sink::new_client(sink_impl).into())));
    let client = RpcConnection::new(TokioIo(br), TokioIo(bw), None);
    let sink = sink::Client::from(client.bootstrap());
    tokio::spawn(client);
    let mut writer = capnzero::rpc::StreamWriter::new(4096);
    for index in 0..60 {
        let mut request = sink.write_request();
        request.params().set_index(index);
        writer.send(request).await.unwrap();
    }
    // count() is sent while writes are still in flight; it runs after every one of them.
    let response = sink.count_request().send().await.unwrap();
    let reader = response.reader();
    let counted = reader.get().unwrap();
    assert_eq!((counted.count(), counted.in_order(), counted.most_at_once()), (60, true, 1));
    writer.finish().await.unwrap();
}

/// A `Store(Text)`.
#[derive(Default)]
struct TextStore(std::sync::Mutex<String>);

impl store::Server<capnzero::kind::Text> for TextStore {
    async fn put(
        self: Arc<Self>,
        params: TypedParams<store::PutParams<capnzero::kind::Text>>,
        results: TypedResults<store::PutResults>,
    ) -> Result<TypedResults<store::PutResults>, Error> {
        let value = params.reader().get()?.get_value().to_string();
        *self.0.lock().unwrap() = value;
        Ok(results)
    }

    async fn get(
        self: Arc<Self>,
        _: TypedParams<store::GetParams>,
        mut results: TypedResults<store::GetResults<capnzero::kind::Text>>,
    ) -> Result<TypedResults<store::GetResults<capnzero::kind::Text>>, Error> {
        let value = self.0.lock().unwrap().clone();
        results.get().set_value(&value)?;
        Ok(results)
    }
}

async fn check_store(store: store::Client<capnzero::kind::Text>) {
    let mut request = store.put_request();
    request.params().set_value(&"hello".to_string()).unwrap();
    request.send().await.unwrap();
    let response = store.get_request().send().await.unwrap();
    assert_eq!(response.reader().get().unwrap().get_value(), "hello");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generic_interface_bound_to_text() {
    check_store(store::new_client(TextStore::default())).await;
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    let bootstrap: Client = store::new_client(TextStore::default()).into();
    tokio::spawn(RpcConnection::new(TokioIo(ar), TokioIo(aw), Some(bootstrap)));
    let client = RpcConnection::new(TokioIo(br), TokioIo(bw), None);
    let remote = store::Client::<capnzero::kind::Text>::from(client.bootstrap());
    tokio::spawn(client);
    check_store(remote).await;
}

struct DoublerImpl {
    id: u32,
    made: Arc<AtomicU32>,
}

impl named::Server for DoublerImpl {
    async fn id(
        self: Arc<Self>,
        _: TypedParams<named::IdParams>,
        mut results: TypedResults<named::IdResults>,
    ) -> Result<TypedResults<named::IdResults>, Error> {
        results.get().set_id(self.id);
        Ok(results)
    }
}

impl doubler::Server for DoublerImpl {
    async fn double(
        self: Arc<Self>,
        params: TypedParams<doubler::DoubleParams>,
        mut results: TypedResults<doubler::DoubleResults>,
    ) -> Result<TypedResults<doubler::DoubleResults>, Error> {
        let x = params.reader().get()?.x();
        results.get().set_y(x.checked_mul(2).ok_or_else(|| Error::failed("overflow"))?);
        Ok(results)
    }

    async fn twin(
        self: Arc<Self>,
        _: TypedParams<doubler::TwinParams>,
        mut results: TypedResults<doubler::TwinResults>,
    ) -> Result<TypedResults<doubler::TwinResults>, Error> {
        let id = self.made.fetch_add(1, Ordering::SeqCst) + 100;
        let twin = results.add_cap(doubler::new_client(DoublerImpl { id, made: self.made.clone() }));
        let named = results.add_cap(named::Client::from(doubler::from_arc(self)));
        let mut r = results.get();
        r.init_twin()?.set_capability(twin);
        r.init_named()?.set_capability(named);
        Ok(results)
    }
}

async fn double(client: &doubler::Client, x: i32) -> Result<i32, Error> {
    let mut request = client.double_request();
    request.params().set_x(x);
    let response = request.send().await?;
    let y = response.reader().get()?.y();
    Ok(y)
}

async fn id(client: &named::Client) -> Result<u32, Error> {
    let response = client.id_request().send().await?;
    let id = response.reader().get()?.id();
    Ok(id)
}

/// The checks, on `doubler` (local or remote).
async fn check(doubler: doubler::Client) {
    assert_eq!(double(&doubler, 21).await.unwrap(), 42);
    assert_eq!(double(&doubler, i32::MAX).await.err().unwrap().kind(), ErrorKind::Failed);
    // The superclass's method, through the client converted to the superclass's.
    let named = named::Client::from(doubler.clone());
    assert_eq!(id(&named).await.unwrap(), 7);
    // A method the server does not implement.
    let error = named.name_request().send().await.err().unwrap();
    assert_eq!(error.kind(), ErrorKind::Unimplemented, "{error}");
    // Typed pipelining: calls on the capabilities of results that have not arrived.
    let promise = doubler.twin_request().send();
    let twin = promise.pipelined().twin();
    let itself = promise.pipelined().named();
    assert_eq!(double(&twin, 5).await.unwrap(), 10);
    assert_eq!(id(&named::Client::from(twin.clone())).await.unwrap(), 100);
    assert_eq!(id(&itself).await.unwrap(), 7);
    let deeper = twin.twin_request().send().pipelined().twin();
    assert_eq!(id(&deeper.into()).await.unwrap(), 101);
    let response = promise.await.unwrap();
    assert!(response.cap_at(&[0]).is_ok());
    // The capability fields of the results, read and made typed clients.
    let twin = {
        let reader = response.reader();
        let results = reader.get().unwrap();
        doubler::Client::from(response.cap_of(results.get_twin()).unwrap())
    };
    assert_eq!(double(&twin, 8).await.unwrap(), 16);
    let empty = doubler::TwinResults::default();
    let message = capnzero::to_bytes(&empty).unwrap();
    let read = capnzero::read::<doubler::TwinResults>(&message).unwrap();
    assert!(response.cap_of(read.root().get_twin()).unwrap().is_null(), "a null field is the null capability");
}

fn doubler_impl() -> doubler::Client {
    doubler::new_client(DoublerImpl { id: 7, made: Arc::new(AtomicU32::new(0)) })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_calls_on_a_local_server() {
    check(doubler_impl()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_calls_over_a_connection() {
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    let bootstrap: Client = doubler_impl().into();
    tokio::spawn(RpcConnection::new(TokioIo(ar), TokioIo(aw), Some(bootstrap)));
    let client = RpcConnection::new(TokioIo(br), TokioIo(bw), None);
    let doubler = doubler::Client::from(client.bootstrap());
    tokio::spawn(client);
    check(doubler).await;
}

#[test]
fn typed_params_recover_from_untyped_writes() {
    let client: Client = doubler_impl().into();
    let mut request = doubler::Client::from(client).double_request();
    // The untyped request puts a list where the parameter struct was: params() starts again.
    request.untyped().content().unwrap().init_list(capnzero::ElementSize::Byte, 3).unwrap();
    request.params().set_x(4);
    let response = tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(request.send()).unwrap();
    assert_eq!(response.reader().get().unwrap().y(), 8);
}

#[test]
fn two_methods_returning_one_struct_share_its_pipeline() {
    let twice = twice::Client::from(Client::null());
    let first: twice::Client = twice.first_request().send().pipelined().again();
    let second: twice::Client = twice.second_request().send().pipelined().again();
    // On the null capability every call fails; the types are the point.
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    assert!(runtime.block_on(first.first_request().send()).is_err());
    assert!(runtime.block_on(second.second_request().send()).is_err());
}
