//! The rules of the spec format, one `check_*` per rule, every error collected with its place.
//!
//! [`check`] runs them in order on a parsed spec and its checked base, then assembles the table.
//! Rules within one spec; the base is read and checked first (`resolve`).

use std::collections::HashMap;
use std::ops::Range;

use crate::error::Report;
use crate::model::{CodeSpec, Interval, IntervalIndex, RangeSpec, Repr, Spanned, Spec, Table};
use crate::names::{KEYWORDS, RESERVED_METHODS, camel_case, snake_case};
use crate::{Error, Source, assemble};

/// What kind of table a spec is checked as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A spec (`close_codes!`, a base file, a built-in table): it extends its base.
    Extend,
    /// A hand-written enum (`#[derive(CloseCodes)]`): a *view* of its base. Four rules differ:
    /// its ranges may take the names of the base's ranges (`check_names`) and re-declare the
    /// base's intervals (`check_overlaps`), their constructors are not checked against the base's
    /// (`check_constructors`), and the table holds only the enum's own variants (`assemble`).
    View,
}

/// The base a spec extends, as far as it could be read.
pub(crate) enum Base {
    /// The spec has no `extends`.
    Absent,
    /// The base, checked.
    Table(Table),
    /// The base could not be read or has errors (already reported): rules that need it are
    /// skipped rather than reported again, and no table is produced.
    Broken,
}

/// The state the rules share: where errors go, the base's name for messages, the mode.
pub(crate) struct Checker<'s> {
    pub(crate) report: Report<'s>,
    /// "`websocket`", as the spec names its base, for messages.
    base_name: String,
    pub(crate) mode: Mode,
}

/// What a name or code in the table is, for "already used by" messages.
#[derive(Clone)]
enum Owner {
    Local(Range<usize>),
    Base(String),
}

/// Every rule, in order; the table only if none found an error (errors go to `errors`).
pub(crate) fn check(
    spec: &Spec,
    source: &Source,
    base: Base,
    mode: Mode,
    errors: &mut Vec<Error>,
) -> Option<Table> {
    let start = errors.len();
    let mut checker = Checker {
        report: Report::new(source, errors),
        base_name: spec
            .extends
            .as_ref()
            .map_or_else(String::new, |e| format!("`{}`", e.value)),
        mode,
    };
    let (base, base_broken) = match base {
        Base::Absent => (None, false),
        Base::Table(table) => (Some(table), false),
        Base::Broken => (None, true),
    };
    let repr = check_repr(&mut checker, spec, base.as_ref());
    if let Some(name) = &spec.table.name {
        check_ident(&mut checker, name, "table name");
    }
    check_names(&mut checker, spec, base.as_ref());
    // Constructor names come from range names: checked only once every name is valid, so that
    // one bad name is not reported twice.
    if checker.report.count() == start {
        check_constructors(&mut checker, repr, &spec.ranges, base.as_ref());
    }
    check_overlaps(&mut checker, repr, spec, base.as_ref());
    let codes = check_codes(&mut checker, repr, spec, base.as_ref(), base_broken);
    if checker.report.count() > start || base_broken {
        return None;
    }
    let table = assemble::assemble(&mut checker, spec, repr, base, codes);
    if checker.report.count() > start {
        return None;
    }
    table
}

/// The table's repr: as written, or the base's; an extension may not change it.
fn check_repr(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) -> Repr {
    match (&spec.table.repr, base) {
        (Some(r), Some(b)) if r.value != b.repr => {
            let base_name = checker.base_name.clone();
            checker.report.error(
                r.span.clone(),
                format!(
                    "`repr` is {} but the base table {base_name} uses {}; an extending table keeps its base's repr",
                    r.value, b.repr
                ),
            );
            b.repr
        }
        (Some(r), _) => r.value,
        (None, Some(b)) => b.repr,
        (None, None) => Repr::U16,
    }
}

