//! The tables shipped with the crate, compiled in so that packaging needs no file access.

use std::fmt;

/// A table shipped with the crate, named by `extends = "websocket"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Builtin {
    /// The WebSocket close-code registry (RFC 6455 §7.4 and the IANA registry).
    WebSocket,
    /// The IANA HTTP Status Code Registry: 100..=599, a range per class for the unassigned codes.
    Http,
    /// The gRPC status codes of `google/rpc/code.proto`: 0..=16.
    Grpc,
}

impl Builtin {
    /// Every built-in table, in the order messages list them.
    pub const ALL: [Builtin; 3] = [Builtin::WebSocket, Builtin::Http, Builtin::Grpc];

    /// The name `extends` takes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Builtin::WebSocket => "websocket",
            Builtin::Http => "http",
            Builtin::Grpc => "grpc",
        }
    }

    /// The table's TOML text.
    #[must_use]
    pub const fn text(self) -> &'static str {
        match self {
            Builtin::WebSocket => include_str!("../tables/websocket.toml"),
            Builtin::Http => include_str!("../tables/http.toml"),
            Builtin::Grpc => include_str!("../tables/grpc.toml"),
        }
    }

    /// The built-in table `extends` names, if `name` is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Builtin::ALL.into_iter().find(|b| b.name() == name)
    }
}

impl fmt::Display for Builtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
