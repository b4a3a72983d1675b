//! The standard `CloseCode` against the RFC 6455 / IANA registry, value by value.

use closecodes::{CloseCode, CodeErrorKind, CodeTable};

/// What the registry says about one value, written from RFC 6455 §7.4 and the IANA registry,
/// independently of the TOML table the enum is generated from.
fn registry(value: u16) -> (CloseCode, Option<&'static str>, bool) {
    use CloseCode as C;
    match value {
        1000 => (C::Normal, Some("Normal Closure"), true),
        1001 => (C::Away, Some("Going Away"), true),
        1002 => (C::Protocol, Some("Protocol error"), true),
        1003 => (C::Unsupported, Some("Unsupported Data"), true),
        1004 => (C::Reserved(1004), Some("Reserved"), false),
        1005 => (C::Status, Some("No Status Rcvd"), false),
        1006 => (C::Abnormal, Some("Abnormal Closure"), false),
        1007 => (C::Invalid, Some("Invalid frame payload data"), true),
        1008 => (C::Policy, Some("Policy Violation"), true),
        1009 => (C::Size, Some("Message Too Big"), true),
        1010 => (C::Extension, Some("Mandatory Ext."), true),
        1011 => (C::Error, Some("Internal Error"), true),
        1012 => (C::Restart, Some("Service Restart"), true),
        1013 => (C::Again, Some("Try Again Later"), true),
        1014 => (C::Gateway, Some("Bad Gateway"), true),
        1015 => (C::Tls, Some("TLS handshake"), false),
        1016..=2999 => (C::Reserved(value), None, false),
        3000 => (C::Iana(value), Some("Unauthorized"), true),
        3003 => (C::Iana(value), Some("Forbidden"), true),
        3008 => (C::Iana(value), Some("Timeout"), true),
        3001..=3999 => (C::Iana(value), None, true),
        4000..=4999 => (C::Library(value), Some("Private Use"), true),
        _ => (C::Bad(value), None, false),
    }
}

#[test]
fn every_value_round_trips_and_lands_where_the_registry_says() {
    for value in 0..=u16::MAX {
        let code = CloseCode::from_u16(value);
        let (expected, reason, _) = registry(value);
        assert_eq!(code.as_u16(), value, "round trip of {value}");
        assert_eq!(u16::from(code), value);
        assert_eq!(CloseCode::from(value), code);
        // Structural check: `PartialEq` compares codes, so also compare the Debug text.
        assert_eq!(
            format!("{code:?}"),
            format!("{expected:?}"),
            "variant of {value}"
        );
        assert_eq!(code.reason(), reason, "reason of {value}");
        assert!(!code.description().is_empty());
    }
}

#[test]
fn sendability_of_every_value_follows_rfc_6455() {
    for value in 0..=u16::MAX {
        // RFC 6455 §7.4: never 0-999, 1004-1006 (reserved and the two MUST NOTs), 1015,
        // the unassigned 1016-2999, and nothing from 5000 on.
        let never = matches!(value, 0..=999 | 1004..=1006 | 1015..=2999 | 5000..);
        let code = CloseCode::from_u16(value);
        assert_eq!(code.is_sendable(), !never, "sendable({value})");
        assert_eq!(registry(value).2, !never);
        match CloseCode::from_wire(value) {
            Ok(c) => {
                assert!(!never, "{value} accepted from the wire");
                assert_eq!(c.as_u16(), value);
            }
            Err(e) => {
                assert!(never, "{value} rejected from the wire");
                assert_eq!(e.value(), value);
                assert_eq!(e.kind(), CodeErrorKind::NotSendable);
            }
        }
    }
}

#[test]
fn variants_are_the_ones_the_contract_lists_in_code_order() {
    let names: Vec<String> = CloseCode::ALL.iter().map(|c| format!("{c:?}")).collect();
    assert_eq!(
        names,
        [
            "Normal",
            "Away",
            "Protocol",
            "Unsupported",
            "Status",
            "Abnormal",
            "Invalid",
            "Policy",
            "Size",
            "Extension",
            "Error",
            "Restart",
            "Again",
            "Gateway",
            "Tls"
        ]
    );
    let codes: Vec<u16> = CloseCode::ALL.iter().map(|c| c.as_u16()).collect();
    assert_eq!(
        codes,
        [
            1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
            1015
        ]
    );
    assert_eq!(<CloseCode as CodeTable>::NAME, "CloseCode");
    const { assert!(<CloseCode as CodeTable>::TOTAL) };
}

#[test]
fn display_prints_code_and_reason() {
    assert_eq!(CloseCode::Normal.to_string(), "1000 Normal Closure");
    assert_eq!(CloseCode::Gateway.to_string(), "1014 Bad Gateway");
    assert_eq!(CloseCode::Iana(3003).to_string(), "3003 Forbidden");
    assert_eq!(CloseCode::Iana(3500).to_string(), "3500");
    assert_eq!(CloseCode::Bad(7).to_string(), "7");
    assert_eq!(CloseCode::Library(4321).to_string(), "4321 Private Use");
}

