//! `capnzero compile`: schema files in, a CodeGeneratorRequest out — to standard output (`-o-`)
//! or to code generator plugins, as `capnp compile` does.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use capnzero_schema::load::{CompileFilesError, LoadError};
use capnzero_schema::request;

use crate::args::{Parsed, UsageError};

/// Where a request goes.
#[derive(Debug, PartialEq, Eq)]
enum Output {
    /// `-o-`.
    Stdout,
    /// `-o<lang>[:<dir>]`: the plugin's executable name or path, and the directory to run it in.
    Plugin { name: String, program: String, dir: Option<PathBuf> },
}

/// Runs `compile`.
pub fn run(parsed: &Parsed, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<u8, UsageError> {
    let mut loader = crate::commands::loader(parsed, "compile")?;
    for (prefix, spelled) in parsed.values("src-prefix") {
        loader
            .add_source_prefix(prefix)
            .map_err(|_| UsageError::new("compile", format!("{spelled}: no such directory")))?;
    }
    let mut outputs = Vec::new();
    for (spec, spelled) in parsed.values("output") {
        outputs.push(output(spec).map_err(|why| UsageError::new("compile", format!("{spelled}: {why}")))?);
    }
    let compiled = match loader.compile(&parsed.positionals) {
        Ok(compiled) => compiled,
        Err(CompileFilesError::Load(LoadError::NoSuchFile(path, _))) => {
            return Err(UsageError::new("compile", format!("{}: no such file", path.display())))
        }
        Err(CompileFilesError::Load(e)) => return Err(UsageError::new("compile", e.to_string())),
        Err(CompileFilesError::Compile(errors)) => {
            let _ = write!(stderr, "{errors}");
            return Ok(1);
        }
    };
    for warning in &compiled.warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    if outputs.is_empty() {
        return Err(UsageError::new("compile", "no outputs specified"));
    }
    let bytes = request::write(&compiled.request());
    let mut status = 0;
    for output in &outputs {
        match output {
            Output::Stdout => {
                if stdout.write_all(&bytes).and_then(|()| stdout.flush()).is_err() {
                    let _ = writeln!(stderr, "-: cannot write to standard output");
                    status = 1;
                }
            }
            Output::Plugin { name, program, dir } => {
                if let Err(why) = run_plugin(program, dir.as_ref(), &bytes) {
                    let _ = writeln!(stderr, "{name}: {why}");
                    status = 1;
                }
            }
        }
    }
    Ok(status)
}

/// Interprets `-o` values: `-`, `lang`, `lang:dir`, `path/to/plugin[:dir]`.
fn output(spec: &str) -> Result<Output, &'static str> {
    if spec == "-" {
        return Ok(Output::Stdout);
    }
    let (name, dir) = match spec.split_once(':') {
        Some((name, dir)) => {
            let dir = PathBuf::from(dir);
            if !dir.is_dir() {
                return Err("output location is inaccessible or is not a directory");
            }
            (name, Some(dir))
        }
        None => (spec, None),
    };
    // A path is taken from the current directory even though the plugin runs in <dir>.
    let program = match name.contains('/') {
        true if !name.starts_with('/') => match std::env::current_dir() {
            Ok(cwd) => format!("{}/{name}", cwd.display()),
            Err(_) => name.to_string(),
        },
        true => name.to_string(),
        false => format!("capnpc-{name}"),
    };
    Ok(Output::Plugin { name: name.to_string(), program, dir })
}

/// Runs a plugin with the request on its standard input.
fn run_plugin(program: &str, dir: Option<&PathBuf>, request: &[u8]) -> Result<(), String> {
    let mut command = Command::new(program);
    command.stdin(Stdio::piped());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("no such plugin (executable should be '{program}')"),
        _ => format!("plugin failed: {e}"),
    })?;
    let written = child.stdin.take().map(|mut stdin| stdin.write_all(request));
    let status = child.wait().map_err(|e| format!("plugin failed: {e}"))?;
    if !status.success() {
        return Err(match status.code() {
            Some(code) => format!("plugin failed: exit code {code}"),
            None => "plugin failed: killed by a signal".to_string(),
        });
    }
    match written {
        Some(Err(e)) => Err(format!("plugin failed: {e}")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_specs() {
        assert_eq!(output("-"), Ok(Output::Stdout));
        assert_eq!(
            output("rust"),
            Ok(Output::Plugin { name: "rust".into(), program: "capnpc-rust".into(), dir: None })
        );
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            output("./gen:/"),
            Ok(Output::Plugin {
                name: "./gen".into(),
                program: format!("{}/./gen", cwd.display()),
                dir: Some(PathBuf::from("/"))
            })
        );
        assert_eq!(
            output("/bin/gen"),
            Ok(Output::Plugin { name: "/bin/gen".into(), program: "/bin/gen".into(), dir: None })
        );
        assert_eq!(output("rust:/no/such/dir"), Err("output location is inaccessible or is not a directory"));
    }
}
