//! Properties (issue "Policy as data"): the getters and types of `close_codes!` and of the derive,
//! inheritance per property and per flag, and `flags = [...]` adding to what a code inherits.
//! The generated code is held to the lints of `src/lints.rs`.
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unreachable_pub,
    clippy::pedantic,
    clippy::nursery
)]

use closecodes::{CloseCode, CloseCodes, CodeTable};

closecodes::close_codes! {
    /// The policy table of `tests/properties/policy.toml`.
    pub enum AppPolicy from "tests/properties/policy.toml";
}

closecodes::close_codes! {
    /// The README's table as issue 25 quotes it: 4009 lists `reconnectable` only.
    pub enum ChatCode = r#"
extends = "websocket"

[[flag]]
name = "reconnectable"
description = "The client may connect again."

[[code]]
code = 4009
name = "SessionTimedOut"
description = "The session timed out."
flags = ["reconnectable"]

[[code]]
code = 4010
name = "Closed"
description = "Closed for good; a script may not send it."
set = { browser_closable = false }
"#;
}

closecodes::close_codes! {
    /// A private table whose property values are mostly unused: no dead code.
    enum Hidden = r#"
[[property]]
name = "mood"
description = "A mood."
values = ["calm", "cross", "unused"]

[[property]]
name = "level"
description = "A level."
type = "u8"

[[code]]
code = 1
name = "One"
description = "One."
set = { mood = "cross", level = 7 }
"#;
}

/// A hand-written enum checked against the policy table: it inherits the properties, and sets
/// one with `#[set(...)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, CloseCodes)]
#[close_codes(extends = "tests/properties/policy.toml")]
pub enum Derived {
    /// Reconnect at once, soon.
    #[code(4102)]
    #[set(action = "reconnect", retry_after_ms = 10, priority = -5)]
    Quick,
    /// In `Backoff`, as the base says.
    #[code(4103)]
    Plain,
    /// The base's `Fatal` band.
    #[codes("4000..=4099")]
    Fatal(u16),
    /// The rest of the base's `Backoff` band, with a priority of its own.
    #[codes("4100..=4101", "4104..=4199")]
    #[set(priority = 9)]
    Backoff(u16),
}

#[test]
fn a_private_table_has_its_getters() {
    assert_eq!(Hidden::One.mood(), HiddenMood::Cross);
}

#[test]
fn flags_add_to_what_a_code_inherits() {
    // websocket's `Library` makes 4009 browser-closable; `flags` adds `reconnectable` beside it.
    let code = ChatCode::SessionTimedOut;
    assert!(code.is_reconnectable());
    assert!(code.is_browser_closable());
    assert_eq!(
        CloseCode::from(code).is_browser_closable(),
        code.is_browser_closable()
    );
    // A flag set false.
    assert!(!ChatCode::Closed.is_browser_closable());
    assert!(ChatCode::from_u16(4011).is_browser_closable());
    // The rows carry the same values.
    let row = ChatCode::ENTRIES
        .iter()
        .find(|e| e.variant == "SessionTimedOut")
        .unwrap();
    assert_eq!(row.flags, code.flags());
    assert_eq!(row.flags, 0b11);
}

#[test]
fn enumerated_properties_are_types_beside_the_table() {
    const ACTION: AppPolicyAction = AppPolicy::SslOnly.action();
    const WAIT: u32 = AppPolicy::OverCapacity.retry_after_ms();
    assert_eq!(
        AppPolicyAction::ALL,
        [
            AppPolicyAction::Stop,
            AppPolicyAction::Reconnect,
            AppPolicyAction::BackOff,
            AppPolicyAction::TlsOnly
        ]
    );
    assert_eq!(AppPolicyAction::BackOff.as_str(), "back_off");
    assert_eq!(AppPolicyAction::TlsOnly.to_string(), "tls_only");
    assert_eq!(AppPolicyAction::default(), AppPolicyAction::Stop);
    assert_eq!((ACTION, WAIT), (AppPolicyAction::TlsOnly, 5000));
}

