//! The rows of a checked table: the one listing every output shares.

use super::{Interval, PropertyValue, Table};

/// What a [`Row`] describes. Declaration order is row order at one number: a named code, then a
/// range interval, then a code documented in that range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowKind {
    /// A named code: a unit variant.
    Code,
    /// One interval of a range: a variant that carries the value.
    Range,
    /// A code documented inside a range, without a variant of its own.
    Documented,
}

/// One row of a table's listing: a named code, a range interval, or a code documented in a range.
/// Every output lists the same rows ([`Table::rows`]): the Rust `ENTRIES` and doc table, and every
/// rendered target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row<'t> {
    /// What the row describes.
    pub kind: RowKind,
    /// First code.
    pub start: i128,
    /// Last code (inclusive); `start` for a single code.
    pub end: i128,
    /// The variant that holds the codes: the code's own, or its range's.
    pub variant: &'t str,
    /// The registry's short name: the entry's own, else its range's (decided when the table was
    /// assembled).
    pub reason: Option<&'t str>,
    /// What the code or range means.
    pub description: &'t str,
    /// Whether the codes may be sent.
    pub sendable: bool,
    /// The value of each of the table's flags, in the order of [`Table::flags`].
    pub flags: &'t [bool],
    /// The value of each of the table's properties, in the order of [`Table::properties`].
    pub properties: &'t [PropertyValue],
    /// Former names of a named code (empty for other rows).
    pub aliases: &'t [String],
    /// Why a named code should no longer be used, if it should not.
    pub deprecated: Option<&'t str>,
}

impl Row<'_> {
    /// The codes of the row.
    #[must_use]
    pub fn interval(&self) -> Interval {
        Interval {
            start: self.start,
            end: self.end,
        }
    }
}

impl Table {
    /// Every row, ordered by code, then by [`RowKind`], then by end.
    ///
    /// A range has a row for each run of its values ([`crate::CodeRange::values`]): one per
    /// interval, or more where a `[[policy]]` of an extension covers part of one (rows of the same
    /// variant with different values).
    ///
    /// A range interval of one code that is also documented (websocket's `1004`, a reserved code
    /// with a reason of its own) is one row: of kind `Range`, so that the range rows still cover
    /// the range's codes exactly once, with the documented code's reason, description,
    /// sendability, flags and properties.
    #[must_use]
    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut rows: Vec<Row<'_>> = Vec::with_capacity(self.codes.len() + self.ranges.len());
        for code in &self.codes {
            rows.push(Row {
                kind: RowKind::Code,
                start: code.value,
                end: code.value,
                variant: &code.name,
                reason: code.reason.as_deref(),
                description: &code.description,
                sendable: code.sendable,
                flags: &code.flags,
                properties: &code.properties,
                aliases: &code.aliases,
                deprecated: code.deprecated.as_deref(),
            });
        }
        for range in &self.ranges {
            let documented_at = |value: i128| {
                range
                    .documented
                    .binary_search_by_key(&value, |d| d.value)
                    .ok()
                    .and_then(|at| range.documented.get(at))
            };
            let mut merged = Vec::new();
            for run in &range.values {
                let interval = run.interval;
                let single = (interval.start == interval.end)
                    .then(|| documented_at(interval.start))
                    .flatten();
                if let Some(documented) = single {
                    merged.push(documented.value);
                }
                let (reason, description, sendable, flags, properties) = match single {
                    Some(d) => (
                        d.reason.as_deref(),
                        &d.description,
                        d.sendable,
                        &d.flags,
                        &d.properties,
                    ),
                    None => (
                        range.reason.as_deref(),
                        &range.description,
                        range.sendable,
                        &run.flags,
                        &run.properties,
                    ),
                };
                rows.push(Row {
                    kind: RowKind::Range,
                    start: interval.start,
                    end: interval.end,
                    variant: &range.name,
                    reason,
                    description,
                    sendable,
                    flags,
                    properties,
                    aliases: &[],
                    deprecated: None,
                });
            }
            for documented in range
                .documented
                .iter()
                .filter(|d| !merged.contains(&d.value))
            {
                rows.push(Row {
                    kind: RowKind::Documented,
                    start: documented.value,
                    end: documented.value,
                    variant: &range.name,
                    reason: documented.reason.as_deref(),
                    description: &documented.description,
                    sendable: documented.sendable,
                    flags: &documented.flags,
                    properties: &documented.properties,
                    aliases: &[],
                    deprecated: None,
                });
            }
        }
        rows.sort_by_key(|row| (row.start, row.kind, row.end));
        rows
    }
}
