//! `closecodes breaking SPEC --against OLD`: the changes from OLD (a spec file, or a git revision
//! of SPEC) to SPEC that break clients already deployed, in text, JSON lines or GitHub workflow
//! commands.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use closecodes_spec::breaking::{Category, Change, Rule, Version, compare};
use closecodes_spec::{
    Errors, Loader, Location, MAX_SPEC_BYTES, Origin, ReadError, Source, Table, escaped, load,
};

use crate::files::normalize;

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
    /// Spec errors, to print.
    SpecErrors(Errors),
    /// Bad input: the one-line message.
    Bad(String),
}

pub(crate) fn run(request: &Request<'_>) -> Ended {
    // The two versions are read and checked at once, one on each core.
    let (new, old) = std::thread::scope(|scope| {
        let old = scope.spawn(|| old_table(request.spec, request.against));
        let new = crate::files::read_spec(request.spec)
            .map(|source| load(&source, &mut crate::files::Bases));
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
    let (old, against) = match old {
        Ok((Ok(table), against)) => (table, against),
        Ok((Err(errors), _)) => return Ended::SpecErrors(errors),
        Err(message) => return Ended::Bad(message),
    };
    let changes: Vec<Change> = compare(&old, &new)
        .into_iter()
        .filter(|c| request.only.is_empty() || request.only.contains(&c.rule.category()))
        .filter(|c| !request.allow.contains(&c.rule))
        .collect();
    let places = Places::new(request.spec, &new, against);
    // The process ends next: its memory goes back without freeing two tables one code at a time.
    std::mem::forget((old, new));
    print(&changes, request.format, &places);
    if changes.is_empty() {
        Ended::Clean
    } else {
        Ended::Breaking
    }
}

/// What the old version was read from.
#[derive(Clone, Debug)]
enum Against {
    /// A spec file (and the files it extends), as they are now.
    File,
    /// The spec at a git revision.
    Revision(String),
}

/// The old table: a spec file if `against` is one, else `spec` at the git revision `against`.
fn old_table(spec: &Path, against: &str) -> Result<(Result<Table, Errors>, Against), String> {
    let as_file = Path::new(against);
    if as_file.is_file() {
        let source = crate::files::read_spec(as_file)?;
        return Ok((load(&source, &mut crate::files::Bases), Against::File));
    }
    let dir = match spec.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let git = Git::open(&dir, against).map_err(|e| or_a_file(against, e))?;
    git.verify(against).map_err(|e| or_a_file(against, e))?;
    // The spec's own name in the repository: its directory resolved as it is now, the file itself
    // not (a link is read as what it pointed at at the revision).
    let shown = escaped(&spec.display().to_string()).into_owned();
    let file_name = spec
        .file_name()
        .ok_or_else(|| format!("`{shown}` names no file; expected a spec file"))?;
    let absolute = dir
        .canonicalize()
        .map_err(|e| format!("cannot find the directory of `{shown}`: {e}"))?
        .join(file_name);
    let in_repo = absolute
        .strip_prefix(&git.root)
        .map_err(|_| {
            format!(
                "`{shown}` is not inside the git repository at `{}`",
                escaped(&git.root.display().to_string())
            )
        })?
        .to_path_buf();
    let (resolved, text) = git.read(against, &in_repo)?;
    let written = spec.display().to_string();
    let source = Source::file(written.clone(), format!("git:{against}:{resolved}"), text);
    let mut loader = GitLoader {
        git: &git,
        revision: against,
        shown: PathBuf::from(&written),
        in_repo: PathBuf::from(resolved),
    };
    Ok((
        load(&source, &mut loader),
        Against::Revision(against.to_owned()),
    ))
}

/// The message for an `--against` that is no revision: if it reads as a path (a `.toml` name, a
/// directory in it), the file was what was meant, and the message says where it was looked for.
fn or_a_file(against: &str, message: String) -> String {
    let path = Path::new(against);
    let looks_like_a_file = against.contains(['/', '\\'])
        || path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
    if looks_like_a_file && !path.exists() {
        crate::files::not_found(
            against,
            path,
            Path::new(""),
            ", and for a git revision of that name",
        )
    } else {
        message
    }
}

/// How many symbolic links one path may go through at a revision.
const MAX_LINKS: usize = 16;

/// The longest target of a symbolic link read at a revision (`PATH_MAX` on Linux).
const MAX_LINK_BYTES: u64 = 4096;

/// An entry of a tree at a revision, as `git ls-tree` lists it.
enum Entry {
    /// A file: its object and size.
    File { object: String, size: u64 },
    /// A symbolic link: its object, whose content is the link's target, and its size.
    Link { object: String, size: u64 },
    /// A directory.
    Directory,
    /// Anything else (a submodule).
    Other,
    /// Nothing.
    Missing,
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

    fn git(&self) -> Command {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.root)
            // Paths are names, not patterns.
            .arg("--literal-pathspecs");
        command
    }

    fn verify(&self, revision: &str) -> Result<(), String> {
        let output = self
            .git()
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
                escaped(&self.root.display().to_string())
            ))
        }
    }

    /// The entry at `path` (`/`-separated, from the root) at `revision`.
    fn entry(&self, revision: &str, path: &str) -> Result<Entry, String> {
        let output = self
            .git()
            .args([
                "ls-tree",
                "-z",
                "-l",
                "--end-of-options",
                revision,
                "--",
                path,
            ])
            .output()
            .map_err(|e| format!("cannot run `git`: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "`git ls-tree` could not list `{}` at revision `{}`: {}",
                escaped(path),
                escaped(revision),
                escaped(String::from_utf8_lossy(&output.stderr).trim())
            ));
        }
        // `<mode> <type> <object> <size>\t<path>\0`, for the path itself if it exists.
        for record in output.stdout.split(|&b| b == 0) {
            let record = String::from_utf8_lossy(record);
            let Some((info, name)) = record.split_once('\t') else {
                continue;
            };
            if name != path {
                continue;
            }
            let fields: Vec<&str> = info.split_whitespace().collect();
            let (mode, object) = match fields.as_slice() {
                [mode, _, object, ..] => (*mode, (*object).to_owned()),
                _ => continue,
            };
            let size = fields.get(3).and_then(|s| s.parse().ok()).unwrap_or(0);
            return Ok(match mode {
                "100644" | "100755" => Entry::File { object, size },
                "120000" => Entry::Link { object, size },
                "040000" => Entry::Directory,
                _ => Entry::Other,
            });
        }
        Ok(Entry::Missing)
    }

    /// The content of the object `object` (its size checked by the caller, from `ls-tree -l`).
    fn blob(&self, object: &str) -> Result<Vec<u8>, String> {
        let output = self
            .git()
            .args(["cat-file", "blob", object])
            .output()
            .map_err(|e| format!("cannot run `git`: {e}"))?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(format!("`git cat-file` could not read object {object}"))
        }
    }

    /// The file at `path` (relative to the root) at `revision`, following symbolic links as the
    /// file system would (each relative to its own directory, at most [`MAX_LINKS`], never out of
    /// the repository): the path it resolved to and its text.
    fn read(&self, revision: &str, path: &Path) -> Result<(String, String), String> {
        let asked = slash(path);
        let (asked_shown, revision_shown) = (escaped(&asked), escaped(revision));
        let at = |what: String| format!("`{asked_shown}` at revision `{revision_shown}` {what}");
        // The whole path first: most specs are plain files, found in one call.
        let (resolved, object, size) = match self.entry(revision, &asked)? {
            Entry::File { object, size } => (asked.clone(), object, size),
            _ => self.resolve(revision, &asked, &at)?,
        };
        if size > MAX_SPEC_BYTES {
            return Err(at(format!(
                "is {size} bytes; expected at most {MAX_SPEC_BYTES}"
            )));
        }
        let text = String::from_utf8(self.blob(&object)?)
            .map_err(|_| at("is not UTF-8 text; expected a TOML file".to_owned()))?;
        Ok((resolved, text))
    }

    /// `asked` walked one directory at a time, each symbolic link replaced by its target: the
    /// file it ends at, its object and size.
    fn resolve(
        &self,
        revision: &str,
        asked: &str,
        at: &dyn Fn(String) -> String,
    ) -> Result<(String, String, u64), String> {
        // Components still to walk, the next last; and those walked, all directories.
        let mut rest: Vec<String> = components(asked).rev().collect();
        let mut walked: Vec<String> = Vec::new();
        let mut links = 0;
        while let Some(name) = rest.pop() {
            if name == ".." {
                if walked.pop().is_none() {
                    return Err(at(
                        "leads out of the repository; expected a file inside it".to_owned()
                    ));
                }
                continue;
            }
            walked.push(name);
            let here = walked.join("/");
            match self.entry(revision, &here)? {
                Entry::File { object, size } if rest.is_empty() => return Ok((here, object, size)),
                Entry::Directory if !rest.is_empty() => {}
                Entry::Directory => {
                    return Err(at(format!(
                        "is a directory (`{}`); expected a spec file",
                        escaped(&here)
                    )));
                }
                Entry::Link { object, size } => {
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(at(format!(
                            "goes through more than {MAX_LINKS} symbolic links (a cycle?); expected links that end at a file"
                        )));
                    }
                    if size > MAX_LINK_BYTES {
                        return Err(at(format!(
                            "goes through a symbolic link of {size} bytes (`{}`); expected at most {MAX_LINK_BYTES}",
                            escaped(&here)
                        )));
                    }
                    let target = String::from_utf8_lossy(&self.blob(&object)?).into_owned();
                    if target.starts_with('/') || target.is_empty() {
                        return Err(at(format!(
                            "is a symbolic link to `{}`, outside the repository; expected a link to a file inside it",
                            escaped(&target)
                        )));
                    }
                    // The link is replaced by its target, read from the link's directory.
                    walked.pop();
                    rest.extend(components(&target).rev());
                }
                Entry::Missing | Entry::File { .. } | Entry::Other if links == 0 => {
                    let near = match (here == asked)
                        .then(|| self.near(revision, &walked))
                        .flatten()
                    {
                        Some(near) => format!("; did you mean `{}`?", escaped(&near)),
                        None => String::new(),
                    };
                    return Err(format!(
                        "`{}` does not exist at revision `{}`{near}",
                        escaped(asked),
                        escaped(revision)
                    ));
                }
                Entry::Missing | Entry::File { .. } | Entry::Other => {
                    return Err(format!(
                        "`{}` does not exist at revision `{}`: its symbolic links lead to `{}`, which does not",
                        escaped(asked),
                        escaped(revision),
                        escaped(&here)
                    ));
                }
            }
        }
        Err(at("names no file; expected a spec file".to_owned()))
    }

    /// The `*.toml` file at `revision` nearest to the missing last component of `path`, beside
    /// it: its path from the root.
    fn near(&self, revision: &str, path: &[String]) -> Option<String> {
        let (name, dir) = path.split_last()?;
        let dir = dir.join("/");
        let mut command = self.git();
        command.args(["ls-tree", "-z", "--end-of-options", revision]);
        if !dir.is_empty() {
            command.arg("--").arg(format!("{dir}/"));
        }
        let output = command.output().ok().filter(|o| o.status.success())?;
        let listed = String::from_utf8_lossy(&output.stdout).into_owned();
        let candidates = listed.split('\0').filter_map(|record| {
            let (info, path) = record.split_once('\t')?;
            let file = path.rsplit('/').next().unwrap_or(path);
            let blob = info.split_whitespace().nth(1) == Some("blob");
            (blob && crate::files::is_toml(file)).then(|| file.to_owned())
        });
        let near = crate::files::nearest_name(name, candidates, true)?;
        Some(if dir.is_empty() {
            near
        } else {
            format!("{dir}/{near}")
        })
    }
}

