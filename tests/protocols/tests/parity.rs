//! The built-in protocol tables against the packages of their protocols, installed from their
//! registries: twilight-model (a dev-dependency here, through closecodes' conversions of the
//! feature `twilight-model-0_18`) always, and the npm packages of `package.json` (graphql-ws,
//! discord-api-types, pusher-js, centrifuge) in the ignored tests, which need
//! `npm ci --prefix tests/protocols` first. `parity.mjs` prints what those packages say; nothing
//! here restates an upstream table. The differences listed in each table file (and in
//! docs/protocols.md) are asserted to be exactly those, so a change upstream or here fails.

use closecodes::{
    CentrifugoCode, CentrifugoCodeAction, CodeErrorKind, DiscordGatewayCode,
    DiscordGatewayCodeAction, DiscordGatewayCodeSentBy, GraphqlWsCode, GraphqlWsCodeAction,
    PusherCode, PusherCodeAction,
};
use closecodes_protocols::{of_kind, upstream};
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use twilight_model::gateway::CloseCode as TwilightCloseCode;

/// The named codes of a table from 4000 up (those of the protocol, not of `websocket`), by number.
fn named_from_4000<T: Copy + std::fmt::Debug + Into<u16>>(all: &[T]) -> BTreeMap<u16, String> {
    all.iter()
        .map(|&code| (code.into(), format!("{code:?}")))
        .filter(|(number, _)| *number >= 4000)
        .collect()
}

fn every_u16() -> impl Iterator<Item = u16> {
    0..=u16::MAX
}

#[test]
#[ignore = "needs `npm ci --prefix tests/protocols` (run by .ci/wire)"]
fn graphql_ws_close_code_names_and_numbers_are_upstreams() {
    let upstream = of_kind(&upstream(), "graphql-ws-code");
    assert_eq!(
        upstream.len(),
        11,
        "graphql-ws exports 11 close codes: {upstream:?}"
    );
    let mut ours = named_from_4000(GraphqlWsCode::ALL);
    // The one difference: 4499, which the client makes up for itself and upstream's enum omits.
    assert_eq!(ours.remove(&4499).as_deref(), Some("Terminated"));
    assert_eq!(ours, upstream);
}

#[test]
#[ignore = "needs `npm ci --prefix tests/protocols` (run by .ci/wire)"]
fn graphql_ws_client_gives_up_on_exactly_the_stop_codes() {
    let fatal: BTreeSet<u16> = of_kind(&upstream(), "graphql-ws-fatal")
        .into_keys()
        .collect();
    assert!(fatal.contains(&4400) && !fatal.contains(&4403), "{fatal:?}");
    let differ: BTreeSet<u16> = every_u16()
        .filter(|&n| {
            fatal.contains(&n) != (GraphqlWsCode::from_u16(n).action() == GraphqlWsCodeAction::Stop)
        })
        .collect();
    // No difference at any number: the table's `[[policy]]` gives websocket's 1002-1004,
    // 1007-1011 and 1015-1999 `stop`, as `isFatalInternalCloseCode` does. The one listed
    // difference is not a number's: after 1000 the client reconnects only while something holds
    // the connection (here the subscription does, and it reconnects), which one value cannot say.
    assert_eq!(differ, BTreeSet::new());
    assert!(!fatal.contains(&1000));
    let websocket_stops: BTreeSet<u16> = (1000..=1999)
        .filter(|&n| GraphqlWsCode::from_u16(n).action() == GraphqlWsCodeAction::Stop)
        .collect();
    let expected: BTreeSet<u16> = (1002..=1004)
        .chain(1007..=1011)
        .chain(1015..=1999)
        .collect();
    assert_eq!(websocket_stops, expected);
    assert_eq!(
        GraphqlWsCode::Protocol.action(),
        GraphqlWsCodeAction::Stop,
        "a base code, through its own variant"
    );
    assert_eq!(
        GraphqlWsCode::from_u16(2000).action(),
        GraphqlWsCodeAction::BackOff
    );
}

#[test]
#[ignore = "needs `npm ci --prefix tests/protocols` (run by .ci/wire)"]
fn discord_api_types_gateway_close_codes_are_ours() {
    let upstream = of_kind(&upstream(), "discord-code");
    assert_eq!(upstream.len(), 14, "{upstream:?}");
    assert_eq!(named_from_4000(DiscordGatewayCode::ALL), upstream);
}

