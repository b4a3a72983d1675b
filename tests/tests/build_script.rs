//! The build-script enum (`built::ChatCode`, from `build.rs`) and the macro enum (`ChatCode`) of
//! the same spec agree on every value.

use closecodes::CodeTable;
use closecodes_tests::{ChatCode, built};

#[test]
fn the_build_script_and_the_macro_generate_the_same_table() {
    for value in 0..=u16::MAX {
        let (macro_code, built_code) =
            (ChatCode::from_u16(value), built::ChatCode::from_u16(value));
        assert_eq!(
            format!("{macro_code:?}"),
            format!("{built_code:?}"),
            "{value}"
        );
        assert_eq!(macro_code.reason(), built_code.reason(), "{value}");
        assert_eq!(
            macro_code.description(),
            built_code.description(),
            "{value}"
        );
        assert_eq!(
            macro_code.is_sendable(),
            built_code.is_sendable(),
            "{value}"
        );
        assert_eq!(macro_code.flags(), built_code.flags(), "{value}");
        assert_eq!(macro_code.to_string(), built_code.to_string(), "{value}");
        assert_eq!(
            ChatCode::from_wire(value).map(ChatCode::as_u16),
            built::ChatCode::from_wire(value).map(built::ChatCode::as_u16),
            "{value}"
        );
    }
    assert_eq!(ChatCode::ENTRIES, built::ChatCode::ENTRIES);
    assert_eq!(
        closecodes::CloseCode::from(built::ChatCode::RateLimited),
        closecodes::CloseCode::Library(4008)
    );
}

closecodes::close_codes! {
    /// The macro's enum of the spec that `build.rs` renders as `built::large::LargeChat`.
    pub enum LargeChat from "codes/large_chat.toml";
}

/// In lookup form, the rendered file's long lists are printed without syn (see
/// `closecodes_codegen::render`): the enum must still be the macro's, value for value.
#[test]
fn a_large_table_from_the_build_script_is_the_macros() {
    use built::large::LargeChat as Built;
    assert_eq!(LargeChat::ALL.len(), Built::ALL.len());
    for value in 0..=u16::MAX {
        let (macro_code, built_code) = (LargeChat::from_u16(value), Built::from_u16(value));
        assert_eq!(
            format!("{macro_code:?}"),
            format!("{built_code:?}"),
            "{value}"
        );
        assert_eq!(macro_code.reason(), built_code.reason(), "{value}");
        assert_eq!(
            macro_code.description(),
            built_code.description(),
            "{value}"
        );
        assert_eq!(
            macro_code.is_sendable(),
            built_code.is_sendable(),
            "{value}"
        );
        assert_eq!(macro_code.as_u16(), built_code.as_u16(), "{value}");
    }
    assert_eq!(LargeChat::ENTRIES, Built::ENTRIES);
    assert_eq!(
        "Code4100".parse::<LargeChat>().map(LargeChat::as_u16),
        "Code4100".parse::<Built>().map(Built::as_u16)
    );
}

/// The wide table's six-digit numbers and values, written with separators, read back as written.
#[test]
fn the_wide_tables_values_survive_their_separators() {
    use closecodes_tests::built::wide::WideCode;
    assert_eq!(WideCode::from_u32(100_000), WideCode::First);
    assert_eq!(WideCode::First.wait_ms(), u32::MAX);
    assert_eq!(WideCode::from_u32(1_500_000).wait_ms(), 1_000_000);
    assert_eq!(WideCode::from_u32(1_500_001).wait_ms(), 300_000);
    assert_eq!(WideCode::from_u32(200_000).delta(), i32::MAX);
    assert_eq!(WideCode::from_u32(5).delta(), i32::MIN);
    assert_eq!(
        WideCode::from_u32(4_294_967_295),
        WideCode::High(4_294_967_295)
    );
    assert_eq!(WideCode::First.reason(), None);
}
