//! The classic Cap'n Proto benchmark trio (carsales, catrank, eval) for capnzero, with the
//! reference suite's command line, seeds and workloads, so that one driver (`benches/trio.sh`)
//! can time this binary and capnproto-rust's `benchmark` one after the other.
//!
//! `capnzero-benchmark CASE MODE REUSE COMPRESSION ITERS`
//!
//! - CASE: `carsales`, `catrank` or `eval`
//! - MODE: `object`, `bytes` or `pipe` (`pipe` runs this executable again as its `server`, with
//!   itself as the `client`)
//! - REUSE: `reuse` or `no-reuse` (keep the message builders across iterations, or not)
//! - COMPRESSION: `none` or `packed` (ignored by `object`)
//! - ITERS: the number of requests
//!
//! Nothing is printed on success. Exit status: 0 when every response was right, 1 when some
//! were wrong (counted on stderr), 2 on a usage error or when a run stopped on an error.

mod carsales;
mod catrank;
mod common;
mod eval;
mod harness;

use std::process::ExitCode;

use harness::{run, BenchError, Config, Mode, Outcome, TestCase};

const USAGE: &str = "usage: capnzero-benchmark CASE MODE REUSE COMPRESSION ITERS
  CASE         carsales | catrank | eval
  MODE         object | bytes | pipe | client | server
  REUSE        reuse | no-reuse
  COMPRESSION  none | packed
  ITERS        number of iterations";

/// A parsed command line.
#[derive(Debug)]
struct Command {
    case: Case,
    config: Config,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    CarSales,
    CatRank,
    Eval,
}

fn parse(args: &[String]) -> Result<Command, String> {
    let [case, mode, reuse, compression, iters] = args else {
        return Err(format!("expected 5 arguments, got {}", args.len()));
    };
    let case = match case.as_str() {
        "carsales" => Case::CarSales,
        "catrank" => Case::CatRank,
        "eval" => Case::Eval,
        other => return Err(format!("unknown case `{other}`")),
    };
    let mode = Mode::parse(mode).ok_or_else(|| format!("unknown mode `{mode}`"))?;
    let reuse = match reuse.as_str() {
        "reuse" => true,
        "no-reuse" => false,
        other => return Err(format!("unknown reuse option `{other}`")),
    };
    let packed = match compression.as_str() {
        "none" => false,
        "packed" => true,
        other => return Err(format!("unknown compression `{other}`")),
    };
    let iters = iters.parse::<u64>().map_err(|_| format!("`{iters}` is not an iteration count"))?;
    Ok(Command { case, config: Config { mode, reuse, packed, iters } })
}

fn run_case(case: Case, config: Config) -> Result<Outcome, BenchError> {
    fn go<T: TestCase>(case: T, config: Config) -> Result<Outcome, BenchError> {
        run(&case, config)
    }
    match case {
        Case::CarSales => go(carsales::CarSales, config),
        Case::CatRank => go(catrank::CatRank, config),
        Case::Eval => go(eval::Eval, config),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse(&args) {
        Ok(command) => command,
        Err(why) => {
            eprintln!("capnzero-benchmark: {why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run_case(command.case, command.config) {
        Ok(Outcome { failed: 0, .. }) => ExitCode::SUCCESS,
        Ok(Outcome { failed, first_failure }) => {
            eprintln!(
                "capnzero-benchmark: {failed} of {} responses were wrong; the first: {}",
                command.config.iters,
                first_failure.unwrap_or_default()
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("capnzero-benchmark: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn the_command_line_is_the_references() {
        let command = parse(&args("catrank bytes no-reuse packed 1000")).unwrap();
        assert_eq!(command.case, Case::CatRank);
        assert_eq!(command.config.mode, Mode::Bytes);
        assert!(!command.config.reuse && command.config.packed);
        assert_eq!(command.config.iters, 1000);
        let command = parse(&args("eval server reuse none 3")).unwrap();
        assert_eq!((command.case, command.config.mode, command.config.reuse), (Case::Eval, Mode::Server, true));
    }

    #[test]
    fn bad_command_lines_are_refused() {
        for line in [
            "",
            "carsales object reuse none",
            "carsales object reuse none 10 extra",
            "cars object reuse none 10",
            "carsales objects reuse none 10",
            "carsales object reused none 10",
            "carsales object reuse gzip 10",
            "carsales object reuse none -1",
            "carsales object reuse none ten",
        ] {
            assert!(parse(&args(line)).is_err(), "{line:?} was accepted");
        }
    }

    /// Every in-process way of passing messages gives right answers for every workload.
    #[test]
    fn every_case_mode_and_option_checks_out() {
        for case in [Case::CarSales, Case::CatRank, Case::Eval] {
            for mode in [Mode::Object, Mode::Bytes] {
                for reuse in [false, true] {
                    for packed in [false, true] {
                        let config = Config { mode, reuse, packed, iters: 6 };
                        let outcome = run_case(case, config).unwrap();
                        assert_eq!(outcome.failed, 0, "{case:?} {config:?}: {:?}", outcome.first_failure);
                    }
                }
            }
        }
    }
}
