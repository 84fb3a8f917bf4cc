//! The commands, their options, and the dispatch from the command line to them: [`COMMANDS`]
//! holds each command's spec together with the function that runs it, so a command cannot be
//! listed (in the help, in the dispatch) without its own handler, and a name it does not hold
//! is a usage error.

use std::io::{BufRead, Write};

use crate::args::{self, CommandSpec, OptionSpec, Parsed, Request, UsageError};

/// `-I`, shared by every command that reads schemas.
const IMPORT_PATH: OptionSpec = OptionSpec {
    long: "import-path",
    short: Some('I'),
    value: Some("<dir>"),
    help: "Add <dir> to the list of directories searched for non-relative imports (ones that start with a '/').",
};

/// `--no-standard-import`.
const NO_STANDARD_IMPORT: OptionSpec = OptionSpec {
    long: "no-standard-import",
    short: None,
    value: None,
    help: "Do not add the default import paths (/usr/local/include and /usr/include where they exist, then \
           the standard files shipped with capnzero: /capnp/*.capnp, /capnpy/annotate.capnp, \
           /capnzero/annotate.capnp); use only the directories given with -I.",
};

/// The `compile` command.
pub const COMPILE: CommandSpec = CommandSpec {
    name: "compile",
    about: "Compiles Cap'n Proto schema files and hands the CodeGeneratorRequest to each output: \
            `-o-` writes it to standard output, `-o<lang>[:<dir>]` runs the plugin capnpc-<lang> \
            (or the executable <lang> if it contains a '/') in <dir> with the request on its input.",
    options: &[
        IMPORT_PATH,
        NO_STANDARD_IMPORT,
        OptionSpec {
            long: "output",
            short: Some('o'),
            value: Some("<lang>[:<dir>]"),
            help: "Generate source code for language <lang> in directory <dir> (default: the current directory); \
                   '-' dumps the request to standard output.",
        },
        OptionSpec {
            long: "src-prefix",
            short: None,
            value: Some("<prefix>"),
            help: "If a file specified for compilation starts with <prefix>, remove the prefix for the purpose \
                   of naming it.",
        },
    ],
    positionals: &[("<source>", true)],
    optional: &[],
};

/// `--flat`, `--packed`, shared by decode and encode.
const FLAT: OptionSpec = OptionSpec {
    long: "flat",
    short: None,
    value: None,
    help: "The message is a single segment without a segment table (with --packed: packed).",
};
const PACKED: OptionSpec =
    OptionSpec { long: "packed", short: Some('p'), value: None, help: "The message is in packed encoding." };

/// The `decode` command.
pub const DECODE: CommandSpec = CommandSpec {
    name: "decode",
    about: "Decodes one or more Cap'n Proto messages read from standard input and prints them in the text \
            format. Their root type is <type>, defined in <schema-file>.",
    options: &[
        IMPORT_PATH,
        NO_STANDARD_IMPORT,
        FLAT,
        PACKED,
        OptionSpec { long: "short", short: None, value: None, help: "Print each message on one line." },
        OptionSpec {
            long: "quiet",
            short: None,
            value: None,
            help: "Do not check that the input looks like the format asked for (no warnings, no refusal).",
        },
    ],
    positionals: &[("<schema-file>", false), ("<type>", false)],
    optional: &[],
};

/// The `encode` command.
pub const ENCODE: CommandSpec = CommandSpec {
    name: "encode",
    about: "Encodes messages written in the text format, read from standard input, as Cap'n Proto messages. \
            Their root type is <type>, defined in <schema-file>. The input may hold any number of \
            parenthesized values; each becomes a message.",
    options: &[
        IMPORT_PATH,
        NO_STANDARD_IMPORT,
        FLAT,
        PACKED,
        OptionSpec {
            long: "segment-size",
            short: None,
            value: Some("<n>"),
            help: "Write segments of <n> words each (a multi-segment message when it does not fit in one).",
        },
    ],
    positionals: &[("<schema-file>", false), ("<type>", false)],
    optional: &[],
};

