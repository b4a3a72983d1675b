//! `closecodes`: check code-table specs, and render them for every side of the wire.
//!
//! Exit status: 0 clean, 1 spec errors (or a stale file under `--check`), 2 bad usage or input.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod breaking;
mod files;
mod regenerate;

use clap::{Parser, Subcommand, ValueEnum};
use closecodes_codegen::render::{Format, Options, render_with};
use closecodes_spec::breaking::{Category, Rule};
use closecodes_spec::{Error, Errors, Table, escaped, load};

/// Check code-table specs, render them as Rust, TypeScript, JavaScript, Python, Go, Kotlin, C#,
/// Java, Markdown or JSON, and report the changes that break deployed clients.
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
        /// What to write: rust, ts, js, md, json, python, go, kotlin, csharp or java.
        #[arg(long, value_parser = parse_format)]
        to: Format,
        /// The spec file.
        spec: PathBuf,
        /// The table's name; by default the spec's `[table] name`.
        #[arg(long)]
        name: Option<String>,
        /// Go's, Kotlin's or Java's package; by default the table's name in lower case.
        #[arg(long)]
        package: Option<String>,
        /// C#'s namespace; by default the table's name.
        #[arg(long, conflicts_with = "package")]
        namespace: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long, conflicts_with = "check")]
        output: Option<PathBuf>,
        /// Do not write: exit with status 1, naming the first differing line, if FILE is not
        /// what would be written now (a drift check for CI).
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
    /// Report the changes from an earlier version of a spec that break deployed clients.
    Breaking {
        /// The spec as it is now.
        spec: PathBuf,
        /// The earlier version: a spec file, or a git revision of SPEC (`main`, `v1.2.0`, `HEAD~1`).
        #[arg(long, value_name = "FILE|REVISION")]
        against: String,
        /// Only these categories: wire, source, behaviour.
        #[arg(long, value_parser = parse_category)]
        only: Vec<Category>,
        /// Do not report this rule (its id, such as `FLAG_CHANGED`).
        #[arg(long, value_name = "RULE", value_parser = parse_rule)]
        allow: Vec<Rule>,
        /// How to print changes: text, one JSON object per line, or GitHub workflow commands.
        #[arg(long, value_enum, default_value_t = breaking::Format::Human)]
        message_format: breaking::Format,
    },
}

fn parse_category(name: &str) -> Result<Category, String> {
    Category::ALL
        .into_iter()
        .find(|c| c.name() == name)
        .ok_or_else(|| format!("unknown category `{name}`; expected wire, source or behaviour"))
}

fn parse_rule(id: &str) -> Result<Rule, String> {
    Rule::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        format!("unknown rule `{id}`; expected one of {}", ids.join(", "))
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

fn parse_format(name: &str) -> Result<Format, String> {
    name.parse()
        .map_err(|e: closecodes_codegen::render::UnknownFormat| e.to_string())
}

/// How a command ended, as an exit status.
enum Outcome {
    Clean,
    /// The spec has errors, or a checked file is stale (already reported).
    Failed,
    /// Bad usage or input: the one-line message.
    Bad(String),
    /// Bad input, already reported.
    Reported,
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
            package,
            namespace,
            output,
            check,
        } => render_command(
            &regenerate::Render {
                to,
                spec: &spec,
                name: name.as_deref(),
                package: package.as_deref(),
                namespace: namespace.as_deref(),
            },
            output.as_deref(),
            check.as_deref(),
        ),
        Command::Breaking {
            spec,
            against,
            only,
            allow,
            message_format,
        } => {
            let request = breaking::Request {
                spec: &spec,
                against: &against,
                only: &only,
                allow: &allow,
                format: message_format,
            };
            match breaking::run(&request) {
                breaking::Ended::Clean => Outcome::Clean,
                breaking::Ended::Breaking => Outcome::Failed,
                breaking::Ended::SpecErrors(errors) => {
                    report(&errors, MessageFormat::Human);
                    Outcome::Reported
                }
                breaking::Ended::Bad(message) => Outcome::Bad(message),
            }
        }
    };
    match outcome {
        Outcome::Clean => ExitCode::SUCCESS,
        Outcome::Failed => ExitCode::from(1),
        Outcome::Bad(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Outcome::Reported => ExitCode::from(2),
    }
}

