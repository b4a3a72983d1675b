//! The rules of the spec format, each with a stable id: one catalogue ([`RULES`]) that the enum,
//! the errors, the documentation and the rule cases (`spec/tests/rules/<id>/`) all read.

use std::fmt;

/// A rule of the spec format and its stable id (as `closecodes breaking`'s rules have theirs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// The rule.
    pub rule: CheckRule,
    /// The stable id: `NAME_DUPLICATE`.
    pub id: &'static str,
    /// What the rule forbids, in one line.
    pub summary: &'static str,
}

/// One list makes the enum, its ids and summaries, and [`RULES`], so that none can lag behind.
macro_rules! rules {
    ($($(#[$attr:meta])* $rule:ident = $id:literal, $summary:literal;)*) => {
        /// A rule of the spec format: every [`Error`](crate::Error) of a spec names the one it
        /// breaks. [`RULES`] lists them all, in this order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        // The summaries are prose for every reader (docs/spec.md, messages), not rustdoc.
        #[allow(clippy::doc_markdown)]
        pub enum CheckRule {
            $(
                #[doc = $summary]
                $(#[$attr])*
                $rule,
            )*
        }

        /// Every rule of the spec format, with its id and summary, in the order of
        /// [`CheckRule`]: parsing first, then `extends`, then the checks.
        pub const RULES: &[RuleInfo] = &[
            $(RuleInfo { rule: CheckRule::$rule, id: $id, summary: $summary },)*
        ];
    };
}

rules! {
    TomlSyntax = "TOML_SYNTAX", "the spec is not valid TOML";
    KeyUnknown = "KEY_UNKNOWN", "a key the spec format does not have";
    KeyMissing = "KEY_MISSING", "an entry lacks a required key";
    ValueWrongType = "VALUE_WRONG_TYPE", "a key's value is not of the type the key takes";
    ValueEmpty = "VALUE_EMPTY", "a string value is empty or only spaces";
    IntegerTooLarge = "INTEGER_TOO_LARGE", "an integer does not fit any integer type";
    ReprUnknown = "REPR_UNKNOWN", "`repr` names no integer type the format supports";
    CodesEmpty = "CODES_EMPTY", "`codes` is an empty list";
    IntervalMalformed = "INTERVAL_MALFORMED", "an interval of `codes` is neither \"start..=end\" nor a single code";
    IntervalInverted = "INTERVAL_INVERTED", "an interval of `codes` starts after it ends";
    RetiredEmpty = "RETIRED_EMPTY", "a `[[retired]]` entry retires neither numbers nor names";
    ExtendsUnreadable = "EXTENDS_UNREADABLE", "the base file `extends` names cannot be read";
    ExtendsUnknownBuiltin = "EXTENDS_UNKNOWN_BUILTIN", "`extends` names no built-in table and is not a path";
    ExtendsCycle = "EXTENDS_CYCLE", "a chain of `extends` comes back to a table it started from";
    ExtendsTooDeep = "EXTENDS_TOO_DEEP", "a chain of `extends` is deeper than 16 tables";
    ReprMismatch = "REPR_MISMATCH", "an extending table's `repr` is not its base's";
    NameKeyword = "NAME_KEYWORD", "a name of the table, a code, a range or an alias is a Rust keyword";
    NameNotIdentifier = "NAME_NOT_IDENTIFIER", "a name of the table, a code, a range or an alias is not a Rust identifier";
    NameNotCamelCase = "NAME_NOT_CAMEL_CASE", "a name of the table, a code, a range or an alias is not `UpperCamelCase`";
    AliasWithoutName = "ALIAS_WITHOUT_NAME", "a code without a `name` has `aliases`";
    NameDuplicate = "NAME_DUPLICATE", "two codes, ranges or aliases of the spec have the same name";
    NameInBase = "NAME_IN_BASE", "a name of the spec is already used by its base table";
    ConstructorClash = "CONSTRUCTOR_CLASH", "a range's constructors (`library`, `try_library`) are a keyword or another method's name";
    FlagNotSnakeCase = "FLAG_NOT_SNAKE_CASE", "a flag's name is not `snake_case`";
    FlagDuplicate = "FLAG_DUPLICATE", "two flags of the table and its bases have the same name";
    FlagPredicateClash = "FLAG_PREDICATE_CLASH", "a flag's predicate (`is_<flag>`) is another method's name";
    FlagsTooMany = "FLAGS_TOO_MANY", "a table and its bases declare more than 64 flags";
    FlagUndeclared = "FLAG_UNDECLARED", "a code or range sets a flag that no `[[flag]]` declares";
    PropertyNotSnakeCase = "PROPERTY_NOT_SNAKE_CASE", "a property's name is not `snake_case`";
    PropertyDuplicate = "PROPERTY_DUPLICATE", "a property or flag has the name of another property or flag of the table or its bases";
    PropertyKind = "PROPERTY_KIND", "a `[[property]]` has both `values` and `type`, or neither";
    PropertyTypeUnknown = "PROPERTY_TYPE_UNKNOWN", "a property's `type` is not one of `u8`, `u16`, `u32`, `i8`, `i16`, `i32`";
    PropertyValuesTooFew = "PROPERTY_VALUES_TOO_FEW", "an enumerated property has fewer than two values";
    PropertyValueNotSnakeCase = "PROPERTY_VALUE_NOT_SNAKE_CASE", "a value of an enumerated property is not a `snake_case` word";
    PropertyValueDuplicate = "PROPERTY_VALUE_DUPLICATE", "an enumerated property lists a value twice, or two that Rust spells alike";
    PropertyNameClash = "PROPERTY_NAME_CLASH", "a property's getter, type or values are a keyword or another name of the generated Rust";
    SetUnknown = "SET_UNKNOWN", "a key of `set` names neither a flag nor a property of the table";
    PropertyValueUnknown = "PROPERTY_VALUE_UNKNOWN", "a word given to an enumerated property (in `set` or its `default`) is not one of its values";
    PropertyIntegerOutOfRange = "PROPERTY_INTEGER_OUT_OF_RANGE", "an integer given to a property (in `set` or its `default`) does not fit its type";
    FlagSetConflict = "FLAG_SET_CONFLICT", "an entry lists a flag in `flags` and sets it false in `set`";
    DerivedRangeMixesValues = "DERIVED_RANGE_MIXES_VALUES", "a derived enum's range variant holds codes to which the base gives different flags or properties";
    ReasonTooLong = "REASON_TOO_LONG", "in a table that is or extends `websocket`, a reason is longer than a Close frame holds";
    DeprecatedWithoutName = "DEPRECATED_WITHOUT_NAME", "a code without a `name` is `deprecated`";
    RetiredNumberNamedByBase = "RETIRED_NUMBER_NAMED_BY_BASE", "a `[[retired]]` entry retires a number the base table names";
    RetiredNameUsedByBase = "RETIRED_NAME_USED_BY_BASE", "a `[[retired]]` entry retires a name or alias the base table uses";
    RetiredNumberReused = "RETIRED_NUMBER_REUSED", "a named code has a retired number";
    RetiredNameReused = "RETIRED_NAME_REUSED", "a code, alias or range has a retired name";
    CodeOutOfRepr = "CODE_OUT_OF_REPR", "a code, or an end of an interval, does not fit the table's `repr`";
    RangeNotAssignable = "RANGE_NOT_ASSIGNABLE", "an extending table's range lies in a base range that is not `assignable`";
    RangeSpansBaseRanges = "RANGE_SPANS_BASE_RANGES", "an extending table's range spans two ranges of the base";
    RangeLeavesBaseRange = "RANGE_LEAVES_BASE_RANGE", "an extending table's range starts in a base range and ends past it";
    RangeOverlap = "RANGE_OVERLAP", "two ranges, or two intervals of one range, share a code";
    CodeDuplicate = "CODE_DUPLICATE", "two codes of the spec have the same number";
    CodeInBase = "CODE_IN_BASE", "a code of an extending table is already a named or documented code of the base";
    CodeNotAssignable = "CODE_NOT_ASSIGNABLE", "a code of an extending table lies in a base range that is not `assignable`";
    CodeOutsideBase = "CODE_OUTSIDE_BASE", "a code of an extending table lies outside every range of the base";
    UnnamedCodeOutsideRange = "UNNAMED_CODE_OUTSIDE_RANGE", "a code without a `name` lies in no range";
    PolicyWithoutExtends = "POLICY_WITHOUT_EXTENDS", "a `[[policy]]` is in a table that extends no other";
    PolicyOutsideBase = "POLICY_OUTSIDE_BASE", "a `[[policy]]` covers a number that no code or range of the base table holds";
    PolicyOnOwnEntry = "POLICY_ON_OWN_ENTRY", "a `[[policy]]` covers a number that one of the table's own codes or ranges holds";
    PolicySetsBase = "POLICY_SETS_BASE", "a `[[policy]]` sets a flag or property that the base table declares";
    PolicySetEmpty = "POLICY_SET_EMPTY", "a `[[policy]]` sets nothing";
    PolicyOverlap = "POLICY_OVERLAP", "two `[[policy]]` entries, or two intervals of one, cover the same number";
    TargetName = "TARGET_NAME", "a rendered target (TypeScript, Python, Go, Kotlin, C#, Java) cannot spell a name of the table";
}

impl CheckRule {
    /// The rule's entry of [`RULES`].
    #[must_use]
    pub fn info(self) -> &'static RuleInfo {
        // `RULES` is made in the order of the enum, from the same list (`rules!`).
        &RULES[self as usize]
    }

    /// The stable id: `NAME_DUPLICATE`.
    #[must_use]
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// What the rule forbids, in one line.
    #[must_use]
    pub fn summary(self) -> &'static str {
        self.info().summary
    }

    /// The rule with id `id`.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        RULES.iter().find(|r| r.id == id).map(|r| r.rule)
    }
}

impl fmt::Display for CheckRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
