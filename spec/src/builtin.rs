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
    /// The GraphQL over WebSocket protocol of the graphql-ws package (`graphql-transport-ws`);
    /// extends `websocket`.
    GraphqlTransportWs,
    /// Discord's Gateway close codes (API v10); extends `websocket`.
    DiscordGateway,
    /// Pusher Channels, protocol 7; extends `websocket`.
    Pusher,
    /// Centrifugo's disconnect codes (centrifuge); a table of its own, not an extension of
    /// `websocket` (the table file says why).
    Centrifugo,
}

impl Builtin {
    /// Every built-in table, in the order messages list them.
    pub const ALL: [Builtin; 7] = [
        Builtin::WebSocket,
        Builtin::Http,
        Builtin::Grpc,
        Builtin::GraphqlTransportWs,
        Builtin::DiscordGateway,
        Builtin::Pusher,
        Builtin::Centrifugo,
    ];

    /// The name `extends` takes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Builtin::WebSocket => "websocket",
            Builtin::Http => "http",
            Builtin::Grpc => "grpc",
            Builtin::GraphqlTransportWs => "graphql-transport-ws",
            Builtin::DiscordGateway => "discord-gateway",
            Builtin::Pusher => "pusher",
            Builtin::Centrifugo => "centrifugo",
        }
    }

    /// The table's TOML text.
    #[must_use]
    pub const fn text(self) -> &'static str {
        match self {
            Builtin::WebSocket => include_str!("../tables/websocket.toml"),
            Builtin::Http => include_str!("../tables/http.toml"),
            Builtin::Grpc => include_str!("../tables/grpc.toml"),
            Builtin::GraphqlTransportWs => include_str!("../tables/graphql-transport-ws.toml"),
            Builtin::DiscordGateway => include_str!("../tables/discord-gateway.toml"),
            Builtin::Pusher => include_str!("../tables/pusher.toml"),
            Builtin::Centrifugo => include_str!("../tables/centrifugo.toml"),
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
