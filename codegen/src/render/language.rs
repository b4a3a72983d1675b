//! What a target is: a [`Writer`] of files over the [`View`]; for code targets, a [`CodeWriter`],
//! whose file is written once here ([`CodeWriter::file`]'s skeleton) from sections each language
//! fills: the header, the preamble (package, imports, module doc), the table's own types, the
//! runtime file's types, the named codes, the rows, the predicates, the runtime file's lookups,
//! the end.

use closecodes_spec::targets::Namer;

use super::CommentStyle;
use closecodes_spec::{PropertyValue, Row};

use super::view::PropertyView;
use super::{RenderError, Text, View};

/// One output format: a document (Markdown, JSON) or a code target.
pub(crate) trait Writer: Sync {
    /// The namer of the format's language, if it has one (documents have none).
    fn namer(&self) -> Option<&'static dyn Namer>;

    /// The file.
    ///
    /// # Errors
    ///
    /// When the table cannot be written exactly in the format.
    fn file(&self, view: &View<'_>) -> Result<String, RenderError>;
}

/// The parts of a code file, in the order [`CodeWriter::order`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Section {
    /// The header comment: what generated the file and how to regenerate it.
    Header,
    /// Package, imports, the module's doc.
    Preamble,
    /// Types that depend on the table (Go's and TypeScript's `Flags`).
    TableTypes,
    /// The runtime file's types (`Entry`), as they stand.
    RuntimeTypes,
    /// The named codes and their aliases.
    Codes,
    /// The rows.
    Entries,
    /// A predicate per flag.
    Predicates,
    /// The runtime file's lookups, as they stand.
    Lookups,
    /// Whatever closes the file.
    End,
}

/// The order of the sections in most code files.
pub(crate) const ORDER: &[Section] = &[
    Section::Header,
    Section::Preamble,
    Section::TableTypes,
    Section::RuntimeTypes,
    Section::Codes,
    Section::Entries,
    Section::Predicates,
    Section::Lookups,
    Section::End,
];

/// A language's fixed logic and types: a real source file of the language, checked by its tools
/// as it stands. The parts the output includes are the lines after a marker line
/// (`<comment> closecodes: types` and `… closecodes: lookups`) up to the next marker line
/// (`… closecodes: end`) or the end of the file; the rest of the file stands for the table's data.
pub(crate) struct Runtime {
    /// The file, as `include_str!` reads it.
    pub(crate) text: &'static str,
    /// The comment that starts a marker line: `//`, `#`.
    pub(crate) comment: &'static str,
}

impl Runtime {
    /// The part after the marker `closecodes: <name>`, or nothing if the file has no such part
    /// (a unit test holds every runtime file to its parts).
    pub(crate) fn part(&self, name: &str) -> &'static str {
        let marker = format!("{} closecodes: {name}\n", self.comment);
        let Some(at) = self.text.find(&marker) else {
            return "";
        };
        // The marker's line starts at a line's start (after indentation).
        let rest = &self.text[at + marker.len()..];
        let end = format!("{} closecodes: ", self.comment);
        match rest.find(&end) {
            // Up to the start of the next marker's line.
            Some(next) => &rest[..rest[..next].rfind('\n').map_or(0, |n| n + 1)],
            None => rest,
        }
    }
}

/// The bytecode a JVM method may hold: 64 KiB.
const JVM_METHOD_BYTES: usize = 65_535;

/// What a JVM target's rows cost in bytecode, as measured (`javap -c`) on rows that take the
/// widest instructions (`ldc_w`, `sipush`): a row's constructor call, each flag in its `boolean`
/// array (`dup`, index, value, `bastore`), and each property's value in its array of values (the
/// array and its call spread over the properties).
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowCost {
    /// The bytes of a row without flags or properties.
    pub(crate) row: usize,
    /// The bytes each flag adds to a row.
    pub(crate) flag: usize,
    /// The bytes each property adds to a row.
    pub(crate) property: usize,
}

impl RowCost {
    /// The most rows one method builds: 400, or fewer when the table has so many flags and
    /// properties that 400 rows would pass 64 KiB of bytecode, with a tenth of the method to spare
    /// (for the list's own call, and for a compiler that spends a little more).
    pub(crate) fn rows_per_method(self, flags: usize, properties: usize) -> usize {
        let budget = JVM_METHOD_BYTES - JVM_METHOD_BYTES / 10;
        (budget / (self.row + self.flag * flags + self.property * properties)).clamp(1, 400)
    }
}

