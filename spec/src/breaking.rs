//! What changed between two versions of a table that breaks clients already deployed: each change
//! a [`Rule`] with a stable id, in a [`Category`], at the place of the new table (of the old one
//! for what was removed, marked [`Version::Old`]). `closecodes breaking` prints them; this
//! module only compares.
//!
//! What is compared is what every number means and what every name refers to, not declarations:
//! at every number, who holds it (a named code, or a range's variant, for a documented code too),
//! its sendability and the value of every flag and property, whoever holds it now; for every
//! name (aliases included), its number; for the table, its name, repr, exhaustiveness and
//! totality. A number moving from a range's variant to a new code or carve-out of an assignable
//! range is an addition; a value that changes there is not. Numbers are compared as segments:
//! each table is cut into maximal runs of numbers with one holder and the same sendability, flags
//! and properties, so that comparing two 10,000-code tables is two sorted walks, and a change
//! over adjacent numbers is reported once with the numbers as a range.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::{Interval, Location, Property, PropertyValue, Table};

/// What a breaking change breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// What a deployed client reads off the wire: numbers, sendability, the repr.
    Wire,
    /// What code written against the generated API compiles against: variants, aliases.
    Source,
    /// What a deployed client does with a code: its flags and properties (a reconnect policy).
    Behaviour,
}

impl Category {
    /// Every category, in the order they are listed.
    pub const ALL: [Category; 3] = [Category::Wire, Category::Source, Category::Behaviour];

    /// `wire`, `source`, `behaviour`: the name in every output.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Category::Wire => "wire",
            Category::Source => "source",
            Category::Behaviour => "behaviour",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rule of `closecodes breaking`, with a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A name's number changed: a named code's, or an alias's that now names another code.
    CodeNumberChanged,
    /// A named code was removed and its number not retired.
    CodeRemovedUnlessRetired,
    /// A retired number or name is used again.
    RetiredReused,
    /// A retired number or name is no longer retired.
    RetiredRemoved,
    /// The sendability of some numbers changed, whoever holds them now.
    SendableChanged,
    /// A number moved to another named code or range, or out of the table.
    NumberMoved,
    /// The repr holds fewer values.
    ReprNarrowed,
    /// A variant (a named code or a range) was removed or renamed without keeping its name as an
    /// alias.
    VariantRemoved,
    /// An alias was removed.
    AliasRemoved,
    /// The table became exhaustive.
    TableMadeExhaustive,
    /// The value of a flag at some numbers changed, in either direction, whoever holds them now
    /// (a code, a documented code, a number of a range given to a new code or left to the range);
    /// a range's own flags are [`Rule::RangeFlagsChanged`].
    FlagChanged,
    /// A flag was removed.
    FlagRemoved,
    /// A flag of a range changed.
    RangeFlagsChanged,
    /// The value of a property at some numbers changed, whoever holds them now.
    PropertyChanged,
    /// A property was removed: its getter and its type no longer exist.
    PropertyRemoved,
    /// A value of an enumerated property was removed: its variant no longer exists.
    PropertyValueRemoved,
    /// The repr changed without narrowing: `from_u16` and `as_u16` are gone.
    ReprChanged,
    /// The table's name changed.
    TableRenamed,
    /// A removed named code's number is held by another named code: it means something else.
    NumberReused,
    /// The table became non-exhaustive: a `match` without a wildcard arm no longer compiles.
    TableMadeNonExhaustive,
    /// The table became total or stopped being total: `from_u16` and the conversions changed.
    TableTotalityChanged,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 21] = [
        Rule::CodeNumberChanged,
        Rule::CodeRemovedUnlessRetired,
        Rule::RetiredReused,
        Rule::RetiredRemoved,
        Rule::SendableChanged,
        Rule::NumberMoved,
        Rule::ReprNarrowed,
        Rule::VariantRemoved,
        Rule::AliasRemoved,
        Rule::TableMadeExhaustive,
        Rule::FlagChanged,
        Rule::FlagRemoved,
        Rule::RangeFlagsChanged,
        Rule::PropertyChanged,
        Rule::PropertyRemoved,
        Rule::PropertyValueRemoved,
        Rule::ReprChanged,
        Rule::TableRenamed,
        Rule::NumberReused,
        Rule::TableMadeNonExhaustive,
        Rule::TableTotalityChanged,
    ];

    /// The stable id: `CODE_NUMBER_CHANGED`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Rule::CodeNumberChanged => "CODE_NUMBER_CHANGED",
            Rule::CodeRemovedUnlessRetired => "CODE_REMOVED_UNLESS_RETIRED",
            Rule::RetiredReused => "RETIRED_REUSED",
            Rule::RetiredRemoved => "RETIRED_REMOVED",
            Rule::SendableChanged => "SENDABLE_CHANGED",
            Rule::NumberMoved => "NUMBER_MOVED",
            Rule::ReprNarrowed => "REPR_NARROWED",
            Rule::VariantRemoved => "VARIANT_REMOVED",
            Rule::AliasRemoved => "ALIAS_REMOVED",
            Rule::TableMadeExhaustive => "TABLE_MADE_EXHAUSTIVE",
            Rule::FlagChanged => "FLAG_CHANGED",
            Rule::FlagRemoved => "FLAG_REMOVED",
            Rule::RangeFlagsChanged => "RANGE_FLAGS_CHANGED",
            Rule::PropertyChanged => "PROPERTY_CHANGED",
            Rule::PropertyRemoved => "PROPERTY_REMOVED",
            Rule::PropertyValueRemoved => "PROPERTY_VALUE_REMOVED",
            Rule::ReprChanged => "REPR_CHANGED",
            Rule::TableRenamed => "TABLE_RENAMED",
            Rule::NumberReused => "NUMBER_REUSED",
            Rule::TableMadeNonExhaustive => "TABLE_MADE_NON_EXHAUSTIVE",
            Rule::TableTotalityChanged => "TABLE_TOTALITY_CHANGED",
        }
    }

    /// The rule with id `id`.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The category of the rule.
    #[must_use]
    pub const fn category(self) -> Category {
        match self {
            Rule::CodeNumberChanged
            | Rule::CodeRemovedUnlessRetired
            | Rule::RetiredReused
            | Rule::RetiredRemoved
            | Rule::SendableChanged
            | Rule::NumberMoved
            | Rule::ReprNarrowed => Category::Wire,
            Rule::VariantRemoved
            | Rule::AliasRemoved
            | Rule::TableMadeExhaustive
            | Rule::PropertyRemoved
            | Rule::PropertyValueRemoved
            | Rule::ReprChanged
            | Rule::TableRenamed
            | Rule::TableMadeNonExhaustive
            | Rule::TableTotalityChanged => Category::Source,
            Rule::FlagChanged
            | Rule::FlagRemoved
            | Rule::RangeFlagsChanged
            | Rule::PropertyChanged
            | Rule::NumberReused => Category::Behaviour,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One breaking change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rule it breaks.
    pub rule: Rule,
    /// Where: in the new table, or in the old one for what was removed.
    pub location: Location,
    /// Which version of the table `location` is in.
    pub version: Version,
    /// What changed: lowercase, no trailing period.
    pub message: String,
}

/// Which of the two tables compared a [`Change`] is located in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// The table as it is now: its line is in a file as it stands.
    New,
    /// The earlier table, for what was removed: its line may no longer exist.
    Old,
}

