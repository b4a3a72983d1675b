//! The rules of flags: their names, their predicates, how many there are, and that every flag a
//! code or range sets is declared.

use std::collections::HashMap;
use std::ops::Range;

use super::rust::methods_taken;
use super::{Checker, Mode};
use crate::model::{Repr, Spec, Table};
use crate::names::{Methods, camel_case, is_snake_case, snake_case};
use crate::rules::CheckRule;

/// The most flags a table may declare, its base's included: an `Entry` holds them in a `u64`.
pub(super) const MAX_FLAGS: usize = 64;

/// Flags are `snake_case`, unique (with the base's), at most [`MAX_FLAGS`], and their predicates
/// `is_<flag>` clash with no method of the table; every flag a code or range sets is declared.
pub(super) fn check_flags(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &Spec,
    base: Option<&Table>,
) {
    let declared = check_flag_declarations(checker, repr, spec, base);
    check_flag_count(checker, spec, base);
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
                CheckRule::FlagNotSnakeCase,
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
                    CheckRule::FlagDuplicate,
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
                CheckRule::FlagPredicateClash,
                name.span.clone(),
                format!("flag `{}` would generate the method `{method}`, which is {owner}; expected another name", name.value),
            );
            continue;
        }
        declared.insert(&name.value, Some(name.span.clone()));
        taken.insert(method, format!("the predicate of flag `{}`", name.value));
    }
    let mut names: Vec<&str> = declared.into_keys().collect();
    names.sort_unstable();
    names
}

/// At most [`MAX_FLAGS`] flags, the base's included: the error is on the first flag past them.
fn check_flag_count(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) {
    let total = base.map_or(0, |b| b.flags.len()) + spec.flags.len();
    if total > MAX_FLAGS
        && let Some(flag) = spec
            .flags
            .get(MAX_FLAGS.saturating_sub(base.map_or(0, |b| b.flags.len())))
    {
        checker.report.error(
            CheckRule::FlagsTooMany,
            flag.name.span.clone(),
            format!(
                "{total} flags are declared; expected at most {MAX_FLAGS} in a table and its bases"
            ),
        );
    }
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
                CheckRule::FlagUndeclared,
                name.span.clone(),
                format!("flag `{}` is not declared; {expected}", name.value),
            );
        }
    }
}
