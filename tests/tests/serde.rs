//! The runtime's `serde` feature: every table serializes as its number.

use closecodes::CloseCode;
use closecodes_tests::{ChatCode, GrpcStatus};

#[test]
fn serializes_as_the_number() {
    assert_eq!(serde_json::to_string(&CloseCode::Away).unwrap(), "1001");
    assert_eq!(
        serde_json::to_string(&CloseCode::Library(4321)).unwrap(),
        "4321"
    );
    assert_eq!(
        serde_json::to_string(&ChatCode::RateLimited).unwrap(),
        "4008"
    );
    assert_eq!(serde_json::to_string(&GrpcStatus::NotFound).unwrap(), "5");
    let list = [CloseCode::Normal, CloseCode::Bad(7)];
    assert_eq!(serde_json::to_string(&list).unwrap(), "[1000,7]");
}

#[test]
fn deserializes_from_the_number() {
    assert_eq!(
        serde_json::from_str::<CloseCode>("1014").unwrap(),
        CloseCode::Gateway
    );
    assert_eq!(
        serde_json::from_str::<ChatCode>("4010").unwrap(),
        ChatCode::SessionExpired
    );
    assert_eq!(
        serde_json::from_str::<GrpcStatus>("16").unwrap(),
        GrpcStatus::Unauthenticated
    );
    for value in [0_u16, 999, 1004, 3003, 4999, 65535] {
        let code: CloseCode = serde_json::from_str(&value.to_string()).unwrap();
        assert_eq!(code.as_u16(), value);
    }
}

#[test]
fn partial_tables_reject_unknown_numbers_clearly() {
    let err = serde_json::from_str::<GrpcStatus>("99").unwrap_err();
    assert_eq!(err.to_string(), "99 is not a code of `GrpcStatus`");
    let err = serde_json::from_str::<CloseCode>("70000").unwrap_err();
    assert!(err.to_string().contains("70000"), "{err}");
    let err = serde_json::from_str::<CloseCode>("\"Normal\"").unwrap_err();
    assert!(err.to_string().contains("expected u16"), "{err}");
}
