//! The rules of properties: their declarations (name, kind, values, default), the names Rust
//! generates for them, and every `set = { … }` of a code or range.

use std::collections::HashMap;
use std::ops::Range;

use super::rust::methods_taken;
use super::{Checker, Mode, Owner};
use crate::model::{PropertyKind, PropertySpec, Repr, SetValue, Setting, Spanned, Spec, Table};
use crate::names::{KEYWORDS, Methods, TRAIT_METHODS, camel_case, is_snake_case, snake_case};
use crate::rules::CheckRule;

/// The integer types a property may have.
const INTEGER_TYPES: [Repr; 6] = [
    Repr::U8,
    Repr::U16,
    Repr::U32,
    Repr::I8,
    Repr::I16,
    Repr::I32,
];

/// What a name of `set` may name, as far as the checks could read it.
#[derive(Clone)]
enum Settable {
    Flag,
    Words(Vec<String>),
    Integer(Repr),
    /// A property whose declaration has errors (reported): its values are not checked.
    Unread,
}

/// Properties: `snake_case`, unique among the table's flags and properties (with the base's),
/// of one kind, with valid values and default, and names Rust can generate; every `set` names a
/// flag or property and gives it a value of its type (not checked when the base could not be
/// read: what it declares is not known).
pub(super) fn check_properties(
    checker: &mut Checker<'_>,
    repr: Repr,
    spec: &Spec,
    base: Option<&Table>,
    base_broken: bool,
) {
    let mut settable: HashMap<String, Settable> = HashMap::new();
    let mut names: HashMap<String, Owner> = HashMap::new();
    for flag in base.iter().flat_map(|b| b.flags.iter()) {
        settable.insert(flag.name.clone(), Settable::Flag);
        names.insert(
            flag.name.clone(),
            Owner::Base(format!("flag `{}`", flag.name)),
        );
    }
    for property in base.iter().flat_map(|b| b.properties.iter()) {
        let kind = match &property.kind {
            PropertyKind::Words(words) => Settable::Words(words.clone()),
            PropertyKind::Integer(repr) => Settable::Integer(*repr),
        };
        settable.insert(property.name.clone(), kind);
        names.insert(
            property.name.clone(),
            Owner::Base(format!("property `{}`", property.name)),
        );
    }
    for flag in &spec.flags {
        let name = &flag.name;
        if let Some(Owner::Base(what)) = names
            .get(&name.value)
            .filter(|_| base.is_some_and(|b| b.properties.iter().any(|p| p.name == name.value)))
        {
            let message = format!(
                "flag `{}` has the name of {what} of the base table {}; expected another name",
                name.value, checker.base_name
            );
            checker
                .report
                .error(CheckRule::PropertyDuplicate, name.span.clone(), message);
            continue;
        }
        settable.insert(name.value.clone(), Settable::Flag);
        names
            .entry(name.value.clone())
            .or_insert_with(|| Owner::Local(name.span.clone()));
    }
    let mut taken = rust_names_taken(repr, spec, base, checker.mode);
    let mut types: HashMap<String, String> = base
        .iter()
        .flat_map(|b| b.properties.iter())
        .map(|p| (Methods::property_type("", &p.name), p.name.clone()))
        .collect();
    for property in &spec.properties {
        check_name(checker, property, &mut names, &mut taken, &mut types);
        let kind = check_kind(checker, property);
        if let (Some(default), Some(kind)) = (&property.default, &kind) {
            check_value(checker, &property.name.value, kind, default);
        }
        settable
            .entry(property.name.value.clone())
            .or_insert(kind.unwrap_or(Settable::Unread));
    }
    if base_broken {
        return;
    }
    for (set, listed) in spec
        .ranges
        .iter()
        .map(|r| (&r.set, r.flags.as_deref()))
        .chain(spec.codes.iter().map(|c| (&c.set, c.flags.as_deref())))
    {
        for setting in set {
            check_setting(checker, &settable, setting, listed);
        }
    }
    check_policy_settings(checker, &settable, spec, base);
}