/// The components of a `/`-separated path, without empty ones and `.`.
fn components(path: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    path.split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .map(str::to_owned)
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
        // `from` is the spec or a base read before; its key holds its path in the repository
        // (where its links led).
        let prefix = format!("git:{}:", self.revision);
        let from_in_repo = match &from.origin {
            Origin::File(_) => from
                .key
                .strip_prefix(&prefix)
                .map_or_else(|| self.in_repo.clone(), PathBuf::from),
            _ => self.in_repo.clone(),
        };
        let from_shown = match &from.origin {
            Origin::File(written) => PathBuf::from(written),
            _ => self.shown.clone(),
        };
        let in_repo = normalize(&from_in_repo.parent().unwrap_or(Path::new("")).join(path));
        let shown = normalize(&from_shown.parent().unwrap_or(Path::new("")).join(path));
        let (resolved, text) = self
            .git
            .read(self.revision, &in_repo)
            .map_err(ReadError::Refused)?;
        Ok(Source::file(
            shown.display().to_string(),
            format!("{prefix}{resolved}"),
            text,
        ))
    }
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

/// What the outputs need to point a reviewer at a change: where the old version came from, and
/// the files of the new version.
struct Places {
    against: Against,
    /// The spec, as given.
    spec: String,
    /// The files the new version was read from (the spec and its bases), canonical.
    new_files: Vec<PathBuf>,
}

