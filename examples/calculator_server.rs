//! The calculator server of the official Cap'n Proto samples, on capnzero's RPC: serves
//! `Calculator` (examples/calculator.capnp, the samples' IDs) on `ADDRESS:PORT` to every client
//! that connects, each connection its own task on tokio's multi-threaded runtime.
//!
//! `cargo run --features tokio --example calculator_server -- 127.0.0.1:5923`, then the client
//! (`calculator_client`), the samples' C++ client or a pycapnp one.

use std::sync::Arc;

use capnzero::rpc::{BoxFuture, Client, Error, Params, Results, RpcConnection, Server, TokioIo};

mod schema {
    capnzero::capnp_schema!("examples/calculator.capnp");
}
use schema::calculator::{self, expression, Operator};
use schema::Calculator;

/// An expression read out of a message, its capabilities as clients: what the server
/// evaluates, and what a function defined by `defFunction` keeps.
enum Expr {
    Literal(f64),
    Previous(Client),
    Parameter(u32),
    Call(Client, Vec<Expr>),
}

fn read_expr(expression: calculator::ExpressionReader<'_>, params: &Params) -> Result<Expr, Error> {
    let cap = |pointer: capnzero::AnyPointer<'_>| match pointer.capability_index() {
        Some(index) => params.cap(index),
        None => Ok(Client::null()),
    };
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
            let request = value.new_call(calculator::Value::TYPE_ID, 0);
            Box::pin(async move {
                let response = request.send().await?;
                let value = response.reader().get::<calculator::value::ReadResults>()?.value();
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
    let mut request = function.new_call(calculator::Function::TYPE_ID, 0);
    request.init::<calculator::function::CallParams>()?.set_params(values)?;
    let response = request.send().await?;
    let value = response.reader().get::<calculator::function::CallResults>()?.value();
    Ok(value)
}

/// Puts `client` in the results' capability table and the results struct's first pointer.
fn return_cap(mut results: Results, client: Client) -> Result<Results, Error> {
    let index = results.add_cap(client);
    let mut content = results.content()?;
    let mut results_struct = content.reborrow().init_struct(0, 1);
    results_struct.pointer(0).ok_or_else(|| Error::failed("no pointer"))?.set_capability(index);
    Ok(results)
}

struct CalculatorImpl;

impl Server for CalculatorImpl {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: Params,
        results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        if interface_id != Calculator::TYPE_ID {
            return Box::pin(std::future::ready(Err(Error::unimplemented_method(interface_id, method_id))));
        }
        match calculator::Method::from_ordinal(method_id) {
            Some(calculator::Method::Evaluate) => {
                let expr = {
                    let reader = params.reader();
                    reader.get::<calculator::EvaluateParams>().and_then(|p| read_expr(p.get_expression(), &params))
                };
                Box::pin(async move {
                    let value = evaluate(&expr?, Arc::new(Vec::new())).await?;
                    return_cap(results, Client::new(ValueImpl(value)))
                })
            }
            Some(calculator::Method::DefFunction) => {
                let defined = {
                    let reader = params.reader();
                    reader.get::<calculator::DefFunctionParams>().and_then(|p| {
                        Ok(FunctionImpl {
                            param_count: p.param_count(),
                            body: Arc::new(read_expr(p.get_body(), &params)?),
                        })
                    })
                };
                Box::pin(async move { return_cap(results, Client::new(defined?)) })
            }
            Some(calculator::Method::GetOperator) => {
                let op = params.reader().get::<calculator::GetOperatorParams>().map(|p| p.op());
                Box::pin(async move { return_cap(results, Client::new(OperatorImpl(op?))) })
            }
            None => Box::pin(std::future::ready(Err(Error::unimplemented_method(interface_id, method_id)))),
        }
    }
}

struct ValueImpl(f64);

impl Server for ValueImpl {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        _: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        Box::pin(async move {
            if interface_id != calculator::Value::TYPE_ID || method_id != 0 {
                return Err(Error::unimplemented_method(interface_id, method_id));
            }
            results.init::<calculator::value::ReadResults>()?.set_value(self.0);
            Ok(results)
        })
    }
}

/// The list of `Function.call`'s parameters.
fn function_args(interface_id: u64, method_id: u16, params: &Params) -> Result<Vec<f64>, Error> {
    if interface_id != calculator::Function::TYPE_ID || method_id != 0 {
        return Err(Error::unimplemented_method(interface_id, method_id));
    }
    let reader = params.reader();
    let args = reader.get::<calculator::function::CallParams>()?.get_params().to_vec();
    Ok(args)
}

struct FunctionImpl {
    param_count: i32,
    body: Arc<Expr>,
}

impl Server for FunctionImpl {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        let args = function_args(interface_id, method_id, &params);
        Box::pin(async move {
            let args = args?;
            if args.len() != self.param_count as usize {
                return Err(Error::failed(format!("expected {} parameters, got {}", self.param_count, args.len())));
            }
            let value = evaluate(&self.body, Arc::new(args)).await?;
            results.init::<calculator::function::CallResults>()?.set_value(value);
            Ok(results)
        })
    }
}

struct OperatorImpl(Operator);

impl Server for OperatorImpl {
    fn call(
        self: Arc<Self>,
        interface_id: u64,
        method_id: u16,
        params: Params,
        mut results: Results,
    ) -> BoxFuture<Result<Results, Error>> {
        let args = function_args(interface_id, method_id, &params);
        Box::pin(async move {
            let args = args?;
            let [a, b] = args[..] else { return Err(Error::failed("an operator takes two parameters")) };
            let value = match self.0 {
                Operator::Add => a + b,
                Operator::Subtract => a - b,
                Operator::Multiply => a * b,
                Operator::Divide => a / b,
                Operator::Unknown(n) => return Err(Error::unimplemented(format!("operator {n}"))),
            };
            results.init::<calculator::function::CallResults>()?.set_value(value);
            Ok(results)
        })
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
    let calculator = Client::new(CalculatorImpl);
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