impl Version {
    /// `new`, `old`: the name in every output.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Version::New => "new",
            Version::Old => "old",
        }
    }
}

/// Who holds a number: a named code or a range's variant (a documented code is its range's).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Owner<'t> {
    name: &'t str,
    code: bool,
    aliases: &'t [String],
    assignable: bool,
}

/// A maximal run of numbers with one owner, sendability and flags.
#[derive(Clone, Debug)]
struct Segment<'t> {
    interval: Interval,
    owner: Owner<'t>,
    /// A code documented in a range (its flags are the code's, not the range's).
    documented: bool,
    /// Numbers of a range that has the same values at every number (`RANGE_FLAGS_CHANGED` is
    /// reported by its name).
    uniform: bool,
    sendable: bool,
    flags: &'t [bool],
    properties: &'t [PropertyValue],
    location: &'t Location,
}

/// A number held by a named code or documented code, before ranges are laid under it.
struct Point<'t> {
    value: i128,
    owner: Owner<'t>,
    documented: bool,
    sendable: bool,
    flags: &'t [bool],
    properties: &'t [PropertyValue],
    location: &'t Location,
}

impl<'t> Point<'t> {
    fn segment(&self) -> Segment<'t> {
        Segment {
            interval: Interval {
                start: self.value,
                end: self.value,
            },
            owner: self.owner.clone(),
            documented: self.documented,
            uniform: false,
            sendable: self.sendable,
            flags: self.flags,
            properties: self.properties,
            location: self.location,
        }
    }
}

/// The named and documented codes of a table as points, ordered by number; a named code takes
/// precedence over a documented code at the same number.
fn points(table: &Table) -> Vec<Point<'_>> {
    let mut points: Vec<Point<'_>> = table
        .codes
        .iter()
        .map(|code| Point {
            value: code.value,
            owner: Owner {
                name: &code.name,
                code: true,
                aliases: &code.aliases,
                assignable: false,
            },
            documented: false,
            sendable: code.sendable,
            flags: &code.flags,
            properties: &code.properties,
            location: &code.location,
        })
        .collect();
    for range in &table.ranges {
        for documented in &range.documented {
            points.push(Point {
                value: documented.value,
                owner: range_owner(range),
                documented: true,
                sendable: documented.sendable,
                flags: &documented.flags,
                properties: &documented.properties,
                location: &documented.location,
            });
        }
    }
    points.sort_by_key(|p| (p.value, !p.owner.code));
    points.dedup_by_key(|p| p.value);
    points
}

fn range_owner(range: &crate::CodeRange) -> Owner<'_> {
    Owner {
        name: &range.name,
        code: false,
        aliases: &[],
        assignable: range.assignable,
    }
}

/// The table cut into segments, ordered by number.
fn segments(table: &Table) -> Vec<Segment<'_>> {
    let points = points(table);
    // Each run of a range's values: a range a `[[policy]]` covers in part has several.
    let mut intervals: Vec<RangeRun<'_>> = table
        .ranges
        .iter()
        .flat_map(|range| {
            range.values.iter().map(move |run| {
                (
                    run.interval,
                    range,
                    run.flags.as_slice(),
                    run.properties.as_slice(),
                )
            })
        })
        .collect();
    intervals.sort_by_key(|(iv, ..)| *iv);
    let mut out: Vec<Segment<'_>> = Vec::with_capacity(points.len() * 2 + intervals.len());
    let mut next = 0;
    for (iv, range, flags, properties) in intervals {
        // Points before this interval lie in no range.
        while next < points.len() && points[next].value < iv.start {
            out.push(points[next].segment());
            next += 1;
        }
        let mut at = iv.start;
        while next < points.len() && points[next].value <= iv.end {
            let point = &points[next];
            if point.value > at {
                out.push(whole_range(range, at, point.value - 1, flags, properties));
            }
            out.push(point.segment());
            at = point.value + 1;
            next += 1;
        }
        if at <= iv.end {
            out.push(whole_range(range, at, iv.end, flags, properties));
        }
    }
    out.extend(points[next..].iter().map(Point::segment));
    out
}

/// A run of a range's values: its numbers, the range, its flags and properties.
type RangeRun<'t> = (
    Interval,
    &'t crate::CodeRange,
    &'t [bool],
    &'t [PropertyValue],
);

/// The numbers `start..=end` of `range`, outside its documented codes, with these values.
fn whole_range<'t>(
    range: &'t crate::CodeRange,
    start: i128,
    end: i128,
    flags: &'t [bool],
    properties: &'t [PropertyValue],
) -> Segment<'t> {
    Segment {
        interval: Interval { start, end },
        owner: range_owner(range),
        documented: false,
        uniform: range.uniform_values().is_some(),
        sendable: range.sendable,
        flags,
        properties,
        location: &range.location,
    }
}

/// `a..=b` or `a`.
fn numbers(start: i128, end: i128) -> String {
    Interval { start, end }.to_string()
}

/// Every breaking change from `old` to `new`, ordered by rule, then by place.
#[must_use]
pub fn compare(old: &Table, new: &Table) -> Vec<Change> {
    let mut diff = Diff::new(old, new);
    diff.repr_and_exhaustiveness();
    diff.codes_by_name();
    diff.ranges_by_name();
    diff.flags();
    diff.properties();
    diff.retired();
    diff.numbers();
    let mut changes = diff.changes;
    changes.sort_by(|a, b| {
        (
            a.rule,
            a.version,
            &a.location.origin,
            a.location.line,
            a.location.column,
        )
            .cmp(&(
                b.rule,
                b.version,
                &b.location.origin,
                b.location.line,
                b.location.column,
            ))
    });
    changes
}

/// Two tables being compared, their names indexed, and the changes found so far.
struct Diff<'t> {
    old: &'t Table,
    new: &'t Table,
    /// The new table's named codes by name, and by each alias.
    codes: HashMap<&'t str, &'t crate::NamedCode>,
    aliases: HashMap<&'t str, &'t crate::NamedCode>,
    ranges: HashMap<&'t str, &'t crate::CodeRange>,
    /// Flags in both tables: (index in old, index in new, name).
    shared_flags: Vec<(usize, usize, &'t str)>,
    /// Whether both tables declare the same flags in the same order: flags compare as slices.
    flags_aligned: bool,
    /// Properties in both tables.
    shared_properties: Vec<Shared<'t>>,
    /// Whether both tables declare the same properties, with the same values, in the same order:
    /// properties compare as slices.
    properties_aligned: bool,
    changes: Vec<Change>,
}

/// A property declared in both tables.
struct Shared<'t> {
    /// Its index in the old table's properties, and in the new one's.
    was: usize,
    now: usize,
    old: &'t Property,
    new: &'t Property,
    /// Per word of the old declaration, its index among the new one's words.
    words: Vec<Option<usize>>,
}

