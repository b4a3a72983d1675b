//! The checked table that code is generated from: the repr, intervals, codes, ranges, flags and
//! retired entries, every default applied.

use std::fmt;

/// The integer type of a table's codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Repr {
    /// `u8`
    U8,
    /// `u16`
    #[default]
    U16,
    /// `u32`
    U32,
    /// `u64`
    U64,
    /// `i8`
    I8,
    /// `i16`
    I16,
    /// `i32`
    I32,
    /// `i64`
    I64,
}

impl Repr {
    /// Every repr, in the order the spec format lists them.
    pub const ALL: [Repr; 8] = [
        Repr::U8,
        Repr::U16,
        Repr::U32,
        Repr::U64,
        Repr::I8,
        Repr::I16,
        Repr::I32,
        Repr::I64,
    ];

    /// The Rust name of the type.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Repr::U8 => "u8",
            Repr::U16 => "u16",
            Repr::U32 => "u32",
            Repr::U64 => "u64",
            Repr::I8 => "i8",
            Repr::I16 => "i16",
            Repr::I32 => "i32",
            Repr::I64 => "i64",
        }
    }

    /// Parses a Rust integer type name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Repr::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The smallest value of the type.
    #[must_use]
    pub const fn min(self) -> i128 {
        match self {
            Repr::U8 | Repr::U16 | Repr::U32 | Repr::U64 => 0,
            Repr::I8 => i8::MIN as i128,
            Repr::I16 => i16::MIN as i128,
            Repr::I32 => i32::MIN as i128,
            Repr::I64 => i64::MIN as i128,
        }
    }

    /// The largest value of the type.
    #[must_use]
    pub const fn max(self) -> i128 {
        match self {
            Repr::U8 => u8::MAX as i128,
            Repr::U16 => u16::MAX as i128,
            Repr::U32 => u32::MAX as i128,
            Repr::U64 => u64::MAX as i128,
            Repr::I8 => i8::MAX as i128,
            Repr::I16 => i16::MAX as i128,
            Repr::I32 => i32::MAX as i128,
            Repr::I64 => i64::MAX as i128,
        }
    }

    /// Whether `value` fits the type.
    #[must_use]
    pub const fn contains(self, value: i128) -> bool {
        value >= self.min() && value <= self.max()
    }
}

impl fmt::Display for Repr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An inclusive interval of codes, `start..=end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    /// First code.
    pub start: i128,
    /// Last code (inclusive).
    pub end: i128,
}

impl Interval {
    /// Whether `value` lies in the interval.
    #[must_use]
    pub fn contains(self, value: i128) -> bool {
        self.start <= value && value <= self.end
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}..={}", self.start, self.end)
        }
    }
}

/// A checked table: every rule holds, entries are ordered, defaults are applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The enum name the spec proposes (`[table] name`), if any.
    pub name: Option<String>,
    /// The integer type of the codes.
    pub repr: Repr,
    /// The enum's documentation from the spec.
    pub description: Option<String>,
    /// Whether the enum is `#[non_exhaustive]`.
    pub non_exhaustive: bool,
    /// The named codes, ordered by code; inherited ones included.
    pub codes: Vec<NamedCode>,
    /// The ranges, base tables' first, then in document order.
    pub ranges: Vec<CodeRange>,
    /// Whether codes and ranges cover every value of `repr`.
    pub total: bool,
    /// The built-in tables this one is, or extends (directly or through files).
    pub builtins: Vec<crate::Builtin>,
    /// The flags codes and ranges carry, base tables' first; every entry's `flags` follow this order.
    pub flags: Vec<Flag>,
    /// The typed properties codes and ranges carry, base tables' first; every entry's
    /// `properties` follow this order.
    pub properties: Vec<Property>,
    /// The base files read to build the table (every file an `extends` chain names), so that
    /// generated code can make the build depend on them.
    pub base_files: Vec<BaseFile>,
    /// Numbers and names never to be used again, the base's first.
    pub retired: Vec<Retired>,
    /// The `[[policy]]` entries of the table and its bases, the base's first: what each set and
    /// where (the values are already in the codes and ranges; this is for pointing at them).
    pub policies: Vec<PolicyPlace>,
    /// Where the table's `name`, `repr` and `non_exhaustive` were written (the spec's first line
    /// when they were not), for messages about them.
    pub locations: TableLocations,
}

/// Where the keys of a table's `[table]` section were written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableLocations {
    /// `name`, if written.
    pub name: Option<Location>,
    /// `repr`, if written.
    pub repr: Option<Location>,
    /// `non_exhaustive`, if written.
    pub non_exhaustive: Option<Location>,
    /// The first line of the spec that made the table.
    pub spec: Location,
}

/// Where something was written: a source, a line and a column, and that line, for messages that
/// point at a table's entries after it was checked (`closecodes breaking`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    /// The source it was written in.
    pub origin: Option<crate::Origin>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The line as a snippet shows it: control characters escaped, a long line clipped around
    /// the place (as [`crate::Error::line_text`]).
    pub line_text: String,
    /// Where the underline starts in `line_text`, in characters from its start.
    pub caret: usize,
    /// How many characters to underline (the whole value written there), at least one.
    pub width: usize,
}

