//! The rules of codes: their repr, their numbers against each other and the base's assignable
//! ranges, their reasons, and what needs a `name`.

use std::collections::HashMap;
use std::ops::Range;

use super::{Checker, Owner};
use crate::model::{CodeSpec, IntervalIndex, Repr, Spec, Table};
use crate::rules::CheckRule;

/// The table's repr: as written, or the base's; an extension may not change it.
pub(super) fn check_repr(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) -> Repr {
    match (&spec.table.repr, base) {
        (Some(r), Some(b)) if r.value != b.repr => {
            let base_name = checker.base_name.clone();
            checker.report.error(
                CheckRule::ReprMismatch,
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

/// Whether `value` fits `repr`; reports it at `span` if not.
pub(super) fn fits(
    checker: &mut Checker<'_>,
    repr: Repr,
    value: i128,
    span: &Range<usize>,
) -> bool {
    if repr.contains(value) {
        return true;
    }
    let found = if value < 0 && repr.min() == 0 {
        format!("negative code {value}, but `{repr}` has no negative values")
    } else {
        format!("code {value} does not fit `{repr}`")
    };
    checker.report.error(
        CheckRule::CodeOutOfRepr,
        span.clone(),
        format!(
            "{found}; expected a code in {}..={}",
            repr.min(),
            repr.max()
        ),
    );
    false
}

/// Codes fit the repr, are unique, and in an extension lie in an assignable base range.
/// Returns the codes that passed, in document order.
pub(super) fn check_codes<'a>(
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
                    .error(
                        CheckRule::CodeDuplicate,
                        span.clone(),
                        format!("duplicate code {value}"),
                    )
                    .notes
                    .push(format!("first defined at {place}"));
                continue;
            }
            Some(Owner::Base(what)) => {
                checker.report.error(
                    CheckRule::CodeInBase,
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
                        CheckRule::CodeNotAssignable,
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
                        CheckRule::CodeOutsideBase,
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

/// The most bytes of reason a Close frame carries: its payload is at most 125 bytes, 2 of them
/// the code (RFC 6455 §5.5).
pub(super) const CLOSE_REASON_BYTES: usize = 123;

/// In a table that is or extends `websocket` (directly or through files), a reason fits a Close
/// frame.
pub(super) fn check_reason_lengths(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) {
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
                CheckRule::ReasonTooLong,
                reason.span.clone(),
                format!("reason is {bytes} bytes of UTF-8; a Close frame carries at most {CLOSE_REASON_BYTES} (its 125-byte payload holds the 2-byte code too), so expected a shorter reason"),
            );
        }
    }
}

/// An alias names a variant: a code without a `name` has nothing to alias.
pub(super) fn check_alias_names(checker: &mut Checker<'_>, spec: &Spec) {
    for code in spec.codes.iter().filter(|k| k.name.is_none()) {
        if let Some(alias) = code.aliases.first() {
            checker.report.error(
                CheckRule::AliasWithoutName,
                alias.span.clone(),
                format!(
                    "code {} has `aliases` but no `name`; expected a `name` for the variant the aliases stand for",
                    code.code.value
                ),
            );
        }
    }
}

/// `deprecated` deprecates a variant: a code without a `name` has none.
pub(super) fn check_deprecated_names(checker: &mut Checker<'_>, spec: &Spec) {
    for code in spec.codes.iter().filter(|k| k.name.is_none()) {
        if let Some(deprecated) = &code.deprecated {
            checker.report.error(
                CheckRule::DeprecatedWithoutName,
                deprecated.span.clone(),
                format!(
                    "code {} is `deprecated` but has no `name`; expected a `name` for the variant it deprecates",
                    code.code.value
                ),
            );
        }
    }
}
