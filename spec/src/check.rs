//! The rules of the spec format, one `check_*` per rule, every error collected with its place.
//!
//! [`check`] runs them in order on a parsed spec and its checked base, then assembles the table.
//! Rules within one spec; the base is read and checked first (`resolve`).

use std::collections::HashMap;
use std::ops::Range;

pub(crate) use crate::assemble::Mode;
use crate::error::Report;
use crate::model::{CodeSpec, Interval, IntervalIndex, RangeSpec, Repr, Spanned, Spec, Table};
use crate::names::{KEYWORDS, Methods, RESERVED_METHODS, camel_case, is_snake_case, snake_case};
use crate::targets::{NAMERS, Refusal, Subject, refuse_name, refuse_scopes};
use crate::{Error, Source, assemble};

/// The base a spec extends, as far as it could be read.
pub(crate) enum Base {
    /// The spec has no `extends`.
    Absent,
    /// The base, checked.
    Table(Box<Table>),
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
        Base::Table(table) => (Some(*table), false),
        Base::Broken => (None, true),
    };
    let repr = check_repr(&mut checker, spec, base.as_ref());
    if let Some(name) = &spec.table.name
        && check_ident(&mut checker, name, "table name")
    {
        let refusals = NAMERS
            .iter()
            .filter_map(|namer| refuse_name(*namer, &name.value).map(|r| (namer.language(), r)));
        report_refusals(&mut checker, spec, refusals);
    }
    check_names(&mut checker, spec, base.as_ref());
    // Constructor names come from range names: checked only once every name is valid, so that
    // one bad name is not reported twice.
    if checker.report.count() == start {
        // A derived enum's ranges may re-declare its base's, constructors included.
        let base_ranges = base.as_ref().filter(|_| checker.mode == Mode::Extend);
        check_constructors(&mut checker, repr, &spec.ranges, base_ranges);
    }
    check_flags(&mut checker, repr, spec, base.as_ref());
    check_reason_lengths(&mut checker, spec, base.as_ref());
    check_retired(&mut checker, repr, spec, base.as_ref());
    check_overlaps(&mut checker, repr, spec, base.as_ref());
    let codes = check_codes(&mut checker, repr, spec, base.as_ref(), base_broken);
    if checker.report.count() > start || base_broken {
        return None;
    }
    let table = assemble::assemble(&mut checker.report, checker.mode, spec, repr, base, codes);
    if let Some(table) = &table {
        check_targets(&mut checker, spec, table);
    }
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
            for alias in &code.aliases {
                names.insert(
                    alias,
                    Owner::Base(format!("an alias of code {} `{}`", code.value, code.name)),
                );
            }
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
        .chain(
            spec.codes
                .iter()
                .flat_map(|k| k.aliases.iter().map(|a| (a, "alias"))),
        )
        .collect();
    local_names.sort_by_key(|(n, _)| n.span.start);
    // An alias names a variant: a code without a variant has nothing to alias.
    for code in spec.codes.iter().filter(|k| k.name.is_none()) {
        if let Some(alias) = code.aliases.first() {
            checker.report.error(
                alias.span.clone(),
                format!(
                    "code {} has `aliases` but no `name`; expected a `name` for the variant the aliases stand for",
                    code.code.value
                ),
            );
        }
    }
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

/// The most flags a table may declare, its base's included: an `Entry` holds them in a `u64`.
pub(crate) const MAX_FLAGS: usize = 64;

/// Flags are `snake_case`, unique (with the base's), at most [`MAX_FLAGS`], and their predicates
/// `is_<flag>` clash with no method of the table; every flag a code or range sets is declared.
fn check_flags(checker: &mut Checker<'_>, repr: Repr, spec: &Spec, base: Option<&Table>) {
    let declared = check_flag_declarations(checker, repr, spec, base);
    check_flag_uses(checker, spec, &declared);
}

