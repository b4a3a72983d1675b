//! What generated code calls: the logic that is the same for every table, compiled and tested once.
//!
//! Not public API: the macro's output is the only caller, and this module changes with it.

use core::str::FromStr;

use crate::{
    CodeError, CodeErrorKind, CodeTable, Entry, EntryKind, ParseCodeError, ParseCodeErrorKind,
    PropertyValue,
};

pub use closecodes_macros::close_codes;
#[cfg(feature = "serde")]
pub use serde;

// Constructors of `CodeTable::ENTRIES` rows, so that each generated row is a dozen tokens
// rather than fifty: large tables are dominated by their rows. A reason is never empty (the
// checks reject it), so "" stands for none.

/// Any row; the three below name its kind.
const fn row<R: Copy + 'static>(
    kind: EntryKind,
    variant: &'static str,
    (start, end): (R, R),
    reason: &'static str,
    description: &'static str,
    (sendable, flags): (bool, u64),
    properties: &'static [PropertyValue],
) -> Entry<R> {
    Entry {
        kind,
        variant,
        start,
        end,
        reason: if reason.is_empty() {
            None
        } else {
            Some(reason)
        },
        description,
        sendable,
        flags,
        properties,
    }
}

/// A named code's row.
#[must_use]
pub const fn code<R: Copy + 'static>(
    variant: &'static str,
    value: R,
    reason: &'static str,
    description: &'static str,
    sendable: bool,
    flags: u64,
) -> Entry<R> {
    code_with(variant, value, reason, description, sendable, flags, &[])
}

/// A range interval's row.
#[must_use]
pub const fn range<R: Copy + 'static>(
    variant: &'static str,
    start: R,
    end: R,
    reason: &'static str,
    description: &'static str,
    sendable: bool,
    flags: u64,
) -> Entry<R> {
    range_with(
        variant,
        start,
        end,
        reason,
        description,
        sendable,
        flags,
        &[],
    )
}

/// The row of a code documented inside a range.
#[must_use]
pub const fn documented<R: Copy + 'static>(
    variant: &'static str,
    value: R,
    reason: &'static str,
    description: &'static str,
    sendable: bool,
    flags: u64,
) -> Entry<R> {
    documented_with(variant, value, reason, description, sendable, flags, &[])
}

// A table with properties writes its rows with these instead of the three above: the same, and
// the values of its properties at the row (a `const` per distinct list, `__PROPERTIES_3`). A
// table without them pays nothing for them.

/// A named code's row, with its properties' values.
#[must_use]
#[allow(clippy::too_many_arguments)]
pub const fn code_with<R: Copy + 'static>(
    variant: &'static str,
    value: R,
    reason: &'static str,
    description: &'static str,
    sendable: bool,
    flags: u64,
    properties: &'static [PropertyValue],
) -> Entry<R> {
    row(
        EntryKind::Code,
        variant,
        (value, value),
        reason,
        description,
        (sendable, flags),
        properties,
    )
}

/// A range interval's row, with its properties' values.
#[must_use]
#[allow(clippy::too_many_arguments)]
pub const fn range_with<R: Copy + 'static>(
    variant: &'static str,
    start: R,
    end: R,
    reason: &'static str,
    description: &'static str,
    sendable: bool,
    flags: u64,
    properties: &'static [PropertyValue],
) -> Entry<R> {
    row(
        EntryKind::Range,
        variant,
        (start, end),
        reason,
        description,
        (sendable, flags),
        properties,
    )
}

/// The row of a code documented inside a range, with its properties' values.
#[must_use]
#[allow(clippy::too_many_arguments)]
pub const fn documented_with<R: Copy + 'static>(
    variant: &'static str,
    value: R,
    reason: &'static str,
    description: &'static str,
    sendable: bool,
    flags: u64,
    properties: &'static [PropertyValue],
) -> Entry<R> {
    row(
        EntryKind::Documented,
        variant,
        (value, value),
        reason,
        description,
        (sendable, flags),
        properties,
    )
}

