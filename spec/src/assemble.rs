//! A checked spec and its base become the `Table` code is generated from: defaults decided once,
//! entries ordered, totality computed.

use crate::Origin;
use crate::error::Report;
use crate::model::{
    CodeRange, CodeSpec, DocumentedCode, Flag, Interval, IntervalIndex, NamedCode, Repr, Spanned,
    Spec, Table,
};
use crate::rules::CheckRule;

/// What kind of table a spec is checked as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A spec (`close_codes!`, a base file, a built-in table): it extends its base.
    Extend,
    /// A hand-written enum (`#[derive(CloseCodes)]`): a *derived* table of its base. Four rules differ:
    /// its ranges may take the names of the base's ranges (`check_names`) and re-declare the
    /// base's intervals (`check_overlaps`), their constructors are not checked against the base's
    /// (`check_constructors`), and the table holds only the enum's own variants (`assemble`).
    Derive,
}

/// The checked table: the base's entries (none for a derived enum), then this spec's.
/// Reports the one rule that needs the assembled ranges: an unnamed code must lie in one.
pub(crate) fn assemble(
    report: &mut Report<'_>,
    mode: Mode,
    spec: &Spec,
    repr: Repr,
    base: Option<Table>,
    codes: Vec<&CodeSpec>,
) -> Option<Table> {
    let (mut table, left_out) = start(mode, base, repr);
    let source = report.source;
    add_flags(&mut table, spec, source);
    table.locations = crate::TableLocations {
        repr: spec.table.repr.as_ref().map(|r| source.location(&r.span)),
        non_exhaustive: spec
            .table
            .non_exhaustive
            .as_ref()
            .map(|n| source.location(&n.span)),
        spec: source.location(&(0..0)),
    };
    table.retired.extend(spec.retired.iter().map(|r| {
        let mut intervals: Vec<Interval> = r.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        crate::Retired {
            intervals,
            names: r.names.iter().map(|n| n.value.clone()).collect(),
            note: r.note.value.trim().to_owned(),
            location: source.location(&r.span),
        }
    }));
    let left_out = RangeFlags::new(left_out, table.flags.len());
    if let Some(name) = &spec.table.name {
        table.name = Some(name.value.clone());
    }
    if let Some(d) = &spec.table.description {
        table.description = Some(d.value.trim().to_owned());
    }
    if let Some(n) = &spec.table.non_exhaustive {
        table.non_exhaustive = n.value;
    }
    add_ranges(&mut table, spec, &left_out, source);
    if !place_codes(report, &mut table, codes, &left_out) {
        return None;
    }
    table.codes.sort_by_key(|k| k.value);
    for range in &mut table.ranges {
        range.documented.sort_by_key(|d| d.value);
    }
    table.total = covers(repr, &IntervalIndex::new(&table.ranges), &table.codes);
    if let Origin::Builtin(name) = report.source.origin {
        table.builtins.push(name);
    }
    Some(table)
}

/// The table to build on, and, for a derived enum, the base's ranges it leaves out: a derived
/// table holds only the enum's own variants, but its codes take their flags from the base's
/// ranges that hold them, as in the base.
fn start(mode: Mode, base: Option<Table>, repr: Repr) -> (Table, Vec<CodeRange>) {
    match base {
        Some(mut b) if mode == Mode::Derive => {
            let left_out = std::mem::take(&mut b.ranges);
            let table = Table {
                name: None,
                description: None,
                codes: Vec::new(),
                ..b
            };
            (table, left_out)
        }
        // An extension describes itself: the base's description is the base's.
        Some(b) => (
            Table {
                description: None,
                ..b
            },
            Vec::new(),
        ),
        None => {
            let table = Table {
                name: None,
                repr,
                description: None,
                non_exhaustive: true,
                codes: Vec::new(),
                ranges: Vec::new(),
                total: false,
                builtins: Vec::new(),
                flags: Vec::new(),
                base_files: Vec::new(),
                retired: Vec::new(),
                locations: crate::TableLocations::default(),
            };
            (table, Vec::new())
        }
    }
}

/// Ranges looked up by number for the flags a code or range inside them takes: the base's ranges
/// (a carve-out's), or those a derived table leaves out.
struct RangeFlags {
    ranges: Vec<CodeRange>,
    index: IntervalIndex,
}

impl RangeFlags {
    fn new(mut ranges: Vec<CodeRange>, flags: usize) -> Self {
        for range in &mut ranges {
            range.flags.resize(flags, false);
        }
        let index = IntervalIndex::new(&ranges);
        RangeFlags { ranges, index }
    }

    /// The flags of the range holding `value`, if one does.
    fn flags_at(&self, value: i128) -> Option<&[bool]> {
        let range = self.ranges.get(self.index.find(value)?)?;
        Some(&range.flags)
    }
}

