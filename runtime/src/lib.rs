//! Numeric code tables as Rust enums, generated at compile time from TOML: WebSocket close codes first.
//!
//! The crate ships the WebSocket close-code registry as [`CloseCode`], and the [`close_codes!`]
//! macro that generated it, so that an application can name its own codes the same way:
//!
//! ```
//! closecodes::close_codes! {
//!     /// Close codes of the chat protocol.
//!     pub enum ChatCode = r#"
//!         extends = "websocket"
//!
//!         [[code]]
//!         code = 4001
//!         name = "Unauthorized"
//!         reason = "Unauthorized"
//!         description = "The client did not prove who it is."
//!     "#;
//! }
//!
//! let code = ChatCode::from_u16(4001);
//! assert_eq!(code, ChatCode::Unauthorized);
//! assert_eq!(code.to_string(), "4001 Unauthorized");
//! assert_eq!(ChatCode::from_u16(1000), ChatCode::Normal);
//! assert_eq!(ChatCode::from_u16(4002), ChatCode::Library(4002));
//! assert_eq!(closecodes::CloseCode::from(code), closecodes::CloseCode::Library(4001));
//! ```
//!
//! # The spec format
//!
//! A spec is TOML: an optional base table, the table's settings, its ranges (variants that carry
//! the value) and its named codes (unit variants).
//!
//! ```toml
//! extends = "websocket"          # optional: a built-in table, or a path relative to this file
//!
//! [table]                        # optional when extending
//! name = "CloseCode"             # default enum name; the macro invocation's name wins
//! repr = "u16"                   # u8 u16 u32 u64 i8 i16 i32 i64; default u16 (an extension keeps its base's)
//! description = "Why an endpoint is closing a WebSocket connection."
//! non_exhaustive = true          # default true
//!
//! [[flag]]                       # a boolean property: generates `const fn is_reconnectable(self) -> bool`
//! name = "reconnectable"         # snake_case
//! description = "The client may reconnect after this close."
//! default = false                # optional, false when absent
//!
//! [[property]]                   # a typed property: generates `const fn action(self) -> ChatCodeAction`
//! name = "action"                # snake_case; the enum `<Table>Action` has a variant per value
//! description = "What a client does after this close."
//! values = ["stop", "reconnect", "back_off"]   # snake_case words, at least two …
//! default = "stop"               # optional: the first value when absent
//!
//! [[property]]
//! name = "retry_after_ms"        # … or an integer: `const fn retry_after_ms(self) -> u32`
//! description = "How long a client waits before it reconnects."
//! type = "u32"                   # u8 u16 u32 i8 i16 i32; the default is 0 when absent
//!
//! [[range]]                      # a variant that carries the value: Library(u16)
//! name = "Library"
//! codes = "4000..=4999"          # "a..=b", a single "n", or a list ["0..=999", "5000..=65535"]
//! reason = "Private Use"         # optional short phrase
//! description = "Codes applications agree on privately."
//! sendable = true                # may appear on the wire; default true
//! assignable = true              # extending tables may name codes (and carve ranges) here; default false
//! flags = ["browser_closable"]   # flags the range's codes have; every other is inherited
//! set = { action = "reconnect", retry_after_ms = 1000 }   # flags (true or false) and properties
//!
//! [[code]]                       # a named code: a unit variant
//! code = 1000
//! name = "Normal"
//! reason = "Normal Closure"      # Display prints "1000 Normal Closure"
//! description = "The purpose of the connection has been fulfilled."
//! sendable = true                # default true
//! flags = ["browser_closable"]   # adds to the flags the code inherits from its range
//! set = { action = "stop", browser_closable = false }   # a flag may be set false
//! aliases = ["Finished"]         # former names: deprecated associated constants
//! deprecated = "use Away (1001)" # optional: the variant gets #[deprecated(note = ...)]
//!
//! [[code]]                       # no `name`: documented, but it stays in its range's variant
//! code = 3000
//! reason = "Unauthorized"
//! description = "Access needs authentication."
//!
//! [[retired]]                    # numbers and names never to be used again
//! codes = ["4005", "4010..=4019"] # the forms of a range's `codes`; they stay their range's value
//! names = ["OldSession"]
//! note = "meant reconnect in v1; clients still deployed would loop"
//!
//! [[policy]]                     # extending tables only: this table's own flags and properties
//! codes = ["1002..=1004"]        # at numbers the base holds (not its own codes and ranges)
//! set = { action = "stop" }
//! ```
//!
//! The built-in tables are `websocket` (the table of [`CloseCode`]), `http` (the IANA HTTP Status
//! Code Registry, 100–599, a range and a flag per class; unassigned codes may be named, e.g.
//! nginx's 499) and `grpc` (`google/rpc/code.proto`, 0–16), and four protocols, each with the
//! property `action` (what a client does after a code): `graphql-transport-ws` (graphql-ws),
//! `discord-gateway` (Discord's Gateway, API v10) and `pusher` (Pusher Channels, protocol 7),
//! which extend `websocket`, and `centrifugo`, a table of its own; see `docs/protocols.md`.
//! A JSON Schema of the format ships with
//! the `closecodes-spec` crate (`schema.json`), for completion in editors.
//!
//! # Rules
//!
//! Each broken rule is a compile error at the spec's `line:col` (for a file, `file:line:col` and
//! the TOML line); all errors of a spec are reported at once, and the macro never panics.
//!
//! - Names are unique `UpperCamelCase` Rust identifiers, not keywords; codes fit `repr`.
//! - A code is named once; ranges never overlap one another (one range may list several
//!   intervals); a named code inside a range takes precedence there; a code without `name` lies
//!   in a range.
//! - In an extending table, every new code lies in a range of the base marked `assignable` (for
//!   `websocket`: 4000–4999) and reuses no base code or name. A new range may be carved out of
//!   one assignable base range (`Game` = 4500–4599 inside `Library`): it becomes its own variant
//!   there, and conversions to and from the base stay lossless.
//! - Flags are `snake_case` and unique (with the base's, which an extension inherits); their
//!   predicates clash with no generated method; a flag that is set is declared.
//! - Properties are `snake_case`, unique among flags and properties; their values are
//!   `snake_case` words (at least two) or integers of their type; a `set` names a declared flag or
//!   property and gives it a value of its type. The value at a number is the one its code sets,
//!   else its innermost range's (a carve-out before the base range), else the base table's, else
//!   the default; `flags = [...]` adds, it never clears an inherited flag.
//! - In a table that is or extends `websocket`, a reason fits a Close frame: at most 123 bytes.
//! - A named code, alias or range never takes a retired number or name (`[[retired]]`, of the
//!   table or of any table it extends); the error shows the note. A number or name in use cannot
//!   be retired. `deprecated` needs a named code.
//! - Unknown keys, wrong types and empty names or descriptions are errors.
//! - An `extends` chain is at most 16 tables deep, without cycles; a path is relative to the spec
//!   that names it (an inline spec: to the crate's `CARGO_MANIFEST_DIR`), never absolute.
//! - If ranges and codes cover every value of `repr`, the table is *total*.
//!
//! # The macro forms
//!
//! [`close_codes!`] takes the spec from a file (`from "codes/chat.toml"`, relative to
//! `CARGO_MANIFEST_DIR`; the crate rebuilds when it changes) or inline (`= r#"..."#`), and forwards
//! the enum's doc comments and attributes. `#[close_codes(convert = "path::Type")]` on the enum
//! (for a type with `From<u16>` and `From<Type> for u16`, such as tungstenite's `CloseCode`) or
//! `#[close_codes(try_convert = "path::Type")]` (for one with `TryFrom<u16>`, such as
//! `http::StatusCode`) generates the conversions between the table and that type, through the
//! number; several may be given. [`CloseCodes`](derive@CloseCodes) checks a hand-written enum
//! against a table instead, and takes the same options:
//!
//! ```
//! #[derive(Clone, Copy, Debug, PartialEq, Eq, closecodes::CloseCodes)]
//! #[close_codes(extends = "websocket")]
//! pub enum AppCode {
//!     /// The client did not log in.
//!     #[code(4001)]
//!     #[reason("Unauthorized")]
//!     Unauthorized,
//!     /// Any other private code.
//!     #[codes("4000..=4999")]
//!     Other(u16),
//! }
//! assert_eq!(AppCode::try_from(4001), Ok(AppCode::Unauthorized));
//! ```
//!
//! # What every table has
//!
//! For a table `T` with `repr = "u16"` (other reprs get `from_u8`, `as_i32`, …):
//!
//! | item | what it does |
//! |---|---|
//! | `const fn from_u16(u16) -> T` | total tables: every value is a code (named, or in a range variant) |
//! | `const fn from_u16(u16) -> Option<T>` | partial tables |
//! | `const fn as_u16(self) -> u16` | the number; `From<T> for u16` too |
//! | `From<u16>` / `TryFrom<u16>` | `From` when total, else `TryFrom` with a [`CodeError`] carrying the value |
//! | `const fn reason(self) -> Option<&'static str>` | the registry's short name |
//! | `const fn description(self) -> &'static str` | what the code means |
//! | `const fn is_sendable(self) -> bool` | may the code appear on the wire |
//! | `const fn from_wire(u16) -> Result<T, CodeError<u16>>` | a code read from a frame: rejects unknown and never-sent codes |
//! | `const fn range(self) -> Option<&'static str>` | the range variant holding the code |
//! | `const fn is_<flag>(self) -> bool`, `const fn flags(self) -> u64` | the table's flags |
//! | `const fn <property>(self) -> TProperty` (or an integer) | the table's properties; `enum TProperty` beside the table has `ALL`, `as_str` and `Display` |
//! | `const fn canonical(self) -> T` | what `from_u16` gives for the code's number |
//! | `const fn library(u16) -> T`, `try_library` | one constructor pair per range |
//! | `const ALL: &[T]` | the named codes, ordered by code |
//! | `Display` / `FromStr` | `"1000 Normal Closure"`; parses a number, a variant name or the `Display` form ([`ParseCodeError`]) |
//! | [`CodeTable`] | the same for generic code: `NAME`, `ENTRIES` ([`Entry`]), `TOTAL`, … |
//! | `Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord` | comparison and hashing by code |
//! | `From<CloseCode>` and back | for every table that extends `websocket` |
//! | `Serialize` / `Deserialize` | as the number, with the `serde` feature |
//!
//! Range variants are public, so `Library(1006)` can be built by hand: every accessor,
//! comparison and hash follows the number (it answers as `Abnormal` does), and `canonical()`
//! returns the variant `from_u16` would; only `match` sees the variant as built.
//!
//! The enum's documentation holds a table of every code and range; each variant's, its code,
//! reason and description. Spec text is rendered so that it can neither run as a doctest of your
//! crate nor inject HTML.
//!
//! # Features
//!
//! No dependencies and `#![no_std]` by default. `serde` implements `Serialize` and `Deserialize`
//! for every table; `std` is reserved for std-only additions. `graphql-transport-ws`,
//! `discord-gateway`, `pusher` and `centrifugo` each add the built-in protocol table of that name
//! as a ready enum (`GraphqlWsCode`, `DiscordGatewayCode`, `PusherCode`, `CentrifugoCode`),
//! without a dependency. `twilight-model-0_18` (Rust 1.89) adds `discord-gateway` and the
//! conversions between `DiscordGatewayCode` and twilight-model 0.18's `gateway::CloseCode`.
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "std")]
extern crate std;