impl Shared<'_> {
    /// Whether `a` (an old value) and `b` (a new one) are the same value.
    fn same(&self, a: PropertyValue, b: PropertyValue) -> bool {
        match (a, b) {
            (PropertyValue::Word(a), PropertyValue::Word(b)) => {
                self.words.get(a).copied().flatten() == Some(b)
            }
            (PropertyValue::Integer(a), PropertyValue::Integer(b)) => a == b,
            // The property changed kind: values are compared as written.
            _ => self.old.written(a) == self.new.written(b),
        }
    }
}

impl<'t> Diff<'t> {
    fn new(old: &'t Table, new: &'t Table) -> Self {
        let new_flags: HashMap<&str, usize> = new
            .flags
            .iter()
            .enumerate()
            .map(|(at, flag)| (flag.name.as_str(), at))
            .collect();
        Diff {
            old,
            new,
            codes: new.codes.iter().map(|c| (c.name.as_str(), c)).collect(),
            aliases: new
                .codes
                .iter()
                .flat_map(|c| c.aliases.iter().map(move |a| (a.as_str(), c)))
                .collect(),
            ranges: new.ranges.iter().map(|r| (r.name.as_str(), r)).collect(),
            shared_flags: old
                .flags
                .iter()
                .enumerate()
                .filter_map(|(at, flag)| {
                    new_flags
                        .get(flag.name.as_str())
                        .map(|now| (at, *now, flag.name.as_str()))
                })
                .collect(),
            flags_aligned: old.flags.len() == new.flags.len()
                && old
                    .flags
                    .iter()
                    .zip(&new.flags)
                    .all(|(a, b)| a.name == b.name),
            shared_properties: old
                .properties
                .iter()
                .enumerate()
                .filter_map(|(was, property)| {
                    let (now, new_property) = new
                        .properties
                        .iter()
                        .enumerate()
                        .find(|(_, p)| p.name == property.name)?;
                    let words = property
                        .words()
                        .iter()
                        .map(|w| new_property.words().iter().position(|n| n == w))
                        .collect();
                    Some(Shared {
                        was,
                        now,
                        old: property,
                        new: new_property,
                        words,
                    })
                })
                .collect(),
            properties_aligned: old.properties.len() == new.properties.len()
                && old
                    .properties
                    .iter()
                    .zip(&new.properties)
                    .all(|(a, b)| a.name == b.name && a.kind == b.kind),
            changes: Vec::new(),
        }
    }

    /// A change located in the new table.
    fn push(&mut self, rule: Rule, location: &Location, message: String) {
        self.push_at(rule, Version::New, location, message);
    }

    /// A change located in the old table: what was removed.
    fn push_old(&mut self, rule: Rule, location: &Location, message: String) {
        self.push_at(rule, Version::Old, location, message);
    }

    fn push_at(&mut self, rule: Rule, version: Version, location: &Location, message: String) {
        self.changes.push(Change {
            rule,
            location: location.clone(),
            version,
            message,
        });
    }

    fn retired_in_new(&self, value: i128) -> bool {
        self.new.retired.iter().any(|r| r.retires(value))
    }

    /// `flag false -> true` for each shared flag whose value differs.
    fn flag_changes(&self, before: &[bool], after: &[bool]) -> Vec<String> {
        self.shared_flags
            .iter()
            .filter(|(was, now, _)| before.get(*was) != after.get(*now))
            .map(|(was, _, name)| {
                let value = before.get(*was).copied().unwrap_or(false);
                format!("`{name}` {value} -> {}", !value)
            })
            .collect()
    }

    fn repr_and_exhaustiveness(&mut self) {
        let (old, new) = (self.old, self.new);
        if let (Some(was), Some(now)) = (&old.name, &new.name)
            && was != now
        {
            let at = new.locations.name.as_ref().unwrap_or(&new.locations.spec);
            self.push(
                Rule::TableRenamed,
                at,
                format!(
                    "the table was renamed from `{was}` to `{now}`; code that names `{was}` (and its properties' types) no longer compiles, unless the macro invocation names the enum"
                ),
            );
        }
        let narrowed = new.repr.min() > old.repr.min() || new.repr.max() < old.repr.max();
        if !narrowed && new.repr != old.repr {
            let at = new.locations.repr.as_ref().unwrap_or(&new.locations.spec);
            self.push(
                Rule::ReprChanged,
                at,
                format!(
                    "`repr` changed from {0} to {1}; `from_{0}`, `as_{0}` and the conversions from and to {0} are now {1}'s, and code that uses them no longer compiles",
                    old.repr, new.repr
                ),
            );
        }
        if narrowed {
            let at = new.locations.repr.as_ref().unwrap_or(&new.locations.spec);
            self.push(
                Rule::ReprNarrowed,
                at,
                format!(
                    "`repr` narrowed from {} to {}; codes of {} that {} cannot hold no longer fit",
                    old.repr, new.repr, old.repr, new.repr
                ),
            );
        }
        if old.non_exhaustive && !new.non_exhaustive {
            let at = new
                .locations
                .non_exhaustive
                .as_ref()
                .unwrap_or(&new.locations.spec);
            self.push(
                Rule::TableMadeExhaustive,
                at,
                "the table became exhaustive (`non_exhaustive = false`); a `match` without a wildcard arm no longer compiles against a later version that adds codes".to_owned(),
            );
        }
        if !old.non_exhaustive && new.non_exhaustive {
            let at = new
                .locations
                .non_exhaustive
                .as_ref()
                .unwrap_or(&new.locations.spec);
            self.push(
                Rule::TableMadeNonExhaustive,
                at,
                "the table became non-exhaustive (`non_exhaustive = true`, the default); a `match` without a wildcard arm in another crate no longer compiles".to_owned(),
            );
        }
        if old.total != new.total {
            let repr = new.repr;
            let message = if new.total {
                format!(
                    "the table became total (every {repr} is a code); `from_{repr}` returns a code instead of an `Option`, `From<{repr}>` replaces `TryFrom<{repr}>`, and code that uses them no longer compiles"
                )
            } else {
                format!(
                    "the table is no longer total (some {repr} values are not codes); `from_{repr}` returns an `Option`, `TryFrom<{repr}>` replaces `From<{repr}>`, and code that uses them no longer compiles"
                )
            };
            let at = new.locations.repr.as_ref().unwrap_or(&new.locations.spec);
            self.push(Rule::TableTotalityChanged, at, message);
        }
    }

