//! The build-script form: a spec rendered to Rust in `OUT_DIR`, rebuilt when the spec or a base
//! file changes.
//!
//! ```no_run
//! // build.rs, with `closecodes-codegen` (feature `render`) as a build-dependency:
//! if let Err(errors) = closecodes_codegen::build::Build::new("codes/chat.toml").generate("chat_code.rs") {
//!     eprintln!("{errors}");
//!     std::process::exit(1);
//! }
//! // src/lib.rs: include!(concat!(env!("OUT_DIR"), "/chat_code.rs"));
//! ```
//!
//! Pick this over `close_codes!` when the generated code should be visible (it is a file you can
//! open, diff and review) or when editors matter: rust-analyzer caches proc-macro expansions and
//! does not refresh them when a spec file changes (rust-analyzer#16243); it does re-run build
//! scripts.

use std::fmt;
use std::path::{Path, PathBuf};

use closecodes_spec::{Errors, Loader, Origin, ReadError, Source, load};

use crate::render::{Format, RenderError, render};

/// A spec to render into `OUT_DIR`.
#[derive(Clone, Debug)]
pub struct Build {
    spec: PathBuf,
    name: Option<String>,
}

/// Why [`Build::generate`] failed. Its `Debug` is its `Display`, so that a build script's
/// `fn main() -> Result<(), Box<dyn Error>>` prints the errors as `closecodes check` does, one per
/// paragraph, rather than as one escaped string.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// `OUT_DIR` is not set: not in a build script.
    NoOutDir,
    /// The spec (or a base file) cannot be read.
    Read(ReadError),
    /// The spec has errors.
    Spec(Errors),
    /// The spec has no `[table] name` and `Build::name` was not called.
    NoName {
        /// The spec, as written.
        spec: String,
    },
    /// The table cannot be rendered under that name.
    Render(RenderError),
    /// The output cannot be written.
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        error: String,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::NoOutDir => {
                f.write_str("`OUT_DIR` is not set; `Build::generate` runs in a build script")
            }
            BuildError::Read(error) => write!(f, "error: {error}"),
            BuildError::Spec(errors) => {
                for (i, error) in errors.iter().enumerate() {
                    if i > 0 {
                        f.write_str("\n\n")?;
                    }
                    write!(f, "error: {error}")?;
                }
                Ok(())
            }
            BuildError::NoName { spec } => write!(
                f,
                "error: `{}` has no `[table] name`; call `Build::name` to name the enum",
                closecodes_spec::escaped(spec)
            ),
            BuildError::Render(error) => write!(f, "error: {error}"),
            BuildError::Write { path, error } => {
                write!(f, "error: cannot write `{}`: {error}", path.display())
            }
        }
    }
}

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `main` prints `Error: {:?}`: the message reads as text on its own lines.
        write!(f, "\n{self}")
    }
}

impl std::error::Error for BuildError {}

impl Build {
    /// The spec at `spec`, relative to the package (`CARGO_MANIFEST_DIR`) if not absolute.
    #[must_use]
    pub fn new(spec: impl Into<PathBuf>) -> Self {
        Build {
            spec: spec.into(),
            name: None,
        }
    }

    /// The enum's name; by default the spec's `[table] name`.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Checks the spec, writes its Rust to `OUT_DIR/file`, and prints `cargo:rerun-if-changed`
    /// for the spec and every base file; returns the path written.
    ///
    /// # Errors
    ///
    /// Every error of the spec (rendered with `file:line:col` and the TOML line), or why the
    /// file could not be read or written.
    pub fn generate(&self, file: impl AsRef<Path>) -> Result<PathBuf, BuildError> {
        let out_dir = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .ok_or(BuildError::NoOutDir)?;
        let path = self.spec_path();
        println!("cargo:rerun-if-changed={}", path.display());
        let (text, table) = self.render(&path)?;
        for base in &table.base_files {
            println!("cargo:rerun-if-changed={}", base.resolved);
        }
        let target = out_dir.join(file);
        std::fs::write(&target, text).map_err(|e| BuildError::Write {
            path: target.clone(),
            error: e.to_string(),
        })?;
        Ok(target)
    }

    fn spec_path(&self) -> PathBuf {
        match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) if self.spec.is_relative() => PathBuf::from(dir).join(&self.spec),
            _ => self.spec.clone(),
        }
    }

    fn render(&self, path: &Path) -> Result<(String, closecodes_spec::Table), BuildError> {
        let written = self.spec.display().to_string();
        let source = Source::read_file(&written, path).map_err(BuildError::Read)?;
        let table = load(&source, &mut Files).map_err(BuildError::Spec)?;
        let name = self
            .name
            .clone()
            .or_else(|| table.name.clone())
            .ok_or_else(|| BuildError::NoName {
                spec: written.clone(),
            })?;
        let text = render(Format::Rust, &table, &name, &written).map_err(BuildError::Render)?;
        Ok((text, table))
    }
}

/// Base files, relative to the spec file that names them; named in messages by a path that leads
/// to them from the working directory (`codes/company.toml` for `company.toml` named in
/// `codes/chat.toml`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Files;

impl Loader for Files {
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, ReadError> {
        if Path::new(path).is_absolute() {
            return Err(ReadError::Absolute {
                path: path.to_owned(),
            });
        }
        let (dir, shown) = match &from.origin {
            Origin::File(written) => (
                Path::new(&from.key).parent().map(Path::to_path_buf),
                Path::new(written).parent().map(|p| p.join(path)),
            ),
            _ => (std::env::current_dir().ok(), None),
        };
        let shown = shown.map_or_else(|| path.to_owned(), |p| p.display().to_string());
        Source::read_file(&shown, &dir.unwrap_or_default().join(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fn main() -> Result<(), Box<dyn Error>>` prints `Error: {:?}`: the errors read as
    /// `closecodes check` prints them, not as one escaped string.
    #[test]
    fn a_build_script_shows_spec_errors_as_check_does() {
        let source = Source::file(
            "codes/chat.toml",
            "codes/chat.toml",
            "extends = \"websocket\"\n[[code]]\ncode = 3999\nname = \"Late\"\ndescription = \"x\"\n",
        );
        let errors = load(&source, &mut Files).unwrap_err();
        let boxed: Box<dyn std::error::Error> = Box::new(BuildError::Spec(errors));
        let shown = format!("Error: {boxed:?}");
        assert!(
            shown
                .starts_with("Error: \nerror: codes/chat.toml:3:8: code 3999 lies in range `Iana`"),
            "{shown}"
        );
        assert!(shown.contains("\n3 | code = 3999\n"), "{shown}");
        assert!(!shown.contains("\\n"), "{shown}");
    }
}