/// A `[[policy]]`'s `set` names the table's own flags and properties: the base decides its own
/// (a policy that changed `websocket`'s `browser_closable` would make the extension disagree with
/// `closecodes::CloseCode`). Its values are checked as any `set`'s.
fn check_policy_settings(
    checker: &mut Checker<'_>,
    settable: &HashMap<String, Settable>,
    spec: &Spec,
    base: Option<&Table>,
) {
    let Some(base) = base else {
        return; // without a base, the policy itself is the error (`POLICY_WITHOUT_EXTENDS`)
    };
    let base_owner = |name: &str| {
        if base.flags.iter().any(|f| f.name == name) {
            Some("flag")
        } else if base.properties.iter().any(|p| p.name == name) {
            Some("property")
        } else {
            None
        }
    };
    let own: HashMap<String, Settable> = settable
        .iter()
        .filter(|(name, _)| base_owner(name).is_none())
        .map(|(name, kind)| (name.clone(), kind.clone()))
        .collect();
    for setting in spec.policies.iter().flat_map(|p| &p.set) {
        let key = &setting.key.value;
        if let Some(what) = base_owner(key) {
            let base_name = checker.base_name.clone();
            checker.report.error(
                CheckRule::PolicySetsBase,
                setting.key.span.clone(),
                format!(
                    "a `[[policy]]` sets `{key}`, a {what} of the base table {base_name}, which decides its own values; expected a flag or property this table declares"
                ),
            );
            continue;
        }
        check_setting(checker, &own, setting, None);
    }
}

/// The names of the table's methods before its properties' getters, each with its owner.
fn rust_names_taken(
    repr: Repr,
    spec: &Spec,
    base: Option<&Table>,
    mode: Mode,
) -> HashMap<String, String> {
    let mut taken = methods_taken(repr, base.filter(|_| mode == Mode::Extend));
    if let Some(base) = base.filter(|_| mode == Mode::Derive) {
        for flag in &base.flags {
            taken.insert(
                Methods::predicate(&flag.name),
                format!("the predicate of flag `{}` of the base table", flag.name),
            );
        }
        for property in &base.properties {
            taken.insert(
                Methods::getter(&property.name),
                format!(
                    "the getter of property `{}` of the base table",
                    property.name
                ),
            );
        }
    }
    for range in &spec.ranges {
        let (constructor, fallible) = Methods::constructors(&range.name.value);
        let owner = format!("the constructor of range `{}`", range.name.value);
        taken.insert(fallible, owner.clone());
        taken.insert(constructor, owner);
    }
    for flag in &spec.flags {
        taken.insert(
            Methods::predicate(&flag.name.value),
            format!("the predicate of flag `{}`", flag.name.value),
        );
    }
    taken
}

/// The property's name: `snake_case`, new among flags and properties, and a getter and a type
/// that no other name of the Rust table takes.
fn check_name(
    checker: &mut Checker<'_>,
    property: &PropertySpec,
    names: &mut HashMap<String, Owner>,
    taken: &mut HashMap<String, String>,
    types: &mut HashMap<String, String>,
) {
    let name = &property.name;
    if !is_snake_case(&name.value) {
        let suggestion = snake_case(&camel_case(&name.value));
        checker.report.error(
            CheckRule::PropertyNotSnakeCase,
            name.span.clone(),
            format!(
                "property name \"{}\" is not snake_case; expected a name such as `{suggestion}`",
                name.value
            ),
        );
        return;
    }
    if let Some(first) = names.get(&name.value) {
        let note = match first {
            Owner::Local(span) => format!("first defined at {}", checker.report.place(span)),
            Owner::Base(what) => format!("{what} of the base table {}", checker.base_name),
        };
        checker
            .report
            .error(
                CheckRule::PropertyDuplicate,
                name.span.clone(),
                format!(
                    "duplicate name `{}`: flags and properties share one namespace",
                    name.value
                ),
            )
            .notes
            .push(note);
        return;
    }
    names.insert(name.value.clone(), Owner::Local(name.span.clone()));
    let getter = Methods::getter(&name.value);
    let clash = if KEYWORDS.contains(&getter.as_str()) {
        Some(format!("the getter `{getter}`, a Rust keyword"))
    } else if TRAIT_METHODS.contains(&getter.as_str()) {
        Some(format!(
            "the getter `{getter}`, which would hide the method of that name every table has from a trait"
        ))
    } else {
        taken
            .get(&getter)
            .map(|owner| format!("the getter `{getter}`, which is {owner}"))
    };
    if let Some(clash) = clash {
        checker.report.error(
            CheckRule::PropertyNameClash,
            name.span.clone(),
            format!(
                "property `{}` would generate {clash}; expected another name",
                name.value
            ),
        );
        return;
    }
    taken.insert(getter, format!("the getter of property `{}`", name.value));
    let ty = Methods::property_type("", &name.value);
    if let Some(other) = types.get(&ty) {
        checker.report.error(
            CheckRule::PropertyNameClash,
            name.span.clone(),
            format!(
                "property `{}` would generate the type `<Table>{ty}`, as property `{other}` does; expected a name with other words",
                name.value
            ),
        );
        return;
    }
    types.insert(ty, name.value.clone());
}

