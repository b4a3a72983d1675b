//! The error types every generated table shares.

use core::fmt;

/// Why a number is not accepted as a code of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeErrorKind {
    /// The number is in no range and names no code of the table.
    Unknown,
    /// The number is a code of the table, but one that must never be sent on the wire.
    NotSendable,
}

/// A number that is not a code of a table (from `TryFrom`), or must not be received (from `from_wire`).
///
/// ```
/// use closecodes::{CloseCode, CodeErrorKind};
///
/// let err = CloseCode::from_wire(1006).unwrap_err();
/// assert_eq!(err.value(), 1006);
/// assert_eq!(err.kind(), CodeErrorKind::NotSendable);
/// assert_eq!(err.to_string(), "code 1006 of `CloseCode` is never sent on the wire");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeError<R> {
    value: R,
    table: &'static str,
    kind: CodeErrorKind,
    range: Option<&'static str>,
}

impl<R: Copy> CodeError<R> {
    /// An error for `value` in the table named `table`, in the range variant `range` if any.
    /// Generated code builds errors through `__private`.
    pub(crate) const fn new(
        value: R,
        table: &'static str,
        kind: CodeErrorKind,
        range: Option<&'static str>,
    ) -> Self {
        CodeError {
            value,
            table,
            kind,
            range,
        }
    }

    /// The range variant holding the value, if it lies in one (`Some("Reserved")` for 1500).
    #[must_use]
    pub const fn range(&self) -> Option<&'static str> {
        self.range
    }

    /// The offending number.
    #[must_use]
    pub const fn value(&self) -> R {
        self.value
    }

    /// The name of the table that rejected it.
    #[must_use]
    pub const fn table(&self) -> &'static str {
        self.table
    }

    /// Why it was rejected.
    #[must_use]
    pub const fn kind(&self) -> CodeErrorKind {
        self.kind
    }
}

impl<R: fmt::Display> fmt::Display for CodeError<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            CodeErrorKind::Unknown => write!(f, "{} is not a code of `{}`", self.value, self.table),
            CodeErrorKind::NotSendable => {
                write!(f, "code {} of `{}`", self.value, self.table)?;
                if let Some(range) = self.range {
                    write!(f, " (in range `{range}`)")?;
                }
                f.write_str(" is never sent on the wire")
            }
        }
    }
}

impl<R: fmt::Debug + fmt::Display> core::error::Error for CodeError<R> {}

/// Why a string is not accepted by a table's `FromStr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseCodeErrorKind {
    /// The string is neither a number nor the name of a named code.
    Unrecognized,
    /// The string is a number, but not a code of the table.
    Unknown,
    /// The string is a number followed by text that is not that code's reason.
    WrongReason,
}

/// A string that `FromStr` could not turn into a code.
///
/// ```
/// use closecodes::{CloseCode, ParseCodeErrorKind};
///
/// let err = "Nomral".parse::<CloseCode>().unwrap_err();
/// assert_eq!(err.kind(), ParseCodeErrorKind::Unrecognized);
/// assert_eq!(err.value(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseCodeError<R> {
    value: Option<R>,
    table: &'static str,
    kind: ParseCodeErrorKind,
}

impl<R: Copy> ParseCodeError<R> {
    /// An error of `kind`, for the number `value` if the string held one.
    pub(crate) const fn new(
        value: Option<R>,
        table: &'static str,
        kind: ParseCodeErrorKind,
    ) -> Self {
        ParseCodeError { value, table, kind }
    }

    /// The number read from the string, if it held one.
    #[must_use]
    pub const fn value(&self) -> Option<R> {
        self.value
    }

    /// The name of the table that rejected it.
    #[must_use]
    pub const fn table(&self) -> &'static str {
        self.table
    }

    /// Why it was rejected.
    #[must_use]
    pub const fn kind(&self) -> ParseCodeErrorKind {
        self.kind
    }
}

impl<R: fmt::Display> fmt::Display for ParseCodeError<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.kind, &self.value) {
            (ParseCodeErrorKind::Unknown, Some(v)) => {
                write!(f, "{v} is not a code of `{}`", self.table)
            }
            (ParseCodeErrorKind::WrongReason, Some(v)) => write!(
                f,
                "the text after {v} is not the reason of that code of `{}`",
                self.table
            ),
            _ => write!(
                f,
                "expected a number or the name of a code of `{}`",
                self.table
            ),
        }
    }
}

impl<R: fmt::Debug + fmt::Display> core::error::Error for ParseCodeError<R> {}