/// `--short`, of convert and eval.
const SHORT: OptionSpec = OptionSpec {
    long: "short",
    short: None,
    value: None,
    help: "Write text or JSON output in short (non-pretty) format: each message on one line.",
};

/// The `convert` command.
pub const CONVERT: CommandSpec = CommandSpec {
    name: "convert",
    about: "Converts messages between formats. Reads a stream of messages from standard input in format \
            <from> and writes them to standard output in format <to>. The formats: binary (the standard \
            framing), packed (it, packed), flat (one segment without a segment table), flat-packed (flat \
            and packed), canonical (the canonical form, flat), text (struct literals of the schema \
            language), json. Text and JSON need <schema-file> and <type>, the root struct of the \
            messages; binary-to-binary conversions need neither.",
    options: &[
        IMPORT_PATH,
        NO_STANDARD_IMPORT,
        SHORT,
        OptionSpec {
            long: "segment-size",
            short: None,
            value: Some("<n>"),
            help: "Binary and packed output: write segments of <n> words each (a multi-segment message \
                   when it does not fit in one); without it each message is one segment.",
        },
        OptionSpec {
            long: "quiet",
            short: None,
            value: None,
            help: "Do not check that the input looks like the format asked for (no warnings, no refusal).",
        },
    ],
    positionals: &[("<from>:<to>", false)],
    optional: &["<schema-file>", "<type>"],
};

/// The `eval` command.
pub const EVAL: CommandSpec = CommandSpec {
    name: "eval",
    about: "Prints (or encodes) the value of <name>, defined in <schema-file>. <name> is a const, a field \
            of a struct type (its default value), or a field or list element within either: \
            `someConst`, `MyType.someField`, `someConst.someList[4].field[1][2]`. Text output (the \
            default) takes any value; the other formats a struct.",
    options: &[
        IMPORT_PATH,
        NO_STANDARD_IMPORT,
        OptionSpec {
            long: "output",
            short: Some('o'),
            value: Some("<format>"),
            help: "Write the value in <format>, one of those of `capnzero help convert` (default: text).",
        },
        OptionSpec { long: "binary", short: Some('b'), value: None, help: "The same as -obinary." },
        OptionSpec { long: "flat", short: None, value: None, help: "The same as -oflat (with --packed: flat-packed)." },
        OptionSpec { long: "packed", short: Some('p'), value: None, help: "The same as -opacked." },
        SHORT,
    ],
    positionals: &[("<schema-file>", false), ("<name>", false)],
    optional: &[],
};

/// The `id` command.
pub const ID: CommandSpec = CommandSpec {
    name: "id",
    about: "Generates a new 64-bit unique ID for use in a Cap'n Proto schema.",
    options: &[],
    positionals: &[],
    optional: &[],
};

/// The standard streams a command reads and writes.
pub struct Io<'a> {
    /// Standard input.
    pub stdin: &'a mut dyn BufRead,
    /// Standard output.
    pub stdout: &'a mut dyn Write,
    /// Standard error.
    pub stderr: &'a mut dyn Write,
}

/// What runs a command: its parsed arguments and the streams in, the exit status out (a usage
/// error is printed by [`run`], with status 1).
pub type Handler = fn(&Parsed, &mut Io<'_>) -> Result<u8, UsageError>;

/// A command of the tool: what it accepts and what runs it.
pub struct Command {
    /// Its name, options and arguments.
    pub spec: &'static CommandSpec,
    /// What runs it.
    pub run: Handler,
}

/// Every command, in the order `--help` lists them.
pub const COMMANDS: &[Command] = &[
    Command { spec: &COMPILE, run: |parsed, io| crate::compile::run(parsed, io.stdout, io.stderr) },
    Command { spec: &CONVERT, run: crate::convert::convert },
    Command { spec: &DECODE, run: crate::convert::decode },
    Command { spec: &ENCODE, run: crate::convert::encode },
    Command { spec: &EVAL, run: |parsed, io| crate::eval::run(parsed, io.stdout, io.stderr) },
    Command { spec: &ID, run: |_, io| crate::id::run(io.stdout) },
];

/// The command called `name`.
fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.spec.name == name)
}

