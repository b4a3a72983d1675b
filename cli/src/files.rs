//! The files the command itself reads and writes beside specs: the output of `-o`, the file that
//! `--check` compares, and what a message says of a spec file that is not there.

use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher as _, Hasher as _};
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use closecodes_codegen::build::Files;
use closecodes_spec::{Loader, MAX_SPEC_BYTES, Origin, ReadError, Source, escaped, read_regular};

/// How many names a temporary file is tried under before giving up.
const TEMPORARY_ATTEMPTS: usize = 16;

/// `-o FILE`: refuses a file the command read (the spec or a base), then writes a temporary file
/// beside FILE, created under an unpredictable name that must not exist yet, and renames it over
/// FILE: FILE is never half-written, and no link planted beside it can redirect the write.
pub(crate) fn write_output(
    file: &Path,
    text: &str,
    read: impl Iterator<Item = PathBuf>,
) -> Result<(), String> {
    let shown = escaped(&file.display().to_string()).into_owned();
    if let Ok(target) = file.canonicalize() {
        for path in read {
            if path.canonicalize().is_ok_and(|p| p == target) {
                return Err(format!(
                    "`{shown}` is a spec file this command read; expected another output file"
                ));
            }
        }
    }
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let base = file
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let names = std::iter::repeat_with(|| format!(".{base}.{:016x}.closecodes.tmp", random()));
    let (temporary, mut out) = create_temporary(&dir, names).map_err(|e| {
        format!(
            "cannot write `{shown}`: cannot create a temporary file in `{}`: {e}",
            escaped(&dir.display().to_string())
        )
    })?;
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .and_then(|()| {
            drop(out);
            std::fs::rename(&temporary, file)
        });
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("cannot write `{shown}`: {e}")
    })
}

/// A new file in `dir` under the first of `names` that nothing holds yet: a name that exists (a
/// file, a link to anywhere, a dangling link) is never opened, the next one is tried.
fn create_temporary(
    dir: &Path,
    names: impl Iterator<Item = String>,
) -> std::io::Result<(PathBuf, File)> {
    let mut last = std::io::Error::other("no name to try");
    for name in names.take(TEMPORARY_ATTEMPTS) {
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// 64 bits no other process can predict: the process id and the time, hashed under std's
/// `RandomState` keys, a secret drawn from the operating system's random source (and a different
/// key for each `RandomState`).
fn random() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since.as_nanos());
    }
    hasher.finish()
}

/// The file `--check` compares, read as a spec file is (a regular file, at most
/// [`MAX_SPEC_BYTES`]) but as it is, line endings kept; the message names it as what it is.
pub(crate) fn read_rendered(file: &Path, regenerate: &str) -> Result<String, String> {
    let written = file.display().to_string();
    let shown = escaped(&written).into_owned();
    read_regular(&written, file).map_err(|error| match error {
        ReadError::NotFound { .. } => format!(
            "cannot find `{shown}` to check; expected the file that this command writes: {}",
            escaped(regenerate)
        ),
        ReadError::Directory { .. } => {
            format!("`{shown}` is a directory; expected the file that `closecodes render` writes")
        }
        ReadError::NotAFile { .. } => format!(
            "`{shown}` is not a regular file (a FIFO, socket or device); expected the file that `closecodes render` writes"
        ),
        ReadError::TooLarge { bytes, .. } => format!(
            "`{shown}` is {bytes} bytes or more; expected a rendered file of at most {MAX_SPEC_BYTES}"
        ),
        ReadError::NotUtf8 { .. } => format!(
            "cannot read `{shown}`: it is not UTF-8 text; expected the file that `closecodes render` writes"
        ),
        ReadError::Io { error, .. } => format!("cannot read `{shown}`: {error}"),
        other => other.to_string(),
    })
}

/// The most characters of a line the stale-file message shows.
const SHOWN_LINE_CHARS: usize = 160;

/// `--check`: `None` if `current` (FILE's text) is exactly `text`, else the message: the first
/// differing line (counting lines as `\n` ends them, so that a CRLF file is named at its first
/// line), as FILE has it and as `closecodes render` writes it, and the command that regenerates
/// FILE.
pub(crate) fn stale(file: &Path, current: &str, text: &str, regenerate: &str) -> Option<String> {
    if current == text {
        return None;
    }
    let shown = escaped(&file.display().to_string()).into_owned();
    let (old, new): (Vec<&str>, Vec<&str>) = (
        current.split_inclusive('\n').collect(),
        text.split_inclusive('\n').collect(),
    );
    let at = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| old.len().min(new.len()));
    let (found, expected) = (old.get(at).copied(), new.get(at).copied());
    let why = match (found, expected) {
        (Some(a), Some(b)) if a.trim_end_matches(['\r', '\n']) == b.trim_end_matches('\n') => {
            " (it ends with CRLF where `closecodes render` writes LF)"
        }
        (None, _) => " (the file ends before it)",
        (_, None) => " (the file goes on past the end)",
        _ => "",
    };
    let (found, expected) = lines_shown(found, expected);
    Some(format!(
        "`{shown}` is stale: line {} differs from what `closecodes render` writes now{why}\n  found:    {found}\n  expected: {expected}\n  regenerate it with: {}",
        at + 1,
        escaped(regenerate)
    ))
}