/// The declarations; returns every declared flag's name (the base's and the valid new ones).
fn check_flag_declarations<'a>(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &'a Spec,
    base: Option<&'a Table>,
) -> Vec<&'a str> {
    let mut taken = methods_taken(repr, base.filter(|_| checker.mode == Mode::Extend));
    for range in &spec.ranges {
        let (constructor, fallible) = Methods::constructors(&range.name.value);
        let owner = format!("the constructor of range `{}`", range.name.value);
        taken.insert(fallible, owner.clone());
        taken.insert(constructor, owner);
    }
    if let Some(base) = base.filter(|_| checker.mode == Mode::Derive) {
        for flag in &base.flags {
            taken.insert(
                Methods::predicate(&flag.name),
                format!("the predicate of flag `{}` of the base table", flag.name),
            );
        }
    }
    let mut declared: HashMap<&str, Option<Range<usize>>> = HashMap::new();
    for flag in base.iter().flat_map(|b| b.flags.iter()) {
        declared.insert(&flag.name, None);
    }
    for flag in &spec.flags {
        let name = &flag.name;
        if !is_snake_case(&name.value) {
            let suggestion = snake_case(&camel_case(&name.value));
            checker.report.error(
                name.span.clone(),
                format!(
                    "flag name \"{}\" is not snake_case; expected a name such as `{suggestion}`",
                    name.value
                ),
            );
            continue;
        }
        if let Some(first) = declared.get(name.value.as_str()) {
            let where_first = match first {
                Some(span) => format!("first defined at {}", checker.report.place(span)),
                None => format!("defined by the base table {}", checker.base_name),
            };
            checker
                .report
                .error(
                    name.span.clone(),
                    format!("duplicate flag `{}`", name.value),
                )
                .notes
                .push(where_first);
            continue;
        }
        let method = Methods::predicate(&name.value);
        if let Some(owner) = taken.get(&method) {
            checker.report.error(
                name.span.clone(),
                format!("flag `{}` would generate the method `{method}`, which is {owner}; expected another name", name.value),
            );
            continue;
        }
        declared.insert(&name.value, Some(name.span.clone()));
        taken.insert(method, format!("the predicate of flag `{}`", name.value));
    }
    let total = base.map_or(0, |b| b.flags.len()) + spec.flags.len();
    if total > MAX_FLAGS
        && let Some(flag) = spec
            .flags
            .get(MAX_FLAGS.saturating_sub(base.map_or(0, |b| b.flags.len())))
    {
        checker.report.error(
            flag.name.span.clone(),
            format!(
                "{total} flags are declared; expected at most {MAX_FLAGS} in a table and its bases"
            ),
        );
    }
    let mut names: Vec<&str> = declared.into_keys().collect();
    names.sort_unstable();
    names
}

/// Every flag a code or range sets is declared.
fn check_flag_uses(checker: &mut Checker<'_>, spec: &Spec, known: &[&str]) {
    let set = spec
        .codes
        .iter()
        .filter_map(|c| c.flags.as_ref())
        .chain(spec.ranges.iter().filter_map(|r| r.flags.as_ref()))
        .flatten();
    for name in set {
        if !known.contains(&name.value.as_str()) {
            let list = known
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let expected = match (known.is_empty(), checker.mode) {
                (true, Mode::Extend) => {
                    "the table declares no flags; declare it with a `[[flag]]` entry".to_owned()
                }
                (true, Mode::Derive) => "the base table declares no flags".to_owned(),
                (false, Mode::Extend) => {
                    format!("expected one of {list}, or a `[[flag]]` entry declaring it")
                }
                (false, Mode::Derive) => {
                    format!("expected one of {list}, the flags the base table declares")
                }
            };
            checker.report.error(
                name.span.clone(),
                format!("flag `{}` is not declared; {expected}", name.value),
            );
        }
    }
}

/// The most bytes of reason a Close frame carries: its payload is at most 125 bytes, 2 of them
/// the code (RFC 6455 §5.5).
pub(crate) const CLOSE_REASON_BYTES: usize = 123;

