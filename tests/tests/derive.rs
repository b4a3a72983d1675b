//! `#[derive(CloseCodes)]` on partial and total hand-written enums.

use closecodes::{CloseCode, CloseCodes, CodeErrorKind, CodeTable};
use closecodes_tests::DerivedChat;

/// A table of its own covering every `u8`, so it gets `From<u8>`; no comparison derives at all.
#[derive(Clone, Copy, CloseCodes)]
#[close_codes(repr = "u8")]
enum Level {
    /// Nothing to report.
    #[code(0)]
    Quiet,
    /// Everything else, by severity.
    #[codes("1..=127", "128..=255")]
    Loud(u8),
}

/// A derived enum whose user derives are its own: `PartialOrd` follows variant order here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, CloseCodes)]
#[close_codes(extends = "websocket")]
enum Ordered {
    /// Declared first, with the higher code.
    #[code(4999)]
    Last,
    /// Declared second, with the lower code.
    #[code(4000)]
    First,
}

#[test]
fn partial_derive_has_try_from_and_standard_conversions() {
    assert_eq!(DerivedChat::try_from(4001), Ok(DerivedChat::Unauthorized));
    assert_eq!(DerivedChat::try_from(4002), Ok(DerivedChat::Other(4002)));
    let err = DerivedChat::try_from(1000).unwrap_err();
    assert_eq!((err.value(), err.kind()), (1000, CodeErrorKind::Unknown));
    assert_eq!(DerivedChat::from_u16(4008), Some(DerivedChat::RateLimited));
    assert_eq!(DerivedChat::from_u16(5000), None);
    assert_eq!(DerivedChat::Unauthorized.as_u16(), 4001);
    assert_eq!(u16::from(DerivedChat::Other(4444)), 4444);
    assert_eq!(DerivedChat::RateLimited.to_string(), "4008 Rate Limited");
    assert_eq!(DerivedChat::Other(4100).to_string(), "4100");
    assert_eq!(
        DerivedChat::Unauthorized.description(),
        "The client did not present a valid session token."
    );
    assert_eq!("RateLimited".parse(), Ok(DerivedChat::RateLimited));
    assert_eq!(
        CloseCode::from(DerivedChat::RateLimited),
        CloseCode::Library(4008)
    );
    assert_eq!(
        DerivedChat::try_from(CloseCode::Library(4001)),
        Ok(DerivedChat::Unauthorized)
    );
    assert!(DerivedChat::try_from(CloseCode::Normal).is_err());
    assert_eq!(
        DerivedChat::ALL,
        [DerivedChat::Unauthorized, DerivedChat::RateLimited]
    );
    assert_eq!(DerivedChat::from_wire(4500), Ok(DerivedChat::Other(4500)));
    const { assert!(!<DerivedChat as CodeTable>::TOTAL) };
}

#[test]
fn total_derive_has_from() {
    for value in 0..=u8::MAX {
        let level = Level::from(value);
        assert_eq!(level.as_u8(), value);
        assert_eq!(matches!(level, Level::Quiet), value == 0);
    }
    assert_eq!(Level::Loud(9).to_string(), "9");
    const { assert!(<Level as CodeTable>::TOTAL) };
}

#[test]
fn derive_leaves_comparisons_to_the_user() {
    // The user's derived `Ord` orders by declaration, not by code: the derive did not replace it.
    assert!(Ordered::Last < Ordered::First);
    assert!(Ordered::Last.as_u16() > Ordered::First.as_u16());
    assert_eq!(format!("{:?}", Ordered::First), "First");
}
