//! Finding and reading spec files: the invoked spec and every file an `extends` names.

use std::path::{Path, PathBuf};

use closecodes_spec::{Loader, Origin, Source};

/// How a file named in the invocation was found; decides the `include_bytes!` that tracks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// Under `CARGO_MANIFEST_DIR`, as the contract says.
    ManifestDir,
    /// Beside the invoking source file (the fallback, as `include_str!` resolves).
    SourceDir,
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

    /// Reads the spec named in the invocation: `CARGO_MANIFEST_DIR/path`, else beside the source file.
    pub(crate) fn load_root(&self, path: &str) -> Result<(Source, Found), String> {
        if Path::new(path).is_absolute() {
            return Err(format!(
                "spec path `{path}` is absolute; expected a path relative to the crate's `CARGO_MANIFEST_DIR`"
            ));
        }
        let mut tried = Vec::new();
        for (dir, found) in [
            (&self.manifest_dir, Found::ManifestDir),
            (&self.source_dir, Found::SourceDir),
        ] {
            let Some(dir) = dir else { continue };
            let full = dir.join(path);
            if full.is_file() {
                return read(path, &full).map(|s| (s, found));
            }
            tried.push(full.display().to_string());
        }
        Err(format!(
            "cannot find spec file `{path}`; looked for {}",
            tried.join(" and ")
        ))
    }
}

impl Loader for FileLoader {
    /// A base named in a spec file is relative to that file; one named in an inline spec is
    /// relative to the crate, falling back to the invoking source file's directory.
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, String> {
        let dirs = match &from.origin {
            Origin::File(_) => vec![Path::new(&from.key).parent().map(Path::to_path_buf)],
            Origin::Inline | Origin::Builtin(_) | Origin::Derive(_) => {
                vec![self.manifest_dir.clone(), self.source_dir.clone()]
            }
        };
        let mut tried = Vec::new();
        for dir in dirs.into_iter().flatten() {
            let full = dir.join(path);
            if full.is_file() {
                return read(path, &full);
            }
            tried.push(full.display().to_string());
        }
        Err(format!(
            "cannot find the base spec `{path}`; looked for {}",
            tried.join(" and ")
        ))
    }
}

fn read(written: &str, full: &Path) -> Result<Source, String> {
    let key = full
        .canonicalize()
        .unwrap_or_else(|_| full.to_path_buf())
        .display()
        .to_string();
    match std::fs::read_to_string(full) {
        Ok(text) => Ok(Source::file(written, key, text)),
        Err(e) => Err(format!("cannot read spec file `{written}`: {e}")),
    }
}
