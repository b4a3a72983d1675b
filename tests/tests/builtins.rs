//! The built-in protocol tables (issue 26): each used as it is (`extends = "pusher"` and nothing
//! else, and likewise `graphql-transport-ws`, `discord-gateway`, `centrifugo`), its `action` and other properties at every number the protocol names, and an
//! extension that names codes where the protocol leaves room. Parity with the upstream packages
//! is in `tests/protocols` (a package of its own, docs/protocols.md).
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unreachable_pub,
    clippy::pedantic,
    clippy::nursery
)]

use closecodes::{CloseCode, CodeTable};

closecodes::close_codes! {
    /// The `pusher` table as it is.
    pub enum Pusher = r#"extends = "pusher""#;
}

closecodes::close_codes! {
    /// The `discord-gateway` table as it is.
    pub enum Discord = r#"extends = "discord-gateway""#;
}

closecodes::close_codes! {
    /// The `graphql-transport-ws` table as it is.
    pub enum GraphqlWs = r#"extends = "graphql-transport-ws""#;
}

closecodes::close_codes! {
    /// The `centrifugo` table as it is.
    pub enum Centrifugo = r#"extends = "centrifugo""#;
}

closecodes::close_codes! {
    /// An application on Centrifugo, with its own codes in the bands Centrifugo leaves it.
    pub enum MyCentrifugo = r#"
extends = "centrifugo"

[[code]]
code = 4001
name = "Moved"
description = "The room moved to another node."

[[code]]
code = 4501
name = "Banned"
description = "The user is banned."
"#;
}

closecodes::close_codes! {
    /// A Pusher-compatible server's own codes, in the protocol's bands.
    pub enum MyPusher = r#"
extends = "pusher"

[[code]]
code = 4010
name = "Banned"
description = "The account is banned."

[[code]]
code = 4150
name = "Draining"
description = "The node is draining."

[[range]]
name = "Mine"
codes = "4500..=4599"
description = "Codes of this deployment."
set = { action = "stop" }
"#;
}

closecodes::close_codes! {
    /// A GraphQL server's own code, in the private-use codes graphql-ws leaves free.
    pub enum MyGraphqlWs = r#"
extends = "graphql-transport-ws"

[[code]]
code = 4600
name = "TokenExpired"
description = "The token ran out; log in again."
set = { action = "stop", sent_by = "server" }
"#;
}

#[test]
fn pusher_bands_decide_the_action_and_4000_reconnects_over_tls() {
    use PusherAction::{BackOff, Reconnect, Stop, TlsOnly};
    assert_eq!(Pusher::from_u16(4000), Pusher::SslOnly);
    assert_eq!(Pusher::SslOnly.action(), TlsOnly);
    for (numbers, action, delay) in [
        (4001..=4099, Stop, 0),
        (4100..=4199, BackOff, 1000),
        (4200..=4299, Reconnect, 0),
        (4300..=4399, Stop, 0),
    ] {
        for n in numbers {
            let code = Pusher::from_u16(n);
            assert_eq!(code.action(), action, "{n}");
            assert_eq!(code.min_retry_delay_ms(), delay, "{n}");
            assert_eq!(code.sent_by(), PusherSentBy::Server, "{n}");
        }
    }
    // 4400-4999, which the protocol leaves undefined: pusher-js gives up on them, and so does
    // the table; the protocol does not say who sends them.
    for n in 4400..=4999 {
        let code = Pusher::from_u16(n);
        assert_eq!(code, Pusher::Undefined(n), "{n}");
        assert_eq!(code.action(), Stop, "{n}");
        assert_eq!(code.min_retry_delay_ms(), 0, "{n}");
        assert_eq!(code.sent_by(), PusherSentBy::Unstated, "{n}");
    }
    // The issue's drift: 4100 "over capacity" is not unrecoverable.
    assert_eq!(Pusher::OverCapacity.as_u16(), 4100);
    assert_eq!(Pusher::OverCapacity.action(), BackOff);
    assert_eq!(Pusher::from_u16(4250), Pusher::Retry(4250));
    // websocket's codes keep the table's default.
    assert_eq!(Pusher::from_u16(1006).action(), BackOff);
    assert_eq!(Pusher::from_u16(1006).sent_by(), PusherSentBy::Unstated);
    assert_eq!(
        CloseCode::from(Pusher::ClientEventRejected),
        CloseCode::Library(4301)
    );
}