#[test]
fn accessors_are_const() {
    const CODE: CloseCode = CloseCode::from_u16(1008);
    const NUMBER: u16 = CloseCode::Size.as_u16();
    const REASON: Option<&str> = CloseCode::Extension.reason();
    const SENDABLE: bool = CloseCode::Tls.is_sendable();
    const DESCRIPTION: &str = CloseCode::Away.description();
    assert_eq!(CODE, CloseCode::Policy);
    assert_eq!(NUMBER, 1009);
    assert_eq!(REASON, Some("Mandatory Ext."));
    const { assert!(!SENDABLE) };
    assert!(DESCRIPTION.contains("leaving"));
}

#[test]
fn ordering_equality_and_hash_follow_the_code() {
    use std::collections::HashSet;
    let mut codes = [
        CloseCode::Library(4000),
        CloseCode::Normal,
        CloseCode::Bad(0),
        CloseCode::Iana(3000),
    ];
    codes.sort();
    assert_eq!(
        codes.iter().map(|c| c.as_u16()).collect::<Vec<_>>(),
        [0, 1000, 3000, 4000]
    );
    assert!(CloseCode::Away < CloseCode::Protocol);
    let set: HashSet<CloseCode> = (0..=u16::MAX).map(CloseCode::from_u16).collect();
    assert_eq!(set.len(), 65536);
}

#[test]
fn from_str_takes_numbers_names_and_the_display_form() {
    use closecodes::ParseCodeErrorKind;
    assert_eq!("1001".parse::<CloseCode>(), Ok(CloseCode::Away));
    assert_eq!("Away".parse::<CloseCode>(), Ok(CloseCode::Away));
    assert_eq!(" 4001 ".parse::<CloseCode>(), Ok(CloseCode::Library(4001)));
    for value in 0..=u16::MAX {
        let code = CloseCode::from_u16(value);
        assert_eq!(code.to_string().parse::<CloseCode>(), Ok(code));
    }
    let err = "Awy".parse::<CloseCode>().unwrap_err();
    assert_eq!(err.kind(), ParseCodeErrorKind::Unrecognized);
    let err = "1001 Going Nowhere".parse::<CloseCode>().unwrap_err();
    assert_eq!(err.kind(), ParseCodeErrorKind::WrongReason);
    assert_eq!(err.value(), Some(1001));
    assert_eq!(
        "70000".parse::<CloseCode>().unwrap_err().kind(),
        ParseCodeErrorKind::Unrecognized
    );
}

#[test]
fn entries_describe_every_code_and_range_in_order() {
    use closecodes::EntryKind;
    let entries = <CloseCode as CodeTable>::ENTRIES;
    assert!(entries.windows(2).all(|w| w[0].start <= w[1].start));
    let covered: u32 = entries
        .iter()
        .filter(|e| e.kind != EntryKind::Documented)
        .map(|e| u32::from(e.end - e.start) + 1)
        .sum();
    assert_eq!(
        covered, 65536,
        "codes and ranges cover every u16 exactly once"
    );
    let gateway = entries.iter().find(|e| e.start == 1014).unwrap();
    assert_eq!(
        (gateway.variant, gateway.reason),
        ("Gateway", Some("Bad Gateway"))
    );
    let forbidden = entries.iter().find(|e| e.start == 3003).unwrap();
    assert_eq!(forbidden.kind, EntryKind::Documented);
    assert_eq!(forbidden.variant, "Iana");
}

#[test]
fn range_constructors_check_the_range() {
    const PRIVATE: CloseCode = CloseCode::library(4001);
    assert_eq!(PRIVATE, CloseCode::Library(4001));
    assert_eq!(CloseCode::try_library(4999), Some(CloseCode::Library(4999)));
    assert_eq!(CloseCode::try_library(5000), None);
    assert_eq!(CloseCode::try_iana(3000), Some(CloseCode::Iana(3000)));
    // 1004 is a code of `Reserved`; 1005 is named, so not part of any range.
    assert_eq!(
        CloseCode::try_reserved(1004),
        Some(CloseCode::Reserved(1004))
    );
    assert_eq!(CloseCode::try_reserved(1005), None);
    assert_eq!(CloseCode::try_bad(65535), Some(CloseCode::Bad(65535)));
    let result = std::panic::catch_unwind(|| CloseCode::library(1000));
    assert!(result.is_err(), "out of range at run time panics");
}

#[test]
fn range_names_the_variant_and_from_wire_errors_carry_it() {
    assert_eq!(CloseCode::Library(4001).range(), Some("Library"));
    assert_eq!(CloseCode::Normal.range(), None);
    let err = CloseCode::from_wire(1500).unwrap_err();
    assert_eq!(err.range(), Some("Reserved"));
    assert_eq!(
        err.to_string(),
        "code 1500 of `CloseCode` (in range `Reserved`) is never sent on the wire"
    );
    assert_eq!(CloseCode::from_wire(1006).unwrap_err().range(), None);
}
