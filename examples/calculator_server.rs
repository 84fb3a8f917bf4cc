//! The calculator server of the official Cap'n Proto samples, on capnzero's RPC: implements
//! the generated `calculator::Server` traits and serves `Calculator` (examples/calculator.capnp, the samples' IDs) on `ADDRESS:PORT` to every client
//! that connects, each connection its own task on tokio's multi-threaded runtime.
//!
//! `cargo run --features tokio --example calculator_server -- 127.0.0.1:5923`, then the client
//! (`calculator_client`), the samples' C++ client or a pycapnp one.

use std::sync::Arc;

use capnzero::rpc::{BoxFuture, Client, Error, Params, RpcConnection, TokioIo, TypedParams, TypedResults};

mod schema {
    capnzero::capnp_schema!("examples/calculator.capnp");
}
use schema::calculator::{self, expression, function, value, Operator};

/// An expression read out of a message, its capabilities as clients: what the server
/// evaluates, and what a function defined by `defFunction` keeps.
enum Expr {
    Literal(f64),
    Previous(Client),
    Parameter(u32),
    Call(Client, Vec<Expr>),
}

fn read_expr(expression: calculator::ExpressionReader<'_>, params: &Params) -> Result<Expr, Error> {
    let cap = |pointer: capnzero::AnyPointer<'_>| params.cap_of(pointer);
    Ok(match expression.which() {
        expression::Which::Literal(value) => Expr::Literal(value),
        expression::Which::PreviousResult(value) => Expr::Previous(value.map_or(Ok(Client::null()), cap)?),
        expression::Which::Parameter(index) => Expr::Parameter(index),
        expression::Which::Call(call) => {
            let args = call.get_params().iter().map(|e| read_expr(e, params)).collect::<Result<_, _>>()?;
            Expr::Call(cap(call.get_function())?, args)
        }
        expression::Which::Unknown(tag) => return Err(Error::unimplemented(format!("expression kind {tag}"))),
    })
}

/// Evaluates `expr`, `args` being the parameters of the function it is the body of.
fn evaluate(expr: &Expr, args: Arc<Vec<f64>>) -> BoxFuture<Result<f64, Error>> {
    match expr {
        Expr::Literal(value) => Box::pin(std::future::ready(Ok(*value))),
        Expr::Parameter(index) => {
            let value = args.get(*index as usize).copied().ok_or_else(|| Error::failed("parameter index out of range"));
            Box::pin(std::future::ready(value))
        }
        Expr::Previous(value) => {
            let request = value::Client::from(value.clone()).read_request();
            Box::pin(async move {
                let response = request.send().await?;
                let value = response.reader().get()?.value();
                Ok(value)
            })
        }
        Expr::Call(function, params) => {
            let evaluations: Vec<_> = params.iter().map(|p| evaluate(p, args.clone())).collect();
            let function = function.clone();
            Box::pin(async move {
                let mut values = Vec::with_capacity(evaluations.len());
                for evaluation in evaluations {
                    values.push(evaluation.await?);
                }
                call_function(&function, &values).await
            })
        }
    }
}

async fn call_function(function: &Client, values: &[f64]) -> Result<f64, Error> {
    let mut request = function::Client::from(function.clone()).call_request();
    request.params().set_params(values)?;
    let response = request.send().await?;
    let value = response.reader().get()?.value();
    Ok(value)
}

struct CalculatorImpl;

impl calculator::Server for CalculatorImpl {
    async fn evaluate(
        self: Arc<Self>,
        params: TypedParams<calculator::EvaluateParams>,
        mut results: TypedResults<calculator::EvaluateResults>,
    ) -> Result<TypedResults<calculator::EvaluateResults>, Error> {
        let expr = {
            let reader = params.reader();
            read_expr(reader.get()?.get_expression(), params.untyped())?
        };
        let value = evaluate(&expr, Arc::new(Vec::new())).await?;
        let index = results.add_cap(value::new_client(ValueImpl(value)));
        results.get().init_value()?.set_capability(index);
        Ok(results)
    }

    async fn def_function(
        self: Arc<Self>,
        params: TypedParams<calculator::DefFunctionParams>,
        mut results: TypedResults<calculator::DefFunctionResults>,
    ) -> Result<TypedResults<calculator::DefFunctionResults>, Error> {
        let function = {
            let reader = params.reader();
            let p = reader.get()?;
            FunctionImpl { param_count: p.param_count(), body: Arc::new(read_expr(p.get_body(), params.untyped())?) }
        };
        let index = results.add_cap(function::new_client(function));
        results.get().init_func()?.set_capability(index);
        Ok(results)
    }

    async fn get_operator(
        self: Arc<Self>,
        params: TypedParams<calculator::GetOperatorParams>,
        mut results: TypedResults<calculator::GetOperatorResults>,
    ) -> Result<TypedResults<calculator::GetOperatorResults>, Error> {
        let op = params.reader().get()?.op();
        let index = results.add_cap(function::new_client(OperatorImpl(op)));
        results.get().init_func()?.set_capability(index);
        Ok(results)
    }
}

struct ValueImpl(f64);

impl value::Server for ValueImpl {
    async fn read(
        self: Arc<Self>,
        _: TypedParams<value::ReadParams>,
        mut results: TypedResults<value::ReadResults>,
    ) -> Result<TypedResults<value::ReadResults>, Error> {
        results.get().set_value(self.0);
        Ok(results)
    }
}

struct FunctionImpl {
    param_count: i32,
    body: Arc<Expr>,
}

impl function::Server for FunctionImpl {
    async fn call(
        self: Arc<Self>,
        params: TypedParams<function::CallParams>,
        mut results: TypedResults<function::CallResults>,
    ) -> Result<TypedResults<function::CallResults>, Error> {
        let args = params.reader().get()?.get_params().to_vec();
        if args.len() != self.param_count as usize {
            return Err(Error::failed(format!("expected {} parameters, got {}", self.param_count, args.len())));
        }
        let value = evaluate(&self.body, Arc::new(args)).await?;
        results.get().set_value(value);
        Ok(results)
    }
}

struct OperatorImpl(Operator);

impl function::Server for OperatorImpl {
    async fn call(
        self: Arc<Self>,
        params: TypedParams<function::CallParams>,
        mut results: TypedResults<function::CallResults>,
    ) -> Result<TypedResults<function::CallResults>, Error> {
        let args = params.reader().get()?.get_params().to_vec();
        let [a, b] = args[..] else { return Err(Error::failed("an operator takes two parameters")) };
        let value = match self.0 {
            Operator::Add => a + b,
            Operator::Subtract => a - b,
            Operator::Multiply => a * b,
            Operator::Divide => a / b,
            Operator::Unknown(n) => return Err(Error::unimplemented(format!("operator {n}"))),
        };
        results.get().set_value(value);
        Ok(results)
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(address) = std::env::args().nth(1) else {
        eprintln!("usage: calculator_server ADDRESS:PORT");
        std::process::exit(2);
    };
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on {}", listener.local_addr()?);
    let calculator: Client = calculator::new_client(CalculatorImpl).into();
    loop {
        let (stream, _) = listener.accept().await?;
        stream.set_nodelay(true)?;
        let (reader, writer) = stream.into_split();
        let connection = RpcConnection::new(TokioIo(reader), TokioIo(writer), Some(calculator.clone()));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                eprintln!("connection ended: {error}");
            }
        });
    }
}
