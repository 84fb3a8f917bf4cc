//! The commands, their options, and the dispatch from the command line to them.

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

const COMMANDS: &[&CommandSpec] = &[&COMPILE, &CONVERT, &DECODE, &ENCODE, &EVAL, &ID];

/// Runs the command line `args` (without the program name); returns the exit status.
pub fn run(args: &[String], stdin: &mut dyn BufRead, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let Some(command) = args.first() else {
        return usage(stderr, &UsageError::new("", "missing command"));
    };
    match command.as_str() {
        "--help" | "help" => {
            if let Some(spec) = args.get(1).and_then(|name| COMMANDS.iter().find(|c| c.name == name)) {
                let _ = write!(stdout, "{}", args::help(spec));
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
    let Some(spec) = COMMANDS.iter().find(|c| c.name == command) else {
        return usage(stderr, &UsageError::new("", format!("{command}: unknown command")));
    };
    let parsed = match args::parse(spec, &args[1..]) {
        Ok(Request::Run(parsed)) => parsed,
        Ok(Request::Help) => {
            let _ = write!(stdout, "{}", args::help(spec));
            return 0;
        }
        Err(e) => return usage(stderr, &e),
    };
    let result = match spec.name {
        "compile" => crate::compile::run(&parsed, stdout, stderr),
        "convert" | "decode" | "encode" => crate::convert::run(spec.name, &parsed, stdin, stdout, stderr),
        "eval" => crate::eval::run(&parsed, stdout, stderr),
        _ => crate::id::run(stdout),
    };
    match result {
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
    for spec in COMMANDS {
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