/// Names are identifiers, unique across codes and ranges, and new to the base.
fn check_names(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) {
    let mut names: HashMap<&str, Owner> = HashMap::new();
    if let Some(b) = base {
        for code in &b.codes {
            names.insert(
                &code.name,
                Owner::Base(format!("code {} `{}`", code.value, code.name)),
            );
        }
        // A derived enum may re-declare a base range under the same name.
        for range in b.ranges.iter().filter(|_| checker.mode == Mode::Extend) {
            names.insert(&range.name, Owner::Base(format!("range `{}`", range.name)));
        }
    }
    let mut local_names: Vec<(&Spanned<String>, &str)> = spec
        .ranges
        .iter()
        .map(|r| (&r.name, "range"))
        .chain(
            spec.codes
                .iter()
                .filter_map(|k| k.name.as_ref().map(|n| (n, "code"))),
        )
        .collect();
    local_names.sort_by_key(|(n, _)| n.span.start);
    for (name, kind) in local_names {
        if !check_ident(checker, name, kind) {
            continue;
        }
        match names.get(name.value.as_str()).cloned() {
            Some(Owner::Local(first)) => {
                let place = checker.report.place(&first);
                checker
                    .report
                    .error(
                        name.span.clone(),
                        format!("duplicate name `{}`", name.value),
                    )
                    .notes
                    .push(format!("first defined at {place}"));
            }
            Some(Owner::Base(what)) => {
                let base_name = checker.base_name.clone();
                checker.report.error(
                    name.span.clone(),
                    format!(
                        "name `{}` is already used by {what} of the base table {base_name}; expected a new name",
                        name.value
                    ),
                );
            }
            None => {
                names.insert(&name.value, Owner::Local(name.span.clone()));
            }
        }
    }
}

/// An interval of a range, placed for the overlap sweep.
struct Placed {
    interval: Interval,
    /// The owning range: base ranges first, then this spec's.
    range: usize,
    /// Where this spec wrote it; `None` for a base interval.
    span: Option<Range<usize>>,
}