/// Two lines as the stale-file message shows them: without their `\n`, escaped (a `\r` shows as
/// `\r`), and a long line clipped to the same window around the first character that differs.
fn lines_shown(found: Option<&str>, expected: Option<&str>) -> (String, String) {
    let chars = |line: Option<&str>| -> Option<Vec<char>> {
        line.map(|l| l.strip_suffix('\n').unwrap_or(l).chars().collect())
    };
    let (found, expected) = (chars(found), chars(expected));
    let differs = match (&found, &expected) {
        (Some(a), Some(b)) => a.iter().zip(b).take_while(|(x, y)| x == y).count(),
        _ => 0,
    };
    let from = differs.saturating_sub(SHOWN_LINE_CHARS / 4);
    let show = |line: Option<Vec<char>>, absent: &str| match line {
        None => absent.to_owned(),
        Some(line) => {
            let from = from.min(line.len());
            let to = (from + SHOWN_LINE_CHARS).min(line.len());
            let cut: String = line[from..to].iter().collect();
            format!(
                "{}{}{}",
                if from > 0 { "…" } else { "" },
                escaped(&cut),
                if to < line.len() { "…" } else { "" }
            )
        }
    };
    (
        show(found, "(the end of the file)"),
        show(expected, "(no more lines)"),
    )
}

/// The message for a spec file that is not at `tried` (the path the command looked at), named
/// `written` as the user wrote it, relative to `base`: the path as the file system took it (and
/// `also`, what else was tried), and a near name that exists, written the way the user wrote
/// theirs.
pub(crate) fn not_found(written: &str, tried: &Path, base: &Path, also: &str) -> String {
    let absolute = if tried.is_absolute() {
        tried.to_path_buf()
    } else {
        std::env::current_dir()
            .map_or_else(|_| tried.to_path_buf(), |cwd| normalize(&cwd.join(tried)))
    };
    let mut message = format!(
        "cannot find spec file `{}` (looked for `{}`{also})",
        escaped(written),
        escaped(&absolute.display().to_string())
    );
    if let Some(near) = near_path(base, Path::new(written)) {
        let _ = write!(
            message,
            "; did you mean `{}`?",
            escaped(&near.display().to_string())
        );
    }
    message
}

/// The spec file at `path` (as the user wrote it), a missing one named with the path looked for
/// and a near name.
pub(crate) fn read_spec(path: &Path) -> Result<Source, String> {
    let written = path.display().to_string();
    Source::read_file(&written, path).map_err(|error| match error {
        ReadError::NotFound { .. } => not_found(&written, path, Path::new(""), ""),
        other => other.to_string(),
    })
}

/// Base files as [`Files`] reads them, a missing one named with the path looked for and a near
/// name, written as the `extends` key would name it.
pub(crate) struct Bases;

impl Loader for Bases {
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, ReadError> {
        Files.load(path, from).map_err(|error| match error {
            ReadError::NotFound { .. } => {
                let dir = match &from.origin {
                    Origin::File(_) => Path::new(&from.key).parent().map(Path::to_path_buf),
                    _ => None,
                }
                .unwrap_or_default();
                ReadError::Refused(not_found(path, &dir.join(path), &dir, ""))
            }
            other => other,
        })
    }
}

/// How many entries of a directory are compared with a missing name, at most.
const NEAR_ENTRIES: usize = 10_000;

/// `written` (relative to `base`) with each component that does not exist replaced by the
/// nearest name beside it (directories for a directory, `*.toml` files for the file), if each
/// has one near enough and the result exists.
fn near_path(base: &Path, written: &Path) -> Option<PathBuf> {
    let components: Vec<Component<'_>> = written.components().collect();
    let mut at = base.to_path_buf();
    let mut out = PathBuf::new();
    let mut changed = false;
    for (i, component) in components.iter().enumerate() {
        let last = i + 1 == components.len();
        let Component::Normal(name) = component else {
            at.push(component.as_os_str());
            out.push(component.as_os_str());
            continue;
        };
        let here = at.join(name);
        let fits = |p: &Path| if last { p.is_file() } else { p.is_dir() };
        if fits(&here) {
            at = here;
            out.push(name);
            continue;
        }
        let dir = if at.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &at
        };
        let near = nearest(dir, &name.to_string_lossy(), last)?;
        at.push(&near);
        out.push(&near);
        changed = true;
    }
    (changed && at.is_file()).then_some(out)
}