impl Places {
    fn new(spec: &Path, new: &Table, against: Against) -> Self {
        let new_files = std::iter::once(spec.to_path_buf())
            .chain(new.base_files.iter().map(|b| PathBuf::from(&b.resolved)))
            .filter_map(|p| p.canonicalize().ok())
            .collect();
        Places {
            against,
            spec: spec.display().to_string(),
            new_files,
        }
    }

    /// Where text output says a change is: `file:line:col`, and for the old version which one.
    fn text(&self, change: &Change) -> String {
        let location = &change.location;
        let place = format!(
            "{}:{}:{}",
            escaped(&file(location)),
            location.line,
            location.column
        );
        match (change.version, &self.against) {
            (Version::New, _) => place,
            (Version::Old, Against::File) => format!("{place} (in the old version)"),
            (Version::Old, Against::Revision(revision)) => {
                format!("{place} (at revision {})", escaped(revision))
            }
        }
    }

    /// Where a GitHub annotation goes: a file of the new version, and the line and column only
    /// where that file has the line as it was read. What was removed annotates the file it was
    /// in if the new version still reads it (else the spec), without a line; the message then
    /// says where it was.
    fn annotation(&self, change: &Change) -> (String, Option<(usize, usize)>, String) {
        let location = &change.location;
        let at = Some((location.line, location.column));
        if change.version == Version::New {
            return (file(location), at, change.message.clone());
        }
        let old_file = file(location);
        let still_read = Path::new(&old_file)
            .canonicalize()
            .is_ok_and(|p| self.new_files.contains(&p));
        let (annotated, line) = match (&self.against, still_read) {
            // Read from the file system as it is: the line is there.
            (Against::File, true) => (old_file.clone(), at),
            (Against::Revision(_), true) => (old_file.clone(), None),
            (_, false) => (self.spec.clone(), None),
        };
        if line.is_some() {
            return (annotated, line, change.message.clone());
        }
        let version = match &self.against {
            Against::File => "in the old version".to_owned(),
            Against::Revision(revision) => format!("at revision `{revision}`"),
        };
        let message = format!(
            "{}; it was at line {} of `{old_file}` {version}",
            change.message, location.line
        );
        (annotated, line, message)
    }
}

