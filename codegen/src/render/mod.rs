//! The table as text for every side of the wire: Rust (for build scripts and committed files),
//! TypeScript and JavaScript modules, Markdown, JSON. Each output is deterministic: the same
//! table gives the same bytes.
//!
//! One language-neutral `View` of the table is built once (rows, flags, the default
//! description, names as words); each target is one implementation of `Language`: its namer
//! (reserved words, the identifiers its own module defines), its string literals, its doc
//! comments, its file. The fixed logic of a language (the lookups behind `describe` and
//! `fromWire`) is a real source file of that language beside its module (`ts/runtime.ts`),
//! checked by that language's own tools as it stands and included into the output, so that a
//! target writes data and names only.

mod csharp;
mod go;
mod json;
mod kotlin;
pub(crate) mod lists;
mod markdown;
mod python;
mod rust;
mod script;
mod text;
mod view;

use std::fmt;
use std::str::FromStr;

use closecodes_spec::Table;

pub(crate) use text::Text;
pub(crate) use view::View;

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
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 9] = [
        Format::Rust,
        Format::TypeScript,
        Format::JavaScript,
        Format::Markdown,
        Format::Json,
        Format::Python,
        Format::Go,
        Format::Kotlin,
        Format::CSharp,
    ];

    /// The name `closecodes render --to` takes: `rust`, `ts`, `js`, `md`, `json`, `python`, `go`.
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
        }
    }

    /// The target that writes the format.
    fn language(self) -> &'static dyn Language {
        match self {
            Format::Rust => &rust::Rust,
            Format::TypeScript => &script::Script::TYPESCRIPT,
            Format::JavaScript => &script::Script::JAVASCRIPT,
            Format::Markdown => &markdown::Markdown,
            Format::Json => &json::Json,
            Format::Python => &python::Python,
            Format::Go => &go::Go,
            Format::Kotlin => &kotlin::Kotlin,
            Format::CSharp => &csharp::CSharp,
        }
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

/// A name that is not one of [`Format::ALL`]'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat {
    /// The name, as given.
    pub name: String,
}

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(
            f,
            "unknown format `{}`; expected one of {}",
            closecodes_spec::escaped(&self.name),
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

/// Why a table cannot be rendered in a format.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderError {
    /// The table's name cannot be an identifier of the target.
    Name {
        /// The name, as given.
        name: String,
        /// The target's language.
        target: &'static str,
        /// Why, and what is expected.
        reason: String,
    },
    /// A code cannot be written exactly in the target (JavaScript numbers above 2^53).
    Number {
        /// The code.
        value: i128,
        /// The target's language.
        target: &'static str,
        /// The largest magnitude the target holds exactly.
        largest: i128,
    },
    /// The table has more named codes than the target can hold (a JVM enum's initializer).
    TooLarge {
        /// The target's language.
        target: &'static str,
        /// The table's named codes.
        codes: usize,
        /// The most the target takes.
        max: usize,
    },
    /// The package (`--package`) is not a package name of the target.
    Package {
        /// The name, as given.
        name: String,
        /// The target's language.
        target: &'static str,
        /// What a package of the target looks like.
        expected: &'static str,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Name {
                name,
                target,
                reason,
            } => write!(
                f,
                "`{}` cannot name the table in {target}: {reason}",
                closecodes_spec::escaped(name)
            ),
            RenderError::Number {
                value,
                target,
                largest,
            } => write!(
                f,
                "code {value} cannot be written exactly as a {target} number; expected codes within ±{largest} for this target"
            ),
            RenderError::TooLarge { target, codes, max } => write!(
                f,
                "the table has {codes} named codes, and a {target} enum holds at most {max} (the JVM limits the code that creates its entries); expected at most {max} named codes for this target, or their numbers as range codes"
            ),
            RenderError::Package {
                name,
                target,
                expected,
            } => write!(
                f,
                "`{}` is not a {target} package name; expected {expected}",
                closecodes_spec::escaped(name)
            ),
        }
    }
}

impl std::error::Error for RenderError {}

/// The largest integer a JavaScript number holds exactly: `Number.MAX_SAFE_INTEGER`.
pub(crate) const MAX_SAFE_INTEGER: i128 = (1 << 53) - 1;

/// One target language: its namer, string literals, doc comments and file. Adding a language is
/// one module implementing this, its runtime file, its goldens and a `Format`.
pub(crate) trait Language: Sync {
    /// The language's name, for messages.
    fn name(&self) -> &'static str;

