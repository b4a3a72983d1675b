//! The trait every generated table implements, for code that works with any table.

use core::fmt;
use core::hash::Hash;

use crate::{CodeError, ParseCodeError};

/// What an [`Entry`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A named code: a unit variant.
    Code,
    /// One interval of a range: a variant that carries the value.
    Range,
    /// A code documented inside a range, without a variant of its own.
    Documented,
}

/// One row of a table's documentation: a named code, a range interval or a documented code.
///
/// Built by generated code only (through the runtime), so that a field added later breaks no one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Entry<R: 'static> {
    /// What the row describes.
    pub kind: EntryKind,
    /// The variant that holds the codes.
    pub variant: &'static str,
    /// First code.
    pub start: R,
    /// Last code (inclusive); equal to `start` for a single code.
    pub end: R,
    /// The registry's short name, if any.
    pub reason: Option<&'static str>,
    /// What the code or range means.
    pub description: &'static str,
    /// Whether the codes may be sent on the wire.
    pub sendable: bool,
    /// The table's flags this row has: bit `i` is [`CodeTable::FLAGS`]`[i]`.
    pub flags: u64,
    /// The value of each of the table's properties at the codes the row describes (a named or
    /// documented code inside a range has a row of its own), in the order of
    /// [`CodeTable::PROPERTIES`]; empty for a table without properties.
    pub properties: &'static [PropertyValue],
}

impl<R> Entry<R> {
    /// Whether the row has the flag at `index` of [`CodeTable::FLAGS`] (false past the end).
    #[must_use]
    pub const fn flag(&self, index: usize) -> bool {
        index < 64 && self.flags >> index & 1 == 1
    }

    /// The row's value of the property at `index` of [`CodeTable::PROPERTIES`] (`None` past the
    /// end).
    #[must_use]
    pub const fn property(&self, index: usize) -> Option<PropertyValue> {
        if index < self.properties.len() {
            Some(self.properties[index])
        } else {
            None
        }
    }
}

/// A boolean property of codes that a table declares (`[[flag]]` in its spec), such as whether a
/// client may reconnect after a close; each has a predicate `is_<name>` on the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Flag {
    /// The `snake_case` name (`browser_closable`).
    pub name: &'static str,
    /// What the flag means.
    pub description: &'static str,
    /// The value of codes that do not set it.
    pub default: bool,
}

/// A typed property of codes that a table declares (`[[property]]` in its spec), such as what a
/// client does after a close; each has a getter named after it on the table (`action()`), which
/// returns the property's own type. This is its description for generic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Property {
    /// The `snake_case` name (`retry_after_ms`).
    pub name: &'static str,
    /// What the property means.
    pub description: &'static str,
    /// Which values it takes.
    pub kind: PropertyKind,
    /// The value of codes that do not set it.
    pub default: PropertyValue,
}

/// The values a [`Property`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PropertyKind {
    /// One of these words, in the order of the spec (and of the property type's `ALL`).
    Words(&'static [&'static str]),
    /// An integer of this type, as the spec names it: `u8`, `u16`, `u32`, `i8`, `i16` or `i32`.
    Integer(&'static str),
}

/// The value of a [`Property`] at a code or an [`Entry`].
///
/// ```
/// use closecodes::PropertyValue;
///
/// assert_eq!(PropertyValue::Word("back_off").to_string(), "back_off");
/// assert_eq!(PropertyValue::Integer(1000).as_integer(), Some(1000));
/// assert_eq!(PropertyValue::Integer(1000).as_word(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PropertyValue {
    /// A word of an enumerated property, as the spec writes it (`"back_off"`).
    Word(&'static str),
    /// The value of an integer property (every integer type a spec declares fits an `i64`).
    Integer(i64),
}

impl PropertyValue {
    /// The word, for a value of an enumerated property.
    #[must_use]
    pub const fn as_word(self) -> Option<&'static str> {
        match self {
            Self::Word(word) => Some(word),
            Self::Integer(_) => None,
        }
    }

    /// The integer, for a value of an integer property.
    #[must_use]
    pub const fn as_integer(self) -> Option<i64> {
        match self {
            Self::Word(_) => None,
            Self::Integer(n) => Some(n),
        }
    }
}

/// The word, or the integer in decimal.
impl fmt::Display for PropertyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Word(word) => f.write_str(word),
            Self::Integer(n) => fmt::Display::fmt(n, f),
        }
    }
}