#[test]
fn every_number_has_the_value_of_its_code_else_its_range_else_the_default() {
    use AppPolicyAction::{BackOff, Reconnect, Stop, TlsOnly};
    let at = |n: u16| {
        let code = AppPolicy::from_u16(n);
        (
            code.action(),
            code.retry_after_ms(),
            code.priority(),
            code.is_reconnectable(),
            code.is_browser_closable(),
        )
    };
    assert_eq!(at(1000), (Stop, 0, -1, false, true));
    assert_eq!(at(1001), (Stop, 0, -1, false, false));
    // The codes' own values, and the others inherited from their range.
    assert_eq!(at(4000), (TlsOnly, 0, -100, false, false));
    assert_eq!(at(4001), (Stop, 0, -1, false, false));
    assert_eq!(at(4009), (Reconnect, 0, -1, true, false));
    assert_eq!(at(4100), (BackOff, 1000, -1, true, true));
    assert_eq!(at(4101), (BackOff, 5000, -1, true, true));
    // A documented code of a range: its own value, in the range's variant.
    assert_eq!(AppPolicy::from_u16(4150), AppPolicy::Backoff(4150));
    assert_eq!(at(4150), (BackOff, 60000, -1, true, false));
    assert_eq!(at(4250), (Reconnect, 0, 3, true, true));
    // websocket's `Library`, outside the carve-outs.
    assert_eq!(at(4300), (Stop, 0, -1, false, true));
    assert_eq!(at(5000), (Stop, 0, -1, false, false));
}

#[test]
fn getters_follow_the_number() {
    // A range variant built by hand around a named code's number answers as that code.
    assert_eq!(AppPolicy::Backoff(4101).retry_after_ms(), 5000);
    assert_eq!(AppPolicy::Library(4000).action(), AppPolicyAction::TlsOnly);
    assert_eq!(AppPolicy::Library(4150).retry_after_ms(), 60000);
}

#[test]
fn the_derive_inherits_properties_and_sets_its_own() {
    assert_eq!(Derived::Quick.action(), DerivedAction::Reconnect);
    assert_eq!(Derived::Quick.retry_after_ms(), 10);
    assert_eq!(Derived::Quick.priority(), -5);
    // Not set: the base's range at the number.
    assert_eq!(Derived::Plain.action(), DerivedAction::BackOff);
    assert_eq!(Derived::Plain.retry_after_ms(), 1000);
    assert!(Derived::Plain.is_reconnectable());
    assert_eq!(Derived::Fatal(4001).action(), DerivedAction::Stop);
    assert!(!Derived::Fatal(4001).is_browser_closable());
    // The base's codes the enum does not name read as in the base, but for what the variant
    // sets: 4000 (`SslOnly`), 4101 (`OverCapacity`) and the documented 4150.
    assert_eq!(Derived::Fatal(4000).action(), DerivedAction::TlsOnly);
    assert_eq!(Derived::Fatal(4000).priority(), -100);
    assert_eq!(
        Derived::Fatal(4000).description(),
        "The client must reconnect over TLS."
    );
    assert_eq!(Derived::Backoff(4101).retry_after_ms(), 5000);
    assert_eq!(Derived::Backoff(4150).retry_after_ms(), 60000);
    assert!(!Derived::Backoff(4150).is_browser_closable());
    assert_eq!(Derived::Backoff(4150).priority(), 9);
    assert_eq!(Derived::Backoff(4199).priority(), 9);
    assert_eq!(Derived::Backoff(4199).retry_after_ms(), 1000);
    assert_eq!(DerivedAction::BackOff.as_str(), "back_off");
}

closecodes::close_codes! {
    /// The golden spec of `[[policy]]`: values of its own flag and property at websocket's codes,
    /// at part of its `Reserved` range, and at part of `Library` beside a carve-out.
    pub enum PolicyCode from "golden/features/policy.toml";
}

