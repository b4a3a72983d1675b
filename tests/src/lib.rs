//! Tables used by the behaviour tests, compiled as a `#![no_std]` library to prove the generated
//! code needs only `core`.
#![no_std]

pub mod lints;

closecodes::close_codes! {
    /// Close codes of the chat application, read from `codes/chat.toml`.
    #[derive(Hash)]
    pub enum ChatCode from "codes/chat.toml";
}

closecodes::close_codes! {
    /// A table two files deep: `game.toml` extends `chat.toml`, which extends `websocket`.
    pub enum GameCode from "codes/game.toml";
}

closecodes::close_codes! {
    /// A Discord-style gateway: flags (`reconnectable`) and a carve-out range (`Game`).
    pub enum GatewayCode from "codes/discord.toml";
}

/// A hand-written view of the gateway's table, setting a flag the base declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, closecodes::CloseCodes)]
#[close_codes(extends = "codes/discord.toml")]
pub enum GatewayView {
    /// A code of this client's own, after which it reconnects.
    #[code(4100)]
    #[flags(reconnectable)]
    Retry,
    /// A code of this client's own, after which it gives up.
    #[code(4101)]
    GiveUp,
    /// The game codes.
    #[codes("4500..=4599")]
    Game(u16),
}

closecodes::close_codes! {
    /// gRPC status codes, a partial `u8` table.
    pub enum GrpcStatus from "codes/grpc.toml";
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

closecodes::close_codes! {
    /// HTTP status codes, a partial `u16` table with one range per class.
    pub enum HttpStatus from "codes/http.toml";
}

/// A hand-written enum checked against the standard table, in a `#![no_std]` crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
pub enum DerivedChat {
    /// The client did not present a valid session token.
    #[code(4001)]
    #[reason("Unauthorized")]
    Unauthorized,
    /// The client sent messages faster than its quota allows.
    #[code(4008)]
    #[reason("Rate Limited")]
    RateLimited,
    /// Any other private code.
    #[codes("4000..=4999")]
    Other(u16),
}

closecodes::close_codes! {
    /// Descriptions and reasons written to break out of the docs. Were a fence to become a
    /// doctest of this crate, `cargo test --doc` would fail on its `compile_error!`; were the HTML
    /// to pass through, `cargo doc` with `-D warnings` (CI) would fail on the unclosed `<div>`.
    pub enum Injected = r#"
        [table]
        repr = "u8"

        [[code]]
        code = 1
        name = "Fenced"
        reason = "Pipe | and\nnewline"
        description = """
A fence in a description:
```
compile_error!("a description became a doctest");
```
An indented block:

        compile_error!("an indented description became a doctest");
"""

        [[code]]
        code = 2
        name = "Markup"
        reason = "<i>italic"
        description = "Raw HTML: <script>alert(1)</script> and an unclosed <div> and `a<b`."

        [[range]]
        name = "Rest"
        codes = "3..=255"
        description = "```rust\ncompile_error!(\"an unclosed fence became a doctest\");"

        [[code]]
        code = 9
        reason = "Documented"
        description = "```\ncompile_error!(\"a documented code's fence became a doctest\");\n```"
    "#;
}