#[test]
fn an_extension_of_pusher_inherits_its_bands() {
    assert_eq!(MyPusher::Banned.action(), MyPusherAction::Stop);
    assert_eq!(MyPusher::Draining.action(), MyPusherAction::BackOff);
    assert_eq!(MyPusher::Draining.min_retry_delay_ms(), 1000);
    assert_eq!(MyPusher::from_u16(4550), MyPusher::Mine(4550));
    assert_eq!(MyPusher::from_u16(4550).action(), MyPusherAction::Stop);
    assert_eq!(MyPusher::from_u16(4000), MyPusher::SslOnly);
}

#[test]
fn discord_resumes_reconnects_or_stops_as_its_docs_say() {
    use DiscordAction::{Reconnect, Resume, Stop};
    let expected = [
        (4000, "UnknownError", Resume),
        (4001, "UnknownOpcode", Reconnect),
        (4002, "DecodeError", Resume),
        (4003, "NotAuthenticated", Reconnect),
        (4004, "AuthenticationFailed", Stop),
        (4005, "AlreadyAuthenticated", Reconnect),
        (4007, "InvalidSeq", Reconnect),
        (4008, "RateLimited", Resume),
        (4009, "SessionTimedOut", Reconnect),
        (4010, "InvalidShard", Stop),
        (4011, "ShardingRequired", Stop),
        (4012, "InvalidAPIVersion", Stop),
        (4013, "InvalidIntents", Stop),
        (4014, "DisallowedIntents", Stop),
    ];
    let named: Vec<_> = Discord::ALL.iter().filter(|c| c.as_u16() >= 4000).collect();
    assert_eq!(named.len(), expected.len());
    for (&code, (number, name, action)) in named.into_iter().zip(expected) {
        assert_eq!(code.as_u16(), number);
        assert_eq!(format!("{code:?}"), name);
        assert_eq!(code.action(), action, "{number}");
        assert_eq!(code.sent_by(), DiscordSentBy::Server, "{number}");
    }
    // 4006 is not Discord's: documented, never sent.
    assert!(!Discord::from_u16(4006).is_sendable());
    assert_eq!(Discord::from_u16(4006).sent_by(), DiscordSentBy::Unstated);
    assert_eq!(Discord::from_u16(1001).action(), Resume);
    assert_eq!(Discord::from_u16(4200), Discord::Library(4200));
}

#[test]
fn graphql_ws_stops_on_its_fatal_codes_and_backs_off_on_the_rest() {
    use GraphqlWsAction::{BackOff, Stop};
    use GraphqlWsSentBy::{Client, Local, Server};
    let expected = [
        (4004, Stop, Client),
        (4005, Stop, Client),
        (4400, Stop, Server),
        (4401, Stop, Server),
        (4403, BackOff, Server),
        (4406, Stop, Server),
        (4408, BackOff, Server),
        (4409, Stop, Server),
        (4429, Stop, Server),
        (4499, BackOff, Local),
        (4500, Stop, Server),
        (4504, BackOff, Client),
    ];
    let named: Vec<_> = GraphqlWs::ALL
        .iter()
        .filter(|c| c.as_u16() >= 4000)
        .collect();
    assert_eq!(named.len(), expected.len());
    for (&code, (number, action, sender)) in named.into_iter().zip(expected) {
        assert_eq!(
            (code.as_u16(), code.action(), code.sent_by()),
            (number, action, sender)
        );
    }
    assert!(!GraphqlWs::Terminated.is_sendable());
    assert_eq!(GraphqlWs::from_u16(4321).action(), BackOff);
    assert_eq!(MyGraphqlWs::TokenExpired.action(), MyGraphqlWsAction::Stop);
    assert_eq!(MyGraphqlWs::from_u16(4403), MyGraphqlWs::Forbidden);
}