/// A `[[policy]]` gives the table's own flag and property their values at the base's numbers: at
/// its named codes (`Protocol`, `Unsupported`), its documented code (`Reserved(1004)`), and the
/// part of a range it covers (`Reserved` 1016..=1999, not 2000..=2999; `Library` 4000..=4499, not
/// 4600..=4999); the carve-out beside it keeps its own, and the base's flags stay the base's.
#[test]
fn a_policy_sets_values_at_the_bases_numbers() {
    assert_eq!(PolicyCode::Unsupported.as_u16(), 1003);
    assert_eq!(PolicyCode::Unsupported.action(), PolicyCodeAction::Stop);
    assert!(PolicyCode::Unsupported.is_fatal());
    assert!(PolicyCode::from_u16(1002).is_fatal());
    assert_eq!(PolicyCode::from_u16(1004), PolicyCode::Reserved(1004));
    assert_eq!(PolicyCode::Reserved(1004).action(), PolicyCodeAction::Stop);
    assert_eq!(PolicyCode::Reserved(1500).action(), PolicyCodeAction::Stop);
    assert!(PolicyCode::Reserved(1999).is_fatal());
    assert_eq!(
        PolicyCode::Reserved(2000).action(),
        PolicyCodeAction::BackOff
    );
    assert!(!PolicyCode::Reserved(2000).is_fatal());
    assert_eq!(PolicyCode::Away.action(), PolicyCodeAction::BackOff);
    assert_eq!(PolicyCode::Invalid.action(), PolicyCodeAction::BackOff);
    assert_eq!(
        PolicyCode::Library(4000).action(),
        PolicyCodeAction::Reconnect
    );
    assert_eq!(
        PolicyCode::Library(4499).action(),
        PolicyCodeAction::Reconnect
    );
    assert_eq!(PolicyCode::Arena(4500).action(), PolicyCodeAction::Stop);
    assert_eq!(PolicyCode::ArenaClosed.action(), PolicyCodeAction::Stop);
    assert_eq!(
        PolicyCode::Library(4600).action(),
        PolicyCodeAction::BackOff
    );
    // The base decides its own flag: as `CloseCode` at every number.
    for n in 0..=u16::MAX {
        assert_eq!(
            PolicyCode::from_u16(n).is_browser_closable(),
            CloseCode::from_u16(n).is_browser_closable(),
            "{n}"
        );
    }
    // The rows carry the same values as the getters, at every number.
    let expected = rows_at_every_number("golden/features/policy.toml");
    for (n, expected) in (0..=u16::MAX).zip(expected) {
        let code = PolicyCode::from_u16(n);
        let found = (
            vec![code.action().to_string()],
            vec![code.is_browser_closable(), code.is_fatal()],
        );
        assert_eq!(expected, found, "{n}");
    }
}

closecodes::close_codes! {
    /// More than 256 named codes: the lookup form.
    pub enum Large from "tests/properties/large.toml";
}

/// `(properties as written, flags)` at every `u16` of the checked table at `path`: the row of
/// the named or documented code at the number, else its range's.
fn rows_at_every_number(path: &str) -> Vec<(Vec<String>, Vec<bool>)> {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let source = closecodes_spec::Source::read_file(path, &full).unwrap();
    let table = closecodes_spec::load(&source, &mut closecodes_spec::NoFiles).unwrap();
    let rows = table.rows();
    (0..=u16::MAX)
        .map(|n| {
            let value = i128::from(n);
            let row = rows
                .iter()
                .filter(|r| r.start <= value && value <= r.end)
                .min_by_key(|r| r.end - r.start)
                .unwrap();
            let properties = table
                .properties
                .iter()
                .zip(row.properties)
                .map(|(p, v)| p.written(*v))
                .collect();
            (properties, row.flags.to_vec())
        })
        .collect()
}

