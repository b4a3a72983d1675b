//! The rules of `[[retired]]`: numbers and names (this spec's and its bases') are never used
//! again, and a number or name in use cannot be retired.

use super::Checker;
use super::codes::fits;
use crate::model::{Repr, Retired, RetiredSpec, Spec, Table};
use crate::rules::CheckRule;

/// Every retired entry, the base's first; this spec's with the numbers that fit `repr` (those
/// that do not are reported).
pub(super) fn retired_entries(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &Spec,
    base: Option<&Table>,
) -> Vec<Retired> {
    let mut retired: Vec<Retired> = base.iter().flat_map(|b| b.retired.clone()).collect();
    for entry in &spec.retired {
        let mut intervals = Vec::new();
        for iv in &entry.intervals {
            if fits(checker, repr, iv.value.start, &iv.span)
                && fits(checker, repr, iv.value.end, &iv.span)
            {
                intervals.push(iv.value);
            }
        }
        retired.push(Retired {
            intervals,
            names: entry.names.iter().map(|n| n.value.clone()).collect(),
            note: entry.note.value.trim().to_owned(),
            location: checker.report.source.location(&entry.span),
        });
    }
    retired
}

/// A number the base names is in use: it cannot be retired.
pub(super) fn check_retired_numbers_named_by_base(
    checker: &mut Checker<'_>,
    spec: &Spec,
    base: Option<&Table>,
) {
    for (entry, code) in entries_and_base_codes(spec, base) {
        if let Some(iv) = entry
            .intervals
            .iter()
            .find(|iv| iv.value.contains(code.value))
        {
            checker.report.error(
                CheckRule::RetiredNumberNamedByBase,
                iv.span.clone(),
                format!("code {} is named `{}` by the base table; expected numbers that are no longer in use", code.value, code.name),
            );
        }
    }
}

/// A name or alias the base uses is in use: it cannot be retired.
pub(super) fn check_retired_names_used_by_base(
    checker: &mut Checker<'_>,
    spec: &Spec,
    base: Option<&Table>,
) {
    for (entry, code) in entries_and_base_codes(spec, base) {
        if let Some(name) = entry
            .names
            .iter()
            .find(|n| n.value == code.name || code.aliases.contains(&n.value))
        {
            checker.report.error(
                CheckRule::RetiredNameUsedByBase,
                name.span.clone(),
                format!("name `{}` is in use by code {} of the base table; expected names that are no longer in use", name.value, code.value),
            );
        }
    }
}

/// Each of this spec's `[[retired]]` entries with each of the base's named codes.
fn entries_and_base_codes<'a>(
    spec: &'a Spec,
    base: Option<&'a Table>,
) -> impl Iterator<Item = (&'a RetiredSpec, &'a crate::NamedCode)> {
    let codes: &'a [crate::NamedCode] = base.map_or(&[], |b| &b.codes);
    spec.retired
        .iter()
        .flat_map(move |entry| codes.iter().map(move |c| (entry, c)))
}

/// A named code does not take a retired number (a code documented in a range may: it documents
/// what the number was).
pub(super) fn check_retired_numbers_reused(
    checker: &mut Checker<'_>,
    spec: &Spec,
    retired: &[Retired],
) {
    for code in spec.codes.iter().filter(|k| k.name.is_some()) {
        if let Some(entry) = retired.iter().find(|r| r.retires(code.code.value)) {
            checker.report.error(
                CheckRule::RetiredNumberReused,
                code.code.span.clone(),
                format!(
                    "code {} is retired ({}); expected a number that was never used",
                    code.code.value, entry.note
                ),
            );
        }
    }
}

/// No code, alias or range takes a retired name.
pub(super) fn check_retired_names_reused(
    checker: &mut Checker<'_>,
    spec: &Spec,
    retired: &[Retired],
) {
    let names = spec
        .codes
        .iter()
        .filter_map(|code| code.name.as_ref().map(|name| (name, &code.aliases)))
        .flat_map(|(name, aliases)| std::iter::once(name).chain(aliases))
        .chain(spec.ranges.iter().map(|range| &range.name));
    for used in names {
        if let Some(entry) = retired.iter().find(|r| r.names.contains(&used.value)) {
            checker.report.error(
                CheckRule::RetiredNameReused,
                used.span.clone(),
                format!(
                    "name `{}` is retired ({}); expected a name that was never used",
                    used.value, entry.note
                ),
            );
        }
    }
}