/// The entry of `dir` nearest to `name` (a `*.toml` file if `file`, else a directory), as
/// [`nearest_name`] chooses.
fn nearest(dir: &Path, name: &str, file: bool) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?.take(NEAR_ENTRIES).flatten();
    let candidates = entries.filter_map(|entry| {
        let candidate = entry.file_name().into_string().ok()?;
        let path = entry.path();
        let fits = if file {
            is_toml(&candidate) && path.is_file()
        } else {
            path.is_dir()
        };
        fits.then_some(candidate)
    });
    nearest_name(name, candidates, file)
}

/// Whether `name` ends in `.toml`, in any case.
pub(crate) fn is_toml(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"))
}

/// The one of `candidates` nearest to `name`, within a third of the name's length in edits (at
/// least one; case aside, a transposition counts one; files compared without their `.toml`),
/// the first by name on a tie.
pub(crate) fn nearest_name(
    name: &str,
    candidates: impl Iterator<Item = String>,
    file: bool,
) -> Option<String> {
    let stem = |n: &str| -> String {
        let n = n.to_lowercase();
        match n.strip_suffix(".toml") {
            Some(stem) if file => stem.to_owned(),
            _ => n,
        }
    };
    let wanted = stem(name);
    let limit = (wanted.chars().count() / 3).max(1);
    let mut best: Option<(usize, String)> = None;
    for candidate in candidates.take(NEAR_ENTRIES) {
        let distance = strsim::osa_distance(&wanted, &stem(&candidate));
        let better = best
            .as_ref()
            .is_none_or(|(d, b)| (distance, &candidate) < (*d, b));
        if distance <= limit && better {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, name)| name)
}

/// `a/./b/../c` as `a/c`, without touching the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("closecodes-cli-unit-{}", std::process::id()))
            .join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("writable");
        dir
    }

    /// A link planted under the name the temporary file takes is not followed: the write goes to
    /// a new file under the next name, and what the link points at is left as it was.
    #[cfg(unix)]
    #[test]
    fn a_temporary_file_is_never_opened_through_a_planted_link() {
        let dir = scratch("planted");
        let victim = dir.join("victim");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join("taken")).unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("dangling")).unwrap();
        let names = ["taken", "dangling", "free"].map(str::to_owned).into_iter();
        let (path, mut file) = create_temporary(&dir, names).unwrap();
        file.write_all(b"rendered").unwrap();
        assert_eq!(path, dir.join("free"));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(
            !dir.join("nowhere").exists(),
            "a dangling link was followed"
        );
        // Every name taken: an error, nothing written.
        let names = ["taken", "dangling"].map(str::to_owned).into_iter();
        let error = create_temporary(&dir, names).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    /// The name of the temporary file is not the process id or the time alone: calls within one
    /// process, at once, never share it.
    #[test]
    fn temporary_names_differ_from_call_to_call() {
        let names: std::collections::HashSet<u64> = (0..64).map(|_| random()).collect();
        assert_eq!(names.len(), 64);
    }

    #[cfg(unix)]
    #[test]
    fn output_is_written_past_links_planted_under_the_old_predictable_name() {
        let dir = scratch("predictable");
        let victim = dir.join("victim");
        std::fs::write(&victim, "precious").unwrap();
        // The name the temporary file had (the process id): a link to the victim.
        let old = dir.join(format!(".out.ts.closecodes-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old).unwrap();
        write_output(&dir.join("out.ts"), "rendered", std::iter::empty()).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("out.ts")).unwrap(),
            "rendered"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn a_near_name_is_found_in_each_directory_of_the_path() {
        let dir = scratch("near");
        std::fs::create_dir_all(dir.join("codes")).unwrap();
        std::fs::write(dir.join("codes/chat.toml"), "").unwrap();
        std::fs::write(dir.join("codes/chart.md"), "").unwrap();
        let near = |written: &str| near_path(&dir, Path::new(written));
        assert_eq!(
            near("codes/chta.toml"),
            Some(PathBuf::from("codes/chat.toml"))
        );
        assert_eq!(
            near("code/chat.toml"),
            Some(PathBuf::from("codes/chat.toml"))
        );
        assert_eq!(
            near("./codes/chta.toml"),
            Some(PathBuf::from("./codes/chat.toml"))
        );
        assert_eq!(
            near("codes/Chat.toml"),
            Some(PathBuf::from("codes/chat.toml"))
        );
        assert_eq!(near("codes/game.toml"), None, "nothing near enough");
        assert_eq!(
            near("codes/chart.toml"),
            Some(PathBuf::from("codes/chat.toml"))
        );
    }
}
