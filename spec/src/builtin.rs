//! The tables shipped with the crate, compiled in so that packaging needs no file access.

/// The names of the built-in tables, for `extends = "..."`.
pub const NAMES: &[&str] = &["websocket"];

/// The WebSocket close-code registry (RFC 6455 §7.4 and the IANA registry).
pub const WEBSOCKET: &str = include_str!("../tables/websocket.toml");

/// The name and TOML text of a built-in table.
#[must_use]
pub(crate) fn get(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "websocket" => Some(("websocket", WEBSOCKET)),
        _ => None,
    }
}
