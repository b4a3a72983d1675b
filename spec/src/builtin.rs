//! The tables shipped with the crate, compiled in so that packaging needs no file access.

/// The names of the built-in tables, for `extends = "..."`.
pub const NAMES: &[&str] = &["websocket", "http", "grpc"];

/// The WebSocket close-code registry (RFC 6455 §7.4 and the IANA registry).
pub const WEBSOCKET: &str = include_str!("../tables/websocket.toml");

/// The IANA HTTP Status Code Registry: 100..=599, a range per class for the unassigned codes.
pub const HTTP: &str = include_str!("../tables/http.toml");

/// The gRPC status codes of `google/rpc/code.proto`: 0..=16.
pub const GRPC: &str = include_str!("../tables/grpc.toml");

/// The name and TOML text of a built-in table.
#[must_use]
pub(crate) fn get(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "websocket" => Some(("websocket", WEBSOCKET)),
        "http" => Some(("http", HTTP)),
        "grpc" => Some(("grpc", GRPC)),
        _ => None,
    }
}