/// Runs the command line `args` (without the program name); returns the exit status.
pub fn run(args: &[String], stdin: &mut dyn BufRead, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let Some(name) = args.first() else {
        return usage(stderr, &UsageError::new("", "missing command"));
    };
    match name.as_str() {
        "--help" | "help" => {
            if let Some(command) = args.get(1).and_then(|name| command(name)) {
                let _ = write!(stdout, "{}", args::help(command.spec));
            } else {
                let _ = write!(stdout, "{}", tool_help());
            }
            return 0;
        }
        "--version" => {
            let _ = writeln!(stdout, "capnzero {}", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        _ => {}
    }
    let Some(command) = command(name) else {
        return usage(stderr, &UsageError::new("", format!("{name}: unknown command")));
    };
    let parsed = match args::parse(command.spec, &args[1..]) {
        Ok(Request::Run(parsed)) => parsed,
        Ok(Request::Help) => {
            let _ = write!(stdout, "{}", args::help(command.spec));
            return 0;
        }
        Err(e) => return usage(stderr, &e),
    };
    match (command.run)(&parsed, &mut Io { stdin, stdout, stderr }) {
        Ok(status) => status,
        Err(e) => usage(stderr, &e),
    }
}

/// Prints a usage error; the exit status is 1, as `capnp`'s.
pub fn usage(stderr: &mut dyn Write, error: &UsageError) -> u8 {
    let _ = writeln!(stderr, "{error}");
    1
}

fn tool_help() -> String {
    let mut text = String::from(
        "Usage: capnzero [<option>...] <command> [<arg>...]\n\n\
         Command-line tool for Cap'n Proto development and debugging, in pure Rust.\n\nCommands:\n",
    );
    for Command { spec, .. } in COMMANDS {
        let summary = spec.about.split(". ").next().unwrap_or(spec.about).trim_end_matches('.');
        text += &format!("  {:<8} {summary}.\n", spec.name);
    }
    text += "\nSee 'capnzero help <command>' for more information on a specific command.\n\n\
             Options:\n    --version\n        Print version information and exit.\n    \
             --help\n        Display this help text and exit.\n";
    text
}

/// The directories searched for `/…` imports after the `-I` ones, where they exist, unless
/// `--no-standard-import` (capnp's default import paths).
pub const SYSTEM_IMPORT_PATHS: [&str; 2] = ["/usr/local/include", "/usr/include"];

/// A file loader set up from `-I` and `--no-standard-import`.
pub fn loader(parsed: &Parsed, command: &str) -> Result<capnzero_schema::load::FsLoader, UsageError> {
    let cwd = std::env::current_dir().map_err(|e| UsageError::new(command, format!("current directory: {e}")))?;
    let mut loader = capnzero_schema::load::FsLoader::with_current_dir(cwd);
    if parsed.flag("no-standard-import") {
        loader.no_standard_imports();
    }
    for (dir, spelled) in parsed.values("import-path") {
        loader.add_import_path(dir).map_err(|_| UsageError::new(command, format!("{spelled}: no such directory")))?;
    }
    if !parsed.flag("no-standard-import") {
        // As capnp: the system's include directories after the -I ones (so that an installed
        // Cap'n Proto's own standard files are the ones compiled), the shipped copies last.
        for dir in SYSTEM_IMPORT_PATHS {
            let _ = loader.add_import_path(dir);
        }
    }
    Ok(loader)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a command line gave: the exit status, standard output and standard error.
    fn run_with(args: &[&str], stdin: &[u8]) -> (u8, Vec<u8>, String) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let status = run(&args, &mut &stdin[..], &mut stdout, &mut stderr);
        (status, stdout, String::from_utf8_lossy(&stderr).into_owned())
    }

    fn fixture(name: &str) -> String {
        format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn command_names_are_unique() {
        for (i, command) in COMMANDS.iter().enumerate() {
            assert!(COMMANDS[..i].iter().all(|c| c.spec.name != command.spec.name), "{} twice", command.spec.name);
        }
    }

    #[test]
    fn every_command_prints_its_own_help() {
        for command in COMMANDS {
            let help = args::help(command.spec);
            assert!(help.starts_with(&format!("Usage: capnzero {} ", command.spec.name)), "{help}");
            for args in [&[command.spec.name, "--help"][..], &["help", command.spec.name]] {
                let (status, stdout, stderr) = run_with(args, b"");
                assert_eq!((status, String::from_utf8_lossy(&stdout), stderr.as_str()), (0, help.as_str().into(), ""));
            }
        }
    }

    /// Each command run on arguments that only its own handler turns into this output: a
    /// command listed with another's handler (or none) fails here, and a command missing from
    /// this table fails too.
    #[test]
    fn every_command_dispatches_to_its_own_handler() {
        let schema = fixture("eval.capnp");
        let small = std::fs::read(fixture("small.bin")).unwrap();
        type Check = Box<dyn Fn(&[u8])>;
        let exactly = |expected: Vec<u8>| -> Check { Box::new(move |out: &[u8]| assert_eq!(out, expected)) };
        let cases: Vec<(&str, Vec<&str>, &[u8], Check)> = vec![
            (
                "compile",
                vec!["compile", "-o-", &schema],
                b"",
                Box::new(|out: &[u8]| {
                    let request = capnzero_schema::request::read(out).expect("a CodeGeneratorRequest");
                    assert_eq!(request.requested_files.iter().map(|f| f.id).collect::<Vec<_>>(), [0xd6f2c7e1a3b4c5d7]);
                }),
            ),
            (
                "convert",
                vec!["convert", "binary:json", "--short", &schema, "Inner"],
                &small,
                exactly(b"{\"a\":1,\"c\":\"0\"}\n".to_vec()),
            ),
            ("decode", vec!["decode", "--short", &schema, "Inner"], &small, exactly(b"(a = 1, c = 0)\n".to_vec())),
            ("encode", vec!["encode", &schema, "Inner"], b"(a = 1)", exactly(small.clone())),
            ("eval", vec!["eval", &schema, "num"], b"", exactly(b"42\n".to_vec())),
            (
                "id",
                vec!["id"],
                b"",
                Box::new(|out: &[u8]| {
                    let text = std::str::from_utf8(out).unwrap();
                    let hex = text.strip_prefix("@0x").and_then(|t| t.strip_suffix('\n')).unwrap_or_default();
                    assert!(hex.len() == 16 && u64::from_str_radix(hex, 16).is_ok_and(|id| id >> 63 == 1), "{text}");
                }),
            ),
        ];
        for command in COMMANDS {
            assert!(
                cases.iter().any(|(name, ..)| *name == command.spec.name),
                "no dispatch case for `{}`: add one",
                command.spec.name
            );
        }
        for (name, args, stdin, check) in &cases {
            assert!(command(name).is_some(), "`{name}` is not a command");
            let (status, stdout, stderr) = run_with(args, stdin);
            assert_eq!((status, stderr.as_str()), (0, ""), "{name}");
            check(&stdout);
        }
    }

    #[test]
    fn an_unknown_command_is_a_usage_error() {
        for name in ["bogus", "Compile", "ids", ""] {
            let (status, stdout, stderr) = run_with(&[name, "x"], b"");
            assert_eq!(status, 1, "{name}");
            assert!(stdout.is_empty(), "{name}");
            assert_eq!(
                stderr,
                format!("capnzero: {name}: unknown command\nTry 'capnzero --help' for more information.\n")
            );
        }
    }
}
