//! The table as every rendered target sees it, decided once: its name and package, the header,
//! the description, the named codes, the rows (ordered, merged, defaults decided by
//! `Table::rows`), the flags with their words, the retired numbers, and the sentences every
//! target writes ([`wording`]).

use closecodes_spec::targets::Namer;
use closecodes_spec::{
    Interval, NamedCode, PropertyKind, PropertyValue, Repr, Retired, Row, Table, Words,
};

use super::{Format, Options, RenderError};

/// A flag, with its name as words for each language's case.
pub(crate) struct FlagView<'t> {
    /// The `snake_case` name, as the spec writes it (keys of `Entry.flags`).
    pub(crate) name: &'t str,
    /// The name's words, which each namer spells: `isBrowserClosable`, `is_browser_closable`.
    pub(crate) words: Words,
    /// What the flag means (spec text).
    pub(crate) description: &'t str,
    /// The value of codes that do not set it.
    pub(crate) default: bool,
}

/// A property (`[[property]]`), with its name and its words for each language's case.
pub(crate) struct PropertyView<'t> {
    /// The `snake_case` name, as the spec writes it (keys of `Entry.properties` in JSON).
    pub(crate) name: &'t str,
    /// The name's words, which each namer spells: `retryAfterMs`, `retry_after_ms`.
    pub(crate) words: Words,
    /// What the property means (spec text).
    pub(crate) description: &'t str,
    /// Its values: words (enumerated) or an integer type.
    pub(crate) kind: &'t PropertyKind,
    /// The value of numbers that no code or range sets.
    pub(crate) default: PropertyValue,
    /// The words of an enumerated property, in the spec's order, each with its words for the
    /// namers (`back_off`: `BackOff`, `BACK_OFF`); empty for an integer property.
    pub(crate) values: Vec<(&'t str, Words)>,
}

impl PropertyView<'_> {
    /// `value` as the spec writes it: the word (`back_off`) or the number (`1000`).
    pub(crate) fn written(&self, value: PropertyValue) -> String {
        match value {
            PropertyValue::Word(at) => self
                .values
                .get(at)
                .map_or_else(String::new, |v| v.0.to_owned()),
            PropertyValue::Integer(n) => n.to_string(),
        }
    }

    /// The integer type of an integer property, `None` for an enumerated one.
    pub(crate) fn integer(&self) -> Option<Repr> {
        match self.kind {
            PropertyKind::Integer(repr) => Some(*repr),
            PropertyKind::Words(_) => None,
        }
    }
}

/// How a writer spells a row's property values, decided once per table (a table has few values
/// and many rows): per property the text before its value (`, action: `), and each word's
/// spelling (`"back_off"`, `ChatCodeAction.BACK_OFF`); an integer is written as a decimal number.
pub(crate) struct ValueSpelling {
    before: Vec<String>,
    words: Vec<Vec<String>>,
}