    /// Named codes by name: a number changed, a code removed, a variant or alias removed.
    fn codes_by_name(&mut self) {
        for code in &self.old.codes {
            let name = code.name.as_str();
            let now = self
                .codes
                .get(name)
                .or_else(|| self.aliases.get(name))
                .copied();
            match now {
                Some(now) if now.value != code.value => self.push(
                    Rule::CodeNumberChanged,
                    &now.location,
                    format!(
                        "code `{name}` changed its number from {} to {}; deployed clients still read {} as `{name}`",
                        code.value, now.value, code.value
                    ),
                ),
                None if self.new.codes.binary_search_by_key(&code.value, |c| c.value).is_err()
                    && !self.retired_in_new(code.value) =>
                {
                    self.push_old(
                        Rule::CodeRemovedUnlessRetired,
                        &code.location,
                        format!(
                            "code `{name}` ({0}) was removed without retiring its number; expected a `[[retired]]` entry for {0}, so that it is never given another meaning",
                            code.value
                        ),
                    );
                }
                _ => {}
            }
            if now.is_none() && !self.ranges.contains_key(name) {
                self.push_old(
                    Rule::VariantRemoved,
                    &code.location,
                    format!(
                        "variant `{name}` ({}) was removed or renamed; expected the old name kept as an alias (`aliases = [\"{name}\"]`)",
                        code.value
                    ),
                );
            }
            for alias in &code.aliases {
                let names = self
                    .aliases
                    .get(alias.as_str())
                    .or_else(|| self.codes.get(alias.as_str()))
                    .copied();
                if let Some(names) = names.filter(|c| c.value != code.value) {
                    self.push(
                        Rule::CodeNumberChanged,
                        &names.location,
                        format!(
                            "alias `{alias}` named {} and now names {} (`{}`); code that uses it gets another number",
                            code.value, names.value, names.name
                        ),
                    );
                }
                let kept = names.is_some();
                if !kept {
                    let message = format!(
                        "alias `{alias}` of code `{name}` was removed; code that names it no longer compiles"
                    );
                    // At the code in the new table if it is still there, where the alias was.
                    match now {
                        Some(now) => self.push(Rule::AliasRemoved, &now.location, message),
                        None => self.push_old(Rule::AliasRemoved, &code.location, message),
                    }
                }
            }
        }
    }

    /// Range variants by name: removed, or their flags changed.
    fn ranges_by_name(&mut self) {
        for range in &self.old.ranges {
            let name = range.name.as_str();
            match self.ranges.get(name).copied() {
                // A range whose flags differ from number to number (a `[[policy]]` covers part
                // of it) has its changes reported at the numbers.
                Some(now) => {
                    let (Some(was), Some(is)) = (range.uniform_values(), now.uniform_values())
                    else {
                        continue;
                    };
                    let changed = self.flag_changes(&was.flags, &is.flags);
                    if !changed.is_empty() {
                        self.push(
                            Rule::RangeFlagsChanged,
                            &now.location,
                            format!(
                                "the flags of range `{name}` changed: {}",
                                changed.join(", ")
                            ),
                        );
                    }
                }
                None if !self.codes.contains_key(name) => self.push_old(
                    Rule::VariantRemoved,
                    &range.location,
                    format!(
                        "range variant `{name}` ({}) was removed or renamed",
                        range.intervals_text()
                    ),
                ),
                None => {}
            }
        }
    }

    /// Flags declared before and no longer.
    fn flags(&mut self) {
        for flag in &self.old.flags {
            if !self.new.flags.iter().any(|f| f.name == flag.name) {
                self.push_old(
                    Rule::FlagRemoved,
                    &flag.location,
                    format!(
                        "flag `{}` was removed; its predicate no longer exists and clients that read it change behaviour",
                        flag.name
                    ),
                );
            }
        }
    }

    /// Properties declared before and no longer, and words of an enumerated property no longer
    /// among its values.
    fn properties(&mut self) {
        for property in &self.old.properties {
            let Some(now) = self.new.properties.iter().find(|p| p.name == property.name) else {
                self.push_old(
                    Rule::PropertyRemoved,
                    &property.location,
                    format!(
                        "property `{}` was removed; its getter and its type no longer exist, and clients that read it change behaviour",
                        property.name
                    ),
                );
                continue;
            };
            let removed: Vec<String> = property
                .words()
                .iter()
                .filter(|w| !now.words().contains(w))
                .map(|w| format!("`{w}`"))
                .collect();
            if !removed.is_empty() {
                let (noun, verb) = if removed.len() == 1 {
                    ("value", "was")
                } else {
                    ("values", "were")
                };
                self.push(
                    Rule::PropertyValueRemoved,
                    &now.location,
                    format!(
                        "{noun} {} of property `{}` {verb} removed; code that names {} no longer compiles",
                        removed.join(", "),
                        property.name,
                        if removed.len() == 1 { "it" } else { "them" }
                    ),
                );
            }
        }
    }

    /// Retired numbers and names stay retired and are not used again.
    fn retired(&mut self) {
        let (old, new) = (self.old, self.new);
        let retired_names: HashSet<&str> = new
            .retired
            .iter()
            .flat_map(|r| r.names.iter().map(String::as_str))
            .collect();
        let retired_numbers: Vec<Interval> = new
            .retired
            .iter()
            .flat_map(|r| r.intervals.iter().copied())
            .collect();
        for retired in &old.retired {
            for iv in &retired.intervals {
                for gap in uncovered(*iv, &retired_numbers) {
                    self.push_old(
                        Rule::RetiredRemoved,
                        &retired.location,
                        format!(
                            "{} is no longer retired ({}); expected it to stay retired",
                            numbers(gap.start, gap.end),
                            retired.note
                        ),
                    );
                    let from = new.codes.partition_point(|c| c.value < gap.start);
                    for code in new.codes[from..].iter().take_while(|c| c.value <= gap.end) {
                        self.push(
                            Rule::RetiredReused,
                            &code.location,
                            format!(
                                "code {} is named `{}`, but it was retired ({})",
                                code.value, code.name, retired.note
                            ),
                        );
                    }
                }
            }
            for name in &retired.names {
                if retired_names.contains(name.as_str()) {
                    continue;
                }
                self.push_old(
                    Rule::RetiredRemoved,
                    &retired.location,
                    format!(
                        "name `{name}` is no longer retired ({}); expected it to stay retired",
                        retired.note
                    ),
                );
                let used = self
                    .codes
                    .get(name.as_str())
                    .or_else(|| self.aliases.get(name.as_str()))
                    .map(|c| &c.location)
                    .or_else(|| self.ranges.get(name.as_str()).map(|r| &r.location));
                if let Some(at) = used {
                    let at = at.clone();
                    self.push(
                        Rule::RetiredReused,
                        &at,
                        format!(
                            "name `{name}` is used again, but it was retired ({})",
                            retired.note
                        ),
                    );
                }
            }
        }
    }

    /// Numbers: who holds each number before and after, and its sendability, flags and
    /// properties, whoever holds it now. Two sorted walks over the segments: the work follows the
    /// number of segments, not of numbers.
    fn numbers(&mut self) {
        let (old, new) = (self.old, self.new);
        let (before, after) = (segments(old), segments(new));
        let names = Names {
            old,
            names: OnceCell::new(),
        };
        let mut retired = Cover::new(new.retired.iter().flat_map(|r| r.intervals.iter().copied()));
        let mut runs =
            Runs::new(STREAM_FLAGS + self.shared_flags.len() + self.shared_properties.len());
        let mut first_after = 0;
        for was in &before {
            // The new segments that end before this one cannot overlap it or a later one.
            while first_after < after.len() && after[first_after].interval.end < was.interval.start
            {
                first_after += 1;
            }
            let mut at = was.interval.start;
            let mut next = first_after;
            while at <= was.interval.end {
                let now = after.get(next).filter(|n| n.interval.start <= at);
                let end = match now {
                    Some(now) => now.interval.end.min(was.interval.end),
                    None => after.get(next).map_or(was.interval.end, |n| {
                        (n.interval.start - 1).min(was.interval.end)
                    }),
                };
                let piece = Interval { start: at, end };
                self.piece(piece, was, now, &names, &mut retired, &mut runs);
                if now.is_some_and(|n| n.interval.end <= was.interval.end) {
                    next += 1;
                }
                at = end + 1;
            }
        }
        for run in runs.runs {
            self.report(&run);
        }
    }