/// This spec's ranges, after the base's; a carve-out takes its codes from the base range it is
/// cut from, and (without `flags`) that range's flags.
fn add_ranges(table: &mut Table, spec: &Spec, left_out: &RangeFlags, source: &crate::Source) {
    let base_ranges = table.ranges.len();
    let base = RangeFlags::new(table.ranges.clone(), table.flags.len());
    for r in &spec.ranges {
        let mut intervals: Vec<Interval> = r.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        let start = intervals.first().map(|iv| iv.start);
        let outer = start.and_then(|v| base.flags_at(v).or_else(|| left_out.flags_at(v)));
        let flags = flag_values(&table.flags, r.flags.as_deref(), outer);
        table.ranges.push(CodeRange {
            name: r.name.value.clone(),
            intervals,
            reason: trimmed(r.reason.as_ref()),
            description: r.description.value.trim().to_owned(),
            sendable: r.sendable.as_ref().is_none_or(|s| s.value),
            assignable: r.assignable.as_ref().is_some_and(|s| s.value),
            documented: Vec::new(),
            flags,
            location: source.location(&r.name.span),
        });
    }
    carve_out(&mut table.ranges, base_ranges);
}

/// This spec's codes: named ones as variants, unnamed ones documented in the range that holds
/// them (a code without `reason`, `sendable` or `flags` takes its range's). False if an unnamed
/// code lies in no range (reported).
fn place_codes(
    report: &mut Report<'_>,
    table: &mut Table,
    codes: Vec<&CodeSpec>,
    left_out: &RangeFlags,
) -> bool {
    let index = IntervalIndex::new(&table.ranges);
    let source = report.source;
    let mut placed = true;
    for k in codes {
        let location = source.location(&k.code.span);
        let description = k.description.value.trim().to_owned();
        let reason = trimmed(k.reason.as_ref());
        let range_flags = index
            .find(k.code.value)
            .and_then(|r| table.ranges.get(r))
            .map(|r| r.flags.as_slice())
            .or_else(|| left_out.flags_at(k.code.value));
        let flags = flag_values(&table.flags, k.flags.as_deref(), range_flags);
        if let Some(name) = &k.name {
            table.codes.push(NamedCode {
                name: name.value.clone(),
                value: k.code.value,
                reason,
                description,
                sendable: k.sendable.as_ref().is_none_or(|s| s.value),
                flags,
                aliases: k.aliases.iter().map(|a| a.value.clone()).collect(),
                deprecated: k.deprecated.as_ref().map(|d| d.value.trim().to_owned()),
                location,
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
                flags,
                location,
            });
        } else {
            placed = false;
            report.error(
                CheckRule::UnnamedCodeOutsideRange,
                k.code.span.clone(),
                format!(
                    "code {} has no `name` and lies in no range; expected a `name` for its own variant, or a `[[range]]` that holds it",
                    k.code.value
                ),
            );
        }
    }
    placed
}

/// The table's flags: the base's, then this spec's; entries of the base take the new flags'
/// defaults.
fn add_flags(table: &mut Table, spec: &Spec, source: &crate::Source) {
    let new: Vec<Flag> = spec
        .flags
        .iter()
        .map(|f| Flag {
            name: f.name.value.clone(),
            description: f.description.value.trim().to_owned(),
            default: f.default.as_ref().is_some_and(|d| d.value),
            location: source.location(&f.name.span),
        })
        .collect();
    let defaults: Vec<bool> = new.iter().map(|f| f.default).collect();
    for code in &mut table.codes {
        code.flags.extend(&defaults);
    }
    for range in &mut table.ranges {
        range.flags.extend(&defaults);
        for documented in &mut range.documented {
            documented.flags.extend(&defaults);
        }
    }
    table.flags.extend(new);
}

/// The value of each flag for an entry that lists `set` (`None`: the key is absent): a listed
/// flag is true, the others take their default; with the key absent, a code inside a range takes
/// the range's values (`inherited`).
fn flag_values(
    flags: &[Flag],
    set: Option<&[Spanned<String>]>,
    inherited: Option<&[bool]>,
) -> Vec<bool> {
    match (set, inherited) {
        (None, Some(inherited)) => inherited.to_vec(),
        _ => flags
            .iter()
            .map(|flag| {
                flag.default || set.is_some_and(|set| set.iter().any(|s| s.value == flag.name))
            })
            .collect(),
    }
}

/// An extension's ranges that lie inside a base range (checked: an assignable one) take their
/// codes from it: the base range keeps the rest, and its documented codes there move to the new
/// range. `ranges[..base]` are the base's.
fn carve_out(ranges: &mut [CodeRange], base: usize) {
    let (bases, locals) = ranges.split_at_mut(base);
    for local in locals.iter_mut() {
        for carved in local.intervals.clone() {
            for outer in bases.iter_mut() {
                if !outer
                    .intervals
                    .iter()
                    .any(|iv| iv.start <= carved.start && carved.end <= iv.end)
                {
                    continue;
                }
                outer.intervals = outer
                    .intervals
                    .iter()
                    .flat_map(|iv| subtract(*iv, carved))
                    .collect();
                let (moved, kept) = std::mem::take(&mut outer.documented)
                    .into_iter()
                    .partition(|d| carved.contains(d.value));
                outer.documented = kept;
                local.documented.extend::<Vec<DocumentedCode>>(moved);
            }
        }
    }
}

/// `outer` without the codes of `hole`: none, one or two intervals.
fn subtract(outer: Interval, hole: Interval) -> Vec<Interval> {
    if hole.end < outer.start || outer.end < hole.start {
        return vec![outer];
    }
    let mut out = Vec::new();
    if outer.start < hole.start {
        out.push(Interval {
            start: outer.start,
            end: hole.start - 1,
        });
    }
    if hole.end < outer.end {
        out.push(Interval {
            start: hole.end + 1,
            end: outer.end,
        });
    }
    out
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