mod error;
mod table;
#[cfg(feature = "twilight-model-0_18")]
mod twilight;

pub use error::{CodeError, CodeErrorKind, ParseCodeError, ParseCodeErrorKind};
pub use table::{CodeTable, Entry, EntryKind, Flag, Property, PropertyKind, PropertyValue};

/// Checks a hand-written enum against a code table and gives it the table's API.
///
/// Unit variants name codes with `#[code(n)]`; a variant with one field of the table's repr holds
/// a range with `#[codes("a..=b", ...)]`. Doc comments become descriptions and `#[reason("...")]`
/// the reason; `#[flags(reconnectable)]` sets flags true, and `#[set(action = "back_off",
/// browser_closable = false)]` sets flags and properties, of those the base table declares (each
/// variant inherits every other, as a spec's codes do; a range variant may hold codes of several
/// base ranges only where they agree on those it does not set, and the base's codes it holds
/// that the enum does not name keep their reason, description and values).
/// `#[close_codes(extends = "websocket")]` checks the codes against a base table (new codes only
/// in its assignable ranges), `#[close_codes(repr = "u8")]` sets the repr of a table of its own,
/// and `#[close_codes(crate = "path")]` names a renamed `closecodes` dependency.
///
/// The enum gets the same `const fn`s, conversions, `Display`, `FromStr` and [`CodeTable`] impl as
/// one from [`close_codes!`]: `From<u16>` if its variants cover every value, otherwise
/// `TryFrom<u16>`, and the base's properties as getters, their types (`<Enum><Property>`) beside
/// the enum with its visibility. It adds impls only: `Clone, Copy` (required), `Debug`,
/// `PartialEq` and the others stay yours to derive.
///
/// ```
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, closecodes::CloseCodes)]
/// #[close_codes(extends = "websocket")]
/// enum ChatCode {
///     /// The client did not log in.
///     #[code(4001)]
///     #[reason("Unauthorized")]
///     Unauthorized,
///     /// Any other private code.
///     #[codes("4000..=4999")]
///     Other(u16),
/// }
///
/// assert_eq!(ChatCode::try_from(4001), Ok(ChatCode::Unauthorized));
/// assert_eq!(ChatCode::try_from(4002), Ok(ChatCode::Other(4002)));
/// assert!(ChatCode::try_from(1000).is_err());
/// assert_eq!(closecodes::CloseCode::from(ChatCode::Unauthorized).as_u16(), 4001);
/// ```
pub use closecodes_macros::CloseCodes;

