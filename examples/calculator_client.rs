//! The calculator client of the official Cap'n Proto samples, on capnzero's RPC: connects to
//! `HOST:PORT` and runs the samples' five checks, printing `PASS` for each: a literal, add and
//! subtract, pipelined evaluate() calls, functions defined by the client, and a callback to a
//! function the client serves. Every check takes one round trip however many calls it makes,
//! because each call's result capabilities are used (pipelined) before the call returns.
//!
//! `cargo run --features tokio --example calculator_client -- 127.0.0.1:5923` against
//! `calculator_server`, the samples' C++ server or a pycapnp one.

use std::sync::Arc;

use capnzero::rpc::{Client, Error, RpcConnection, TokioIo, TypedParams, TypedPromise, TypedResults};

mod schema {
    capnzero::capnp_schema!("examples/calculator.capnp");
}
use schema::calculator::{self, function, Operator};

/// An expression to send, its capabilities as clients.
enum Expr {
    Literal(f64),
    Previous(Client),
    Parameter(u32),
    Call(Client, Vec<Expr>),
}

fn call(function: &Client, params: Vec<Expr>) -> Expr {
    Expr::Call(function.clone(), params)
}

/// The capabilities of `expr` in the order [`write_expr`] writes them.
fn collect_caps(expr: &Expr, caps: &mut Vec<Client>) {
    match expr {
        Expr::Previous(value) => caps.push(value.clone()),
        Expr::Call(function, params) => {
            caps.push(function.clone());
            params.iter().for_each(|p| collect_caps(p, caps));
        }
        Expr::Literal(_) | Expr::Parameter(_) => {}
    }
}

fn write_expr(mut builder: calculator::ExpressionBuilder<'_>, expr: &Expr, next_cap: &mut u32) -> Result<(), Error> {
    match expr {
        Expr::Literal(value) => builder.set_literal(*value),
        Expr::Parameter(index) => builder.set_parameter(*index),
        Expr::Previous(_) => {
            builder.init_previous_result()?.set_capability(*next_cap);
            *next_cap += 1;
        }
        Expr::Call(_, params) => {
            let mut group = builder.init_call();
            group.init_function()?.set_capability(*next_cap);
            *next_cap += 1;
            let mut list = group.init_params(params.len() as u32)?;
            for (i, param) in params.iter().enumerate() {
                write_expr(list.get(i as u32)?, param, next_cap)?;
            }
        }
    }
    Ok(())
}

/// `calculator.evaluate(expr)`, its result not awaited.
fn evaluate(calculator: &calculator::Client, expr: &Expr) -> Result<TypedPromise<calculator::EvaluateResults>, Error> {
    let mut request = calculator.evaluate_request();
    let mut caps = Vec::new();
    collect_caps(expr, &mut caps);
    for cap in caps {
        request.add_cap(cap);
    }
    write_expr(request.params().init_expression()?, expr, &mut 0)?;
    Ok(request.send())
}

/// Reads the `Value` that `promise` (of an `evaluate`) will give: pipelined on the promise.
async fn read(promise: &TypedPromise<calculator::EvaluateResults>) -> Result<f64, Error> {
    let response = promise.pipelined().value().read_request().send().await?;
    let value = response.reader().get()?.value();
    Ok(value)
}

fn get_operator(calculator: &calculator::Client, op: Operator) -> Client {
    let mut request = calculator.get_operator_request();
    request.params().set_op(op);
    request.send().pipelined().func().into()
}

fn def_function(calculator: &calculator::Client, param_count: i32, body: &Expr) -> Result<Client, Error> {
    let mut request = calculator.def_function_request();
    let mut caps = Vec::new();
    collect_caps(body, &mut caps);
    for cap in caps {
        request.add_cap(cap);
    }
    let mut params = request.params();
    params.set_param_count(param_count);
    write_expr(params.init_body()?, body, &mut 0)?;
    Ok(request.send().pipelined().func().into())
}

/// `pow(a, b)`, served by the client and called back by the server.
struct PowerFunction;