/// A `[[policy]]` entry, checked: values of the table's own flags and properties at numbers its
/// base holds. The values are already in the codes and ranges; the entry is kept for pointing at
/// where a value was set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyPlace {
    /// The numbers, sorted.
    pub intervals: Vec<Interval>,
    /// The flags it sets, by index into `Table::flags`, with their values.
    pub flags: Vec<(usize, bool)>,
    /// The properties it sets, by index into `Table::properties`, with their values.
    pub properties: Vec<(usize, PropertyValue)>,
    /// Where the entry was written.
    pub location: Location,
}

impl PolicyPlace {
    /// Whether the policy covers `value`.
    #[must_use]
    pub fn covers(&self, value: i128) -> bool {
        self.intervals.iter().any(|iv| iv.contains(value))
    }

    /// `flags` and `properties` with the values the policy sets.
    pub fn apply(&self, flags: &mut [bool], properties: &mut [PropertyValue]) {
        for &(at, value) in &self.flags {
            if let Some(flag) = flags.get_mut(at) {
                *flag = value;
            }
        }
        for &(at, value) in &self.properties {
            if let Some(property) = properties.get_mut(at) {
                *property = value;
            }
        }
    }
}

/// A `[[retired]]` entry, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retired {
    /// The retired numbers, sorted.
    pub intervals: Vec<Interval>,
    /// The retired names.
    pub names: Vec<String>,
    /// Why.
    pub note: String,
    /// Where the entry was written.
    pub location: Location,
}

impl Retired {
    /// The entry as one line: its numbers, its names in backticks, then the note.
    #[must_use]
    pub fn summary(&self) -> String {
        let what: Vec<String> = self
            .intervals
            .iter()
            .map(ToString::to_string)
            .chain(self.names.iter().map(|n| format!("`{n}`")))
            .collect();
        format!("{}: {}", what.join(", "), self.note)
    }

    /// Whether `value` is a retired number of the entry.
    #[must_use]
    pub fn retires(&self, value: i128) -> bool {
        self.intervals.iter().any(|iv| iv.contains(value))
    }
}

/// A boolean property of codes, declared by `[[flag]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// The `snake_case` name; the generated predicate is `is_<name>`.
    pub name: String,
    /// What the flag means.
    pub description: String,
    /// The value of codes and ranges that do not set the flag.
    pub default: bool,
    /// Where the flag was declared (its `name = ...`).
    pub location: Location,
}

/// A typed property of codes, declared by `[[property]]`: one of a list of words, or an integer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// The `snake_case` name; the generated getter has this name (`action`, `retry_after_ms`).
    pub name: String,
    /// What the property means.
    pub description: String,
    /// The values it takes.
    pub kind: PropertyKind,
    /// The value of codes and ranges that inherit none.
    pub default: PropertyValue,
    /// Where the property was declared (its `name = ...`).
    pub location: Location,
}

impl Property {
    /// `value` as a spec writes it: the word (`back_off`) or the number (`1000`).
    #[must_use]
    pub fn written(&self, value: PropertyValue) -> String {
        match (value, &self.kind) {
            (PropertyValue::Word(at), PropertyKind::Words(words)) => {
                words.get(at).cloned().unwrap_or_default()
            }
            (PropertyValue::Integer(n), _) => n.to_string(),
            (PropertyValue::Word(at), PropertyKind::Integer(_)) => at.to_string(),
        }
    }

    /// The words of an enumerated property, in declaration order (none for an integer one).
    #[must_use]
    pub fn words(&self) -> &[String] {
        match &self.kind {
            PropertyKind::Words(words) => words,
            PropertyKind::Integer(_) => &[],
        }
    }
}

/// The values a [`Property`] takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PropertyKind {
    /// One of these `snake_case` words (at least two), in declaration order.
    Words(Vec<String>),
    /// An integer of this type: `u8`, `u16`, `u32`, `i8`, `i16` or `i32`.
    Integer(Repr),
}

/// The value of a [`Property`] at a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PropertyValue {
    /// The word at this index of the property's words.
    Word(usize),
    /// An integer (that fits the property's type).
    Integer(i64),
}

/// Which of the table's flags and properties an entry sets itself (in its `set`, or for a flag in
/// its `flags`); it inherits the others. Kept so that an extension's carve-out decides the values
/// of the base's codes inside it that the codes do not set themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Own {
    /// Per flag, in the order of [`Table::flags`].
    pub flags: Vec<bool>,
    /// Per property, in the order of [`Table::properties`].
    pub properties: Vec<bool>,
}

/// A spec file that a table extends, directly or through other files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseFile {
    /// The path as the `extends` key wrote it.
    pub written: String,
    /// The path it was read from (canonical where the file system could say).
    pub resolved: String,
}

