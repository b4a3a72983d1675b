//! The table as every rendered target sees it, built once: its name, the default description,
//! the rows (ordered, merged, defaults decided by `Table::rows`), the flags with their words.

use closecodes_spec::{NamedCode, Row, Table, Words};

/// A flag, with its name as words for each language's case.
pub(crate) struct FlagView<'t> {
    /// The `snake_case` name, as the spec writes it (keys of `Entry.flags`).
    pub(crate) name: &'t str,
    /// The name's words: `isBrowserClosable`, `is_browser_closable`, `IsBrowserClosable`.
    pub(crate) words: Words,
    pub(crate) description: &'t str,
    pub(crate) default: bool,
}

/// The language-neutral view of a table.
pub(crate) struct View<'t> {
    pub(crate) table: &'t Table,
    /// The table's name, as given (each language checks that it can take it).
    pub(crate) name: &'t str,
    /// The spec's file name as one line of a comment ([`super::header_source`]).
    pub(crate) source: String,
    /// The table's description, or a sentence naming it.
    pub(crate) description: String,
    /// The named codes, ordered by code.
    pub(crate) codes: &'t [NamedCode],
    /// Every row, ordered by code ([`Table::rows`]).
    pub(crate) rows: Vec<Row<'t>>,
    pub(crate) flags: Vec<FlagView<'t>>,
    /// The package or namespace the file declares, where the language has one and it was given.
    pub(crate) package: Option<&'t str>,
}

/// A named code's number, reason and description, as a doc comment's first words:
/// `` `4001` Unauthorized: The client did not log in. `` (`number` formats the number).
pub(crate) fn code_summary(code: &NamedCode, number: impl Fn(i128) -> String) -> String {
    let reason = code
        .reason
        .as_deref()
        .map_or(String::new(), |r| format!(" {r}:"));
    format!("{}{reason} {}", number(code.value), code.description)
}

impl<'t> View<'t> {
    /// Every code of the table fits `min..=max`, or the first that does not, as an error of
    /// `target` (whose numbers hold no more).
    pub(crate) fn fits(
        &self,
        target: &'static str,
        min: i128,
        max: i128,
    ) -> Result<(), super::RenderError> {
        match self
            .rows
            .iter()
            .flat_map(|r| [r.start, r.end])
            .find(|v| *v < min || *v > max)
        {
            Some(value) => Err(super::RenderError::Number {
                value,
                target,
                largest: max,
            }),
            None => Ok(()),
        }
    }

    /// The table's retired numbers and names as a paragraph for a module's docs, or nothing.
    pub(crate) fn retired_text(&self) -> String {
        if self.table.retired.is_empty() {
            return String::new();
        }
        let lines: Vec<String> = self
            .table
            .retired
            .iter()
            .map(closecodes_spec::Retired::summary)
            .collect();
        format!("\n\nRetired, never to be used again: {}.", lines.join("; "))
    }

    pub(crate) fn new(table: &'t Table, name: &'t str, source: &str) -> Self {
        View {
            table,
            name,
            source: super::header_source(source),
            description: table
                .description
                .clone()
                .unwrap_or_else(|| format!("Codes of the `{name}` table.")),
            codes: &table.codes,
            rows: table.rows(),
            flags: table
                .flags
                .iter()
                .map(|f| FlagView {
                    name: &f.name,
                    words: Words::of(&f.name),
                    description: &f.description,
                    default: f.default,
                })
                .collect(),
            package: None,
        }
    }
}