    /// The language's keywords: they name neither the table nor a package.
    fn keywords(&self) -> &'static [&'static str];

    /// Other words that cannot name the table: globals the module uses, names it defines whatever
    /// the table.
    fn globals(&self) -> &'static [&'static str] {
        &[]
    }

    /// Whether `name` can be the file's package or namespace (`--package`), and what one looks
    /// like, for the message; languages without packages take any.
    fn package(&self, _name: &str) -> Result<(), &'static str> {
        Ok(())
    }

    /// The names the module defines for `view` besides the table's (`describe`, a predicate per
    /// flag): the table may not take one.
    fn defined(&self, view: &View<'_>) -> Vec<String>;

    /// Whether `name` has the shape of an identifier of the language (keywords aside).
    fn is_identifier(&self, name: &str) -> bool {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }

    /// `name` as the table's name in this language, or why it cannot be.
    fn table_name(&self, name: &str, view: &View<'_>) -> Result<(), RenderError> {
        default_table_name(self, name, view)
    }

    /// A string literal holding `text`.
    fn string(&self, text: &str) -> String;

    /// A doc comment holding `text`, at `indent`.
    fn doc(&self, out: &mut Text, indent: &str, text: &str);

    /// The file.
    ///
    /// # Errors
    ///
    /// When the table cannot be written exactly in the language.
    fn file(&self, view: &View<'_>) -> Result<String, RenderError>;
}

/// The rule every language's namer starts from: an identifier of the language, not one of its
/// reserved words, not a name its module defines.
fn default_table_name<L: Language + ?Sized>(
    language: &L,
    name: &str,
    view: &View<'_>,
) -> Result<(), RenderError> {
    let error = |reason: String| RenderError::Name {
        name: name.to_owned(),
        target: language.name(),
        reason,
    };
    if !language.is_identifier(name) {
        return Err(error(
            "it is not an identifier; expected ASCII letters, digits and `_`, starting with a letter, such as `ChatCode`".to_owned(),
        ));
    }
    if language.keywords().contains(&name) || language.globals().contains(&name) {
        return Err(error(format!(
            "it is a keyword or a global name of {}; expected another name",
            language.name()
        )));
    }
    if language.defined(view).iter().any(|d| d == name) {
        return Err(error(
            "the module defines a name of its own so; expected another name".to_owned(),
        ));
    }
    Ok(())
}

/// What to render besides the format: the table's name, the spec's file name for the header, and
/// for Go the package.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// The table's name.
    pub name: &'a str,
    /// The spec's file name, named in the header of code outputs.
    pub source: &'a str,
    /// Go's or Kotlin's package, C#'s namespace; by default from the table's name.
    pub package: Option<&'a str>,
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
            package: None,
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
    let language = format.language();
    let mut view = View::new(table, options.name, options.source);
    if let Some(package) = options.package {
        language
            .package(package)
            .map_err(|expected| RenderError::Package {
                name: package.to_owned(),
                target: language.name(),
                expected,
            })?;
        view.package = Some(package);
    }
    language.table_name(options.name, &view)?;
    language.file(&view)
}

/// `text` as a double-quoted string literal of a C-like language: `"` and `\` escaped, a newline
/// and a tab as `\n` and `\t`, `extra` characters as given (Kotlin's `$`), and control
/// characters, line separators and bidirectional controls as `\uXXXX`.
pub(crate) fn quoted(text: &str, extra: &[(char, &str)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if closecodes_spec::needs_escape(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => match extra.iter().find(|(e, _)| *e == c) {
                Some((_, escape)) => out.push_str(escape),
                None => out.push(c),
            },
        }
    }
    out.push('"');
    out
}

/// A row as the arguments of a constructor call in a C-like target: kind, variant, start, end,
/// reason (`null` when none), description, sendable, then each flag (`true`/`false`).
pub(crate) fn row_arguments(language: &dyn Language, row: &closecodes_spec::Row<'_>) -> String {
    let mut args = vec![
        language.string(kind_name(row.kind)),
        language.string(row.variant),
        row.start.to_string(),
        row.end.to_string(),
        row.reason
            .map_or_else(|| "null".to_owned(), |r| language.string(r)),
        language.string(row.description),
        row.sendable.to_string(),
    ];
    args.extend(row.flags.iter().map(ToString::to_string));
    args.join(", ")
}

/// Whether `name` is a dotted package or namespace: identifiers separated by dots, none one of
/// `keywords` (Kotlin's packages, C#'s namespaces).
pub(crate) fn dotted_package(name: &str, keywords: &[&str]) -> Result<(), &'static str> {
    let valid = !name.is_empty()
        && name.split('.').all(|part| {
            part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !keywords.contains(&part)
        });
    if valid {
        Ok(())
    } else {
        Err("identifiers separated by dots, none a keyword, such as `com.example.chat`")
    }
}

/// `code`, `range` or `documented`: a row's kind as every target's `Entry` spells it.
pub(crate) fn kind_name(kind: closecodes_spec::RowKind) -> &'static str {
    match kind {
        closecodes_spec::RowKind::Code => "code",
        closecodes_spec::RowKind::Range => "range",
        closecodes_spec::RowKind::Documented => "documented",
    }
}

/// The header line of a generated file, as one line of a comment: the spec's file name with its
/// control characters and line separators escaped, so that it cannot end the comment.
pub(crate) fn header_source(source: &str) -> String {
    crate::docs::visible(source, false)
}

#[cfg(test)]
mod tests;
