//! The request/response loop every workload runs, in each way of passing messages: builders
//! handed over directly (`object`), serialized into a byte buffer and read back (`bytes`), or
//! streamed to a server process over a pipe (`pipe`, whose two ends are `client` and
//! `server`).

use std::fmt;
#[cfg(unix)]
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::{Command, Stdio};

use capnzero::{Builder, MessageBuilder, MessageReader, OwnedMessage, Reader, ReaderOptions, Struct};

use crate::common::FastRand;

/// Why a run stopped before its last iteration. A check that fails does not stop a run: it is
/// counted (see [`Outcome`]).
#[derive(Debug)]
pub enum BenchError {
    Capnp(capnzero::Error),
    Io(io::Error),
    /// A request or response that reads but cannot be the workload's message.
    Malformed(&'static str),
    /// The server process of a `pipe` run failed.
    Server(String),
}

impl fmt::Display for BenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BenchError::Capnp(e) => write!(f, "{e}"),
            BenchError::Io(e) => write!(f, "i/o: {e}"),
            BenchError::Malformed(what) => write!(f, "malformed message: {what}"),
            BenchError::Server(what) => write!(f, "server process: {what}"),
        }
    }
}

impl From<capnzero::Error> for BenchError {
    fn from(e: capnzero::Error) -> Self {
        BenchError::Capnp(e)
    }
}

impl From<io::Error> for BenchError {
    fn from(e: io::Error) -> Self {
        BenchError::Io(e)
    }
}

/// One of the three workloads: how the client makes a request (and knows the answer in
/// advance), how the server answers it, and how the client checks the answer.
pub trait TestCase {
    type Request: Struct;
    type Response: Struct;
    /// What the client expects the response to say.
    type Expectation: Copy;

    /// Builds a random request as the message's root.
    fn setup_request(&self, rng: &mut FastRand, message: &mut MessageBuilder) -> Result<Self::Expectation, BenchError>;

    /// Answers `request` into `response` (the response message's new root).
    fn handle_request(
        &self,
        request: Reader<'_, Self::Request>,
        response: Builder<'_, Self::Response>,
    ) -> Result<(), BenchError>;

    /// `Err` with what differs when the response is not the expected one.
    fn check_response(&self, response: Reader<'_, Self::Response>, expected: Self::Expectation) -> Result<(), String>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Object,
    Bytes,
    Pipe,
    Client,
    Server,
}

impl Mode {
    pub fn parse(word: &str) -> Option<Mode> {
        Some(match word {
            "object" => Mode::Object,
            "bytes" => Mode::Bytes,
            "pipe" => Mode::Pipe,
            "client" => Mode::Client,
            "server" => Mode::Server,
            _ => return None,
        })
    }
}

/// How one run is configured, the command line's `MODE REUSE COMPRESSION ITERS`.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub mode: Mode,
    /// Keep the request and response builders across iterations (emptied by `clear`).
    pub reuse: bool,
    pub packed: bool,
    pub iters: u64,
}

/// What a run that went to its end found: how many responses were wrong, and the first
/// difference seen.
#[derive(Debug, Default)]
pub struct Outcome {
    pub failed: u64,
    pub first_failure: Option<String>,
}

impl Outcome {
    fn record(&mut self, check: Result<(), String>) {
        if let Err(what) = check {
            self.failed += 1;
            self.first_failure.get_or_insert(what);
        }
    }
}

/// The message a side builds each iteration: the same one emptied (reuse), or a new one.
struct Scratch {
    message: MessageBuilder,
    reuse: bool,
}

impl Scratch {
    fn new(reuse: bool) -> Scratch {
        Scratch { message: MessageBuilder::default(), reuse }
    }

    fn next(&mut self) -> &mut MessageBuilder {
        if self.reuse {
            self.message.clear();
        } else {
            self.message = MessageBuilder::default();
        }
        &mut self.message
    }
}

/// The root of `message` as a `T`.
pub fn root<'m, T: Struct>(message: &'m MessageReader<'_>) -> Result<Reader<'m, T>, BenchError> {
    Ok(T::wrap_reader(message.root_struct()?))
}

/// Reads a request with the server's answer into `response` (emptied first).
fn answer<T: TestCase>(case: &T, request: &MessageReader<'_>, response: &mut MessageBuilder) -> Result<(), BenchError> {
    case.handle_request(root::<T::Request>(request)?, capnzero::init_root::<T::Response>(response))
}

/// Runs `config.iters` iterations in `config.mode`.
pub fn run<T: TestCase>(case: &T, config: Config) -> Result<Outcome, BenchError> {
    match config.mode {
        Mode::Object => by_object(case, config),
        Mode::Bytes => by_bytes(case, config),
        Mode::Pipe => by_pipe(case, config),
        Mode::Client => {
            let (input, output) = standard_streams()?;
            client(case, config, input, output)
        }
        Mode::Server => {
            let (input, output) = standard_streams()?;
            server(case, config, input, output)?;
            Ok(Outcome::default())
        }
    }
}