fn print(changes: &[Change], format: Format, places: &Places) {
    match format {
        Format::Human => {
            let mut out = std::io::stderr().lock();
            for change in changes {
                let location = &change.location;
                let number = location.line.to_string();
                let pad = " ".repeat(number.len());
                // The line is shown escaped and clipped already; the underline is its own.
                let indent: String = location
                    .line_text
                    .chars()
                    .take(location.caret)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(
                    out,
                    "error[{}]: {}: {} ({})\n{pad} |\n{number} | {}\n{pad} | {indent}{}\n",
                    change.rule,
                    places.text(change),
                    escaped(&change.message),
                    change.rule.category(),
                    location.line_text,
                    "^".repeat(location.width.max(1)),
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
                let mut line = serde_json::json!({
                    "rule": change.rule.id(),
                    "category": change.rule.category().name(),
                    "file": file(&change.location),
                    "line": change.location.line,
                    "column": change.location.column,
                    "version": change.version.name(),
                    "message": change.message,
                });
                if let (Version::Old, Against::Revision(revision)) =
                    (change.version, &places.against)
                {
                    line["revision"] = revision.as_str().into();
                }
                let _ = writeln!(out, "{line}");
            }
        }
        Format::Github => {
            let mut out = std::io::stdout().lock();
            for change in changes {
                let (annotated, at, message) = places.annotation(change);
                let at = at.map_or_else(String::new, |(line, column)| {
                    format!(",line={line},col={column}")
                });
                let _ = writeln!(
                    out,
                    "::error file={}{at},title={}::{}",
                    property(&annotated),
                    property(&format!(
                        "{} ({})",
                        change.rule.id(),
                        change.rule.category()
                    )),
                    data(&message)
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
