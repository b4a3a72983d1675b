//! A checked spec and its base become the `Table` code is generated from: defaults decided once,
//! entries ordered, totality computed.

use crate::Origin;
use crate::check::{Checker, Mode};
use crate::model::{
    CodeRange, CodeSpec, DocumentedCode, Interval, IntervalIndex, NamedCode, Repr, Spanned, Spec,
    Table,
};

/// The checked table: the base's entries (none for a derived enum's view), then this spec's.
/// Reports the one rule that needs the assembled ranges: an unnamed code must lie in one.
pub(crate) fn assemble(
    checker: &mut Checker<'_>,
    spec: &Spec,
    repr: Repr,
    base: Option<Table>,
    codes: Vec<&CodeSpec>,
) -> Option<Table> {
    let mut table = match base {
        Some(b) if checker.mode == Mode::View => Table {
            name: None,
            description: None,
            codes: Vec::new(),
            ranges: Vec::new(),
            ..b
        },
        Some(b) => b,
        None => Table {
            name: None,
            repr,
            description: None,
            non_exhaustive: true,
            codes: Vec::new(),
            ranges: Vec::new(),
            total: false,
            builtins: Vec::new(),
            base_files: Vec::new(),
        },
    };
    if let Some(name) = &spec.table.name {
        table.name = Some(name.value.clone());
    }
    if let Some(d) = &spec.table.description {
        table.description = Some(d.value.trim().to_owned());
    }
    if let Some(n) = &spec.table.non_exhaustive {
        table.non_exhaustive = n.value;
    }
    for r in &spec.ranges {
        let mut intervals: Vec<Interval> = r.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        table.ranges.push(CodeRange {
            name: r.name.value.clone(),
            intervals,
            reason: trimmed(r.reason.as_ref()),
            description: r.description.value.trim().to_owned(),
            sendable: r.sendable.as_ref().is_none_or(|s| s.value),
            assignable: r.assignable.as_ref().is_some_and(|s| s.value),
            documented: Vec::new(),
        });
    }
    let index = IntervalIndex::new(&table.ranges);
    let mut placed = true;
    for k in codes {
        let description = k.description.value.trim().to_owned();
        let reason = trimmed(k.reason.as_ref());
        if let Some(name) = &k.name {
            table.codes.push(NamedCode {
                name: name.value.clone(),
                value: k.code.value,
                reason,
                description,
                sendable: k.sendable.as_ref().is_none_or(|s| s.value),
            });
        } else if let Some(range) = index
            .find(k.code.value)
            .and_then(|r| table.ranges.get_mut(r))
        {
            range.documented.push(DocumentedCode {
                value: k.code.value,
                reason: reason.or_else(|| range.reason.clone()),
                description,
                sendable: k.sendable.as_ref().map_or(range.sendable, |s| s.value),
            });
        } else {
            placed = false;
            checker.report.error(
                k.code.span.clone(),
                format!(
                    "code {} has no `name` and lies in no range; expected a `name` for its own variant, or a `[[range]]` that holds it",
                    k.code.value
                ),
            );
        }
    }
    if !placed {
        return None;
    }
    table.codes.sort_by_key(|k| k.value);
    for range in &mut table.ranges {
        range.documented.sort_by_key(|d| d.value);
    }
    table.total = covers(repr, &index, &table.codes);
    if let Origin::Builtin(name) = checker.report.source.origin {
        table.builtins.push(name);
    }
    Some(table)
}

/// A string value as the table holds it: trimmed.
fn trimmed(s: Option<&Spanned<String>>) -> Option<String> {
    s.map(|s| s.value.trim().to_owned())
}

/// Whether the ranges (sorted in `index`) and named codes cover every value of `repr`.
fn covers(repr: Repr, index: &IntervalIndex, codes: &[NamedCode]) -> bool {
    let mut all: Vec<Interval> = index.0.iter().map(|(iv, _)| *iv).collect();
    all.extend(codes.iter().map(|k| Interval {
        start: k.value,
        end: k.value,
    }));
    all.sort();
    let mut next = repr.min(); // first value not yet covered
    for iv in all {
        if iv.start > next {
            return false;
        }
        if iv.end >= next {
            if iv.end >= repr.max() {
                return true;
            }
            next = iv.end + 1;
        }
    }
    false
}