/// The server reads the request where the client built it: no copy, no framing.
fn by_object<T: TestCase>(case: &T, config: Config) -> Result<Outcome, BenchError> {
    let mut rng = FastRand::new();
    let mut requests = Scratch::new(config.reuse);
    let mut responses = Scratch::new(config.reuse);
    let mut outcome = Outcome::default();
    for _ in 0..config.iters {
        let request = requests.next();
        let expected = case.setup_request(&mut rng, request)?;
        let response = responses.next();
        answer(case, &request.as_reader(), response)?;
        outcome.record(case.check_response(root::<T::Response>(&response.as_reader())?, expected));
    }
    Ok(outcome)
}

/// Each message goes through the stream framing into a byte buffer (kept across iterations,
/// as the reference keeps its own) and is read back into a message of its own, as it would
/// be read from a file or socket.
fn by_bytes<T: TestCase>(case: &T, config: Config) -> Result<Outcome, BenchError> {
    let mut rng = FastRand::new();
    let mut requests = Scratch::new(config.reuse);
    let mut responses = Scratch::new(config.reuse);
    let mut request_bytes = Vec::new();
    let mut response_bytes = Vec::new();
    let mut outcome = Outcome::default();
    for _ in 0..config.iters {
        let request = requests.next();
        let expected = case.setup_request(&mut rng, request)?;
        request_bytes.clear();
        write(config.packed, &mut request_bytes, request)?;

        let response = responses.next();
        answer(case, &read(config.packed, &request_bytes[..])?.reader(), response)?;
        response_bytes.clear();
        write(config.packed, &mut response_bytes, response)?;

        let received = read(config.packed, &response_bytes[..])?;
        outcome.record(case.check_response(root::<T::Response>(&received.reader())?, expected));
    }
    Ok(outcome)
}

