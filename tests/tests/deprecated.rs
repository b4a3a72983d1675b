//! Deprecated codes: using one warns with the spec's note; the table's own impls, which match on
//! every variant, do not (`tests/ui/deprecated_code_warns.rs` shows the warning).

use closecodes_tests::GatewayCode;

#[test]
#[allow(deprecated)]
fn a_deprecated_code_is_still_a_code() {
    assert_eq!(GatewayCode::from_u16(4010), GatewayCode::InvalidShard);
    assert_eq!(GatewayCode::InvalidShard.reason(), Some("Invalid Shard"));
    assert!(GatewayCode::ALL.contains(&GatewayCode::InvalidShard));
}

#[test]
fn a_retired_number_stays_its_ranges_value() {
    // 4006 is retired in codes/discord.toml: `from_u16` is unchanged, it is a private code.
    assert_eq!(GatewayCode::from_u16(4006), GatewayCode::Library(4006));
}