/// A table of numeric codes generated by [`close_codes!`](crate::close_codes) or
/// [`#[derive(CloseCodes)]`](derive@crate::CloseCodes).
///
/// A derived enum keeps its own `Debug`, `PartialEq`, `Ord` and `Hash` (or none), so the trait
/// asks only for what every table has.
///
/// The inherent `const fn`s of a table do the same work; this trait lets generic code take any table.
///
/// ```
/// use closecodes::{CloseCode, CodeTable};
///
/// fn describe<T: CodeTable>(code: T) -> &'static str {
///     code.description()
/// }
/// assert_eq!(CloseCode::NAME, "CloseCode");
/// assert!(describe(CloseCode::Normal).contains("on purpose"));
/// ```
pub trait CodeTable: Copy + fmt::Display + Into<Self::Repr> + 'static {
    /// The integer type of the codes.
    type Repr: Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + 'static;

    /// The name of the table's enum.
    const NAME: &'static str;

    /// Every named code, ordered by code.
    const ALL: &'static [Self];

    /// Every named code, range interval and documented code, ordered by code.
    const ENTRIES: &'static [Entry<Self::Repr>];

    /// Whether every value of [`Self::Repr`] is a code of the table.
    const TOTAL: bool;

    /// The flags the table declares, its bases' first: bit `i` of [`flags`](Self::flags) and of
    /// [`Entry::flags`] is `FLAGS[i]`.
    const FLAGS: &'static [Flag];

    /// The properties the table declares, its bases' first: [`property_at`](Self::property_at)
    /// and [`Entry::properties`] are in this order.
    const PROPERTIES: &'static [Property] = &[];

    /// The number of the code.
    fn code(self) -> Self::Repr;

    /// The registry's short name of the code, if it has one.
    fn reason(self) -> Option<&'static str>;

    /// What the code means.
    fn description(self) -> &'static str;

    /// Whether the code may be sent on the wire.
    fn is_sendable(self) -> bool;

    /// The flags the code has, as bits in the order of [`FLAGS`](Self::FLAGS).
    fn flags(self) -> u64;

    /// Whether the code has the flag named `name`; `None` if the table declares no such flag.
    ///
    /// ```
    /// use closecodes::{CloseCode, CodeTable};
    ///
    /// assert_eq!(CloseCode::Normal.flag("browser_closable"), Some(true));
    /// assert_eq!(CloseCode::Away.flag("browser_closable"), Some(false));
    /// assert_eq!(CloseCode::Away.flag("reconnectable"), None);
    /// ```
    fn flag(self, name: &str) -> Option<bool> {
        let index = Self::FLAGS.iter().position(|flag| flag.name == name)?;
        Some(self.flags() >> index & 1 == 1)
    }

    /// The code's value of the property at `index` of [`PROPERTIES`](Self::PROPERTIES) (`None`
    /// past the end): what the property's getter returns, as a [`PropertyValue`].
    fn property_at(self, index: usize) -> Option<PropertyValue> {
        let _ = (self, index);
        None
    }

    /// The code's value of the property named `name`; `None` if the table declares no such
    /// property.
    ///
    /// ```
    /// use closecodes::{CodeTable, PropertyValue};
    ///
    /// closecodes::close_codes! {
    ///     pub enum AppCode = r#"
    ///         [table]
    ///         description = "Codes of an app."
    ///
    ///         [[property]]
    ///         name = "retry_after_ms"
    ///         description = "How long a client waits before it reconnects."
    ///         type = "u32"
    ///         default = 1000
    ///
    ///         [[code]]
    ///         code = 1
    ///         name = "Busy"
    ///         description = "The server is busy."
    ///         set = { retry_after_ms = 5000 }
    ///
    ///         [[range]]
    ///         name = "Other"
    ///         codes = "0..=65535"
    ///         description = "Any other code."
    ///     "#;
    /// }
    ///
    /// assert_eq!(AppCode::Busy.property("retry_after_ms"), Some(PropertyValue::Integer(5000)));
    /// assert_eq!(AppCode::from_u16(2).property("retry_after_ms"), Some(PropertyValue::Integer(1000)));
    /// assert_eq!(AppCode::Busy.property("action"), None);
    /// ```
    fn property(self, name: &str) -> Option<PropertyValue> {
        let index = Self::PROPERTIES
            .iter()
            .position(|property| property.name == name)?;
        self.property_at(index)
    }

    /// The code with this number.
    ///
    /// # Errors
    ///
    /// [`CodeErrorKind::Unknown`](crate::CodeErrorKind::Unknown) if the number is not a code of the table.
    fn try_from_code(value: Self::Repr) -> Result<Self, CodeError<Self::Repr>>;

    /// The code with this number, read from the wire.
    ///
    /// # Errors
    ///
    /// As [`try_from_code`](Self::try_from_code), and
    /// [`CodeErrorKind::NotSendable`](crate::CodeErrorKind::NotSendable) for a code that is never sent.
    fn from_wire(value: Self::Repr) -> Result<Self, CodeError<Self::Repr>>;

    /// Parses a number, a variant name, or the `Display` form (`"1000 Normal Closure"`).
    ///
    /// # Errors
    ///
    /// When the string is none of those.
    fn parse_code(text: &str) -> Result<Self, ParseCodeError<Self::Repr>>;
}
