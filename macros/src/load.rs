//! Finding and reading spec files: the invoked spec and every file an `extends` names.

use std::path::{Path, PathBuf};

use closecodes_spec::{Loader, Origin, Source};

/// How a file named in the invocation was found; decides the `include_bytes!` that tracks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// Under `CARGO_MANIFEST_DIR`, as the contract says.
    UnderManifest,
    /// Beside the invoking source file. The fallback exists because a crate's spec files are not
    /// always under its manifest directory when it is compiled: trybuild, for one, builds test
    /// cases in a crate of its own under the target directory (trybuild#202), and `include_str!`
    /// users expect paths relative to the file.
    BesideSource,
    /// Beside the spec file whose `extends` names it.
    BesideSpec,
}

impl Found {
    /// The directory, as a message names it (never the machine's path, so that messages are the
    /// same wherever the crate is built).
    fn describe(self) -> &'static str {
        match self {
            Found::UnderManifest => "the crate's directory (`CARGO_MANIFEST_DIR`)",
            Found::BesideSource => "the directory of the invoking source file",
            Found::BesideSpec => "the directory of the spec that names it",
        }
    }
}

/// Reads spec files from disk, relative to the crate (or to the spec that names them).
#[derive(Clone, Debug)]
pub(crate) struct FileLoader {
    pub manifest_dir: Option<PathBuf>,
    pub source_dir: Option<PathBuf>,
}

impl FileLoader {
    pub(crate) fn from_env(source_file: Option<PathBuf>) -> Self {
        FileLoader {
            manifest_dir: std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
            source_dir: source_file.and_then(|f| f.parent().map(Path::to_path_buf)),
        }
    }

    /// The directories a path written in the macro invocation (or in an inline spec, or a
    /// derive) is looked up in, in order.
    fn crate_dirs(&self) -> Vec<(&Path, Found)> {
        let mut dirs = Vec::new();
        if let Some(dir) = &self.manifest_dir {
            dirs.push((dir.as_path(), Found::UnderManifest));
        }
        if let Some(dir) = &self.source_dir {
            dirs.push((dir.as_path(), Found::BesideSource));
        }
        dirs
    }

    /// Reads the spec named in the invocation: `CARGO_MANIFEST_DIR/path`, else beside the source file.
    pub(crate) fn load_root(&self, path: &str) -> Result<(Source, Found), String> {
        find(path, "spec file", &self.crate_dirs())
    }
}

impl Loader for FileLoader {
    /// A base named in a spec file is relative to that file; one named in an inline spec or a
    /// derive is relative to the crate, falling back to the invoking source file's directory.
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, closecodes_spec::ReadError> {
        let spec_dir = Path::new(&from.key).parent();
        let dirs = match (&from.origin, spec_dir) {
            (Origin::File(_), Some(dir)) => vec![(dir, Found::BesideSpec)],
            _ => self.crate_dirs(),
        };
        find(path, "base spec", &dirs)
            .map(|(source, _)| source)
            .map_err(closecodes_spec::ReadError::Refused)
    }
}

/// Looks `path` up in each directory in turn and reads the first file found. Every way of not
/// finding one says which it is: an empty or absolute path, a directory, a dangling symlink, or
/// nothing there at all.
fn find(path: &str, what: &str, dirs: &[(&Path, Found)]) -> Result<(Source, Found), String> {
    if path.trim().is_empty() {
        return Err(format!(
            "{what} path is empty; expected a path to a `.toml` file"
        ));
    }
    if Path::new(path).is_absolute() {
        return Err(format!(
            "spec path `{path}` is absolute; expected a path relative to the crate's `CARGO_MANIFEST_DIR`"
        ));
    }
    for (dir, found) in dirs {
        let full = dir.join(path);
        let Ok(link) = full.symlink_metadata() else {
            continue;
        };
        if link.is_symlink() && full.metadata().is_err() {
            return Err(format!(
                "{what} `{path}` is a symlink to a file that does not exist (in {})",
                found.describe()
            ));
        }
        if full.is_dir() {
            return Err(format!(
                "{what} `{path}` is a directory (in {}); expected a `.toml` file",
                found.describe()
            ));
        }
        return Source::read_file(path, &full)
            .map(|source| (source, *found))
            .map_err(|e| e.to_string());
    }
    let places: Vec<&str> = dirs.iter().map(|(_, found)| found.describe()).collect();
    Err(format!(
        "cannot find {what} `{path}`; looked in {}",
        if places.is_empty() {
            "no directory (`CARGO_MANIFEST_DIR` is not set)".to_owned()
        } else {
            places.join(" and ")
        }
    ))
}

/// The base a spec's `extends` names, read and checked as `closecodes_spec::load` would, for the
/// stand-in of a spec that has errors; `None` if there is none or it cannot be read or checked
/// (`load` has reported why).
pub(crate) fn base_table(
    spec: &closecodes_spec::Spec,
    source: &Source,
    loader: &mut dyn Loader,
) -> Option<closecodes_spec::Table> {
    let name = spec.extends.as_ref()?.value.trim();
    // A name is a built-in table, a path is a file (as `extends` is read).
    let base = match Source::builtin(name) {
        Some(builtin) => builtin,
        None if name.contains(['/', '\\']) || name.to_ascii_lowercase().ends_with(".toml") => {
            loader.load(name, source).ok()?
        }
        None => return None,
    };
    closecodes_spec::load(&base, loader).ok()
}