/// A code target: its namer, comments, strings and runtime file, and the sections it fills.
pub(crate) trait CodeWriter: Sync {
    /// The language's namer (in the spec crate: the checks run it too).
    fn namer(&self) -> &'static dyn Namer;

    /// The range of integers the language holds exactly, as the codes must fit.
    fn bounds(&self) -> (i128, i128);

    /// How the language writes a line comment (the header): `//`, `#`.
    fn line_comment(&self) -> &'static str {
        "//"
    }

    /// How the language writes a doc comment.
    fn comment_style(&self) -> CommentStyle;

    /// Spec text as text of the language's doc comments: nothing in it ends the comment, starts
    /// a tag, a directive, a doctest or a code block, or is read as markup.
    fn doc_text(&self, text: &str) -> String;

    /// A string literal holding `text`.
    fn string(&self, text: &str) -> String;

    /// The language's runtime file.
    fn runtime(&self) -> Runtime;

    /// The most named codes and aliases the language's enum holds, if it has a limit (a JVM enum
    /// creates its entries, and its class the aliases, in one static initializer, which holds at
    /// most 64 KiB of bytecode).
    fn max_codes(&self) -> Option<usize> {
        None
    }

    /// The least and greatest value the language's getters of integer properties return, if
    /// their type is narrower than some property types (Kotlin's and Java's `Int`, for `u32`).
    fn property_bounds(&self) -> Option<(i64, i64)> {
        None
    }

    /// The order of the sections.
    fn order(&self) -> &'static [Section] {
        ORDER
    }

    /// The header comment: what generated the file, how to regenerate it.
    fn header(&self, out: &mut Text, view: &View<'_>) {
        for line in &view.header {
            writeln!(out, "{} {line}", self.line_comment());
        }
        out.push("\n");
    }

    /// Package, imports, the module's doc.
    fn preamble(&self, out: &mut Text, view: &View<'_>);

    /// Types that depend on the table.
    fn table_types(&self, _out: &mut Text, _view: &View<'_>) {}

    /// The named codes and their aliases.
    fn codes(&self, out: &mut Text, view: &View<'_>);

    /// The rows.
    fn entries(&self, out: &mut Text, view: &View<'_>);

    /// A predicate per flag.
    fn predicates(&self, out: &mut Text, view: &View<'_>);

    /// Whatever closes the file.
    fn end(&self, _out: &mut Text, _view: &View<'_>) {}

    /// A named code's doc summary: `number` (as the language writes a number in its docs),
    /// the reason and the description, both made safe: `` `4001` Unauthorized: The client … ``.
    fn code_summary(&self, code: &closecodes_spec::NamedCode, number: &str) -> String {
        let reason = code
            .reason
            .as_deref()
            .map_or(String::new(), |r| format!(" {}:", self.doc_text(r)));
        format!("{number}{reason} {}", self.doc_text(&code.description))
    }

    /// A row as the arguments of a constructor call (Kotlin's `entryOf`, C#'s and Java's `Row`):
    /// kind, variant, start, end, reason (`null` when none), description, sendable, the
    /// properties' values (as the writer spells them, when the table has properties), then each
    /// flag.
    fn row_arguments(&self, row: &closecodes_spec::Row<'_>, properties: Option<String>) -> String {
        let mut args = vec![
            self.string(super::kind_name(row.kind)),
            self.string(row.variant),
            row.start.to_string(),
            row.end.to_string(),
            row.reason
                .map_or_else(|| "null".to_owned(), |r| self.string(r)),
            self.string(row.description),
            row.sendable.to_string(),
        ];
        args.extend(properties);
        args.extend(row.flags.iter().map(ToString::to_string));
        args.join(", ")
    }

    /// A doc comment of `text` (made safe already, with the writer's own markup) at `indent`.
    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        self.comment_style().write(out, indent, text);
    }

    /// The spec's retired entries as a paragraph for the module's doc, or nothing.
    fn retired_paragraph(&self, view: &View<'_>) -> String {
        let lines = view.retired_lines();
        if lines.is_empty() {
            return String::new();
        }
        format!(
            "\n\n{} {}.",
            super::view::wording::RETIRED,
            self.doc_text(&lines.join("; "))
        )
    }

    /// The file: the sections in order.
    ///
    /// # Errors
    ///
    /// When a code does not fit the language's numbers, or the table does not fit its limits.
    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        let (min, max) = self.bounds();
        view.fits(self.namer().language(), min, max)?;
        // Each alias is one more static field that the same initializer sets (6 bytes, where a
        // named code takes 19 to 25): counted as a code.
        let codes = view.codes.iter().map(|c| 1 + c.aliases.len()).sum();
        if let Some(max) = self.max_codes()
            && codes > max
        {
            return Err(RenderError::TooLarge {
                target: self.namer().language(),
                codes,
                max,
            });
        }
        // An enumerated property's enum is built the same way, a constant per value.
        if let Some(max) = self.max_codes()
            && let Some(property) = view.properties.iter().find(|p| p.values.len() > max)
        {
            return Err(RenderError::TooManyValues {
                property: property.name.to_owned(),
                values: property.values.len(),
                target: self.namer().language(),
                max,
            });
        }
        if let Some((min, max)) = self.property_bounds() {
            property_values_fit(view, self.namer().language(), min, max)?;
        }
        let mut out = Text::new();
        for section in self.order() {
            match section {
                Section::Header => self.header(&mut out, view),
                Section::Preamble => self.preamble(&mut out, view),
                Section::TableTypes => self.table_types(&mut out, view),
                Section::RuntimeTypes => out.push(self.runtime().part("types")),
                Section::Codes => self.codes(&mut out, view),
                Section::Entries => self.entries(&mut out, view),
                Section::Predicates => self.predicates(&mut out, view),
                Section::Lookups => out.push(self.runtime().part("lookups")),
                Section::End => self.end(&mut out, view),
            }
        }
        Ok(out.into_string())
    }
}

/// Every value of every integer property of the table (its default, and each row's) is within
/// `min..=max`, or the first that is not, as an error of `target`.
fn property_values_fit(
    view: &View<'_>,
    target: &'static str,
    min: i64,
    max: i64,
) -> Result<(), RenderError> {
    use closecodes_spec::PropertyValue;
    for (at, property) in view.properties.iter().enumerate() {
        if property.integer().is_none() {
            continue;
        }
        let mut values = std::iter::once(property.default).chain(
            view.rows
                .iter()
                .filter_map(|row| row.properties.get(at).copied()),
        );
        if let Some(PropertyValue::Integer(value)) =
            values.find(|value| matches!(value, PropertyValue::Integer(n) if *n < min || *n > max))
        {
            return Err(RenderError::PropertyValue {
                property: property.name.to_owned(),
                value,
                target,
                min,
                max,
            });
        }
    }
    Ok(())
}

impl<T: CodeWriter> Writer for T {
    fn namer(&self) -> Option<&'static dyn Namer> {
        Some(CodeWriter::namer(self))
    }

    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        CodeWriter::file(self, view)
    }
}

/// A property's value as an expression of one language: `ChatCodeAction.BackOff`, `5000`.
pub(crate) type ValueOf = fn(&View<'_>, &PropertyView<'_>, PropertyValue) -> String;

/// The rows' values of the table's properties, for the writers that pass them to a constructor
/// (`propertiesOf(…)`): each enumerated property's values spelled once per table, as the rows
/// repeat them.
pub(crate) struct RowProperties {
    words: Vec<Vec<String>>,
    value: ValueOf,
    call: &'static str,
}

impl RowProperties {
    /// For `view`, spelling values with `value` and calling `call` on a row's list.
    pub(crate) fn new(view: &View<'_>, value: ValueOf, call: &'static str) -> Self {
        let words = view
            .properties
            .iter()
            .map(|p| {
                (0..p.values.len())
                    .map(|at| value(view, p, PropertyValue::Word(at)))
                    .collect()
            })
            .collect();
        RowProperties { words, value, call }
    }

    /// `row`'s values: `propertiesOf(…)`, or nothing for a table without properties.
    pub(crate) fn of(&self, view: &View<'_>, row: &Row<'_>) -> Option<String> {
        if view.properties.is_empty() {
            return None;
        }
        let values: Vec<String> = view
            .properties
            .iter()
            .zip(&self.words)
            .zip(row.properties)
            .map(|((property, words), value)| match value {
                PropertyValue::Word(at) => words.get(*at).cloned().unwrap_or_default(),
                PropertyValue::Integer(_) => (self.value)(view, property, *value),
            })
            .collect();
        Some(format!("{}({})", self.call, values.join(", ")))
    }
}
