//! `closecodes breaking SPEC --against OLD`: the changes from OLD (a spec file, or a git revision
//! of SPEC) to SPEC that break clients already deployed, in text, JSON lines or GitHub workflow
//! commands.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use closecodes_codegen::build::Files;
use closecodes_spec::breaking::{Category, Change, Rule, compare};
use closecodes_spec::{Loader, Location, Origin, ReadError, Source, Table, escaped, load};

/// How `breaking` prints changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// `file:line:col: message`, as `check` prints errors.
    Human,
    /// One JSON object per line and change.
    Json,
    /// GitHub workflow commands that annotate the pull request.
    Github,
}

/// What `breaking` was asked.
pub(crate) struct Request<'a> {
    pub(crate) spec: &'a Path,
    pub(crate) against: &'a str,
    pub(crate) only: &'a [Category],
    pub(crate) allow: &'a [Rule],
    pub(crate) format: Format,
}

/// How the command ended.
pub(crate) enum Ended {
    /// Nothing breaking.
    Clean,
    /// Breaking changes, printed.
    Breaking,
    /// Spec errors, printed.
    SpecErrors(closecodes_spec::Errors),
    /// Bad input: the one-line message.
    Bad(String),
}

pub(crate) fn run(request: &Request<'_>) -> Ended {
    let written = request.spec.display().to_string();
    // The two versions are read and checked at once, one on each core.
    let (new, old) = std::thread::scope(|scope| {
        let old = scope.spawn(|| old_table(request.spec, request.against));
        let new = Source::read_file(&written, request.spec)
            .map_err(|e| e.to_string())
            .map(|source| load(&source, &mut Files));
        let old = old
            .join()
            .unwrap_or_else(|_| Err("reading the old version failed".to_owned()));
        (new, old)
    });
    let new = match new {
        Ok(Ok(table)) => table,
        Ok(Err(errors)) => return Ended::SpecErrors(errors),
        Err(message) => return Ended::Bad(message),
    };
    let old = match old {
        Ok(Ok(table)) => table,
        Ok(Err(errors)) => return Ended::SpecErrors(errors),
        Err(message) => return Ended::Bad(message),
    };
    let changes: Vec<Change> = compare(&old, &new)
        .into_iter()
        .filter(|c| request.only.is_empty() || request.only.contains(&c.rule.category()))
        .filter(|c| !request.allow.contains(&c.rule))
        .collect();
    // The process ends next: its memory goes back without freeing two tables one code at a time.
    std::mem::forget((old, new));
    print(&changes, request.format);
    if changes.is_empty() {
        Ended::Clean
    } else {
        Ended::Breaking
    }
}

/// The old table: a spec file if `against` is one, else `spec` at the git revision `against`.
fn old_table(spec: &Path, against: &str) -> Result<Result<Table, closecodes_spec::Errors>, String> {
    let as_file = Path::new(against);
    if as_file.is_file() {
        let source = Source::read_file(against, as_file).map_err(|e| e.to_string())?;
        return Ok(load(&source, &mut Files));
    }
    let dir = match spec.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let git = Git::open(&dir, against)?;
    git.verify(against)?;
    let absolute = spec.canonicalize().map_err(|e| {
        format!(
            "cannot find `{}`: {e}",
            escaped(&spec.display().to_string())
        )
    })?;
    let in_repo = absolute
        .strip_prefix(&git.root)
        .map_err(|_| {
            format!(
                "`{}` is not inside the git repository at `{}`",
                escaped(&spec.display().to_string()),
                git.root.display()
            )
        })?
        .to_path_buf();
    let text = git.show(against, &in_repo)?;
    let written = spec.display().to_string();
    let source = Source::file(
        written.clone(),
        format!("git:{against}:{}", slash(&in_repo)),
        text,
    );
    let mut loader = GitLoader {
        git: &git,
        revision: against,
        shown: PathBuf::from(&written),
        in_repo,
    };
    Ok(load(&source, &mut loader))
}

/// A repository, through `git` as the user has it.
struct Git {
    root: PathBuf,
}