/// The property's kind: `values` (at least two `snake_case` words, each once, each a Rust
/// variant) or `type` (an integer type a property may have), not both.
fn check_kind(checker: &mut Checker<'_>, property: &PropertySpec) -> Option<Settable> {
    let name = &property.name.value;
    match (&property.values, &property.integer) {
        (Some(values), None) => check_words(checker, name, values).map(Settable::Words),
        (None, Some(integer)) => {
            let found = Repr::from_name(&integer.value).filter(|r| INTEGER_TYPES.contains(r));
            if found.is_none() {
                let list: Vec<String> = INTEGER_TYPES.iter().map(|r| format!("`{r}`")).collect();
                checker.report.error(
                    CheckRule::PropertyTypeUnknown,
                    integer.span.clone(),
                    format!(
                        "property `{name}` has type \"{}\"; expected one of {}",
                        integer.value,
                        list.join(", ")
                    ),
                );
            }
            found.map(Settable::Integer)
        }
        (Some(values), Some(_)) => {
            checker.report.error(
                CheckRule::PropertyKind,
                values.span.clone(),
                format!("property `{name}` has both `values` and `type`; expected one of them: words, or an integer type"),
            );
            None
        }
        (None, None) => {
            checker.report.error(
                CheckRule::PropertyKind,
                property.name.span.clone(),
                format!("property `{name}` has neither `values` nor `type`; expected `values = [\"...\", \"...\"]` or `type = \"u32\"`"),
            );
            None
        }
    }
}

/// The words of an enumerated property, if every one is valid.
fn check_words(
    checker: &mut Checker<'_>,
    name: &str,
    values: &Spanned<Vec<Spanned<String>>>,
) -> Option<Vec<String>> {
    let mut ok = true;
    if values.value.len() < 2 {
        ok = false;
        checker.report.error(
            CheckRule::PropertyValuesTooFew,
            values.span.clone(),
            format!(
                "property `{name}` has {} value{}; expected at least two (a single value is a constant, two are a flag's choice)",
                values.value.len(),
                if values.value.len() == 1 { "" } else { "s" }
            ),
        );
    }
    let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
    for word in &values.value {
        if !is_snake_case(&word.value) {
            ok = false;
            let suggestion = snake_case(&camel_case(&word.value));
            checker.report.error(
                CheckRule::PropertyValueNotSnakeCase,
                word.span.clone(),
                format!(
                    "value \"{}\" of property `{name}` is not a snake_case word; expected a word such as `{suggestion}`",
                    word.value
                ),
            );
            continue;
        }
        let variant = Methods::property_variant(&word.value);
        if KEYWORDS.contains(&variant.as_str()) {
            ok = false;
            checker.report.error(
                CheckRule::PropertyNameClash,
                word.span.clone(),
                format!(
                    "value `{}` of property `{name}` would generate the variant `{variant}`, a Rust keyword; expected another word",
                    word.value
                ),
            );
            continue;
        }
        if let Some(first) = seen.get(&variant) {
            ok = false;
            let (message, place) = if first.value == word.value {
                (
                    format!("property `{name}` lists value `{}` twice", word.value),
                    checker.report.place(&first.span),
                )
            } else {
                (
                    format!(
                        "values `{}` and `{}` of property `{name}` are both the variant `{variant}` in Rust; expected words that differ",
                        first.value, word.value
                    ),
                    checker.report.place(&first.span),
                )
            };
            checker
                .report
                .error(
                    CheckRule::PropertyValueDuplicate,
                    word.span.clone(),
                    message,
                )
                .notes
                .push(format!("first listed at {place}"));
            continue;
        }
        seen.insert(variant, word);
    }
    ok.then(|| values.value.iter().map(|w| w.value.clone()).collect())
}