impl ValueSpelling {
    /// The spelling of `view`'s properties: `before` each value (given the property's index),
    /// and `word` (the property, the index of a word) for each of its words.
    pub(crate) fn new(
        view: &View<'_>,
        before: impl Fn(usize, &PropertyView<'_>) -> String,
        word: impl Fn(&PropertyView<'_>, usize) -> String,
    ) -> Self {
        ValueSpelling {
            before: view
                .properties
                .iter()
                .enumerate()
                .map(|(i, p)| before(i, p))
                .collect(),
            words: view
                .properties
                .iter()
                .map(|p| (0..p.values.len()).map(|at| word(p, at)).collect())
                .collect(),
        }
    }

    /// A row's values (in the order of the table's properties), each after its text, appended
    /// to `out`.
    pub(crate) fn write(&self, out: &mut String, values: &[PropertyValue]) {
        use std::fmt::Write as _;
        for (i, (before, value)) in self.before.iter().zip(values).enumerate() {
            out.push_str(before);
            match value {
                PropertyValue::Word(at) => {
                    if let Some(word) = self.words.get(i).and_then(|w| w.get(*at)) {
                        out.push_str(word);
                    }
                }
                PropertyValue::Integer(n) => {
                    let _ = write!(out, "{n}");
                }
            }
        }
    }
}

/// The language-neutral view of a table.
pub(crate) struct View<'t> {
    table: &'t Table,
    /// The table's name, as given (each namer has checked that its target can take it).
    pub(crate) name: &'t str,
    /// The package or namespace the file declares: as given, else the namer's default.
    pub(crate) package: Option<String>,
    /// The generated file's header, one line each: what made it, and how to make it again.
    pub(crate) header: [String; 2],
    /// The table's own description, or a sentence naming it (spec text).
    pub(crate) description: String,
    /// The named codes, ordered by code.
    pub(crate) codes: &'t [NamedCode],
    /// Every row, ordered by code ([`Table::rows`]).
    pub(crate) rows: Vec<Row<'t>>,
    /// The flags, in the table's order (the order of every row's `flags`).
    pub(crate) flags: Vec<FlagView<'t>>,
    /// The properties, in the table's order (the order of every row's `properties`).
    pub(crate) properties: Vec<PropertyView<'t>>,
}

impl<'t> View<'t> {
    /// The view of `table` for `format`, whose namer (if it has one) checks the name and
    /// package.
    pub(crate) fn new(
        format: Format,
        table: &'t Table,
        options: &Options<'t>,
        namer: Option<&'static dyn Namer>,
    ) -> Result<Self, RenderError> {
        let name = options.name;
        let mut package = None;
        let document = match format {
            Format::Markdown => Some("Markdown"),
            Format::Json => Some("JSON"),
            _ => None,
        };
        // A document's title is a name too: an identifier, so that it holds no markup.
        if let Some(target) = document
            && !(name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        {
            return Err(RenderError::Name {
                name: name.to_owned(),
                target,
                reason: "it is not an identifier; expected ASCII letters, digits and `_`, starting with a letter, such as `ChatCode`".to_owned(),
            });
        }
        if let Some(namer) = namer {
            if let Some(given) = options.package {
                namer
                    .package(given)
                    .map_err(|expected| RenderError::Package {
                        name: given.to_owned(),
                        target: namer.language(),
                        expected,
                    })?;
                package = Some(given.to_owned());
            }
            // The checks ran every namer over the table under its own name: only another name
            // is checked again here.
            let refusals = if table.name.as_deref() == Some(name) {
                closecodes_spec::targets::refuse_name(namer, name)
                    .into_iter()
                    .collect()
            } else {
                closecodes_spec::targets::check_target(namer, table, name)
            };
            if let Some(refusal) = refusals.into_iter().next() {
                // A default package that is no package is the package's fault once one is given.
                let given_fixes_it =
                    package.is_some() && refusal.reason.contains("package would be");
                if !given_fixes_it {
                    return Err(RenderError::Name {
                        name: name.to_owned(),
                        target: namer.language(),
                        reason: refusal.reason,
                    });
                }
            }
            package = package.or_else(|| namer.default_package(name));
        }
        let source = crate::safe::visible(options.source, false);
        let command = match options.command {
            Some(command) => crate::safe::visible(command, false),
            None => format!("closecodes render --to {} {source}", format.name()),
        };
        let description = table.description.clone().unwrap_or_else(|| {
            let base = table
                .builtins
                .first()
                .map(|b| format!(", which extends the built-in `{}` table", b.name()))
                .unwrap_or_default();
            format!("Codes of the `{name}` table{base}.")
        });
        Ok(View {
            table,
            name,
            package,
            header: [
                format!("Generated by closecodes from `{source}`; do not edit."),
                format!("Regenerate with `{command}`."),
            ],
            description,
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
            properties: table
                .properties
                .iter()
                .map(|p| PropertyView {
                    name: &p.name,
                    words: Words::of(&p.name),
                    description: &p.description,
                    kind: &p.kind,
                    default: p.default,
                    values: p
                        .words()
                        .iter()
                        .map(|w| (w.as_str(), Words::of(w)))
                        .collect(),
                })
                .collect(),
        })
    }

    /// The checked table, for the Rust target, which plans the macro's own expansion from it.
    pub(crate) fn table(&self) -> &'t Table {
        self.table
    }

