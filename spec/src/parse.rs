//! TOML text to `Spec`: types, required and unknown keys, range syntax; every error collected.

use std::fmt::Write as _;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::error::Report;
use crate::model::{
    CodeSpec, FlagSpec, Interval, PolicySpec, PropertySpec, RangeSpec, Repr, RetiredSpec, SetValue,
    Setting, Spanned, Spec, TableSpec,
};
use crate::rules::CheckRule;
use crate::{Error, Errors, Source};

const TOP_KEYS: &[&str] = &[
    "extends", "table", "flag", "property", "range", "code", "retired", "policy",
];
const POLICY_KEYS: &[&str] = &["codes", "set"];
const PROPERTY_KEYS: &[&str] = &["name", "description", "values", "type", "default"];
const RETIRED_KEYS: &[&str] = &["codes", "names", "note"];
const FLAG_KEYS: &[&str] = &["name", "description", "default"];
const TABLE_KEYS: &[&str] = &["name", "repr", "description", "non_exhaustive"];
const RANGE_KEYS: &[&str] = &[
    "name",
    "codes",
    "reason",
    "description",
    "sendable",
    "assignable",
    "flags",
    "set",
];
const CODE_KEYS: &[&str] = &[
    "code",
    "name",
    "reason",
    "description",
    "sendable",
    "flags",
    "set",
    "aliases",
    "deprecated",
];

/// Parses a spec, reporting every problem of structure at once.
///
/// # Errors
///
/// Returns every syntax error, wrong type, unknown or missing key and malformed range.
pub fn parse(source: &Source) -> Result<Spec, Errors> {
    let (spec, errors) = parse_recoverable(source);
    match Errors::from_vec(errors) {
        Some(errors) => Err(errors),
        None => Ok(spec),
    }
}

/// Parses as much of a spec as can be read, with the errors found on the way.
///
/// Entries missing a required key, or with a required key of the wrong type, are left out of the
/// returned `Spec`, so that later checks do not report follow-up errors about them.
#[must_use]
pub fn parse_recoverable(source: &Source) -> (Spec, Vec<Error>) {
    let mut errors = Vec::new();
    let mut p = Parser {
        report: Report::new(source, &mut errors),
    };
    let (root, syntax) = DeTable::parse_recoverable(&source.text);
    for e in syntax {
        let span = e.span().unwrap_or(0..0);
        let message = lowercase_first(e.message().trim_end().trim_end_matches('.'));
        p.report.error(
            CheckRule::TomlSyntax,
            span,
            format!("invalid TOML: {message}"),
        );
    }
    let syntax_errors = p.report.count();
    let spec = p.spec(root.get_ref());
    // A value the TOML parser had to make up while recovering is not worth a second error.
    let made_up: Vec<usize> = p.report.errors_mut()[..syntax_errors]
        .iter()
        .map(|e| e.span.start)
        .collect();
    let mut index = 0;
    errors.retain(|e| {
        index += 1;
        index <= syntax_errors || !made_up.contains(&e.span.start)
    });
    (spec, errors)
}

struct Parser<'s> {
    report: Report<'s>,
}

