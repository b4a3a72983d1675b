//! Generated code under the strictest lints: any warning here fails `cargo clippy -D warnings`.
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unreachable_pub,
    clippy::pedantic,
    clippy::nursery
)]

closecodes::close_codes! {
    /// A total extension of the standard table.
    pub enum LintedExtension = r#"
        extends = "websocket"
        [[code]]
        code = 4000
        name = "First"
        reason = "First"
        description = "The first private code."
    "#;
}

closecodes::close_codes! {
    /// A partial, signed table with documented codes.
    pub enum LintedPartial = r#"
        [table]
        repr = "i64"
        non_exhaustive = false
        [[range]]
        name = "Negative"
        codes = "-100..=-1"
        description = "Negative values."
        [[code]]
        code = -7
        reason = "Seven below"
        description = "A documented negative code."
        [[code]]
        code = 0
        name = "Zero"
        description = "Zero."
    "#;
}

closecodes::close_codes! {
    /// Flags (two new ones, one on by default), a carve-out range and codes inside it.
    pub enum LintedFlags = r#"
        extends = "websocket"
        [[flag]]
        name = "reconnectable"
        description = "The client may reconnect."
        [[flag]]
        name = "logged"
        description = "The server logs it."
        default = true
        [[range]]
        name = "Game"
        codes = "4500..=4599"
        description = "Game codes."
        flags = ["reconnectable"]
        [[code]]
        code = 4550
        name = "Won"
        description = "The match was won."
        [[code]]
        code = 4560
        reason = "Lost"
        description = "The match was lost."
        flags = []
    "#;
}

closecodes::close_codes! {
    /// A table with no named code at all.
    pub enum LintedRangesOnly = r#"
        [table]
        repr = "u8"
        [[range]]
        name = "Everything"
        codes = "0..=255"
        description = "Every value."
    "#;
}

closecodes::close_codes! {
    /// An empty table: no code, no range; every number is rejected.
    pub enum LintedEmpty = "";
}

/// A derived table under the same lints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
pub enum LintedDerived {
    /// A private code.
    #[code(4100)]
    #[reason("Private")]
    Private,
    /// Every other private code.
    #[codes("4000..=4099", "4101..=4999")]
    Other(u16),
}

closecodes::close_codes! {
    /// A table in lookup form (more than 256 named codes), total.
    pub enum LintedLargeTotal from "codes/large_chat.toml";
}

closecodes::close_codes! {
    /// A table in lookup form, partial, in `u32`.
    pub enum LintedLargePartial from "codes/large_partial.toml";
}