impl Git {
    fn open(dir: &Path, against: &str) -> Result<Self, String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["rev-parse", "--show-toplevel"])
            .output()
            .map_err(|e| {
                format!("cannot run `git`: {e}; expected git on the PATH for `--against REVISION`")
            })?;
        if !output.status.success() {
            return Err(format!(
                "`{}` is not a spec file, and `{}` is not in a git repository; expected a spec file or a git revision to compare against",
                escaped(against),
                escaped(&dir.display().to_string())
            ));
        }
        let root = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        let root = root.canonicalize().unwrap_or(root);
        Ok(Git { root })
    }

    fn verify(&self, revision: &str) -> Result<(), String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
            .arg(format!("{revision}^{{commit}}"))
            .output()
            .map_err(|e| format!("cannot run `git`: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{}` is neither a spec file nor a revision of the git repository at `{}`; expected a file, a branch, a tag or a commit",
                escaped(revision),
                self.root.display()
            ))
        }
    }

    /// The text of `path` (relative to the root) at `revision`.
    fn show(&self, revision: &str, path: &Path) -> Result<String, String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .arg("show")
            .arg(format!("{revision}:{}", slash(path)))
            .output()
            .map_err(|e| format!("cannot run `git`: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "`{}` does not exist at revision `{}`",
                escaped(&slash(path)),
                escaped(revision)
            ));
        }
        if output.stdout.len() as u64 > closecodes_spec::MAX_SPEC_BYTES {
            return Err(format!(
                "`{}` at revision `{}` is larger than {} bytes",
                escaped(&slash(path)),
                escaped(revision),
                closecodes_spec::MAX_SPEC_BYTES
            ));
        }
        String::from_utf8(output.stdout).map_err(|_| {
            format!(
                "`{}` at revision `{}` is not UTF-8 text",
                escaped(&slash(path)),
                escaped(revision)
            )
        })
    }
}

/// Base files read at the revision, relative to the spec that names them.
struct GitLoader<'g> {
    git: &'g Git,
    revision: &'g str,
    /// The spec as the user named it (base files are named relative to it in messages).
    shown: PathBuf,
    /// The spec's path inside the repository.
    in_repo: PathBuf,
}

impl Loader for GitLoader<'_> {
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, ReadError> {
        if Path::new(path).is_absolute() {
            return Err(ReadError::Absolute {
                path: path.to_owned(),
            });
        }
        // `from` is the spec or a base read before; its key holds its path in the repository.
        let from_in_repo = match &from.origin {
            Origin::File(_) => from
                .key
                .rsplit_once(':')
                .map_or_else(|| self.in_repo.clone(), |(_, p)| PathBuf::from(p)),
            _ => self.in_repo.clone(),
        };
        let from_shown = match &from.origin {
            Origin::File(written) => PathBuf::from(written),
            _ => self.shown.clone(),
        };
        let in_repo = normalize(&from_in_repo.parent().unwrap_or(Path::new("")).join(path));
        let shown = normalize(&from_shown.parent().unwrap_or(Path::new("")).join(path));
        let text = self
            .git
            .show(self.revision, &in_repo)
            .map_err(ReadError::Refused)?;
        Ok(Source::file(
            shown.display().to_string(),
            format!("git:{}:{}", self.revision, slash(&in_repo)),
            text,
        ))
    }
}

/// `a/./b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A path with `/` separators, as git names paths.
fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The file of a location, as every output names it.
fn file(location: &Location) -> String {
    location
        .origin
        .as_ref()
        .map_or_else(String::new, ToString::to_string)
}

fn print(changes: &[Change], format: Format) {
    match format {
        Format::Human => {
            let mut out = std::io::stderr().lock();
            for change in changes {
                let location = &change.location;
                let number = location.line.to_string();
                let pad = " ".repeat(number.len());
                let indent: String = location
                    .line_text
                    .chars()
                    .take(location.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(
                    out,
                    "error[{}]: {}:{}:{}: {} ({})\n{pad} |\n{number} | {}\n{pad} | {indent}^\n",
                    change.rule,
                    escaped(&file(location)),
                    location.line,
                    location.column,
                    escaped(&change.message),
                    change.rule.category(),
                    escaped(&location.line_text),
                );
            }
            if !changes.is_empty() {
                let _ = writeln!(
                    out,
                    "{} breaking change{}",
                    changes.len(),
                    if changes.len() == 1 { "" } else { "s" }
                );
            }
        }
        Format::Json => {
            let mut out = std::io::stdout().lock();
            for change in changes {
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::json!({
                        "rule": change.rule.id(),
                        "category": change.rule.category().name(),
                        "file": file(&change.location),
                        "line": change.location.line,
                        "column": change.location.column,
                        "message": change.message,
                    })
                );
            }
        }
        Format::Github => {
            let mut out = std::io::stdout().lock();
            for change in changes {
                let _ = writeln!(
                    out,
                    "::error file={},line={},col={},title={}::{}",
                    property(&file(&change.location)),
                    change.location.line,
                    change.location.column,
                    property(&format!(
                        "{} ({})",
                        change.rule.id(),
                        change.rule.category()
                    )),
                    data(&change.message)
                );
            }
        }
    }
}

/// A workflow command's message: `%`, CR and LF escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as `data`, and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