/// Generates a code-table enum from a TOML spec: a file, or a string written inline.
///
/// ```
/// closecodes::close_codes! {
///     /// Status of a job.
///     #[derive(Hash)]
///     pub enum JobStatus = r#"
///         [table]
///         repr = "u8"
///         description = "How a job ended."
///
///         [[code]]
///         code = 0
///         name = "Done"
///         reason = "Done"
///         description = "The job finished."
///
///         [[range]]
///         name = "Failed"
///         codes = "1..=255"
///         description = "The job failed with this exit status."
///     "#;
/// }
///
/// assert_eq!(JobStatus::from_u8(0), JobStatus::Done);
/// assert_eq!(JobStatus::from_u8(3), JobStatus::Failed(3));
/// assert_eq!(u8::from(JobStatus::Failed(3)), 3);
/// ```
///
/// The file form, `pub enum ChatCode from "codes/chat.toml";`, reads the path relative to the
/// crate's `CARGO_MANIFEST_DIR` (falling back to the directory of the invoking source file),
/// and rebuilds the crate whenever the file changes.
#[macro_export]
macro_rules! close_codes {
    ($($input:tt)*) => {
        $crate::__private::close_codes! { [$crate] $($input)* }
    };
}

__private::close_codes! {
    [crate] __standard
    /// A WebSocket close code: the status of a Close frame, from the IANA registry.
    ///
    /// Generated by [`close_codes!`] from the built-in `websocket` table; tables that extend it
    /// convert to and from this type without loss.
    ///
    /// ```
    /// use closecodes::CloseCode;
    ///
    /// assert_eq!(CloseCode::from_u16(1001), CloseCode::Away);
    /// assert_eq!(CloseCode::Away.to_string(), "1001 Going Away");
    /// assert!(!CloseCode::Abnormal.is_sendable());
    /// assert_eq!(CloseCode::from_u16(4321), CloseCode::Library(4321));
    /// ```
    pub enum CloseCode = "extends = \"websocket\"";
}

