//! Value-for-value parity with the tables users already have: the built-in `http` table against
//! `http::StatusCode`, the built-in `grpc` table against `google/rpc/code.proto`, and a spec that
//! reproduces tungstenite's own table against tungstenite.

use closecodes::CodeTable;
use tungstenite::protocol::frame::coding::CloseCode as Tungstenite;

closecodes::close_codes! {
    /// The built-in `http` table.
    pub enum Http = "extends = \"http\"";
}

closecodes::close_codes! {
    /// The built-in `grpc` table.
    pub enum Grpc = "extends = \"grpc\"";
}

closecodes::close_codes! {
    /// tungstenite's table, written as a spec.
    pub enum TungsteniteCode from "codes/tungstenite.toml";
}

/// Every code whose reason differs from `http::StatusCode::canonical_reason`: (code, the
/// registry's name, `http`'s, why).
const DIFFERENT: &[(u16, &str, &str, &str)] = &[
    (
        203,
        "Non-Authoritative Information",
        "Non Authoritative Information",
        "http's spelling",
    ),
    (
        413,
        "Content Too Large",
        "Payload Too Large",
        "renamed by RFC 9110",
    ),
    (
        418,
        "(Unused)",
        "I'm a teapot",
        "the registry reserves it, unused",
    ),
    (
        422,
        "Unprocessable Content",
        "Unprocessable Entity",
        "renamed by RFC 9110",
    ),
    (
        510,
        "Not Extended (OBSOLETED)",
        "Not Extended",
        "obsoleted by the registry",
    ),
];

#[test]
fn http_reasons_and_classes_agree_with_the_http_crate() {
    let mut renamed_seen = Vec::new(); // codes whose reasons differ
    for value in 100..=999u16 {
        let status = http::StatusCode::from_u16(value).expect("http accepts 100..=999");
        let ours = Http::from_u16(value);
        if value > 599 {
            assert_eq!(ours, None, "{value}: the registry stops at 599");
            continue;
        }
        let ours = ours.expect("100..=599 are codes of the table");
        match (ours.reason(), status.canonical_reason()) {
            (Some(a), Some(b)) if a == b => {}
            (Some(a), Some(b)) => {
                assert!(
                    DIFFERENT.iter().any(|d| (d.0, d.1, d.2) == (value, a, b)),
                    "{value}: `{a}` here, `{b}` in http; not in DIFFERENT"
                );
                renamed_seen.push(value);
            }
            (None, Some(b)) => panic!("{value}: http has `{b}`, the table has no reason"),
            (_, None) => {}
        }
        assert_eq!(
            ours.is_informational(),
            status.is_informational(),
            "{value}"
        );
        assert_eq!(ours.is_successful(), status.is_success(), "{value}");
        assert_eq!(ours.is_redirection(), status.is_redirection(), "{value}");
        assert_eq!(ours.is_client_error(), status.is_client_error(), "{value}");
        assert_eq!(ours.is_server_error(), status.is_server_error(), "{value}");
    }
    let listed: Vec<u16> = DIFFERENT.iter().map(|d| d.0).collect();
    assert_eq!(
        renamed_seen, listed,
        "every listed code differs, and no other"
    );
}

#[test]
#[allow(deprecated)]
fn renamed_http_codes_keep_their_old_names_as_deprecated_aliases() {
    assert_eq!(Http::PayloadTooLarge, Http::ContentTooLarge);
    assert_eq!(Http::UnprocessableEntity, Http::UnprocessableContent);
    assert_eq!(Http::RequestedRangeNotSatisfiable.as_u16(), 416);
}

/// `google/rpc/code.proto`: every code's number and name.
const CODE_PROTO: &[(u8, &str)] = &[
    (0, "OK"),
    (1, "CANCELLED"),
    (2, "UNKNOWN"),
    (3, "INVALID_ARGUMENT"),
    (4, "DEADLINE_EXCEEDED"),
    (5, "NOT_FOUND"),
    (6, "ALREADY_EXISTS"),
    (7, "PERMISSION_DENIED"),
    (8, "RESOURCE_EXHAUSTED"),
    (9, "FAILED_PRECONDITION"),
    (10, "ABORTED"),
    (11, "OUT_OF_RANGE"),
    (12, "UNIMPLEMENTED"),
    (13, "INTERNAL"),
    (14, "UNAVAILABLE"),
    (15, "DATA_LOSS"),
    (16, "UNAUTHENTICATED"),
];

#[test]
fn grpc_numbers_and_names_are_code_proto() {
    assert_eq!(Grpc::ALL.len(), CODE_PROTO.len());
    for (code, (value, name)) in Grpc::ALL.iter().zip(CODE_PROTO) {
        assert_eq!(code.as_u8(), *value);
        let camel: String = name
            .split('_')
            .map(|word| word[..1].to_owned() + &word[1..].to_lowercase())
            .collect();
        assert_eq!(format!("{code:?}"), camel, "{value}");
    }
    for value in 17..=u8::MAX {
        assert!(Grpc::try_from(value).is_err(), "{value}");
    }
}

#[test]
fn a_spec_expresses_tungstenites_table_exactly() {
    for value in 0..=u16::MAX {
        let theirs = Tungstenite::from(value);
        let ours = TungsteniteCode::from_u16(value);
        assert_eq!(format!("{theirs:?}"), format!("{ours:?}"), "{value}");
        assert_eq!(theirs.is_allowed(), ours.is_sendable(), "{value}");
        assert_eq!(u16::from(theirs), ours.as_u16(), "{value}");
    }
    assert_eq!(<TungsteniteCode as CodeTable>::NAME, "TungsteniteCode");
}
