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

use std::path::{Path, PathBuf};

use closecodes_spec::{Loader, Origin, Source, load};

use crate::render::{Format, render};

/// A spec to render into `OUT_DIR`.
#[derive(Clone, Debug)]
pub struct Build {
    spec: PathBuf,
    name: Option<String>,
}

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
    pub fn generate(&self, file: impl AsRef<Path>) -> Result<PathBuf, String> {
        let out_dir = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .ok_or("`OUT_DIR` is not set; `Build::generate` runs in a build script")?;
        let path = self.spec_path();
        println!("cargo:rerun-if-changed={}", path.display());
        let (text, table) = self.render(&path)?;
        for base in &table.base_files {
            println!("cargo:rerun-if-changed={}", base.resolved);
        }
        let target = out_dir.join(file);
        std::fs::write(&target, text)
            .map_err(|e| format!("cannot write `{}`: {e}", target.display()))?;
        Ok(target)
    }

    fn spec_path(&self) -> PathBuf {
        match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) if self.spec.is_relative() => PathBuf::from(dir).join(&self.spec),
            _ => self.spec.clone(),
        }
    }

    fn render(&self, path: &Path) -> Result<(String, closecodes_spec::Table), String> {
        let written = self.spec.display().to_string();
        let source = read(&written, path)?;
        let table = load(&source, &mut Files).map_err(|errors| errors.to_string())?;
        let name = self
            .name
            .clone()
            .or_else(|| table.name.clone())
            .ok_or_else(|| {
                format!("`{written}` has no `[table] name`; call `Build::name` to name the enum")
            })?;
        let text = render(Format::Rust, &table, &name, &written)?;
        Ok((text, table))
    }
}

/// Reads a spec file, saying why it cannot be ([`Source::read_file`]).
///
/// # Errors
///
/// When the file does not exist, is a directory, cannot be read or is not UTF-8.
pub fn read(written: &str, path: &Path) -> Result<Source, String> {
    Source::read_file(written, path)
}

/// Base files, relative to the spec file that names them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Files;

impl Loader for Files {
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, String> {
        if Path::new(path).is_absolute() {
            return Err(format!(
                "spec path `{path}` is absolute; expected a path relative to the spec that names it"
            ));
        }
        let dir = match &from.origin {
            Origin::File(_) => Path::new(&from.key).parent().map(Path::to_path_buf),
            _ => std::env::current_dir().ok(),
        }
        .unwrap_or_default();
        read(path, &dir.join(path))
    }
}