#[test]
fn centrifugo_bands_decide_the_action_and_3014_renews_the_token() {
    use CentrifugoAction::{BackOff, Reauthorize, Stop};
    for (numbers, action) in [
        (3000..=3499, BackOff),
        (3500..=3999, Stop),
        (4000..=4499, BackOff),
        (4500..=4999, Stop),
        (5000..=65535, BackOff),
    ] {
        for n in numbers.filter(|&n| n != 3014) {
            assert_eq!(Centrifugo::from_u16(n).action(), action, "{n}");
            assert_eq!(
                Centrifugo::from_u16(n).sent_by(),
                CentrifugoSentBy::Server,
                "{n}"
            );
        }
    }
    assert_eq!(Centrifugo::StateInvalidated.as_u16(), 3014);
    assert_eq!(Centrifugo::StateInvalidated.action(), Reauthorize);
    // Not IANA's 3000 "Unauthorized": the table is its own, not an extension of `websocket`.
    assert_eq!(Centrifugo::from_u16(3000), Centrifugo::ConnectionClosed);
    assert_eq!(
        Centrifugo::ConnectionClosed.reason(),
        Some("connection closed")
    );
    assert_eq!(Centrifugo::from_u16(1009).action(), Stop);
    assert_eq!(Centrifugo::from_u16(1006).action(), BackOff);
    assert_eq!(
        Centrifugo::from_u16(1006).sent_by(),
        CentrifugoSentBy::Unstated
    );
    assert_eq!(MyCentrifugo::Moved.action(), MyCentrifugoAction::BackOff);
    assert_eq!(MyCentrifugo::Banned.action(), MyCentrifugoAction::Stop);
}

#[test]
fn every_builtin_protocol_table_extends_websocket() {
    for builtin in [
        closecodes_spec::Builtin::GraphqlTransportWs,
        closecodes_spec::Builtin::DiscordGateway,
        closecodes_spec::Builtin::Pusher,
    ] {
        assert!(
            builtin.text().contains("\nextends = \"websocket\"\n"),
            "{builtin}"
        );
        assert_eq!(
            closecodes_spec::Builtin::from_name(builtin.name()),
            Some(builtin)
        );
    }
    assert_eq!(<Pusher as CodeTable>::NAME, "Pusher");
}

/// Every target renders each built-in protocol table (a spec that only extends it), and the
/// Rust it renders has the table's `action`.
#[test]
fn every_target_renders_each_builtin_protocol() {
    use closecodes_codegen::build::Files;
    use closecodes_codegen::render::{Format, render};
    for (name, reason) in [
        ("graphql-transport-ws", "bad response"),
        ("discord-gateway", "authentication failed"),
        ("pusher", "over capacity"),
        ("centrifugo", "state invalidated"),
    ] {
        let spec = format!("extends = \"{name}\"\n");
        let source = closecodes_spec::Source::inline(spec.clone());
        let table = closecodes_spec::load(&source, &mut Files).expect("checks");
        for format in Format::ALL {
            let text = render(format, &table, "Proto", &spec)
                .unwrap_or_else(|e| panic!("{name} {format:?}: {e}"));
            assert!(text.to_lowercase().contains(reason), "{name} {format:?}");
        }
        let rust = render(Format::Rust, &table, "Proto", &spec).expect("renders");
        assert!(
            rust.contains("pub const fn action(self) -> ProtoAction"),
            "{name}"
        );
    }
}
