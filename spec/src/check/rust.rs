//! What the Rust enum can spell: names are identifiers in `UpperCamelCase` and not keywords, and
//! the methods generated for ranges, flags and properties clash with no other method of the table.

use std::collections::HashMap;

use super::Checker;
use crate::model::{RangeSpec, Repr, Spanned, Table};
use crate::names::{KEYWORDS, Methods, RESERVED_METHODS, camel_case, is_upper_camel_case};
use crate::rules::CheckRule;

/// Checks that `name` is a valid `UpperCamelCase` identifier that is not a keyword.
pub(super) fn check_ident(checker: &mut Checker<'_>, name: &Spanned<String>, kind: &str) -> bool {
    let n = name.value.as_str();
    let problem = if KEYWORDS.contains(&n) {
        Some((
            CheckRule::NameKeyword,
            format!("{kind} name `{n}` is a Rust keyword; expected another name"),
        ))
    } else if !n.chars().next().is_some_and(|ch| ch.is_ascii_alphabetic())
        || !n.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
    {
        let suggestion = camel_case(n);
        Some((
            CheckRule::NameNotIdentifier,
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
        ))
    } else if !is_upper_camel_case(n) {
        Some((
            CheckRule::NameNotCamelCase,
            format!(
                "{kind} name `{n}` is not UpperCamelCase; expected `{}`",
                camel_case(n)
            ),
        ))
    } else {
        None
    };
    match problem {
        Some((rule, message)) => {
            checker.report.error(rule, name.span.clone(), message);
            false
        }
        None => true,
    }
}

/// Checks that the constructors generated for ranges (`library`, `try_library`) collide with no
/// method of the table, no keyword and no other range's.
pub(super) fn check_constructors(
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
                CheckRule::ConstructorClash,
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
pub(super) fn methods_taken(repr: Repr, base: Option<&Table>) -> HashMap<String, String> {
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
    for property in base.iter().flat_map(|b| b.properties.iter()) {
        taken.insert(
            Methods::getter(&property.name),
            format!(
                "the getter of property `{}` of the base table",
                property.name
            ),
        );
    }
    taken
}