#[cfg(feature = "graphql-transport-ws")]
__private::close_codes! {
    [crate]
    /// A close code of the GraphQL over WebSocket protocol (`graphql-transport-ws`) of the
    /// graphql-ws package, with what graphql-ws's client does after it ([`GraphqlWsCode::action`]).
    ///
    /// Generated by [`close_codes!`] from the built-in `graphql-transport-ws` table, which extends
    /// `websocket`; it converts to and from [`CloseCode`] without loss. Feature
    /// `graphql-transport-ws`.
    ///
    /// ```
    /// use closecodes::{GraphqlWsCode, GraphqlWsCodeAction};
    ///
    /// let code = GraphqlWsCode::from_u16(4400);
    /// assert_eq!(code, GraphqlWsCode::BadRequest);
    /// assert_eq!(code.action(), GraphqlWsCodeAction::Stop);
    /// assert_eq!(GraphqlWsCode::Forbidden.action(), GraphqlWsCodeAction::BackOff);
    /// ```
    pub enum GraphqlWsCode = "extends = \"graphql-transport-ws\"";
}

#[cfg(feature = "discord-gateway")]
__private::close_codes! {
    [crate]
    /// A close code of Discord's Gateway (API v10), with whether the client resumes, starts a
    /// new session or stops ([`DiscordGatewayCode::action`]).
    ///
    /// Generated by [`close_codes!`] from the built-in `discord-gateway` table, which extends
    /// `websocket`; it converts to and from [`CloseCode`] without loss. Feature
    /// `discord-gateway`; with `twilight-model-0_18` also to and from twilight-model's
    /// `gateway::CloseCode` (Rust 1.89).
    ///
    /// ```
    /// use closecodes::{DiscordGatewayCode, DiscordGatewayCodeAction};
    ///
    /// assert_eq!(DiscordGatewayCode::from_u16(4004), DiscordGatewayCode::AuthenticationFailed);
    /// assert_eq!(DiscordGatewayCode::AuthenticationFailed.action(), DiscordGatewayCodeAction::Stop);
    /// assert_eq!(DiscordGatewayCode::RateLimited.action(), DiscordGatewayCodeAction::Resume);
    /// ```
    pub enum DiscordGatewayCode = "extends = \"discord-gateway\"";
}