#[test]
#[ignore = "needs `npm ci --prefix tests/protocols` (run by .ci/wire)"]
fn pusher_js_close_action_matches_ours_at_every_number() {
    let lines = upstream();
    let upstream = of_kind(&lines, "pusher-action");
    assert_eq!(upstream.len(), 65536);
    // A `null` action leaves the lost connection to the connection manager's `closed` callback,
    // which reconnects after the same delay as its `backoff` callback: what the client does is
    // `backoff`, and the table says `back_off` with that delay as `min_retry_delay_ms`.
    // (Two lines of one delay share a number: read them as lines, not by number.)
    let delays: BTreeMap<&str, u32> = lines
        .iter()
        .filter(|(kind, _, _)| kind == "pusher-retry-ms")
        .map(|(_, ms, what)| (what.as_str(), u32::from(*ms)))
        .collect();
    assert_eq!(delays.len(), 2, "{delays:?}");
    assert_eq!(delays.get("closed"), delays.get("backoff"), "{delays:?}");
    let backoff_ms = delays["backoff"];
    let differ: BTreeSet<u16> = upstream
        .iter()
        .filter(|(n, theirs)| {
            let code = PusherCode::from_u16(**n);
            let ours = match code.action() {
                PusherCodeAction::TlsOnly => "tls_only",
                PusherCodeAction::Stop => "refused",
                PusherCodeAction::BackOff => "backoff",
                PusherCodeAction::Reconnect => "retry",
            };
            let theirs = if theirs.as_str() == "null" {
                "backoff"
            } else {
                theirs.as_str()
            };
            ours != theirs || (ours == "backoff" && code.min_retry_delay_ms() != backoff_ms)
        })
        .map(|(n, _)| *n)
        .collect();
    // No difference at any number: below 4000 pusher-js backs off (1002-1004) or reconnects
    // after a lost connection (the others), 1000 ms later, as the table's first `[[policy]]`
    // says; from 5000 up it gives up, as the second says; from 4000 to 4999 it follows the
    // protocol's bands, and gives up on 4400-4999, which the protocol leaves undefined, as the
    // table's `Undefined` range does.
    assert_eq!(differ, BTreeSet::new());
    assert!(
        upstream
            .range(1002..=1004)
            .all(|(_, theirs)| theirs == "backoff")
    );
    assert!(upstream.range(5000..).all(|(_, theirs)| theirs == "refused"));
    assert!(
        upstream
            .range(4400..=4999)
            .all(|(_, theirs)| theirs == "refused")
    );
}

#[test]
#[ignore = "needs `npm ci --prefix tests/protocols` (run by .ci/wire)"]
fn centrifuge_js_reconnects_unless_we_stop_and_renews_its_token_where_we_reauthorize() {
    let lines = upstream();
    let pushed = of_kind(&lines, "centrifuge-reconnect");
    let closed = of_kind(&lines, "centrifuge-transport");
    let renews: BTreeSet<u16> = of_kind(&lines, "centrifuge-renews").into_keys().collect();
    assert_eq!((pushed.len(), closed.len()), (65536, 5000));
    let stops = |n: u16| CentrifugoCode::from_u16(n).action() == CentrifugoCodeAction::Stop;
    // A disconnect push: the bands alone. The listed difference: 1009, which only a WebSocket
    // sends, and after which the transport path stops.
    let differ: BTreeSet<u16> = pushed
        .iter()
        .filter(|(n, again)| (again.as_str() == "true") == stops(**n))
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(differ, BTreeSet::from([1009]));
    // A WebSocket closing with the code: no difference.
    let differ: Vec<u16> = closed
        .iter()
        .filter(|(n, again)| (again.as_str() == "true") == stops(**n))
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(differ, Vec::<u16>::new());
    let reauthorize: BTreeSet<u16> = (0..=4999)
        .filter(|&n| CentrifugoCode::from_u16(n).action() == CentrifugoCodeAction::Reauthorize)
        .collect();
    assert_eq!(renews, reauthorize);
}

/// twilight-model's close codes: the numbers its own `TryFrom<u16>` accepts (its enum has no list
/// of its variants), with what it takes them to be.
fn twilight_codes() -> Vec<(u16, TwilightCloseCode)> {
    every_u16()
        .filter_map(|n| {
            TwilightCloseCode::try_from(n)
                .ok()
                .map(|theirs| (n, theirs))
        })
        .collect()
}