/// The macro's getters agree with the checked table's rows at every number, in the match form
/// and in the lookup form.
#[test]
fn getters_agree_with_the_rows_at_every_number() {
    let expected = rows_at_every_number("tests/properties/policy.toml");
    for (n, expected) in (0..=u16::MAX).zip(expected) {
        let code = AppPolicy::from_u16(n);
        let found = (
            vec![
                code.action().to_string(),
                code.retry_after_ms().to_string(),
                code.priority().to_string(),
            ],
            vec![code.is_browser_closable(), code.is_reconnectable()],
        );
        assert_eq!(expected, found, "{n}");
    }
    let expected = rows_at_every_number("tests/properties/large.toml");
    assert!(Large::ALL.len() > closecodes_codegen::LOOKUP_ABOVE);
    for (n, expected) in (0..=u16::MAX).zip(expected) {
        let code = Large::from_u16(n);
        let found = (
            vec![code.action().to_string(), code.wait().to_string()],
            vec![code.is_browser_closable()],
        );
        assert_eq!(expected, found, "{n}");
    }
    assert_eq!(Large::Code4010.wait(), -190);
    assert_eq!(Large::Code4011.action(), LargeAction::BackOff);
    assert_eq!(Large::Code4012.action(), LargeAction::Reconnect);
    assert_eq!(Large::Code4103.action(), LargeAction::Stop);
    assert_eq!(Large::Code4116.action(), LargeAction::BackOff);
    assert_eq!(Large::from_u16(4351).wait(), 4351);
    // The policies at websocket's numbers, in the lookup form.
    assert_eq!(Large::Unsupported.action(), LargeAction::Stop);
    assert_eq!(Large::from_u16(1004).wait(), 30);
    assert_eq!(Large::from_u16(1999).action(), LargeAction::Stop);
    assert_eq!(Large::from_u16(2000).action(), LargeAction::Stop);
    assert_eq!(Large::from_u16(2000).wait(), -1);
    assert_eq!(Large::Normal.wait(), -1);
}

