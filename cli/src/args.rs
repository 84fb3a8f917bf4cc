//! Command-line parsing in the style of the official `capnp` tool: long options as `--name`,
//! `--name=value` or `--name value`, short ones as `-x`, `-xvalue` or `-x value`, `--` ending the
//! options, and usage errors printed as `capnzero <command>: <what>: <why>` followed by a hint.

use std::fmt;

/// An option a command accepts.
pub struct OptionSpec {
    /// The long name, without `--`.
    pub long: &'static str,
    /// The one-letter name, if any.
    pub short: Option<char>,
    /// The name of its value (`<dir>`), if it takes one.
    pub value: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

/// A subcommand: its options and positional arguments.
pub struct CommandSpec {
    /// `compile`, `decode`, …
    pub name: &'static str,
    /// The summary shown by `--help`.
    pub about: &'static str,
    /// The options it accepts.
    pub options: &'static [OptionSpec],
    /// Positional arguments: name and whether more than one may be given (only the last).
    pub positionals: &'static [(&'static str, bool)],
    /// Positional arguments that may follow the required ones, in order (`[<schema-file> <type>]`).
    pub optional: &'static [&'static str],
}

/// What the command line said.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Options in the order given: the long name and the value, if the option takes one.
    pub options: Vec<(&'static str, Option<String>)>,
    /// How each option was written (`--segment-size=abc`, `-I nodir`), for error messages.
    pub spelled: Vec<String>,
    /// Positional arguments in order.
    pub positionals: Vec<String>,
}

impl Parsed {
    /// Whether the option `long` was given.
    pub fn flag(&self, long: &str) -> bool {
        self.options.iter().any(|(name, _)| *name == long)
    }

    /// The values given to the option `long`, in order, each with the option as it was written.
    pub fn values<'a>(&'a self, long: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.options
            .iter()
            .zip(&self.spelled)
            .filter(move |((name, _), _)| *name == long)
            .filter_map(|((_, value), spelled)| Some((value.as_deref()?, spelled.as_str())))
    }
}

/// A usage error: the command, the offending argument (if any) and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError {
    /// `compile`, `decode`, … or empty for the tool itself.
    pub command: String,
    /// What went wrong, as `capnp` words it (`--bogus: unrecognized option`).
    pub message: String,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let program =
            if self.command.is_empty() { "capnzero".to_string() } else { format!("capnzero {}", self.command) };
        writeln!(f, "{program}: {}", self.message)?;
        write!(f, "Try '{program} --help' for more information.")
    }
}

impl UsageError {
    /// An error of `command`.
    pub fn new(command: &str, message: impl Into<String>) -> UsageError {
        UsageError { command: command.to_string(), message: message.into() }
    }
}

/// What parsing asked for: running the command, or printing its help.
#[derive(Debug, PartialEq, Eq)]
pub enum Request {
    /// Run with these arguments.
    Run(Parsed),
    /// `--help` was given.
    Help,
}

/// Parses the arguments that follow the command name.
pub fn parse(spec: &CommandSpec, args: &[String]) -> Result<Request, UsageError> {
    let error = |message: String| UsageError::new(spec.name, message);
    let mut parsed = Parsed::default();
    let mut i = 0;
    let mut only_positionals = false;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if only_positionals || arg == "-" || !arg.starts_with('-') {
            parsed.positionals.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_positionals = true;
            continue;
        }
        if arg == "--help" {
            return Ok(Request::Help);
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (long, None),
            };
            let Some(option) = spec.options.iter().find(|o| o.long == name) else {
                return Err(error(format!("--{name}: unrecognized option")));
            };
            let value = match (option.value, inline) {
                (None, None) => None,
                (None, Some(_)) => return Err(error(format!("--{name}: option does not accept an argument"))),
                (Some(_), Some(value)) => Some(value),
                (Some(_), None) => match args.get(i) {
                    Some(value) => {
                        i += 1;
                        Some(value.clone())
                    }
                    None => return Err(error(format!("--{name}: missing argument"))),
                },
            };
            parsed.spelled.push(match &value {
                Some(value) => format!("--{name}={value}"),
                None => format!("--{name}"),
            });
            parsed.options.push((option.long, value));
            continue;
        }
        // A cluster of short options: `-I dir`, `-Idir`, `-o-`, `-p`.
        for (at, letter) in arg[1..].char_indices() {
            let Some(option) = spec.options.iter().find(|o| o.short == Some(letter)) else {
                return Err(error(format!("-{letter}: unrecognized option")));
            };
            if option.value.is_none() {
                parsed.spelled.push(format!("-{letter}"));
                parsed.options.push((option.long, None));
                continue;
            }
            let rest = &arg[1 + at + letter.len_utf8()..];
            let value = if !rest.is_empty() {
                rest.to_string()
            } else if let Some(value) = args.get(i) {
                i += 1;
                value.clone()
            } else {
                return Err(error(format!("-{letter}: missing argument")));
            };
            parsed.spelled.push(format!("-{letter} {value}"));
            parsed.options.push((option.long, Some(value)));
            break;
        }
    }
    let required = spec.positionals.len();
    let variadic_last = spec.positionals.last().is_some_and(|(_, many)| *many);
    if parsed.positionals.len() < required {
        let (missing, _) = spec.positionals[parsed.positionals.len()];
        return Err(error(format!("missing argument {missing}")));
    }
    let allowed = required + spec.optional.len();
    if parsed.positionals.len() > allowed && !variadic_last {
        return Err(error(format!("{}: too many arguments", parsed.positionals[allowed])));
    }
    Ok(Request::Run(parsed))
}