/// In a table that is or extends `websocket` (directly or through files), a reason fits a Close
/// frame.
fn check_reason_lengths(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) {
    let websocket = base.is_some_and(|b| b.builtins.contains(&crate::Builtin::WebSocket))
        || checker.report.source.origin == crate::Origin::Builtin(crate::Builtin::WebSocket);
    if !websocket {
        return;
    }
    let reasons = spec
        .codes
        .iter()
        .filter_map(|c| c.reason.as_ref())
        .chain(spec.ranges.iter().filter_map(|r| r.reason.as_ref()));
    for reason in reasons {
        let bytes = reason.value.trim().len();
        if bytes > CLOSE_REASON_BYTES {
            checker.report.error(
                reason.span.clone(),
                format!("reason is {bytes} bytes of UTF-8; a Close frame carries at most {CLOSE_REASON_BYTES} (its 125-byte payload holds the 2-byte code too), so expected a shorter reason"),
            );
        }
    }
}

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
fn check_overlaps(checker: &mut Checker<'_>, repr: Repr, spec: &Spec, base: Option<&Table>) {
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
        let message = if !base_range.assignable {
            format!(
                "range `{name}` ({iv}) lies in range {} of the base table {}, which does not accept new ranges; {allowed}",
                describe(owner),
                checker.base_name
            )
        } else if let Some(&(_, other)) = touched.iter().find(|(_, i)| *i != owner) {
            format!(
                "range `{name}` ({iv}) spans the base ranges {} and {}; expected a range inside one assignable base range",
                describe(owner),
                describe(other)
            )
        } else if outer.start <= iv.start && iv.end <= outer.end {
            continue; // a carve-out
        } else {
            format!(
                "range `{name}` ({iv}) leaves range {} of the base table {}; expected a range inside it",
                describe(owner),
                checker.base_name
            )
        };
        checker.report.error(span, message);
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
            later_span,
            format!("range `{later_name}` lists {later_iv} and {earlier_iv}, which overlap at {shared}; expected disjoint intervals"),
        );
        return;
    }
    let where_first = format!("defined at {}", checker.report.place(&earlier.span));
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
    let mut taken = methods_taken(repr, base);
    for r in ranges {
        let (constructor, fallible) = Methods::constructors(&r.name.value);
        let names = [constructor, fallible];
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

/// The names a table's methods take before its own ranges and flags: the methods of every table,
/// `from_<repr>` and `as_<repr>`, and the base's constructors and predicates (none for a derived
/// enum, whose ranges may re-declare its base's), each with what owns it, for messages.
fn methods_taken(repr: Repr, base: Option<&Table>) -> HashMap<String, String> {
    let every = || "a method of every table".to_owned();
    let mut taken: HashMap<String, String> = RESERVED_METHODS
        .iter()
        .map(|m| ((*m).to_owned(), every()))
        .chain([
            (Methods::from_repr(repr), every()),
            (Methods::as_repr(repr), every()),
        ])
        .collect();
    for r in base.iter().flat_map(|b| b.ranges.iter()) {
        let (constructor, fallible) = Methods::constructors(&r.name);
        let owner = format!("the constructor of range `{}` of the base table", r.name);
        taken.insert(fallible, owner.clone());
        taken.insert(constructor, owner);
    }
    for flag in base.iter().flat_map(|b| b.flags.iter()) {
        taken.insert(
            Methods::predicate(&flag.name),
            format!("the predicate of flag `{}` of the base table", flag.name),
        );
    }
    taken
}

/// Every target can spell the table's names (its scopes: codes, predicates, the table's own
/// names beside the file's).
fn check_targets(checker: &mut Checker<'_>, spec: &Spec, table: &Table) {
    let name = spec.table.name.as_ref().map(|n| n.value.as_str());
    let refusals = NAMERS.iter().flat_map(|namer| {
        refuse_scopes(*namer, table, name)
            .into_iter()
            .map(|r| (namer.language(), r))
    });
    report_refusals(checker, spec, refusals);
}

/// Targets' refusals, at the name the user wrote (a code's or flag's of this spec, else the
/// table's): one error per name, however many targets refuse it.
fn report_refusals<'a>(
    checker: &mut Checker<'_>,
    spec: &Spec,
    refusals: impl Iterator<Item = (&'a str, Refusal)>,
) {
    let mut refused: Vec<(Subject, String, Vec<&str>)> = Vec::new();
    for (language, refusal) in refusals {
        match refused.iter_mut().find(|(s, _, _)| *s == refusal.subject) {
            Some((_, _, others)) => {
                if !others.contains(&language) {
                    others.push(language);
                }
            }
            None => refused.push((refusal.subject, refusal.reason, Vec::new())),
        }
    }
    let name = spec.table.name.as_ref();
    for (subject, reason, others) in refused {
        let local_code = spec
            .codes
            .iter()
            .find(|k| matches!(subject, Subject::Code(v) if v == k.code.value))
            .and_then(|k| k.name.as_ref());
        let local_flag = spec
            .flags
            .iter()
            .find(|f| matches!(&subject, Subject::Flag(n) if *n == f.name.value))
            .map(|f| &f.name);
        let (what, at) = match (&subject, local_code, local_flag) {
            (Subject::Code(value), Some(n), _) => {
                (format!("name `{}` of code {value}", n.value), Some(n))
            }
            (Subject::Flag(flag), _, Some(n)) => (format!("flag `{flag}`"), Some(n)),
            (Subject::Code(value), None, _) => (
                format!(
                    "table name `{}` with code {value} of the base table",
                    name.map_or("", |n| n.value.as_str())
                ),
                name,
            ),
            (Subject::Flag(flag), _, None) => (
                format!(
                    "table name `{}` with flag `{flag}` of the base table",
                    name.map_or("", |n| n.value.as_str())
                ),
                name,
            ),
            (Subject::Table | Subject::Fixed, _, _) => (
                format!("table name `{}`", name.map_or("", |n| n.value.as_str())),
                name,
            ),
        };
        let span = at.map_or(0..0, |n| n.span.clone());
        let error = checker.report.error(
            span,
            format!("{what} cannot be written in every target: {reason}"),
        );
        if !others.is_empty() {
            let verb = if others.len() == 1 {
                "refuses"
            } else {
                "refuse"
            };
            error
                .notes
                .push(format!("{} {verb} it too", others.join(", ")));
        }
    }
}

/// Retired numbers and names (`[[retired]]`, this spec's and its bases') are never used again: a
/// named code, alias or range of this spec that reuses one is an error that shows why it was
/// retired, and a number or name in use cannot be retired. `deprecated` needs a named code.
fn check_retired(checker: &mut Checker<'_>, repr: Repr, spec: &Spec, base: Option<&Table>) {
    for code in spec.codes.iter().filter(|k| k.name.is_none()) {
        if let Some(deprecated) = &code.deprecated {
            checker.report.error(
                deprecated.span.clone(),
                format!(
                    "code {} is `deprecated` but has no `name`; expected a `name` for the variant it deprecates",
                    code.code.value
                ),
            );
        }
    }
    let mut retired: Vec<(Vec<Interval>, Vec<String>, String)> = base
        .iter()
        .flat_map(|b| b.retired.iter())
        .map(|r| (r.intervals.clone(), r.names.clone(), r.note.clone()))
        .collect();
    for entry in &spec.retired {
        let mut intervals = Vec::new();
        for iv in &entry.intervals {
            if fits(checker, repr, iv.value.start, &iv.span)
                && fits(checker, repr, iv.value.end, &iv.span)
            {
                intervals.push(iv.value);
            }
        }
        // What is in use cannot be retired: the base's named codes, names and aliases.
        for b in base.iter().flat_map(|b| b.codes.iter()) {
            if let Some(iv) = entry.intervals.iter().find(|iv| iv.value.contains(b.value)) {
                checker.report.error(
                    iv.span.clone(),
                    format!("code {} is named `{}` by the base table; expected numbers that are no longer in use", b.value, b.name),
                );
            }
            if let Some(name) = entry
                .names
                .iter()
                .find(|n| n.value == b.name || b.aliases.contains(&n.value))
            {
                checker.report.error(
                    name.span.clone(),
                    format!("name `{}` is in use by code {} of the base table; expected names that are no longer in use", name.value, b.value),
                );
            }
        }
        retired.push((
            intervals,
            entry.names.iter().map(|n| n.value.clone()).collect(),
            entry.note.value.trim().to_owned(),
        ));
    }
    if retired.is_empty() {
        return;
    }
    for code in &spec.codes {
        let Some(name) = &code.name else { continue };
        if let Some((_, _, note)) = retired
            .iter()
            .find(|(ivs, _, _)| ivs.iter().any(|iv| iv.contains(code.code.value)))
        {
            checker.report.error(
                code.code.span.clone(),
                format!(
                    "code {} is retired ({note}); expected a number that was never used",
                    code.code.value
                ),
            );
        }
        for used in std::iter::once(name).chain(&code.aliases) {
            if let Some((_, _, note)) = retired
                .iter()
                .find(|(_, names, _)| names.contains(&used.value))
            {
                checker.report.error(
                    used.span.clone(),
                    format!(
                        "name `{}` is retired ({note}); expected a name that was never used",
                        used.value
                    ),
                );
            }
        }
    }
    for range in &spec.ranges {
        if let Some((_, _, note)) = retired
            .iter()
            .find(|(_, names, _)| names.contains(&range.name.value))
        {
            checker.report.error(
                range.name.span.clone(),
                format!(
                    "name `{}` is retired ({note}); expected a name that was never used",
                    range.name.value
                ),
            );
        }
    }
}
