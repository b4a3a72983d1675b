//! The rules of `[[policy]]`: only in an extending table, at numbers its base holds and none of
//! its own codes or ranges does, each number in one policy, and a `set` of the table's own flags
//! and properties (checked with every other `set`, in `properties`).

use std::ops::Range;

use super::Checker;
use super::codes::fits;
use crate::model::{Interval, Repr, Spec, Table};
use crate::rules::CheckRule;

/// Every policy's place, numbers and emptiness; `base` is `None` both for a table without
/// `extends` and for a base that could not be read (`base_broken`), whose numbers are unknown.
pub(super) fn check_policies(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &Spec,
    base: Option<&Table>,
    base_broken: bool,
) {
    if spec.policies.is_empty() {
        return;
    }
    if spec.extends.is_none() {
        for policy in &spec.policies {
            checker.report.error(
                CheckRule::PolicyWithoutExtends,
                policy.span.clone(),
                "this `[[policy]]` is in a table that extends none; a policy sets values at a base table's numbers, so expected `extends = \"...\"`, or the values set on the table's own codes and ranges".to_owned(),
            );
        }
        return;
    }
    for policy in spec.policies.iter().filter(|p| p.set.is_empty()) {
        checker.report.error(
            CheckRule::PolicySetEmpty,
            policy.set_span.clone(),
            "this `[[policy]]` sets nothing; expected `set = { ... }` with at least one of the table's own flags or properties".to_owned(),
        );
    }
    let mut placed: Vec<(Interval, Range<usize>)> = Vec::new();
    for policy in &spec.policies {
        for iv in &policy.intervals {
            if fits(checker, repr, iv.value.start, &iv.span)
                && fits(checker, repr, iv.value.end, &iv.span)
            {
                placed.push((iv.value, iv.span.clone()));
            }
        }
    }
    if let Some(base) = base.filter(|_| !base_broken) {
        for (iv, span) in &placed {
            outside_base(checker, base, *iv, span);
        }
    }
    for (iv, span) in &placed {
        on_own_entries(checker, spec, *iv, span);
    }
    overlaps(checker, placed);
}

/// The numbers of `iv` that no code or range of `base` holds are reported, as one interval each.
fn outside_base(checker: &mut Checker<'_>, base: &Table, iv: Interval, span: &Range<usize>) {
    if base.total {
        return;
    }
    let mut held: Vec<Interval> = base
        .ranges
        .iter()
        .flat_map(|r| r.intervals.iter().copied())
        .chain(base.codes.iter().map(|c| Interval {
            start: c.value,
            end: c.value,
        }))
        .filter(|h| h.start <= iv.end && iv.start <= h.end)
        .collect();
    held.sort();
    let mut gaps = Vec::new();
    let mut at = iv.start;
    for h in held {
        if h.start > at {
            gaps.push(Interval {
                start: at,
                end: h.start - 1,
            });
        }
        if h.end >= at {
            at = h.end.saturating_add(1);
        }
        if h.end >= iv.end {
            at = iv.end.saturating_add(1);
            break;
        }
    }
    if at <= iv.end {
        gaps.push(Interval {
            start: at,
            end: iv.end,
        });
    }
    if gaps.is_empty() {
        return;
    }
    let list: Vec<String> = gaps.iter().map(ToString::to_string).collect();
    let base_name = checker.base_name.clone();
    checker.report.error(
        CheckRule::PolicyOutsideBase,
        span.clone(),
        format!(
            "this `[[policy]]` covers {}, which no code or range of the base table {base_name} holds; expected numbers of the base (a policy sets values at the base's numbers, not new ones)",
            list.join(", ")
        ),
    );
}

/// The table's own codes and ranges inside `iv` are reported, each by name.
fn on_own_entries(checker: &mut Checker<'_>, spec: &Spec, iv: Interval, span: &Range<usize>) {
    for code in spec.codes.iter().filter(|c| iv.contains(c.code.value)) {
        let what = code.name.as_ref().map_or_else(
            || "is a code this table documents".to_owned(),
            |n| format!("is this table's code `{}`", n.value),
        );
        let place = checker.report.place(&code.code.span);
        checker
            .report
            .error(
                CheckRule::PolicyOnOwnEntry,
                span.clone(),
                format!(
                    "this `[[policy]]` covers {}, which {what}; expected the values set on the code instead (`set = {{ ... }}` there)",
                    code.code.value
                ),
            )
            .notes
            .push(format!("the code is defined at {place}"));
    }
    for range in &spec.ranges {
        for own in range
            .intervals
            .iter()
            .filter(|r| r.value.start <= iv.end && iv.start <= r.value.end)
        {
            let shared = Interval {
                start: own.value.start.max(iv.start),
                end: own.value.end.min(iv.end),
            };
            let place = checker.report.place(&own.span);
            checker
                .report
                .error(
                    CheckRule::PolicyOnOwnEntry,
                    span.clone(),
                    format!(
                        "this `[[policy]]` covers {shared}, which this table's range `{}` ({}) holds; expected the values set on the range instead (`set = {{ ... }}` there)",
                        range.name.value, own.value
                    ),
                )
                .notes
                .push(format!("`{}` is defined at {place}", range.name.value));
        }
    }
}

/// No number is in two policies, or twice in one: a sweep over the intervals by start.
fn overlaps(checker: &mut Checker<'_>, mut placed: Vec<(Interval, Range<usize>)>) {
    placed.sort_by_key(|(iv, span)| (iv.start, span.start));
    let mut widest: Option<&(Interval, Range<usize>)> = None;
    for next in &placed {
        let Some(reach) = widest else {
            widest = Some(next);
            continue;
        };
        if next.0.start <= reach.0.end {
            let (later, earlier) = if reach.1.start > next.1.start {
                (reach, next)
            } else {
                (next, reach)
            };
            let shared = Interval {
                start: next.0.start,
                end: next.0.end.min(reach.0.end),
            };
            let place = checker.report.place(&earlier.1);
            checker
                .report
                .error(
                    CheckRule::PolicyOverlap,
                    later.1.clone(),
                    format!(
                        "{} is covered twice, by {} and by {}; expected each number in one interval of one `[[policy]]`",
                        shared, earlier.0, later.0
                    ),
                )
                .notes
                .push(format!("first covered at {place}"));
        }
        if next.0.end > reach.0.end {
            widest = Some(next);
        }
    }
}