impl Parser<'_> {
    fn error(&mut self, rule: CheckRule, span: Range<usize>, message: String) {
        self.report.error(rule, span, message);
    }

    fn spec(&mut self, root: &DeTable<'_>) -> Spec {
        let mut spec = Spec::default();
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "extends" => spec.extends = self.string(key.get_ref(), value, false),
                "table" => match value.get_ref() {
                    DeValue::Table(t) => spec.table = self.table(t),
                    other => self.wrong_type("table", value.span(), "a table (`[table]`)", other),
                },
                "flag" => {
                    for (entry_span, entry) in self.entries(key.get_ref(), value) {
                        if let Some(flag) = self.flag(entry_span, entry) {
                            spec.flags.push(flag);
                        }
                    }
                }
                "property" => {
                    for (entry_span, entry) in self.entries(key.get_ref(), value) {
                        if let Some(property) = self.property(entry_span, entry) {
                            spec.properties.push(property);
                        }
                    }
                }
                "range" => {
                    for (entry_span, entry) in self.entries(key.get_ref(), value) {
                        if let Some(range) = self.range(entry_span, entry) {
                            spec.ranges.push(range);
                        }
                    }
                }
                "code" => {
                    for (entry_span, entry) in self.entries(key.get_ref(), value) {
                        if let Some(code) = self.code(entry_span, entry) {
                            spec.codes.push(code);
                        }
                    }
                }
                "retired" => {
                    for (entry_span, entry) in self.entries(key.get_ref(), value) {
                        if let Some(retired) = self.retired(entry_span, entry) {
                            spec.retired.push(retired);
                        }
                    }
                }
                "policy" => {
                    for (entry_span, entry) in self.entries(key.get_ref(), value) {
                        if let Some(policy) = self.policy(entry_span, entry) {
                            spec.policies.push(policy);
                        }
                    }
                }
                _ => self.unknown_key(key, TOP_KEYS, "at the top level"),
            }
        }
        spec
    }

    /// The tables of an array of tables (`[[range]]`), reporting anything else.
    fn entries<'a, 'i>(
        &mut self,
        key: &str,
        value: &'a toml::Spanned<DeValue<'i>>,
    ) -> Vec<(Range<usize>, &'a DeTable<'i>)> {
        let expected = format!("an array of tables (`[[{key}]]`)");
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value.span(), &expected, value.get_ref());
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => out.push((item.span(), t)),
                other => self.wrong_type(key, item.span(), &expected, other),
            }
        }
        out
    }

    fn table(&mut self, table: &DeTable<'_>) -> TableSpec {
        let mut out = TableSpec::default();
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "name" => out.name = self.string(k, value, true),
                "description" => out.description = self.string(k, value, true),
                "non_exhaustive" => out.non_exhaustive = self.boolean(k, value),
                "repr" => {
                    if let Some(s) = self.string(k, value, true) {
                        match Repr::from_name(&s.value) {
                            Some(r) => out.repr = Some(Spanned::new(r, s.span)),
                            None => self.error(
                                CheckRule::ReprUnknown,
                                s.span,
                                format!(
                                    "unknown `repr` \"{}\"; expected one of {}",
                                    s.value,
                                    quoted_list(Repr::ALL.iter().map(|r| r.name()))
                                ),
                            ),
                        }
                    }
                }
                _ => self.unknown_key(key, TABLE_KEYS, "in `[table]`"),
            }
        }
        out
    }

    fn flag(&mut self, span: Range<usize>, table: &DeTable<'_>) -> Option<FlagSpec> {
        let (mut name, mut description, mut default) = (None, None, None);
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "name" => name = self.string(k, value, true),
                "description" => description = self.string(k, value, true),
                "default" => default = self.boolean(k, value),
                _ => self.unknown_key(key, FLAG_KEYS, "in a `[[flag]]`"),
            }
        }
        self.report_missing(
            &span,
            "[[flag]]",
            table,
            &[
                (
                    "name",
                    "its snake_case name, e.g. `name = \"reconnectable\"`",
                ),
                ("description", "a sentence saying what the flag means"),
            ],
        );
        // A missing or empty description is reported; the entry's other errors still are too.
        let description = description.unwrap_or_else(|| Spanned::new(String::new(), span.clone()));
        Some(FlagSpec {
            span,
            name: name?,
            description,
            default,
        })
    }

    fn property(&mut self, span: Range<usize>, table: &DeTable<'_>) -> Option<PropertySpec> {
        let (mut name, mut description, mut values, mut integer, mut default) =
            (None, None, None, None, None);
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "name" => name = self.string(k, value, true),
                "description" => description = self.string(k, value, true),
                "values" => {
                    values = self
                        .name_list("values", value)
                        .map(|words| Spanned::new(words, value.span()));
                }
                "type" => integer = self.string(k, value, true),
                "default" => default = Some(set_value(value)),
                _ => self.unknown_key(key, PROPERTY_KEYS, "in a `[[property]]`"),
            }
        }
        self.report_missing(
            &span,
            "[[property]]",
            table,
            &[
                ("name", "its snake_case name, e.g. `name = \"action\"`"),
                ("description", "a sentence saying what the property means"),
            ],
        );
        let description = description.unwrap_or_else(|| Spanned::new(String::new(), span.clone()));
        Some(PropertySpec {
            span,
            name: name?,
            description,
            values,
            integer,
            default,
        })
    }

    /// `set = { flag = true, property = "word" }`: each key and its value, as written.
    fn settings(&mut self, value: &toml::Spanned<DeValue<'_>>) -> Vec<Setting> {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(
                "set",
                value.span(),
                "a table of flags and properties (`set = { action = \"stop\" }`)",
                value.get_ref(),
            );
            return Vec::new();
        };
        table
            .iter()
            .map(|(key, value)| Setting {
                key: Spanned::new(key.get_ref().to_string(), key.span()),
                value: set_value(value),
            })
            .collect()
    }

    /// `flags = ["a", "b"]`: the names, each with its span.
    fn flag_list(&mut self, value: &toml::Spanned<DeValue<'_>>) -> Option<Vec<Spanned<String>>> {
        self.name_list("flags", value)
    }

    /// A list of names (`flags = [...]`, `aliases = [...]`), each with its span.
    fn name_list(
        &mut self,
        key: &str,
        value: &toml::Spanned<DeValue<'_>>,
    ) -> Option<Vec<Spanned<String>>> {
        let DeValue::Array(items) = value.get_ref() else {
            let expected = format!("a list of names, as in `{key} = [\"...\"]`");
            self.wrong_type(key, value.span(), &expected, value.get_ref());
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            out.push(self.string(key, item, true)?);
        }
        Some(out)
    }

    fn range(&mut self, span: Range<usize>, table: &DeTable<'_>) -> Option<RangeSpec> {
        let (mut name, mut intervals, mut reason, mut description) = (None, None, None, None);
        let (mut sendable, mut assignable, mut flags, mut set) = (None, None, None, Vec::new());
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "name" => name = self.string(k, value, true),
                "codes" => intervals = self.intervals(value),
                "reason" => reason = self.string(k, value, true),
                "description" => description = self.string(k, value, true),
                "sendable" => sendable = self.boolean(k, value),
                "assignable" => assignable = self.boolean(k, value),
                "flags" => flags = self.flag_list(value),
                "set" => set = self.settings(value),
                _ => self.unknown_key(key, RANGE_KEYS, "in a `[[range]]`"),
            }
        }
        self.report_missing(
            &span,
            "[[range]]",
            table,
            &[
                ("name", "the name of its variant, e.g. `name = \"Library\"`"),
                ("codes", "its codes, e.g. `codes = \"4000..=4999\"`"),
                ("description", "a sentence saying what the codes are for"),
            ],
        );
        // A missing or empty description is reported; the entry's other errors still are too.
        let description = description.unwrap_or_else(|| Spanned::new(String::new(), span.clone()));
        Some(RangeSpec {
            span,
            name: name?,
            intervals: intervals?,
            reason,
            description,
            sendable,
            assignable,
            flags,
            set,
        })
    }

    fn code(&mut self, span: Range<usize>, table: &DeTable<'_>) -> Option<CodeSpec> {
        let (mut code, mut name, mut reason, mut description, mut sendable) =
            (None, None, None, None, None);
        let (mut flags, mut aliases, mut deprecated, mut set) = (None, None, None, Vec::new());
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "aliases" => aliases = self.name_list("aliases", value),
                "deprecated" => deprecated = self.string(k, value, true),
                "code" => code = self.integer(k, value),
                "name" => name = self.string(k, value, true),
                "reason" => reason = self.string(k, value, true),
                "description" => description = self.string(k, value, true),
                "sendable" => sendable = self.boolean(k, value),
                "flags" => flags = self.flag_list(value),
                "set" => set = self.settings(value),
                _ => self.unknown_key(key, CODE_KEYS, "in a `[[code]]`"),
            }
        }
        self.report_missing(
            &span,
            "[[code]]",
            table,
            &[
                ("code", "its number, e.g. `code = 4001`"),
                ("description", "a sentence saying what the code means"),
            ],
        );
        // A missing or empty description is reported; the entry's other errors still are too.
        let description = description.unwrap_or_else(|| Spanned::new(String::new(), span.clone()));
        if name.is_none() && table.contains_key("name") {
            return None; // a name of the wrong type (reported): the code is not an unnamed one
        }
        Some(CodeSpec {
            span,
            code: code?,
            name,
            reason,
            description,
            sendable,
            flags,
            set,
            aliases: aliases.unwrap_or_default(),
            deprecated,
        })
    }

    /// A `[[retired]]` entry: numbers (`codes`) and names (`names`) never to be used again, and why.
    fn retired(&mut self, span: Range<usize>, table: &DeTable<'_>) -> Option<RetiredSpec> {
        let (mut intervals, mut names, mut note) = (None, None, None);
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "codes" => intervals = self.intervals(value),
                "names" => names = self.name_list("names", value),
                "note" => note = self.string(k, value, true),
                _ => self.unknown_key(key, RETIRED_KEYS, "in a `[[retired]]`"),
            }
        }
        self.report_missing(
            &span,
            "[[retired]]",
            table,
            &[(
                "note",
                "why the numbers and names are retired, e.g. `note = \"replaced by SessionExpired in v2\"`",
            )],
        );
        if !table.contains_key("codes") && !table.contains_key("names") {
            self.error(
                CheckRule::RetiredEmpty,
                header_span(&self.report.source.text, &span),
                "this `[[retired]]` retires nothing; expected `codes`, `names` or both".to_owned(),
            );
        }
        Some(RetiredSpec {
            span,
            intervals: intervals.unwrap_or_default(),
            names: names.unwrap_or_default(),
            note: note?,
        })
    }

    /// A `[[policy]]` entry: numbers of the base (`codes`) and the values it gives them (`set`).
    fn policy(&mut self, span: Range<usize>, table: &DeTable<'_>) -> Option<PolicySpec> {
        let (mut intervals, mut set, mut set_span) = (None, None, None);
        for (key, value) in table {
            let k = key.get_ref().as_ref();
            match k {
                "codes" => intervals = self.intervals(value),
                "set" => {
                    set_span = Some(value.span());
                    let is_table = matches!(value.get_ref(), DeValue::Table(_));
                    let settings = self.settings(value);
                    // A `set` of the wrong type is reported; the entry is left out.
                    set = is_table.then_some(settings);
                }
                _ => self.unknown_key(key, POLICY_KEYS, "in a `[[policy]]`"),
            }
        }
        self.report_missing(
            &span,
            "[[policy]]",
            table,
            &[
                ("codes", "the base's numbers it covers, e.g. `codes = \"1002..=1004\"`"),
                (
                    "set",
                    "the values it gives the table's own flags and properties there, e.g. `set = { action = \"stop\" }`",
                ),
            ],
        );
        let header = header_span(&self.report.source.text, &span);
        Some(PolicySpec {
            span: header.clone(),
            intervals: intervals?,
            set: set?,
            set_span: set_span.unwrap_or(header),
        })
    }

    /// Reports each required key that is absent.
    fn report_missing(
        &mut self,
        span: &Range<usize>,
        what: &str,
        table: &DeTable<'_>,
        required: &[(&str, &str)],
    ) {
        for (key, hint) in required {
            if !table.contains_key(*key) {
                self.error(
                    CheckRule::KeyMissing,
                    header_span(&self.report.source.text, span),
                    format!("missing key `{key}` in this `{what}`; expected {hint}"),
                );
            }
        }
    }

    fn string(
        &mut self,
        key: &str,
        value: &toml::Spanned<DeValue<'_>>,
        non_empty: bool,
    ) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(s) => {
                if non_empty && s.trim().is_empty() {
                    self.error(
                        CheckRule::ValueEmpty,
                        value.span(),
                        format!("`{key}` is empty; expected a non-empty string"),
                    );
                    return None;
                }
                Some(Spanned::new(s.to_string(), value.span()))
            }
            other => {
                self.wrong_type(key, value.span(), "a string", other);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, value: &toml::Spanned<DeValue<'_>>) -> Option<Spanned<bool>> {
        if let DeValue::Boolean(b) = value.get_ref() {
            Some(Spanned::new(*b, value.span()))
        } else {
            self.wrong_type(key, value.span(), "`true` or `false`", value.get_ref());
            None
        }
    }

    fn integer(&mut self, key: &str, value: &toml::Spanned<DeValue<'_>>) -> Option<Spanned<i128>> {
        match value.get_ref() {
            DeValue::Integer(i) => {
                let n = i128::from_str_radix(i.as_str(), i.radix()).ok();
                if n.is_none() {
                    self.error(
                        CheckRule::IntegerTooLarge,
                        value.span(),
                        format!("`{key}` {} is too large for any integer type", i.as_str()),
                    );
                }
                n.map(|n| Spanned::new(n, value.span()))
            }
            DeValue::String(s) if parse_number(s).is_some() => {
                self.error(
                    CheckRule::ValueWrongType,
                    value.span(),
                    format!("expected an integer for `{key}`, found the string \"{s}\"; remove the quotes"),
                );
                None
            }
            other => {
                self.wrong_type(key, value.span(), "an integer", other);
                None
            }
        }
    }

    /// `codes = "a..=b"`, `"n"`, `n`, or a list of those.
    fn intervals(&mut self, value: &toml::Spanned<DeValue<'_>>) -> Option<Vec<Spanned<Interval>>> {
        let items: Vec<&toml::Spanned<DeValue<'_>>> = match value.get_ref() {
            DeValue::Array(items) => {
                if items.iter().next().is_none() {
                    self.error(
                        CheckRule::CodesEmpty,
                        value.span(),
                        "`codes` is an empty list; expected at least one range such as \"4000..=4999\"".to_owned(),
                    );
                    return None;
                }
                items.iter().collect()
            }
            _ => vec![value],
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items {
            match self.interval(item) {
                Some(i) => out.push(i),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn interval(&mut self, value: &toml::Spanned<DeValue<'_>>) -> Option<Spanned<Interval>> {
        let span = value.span();
        match value.get_ref() {
            DeValue::Integer(_) => {
                let n = self.integer("codes", value)?;
                Some(Spanned::new(
                    Interval {
                        start: n.value,
                        end: n.value,
                    },
                    span,
                ))
            }
            DeValue::String(s) => match read_interval(s) {
                Ok(interval) => Some(Spanned::new(interval, span)),
                Err((rule, message)) => {
                    self.error(rule, span, message);
                    None
                }
            },
            other => {
                self.wrong_type(
                    "codes",
                    span,
                    "a range string such as \"4000..=4999\", a code, or a list of them",
                    other,
                );
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &str, span: Range<usize>, expected: &str, found: &DeValue<'_>) {
        let found = match found {
            DeValue::String(_) => "a string",
            DeValue::Integer(_) => "an integer",
            DeValue::Float(_) => "a float",
            DeValue::Boolean(_) => "a boolean",
            DeValue::Datetime(_) => "a datetime",
            DeValue::Array(_) => "an array",
            DeValue::Table(_) => "a table",
        };
        self.error(
            CheckRule::ValueWrongType,
            span,
            format!("expected {expected} for `{key}`, found {found}"),
        );
    }

    fn unknown_key(
        &mut self,
        key: &toml::Spanned<toml::de::DeString<'_>>,
        known: &[&str],
        place: &str,
    ) {
        let name = key.get_ref().as_ref();
        let mut message = format!("unknown key `{name}` {place}");
        if let Some(close) = closest(name, known) {
            let _ = write!(message, "; did you mean `{close}`?");
        } else {
            let _ = write!(
                message,
                "; expected one of {}",
                quoted_list(known.iter().copied())
            );
        }
        self.error(CheckRule::KeyUnknown, key.span(), message);
    }
}

/// A value of `set` or a property's `default`, as written: its checks need the property.
fn set_value(value: &toml::Spanned<DeValue<'_>>) -> Spanned<SetValue> {
    let read = match value.get_ref() {
        DeValue::Boolean(b) => SetValue::Boolean(*b),
        DeValue::String(s) => SetValue::Word(s.to_string()),
        DeValue::Integer(i) => match i128::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => SetValue::Integer(n),
            Err(_) => SetValue::Other("an integer too large for any integer type"),
        },
        DeValue::Float(_) => SetValue::Other("a float"),
        DeValue::Datetime(_) => SetValue::Other("a datetime"),
        DeValue::Array(_) => SetValue::Other("an array"),
        DeValue::Table(_) => SetValue::Other("a table"),
    };
    Spanned::new(read, value.span())
}

/// The known key closest to `name`, if it is close enough to be a likely typo.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4) && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses `"a..=b"` or a single `"n"` (decimal, optionally signed, `_` separators allowed).
///
/// # Errors
///
/// A message for a malformed or inverted range, as the spec's checks word it.
pub fn parse_interval(s: &str) -> Result<Interval, String> {
    read_interval(s).map_err(|(_, message)| message)
}

/// [`parse_interval`], with the rule a malformed or inverted interval breaks.
fn read_interval(s: &str) -> Result<Interval, (CheckRule, String)> {
    let parsed = match s.split_once("..=") {
        Some((a, b)) => parse_number(a).zip(parse_number(b)),
        None => parse_number(s).map(|n| (n, n)),
    };
    match parsed {
        Some((start, end)) if start > end => Err((
            CheckRule::IntervalInverted,
            format!(
                "inverted range \"{s}\": it starts after it ends; expected \"{end}..={start}\""
            ),
        )),
        Some((start, end)) => Ok(Interval { start, end }),
        None => {
            let hint = if s.contains("..") && !s.contains("..=") {
                "; ranges are inclusive and written with `..=`"
            } else {
                ""
            };
            Err((
                CheckRule::IntervalMalformed,
                format!(
                    "malformed range \"{s}\"; expected \"start..=end\" or a single code, such as \"4000..=4999\"{hint}"
                ),
            ))
        }
    }
}

/// A decimal integer, optionally signed, with `_` separators allowed.
fn parse_number(text: &str) -> Option<i128> {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        || digits.starts_with('_')
    {
        return None;
    }
    text.replace('_', "").parse().ok()
}

/// For a `[[header]]` table, the span of its header line; otherwise the span itself.
fn header_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(span.clone()) else {
        return span.clone();
    };
    let len = slice.find('\n').unwrap_or(slice.len());
    span.start..span.start + len.max(1)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
