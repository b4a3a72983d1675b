//! The spec as written: every key with its span, before any rule is checked.

use std::ops::Range;

use super::{Interval, Repr};

/// A value with the byte range of the text it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Byte range in the spec's text.
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    /// Pairs `value` with `span`.
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }
}

/// A spec as written: every key with its span, before any rule is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    /// `extends = "..."`: a built-in table name or a path relative to this spec.
    pub extends: Option<Spanned<String>>,
    /// The `[table]` section.
    pub table: TableSpec,
    /// The `[[range]]` entries, in document order.
    pub ranges: Vec<RangeSpec>,
    /// The `[[code]]` entries, in document order.
    pub codes: Vec<CodeSpec>,
    /// The `[[flag]]` entries, in document order.
    pub flags: Vec<FlagSpec>,
    /// The `[[property]]` entries, in document order.
    pub properties: Vec<PropertySpec>,
    /// The `[[retired]]` entries, in document order.
    pub retired: Vec<RetiredSpec>,
    /// The `[[policy]]` entries, in document order.
    pub policies: Vec<PolicySpec>,
}

/// One `[[policy]]` entry as written: values of the table's own flags and properties at numbers
/// its base holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicySpec {
    /// Span of the whole entry.
    pub span: Range<usize>,
    /// `codes`: the numbers, in the forms of a range's `codes`.
    pub intervals: Vec<Spanned<Interval>>,
    /// `set = { ... }`: the flags and properties it sets, in the order written.
    pub set: Vec<Setting>,
    /// The span of the `set` value (the entry's header when it has none), for an empty one.
    pub set_span: Range<usize>,
}

/// One `[[retired]]` entry as written: numbers and names that must never be used again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetiredSpec {
    /// Span of the whole entry.
    pub span: Range<usize>,
    /// `codes`: the retired numbers, in the forms of a range's `codes`.
    pub intervals: Vec<Spanned<Interval>>,
    /// `names`: the retired names.
    pub names: Vec<Spanned<String>>,
    /// `note`: why.
    pub note: Spanned<String>,
}

/// One `[[flag]]` entry as written: a boolean property that codes and ranges may set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagSpec {
    /// Span of the whole entry.
    pub span: Range<usize>,
    /// The `snake_case` name; the generated predicate is `is_<name>`.
    pub name: Spanned<String>,
    /// What the flag means, for the predicate's docs.
    pub description: Spanned<String>,
    /// The value of codes and ranges that do not list the flag; `false` when absent.
    pub default: Option<Spanned<bool>>,
}

/// One `[[property]]` entry as written: a typed property that codes and ranges may set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PropertySpec {
    /// Span of the whole entry.
    pub span: Range<usize>,
    /// The `snake_case` name; the generated getter has this name.
    pub name: Spanned<String>,
    /// What the property means, for the getter's docs.
    pub description: Spanned<String>,
    /// `values`: the words of an enumerated property (the span is the whole list's).
    pub values: Option<Spanned<Vec<Spanned<String>>>>,
    /// `type`: the integer type of an integer property, as written.
    pub integer: Option<Spanned<String>>,
    /// `default`: the value of codes and ranges that inherit none; the first word, or 0, when
    /// absent.
    pub default: Option<Spanned<SetValue>>,
}

/// A value a spec gives a flag or property (`set = { ... }`, a property's `default`), of the
/// TOML type it was written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetValue {
    /// `true` or `false`: a flag's value.
    Boolean(bool),
    /// An integer: an integer property's value.
    Integer(i128),
    /// A string: a word of an enumerated property.
    Word(String),
    /// Any other TOML value, by what it is (`"a float"`), for the message that refuses it.
    Other(&'static str),
}

/// One `key = value` of an entry's `set = { ... }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    /// The flag or property it sets.
    pub key: Spanned<String>,
    /// The value.
    pub value: Spanned<SetValue>,
}

/// The `[table]` section as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableSpec {
    /// `name`: the default enum name.
    pub name: Option<Spanned<String>>,
    /// `repr`: the integer type.
    pub repr: Option<Spanned<Repr>>,
    /// `description`: the enum's documentation.
    pub description: Option<Spanned<String>>,
    /// `non_exhaustive`.
    pub non_exhaustive: Option<Spanned<bool>>,
}

/// One `[[range]]` entry as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeSpec {
    /// Span of the whole entry (its header for `[[range]]` tables).
    pub span: Range<usize>,
    /// `name`: the catch-all variant.
    pub name: Spanned<String>,
    /// `codes`: the intervals, each with the span of the text it came from.
    pub intervals: Vec<Spanned<Interval>>,
    /// `reason`.
    pub reason: Option<Spanned<String>>,
    /// `description`.
    pub description: Spanned<String>,
    /// `sendable`.
    pub sendable: Option<Spanned<bool>>,
    /// `assignable`.
    pub assignable: Option<Spanned<bool>>,
    /// The flags the range sets true, each with its span; `None` when the key is absent.
    pub flags: Option<Vec<Spanned<String>>>,
    /// `set = { ... }`: the flags and properties the range sets, in the order written.
    pub set: Vec<Setting>,
}

/// One `[[code]]` entry as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeSpec {
    /// Span of the whole entry.
    pub span: Range<usize>,
    /// `code`.
    pub code: Spanned<i128>,
    /// `name`: a unit variant; absent for a code documented inside its range.
    pub name: Option<Spanned<String>>,
    /// `reason`.
    pub reason: Option<Spanned<String>>,
    /// `description`.
    pub description: Spanned<String>,
    /// `sendable`.
    pub sendable: Option<Spanned<bool>>,
    /// The flags the code sets true, each with its span; `None` when the key is absent. The code
    /// inherits every flag it does not set.
    pub flags: Option<Vec<Spanned<String>>>,
    /// `set = { ... }`: the flags and properties the code sets, in the order written.
    pub set: Vec<Setting>,
    /// Former names of a named code (a registry renamed it), each with its span.
    pub aliases: Vec<Spanned<String>>,
    /// `deprecated`: why the code should no longer be used, and what to use instead.
    pub deprecated: Option<Spanned<String>>,
}
