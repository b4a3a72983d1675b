//! The rules of names: unique across codes, ranges and aliases, new to the base, and written
//! by every target.

use std::collections::HashMap;

use super::rust::check_ident;
use super::{Checker, Mode, Owner};
use crate::model::{Spanned, Spec, Table};
use crate::rules::CheckRule;
use crate::targets::{NAMERS, Refusal, Subject, refuse_name, refuse_scopes};

/// The table's name is a Rust identifier that every target can spell.
pub(super) fn check_table_name(checker: &mut Checker<'_>, spec: &Spec) {
    if let Some(name) = &spec.table.name
        && check_ident(checker, name, "table")
    {
        let refusals = NAMERS
            .iter()
            .filter_map(|namer| refuse_name(*namer, &name.value).map(|r| (namer.language(), r)));
        report_refusals(checker, spec, refusals);
    }
}

/// Names are identifiers, unique across codes and ranges, and new to the base.
pub(super) fn check_names(checker: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) {
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
                        CheckRule::NameDuplicate,
                        name.span.clone(),
                        format!("duplicate name `{}`", name.value),
                    )
                    .notes
                    .push(format!("first defined at {place}"));
            }
            Some(Owner::Base(what)) => {
                let base_name = checker.base_name.clone();
                checker.report.error(
                    CheckRule::NameInBase,
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

/// Every target can spell the table's names (its scopes: codes, predicates, the table's own
/// names beside the file's).
pub(super) fn check_targets(checker: &mut Checker<'_>, spec: &Spec, table: &Table) {
    let name = spec.table.name.as_ref().map(|n| n.value.as_str());
    let refusals = NAMERS.iter().flat_map(|namer| {
        refuse_scopes(*namer, table, name)
            .into_iter()
            .map(|r| (namer.language(), r))
    });
    report_refusals(checker, spec, refusals);
}

/// What a refused property or value is, and where it was written: the word, else the property's
/// name, else (a base table's property) the table's name.
fn property_place<'s>(spec: &'s Spec, subject: &Subject) -> (String, Option<&'s Spanned<String>>) {
    let (Subject::Property(property) | Subject::PropertyValue(property, _)) = subject else {
        return (String::new(), None);
    };
    let local = spec.properties.iter().find(|p| p.name.value == *property);
    let word = match subject {
        Subject::PropertyValue(_, word) => Some(word),
        _ => None,
    };
    let what = match word {
        Some(word) => format!("value `{word}` of property `{property}`"),
        None => format!("property `{property}`"),
    };
    if let Some(p) = local {
        let at = word.and_then(|word| {
            p.values
                .iter()
                .flat_map(|v| v.value.iter())
                .find(|w| w.value == *word)
        });
        return (what, Some(at.unwrap_or(&p.name)));
    }
    let name = spec.table.name.as_ref();
    (
        format!(
            "table name `{}` with {what} of the base table",
            name.map_or("", |n| n.value.as_str())
        ),
        name,
    )
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
            (Subject::Property(_) | Subject::PropertyValue(..), _, _) => {
                property_place(spec, &subject)
            }
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
            CheckRule::TargetName,
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