impl function::Server for PowerFunction {
    async fn call(
        self: Arc<Self>,
        params: TypedParams<function::CallParams>,
        mut results: TypedResults<function::CallResults>,
    ) -> Result<TypedResults<function::CallResults>, Error> {
        let args = params.reader().get()?.get_params().to_vec();
        let [a, b] = args[..] else { return Err(Error::failed("pow takes two parameters")) };
        results.get().set_value(a.powf(b));
        Ok(results)
    }
}

fn check(name: &str, got: f64, expected: f64) -> Result<(), Error> {
    if got == expected {
        println!("{name}... PASS");
        Ok(())
    } else {
        Err(Error::failed(format!("{name}: expected {expected}, got {got}")))
    }
}

async fn run(calculator: &calculator::Client) -> Result<(), Error> {
    let literal = evaluate(calculator, &Expr::Literal(123.0))?;
    check("Evaluating a literal", read(&literal).await?, 123.0)?;

    // 123 + 45 - 67: the operators are fetched and used in the same round trip.
    let add = get_operator(calculator, Operator::Add);
    let subtract = get_operator(calculator, Operator::Subtract);
    let expr = call(&subtract, vec![call(&add, vec![Expr::Literal(123.0), Expr::Literal(45.0)]), Expr::Literal(67.0)]);
    check("Using add and subtract", read(&evaluate(calculator, &expr)?).await?, 101.0)?;

    // 4 * 6, then that (still a promise) + 3.
    let multiply = get_operator(calculator, Operator::Multiply);
    let product = evaluate(calculator, &call(&multiply, vec![Expr::Literal(4.0), Expr::Literal(6.0)]))?;
    let sum = evaluate(
        calculator,
        &call(&add, vec![Expr::Previous(product.pipelined().value().into()), Expr::Literal(3.0)]),
    )?;
    check("Pipelining eval() calls", read(&sum).await?, 27.0)?;

    // f(x, y) = x * 100 + y; g(x) = f(x, x + 1) * 2.
    let f = def_function(
        calculator,
        2,
        &call(&add, vec![call(&multiply, vec![Expr::Parameter(0), Expr::Literal(100.0)]), Expr::Parameter(1)]),
    )?;
    let g = def_function(
        calculator,
        1,
        &call(
            &multiply,
            vec![
                call(&f, vec![Expr::Parameter(0), call(&add, vec![Expr::Parameter(0), Expr::Literal(1.0)])]),
                Expr::Literal(2.0),
            ],
        ),
    )?;
    let f_result = evaluate(calculator, &call(&f, vec![Expr::Literal(12.0), Expr::Literal(34.0)]))?;
    let g_result = evaluate(calculator, &call(&g, vec![Expr::Literal(21.0)]))?;
    let (f_value, g_value) = (read(&f_result).await?, read(&g_result).await?);
    if f_value != 1234.0 || g_value != 4244.0 {
        return Err(Error::failed(format!("functions: f(12, 34) = {f_value}, g(21) = {g_value}")));
    }
    println!("Defining functions... PASS");

    // pow(2, 4 + 5), pow being served here and called by the server.
    let pow: Client = function::new_client(PowerFunction).into();
    let expr = call(&pow, vec![Expr::Literal(2.0), call(&add, vec![Expr::Literal(4.0), Expr::Literal(5.0)])]);
    check("Using a callback", read(&evaluate(calculator, &expr)?).await?, 512.0)?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(address) = std::env::args().nth(1) else {
        eprintln!("usage: calculator_client HOST:PORT");
        std::process::exit(2);
    };
    let stream = tokio::net::TcpStream::connect(&address).await?;
    stream.set_nodelay(true)?;
    let (reader, writer) = stream.into_split();
    let connection = RpcConnection::new(TokioIo(reader), TokioIo(writer), None);
    let calculator = calculator::Client::from(connection.bootstrap());
    let driver = tokio::spawn(connection);
    run(&calculator).await?;
    drop(calculator);
    driver.abort();
    Ok(())
}