#[cfg(feature = "pusher")]
__private::close_codes! {
    [crate]
    /// A close code of Pusher Channels (protocol 7), with what a client does after it
    /// ([`PusherCode::action`]) and the least wait before it reconnects
    /// ([`PusherCode::min_retry_delay_ms`]).
    ///
    /// Generated by [`close_codes!`] from the built-in `pusher` table, which extends
    /// `websocket`; it converts to and from [`CloseCode`] without loss. Feature `pusher`.
    ///
    /// ```
    /// use closecodes::{PusherCode, PusherCodeAction};
    ///
    /// assert_eq!(PusherCode::from_u16(4000), PusherCode::SslOnly);
    /// assert_eq!(PusherCode::SslOnly.action(), PusherCodeAction::TlsOnly);
    /// assert_eq!(PusherCode::OverCapacity.action(), PusherCodeAction::BackOff);
    /// assert_eq!(PusherCode::OverCapacity.min_retry_delay_ms(), 1000);
    /// assert_eq!(PusherCode::from_u16(4250), PusherCode::Retry(4250));
    /// ```
    pub enum PusherCode = "extends = \"pusher\"";
}

#[cfg(feature = "centrifugo")]
__private::close_codes! {
    [crate]
    /// A disconnect code of Centrifugo (the centrifuge library), with what a client does after
    /// it ([`CentrifugoCode::action`]).
    ///
    /// Generated by [`close_codes!`] from the built-in `centrifugo` table, a table of its own
    /// (Centrifugo sends these codes on every transport, and uses 3000–3999 without IANA having
    /// assigned them to it), so it has no [`CloseCode`] conversions: go through the number.
    /// Feature `centrifugo`.
    ///
    /// ```
    /// use closecodes::{CentrifugoCode, CentrifugoCodeAction};
    ///
    /// assert_eq!(CentrifugoCode::from_u16(3500), CentrifugoCode::InvalidToken);
    /// assert_eq!(CentrifugoCode::InvalidToken.action(), CentrifugoCodeAction::Stop);
    /// assert_eq!(CentrifugoCode::StateInvalidated.action(), CentrifugoCodeAction::Reauthorize);
    /// assert_eq!(CentrifugoCode::from_u16(4321).action(), CentrifugoCodeAction::BackOff);
    /// ```
    pub enum CentrifugoCode = "extends = \"centrifugo\"";
}

/// The examples of `docs/protocols.md`, run as doctests with the four protocol features and
/// `twilight-model-0_18`.
#[cfg(all(
    doctest,
    feature = "graphql-transport-ws",
    feature = "discord-gateway",
    feature = "pusher",
    feature = "centrifugo",
    feature = "twilight-model-0_18"
))]
#[doc = include_str!("../../docs/protocols.md")]
pub struct ProtocolsDoc;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// Implements `serde` (as the number) when the runtime's `serde` feature is on; nothing otherwise.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    ($name:ident, $repr:ty) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                <$repr as $crate::__private::serde::Serialize>::serialize(
                    &<$name as $crate::CodeTable>::code(*self),
                    serializer,
                )
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                let value = <$repr as $crate::__private::serde::Deserialize<'de>>::deserialize(
                    deserializer,
                )?;
                <$name as $crate::CodeTable>::try_from_code(value)
                    .map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }
    };
}

/// Implements `serde` (as the number) when the runtime's `serde` feature is on; nothing otherwise.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    ($name:ident, $repr:ty) => {};
}
