//! Why a table cannot be rendered in a format, and a format name that is none.

use std::fmt;

use super::Format;

/// A name that is not one of [`Format::ALL`]'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat {
    /// The name, as given.
    pub name: String,
}

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(
            f,
            "unknown format `{}`; expected one of {}",
            closecodes_spec::escaped(&self.name),
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

/// Why a table cannot be rendered in a format.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderError {
    /// The table's name cannot be an identifier of the target.
    Name {
        /// The name, as given.
        name: String,
        /// The target's language.
        target: &'static str,
        /// Why, and what is expected.
        reason: String,
    },
    /// A code cannot be written exactly in the target (JavaScript numbers above 2^53).
    Number {
        /// The code.
        value: i128,
        /// The target's language.
        target: &'static str,
        /// The largest magnitude the target holds exactly.
        largest: i128,
    },
    /// The table has more named codes and aliases than the target can hold (a JVM enum's
    /// initializer).
    TooLarge {
        /// The target's language.
        target: &'static str,
        /// The table's named codes and their aliases.
        codes: usize,
        /// The most the target takes.
        max: usize,
    },
    /// An enumerated property has more values than the target's enum can hold (a JVM enum's
    /// initializer, as for the named codes).
    TooManyValues {
        /// The property's name.
        property: String,
        /// How many values it has.
        values: usize,
        /// The target's language.
        target: &'static str,
        /// The most the target takes.
        max: usize,
    },
    /// A value of an integer property does not fit the type the target's getters return (a
    /// `u32` above 2,147,483,647 in Kotlin's and Java's `Int`).
    PropertyValue {
        /// The property's name.
        property: String,
        /// The value.
        value: i64,
        /// The target's language.
        target: &'static str,
        /// The least value the target's getters return.
        min: i64,
        /// The greatest value the target's getters return.
        max: i64,
    },
    /// The package (`--package`) is not a package name of the target.
    Package {
        /// The name, as given.
        name: String,
        /// The target's language.
        target: &'static str,
        /// What a package of the target looks like.
        expected: &'static str,
    },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Name {
                name,
                target,
                reason,
            } => write!(
                f,
                "`{}` cannot name the table in {target}: {reason}",
                closecodes_spec::escaped(name)
            ),
            RenderError::Number {
                value,
                target,
                largest,
            } => write!(
                f,
                "code {value} cannot be written exactly as a {target} number; expected codes within ±{largest} for this target"
            ),
            RenderError::TooLarge { target, codes, max } => write!(
                f,
                "the table has {codes} named codes and aliases, and a {target} enum holds at most {max} (the JVM limits the code that creates its entries); expected at most {max} named codes and aliases for this target, or their numbers as range codes"
            ),
            RenderError::TooManyValues {
                property,
                values,
                target,
                max,
            } => write!(
                f,
                "property `{property}` has {values} values, and a {target} enum holds at most {max} (the JVM limits the code that creates its entries); expected at most {max} values for this target"
            ),
            RenderError::PropertyValue {
                property,
                value,
                target,
                min,
                max,
            } => write!(
                f,
                "property `{property}` has the value {value}, which a {target} getter cannot return (its integer properties are `Int`s); expected values within {min}..={max} for this target"
            ),
            RenderError::Package {
                name,
                target,
                expected,
            } => write!(
                f,
                "`{}` is not a {target} package name; expected {expected}",
                closecodes_spec::escaped(name)
            ),
        }
    }
}

impl std::error::Error for RenderError {}
