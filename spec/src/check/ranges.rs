//! The rules of ranges: their intervals fit the repr and share no code, and an extension's lie
//! each inside one assignable range of the base (carve-outs).

use std::ops::Range;

use super::codes::fits;
use super::{Checker, Mode};
use crate::model::{Interval, Repr, Spec, Table};
use crate::rules::CheckRule;

/// An interval of one of this spec's ranges, placed for the overlap sweep.
struct Placed {
    interval: Interval,
    /// The owning range, an index into the spec's ranges.
    range: usize,
    /// Where the spec wrote it.
    span: Range<usize>,
}

/// Intervals fit the repr, and no two of this spec's ranges share a code: one sweep over the
/// intervals sorted by start, each compared with the one reaching furthest so far (O(n log n)).
/// Against the base, an extension's ranges are carve-outs ([`check_carve_outs`]); a derived
/// enum's ranges may re-declare its base's.
pub(super) fn check_overlaps(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &Spec,
    base: Option<&Table>,
) {
    let mut placed: Vec<Placed> = Vec::new();
    for (range, r) in spec.ranges.iter().enumerate() {
        for iv in &r.intervals {
            if fits(checker, repr, iv.value.start, &iv.span)
                && fits(checker, repr, iv.value.end, &iv.span)
            {
                placed.push(Placed {
                    interval: iv.value,
                    range,
                    span: iv.span.clone(),
                });
            }
        }
    }
    if let Some(base) = base.filter(|_| checker.mode == Mode::Extend) {
        check_carve_outs(checker, spec, base, &placed);
    }
    placed.sort_by_key(|p| (p.interval.start, p.span.start));
    let range_name = |i: usize| -> String {
        spec.ranges
            .get(i)
            .map(|r| r.name.value.clone())
            .unwrap_or_default()
    };
    let mut widest: Option<&Placed> = None;
    for next in &placed {
        let Some(reach) = widest else {
            widest = Some(next);
            continue;
        };
        if next.interval.start <= reach.interval.end {
            report_overlap(checker, reach, next, &range_name);
        }
        if next.interval.end > reach.interval.end {
            widest = Some(next);
        }
    }
}

/// An extension's range may take part of one assignable base range (a carve-out: `Game(u16)` =
/// 4500..=4599 inside `Library`), and then becomes its own variant there; it may not leave that
/// range, span two base ranges, or lie in a base range that is not assignable.
fn check_carve_outs(checker: &mut Checker<'_>, spec: &Spec, base: &Table, placed: &[Placed]) {
    let mut base_intervals: Vec<(Interval, usize)> = base
        .ranges
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.intervals.iter().map(move |iv| (*iv, i)))
        .collect();
    base_intervals.sort();
    let assignable: Vec<String> = base
        .ranges
        .iter()
        .filter(|r| r.assignable)
        .map(|r| format!("`{}` ({})", r.name, r.intervals_text()))
        .collect();
    let allowed = if assignable.is_empty() {
        "the base table has no assignable range".to_owned()
    } else {
        format!("new ranges must lie in {}", assignable.join(" or "))
    };
    for local in placed {
        let span = local.span.clone();
        let iv = local.interval;
        let first = base_intervals.partition_point(|(b, _)| b.end < iv.start);
        let touched: Vec<(Interval, usize)> = base_intervals[first..]
            .iter()
            .take_while(|(b, _)| b.start <= iv.end)
            .copied()
            .collect();
        let Some(&(outer, owner)) = touched.first() else {
            continue; // in a gap of a partial base: a range of its own
        };
        let name = spec
            .ranges
            .get(local.range)
            .map_or("", |r| r.name.value.as_str());
        let base_range = &base.ranges[owner];
        let describe = |i: usize| {
            let r = &base.ranges[i];
            format!("`{}` ({})", r.name, r.intervals_text())
        };
        let (rule, message) = if !base_range.assignable {
            (
                CheckRule::RangeNotAssignable,
                format!(
                    "range `{name}` ({iv}) lies in range {} of the base table {}, which does not accept new ranges; {allowed}",
                    describe(owner),
                    checker.base_name
                ),
            )
        } else if let Some(&(_, other)) = touched.iter().find(|(_, i)| *i != owner) {
            (
                CheckRule::RangeSpansBaseRanges,
                format!(
                    "range `{name}` ({iv}) spans the base ranges {} and {}; expected a range inside one assignable base range",
                    describe(owner),
                    describe(other)
                ),
            )
        } else if outer.start <= iv.start && iv.end <= outer.end {
            continue; // a carve-out
        } else {
            (
                CheckRule::RangeLeavesBaseRange,
                format!(
                    "range `{name}` ({iv}) leaves range {} of the base table {}; expected a range inside it",
                    describe(owner),
                    checker.base_name
                ),
            )
        };
        checker.report.error(rule, span, message);
    }
}

/// Reports that `next` starts inside `reach`, on whichever of the two this spec wrote later.
fn report_overlap(
    checker: &mut Checker<'_>,
    reach: &Placed,
    next: &Placed,
    range_name: &dyn Fn(usize) -> String,
) {
    let (later, earlier) = if reach.span.start > next.span.start {
        (reach, next)
    } else {
        (next, reach)
    };
    let later_span = later.span.clone();
    let shared = Interval {
        start: next.interval.start,
        end: next.interval.end.min(reach.interval.end),
    };
    let (later_iv, earlier_iv) = (later.interval, earlier.interval);
    let (later_name, earlier_name) = (range_name(later.range), range_name(earlier.range));
    if later.range == earlier.range {
        checker.report.error(
            CheckRule::RangeOverlap,
            later_span,
            format!("range `{later_name}` lists {later_iv} and {earlier_iv}, which overlap at {shared}; expected disjoint intervals"),
        );
        return;
    }
    let where_first = format!("defined at {}", checker.report.place(&earlier.span));
    checker
        .report
        .error(
            CheckRule::RangeOverlap,
            later_span,
            format!("range `{later_name}` ({later_iv}) overlaps range `{earlier_name}` ({earlier_iv}) at {shared}; expected ranges that share no code"),
        )
        .notes
        .push(format!("`{earlier_name}` is {where_first}"));
}