/// A `set` key names a flag or a property, and gives it a value of its type.
fn check_setting(
    checker: &mut Checker<'_>,
    settable: &HashMap<String, Settable>,
    setting: &Setting,
    listed: Option<&[Spanned<String>]>,
) {
    let key = &setting.key.value;
    let Some(kind) = settable.get(key) else {
        let mut known: Vec<String> = settable.keys().map(|k| format!("`{k}`")).collect();
        known.sort();
        let expected = match (known.is_empty(), checker.mode) {
            (true, Mode::Extend) => {
                "the table declares none; declare it with a `[[flag]]` or `[[property]]` entry"
                    .to_owned()
            }
            (true, Mode::Derive) => "the base table declares none".to_owned(),
            (false, Mode::Extend) => format!(
                "expected one of {}, or a `[[flag]]` or `[[property]]` entry declaring it",
                known.join(", ")
            ),
            (false, Mode::Derive) => format!(
                "expected one of {}, the flags and properties the base table declares",
                known.join(", ")
            ),
        };
        checker.report.error(
            CheckRule::SetUnknown,
            setting.key.span.clone(),
            format!("`set` names `{key}`, which is neither a flag nor a property; {expected}"),
        );
        return;
    };
    if let (Settable::Flag, SetValue::Boolean(false)) = (kind, &setting.value.value)
        && let Some(listing) = listed.and_then(|l| l.iter().find(|n| n.value == *key))
    {
        let place = checker.report.place(&listing.span);
        checker
            .report
            .error(
                CheckRule::FlagSetConflict,
                setting.value.span.clone(),
                format!("flag `{key}` is set false here and listed in `flags`, which sets it true; expected one of them"),
            )
            .notes
            .push(format!("listed at {place}"));
        return;
    }
    check_value(checker, key, kind, &setting.value);
}

/// `value` is a value of `name`, of kind `kind`.
fn check_value(checker: &mut Checker<'_>, name: &str, kind: &Settable, value: &Spanned<SetValue>) {
    let span = value.span.clone();
    let found = match &value.value {
        SetValue::Boolean(_) => "a boolean",
        SetValue::Integer(_) => "an integer",
        SetValue::Word(_) => "a string",
        SetValue::Other(what) => what,
    };
    match (kind, &value.value) {
        (Settable::Unread, _) | (Settable::Flag, SetValue::Boolean(_)) => {}
        (Settable::Integer(_), SetValue::Integer(_)) | (Settable::Words(_), SetValue::Word(_)) => {
            check_in_kind(checker, name, kind, value);
        }
        (Settable::Flag, _) => wrong_type(
            checker,
            span,
            format!("flag `{name}` is set to {found}; expected `true` or `false`"),
        ),
        (Settable::Integer(repr), _) => wrong_type(
            checker,
            span,
            format!("property `{name}` takes an integer of type `{repr}`, found {found}"),
        ),
        (Settable::Words(words), _) => wrong_type(
            checker,
            span,
            format!(
                "property `{name}` takes one of its words, found {found}; expected one of {}",
                quoted(words)
            ),
        ),
    }
}

/// A value of the right TOML type is one of the words, or fits the integer type.
fn check_in_kind(
    checker: &mut Checker<'_>,
    name: &str,
    kind: &Settable,
    value: &Spanned<SetValue>,
) {
    match (kind, &value.value) {
        (Settable::Words(words), SetValue::Word(word)) if !words.contains(word) => {
            let hint = words
                .iter()
                .map(|w| (strsim::damerau_levenshtein(w, word), w))
                .filter(|(d, w)| *d <= 2.max(w.len() / 4) && *d < w.len())
                .min_by_key(|(d, _)| *d)
                .map_or_else(
                    || format!("expected one of {}", quoted(words)),
                    |(_, w)| format!("did you mean `{w}`?"),
                );
            checker.report.error(
                CheckRule::PropertyValueUnknown,
                value.span.clone(),
                format!("\"{word}\" is not a value of property `{name}`; {hint}"),
            );
        }
        (Settable::Integer(repr), SetValue::Integer(n)) if !repr.contains(*n) => {
            checker.report.error(
                CheckRule::PropertyIntegerOutOfRange,
                value.span.clone(),
                format!(
                    "{n} does not fit property `{name}` of type `{repr}`; expected {}..={}",
                    repr.min(),
                    repr.max()
                ),
            );
        }
        _ => {}
    }
}

fn wrong_type(checker: &mut Checker<'_>, span: Range<usize>, message: String) {
    checker
        .report
        .error(CheckRule::ValueWrongType, span, message);
}

fn quoted(words: &[String]) -> String {
    let list: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    list.join(", ")
}