    /// The table's repr.
    pub(crate) fn repr(&self) -> Repr {
        self.table.repr
    }

    /// The table's retired numbers and names.
    pub(crate) fn retired(&self) -> &'t [Retired] {
        &self.table.retired
    }

    /// The built-in tables the table is or extends, by name.
    pub(crate) fn builtins(&self) -> Vec<&'static str> {
        self.table.builtins.iter().map(|b| b.name()).collect()
    }

    /// Whether the codes and ranges cover every value of the repr.
    pub(crate) fn total(&self) -> bool {
        self.table.total
    }

    /// Whether the Rust enum is `#[non_exhaustive]`.
    pub(crate) fn non_exhaustive(&self) -> bool {
        self.table.non_exhaustive
    }

    /// The table's own description, if its spec gives one.
    pub(crate) fn own_description(&self) -> Option<&'t str> {
        self.table.description.as_deref()
    }

    /// The ranges' intervals, with the range's name, for the JSON target.
    pub(crate) fn ranges(&self) -> impl Iterator<Item = &'t closecodes_spec::CodeRange> {
        self.table.ranges.iter()
    }

    /// Every code of the table fits `min..=max`, or the first that does not, as an error of
    /// `target` (whose numbers hold no more).
    pub(crate) fn fits(
        &self,
        target: &'static str,
        min: i128,
        max: i128,
    ) -> Result<(), RenderError> {
        match self
            .rows
            .iter()
            .flat_map(|r| [r.start, r.end])
            .find(|v| *v < min || *v > max)
        {
            Some(value) => Err(RenderError::Number {
                value,
                target,
                largest: max,
            }),
            None => Ok(()),
        }
    }

    /// The retired entries as one line each (spec text: `4005: merged into 4004`).
    pub(crate) fn retired_lines(&self) -> Vec<String> {
        self.table.retired.iter().map(Retired::summary).collect()
    }
}

/// An interval as the docs write it: `4000` or `4000–4999`.
pub(crate) fn interval_text(iv: &Interval) -> String {
    if iv.start == iv.end {
        iv.start.to_string()
    } else {
        format!("{}–{}", iv.start, iv.end)
    }
}

/// The sentences every target writes, in one place (each target escapes nothing here: it is
/// the writer's own text).
pub(crate) mod wording {
    /// The doc of the rows.
    pub(crate) const ENTRIES: &str =
        "Every named code, range interval and documented code, ordered by number.";
    /// The paragraph of the module doc on retired numbers, before their list.
    pub(crate) const RETIRED: &str = "Retired, never to be used again:";

    /// The paragraph after a flag's description: its name, its default, what a number outside the
    /// table gives. `code` writes a name as code in the language's docs (`` `x` ``, `[x]`).
    pub(crate) fn flag(name: &str, default: &str, code: impl Fn(&str) -> String) -> String {
        format!(
            "Flag {}; codes that do not set it: {}. False for a number that is not a code.",
            code(name),
            code(default)
        )
    }

    /// The paragraph after a property's description: its name, its default, what a number
    /// outside the table gives. `code` writes a name or value as code in the language's docs.
    pub(crate) fn property(name: &str, default: &str, code: impl Fn(&str) -> String) -> String {
        format!(
            "Property {}; {} where no code or range sets it, and for a number that is not a code.",
            code(name),
            code(default)
        )
    }

    /// The doc of an enumerated property's type, after the property's description: whose values
    /// these are, and which getter gives them (both as the language writes them in docs).
    pub(crate) fn property_type(name: &str, getter: &str) -> String {
        format!("The values of property {name}, as {getter} gives them.")
    }

    /// The doc of a deprecated alias: `OldName`, renamed to `NewName`.
    pub(crate) fn alias(new: &str) -> String {
        format!("Renamed to {new}; this name is kept so that code written against it still builds.")
    }
}