/// The `--help` text of a command.
pub fn help(spec: &CommandSpec) -> String {
    let mut usage = format!("Usage: capnzero {} [<option>...]", spec.name);
    for (name, many) in spec.positionals {
        usage += &format!(" {name}");
        if *many {
            usage += "...";
        }
    }
    if !spec.optional.is_empty() {
        usage += &format!(" [{}]", spec.optional.join(" "));
    }
    let mut text = format!("{usage}\n\n{}\n\nOptions:\n", spec.about);
    for option in spec.options {
        let mut names = String::new();
        if let Some(short) = option.short {
            names += &format!("-{short}{}, ", option.value.unwrap_or(""));
        }
        names += &format!("--{}", option.long);
        if let Some(value) = option.value {
            names += &format!("={value}");
        }
        text += &format!("    {names}\n        {}\n", option.help);
    }
    text += "    --help\n        Display this help text and exit.\n";
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: CommandSpec = CommandSpec {
        name: "decode",
        about: "Decodes.",
        options: &[
            OptionSpec { long: "import-path", short: Some('I'), value: Some("<dir>"), help: "dirs" },
            OptionSpec { long: "packed", short: Some('p'), value: None, help: "packed" },
            OptionSpec { long: "flat", short: None, value: None, help: "flat" },
            OptionSpec { long: "segment-size", short: None, value: Some("<n>"), help: "size" },
        ],
        positionals: &[("<schema-file>", false), ("<type>", false)],
        optional: &[],
    };

    const CONVERT: CommandSpec = CommandSpec {
        name: "convert",
        about: "Converts.",
        options: &[],
        positionals: &[("<from>:<to>", false)],
        optional: &["<schema-file>", "<type>"],
    };

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn run(list: &[&str]) -> Result<Parsed, UsageError> {
        match parse(&SPEC, &args(list))? {
            Request::Run(parsed) => Ok(parsed),
            Request::Help => panic!("unexpected help"),
        }
    }

    #[test]
    fn options_in_every_spelling() {
        let parsed =
            run(&["-Ia", "-I", "b", "--import-path=c", "--import-path", "d", "-p", "--flat", "s.capnp", "T"]).unwrap();
        let dirs: Vec<(&str, &str)> = parsed.values("import-path").collect();
        assert_eq!(dirs, [("a", "-I a"), ("b", "-I b"), ("c", "--import-path=c"), ("d", "--import-path=d")]);
        assert!(parsed.flag("packed") && parsed.flag("flat") && !parsed.flag("segment-size"));
        assert_eq!(parsed.positionals, ["s.capnp", "T"]);
        let parsed = run(&["-pIx", "--", "--s", "T"]).unwrap();
        assert_eq!(parsed.values("import-path").map(|(v, _)| v).collect::<Vec<_>>(), ["x"]);
        assert_eq!(parsed.positionals, ["--s", "T"]);
    }

    #[test]
    fn usage_errors_read_like_the_official_tool() {
        let e = run(&["--bogus", "a", "b"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "capnzero decode: --bogus: unrecognized option\nTry 'capnzero decode --help' for more information."
        );
        assert_eq!(run(&["a"]).unwrap_err().message, "missing argument <type>");
        assert_eq!(run(&["a", "b", "c"]).unwrap_err().message, "c: too many arguments");
        assert_eq!(run(&["a", "b", "-I"]).unwrap_err().message, "-I: missing argument");
        assert_eq!(run(&["--flat=1", "a", "b"]).unwrap_err().message, "--flat: option does not accept an argument");
        assert_eq!(parse(&SPEC, &args(&["--help"])).unwrap(), Request::Help);
        assert!(help(&SPEC).starts_with("Usage: capnzero decode [<option>...] <schema-file> <type>\n"));
    }

    #[test]
    fn optional_positionals_follow_the_required_ones() {
        for given in [&["binary:packed"][..], &["text:binary", "s.capnp"], &["text:binary", "s.capnp", "T"]] {
            match parse(&CONVERT, &args(given)).unwrap() {
                Request::Run(parsed) => assert_eq!(parsed.positionals, given),
                Request::Help => panic!("unexpected help"),
            }
        }
        assert_eq!(parse(&CONVERT, &args(&[])).unwrap_err().message, "missing argument <from>:<to>");
        assert_eq!(parse(&CONVERT, &args(&["a:b", "s", "T", "x"])).unwrap_err().message, "x: too many arguments");
        assert!(
            help(&CONVERT).starts_with("Usage: capnzero convert [<option>...] <from>:<to> [<schema-file> <type>]\n")
        );
    }
}