/// A named code: a unit variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedCode {
    /// The variant name.
    pub name: String,
    /// The code.
    pub value: i128,
    /// The registry's short name.
    pub reason: Option<String>,
    /// What the code means.
    pub description: String,
    /// Whether the code may be sent in a close frame.
    pub sendable: bool,
    /// The value of each of the table's flags, in the order of `Table::flags`.
    pub flags: Vec<bool>,
    /// The value of each of the table's properties, in the order of `Table::properties`.
    pub properties: Vec<PropertyValue>,
    /// Which flags and properties the code sets itself.
    pub own: Own,
    /// Former names, generated as deprecated associated constants.
    pub aliases: Vec<String>,
    /// Why the code should no longer be used, if it should not.
    pub deprecated: Option<String>,
    /// Where the code was written (its `code = ...`).
    pub location: Location,
}

/// A range: a variant that carries the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeRange {
    /// The variant name.
    pub name: String,
    /// The intervals, sorted.
    pub intervals: Vec<Interval>,
    /// A short phrase for the whole range.
    pub reason: Option<String>,
    /// What the range is for.
    pub description: String,
    /// Whether codes of the range may be sent.
    pub sendable: bool,
    /// Whether extending tables may name codes in the range.
    pub assignable: bool,
    /// Codes documented inside the range without a variant of their own, ordered by code.
    pub documented: Vec<DocumentedCode>,
    /// The values of the table's flags and properties at the range's numbers: runs ordered by
    /// number that cover `intervals` exactly, each inside one interval. An interval has one run,
    /// unless an extension's `[[policy]]` covers part of it: then a run for each part (decided
    /// once, when the table is assembled).
    pub values: Vec<RangeValues>,
    /// Which flags and properties the range sets itself.
    pub own: Own,
    /// Where the range was written (its `name = ...`).
    pub location: Location,
}

impl CodeRange {
    /// The intervals written as in a spec: `1004, 1016..=2999`.
    #[must_use]
    pub fn intervals_text(&self) -> String {
        let parts: Vec<String> = self.intervals.iter().map(ToString::to_string).collect();
        parts.join(", ")
    }

    /// The run of values that holds `value`, if the range holds it.
    #[must_use]
    pub fn values_at(&self, value: i128) -> Option<&RangeValues> {
        let at = self
            .values
            .partition_point(|run| run.interval.start <= value);
        at.checked_sub(1)
            .and_then(|at| self.values.get(at))
            .filter(|run| run.interval.contains(value))
    }

    /// The range's values, if every one of its numbers has the same (as when no `[[policy]]`
    /// covers part of it); `None` for a range that holds no number.
    #[must_use]
    pub fn uniform_values(&self) -> Option<&RangeValues> {
        let first = self.values.first()?;
        self.values
            .iter()
            .all(|run| run.flags == first.flags && run.properties == first.properties)
            .then_some(first)
    }
}

/// The values of a table's flags and properties over a run of a range's numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeValues {
    /// The numbers, inside one of the range's intervals.
    pub interval: Interval,
    /// The value of each of the table's flags, in the order of `Table::flags`.
    pub flags: Vec<bool>,
    /// The value of each of the table's properties, in the order of `Table::properties`.
    pub properties: Vec<PropertyValue>,
}

/// A code documented inside a range: it has a reason and a description but no variant.
///
/// Where the spec leaves `reason`, `sendable`, a flag or a property out, the checked table holds
/// the range's (decided once, when the table is assembled), so every output reads the same value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentedCode {
    /// The code.
    pub value: i128,
    /// The registry's short name: the code's own, else its range's.
    pub reason: Option<String>,
    /// What the code means.
    pub description: String,
    /// Whether the code may be sent: as written, else as its range.
    pub sendable: bool,
    /// The value of each of the table's flags: as written, else as its range.
    pub flags: Vec<bool>,
    /// The value of each of the table's properties: as written, else as its range.
    pub properties: Vec<PropertyValue>,
    /// Which flags and properties the code sets itself.
    pub own: Own,
    /// Where the code was written (its `code = ...`).
    pub location: Location,
}

/// The intervals of a table's ranges, sorted, to find the range holding a code in O(log n).
pub(crate) struct IntervalIndex(pub(crate) Vec<(Interval, usize)>);

impl IntervalIndex {
    pub(crate) fn new(ranges: &[CodeRange]) -> Self {
        let mut index: Vec<(Interval, usize)> = ranges
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.intervals.iter().map(move |iv| (*iv, i)))
            .collect();
        index.sort();
        IntervalIndex(index)
    }

    /// The index of the range holding `value`, if any.
    pub(crate) fn find(&self, value: i128) -> Option<usize> {
        let at = self.0.partition_point(|(iv, _)| iv.start <= value);
        at.checked_sub(1)
            .and_then(|p| self.0.get(p))
            .filter(|(iv, _)| iv.contains(value))
            .map(|(_, i)| *i)
    }
}