/// Intervals fit the repr, and no two ranges share a code: one sweep over the intervals sorted
/// by start, each compared with the one reaching furthest so far (O(n log n)). A derived enum's
/// ranges may re-declare its base's, so only an extension is checked against the base.
fn check_overlaps(checker: &mut Checker<'_>, repr: Repr, spec: &Spec, base: Option<&Table>) {
    let mut placed: Vec<Placed> = Vec::new();
    let base_ranges = base.map_or(0, |b| b.ranges.len());
    if let Some(b) = base.filter(|_| checker.mode == Mode::Extend) {
        for (range, r) in b.ranges.iter().enumerate() {
            placed.extend(r.intervals.iter().map(|interval| Placed {
                interval: *interval,
                range,
                span: None,
            }));
        }
    }
    for (i, r) in spec.ranges.iter().enumerate() {
        for iv in &r.intervals {
            if fits(checker, repr, iv.value.start, &iv.span)
                && fits(checker, repr, iv.value.end, &iv.span)
            {
                placed.push(Placed {
                    interval: iv.value,
                    range: base_ranges + i,
                    span: Some(iv.span.clone()),
                });
            }
        }
    }
    placed.sort_by_key(|p| (p.interval.start, p.span.as_ref().map_or(0, |s| s.start)));
    let range_name = |i: usize| -> String {
        match i.checked_sub(base_ranges) {
            Some(local) => spec.ranges.get(local).map(|r| r.name.value.clone()),
            None => base.and_then(|b| b.ranges.get(i)).map(|r| r.name.clone()),
        }
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

/// Reports that `next` starts inside `reach`, on whichever of the two this spec wrote later (a
/// base's intervals count as written first; two of them never overlap).
fn report_overlap(
    checker: &mut Checker<'_>,
    reach: &Placed,
    next: &Placed,
    range_name: &dyn Fn(usize) -> String,
) {
    let (later, earlier) = match (&reach.span, &next.span) {
        (None, None) => return,
        (Some(a), Some(b)) if a.start > b.start => (reach, next),
        (Some(_), None) => (reach, next),
        (Some(_) | None, Some(_)) => (next, reach),
    };
    let Some(later_span) = later.span.clone() else {
        return;
    };
    let shared = Interval {
        start: next.interval.start,
        end: next.interval.end.min(reach.interval.end),
    };
    let (later_iv, earlier_iv) = (later.interval, earlier.interval);
    let (later_name, earlier_name) = (range_name(later.range), range_name(earlier.range));
    if later.range == earlier.range {
        checker.report.error(
            later_span,
            format!("range `{later_name}` lists {later_iv} and {earlier_iv}, which overlap at {shared}; expected disjoint intervals"),
        );
        return;
    }
    let where_first = match &earlier.span {
        Some(s) => format!("defined at {}", checker.report.place(s)),
        None => format!("defined by the base table {}", checker.base_name),
    };
    checker
        .report
        .error(
            later_span,
            format!("range `{later_name}` ({later_iv}) overlaps range `{earlier_name}` ({earlier_iv}) at {shared}; expected ranges that share no code"),
        )
        .notes
        .push(format!("`{earlier_name}` is {where_first}"));
}

/// Codes fit the repr, are unique, and in an extension lie in an assignable base range.
/// Returns the codes that passed, in document order.
fn check_codes<'a>(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &'a Spec,
    base: Option<&Table>,
    base_broken: bool,
) -> Vec<&'a CodeSpec> {
    let mut codes: HashMap<i128, Owner> = HashMap::new();
    if let Some(b) = base {
        for code in &b.codes {
            codes.insert(code.value, Owner::Base(format!("`{}`", code.name)));
        }
        for range in &b.ranges {
            for doc in &range.documented {
                codes.insert(
                    doc.value,
                    Owner::Base(format!("a documented code of `{}`", range.name)),
                );
            }
        }
    }
    let assignable: Vec<String> = base
        .iter()
        .flat_map(|b| b.ranges.iter().filter(|r| r.assignable))
        .map(|r| format!("`{}` ({})", r.name, r.intervals_text()))
        .collect();
    let allowed = if assignable.is_empty() {
        "the base table has no assignable range".to_owned()
    } else {
        format!("new codes must lie in {}", assignable.join(" or "))
    };
    let base_index = base.map(|b| IntervalIndex::new(&b.ranges));
    let base_name = checker.base_name.clone();
    let mut local_codes: Vec<&CodeSpec> = spec.codes.iter().collect();
    local_codes.sort_by_key(|k| k.code.span.start);
    let mut valid = Vec::new();
    for k in local_codes {
        let (value, span) = (k.code.value, &k.code.span);
        if !fits(checker, repr, value, span) {
            continue;
        }
        match codes.get(&value).cloned() {
            Some(Owner::Local(first)) => {
                let place = checker.report.place(&first);
                checker
                    .report
                    .error(span.clone(), format!("duplicate code {value}"))
                    .notes
                    .push(format!("first defined at {place}"));
                continue;
            }
            Some(Owner::Base(what)) => {
                checker.report.error(
                    span.clone(),
                    format!("code {value} is already defined by the base table {base_name} as {what}; {allowed}"),
                );
                continue;
            }
            None => {
                codes.insert(value, Owner::Local(span.clone()));
            }
        }
        if let (Some(b), Some(index)) = (base, &base_index) {
            match index.find(value).and_then(|i| b.ranges.get(i)) {
                Some(r) if r.assignable => {}
                Some(r) => {
                    checker.report.error(
                        span.clone(),
                        format!(
                            "code {value} lies in range `{}` ({}) of the base table {base_name}, which does not accept new codes; {allowed}",
                            r.name,
                            r.intervals_text()
                        ),
                    );
                    continue;
                }
                None if !base_broken => {
                    checker.report.error(
                        span.clone(),
                        format!("code {value} lies outside every range of the base table {base_name}; {allowed}"),
                    );
                    continue;
                }
                None => {}
            }
        }
        valid.push(k);
    }
    valid
}

