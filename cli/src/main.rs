//! `closecodes`: check code-table specs, and render them for every side of the wire.
//!
//! Exit status: 0 clean, 1 spec errors (or a stale file under `--check`), 2 bad usage or input.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use closecodes_codegen::build::{Files, read};
use closecodes_codegen::render::{Format, render};
use closecodes_spec::{Error, Errors, Table, load};

/// Check code-table specs and render them as Rust, TypeScript, JavaScript, Markdown or JSON.
#[derive(Parser)]
#[command(name = "closecodes", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check specs with the same rules as the macro; every error with `file:line:col`.
    Check {
        /// The spec files.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// How to print errors: as text, or one JSON object per line.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Render a spec for another side of the wire.
    Render {
        /// What to write.
        #[arg(long, value_enum)]
        to: To,
        /// The spec file.
        spec: PathBuf,
        /// The table's name; by default the spec's `[table] name`.
        #[arg(long)]
        name: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, conflicts_with = "check")]
        output: Option<PathBuf>,
        /// Do not write: exit with status 1, naming the first differing line, if FILE is not
        /// what would be written now (a drift check for CI).
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum To {
    Rust,
    Ts,
    Js,
    Md,
    Json,
}

impl To {
    fn format(self) -> Format {
        match self {
            To::Rust => Format::Rust,
            To::Ts => Format::TypeScript,
            To::Js => Format::JavaScript,
            To::Md => Format::Markdown,
            To::Json => Format::Json,
        }
    }
}

/// How a command ended, as an exit status.
enum Outcome {
    Clean,
    /// The spec has errors, or a checked file is stale (already reported).
    Failed,
    /// Bad usage or input: the one-line message.
    Bad(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check {
            specs,
            message_format,
        } => check(&specs, message_format),
        Command::Render {
            to,
            spec,
            name,
            output,
            check,
        } => render_command(to, &spec, name, output.as_deref(), check.as_deref()),
    };
    match outcome {
        Outcome::Clean => ExitCode::SUCCESS,
        Outcome::Failed => ExitCode::from(1),
        Outcome::Bad(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Reads and checks a spec: `Err(Bad)` for unreadable input, `Ok(Err(errors))` for spec errors.
fn load_spec(path: &Path) -> Result<Result<Table, Errors>, Outcome> {
    let written = path.display().to_string();
    let source = read(&written, path).map_err(Outcome::Bad)?;
    Ok(load(&source, &mut Files))
}

fn check(specs: &[PathBuf], format: MessageFormat) -> Outcome {
    let mut failed = false;
    for spec in specs {
        match load_spec(spec) {
            Err(outcome) => return outcome,
            Ok(Ok(_)) => {}
            Ok(Err(errors)) => {
                failed = true;
                report(&errors, format);
            }
        }
    }
    if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    }
}

/// Every error: rustc-style text on standard error (the word `error` in colour on a terminal
/// only), or one JSON object per line on standard output, for tools (as cargo's
/// `--message-format json`).
fn report(errors: &Errors, format: MessageFormat) {
    if let MessageFormat::Json = format {
        let mut out = std::io::stdout().lock();
        for error in errors {
            let _ = writeln!(out, "{}", json(error));
        }
        return;
    }
    let stderr = std::io::stderr();
    let colour = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = stderr.lock();
    for error in errors {
        let _ = if colour {
            writeln!(out, "\x1b[1;31merror\x1b[0m\x1b[1m: {error}\x1b[0m\n")
        } else {
            writeln!(out, "error: {error}\n")
        };
    }
}

fn json(error: &Error) -> String {
    serde_json::json!({
        "file": error.origin.to_string(),
        "line": error.line,
        "column": error.column,
        "message": error.message,
        "notes": error.notes,
    })
    .to_string()
}

fn render_command(
    to: To,
    spec: &Path,
    name: Option<String>,
    output: Option<&Path>,
    check: Option<&Path>,
) -> Outcome {
    let table = match load_spec(spec) {
        Err(outcome) => return outcome,
        Ok(Err(errors)) => {
            report(&errors, MessageFormat::Human);
            return Outcome::Failed;
        }
        Ok(Ok(table)) => table,
    };
    let Some(name) = name.or_else(|| table.name.clone()) else {
        return Outcome::Bad(format!(
            "`{}` has no `[table] name`; pass `--name NAME`",
            spec.display()
        ));
    };
    let source = spec.file_name().map_or_else(
        || spec.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let text = match render(to.format(), &table, &name, &source) {
        Ok(text) => text,
        Err(message) => return Outcome::Bad(message),
    };
    if let Some(file) = check {
        return drift(file, &text);
    }
    if let Some(file) = output {
        return match std::fs::write(file, &text) {
            Ok(()) => Outcome::Clean,
            Err(e) => Outcome::Bad(format!("cannot write `{}`: {e}", file.display())),
        };
    }
    // A closed pipe (`closecodes render ... | head`) is not an error of ours.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Outcome::Clean
}

/// `--check FILE`: clean if FILE holds exactly `text`; otherwise names the first differing line.
fn drift(file: &Path, text: &str) -> Outcome {
    let current = match std::fs::read_to_string(file) {
        Ok(current) => current,
        Err(e) => return Outcome::Bad(format!("cannot read `{}`: {e}", file.display())),
    };
    if current == text {
        return Outcome::Clean;
    }
    let line = current
        .lines()
        .zip(text.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| current.lines().count().min(text.lines().count()))
        + 1;
    eprintln!(
        "error: `{}` is stale: line {line} differs from what `closecodes render` writes now; regenerate it",
        file.display()
    );
    Outcome::Failed
}