#[test]
fn twilight_close_codes_are_ours_and_can_reconnect_unless_we_stop() {
    let theirs = twilight_codes();
    // twilight-model 0.18's 14 variants; a variant it adds fails here, to be looked at.
    assert_eq!(theirs.len(), 14, "{theirs:?}");
    for &(n, theirs) in &theirs {
        assert_eq!(theirs as u16, n, "twilight's discriminant is its code");
        let ours = DiscordGatewayCode::from(theirs);
        assert_eq!(ours.as_u16(), n, "{theirs:?} converts to the same number");
        assert_eq!(ours, DiscordGatewayCode::from_u16(n));
        assert!(
            DiscordGatewayCode::ALL.contains(&ours),
            "{n} is a named code"
        );
        assert_eq!(ours.sent_by(), DiscordGatewayCodeSentBy::Server, "{n}");
        assert_eq!(
            theirs.can_reconnect(),
            ours.action() != DiscordGatewayCodeAction::Stop,
            "{n}: twilight's can_reconnect against our {}",
            ours.action()
        );
    }
    // The codes Discord sends that twilight does not know, and ours it knows: none.
    let numbers: BTreeSet<u16> = theirs.iter().map(|&(n, _)| n).collect();
    let sent_by_discord: BTreeSet<u16> = every_u16()
        .filter(|&n| DiscordGatewayCode::from_u16(n).sent_by() == DiscordGatewayCodeSentBy::Server)
        .collect();
    assert_eq!(numbers, sent_by_discord);
}

/// The variants of the same number have the same names, but at 4007 and 4012, where twilight-model
/// does not write discord-api-types' names (docs/protocols.md, `discord-gateway`).
#[test]
fn twilight_variant_names_are_ours_but_at_4007_and_4012() {
    let differ: BTreeMap<u16, (String, String)> = twilight_codes()
        .into_iter()
        .map(|(n, theirs)| {
            let ours = DiscordGatewayCode::from(theirs);
            (n, (format!("{theirs:?}"), format!("{ours:?}")))
        })
        .filter(|(_, (theirs, ours))| theirs != ours)
        .collect();
    let expected = BTreeMap::from([
        (
            4007,
            ("InvalidSequence".to_owned(), "InvalidSeq".to_owned()),
        ),
        (
            4012,
            (
                "InvalidApiVersion".to_owned(),
                "InvalidAPIVersion".to_owned(),
            ),
        ),
    ]);
    assert_eq!(differ, expected);
}

/// closecodes' `TryFrom<DiscordGatewayCode>` for twilight's `CloseCode` on every `u16`, as
/// `from_u16` gives it and as the table's range variant built by hand holds it: the code twilight
/// itself reads from the number, which converts back to where it came from, else an error that
/// carries the number.
#[test]
fn twilight_conversions_round_trip_on_every_u16() {
    let mut converted = 0;
    for n in every_u16() {
        let built = [
            Some(DiscordGatewayCode::from_u16(n)),
            (4000..=4014)
                .contains(&n)
                .then_some(DiscordGatewayCode::Listed(n)),
            (4000..=4999)
                .contains(&n)
                .then_some(DiscordGatewayCode::Library(n)),
        ];
        for ours in built.into_iter().flatten() {
            match (
                TwilightCloseCode::try_from(ours),
                TwilightCloseCode::try_from(n),
            ) {
                (Ok(theirs), Ok(expected)) => {
                    converted += 1;
                    assert_eq!(theirs, expected, "{ours:?}");
                    assert_eq!(
                        DiscordGatewayCode::from(theirs),
                        ours.canonical(),
                        "{ours:?}"
                    );
                }
                (Err(err), Err(_)) => {
                    assert_eq!(err.value(), n, "{ours:?}");
                    assert_eq!(err.kind(), CodeErrorKind::Unknown, "{ours:?}");
                    assert_eq!(err.table(), "twilight_model::gateway::CloseCode");
                    assert_eq!(err.range(), None);
                    assert_eq!(
                        err.to_string(),
                        format!("{n} is not a code of `twilight_model::gateway::CloseCode`")
                    );
                }
                (ours_converted, theirs) => {
                    panic!(
                        "{ours:?}: converted to {ours_converted:?}, twilight reads {n} as {theirs:?}"
                    )
                }
            }
        }
    }
    // Each of twilight's 14 codes from `from_u16`, `Listed` and `Library`.
    assert_eq!(converted, 3 * 14);
}