/// Whether `value` fits `repr`; reports it at `span` if not.
fn fits(checker: &mut Checker<'_>, repr: Repr, value: i128, span: &Range<usize>) -> bool {
    if repr.contains(value) {
        return true;
    }
    let found = if value < 0 && repr.min() == 0 {
        format!("negative code {value}, but `{repr}` has no negative values")
    } else {
        format!("code {value} does not fit `{repr}`")
    };
    checker.report.error(
        span.clone(),
        format!(
            "{found}; expected a code in {}..={}",
            repr.min(),
            repr.max()
        ),
    );
    false
}

/// Checks that `name` is a valid `UpperCamelCase` identifier that is not a keyword.
fn check_ident(checker: &mut Checker<'_>, name: &Spanned<String>, kind: &str) -> bool {
    let n = name.value.as_str();
    let problem = if KEYWORDS.contains(&n) {
        Some(format!(
            "{kind} name `{n}` is a Rust keyword; expected another name"
        ))
    } else if !n.chars().next().is_some_and(|ch| ch.is_ascii_alphabetic())
        || !n.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
    {
        let suggestion = camel_case(n);
        Some(
            if suggestion.is_empty() || !suggestion.starts_with(|ch: char| ch.is_ascii_alphabetic())
            {
                format!(
                    "{kind} name \"{n}\" is not a Rust identifier; expected an UpperCamelCase name that starts with a letter"
                )
            } else {
                format!(
                    "{kind} name \"{n}\" is not a Rust identifier; expected an UpperCamelCase name such as `{suggestion}`"
                )
            },
        )
    } else if !n.starts_with(|ch: char| ch.is_ascii_uppercase())
        || n.contains('_')
        || (n.chars().filter(char::is_ascii_alphabetic).count() > 1
            && !n.chars().any(|ch| ch.is_ascii_lowercase()))
    {
        Some(format!(
            "{kind} name `{n}` is not UpperCamelCase; expected `{}`",
            camel_case(n)
        ))
    } else {
        None
    };
    match problem {
        Some(message) => {
            checker.report.error(name.span.clone(), message);
            false
        }
        None => true,
    }
}

/// Checks that the constructors generated for ranges (`library`, `try_library`) collide with no
/// method of the table, no keyword and no other range's.
fn check_constructors(
    checker: &mut Checker<'_>,
    repr: Repr,
    ranges: &[RangeSpec],
    base: Option<&Table>,
) {
    let mut taken: HashMap<String, String> = RESERVED_METHODS
        .iter()
        .map(|m| ((*m).to_owned(), "a method of every table".to_owned()))
        .collect();
    for m in [format!("from_{repr}"), format!("as_{repr}")] {
        taken.insert(m, "a method of every table".to_owned());
    }
    for r in base.iter().flat_map(|b| b.ranges.iter()) {
        let snake = snake_case(&r.name);
        taken.insert(
            format!("try_{snake}"),
            format!("the constructor of range `{}`", r.name),
        );
        taken.insert(snake, format!("the constructor of range `{}`", r.name));
    }
    for r in ranges {
        let snake = snake_case(&r.name.value);
        let names = [snake.clone(), format!("try_{snake}")];
        let clash = names.iter().find_map(|n| {
            if KEYWORDS.contains(&n.as_str()) {
                Some(format!("`{n}`, a Rust keyword"))
            } else {
                taken.get(n).map(|owner| format!("`{n}`, which is {owner}"))
            }
        });
        if let Some(clash) = clash {
            checker.report.error(
                r.name.span.clone(),
                format!(
                    "range name `{}` would generate the constructor {clash}; expected another name",
                    r.name.value
                ),
            );
        } else {
            for n in names {
                taken.insert(n, format!("the constructor of range `{}`", r.name.value));
            }
        }
    }
}