    /// The numbers `piece`, held by `was` before and by `now` (if any) after.
    fn piece(
        &self,
        piece: Interval,
        was: &Segment<'t>,
        now: Option<&Segment<'t>>,
        names: &Names<'t>,
        retired: &mut Cover,
        runs: &mut Runs<'t>,
    ) {
        let Some(now) = now else {
            // A named code that lost its number is reported by name (its number changed, it
            // was removed, renamed, or removed and retired).
            if !was.owner.code {
                runs.add(
                    STREAM_NUMBER_MOVED,
                    Key::Left(was.owner.name),
                    piece,
                    (Version::Old, was.location),
                );
            }
            return;
        };
        if !same_owner(&was.owner, &now.owner) {
            if was.owner.code {
                // A named code that is gone, its number held by another: the number means
                // something else now (a code whose number changed is reported by name).
                if now.owner.code && self.removed(was.owner.name) {
                    runs.add(
                        STREAM_NUMBER_REUSED,
                        Key::Reused(was.owner.name, now.owner.name),
                        piece,
                        (Version::New, now.location),
                    );
                }
            } else {
                let before = names.get(now.owner.name);
                let moved_code = now.owner.code && before == Some(true);
                // A number of an assignable range given to a new code or carve-out: an addition.
                let added = was.owner.assignable && before.is_none();
                if !moved_code && !added {
                    runs.add(
                        STREAM_NUMBER_MOVED,
                        Key::Moved(was.owner.name, now.owner.name, now.owner.code),
                        piece,
                        (Version::New, now.location),
                    );
                }
            }
        }
        // What a deployed client does with the number, but not at numbers retired now: they are
        // never sent again.
        retired.outside(piece, |part| self.values(part, was, now, runs));
    }

    /// Sendability, flags and properties at the numbers `part`, held by `was` before and `now`
    /// after.
    fn values(&self, part: Interval, was: &Segment<'t>, now: &Segment<'t>, runs: &mut Runs<'t>) {
        // A number whose own entry (a code, named or documented) is gone and which its range
        // holds now: the change is placed at that entry, in the old table.
        let place = if !now.owner.code && !now.documented && (was.owner.code || was.documented) {
            (Version::Old, was.location)
        } else {
            (Version::New, now.location)
        };
        if was.sendable != now.sendable {
            runs.add(
                STREAM_SENDABLE,
                Key::Sendable(now.owner.name, now.sendable),
                part,
                place,
            );
        }
        // A range's own numbers whose flags changed are its `RANGE_FLAGS_CHANGED`, by name.
        let range_own = !was.owner.code
            && !was.documented
            && !now.owner.code
            && !now.documented
            && was.uniform
            && now.uniform
            && was.owner.name == now.owner.name;
        let same_flags = self.flags_aligned && was.flags == now.flags;
        if !range_own && !same_flags {
            for (at, (before, after, _)) in self.shared_flags.iter().enumerate() {
                if let (Some(&a), Some(&b)) = (was.flags.get(*before), now.flags.get(*after))
                    && a != b
                {
                    runs.add(STREAM_FLAGS + at, Key::Flag(at, a), part, place);
                }
            }
        }
        let same_properties = self.properties_aligned && was.properties == now.properties;
        if !same_properties {
            let stream = STREAM_FLAGS + self.shared_flags.len();
            for (at, shared) in self.shared_properties.iter().enumerate() {
                if let (Some(&a), Some(&b)) = (
                    was.properties.get(shared.was),
                    now.properties.get(shared.now),
                ) && !shared.same(a, b)
                {
                    runs.add(stream + at, Key::Property(at, a, b), part, place);
                }
            }
        }
    }

    /// Whether the old table's named code `name` is in the new table by no name or alias.
    fn removed(&self, name: &str) -> bool {
        !self.codes.contains_key(name) && !self.aliases.contains_key(name)
    }

    /// The change a run of numbers reports.
    fn report(&mut self, run: &Run<'t>) {
        let range = run.numbers.to_string();
        let (rule, message) = match run.key {
            Key::Left(name) => (
                Rule::NumberMoved,
                format!(
                    "{range} left the table (it was in range `{name}`); deployed clients still read it"
                ),
            ),
            Key::Moved(from, to, code) => (
                Rule::NumberMoved,
                format!(
                    "{range} moved from range `{from}` to {} `{to}`; deployed clients read it as `{from}`",
                    if code { "code" } else { "range" },
                ),
            ),
            Key::Reused(was, now) => (
                Rule::NumberReused,
                format!(
                    "{range} was code `{was}`, which was removed, and is now code `{now}`; deployed clients still read it as `{was}` (if `{now}` is `{was}` renamed, keep the old name: `aliases = [\"{was}\"]`)"
                ),
            ),
            Key::Sendable(holder, sendable) => (
                Rule::SendableChanged,
                format!(
                    "{range} of `{holder}` became {}; deployed {}",
                    if sendable { "sendable" } else { "never sent" },
                    if sendable {
                        "clients reject it when it arrives"
                    } else {
                        "servers still send it"
                    }
                ),
            ),
            Key::Flag(at, was) => (
                Rule::FlagChanged,
                format!(
                    "flag `{}` of {range} changed from {was} to {}; deployed clients still act on {was}",
                    self.shared_flags[at].2, !was
                ),
            ),
            Key::Property(at, a, b) => {
                let shared = &self.shared_properties[at];
                (
                    Rule::PropertyChanged,
                    property_message(
                        &shared.old.name,
                        &range,
                        &shared.old.written(a),
                        &shared.new.written(b),
                    ),
                )
            }
        };
        let set_by = match run.key {
            Key::Flag(at, was) => {
                let (old, new, _) = self.shared_flags[at];
                Some(SetBy::Flag((old, was), (new, !was)))
            }
            Key::Property(at, a, b) => {
                let shared = &self.shared_properties[at];
                Some(SetBy::Property((shared.was, a), (shared.now, b)))
            }
            _ => None,
        };
        let (version, location) = set_by
            .and_then(|set_by| self.policy_at(set_by, run.numbers.start))
            .unwrap_or(run.place);
        self.push_at(rule, version, location, message);
    }