/// Starts this executable again as the `server` of the same run and plays the client over
/// its stdin and stdout.
fn by_pipe<T: TestCase>(case: &T, config: Config) -> Result<Outcome, BenchError> {
    let mut args = std::env::args_os().skip(1).collect::<Vec<_>>();
    if let Some(mode) = args.get_mut(1) {
        *mode = "server".into();
    }
    let mut child =
        Command::new(std::env::current_exe()?).args(&args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    let (to_server, from_server) = match (child.stdin.take(), child.stdout.take()) {
        (Some(input), Some(output)) => (input, output),
        _ => return Err(BenchError::Server("its stdin and stdout are not pipes".into())),
    };
    let outcome = client(case, config, BufReader::new(from_server), to_server);
    let status = child.wait()?;
    let outcome = outcome?;
    if !status.success() {
        return Err(BenchError::Server(format!("ended with {status}")));
    }
    Ok(outcome)
}

/// The client end of a pipe: sends each request as soon as it is built and waits for its
/// response. `output` is closed on return, so a server still waiting sees the end of input.
fn client<T: TestCase>(
    case: &T,
    config: Config,
    mut input: impl BufRead,
    output: impl Write,
) -> Result<Outcome, BenchError> {
    let mut output = BufWriter::new(output);
    let mut rng = FastRand::new();
    let mut requests = Scratch::new(config.reuse);
    let mut outcome = Outcome::default();
    for _ in 0..config.iters {
        let request = requests.next();
        let expected = case.setup_request(&mut rng, request)?;
        write(config.packed, &mut output, request)?;
        output.flush()?;
        let received = read(config.packed, &mut input)?;
        outcome.record(case.check_response(root::<T::Response>(&received.reader())?, expected));
    }
    Ok(outcome)
}

/// The server end of a pipe: answers `config.iters` requests, each as soon as it arrives.
fn server<T: TestCase>(
    case: &T,
    config: Config,
    mut input: impl BufRead,
    output: impl Write,
) -> Result<(), BenchError> {
    let mut output = BufWriter::new(output);
    let mut responses = Scratch::new(config.reuse);
    for _ in 0..config.iters {
        let request = read(config.packed, &mut input)?;
        let response = responses.next();
        answer(case, &request.reader(), response)?;
        write(config.packed, &mut output, response)?;
        output.flush()?;
    }
    Ok(())
}

fn write(packed: bool, output: impl Write, message: &MessageBuilder) -> Result<(), BenchError> {
    if packed {
        capnzero::write_packed_message(output, message)?;
    } else {
        capnzero::write_message(output, message)?;
    }
    Ok(())
}

fn read(packed: bool, input: impl BufRead) -> Result<OwnedMessage, BenchError> {
    Ok(if packed {
        capnzero::read_packed_message(input, ReaderOptions::DEFAULT)?
    } else {
        capnzero::read_message(input, ReaderOptions::DEFAULT)?
    })
}

/// This process's stdin and stdout without the standard library's own buffering on top
/// (stdout's is line buffering, which would look for newlines in binary messages).
#[cfg(unix)]
fn standard_streams() -> io::Result<(BufReader<File>, File)> {
    use std::os::fd::AsFd;
    let input = File::from(io::stdin().as_fd().try_clone_to_owned()?);
    let output = File::from(io::stdout().as_fd().try_clone_to_owned()?);
    Ok((BufReader::new(input), output))
}

#[cfg(not(unix))]
fn standard_streams() -> io::Result<(io::StdinLock<'static>, io::StdoutLock<'static>)> {
    Ok((io::stdin().lock(), io::stdout().lock()))
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::sync::mpsc::{channel, Receiver, Sender};

    use super::*;
    use crate::{carsales::CarSales, catrank::CatRank, eval::Eval};

    /// One direction of an in-process pipe: what is written arrives, in order, at the
    /// [`PipeEnd`] reader; dropping the writer is the end of input.
    struct PipeStart(Sender<Vec<u8>>);

    impl Write for PipeStart {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.send(bytes.to_vec()).map_err(|_| io::ErrorKind::BrokenPipe)?;
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    struct PipeEnd {
        from: Receiver<Vec<u8>>,
        chunk: Vec<u8>,
        at: usize,
    }

    impl Read for PipeEnd {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            while self.at == self.chunk.len() {
                match self.from.recv() {
                    Ok(chunk) => (self.chunk, self.at) = (chunk, 0),
                    Err(_) => return Ok(0),
                }
            }
            let n = out.len().min(self.chunk.len() - self.at);
            out[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn pipe() -> (PipeStart, BufReader<PipeEnd>) {
        let (to, from) = channel();
        (PipeStart(to), BufReader::new(PipeEnd { from, chunk: Vec::new(), at: 0 }))
    }

    /// The client and server ends of `pipe` mode, talking over in-process pipes.
    fn converse<T: TestCase + Sync>(case: &T, reuse: bool, packed: bool, iters: u64) -> Outcome {
        let (to_server, server_input) = pipe();
        let (to_client, client_input) = pipe();
        let config = Config { mode: Mode::Pipe, reuse, packed, iters };
        std::thread::scope(|scope| {
            let served = scope.spawn(move || server(case, config, server_input, to_client));
            let outcome = client(case, config, client_input, to_server).unwrap();
            served.join().unwrap().unwrap();
            outcome
        })
    }

    #[test]
    fn client_and_server_agree_over_a_stream() {
        for reuse in [false, true] {
            for packed in [false, true] {
                assert_eq!(converse(&CarSales, reuse, packed, 4).failed, 0);
                assert_eq!(converse(&CatRank, reuse, packed, 4).failed, 0);
                assert_eq!(converse(&Eval, reuse, packed, 4).failed, 0);
            }
        }
    }

    #[test]
    fn a_server_whose_client_hangs_up_early_reports_it() {
        let (to_server, server_input) = pipe();
        let (to_client, _client_input) = pipe();
        let config = Config { mode: Mode::Server, reuse: false, packed: false, iters: 3 };
        drop(to_server);
        assert!(matches!(server(&Eval, config, server_input, to_client), Err(BenchError::Capnp(_))));
    }

    /// A response that differs from the expectation is counted, and the run goes on.
    #[test]
    fn wrong_answers_are_counted() {
        struct Liar;
        impl TestCase for Liar {
            type Request = <Eval as TestCase>::Request;
            type Response = <Eval as TestCase>::Response;
            type Expectation = i32;
            fn setup_request(&self, rng: &mut FastRand, message: &mut MessageBuilder) -> Result<i32, BenchError> {
                Ok(Eval.setup_request(rng, message)?.wrapping_add(1))
            }
            fn handle_request(
                &self,
                request: Reader<'_, Self::Request>,
                response: Builder<'_, Self::Response>,
            ) -> Result<(), BenchError> {
                Eval.handle_request(request, response)
            }
            fn check_response(&self, response: Reader<'_, Self::Response>, expected: i32) -> Result<(), String> {
                Eval.check_response(response, expected)
            }
        }
        let config = Config { mode: Mode::Object, reuse: true, packed: false, iters: 5 };
        let outcome = run(&Liar, config).unwrap();
        assert_eq!(outcome.failed, 5);
        assert!(outcome.first_failure.unwrap().starts_with("eval: the expression is worth"));
        assert_eq!(converse(&Liar, false, true, 3).failed, 3);
    }
}
