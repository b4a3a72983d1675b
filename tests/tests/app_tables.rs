//! Application tables, round two: flags, carve-out ranges, canonical values (checked against the
//! spec files read independently with the `toml` crate, and over every `u16`).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use closecodes::{CloseCode, CodeTable};
use closecodes_tests::{ChatCode, GatewayCode, GatewayView};

fn hash<T: Hash>(value: T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The flags a spec file gives each code, read with the `toml` crate: (value, flags set, or
/// `None` without a `flags` key).
fn flags_in_file() -> Vec<(u16, Option<Vec<String>>)> {
    let text = include_str!("../codes/discord.toml");
    let spec: toml::Table = text.parse().expect("the fixture is TOML");
    spec["code"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|code| {
            let value = u16::try_from(code["code"].as_integer().expect("a number")).expect("a u16");
            let flags = code.get("flags").and_then(|f| f.as_array()).map(|f| {
                f.iter()
                    .map(|s| s.as_str().unwrap_or("").to_owned())
                    .collect()
            });
            (value, flags)
        })
        .collect()
}

#[test]
fn flags_follow_the_spec_and_the_websocket_rule() {
    for (value, flags) in flags_in_file() {
        let code = GatewayCode::from_u16(value);
        let Some(flags) = flags else {
            // Without `flags`, a code takes its range's: `Game` sets both, `Library` (the
            // base's) only `browser_closable`.
            let in_game = (4500..=4599).contains(&value);
            assert_eq!(code.is_reconnectable(), in_game, "{value}");
            assert!(code.is_browser_closable(), "{value}");
            continue;
        };
        assert_eq!(
            code.is_reconnectable(),
            flags.iter().any(|f| f == "reconnectable"),
            "{value}"
        );
        assert_eq!(
            code.is_browser_closable(),
            flags.iter().any(|f| f == "browser_closable"),
            "{value}"
        );
    }
    // `browser_closable` is exactly 1000 and 3000..=4999 in the standard table (WHATWG).
    for value in 0..=u16::MAX {
        let expected = value == 1000 || (3000..=4999).contains(&value);
        assert_eq!(
            CloseCode::from_u16(value).is_browser_closable(),
            expected,
            "{value}"
        );
    }
    // Base codes take the new flag's default.
    assert!(!GatewayCode::Normal.is_reconnectable());
    assert!(GatewayCode::Library(4321).is_browser_closable());
}

#[test]
fn generic_code_lists_flags_and_reads_them() {
    let names: Vec<&str> = GatewayCode::FLAGS.iter().map(|f| f.name).collect();
    assert_eq!(names, ["browser_closable", "reconnectable"]);
    assert_eq!(
        GatewayCode::FLAGS[1].description,
        "The client may reconnect and resume after this close."
    );
    assert_eq!(GatewayCode::UnknownError.flag("reconnectable"), Some(true));
    assert_eq!(
        GatewayCode::AuthenticationFailed.flag("reconnectable"),
        Some(false)
    );
    assert_eq!(GatewayCode::Normal.flag("nope"), None);
    // Each ENTRIES row carries its flags.
    for entry in GatewayCode::ENTRIES {
        let code = GatewayCode::from_u16(entry.start);
        if entry.kind == closecodes::EntryKind::Code {
            assert_eq!(entry.flags, code.flags(), "{}", entry.variant);
        }
    }
    assert!(CloseCode::FLAGS.len() == 1 && CloseCode::Normal.flags() == 1);
}

#[test]
fn the_derive_sets_flags_declared_by_its_base() {
    assert!(GatewayView::Retry.is_reconnectable());
    assert!(!GatewayView::GiveUp.is_reconnectable());
    // Codes inside a base range take its flags, as in the base.
    assert!(GatewayView::GiveUp.is_browser_closable());
    assert!(GatewayView::Game(4510).is_reconnectable());
    assert_eq!(GatewayView::FLAGS.len(), 2);
}

#[test]
fn a_carve_out_is_its_own_variant_and_converts_without_loss() {
    assert!(matches!(
        GatewayCode::from_u16(4510),
        GatewayCode::Game(4510)
    ));
    assert!(matches!(
        GatewayCode::from_u16(4550),
        GatewayCode::MatchOver
    ));
    assert!(matches!(
        GatewayCode::from_u16(4600),
        GatewayCode::Library(4600)
    ));
    assert!(matches!(
        GatewayCode::from_u16(4499),
        GatewayCode::Library(4499)
    ));
    assert!(matches!(
        CloseCode::from(GatewayCode::Game(4510)),
        CloseCode::Library(4510)
    ));
    assert!(matches!(
        GatewayCode::from(CloseCode::Library(4510)),
        GatewayCode::Game(4510)
    ));
    assert_eq!(GatewayCode::Game(4510).range(), Some("Game"));
    assert_eq!(GatewayCode::Game(4510).reason(), Some("Game"));
    assert_eq!(GatewayCode::try_game(4600), None);
}

/// A range variant's name and its constructor (`CloseCode::Library`).
type Builder<T> = (&'static str, fn(u16) -> T);

/// Every range variant of a table, built by hand around every value, behaves as the number does.
fn check_canonical<T>(builders: &[Builder<T>])
where
    T: CodeTable<Repr = u16> + std::fmt::Debug + PartialEq + Ord + Hash,
    T: Canonical,
{
    for (name, build) in builders {
        for value in 0..=u16::MAX {
            let hand = build(value);
            let real = T::try_from_code(value).expect("a total table");
            let canonical = hand.canonical_code();
            assert_eq!(
                format!("{canonical:?}"),
                format!("{real:?}"),
                "{name}({value})"
            );
            assert_eq!(hand.is_sendable(), real.is_sendable(), "{name}({value})");
            assert_eq!(hand.reason(), real.reason(), "{name}({value})");
            assert_eq!(hand.description(), real.description(), "{name}({value})");
            assert_eq!(hand.flags(), real.flags(), "{name}({value})");
            assert_eq!(hand.range_name(), real.range_name(), "{name}({value})");
            assert_eq!(hand.to_string(), real.to_string(), "{name}({value})");
            assert_eq!(hand, real);
            assert_eq!(hand.cmp(&real), std::cmp::Ordering::Equal);
            assert_eq!(hash(hand), hash(real));
        }
    }
}

/// The inherent `canonical` and `range` of each table, for the generic check above.
trait Canonical {
    fn canonical_code(self) -> Self;
    fn range_name(self) -> Option<&'static str>;
}

macro_rules! canonical {
    ($($table:ty),*) => {$(
        impl Canonical for $table {
            fn canonical_code(self) -> Self {
                self.canonical()
            }
            fn range_name(self) -> Option<&'static str> {
                self.range()
            }
        }
    )*};
}
canonical!(CloseCode, GatewayCode, ChatCode);

#[test]
fn range_variants_built_by_hand_follow_the_number() {
    check_canonical::<CloseCode>(&[
        ("Reserved", CloseCode::Reserved),
        ("Iana", CloseCode::Iana),
        ("Library", CloseCode::Library),
        ("Bad", CloseCode::Bad),
    ]);
    check_canonical::<GatewayCode>(&[
        ("Reserved", GatewayCode::Reserved),
        ("Iana", GatewayCode::Iana),
        ("Library", GatewayCode::Library),
        ("Bad", GatewayCode::Bad),
        ("Game", GatewayCode::Game),
    ]);
    check_canonical::<ChatCode>(&[("Library", ChatCode::Library), ("Bad", ChatCode::Bad)]);
    // `match` still sees the variant as built.
    assert!(matches!(CloseCode::Library(1006), CloseCode::Library(_)));
    assert!(matches!(
        CloseCode::Library(1006).canonical(),
        CloseCode::Abnormal
    ));
}

closecodes::close_codes! {
    /// A table whose carve-outs take websocket's `Library` whole.
    pub enum WholeLibrary = r#"
extends = "websocket"

[[range]]
name = "Refused"
codes = "4000..=4499"
description = "Codes after which a client stops."

[[range]]
name = "Retried"
codes = "4500..=4999"
description = "Codes after which a client connects again."
"#;
}

/// A base range that carve-outs take whole keeps its variant (code written against the base's
/// names compiles) and holds no number: its constructor refuses every value.
#[test]
fn a_base_range_carved_out_whole_holds_no_code() {
    assert_eq!(WholeLibrary::from_u16(4000), WholeLibrary::Refused(4000));
    assert_eq!(WholeLibrary::from_u16(4999), WholeLibrary::Retried(4999));
    assert_eq!(WholeLibrary::try_library(4001), None);
    assert_eq!(
        WholeLibrary::try_refused(4001),
        Some(WholeLibrary::Refused(4001))
    );
    assert!(matches!(
        CloseCode::from(WholeLibrary::Retried(4600)),
        CloseCode::Library(4600)
    ));
    assert_eq!(
        WholeLibrary::from(CloseCode::Library(4600)),
        WholeLibrary::Retried(4600)
    );
    // A hand-built value of the emptied variant behaves as its number.
    assert_eq!(
        WholeLibrary::Library(4001).canonical(),
        WholeLibrary::Refused(4001)
    );
    assert!(std::panic::catch_unwind(|| WholeLibrary::library(4001)).is_err());
}