    /// Where a `[[policy]]` set the changed value at `number`: the new table's policy that set
    /// the new value, else the old table's that set the old one (a policy changed or removed), so
    /// that the change points at the entry that made it rather than at the base's code or range
    /// that holds the number.
    fn policy_at(&self, set_by: SetBy, number: i128) -> Option<Place<'t>> {
        let find = |table: &'t Table, old: bool| {
            table
                .policies
                .iter()
                .rev()
                .find(|p| p.covers(number) && set_by.by(p, old))
                .map(|p| &p.location)
        };
        find(self.new, false)
            .map(|at| (Version::New, at))
            .or_else(|| find(self.old, true).map(|at| (Version::Old, at)))
    }
}

/// The old table's names, for telling a moved number from an added one: indexed when first
/// asked (only numbers that a range gave to another variant ask).
struct Names<'t> {
    old: &'t Table,
    /// Each name of a named code (`true`) or a range (`false`).
    names: OnceCell<HashMap<&'t str, bool>>,
}

impl Names<'_> {
    /// Whether the old table has a named code (`true`) or a range (`false`) named `name`.
    fn get(&self, name: &str) -> Option<bool> {
        let names = self.names.get_or_init(|| {
            let ranges = self.old.ranges.iter().map(|r| (r.name.as_str(), false));
            // A code takes precedence over a range of the same name.
            ranges
                .chain(self.old.codes.iter().map(|c| (c.name.as_str(), true)))
                .collect()
        });
        names.get(name).copied()
    }
}

/// The streams of runs: each keeps its last run, which the next piece may continue.
const STREAM_NUMBER_MOVED: usize = 0;
const STREAM_NUMBER_REUSED: usize = 1;
const STREAM_SENDABLE: usize = 2;
/// The first flag's stream; the properties' follow the flags'.
const STREAM_FLAGS: usize = 3;

/// What a run of adjacent numbers reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key<'t> {
    /// The numbers left the table; they were in this range.
    Left(&'t str),
    /// The numbers moved from this range to this code (`true`) or range.
    Moved(&'t str, &'t str, bool),
    /// The number was this removed code's and is this code's now.
    Reused(&'t str, &'t str),
    /// The numbers of this holder became sendable (`true`) or not.
    Sendable(&'t str, bool),
    /// The shared flag at this index was this value.
    Flag(usize, bool),
    /// The shared property at this index changed from the first value to the second.
    Property(usize, PropertyValue, PropertyValue),
}

/// A change over a run of adjacent numbers: what changed, the numbers, and where it is located
/// (at the first piece of the run).
struct Run<'t> {
    key: Key<'t>,
    numbers: Interval,
    place: Place<'t>,
}

/// A changed value, by the index of its flag or property in each table: (old, new).
#[derive(Clone, Copy)]
enum SetBy {
    Flag((usize, bool), (usize, bool)),
    Property((usize, PropertyValue), (usize, PropertyValue)),
}

impl SetBy {
    /// Whether `policy` sets the value this change had in the old table (`old`) or has in the new.
    fn by(self, policy: &crate::PolicyPlace, old: bool) -> bool {
        match (self, old) {
            (SetBy::Flag(set, _), true) | (SetBy::Flag(_, set), false) => {
                policy.flags.contains(&set)
            }
            (SetBy::Property(set, _), true) | (SetBy::Property(_, set), false) => {
                policy.properties.contains(&set)
            }
        }
    }
}

/// Where a change is placed: in which version, at what.
type Place<'t> = (Version, &'t Location);

/// The runs found so far, in the order they were found, and the last one of each stream.
struct Runs<'t> {
    runs: Vec<Run<'t>>,
    last: Vec<Option<usize>>,
}

impl<'t> Runs<'t> {
    fn new(streams: usize) -> Self {
        Runs {
            runs: Vec::new(),
            last: vec![None; streams],
        }
    }

    /// `key` at the numbers `part` (after every number reported before in `stream`): the
    /// continuation of the stream's last run if it is the same change at the number before,
    /// placed in the same version, else a new run.
    fn add(&mut self, stream: usize, key: Key<'t>, part: Interval, place: Place<'t>) {
        if let Some(run) = self.last[stream].and_then(|at| self.runs.get_mut(at))
            && run.key == key
            && run.place.0 == place.0
            && run.numbers.end + 1 == part.start
        {
            run.numbers.end = part.end;
            return;
        }
        self.last[stream] = Some(self.runs.len());
        self.runs.push(Run {
            key,
            numbers: part,
            place,
        });
    }
}

/// The message of `PROPERTY_CHANGED` for `numbers`.
fn property_message(property: &str, numbers: &str, was: &str, now: &str) -> String {
    format!(
        "property `{property}` of {numbers} changed from `{was}` to `{now}`; deployed clients still act on `{was}`"
    )
}

/// Sorted, merged intervals (a table's retired numbers), walked with numbers in increasing order.
struct Cover {
    intervals: Vec<Interval>,
    /// The first interval that does not end before the numbers asked about last.
    next: usize,
}

impl Cover {
    fn new(intervals: impl Iterator<Item = Interval>) -> Self {
        let mut sorted: Vec<Interval> = intervals.collect();
        sorted.sort();
        let mut merged: Vec<Interval> = Vec::with_capacity(sorted.len());
        for iv in sorted {
            match merged.last_mut() {
                Some(last) if iv.start <= last.end.saturating_add(1) => {
                    last.end = last.end.max(iv.end);
                }
                _ => merged.push(iv),
            }
        }
        Cover {
            intervals: merged,
            next: 0,
        }
    }

    /// Calls `each` with every part of `numbers` outside the intervals, in order; `numbers` must
    /// not start before the numbers of the call before.
    fn outside(&mut self, numbers: Interval, mut each: impl FnMut(Interval)) {
        while self
            .intervals
            .get(self.next)
            .is_some_and(|iv| iv.end < numbers.start)
        {
            self.next += 1;
        }
        let mut at = numbers.start;
        for iv in &self.intervals[self.next..] {
            if iv.start > numbers.end {
                break;
            }
            if iv.start > at {
                each(Interval {
                    start: at,
                    end: iv.start - 1,
                });
            }
            at = at.max(iv.end + 1);
            if at > numbers.end {
                return;
            }
        }
        each(Interval {
            start: at,
            end: numbers.end,
        });
    }
}

/// The parts of `iv` that no interval of `cover` holds.
fn uncovered(iv: Interval, cover: &[Interval]) -> Vec<Interval> {
    let mut sorted = cover.to_vec();
    sorted.sort();
    let mut out = Vec::new();
    let mut at = iv.start;
    for c in sorted {
        if c.end < at || c.start > iv.end {
            continue;
        }
        if c.start > at {
            out.push(Interval {
                start: at,
                end: c.start - 1,
            });
        }
        at = at.max(c.end + 1);
        if at > iv.end {
            return out;
        }
    }
    if at <= iv.end {
        out.push(Interval {
            start: at,
            end: iv.end,
        });
    }
    out
}

