//! The table as text for every side of the wire: Rust (for build scripts and committed files),
//! TypeScript and JavaScript, Python, Go, Kotlin, C# and Java modules, Markdown and JSON. Each
//! output is deterministic: the same table gives the same bytes.
//!
//! This module is the dispatch: a [`Format`] names its writer. One language-neutral view of the
//! table (`view.rs`) is built once; each format is one writer (`language.rs`): a code target
//! fills the sections of one file skeleton, takes every name from its namer in the spec crate
//! (`closecodes_spec::targets`), writes text through one text-safety module (`crate::safe`), and
//! includes its language's fixed logic and types from a real source file of that language beside
//! its module (`python/runtime.py`), checked by that language's own tools as it stands.

mod csharp;
mod error;
mod go;
mod java;
mod json;
mod kotlin;
mod language;
mod markdown;
mod python;
pub(crate) mod rust;
mod script;
mod text;
mod view;

use std::fmt;
use std::str::FromStr;

use closecodes_spec::Table;

pub use error::{RenderError, UnknownFormat};
pub(crate) use text::{CommentStyle, Text};
pub(crate) use view::View;

use language::Writer;

/// What `render` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The items `close_codes!` generates, formatted with prettyplease, naming the runtime
    /// `::closecodes`: for `include!` from a build script's `OUT_DIR`, or to commit.
    Rust,
    /// An ES module for TypeScript (no `enum`: it type-checks under `--erasableSyntaxOnly`).
    TypeScript,
    /// The same module as plain JavaScript, typed with `JSDoc`.
    JavaScript,
    /// A Markdown page: one row per code and range interval.
    Markdown,
    /// The resolved table as JSON (described by `spec/table.schema.json`).
    Json,
    /// A Python module (3.10 and later): an `IntEnum`, `Entry`, `describe`, `from_wire`.
    Python,
    /// A Go file, one table per package: `type AppCode int`, `Entry`, `Describe`, `FromWire`.
    Go,
    /// A Kotlin file, one table per package: `enum class AppCode(val code: Int)`, `Entry`,
    /// `describe`, `fromWire` in its companion object.
    Kotlin,
    /// A C# file: `enum AppCode : ushort` and `AppCodeTable` with `Entries`, `Describe`,
    /// `FromWire`.
    CSharp,
    /// A Java 17 file, one public type: `enum AppCode` with `code()`, a nested `record Entry`,
    /// `ENTRIES`, `describe` and `fromWire` returning `Optional<Entry>`.
    Java,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 10] = [
        Format::Rust,
        Format::TypeScript,
        Format::JavaScript,
        Format::Markdown,
        Format::Json,
        Format::Python,
        Format::Go,
        Format::Kotlin,
        Format::CSharp,
        Format::Java,
    ];

    /// The name `closecodes render --to` takes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::Rust => "rust",
            Format::TypeScript => "ts",
            Format::JavaScript => "js",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Python => "python",
            Format::Go => "go",
            Format::Kotlin => "kotlin",
            Format::CSharp => "csharp",
            Format::Java => "java",
        }
    }

    /// The extension of a file of the format: `rs`, `ts`, `py`, `kt`, `cs`.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Rust => "rs",
            Format::TypeScript => "ts",
            Format::JavaScript => "js",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Python => "py",
            Format::Go => "go",
            Format::Kotlin => "kt",
            Format::CSharp => "cs",
            Format::Java => "java",
        }
    }

    /// The writer of the format.
    fn writer(self) -> &'static dyn Writer {
        match self {
            Format::Rust => &rust::Rust,
            Format::TypeScript => &script::TYPESCRIPT,
            Format::JavaScript => &script::JAVASCRIPT,
            Format::Markdown => &markdown::Markdown,
            Format::Json => &json::Json,
            Format::Python => &python::Python,
            Format::Go => &go::Go,
            Format::Kotlin => &kotlin::Kotlin,
            Format::CSharp => &csharp::CSharp,
            Format::Java => &java::Java,
        }
    }

    /// The parts of the format's runtime file that every output includes as they stand, in the
    /// order the output holds them (none for Rust, Markdown and JSON): a golden file need not
    /// repeat them.
    #[must_use]
    pub fn runtime_parts(self) -> Vec<&'static str> {
        let runtime = match self {
            Format::TypeScript => language::CodeWriter::runtime(&script::TYPESCRIPT),
            Format::JavaScript => language::CodeWriter::runtime(&script::JAVASCRIPT),
            Format::Python => language::CodeWriter::runtime(&python::Python),
            Format::Go => language::CodeWriter::runtime(&go::Go),
            Format::Kotlin => language::CodeWriter::runtime(&kotlin::Kotlin),
            Format::CSharp => language::CodeWriter::runtime(&csharp::CSharp),
            Format::Java => language::CodeWriter::runtime(&java::Java),
            Format::Rust | Format::Markdown | Format::Json => return Vec::new(),
        };
        ["types", "lookups"]
            .into_iter()
            .map(|part| runtime.part(part))
            .filter(|part| !part.is_empty())
            .collect()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| UnknownFormat {
                name: name.to_owned(),
            })
    }
}

/// What to render besides the format: the table's name, the spec's file name and the command
/// for the header, the package.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// The table's name.
    pub name: &'a str,
    /// The spec's file name, named in the header of code outputs.
    pub source: &'a str,
    /// Go's, Kotlin's or Java's package, C#'s namespace; by default from the table's name.
    pub package: Option<&'a str>,
    /// The command that regenerates the file, for its header; by default
    /// `closecodes render --to <format> <source>`.
    pub command: Option<&'a str>,
}

/// The table named `name` in `format`; `source` names the spec in the header of code outputs.
///
/// # Errors
///
/// When `name` cannot name the table in the format's language (not an identifier, a keyword, a
/// name the module uses), or a code cannot be written exactly in it.
pub fn render(
    format: Format,
    table: &Table,
    name: &str,
    source: &str,
) -> Result<String, RenderError> {
    render_with(
        format,
        table,
        &Options {
            name,
            source,
            ..Options::default()
        },
    )
}

/// As [`render`], with every option.
///
/// # Errors
///
/// As [`render`], and when the package is not one of the language.
pub fn render_with(
    format: Format,
    table: &Table,
    options: &Options<'_>,
) -> Result<String, RenderError> {
    let writer = format.writer();
    let view = View::new(format, table, options, writer.namer())?;
    writer.file(&view)
}

/// The largest integer a JavaScript number holds exactly: `Number.MAX_SAFE_INTEGER`.
pub(crate) const MAX_SAFE_INTEGER: i128 = (1 << 53) - 1;

/// `code`, `range` or `documented`: a row's kind as every target's `Entry` spells it.
pub(crate) fn kind_name(kind: closecodes_spec::RowKind) -> &'static str {
    match kind {
        closecodes_spec::RowKind::Code => "code",
        closecodes_spec::RowKind::Range => "range",
        closecodes_spec::RowKind::Documented => "documented",
    }
}

#[cfg(test)]
mod tests;