/// `value` is not a code of the table `table`.
#[must_use]
#[inline]
pub const fn unknown<R: Copy>(value: R, table: &'static str) -> CodeError<R> {
    CodeError::new(value, table, CodeErrorKind::Unknown, None)
}

/// `value` is a code of `table` (in the range variant `range`, if any) that is never sent.
#[must_use]
#[inline]
pub const fn not_sendable<R: Copy>(
    value: R,
    table: &'static str,
    range: Option<&'static str>,
) -> CodeError<R> {
    CodeError::new(value, table, CodeErrorKind::NotSendable, range)
}

/// The binary searches of tables in lookup form, one pair per repr: a `const fn` cannot compare
/// values of a generic type.
macro_rules! lookups {
    ($($repr:ty => $find:ident, $row:ident;)*) => {$(
        /// The position of `value` in `codes`, sorted ascending, by binary search.
        #[must_use]
        #[inline]
        pub const fn $find(codes: &[$repr], value: $repr) -> Option<usize> {
            let (mut low, mut high) = (0, codes.len());
            while low < high {
                let middle = low + (high - low) / 2;
                let code = codes[middle];
                if code == value {
                    return Some(middle);
                }
                if code < value {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            None
        }

        /// The first row of `entries` (ordered by start) that starts at or after `value`: for a
        /// named code, its own row, which comes before a range's or a documented code's at the
        /// same number. Generated code asks only for named codes, which always have a row.
        #[must_use]
        #[inline]
        pub const fn $row(entries: &'static [Entry<$repr>], value: $repr) -> &'static Entry<$repr> {
            let (mut low, mut high) = (0, entries.len());
            while low < high {
                let middle = low + (high - low) / 2;
                if entries[middle].start < value {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            &entries[low]
        }
    )*};
}

lookups! {
    u8 => find_u8, row_u8;
    u16 => find_u16, row_u16;
    u32 => find_u32, row_u32;
    u64 => find_u64, row_u64;
    i8 => find_i8, row_i8;
    i16 => find_i16, row_i16;
    i32 => find_i32, row_i32;
    i64 => find_i64, row_i64;
}

/// `FromStr` of every table: a variant name, a number, or the `Display` form (`"1000 Normal
/// Closure"`). `by_name` holds the positions of the named codes' rows in `T::ENTRIES`, sorted by
/// variant name, so that a name is found by binary search.
///
/// # Errors
///
/// When `text` is none of those, or a number that is not a code of `T`, or a number followed by
/// text that is not its reason.
pub fn parse_code<T: CodeTable>(text: &str, by_name: &[usize]) -> Result<T, ParseCodeError<T::Repr>>
where
    T::Repr: FromStr,
{
    let text = text.trim();
    let rows = T::ENTRIES;
    let name_of = |at: &usize| rows.get(*at).map_or("", |row| row.variant);
    if let Ok(at) = by_name.binary_search_by(|at| name_of(at).cmp(text))
        && let Some(row) = by_name.get(at).and_then(|at| rows.get(*at))
        && let Ok(code) = T::try_from_code(row.start)
    {
        return Ok(code);
    }
    let (number, rest) = match text.split_once(' ') {
        Some((number, rest)) => (number, Some(rest.trim())),
        None => (text, None),
    };
    let error = |value, kind| ParseCodeError::new(value, T::NAME, kind);
    let Ok(value) = number.parse::<T::Repr>() else {
        return Err(error(None, ParseCodeErrorKind::Unrecognized));
    };
    let Ok(code) = T::try_from_code(value) else {
        return Err(error(Some(value), ParseCodeErrorKind::Unknown));
    };
    match rest {
        Some(rest) if code.reason() != Some(rest) => {
            Err(error(Some(value), ParseCodeErrorKind::WrongReason))
        }
        _ => Ok(code),
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::string::ToString;

    use super::*;
    use crate::CloseCode;

    #[test]
    fn find_returns_the_position_or_none() {
        let codes = [1u16, 5, 9, 1000, 4001];
        for (at, code) in codes.iter().enumerate() {
            assert_eq!(find_u16(&codes, *code), Some(at));
        }
        for missing in [0, 2, 6, 10, 999, 4000, 4002, u16::MAX] {
            assert_eq!(find_u16(&codes, missing), None);
        }
        assert_eq!(find_u16(&[], 3), None);
        assert_eq!(find_i8(&[-128, -1, 0, 127], -1), Some(1));
        assert_eq!(find_i64(&[i64::MIN, 0, i64::MAX], i64::MAX), Some(2));
    }

    #[test]
    fn row_finds_a_named_codes_row_before_a_range_at_the_same_number() {
        static ROWS: [Entry<u32>; 4] = [
            range("Low", 0, 9, "", "low", true, 0),
            code("Ten", 10, "Ten", "ten", false, 0b10),
            range("High", 10, 99, "", "high", true, 0),
            documented("High", 50, "Fifty", "fifty", true, 1),
        ];
        assert_eq!(row_u32(&ROWS, 10).variant, "Ten");
        assert_eq!(row_u32(&ROWS, 10).kind, EntryKind::Code);
        assert!(row_u32(&ROWS, 10).flag(1) && !row_u32(&ROWS, 10).flag(0));
        assert!(!row_u32(&ROWS, 10).flag(64));
        assert_eq!(row_u32(&ROWS, 50).reason, Some("Fifty"));
        assert_eq!(row_u32(&ROWS, 0).reason, None);
    }

    #[test]
    fn parse_code_takes_names_numbers_and_the_display_form() {
        let by_name = |text| parse_code::<CloseCode>(text, &by_name_of_close_code());
        assert_eq!(by_name("Away"), Ok(CloseCode::Away));
        assert_eq!(by_name("  Normal "), Ok(CloseCode::Normal));
        assert_eq!(by_name("4001"), Ok(CloseCode::Library(4001)));
        assert_eq!(by_name("1000 Normal Closure"), Ok(CloseCode::Normal));
        let kind = |text| by_name(text).map_err(|e| (e.kind(), e.value()));
        assert_eq!(
            kind("Nomral"),
            Err((ParseCodeErrorKind::Unrecognized, None))
        );
        assert_eq!(
            kind("1000 Going Away"),
            Err((ParseCodeErrorKind::WrongReason, Some(1000)))
        );
        assert_eq!(kind("70000"), Err((ParseCodeErrorKind::Unrecognized, None)));
        // A name is looked up only among the positions given.
        assert_eq!(
            parse_code::<CloseCode>("Away", &[]).map_err(|e| e.kind()),
            Err(ParseCodeErrorKind::Unrecognized)
        );
    }

    /// The positions of `CloseCode`'s named rows, sorted by name, as generated code passes them.
    fn by_name_of_close_code() -> [usize; 15] {
        let mut named = [0usize; 15];
        let mut n = 0;
        for (at, row) in CloseCode::ENTRIES.iter().enumerate() {
            if row.kind == EntryKind::Code {
                named[n] = at;
                n += 1;
            }
        }
        assert_eq!(n, 15);
        named.sort_by_key(|at| CloseCode::ENTRIES[*at].variant);
        named
    }

    #[test]
    fn error_constructors_carry_value_table_and_range() {
        let error = not_sendable(1015u16, "CloseCode", None);
        assert_eq!(error.kind(), CodeErrorKind::NotSendable);
        assert_eq!(error.range(), None);
        let error = not_sendable(1500u16, "CloseCode", Some("Reserved"));
        assert_eq!(
            error.to_string(),
            "code 1500 of `CloseCode` (in range `Reserved`) is never sent on the wire"
        );
        let error = unknown(7u8, "Job");
        assert_eq!((error.value(), error.table()), (7, "Job"));
        assert_eq!(error.kind(), CodeErrorKind::Unknown);
    }
}