/// Whether two owners are the same variant: the same name, or a code renamed with its old name
/// kept as an alias.
fn same_owner(old: &Owner<'_>, new: &Owner<'_>) -> bool {
    old.code == new.code
        && (old.name == new.name || (new.code && new.aliases.iter().any(|a| a == old.name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NoFiles, Source, load};

    fn table(text: &str) -> Table {
        load(&Source::file("t.toml", "t.toml", text), &mut NoFiles).expect("a clean spec")
    }

    /// What was removed is placed in the old table, what changed in the new one, and each place
    /// underlines its whole value.
    #[test]
    fn each_change_says_which_version_its_place_is_in() {
        let spec = |codes: &str| format!("extends = \"websocket\"\n{codes}");
        let code = |number: u16, name: &str| {
            format!("[[code]]\ncode = {number}\nname = \"{name}\"\ndescription = \"d\"\n")
        };
        let old = table(&spec(&(code(4001, "Kept") + &code(4003, "Gone"))));
        let new = table(&spec(&code(4002, "Kept")));
        let changes = compare(&old, &new);
        let found: Vec<(Rule, Version, usize, usize)> = changes
            .iter()
            .map(|c| (c.rule, c.version, c.location.line, c.location.width))
            .collect();
        assert_eq!(
            found,
            [
                (Rule::CodeNumberChanged, Version::New, 3, 4),
                (Rule::CodeRemovedUnlessRetired, Version::Old, 7, 4),
                (Rule::VariantRemoved, Version::Old, 7, 4),
            ]
        );
    }

    const POLICY: &str = "extends = \"websocket\"\n[[property]]\nname = \"action\"\ndescription = \"a\"\nvalues = [\"stop\", \"reconnect\", \"back_off\"]\n";

    fn messages(changes: &[Change]) -> Vec<(Rule, &str)> {
        changes
            .iter()
            .map(|c| (c.rule, c.message.as_str()))
            .collect()
    }

    /// A property's value is compared at every number, whoever holds it, and reported once per
    /// run of adjacent numbers with the same change.
    #[test]
    fn property_changes_are_reported_per_run_of_numbers() {
        let range = |action: &str| {
            format!(
                "[[range]]\nname = \"Backoff\"\ncodes = \"4100..=4199\"\ndescription = \"b\"\nassignable = true\nset = {{ action = \"{action}\" }}\n"
            )
        };
        let own = "[[code]]\ncode = 4150\nname = \"Busy\"\ndescription = \"c\"\nset = { action = \"back_off\" }\n";
        let old = table(&format!("{POLICY}{}{own}", range("back_off")));
        let new = table(&format!("{POLICY}{}{own}", range("reconnect")));
        assert_eq!(
            messages(&compare(&old, &new)),
            [
                (
                    Rule::PropertyChanged,
                    "property `action` of 4100..=4149 changed from `back_off` to `reconnect`; deployed clients still act on `back_off`"
                ),
                (
                    Rule::PropertyChanged,
                    "property `action` of 4151..=4199 changed from `back_off` to `reconnect`; deployed clients still act on `back_off`"
                ),
            ]
        );
        // A new code in the range that sets another value: its number only.
        let stop = "[[code]]\ncode = 4160\nname = \"Stop\"\ndescription = \"s\"\nset = { action = \"stop\" }\n";
        let new = table(&format!("{POLICY}{}{own}{stop}", range("back_off")));
        assert_eq!(
            messages(&compare(&old, &new)),
            [(
                Rule::PropertyChanged,
                "property `action` of 4160 changed from `back_off` to `stop`; deployed clients still act on `back_off`"
            )]
        );
        // The same values at every number: nothing, however the spec says it.
        let spelled = "[[range]]\nname = \"Backoff\"\ncodes = \"4100..=4199\"\ndescription = \"b\"\nassignable = true\nset = { action = \"back_off\" }\n[[code]]\ncode = 4150\nname = \"Busy\"\ndescription = \"c\"\n";
        assert!(compare(&old, &table(&format!("{POLICY}{spelled}"))).is_empty());
    }

    /// A `[[policy]]` changed at the base's numbers is reported there: at a base code, and at the
    /// part of a base range it covers (a run of the range's values), whoever holds the numbers; a
    /// flag a policy sets, at every number as well, as the range's flags differ along it.
    #[test]
    fn policy_changes_at_the_bases_numbers_are_reported() {
        let flag = "[[flag]]\nname = \"fatal\"\ndescription = \"f\"\n";
        let policy =
            |codes: &str, set: &str| format!("[[policy]]\ncodes = {codes}\nset = {{ {set} }}\n");
        let old = table(&format!(
            "{POLICY}{flag}{}",
            policy(
                r#"["1002..=1003", "1016..=1999"]"#,
                r#"action = "back_off""#
            )
        ));
        let new = table(&format!(
            "{POLICY}{flag}{}",
            policy(
                r#"["1002", "1016..=1499"]"#,
                r#"action = "reconnect", fatal = true"#
            )
        ));
        assert_eq!(
            messages(&compare(&old, &new)),
            [
                (
                    Rule::FlagChanged,
                    "flag `fatal` of 1002 changed from false to true; deployed clients still act on false"
                ),
                (
                    Rule::FlagChanged,
                    "flag `fatal` of 1016..=1499 changed from false to true; deployed clients still act on false"
                ),
                (
                    Rule::PropertyChanged,
                    "property `action` of 1002 changed from `back_off` to `reconnect`; deployed clients still act on `back_off`"
                ),
                (
                    Rule::PropertyChanged,
                    "property `action` of 1016..=1499 changed from `back_off` to `reconnect`; deployed clients still act on `back_off`"
                ),
                (
                    Rule::PropertyChanged,
                    "property `action` of 1003 changed from `back_off` to `stop`; deployed clients still act on `back_off`"
                ),
                (
                    Rule::PropertyChanged,
                    "property `action` of 1500..=1999 changed from `back_off` to `stop`; deployed clients still act on `back_off`"
                ),
            ]
        );
        // Each change points at the policy that made it (line 9 of both versions), not at
        // websocket's code or range: the new table's where it set the new value, the old table's
        // where the old value was a policy's and the new one is the default.
        let places: Vec<(Version, usize)> = compare(&old, &new)
            .iter()
            .map(|c| (c.version, c.location.line))
            .collect();
        let (new_at, old_at) = ((Version::New, 9), (Version::Old, 9));
        assert_eq!(places, [new_at, new_at, new_at, new_at, old_at, old_at]);
    }

    #[test]
    fn removed_properties_and_values_break_the_source() {
        let old = table(&format!(
            "{POLICY}[[property]]\nname = \"wait\"\ndescription = \"w\"\ntype = \"u8\"\n"
        ));
        let new = table(
            "extends = \"websocket\"\n[[property]]\nname = \"action\"\ndescription = \"a\"\nvalues = [\"stop\", \"reconnect\"]\n",
        );
        assert_eq!(
            messages(&compare(&old, &new)),
            [
                (
                    Rule::PropertyRemoved,
                    "property `wait` was removed; its getter and its type no longer exist, and clients that read it change behaviour"
                ),
                (
                    Rule::PropertyValueRemoved,
                    "value `back_off` of property `action` was removed; code that names it no longer compiles"
                ),
            ]
        );
    }

    /// A spec rewritten for `flags` that add (the inherited flag no longer repeated) changes
    /// nothing at any number.
    #[test]
    fn flags_that_add_instead_of_replace_report_no_change() {
        let spec = |flags: &str| {
            format!(
                "extends = \"websocket\"\n[[flag]]\nname = \"reconnectable\"\ndescription = \"r\"\n[[code]]\ncode = 4009\nname = \"SessionTimedOut\"\ndescription = \"t\"\nflags = [{flags}]\n"
            )
        };
        let old = table(&spec("\"reconnectable\", \"browser_closable\""));
        let new = table(&spec("\"reconnectable\""));
        assert!(compare(&old, &new).is_empty());
    }

    /// Flags and sendability are compared at every number, whoever holds it: a documented code
    /// removed, new codes that clear their range's flag (adjacent ones as one run), a new code
    /// that is never sent; a new code that inherits its range's values is an addition.
    #[test]
    fn flags_and_sendability_are_compared_at_every_number_whoever_holds_them() {
        let spec = |codes: &str| {
            format!(
                "extends = \"websocket\"\n[[flag]]\nname = \"reconnectable\"\ndescription = \"r\"\n[[range]]\nname = \"Band\"\ncodes = \"4100..=4199\"\ndescription = \"b\"\nassignable = true\nflags = [\"reconnectable\"]\n{codes}"
            )
        };
        let code = |number: u16, name: &str, more: &str| {
            format!("[[code]]\ncode = {number}\nname = \"{name}\"\ndescription = \"d\"\n{more}\n")
        };
        let clear = "set = { reconnectable = false }";
        let old = table(&spec(&format!(
            "[[code]]\ncode = 4150\ndescription = \"documented\"\n{clear}\n"
        )));
        let new = table(&spec(
            &(code(4160, "Stop", clear)
                + &code(4161, "Halt", clear)
                + &code(4170, "Quiet", "sendable = false")
                + &code(4180, "Same", "")),
        ));
        let changes = compare(&old, &new);
        assert_eq!(
            messages(&changes),
            [
                (
                    Rule::SendableChanged,
                    "4170 of `Quiet` became never sent; deployed servers still send it"
                ),
                (
                    Rule::FlagChanged,
                    "flag `reconnectable` of 4160..=4161 changed from true to false; deployed clients still act on true"
                ),
                (
                    Rule::FlagChanged,
                    "flag `reconnectable` of 4150 changed from false to true; deployed clients still act on false"
                ),
            ]
        );
        // The removed documented code is where its change is placed: in the old table.
        let places: Vec<(Version, usize)> = changes
            .iter()
            .map(|c| (c.version, c.location.line))
            .collect();
        assert_eq!(
            places,
            [(Version::New, 22), (Version::New, 12), (Version::Old, 12)]
        );
    }

    /// A removed code whose number is retired is never sent again: its flags are not compared.
    #[test]
    fn a_retired_number_is_not_compared_by_value() {
        let spec = |entry: &str| {
            format!(
                "extends = \"websocket\"\n[[flag]]\nname = \"reconnectable\"\ndescription = \"r\"\n{entry}"
            )
        };
        let old = table(&spec(
            "[[code]]\ncode = 4003\nname = \"Expired\"\ndescription = \"e\"\nflags = [\"reconnectable\"]\n",
        ));
        let new = table(&spec(
            "[[retired]]\ncodes = \"4003\"\nnames = [\"Expired\"]\nnote = \"gone\"\n",
        ));
        let rules: Vec<Rule> = compare(&old, &new).iter().map(|c| c.rule).collect();
        assert_eq!(rules, [Rule::VariantRemoved]);
        // Not retired, the number is its range's again, which is not reconnectable.
        let rules: Vec<Rule> = compare(&old, &table(&spec("")))
            .iter()
            .map(|c| c.rule)
            .collect();
        assert_eq!(
            rules,
            [
                Rule::CodeRemovedUnlessRetired,
                Rule::VariantRemoved,
                Rule::FlagChanged
            ]
        );
    }

    /// Exhaustiveness both ways, and totality both ways.
    #[test]
    fn exhaustiveness_and_totality_are_compared() {
        let plain = |non_exhaustive: bool, rest: bool| {
            let rest = if rest {
                "[[range]]\nname = \"Rest\"\ncodes = [\"0..=6\", \"8..=255\"]\ndescription = \"r\"\n"
            } else {
                ""
            };
            table(&format!(
                "[table]\nname = \"P\"\nrepr = \"u8\"\nnon_exhaustive = {non_exhaustive}\n[[code]]\ncode = 7\nname = \"Seven\"\ndescription = \"d\"\n{rest}"
            ))
        };
        let rules = |old: &Table, new: &Table| -> Vec<Rule> {
            compare(old, new).iter().map(|c| c.rule).collect()
        };
        assert_eq!(
            rules(&plain(false, false), &plain(true, false)),
            [Rule::TableMadeNonExhaustive]
        );
        assert_eq!(
            rules(&plain(true, false), &plain(false, false)),
            [Rule::TableMadeExhaustive]
        );
        assert_eq!(
            rules(&plain(true, false), &plain(true, true)),
            [Rule::TableTotalityChanged]
        );
        // No longer total: the numbers left the table, and the range's variant is gone.
        assert_eq!(
            rules(&plain(true, true), &plain(true, false)),
            [
                Rule::NumberMoved,
                Rule::NumberMoved,
                Rule::VariantRemoved,
                Rule::TableTotalityChanged
            ]
        );
    }

    /// An alias that now names another number, a repr that changed without narrowing, a
    /// renamed table.
    #[test]
    fn names_repr_and_table_name_are_compared() {
        let code = |number: u16, name: &str, aliases: &str| {
            format!(
                "[[code]]\ncode = {number}\nname = \"{name}\"\ndescription = \"d\"\naliases = [{aliases}]\n"
            )
        };
        let spec =
            |codes: &str| format!("extends = \"websocket\"\n[table]\nname = \"App\"\n{codes}");
        let old = table(&spec(
            &(code(4001, "Expired", "\"Timeout\"") + &code(4002, "Other", "")),
        ));
        let new = table(&spec(
            &(code(4001, "Expired", "") + &code(4002, "Other", "\"Timeout\"")),
        ));
        assert_eq!(
            messages(&compare(&old, &new)),
            [(
                Rule::CodeNumberChanged,
                "alias `Timeout` named 4001 and now names 4002 (`Other`); code that uses it gets another number"
            )]
        );
        let plain = |repr: &str, name: &str| {
            table(&format!(
                "[table]\nname = \"{name}\"\nrepr = \"{repr}\"\n[[code]]\ncode = 7\nname = \"Seven\"\ndescription = \"d\"\n"
            ))
        };
        let rules = |old: &Table, new: &Table| -> Vec<Rule> {
            compare(old, new).iter().map(|c| c.rule).collect()
        };
        assert_eq!(
            rules(&plain("u16", "A"), &plain("u32", "A")),
            [Rule::ReprChanged]
        );
        assert_eq!(
            rules(&plain("u32", "A"), &plain("u16", "A")),
            [Rule::ReprNarrowed]
        );
        assert_eq!(
            rules(&plain("u16", "A"), &plain("u16", "B")),
            [Rule::TableRenamed]
        );
    }
}