/// `spec/schema.json` takes the format's properties: the fixtures are valid, and specs the
/// checks refuse for their properties fail it too.
#[test]
fn the_schema_describes_properties() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("../spec/schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let json = |text: &str| -> serde_json::Value { toml::from_str(text).unwrap() };
    for file in ["policy.toml", "large.toml"] {
        let text = std::fs::read_to_string(root.join("tests/properties").join(file)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    let head = "[[property]]\nname = \"action\"\ndescription = \"a\"\n";
    for bad in [
        head.to_owned(),
        format!("{head}values = [\"stop\"]\n"),
        format!("{head}values = [\"Stop\", \"go\"]\n"),
        format!("{head}type = \"u64\"\n"),
        format!("{head}values = [\"stop\", \"go\"]\ntype = \"u8\"\n"),
        format!(
            "{head}values = [\"stop\", \"go\"]\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\nset = {{ action = 1.5 }}\n"
        ),
    ] {
        assert!(!validator.is_valid(&json(&bad)), "the schema takes {bad}");
        let source = closecodes_spec::Source::inline(bad.clone());
        assert!(
            closecodes_spec::load(&source, &mut closecodes_spec::NoFiles).is_err(),
            "the checks take {bad}"
        );
    }
}

/// The properties' items name everything by absolute path: they compile without the prelude and
/// with `core`, `Option`, `Default` and the primitive types shadowed, in both forms.
#[no_implicit_prelude]
mod shadowed {
    #![allow(dead_code, non_camel_case_types, unreachable_pub, missing_docs)]

    mod core {}
    mod closecodes {}
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub trait Default {}
    pub trait Clone {}
    pub struct str;
    pub struct usize;
    pub struct u32;
    pub struct i16;

    ::closecodes::close_codes! {
        /// A table with both kinds of property.
        pub enum Shadowed = r#"
            extends = "websocket"
            [[property]]
            name = "action"
            description = "What a client does."
            values = ["stop", "go"]
            [[property]]
            name = "wait"
            description = "How long."
            type = "u32"
            [[code]]
            code = 4001
            name = "Mine"
            description = "A private code."
            set = { action = "go", wait = 3 }
        "#;
    }

    ::closecodes::close_codes! {
        /// In lookup form.
        pub enum LargeShadowed from "tests/properties/large.toml";
    }
}

#[test]
fn properties_are_hygienic() {
    assert_eq!(
        shadowed::Shadowed::Mine.action(),
        shadowed::ShadowedAction::Go
    );
    assert_eq!(shadowed::Shadowed::Mine.wait(), 3);
    assert_eq!(shadowed::LargeShadowed::Code4010.wait(), -190);
    assert_eq!(
        shadowed::LargeShadowed::Code4018.action(),
        shadowed::LargeShadowedAction::BackOff
    );
}

/// The narrowest `ENTRIES` row holding `n`: the named or documented code's, else its range's.
fn entry_at<T: CodeTable<Repr = u16>>(n: u16) -> &'static closecodes::Entry<u16> {
    T::ENTRIES
        .iter()
        .filter(|e| e.start <= n && n <= e.end)
        .min_by_key(|e| e.end - e.start)
        .unwrap()
}

/// `Entry::properties` holds every property's value at the row's codes, as the getters give it
/// (through `CodeTable::property_at`), in the match form, the lookup form and the derive; and
/// `PROPERTIES` declares them as the spec does.
#[test]
fn rows_carry_every_property_value() {
    fn check<T: CodeTable<Repr = u16>>(names: &[&str]) -> usize {
        let declared: Vec<&str> = T::PROPERTIES.iter().map(|p| p.name).collect();
        assert_eq!(declared, names, "{}", T::NAME);
        let mut checked = 0;
        for n in 0..=u16::MAX {
            let Ok(code) = T::try_from_code(n) else {
                continue;
            };
            checked += 1;
            let entry = entry_at::<T>(n);
            assert_eq!(entry.properties.len(), names.len(), "{} {n}", T::NAME);
            for (at, name) in names.iter().enumerate() {
                assert_eq!(
                    entry.property(at),
                    code.property_at(at),
                    "{} {n} {name}",
                    T::NAME
                );
                assert_eq!(code.property(name), code.property_at(at), "{} {n}", T::NAME);
            }
            assert_eq!(entry.property(names.len()), None);
            assert_eq!(code.property_at(names.len()), None);
        }
        checked
    }
    assert_eq!(
        check::<AppPolicy>(&["action", "retry_after_ms", "priority"]),
        65536
    );
    assert_eq!(check::<Large>(&["action", "wait"]), 65536);
    // The derive holds 4000-4199.
    assert_eq!(
        check::<Derived>(&["action", "retry_after_ms", "priority"]),
        200
    );
    // The values are the getters', spelled as the spec does.
    let slow = AppPolicy::Backoff(4101);
    assert_eq!(
        slow.property("action"),
        Some(closecodes::PropertyValue::Word(slow.action().as_str()))
    );
    assert_eq!(
        slow.property("retry_after_ms"),
        Some(closecodes::PropertyValue::Integer(5000))
    );
    assert_eq!(
        Large::Code4010.property("wait"),
        Some(closecodes::PropertyValue::Integer(-190))
    );
    assert_eq!(Large::Code4010.property("nothing"), None);
    // A table without properties declares none, and its rows carry none.
    assert!(CloseCode::PROPERTIES.is_empty());
    assert!(CloseCode::ENTRIES.iter().all(|e| e.properties.is_empty()));
    assert_eq!(CloseCode::Normal.property_at(0), None);
}

/// `PROPERTIES` describes each property as the spec declares it: kind, words, type, default.
#[test]
fn the_table_declares_its_properties() {
    use closecodes::{PropertyKind, PropertyValue};
    let [action, retry, priority] = AppPolicy::PROPERTIES else {
        panic!("{:?}", AppPolicy::PROPERTIES)
    };
    let PropertyKind::Words(words) = action.kind else {
        panic!("{action:?}")
    };
    let all: Vec<&str> = AppPolicyAction::ALL.iter().map(|a| a.as_str()).collect();
    assert_eq!(words, all.as_slice());
    assert_eq!(
        action.default,
        PropertyValue::Word(AppPolicyAction::default().as_str())
    );
    assert_eq!(retry.kind, PropertyKind::Integer("u32"));
    assert_eq!(priority.kind, PropertyKind::Integer("i8"));
    assert_eq!(priority.default, PropertyValue::Integer(-1));
    assert!(!retry.description.is_empty());
    assert_eq!(
        retry.default,
        PropertyValue::Integer(i64::from(AppPolicy::from_u16(0).retry_after_ms()))
    );
}