/// Reads and checks a spec: `Err(Bad)` for unreadable input, `Ok(Err(errors))` for spec errors.
fn load_spec(path: &Path) -> Result<Result<Table, Errors>, Outcome> {
    let source = files::read_spec(path).map_err(Outcome::Bad)?;
    Ok(load(&source, &mut files::Bases))
}

/// Checks every spec, reporting the errors of each, past one that cannot be read: exit status 2 if
/// one could not be read, else 1 if one has errors.
fn check(specs: &[PathBuf], format: MessageFormat) -> Outcome {
    let (mut failed, mut bad) = (false, None);
    for spec in specs {
        match load_spec(spec) {
            Err(Outcome::Bad(message)) => {
                eprintln!("error: {message}");
                bad = Some(message);
            }
            Err(_) | Ok(Ok(_)) => {}
            Ok(Err(errors)) => {
                failed = true;
                report(&errors, format);
            }
        }
    }
    match (bad, failed) {
        // Already printed: the status says it.
        (Some(_), _) => Outcome::Reported,
        (None, true) => Outcome::Failed,
        (None, false) => Outcome::Clean,
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
        "file": escaped(&error.origin.to_string()),
        "line": error.line,
        "column": error.column,
        "rule": error.rule.map(closecodes_spec::CheckRule::id),
        "message": escaped(&error.message),
        "notes": error.notes.iter().map(|n| escaped(n)).collect::<Vec<_>>(),
    })
    .to_string()
}

fn render_command(
    request: &regenerate::Render<'_>,
    output: Option<&Path>,
    check: Option<&Path>,
) -> Outcome {
    let spec = request.spec;
    let table = match load_spec(spec) {
        Err(outcome) => return outcome,
        Ok(Err(errors)) => {
            report(&errors, MessageFormat::Human);
            return Outcome::Failed;
        }
        Ok(Ok(table)) => table,
    };
    let Some(name) = request
        .name
        .map(str::to_owned)
        .or_else(|| table.name.clone())
    else {
        return Outcome::Bad(format!(
            "`{}` has no `[table] name`; pass `--name NAME`",
            escaped(&spec.display().to_string())
        ));
    };
    let source = spec.file_name().map_or_else(
        || spec.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    // The header names the command that makes the file again, as the stale-file message does.
    let command = request.command(output.or(check));
    let options = Options {
        name: &name,
        source: &source,
        package: request.package.or(request.namespace),
        command: Some(&command),
    };
    let text = match render_with(request.to, &table, &options) {
        Ok(text) => text,
        Err(error) => return Outcome::Bad(error.to_string()),
    };
    let read: Vec<PathBuf> = std::iter::once(spec.to_path_buf())
        .chain(table.base_files.iter().map(|b| PathBuf::from(&b.resolved)))
        .collect();
    // The process ends next: its memory goes back without freeing 10,000 codes one by one.
    std::mem::forget(table);
    if let Some(file) = check {
        let regenerate = request.command(Some(file));
        let current = match files::read_rendered(file, &regenerate) {
            Ok(current) => current,
            Err(message) => return Outcome::Bad(message),
        };
        return match files::stale(file, &current, &text, &regenerate) {
            None => Outcome::Clean,
            Some(message) => {
                eprintln!("error: {message}");
                Outcome::Failed
            }
        };
    }
    if let Some(file) = output {
        return match files::write_output(file, &text, read.into_iter()) {
            Ok(()) => Outcome::Clean,
            Err(message) => Outcome::Bad(message),
        };
    }
    // A closed pipe (`closecodes render ... | head`) is not an error of ours.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Outcome::Clean
}
