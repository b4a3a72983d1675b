//! Tables from files and inline specs, `extends` chains, forwarded attributes, partial tables.

use closecodes::{CloseCode, CodeErrorKind, CodeTable};
use closecodes_tests::{ChatCode, GameCode, GrpcStatus};

closecodes::close_codes! {
    /// An inline table with its own ranges, in `i16`.
    #[allow(dead_code)]
    pub(crate) enum Temperature = r#"
        [table]
        repr = "i16"
        description = "A temperature reading's class."

        [[code]]
        code = 0
        name = "Freezing"
        description = "Water freezes."

        [[range]]
        name = "Cold"
        codes = "-32768..=-1"
        description = "Below freezing."

        [[range]]
        name = "Warm"
        codes = ["1..=99", "100..=32767"]
        description = "Above freezing."
    "#;
}

#[cfg(any())]
closecodes::close_codes! {
    /// Compiled out: neither the enum nor its impls exist.
    pub enum Missing from "codes/does-not-exist.toml";
}

#[test]
fn file_spec_extends_the_standard_table() {
    assert_eq!(ChatCode::from_u16(4001), ChatCode::Unauthorized);
    assert_eq!(ChatCode::from_u16(4008), ChatCode::RateLimited);
    assert_eq!(ChatCode::from_u16(4009), ChatCode::Library(4009));
    assert_eq!(ChatCode::from_u16(1014), ChatCode::Gateway);
    assert_eq!(ChatCode::RateLimited.to_string(), "4008 Rate Limited");
    assert_eq!(ChatCode::Normal.reason(), Some("Normal Closure"));
    assert!(
        ChatCode::SessionExpired
            .description()
            .contains("log in again")
    );
    for value in 0..=u16::MAX {
        let code = ChatCode::from_u16(value);
        assert_eq!(code.as_u16(), value);
        assert_eq!(code.is_sendable(), CloseCode::from_u16(value).is_sendable());
        // Lossless both ways with the standard table.
        let standard = CloseCode::from(code);
        assert_eq!(standard.as_u16(), value);
        assert_eq!(ChatCode::from(standard), code);
    }
    assert_eq!(
        ChatCode::ALL
            .iter()
            .map(|c| c.as_u16())
            .filter(|&v| v >= 4000)
            .collect::<Vec<_>>(),
        [4001, 4008, 4010]
    );
    assert_eq!(<ChatCode as CodeTable>::NAME, "ChatCode");
}

#[test]
fn extends_chain_through_two_files() {
    assert_eq!(GameCode::from_u16(4100), GameCode::MatchOver);
    assert_eq!(GameCode::from_u16(4001), GameCode::Unauthorized);
    assert_eq!(GameCode::from_u16(1000), GameCode::Normal);
    assert_eq!(GameCode::Kicked.reason(), None);
    assert_eq!(GameCode::Kicked.to_string(), "4101");
    assert_eq!(
        CloseCode::from(GameCode::MatchOver),
        CloseCode::Library(4100)
    );
    assert_eq!(
        GameCode::from(CloseCode::Library(4008)),
        GameCode::RateLimited
    );
}

#[test]
fn forwarded_derive_is_deduplicated_and_hash_works() {
    use std::collections::HashSet;
    let set: HashSet<ChatCode> = [ChatCode::Unauthorized, ChatCode::from_u16(4001)].into();
    assert_eq!(set.len(), 1);
}

#[test]
fn partial_table_has_try_from_and_from_repr_returns_option() {
    assert_eq!(GrpcStatus::from_u8(5), Some(GrpcStatus::NotFound));
    assert_eq!(GrpcStatus::from_u8(17), None);
    assert_eq!(GrpcStatus::try_from(16), Ok(GrpcStatus::Unauthenticated));
    let err = GrpcStatus::try_from(200).unwrap_err();
    assert_eq!((err.value(), err.kind()), (200, CodeErrorKind::Unknown));
    assert_eq!(err.to_string(), "200 is not a code of `GrpcStatus`");
    assert_eq!(
        GrpcStatus::from_wire(99).unwrap_err().kind(),
        CodeErrorKind::Unknown
    );
    assert_eq!(u8::from(GrpcStatus::DataLoss), 15);
    assert_eq!(GrpcStatus::Ok.to_string(), "0 OK");
    assert_eq!("NOT_FOUND".parse::<GrpcStatus>().ok(), None);
    assert_eq!("NotFound".parse::<GrpcStatus>(), Ok(GrpcStatus::NotFound));
    assert_eq!(
        "5 NOT_FOUND".parse::<GrpcStatus>(),
        Ok(GrpcStatus::NotFound)
    );
    const { assert!(!<GrpcStatus as CodeTable>::TOTAL) };
    for value in 0..=u8::MAX {
        match GrpcStatus::try_from(value) {
            Ok(code) => assert_eq!(code.as_u8(), value),
            Err(e) => {
                assert!(value > 16);
                assert_eq!(e.value(), value);
            }
        }
    }
}

#[test]
fn inline_spec_with_signed_repr_and_multi_interval_range() {
    assert_eq!(Temperature::from_i16(0), Temperature::Freezing);
    assert_eq!(Temperature::from_i16(-40), Temperature::Cold(-40));
    assert_eq!(Temperature::from_i16(i16::MIN), Temperature::Cold(i16::MIN));
    assert_eq!(Temperature::from_i16(150), Temperature::Warm(150));
    assert_eq!(i16::from(Temperature::Warm(7)), 7);
    assert!(Temperature::Cold(-1) < Temperature::Freezing);
    assert_eq!(Temperature::from(5_i16), Temperature::Warm(5));
    assert_eq!(Temperature::Freezing.to_string(), "0");
}

#[test]
fn from_wire_rejects_what_is_never_sent() {
    assert_eq!(ChatCode::from_wire(4008), Ok(ChatCode::RateLimited));
    let err = ChatCode::from_wire(1005).unwrap_err();
    assert_eq!(err.kind(), CodeErrorKind::NotSendable);
    assert_eq!(
        err.to_string(),
        "code 1005 of `ChatCode` is never sent on the wire"
    );
}

#[test]
fn empty_and_rangeless_tables_work() {
    use closecodes_tests::lints::{LintedEmpty, LintedPartial, LintedRangesOnly};
    assert!(LintedEmpty::try_from(0).is_err());
    assert!(LintedEmpty::ALL.is_empty());
    assert!("anything".parse::<LintedEmpty>().is_err());
    assert_eq!(
        LintedRangesOnly::from_u8(7),
        LintedRangesOnly::Everything(7)
    );
    assert_eq!(
        LintedPartial::try_from(-7).map(LintedPartial::reason),
        Ok(Some("Seven below"))
    );
    assert_eq!(
        LintedPartial::try_from(-100),
        Ok(LintedPartial::Negative(-100))
    );
    assert!(LintedPartial::try_from(1).is_err());
}

closecodes::close_codes! {
    /// A raw identifier as the enum's name.
    pub enum r#Type = r#"
        [table]
        repr = "u8"
        [[code]]
        code = 1
        name = "One"
        description = "One."
    "#;
}

#[test]
fn a_raw_enum_name_is_used_without_its_prefix() {
    use closecodes::CodeTable;
    assert_eq!(<Type as CodeTable>::NAME, "Type");
    let error = Type::try_from(2).unwrap_err();
    assert_eq!(error.to_string(), "2 is not a code of `Type`");
    assert_eq!(error.table(), "Type");
}
