//! Tables above the lookup-form threshold (256 named codes), where named codes are found by binary
//! search and read their `ENTRIES` row instead of having an arm in every `match`: every value is
//! checked against the spec files, read independently with the `toml` crate.

use closecodes::{CloseCode, CodeTable};

closecodes::close_codes! {
    /// 415 named codes: the WebSocket registry and 400 private ones. Total.
    pub enum LargeChat from "codes/large_chat.toml";
}

closecodes::close_codes! {
    /// 300 named codes among ranges, in `u32`. Partial.
    pub enum LargePartial from "codes/large_partial.toml";
}

mod derived {
    include!("../codes/large_derive.rs");
}

use derived::DerivedLarge;

/// What the spec says of one value.
#[derive(Debug, PartialEq)]
struct Expected {
    /// `Name` for a named code, `Range(value)` for a range's value: the `Debug` form.
    debug: String,
    reason: Option<String>,
    description: String,
    sendable: bool,
    range: Option<String>,
}

/// A range: its intervals, name, reason, description and sendability.
type Range = (Vec<(u32, u32)>, String, Option<String>, String, bool);

/// The spec's codes and ranges, as plain data.
#[derive(Default)]
struct Oracle {
    named: Vec<(u32, String, Option<String>, String, bool)>,
    documented: Vec<(u32, Option<String>, String, Option<bool>)>,
    ranges: Vec<Range>,
}

impl Oracle {
    fn read(&mut self, text: &str) {
        let doc: toml::Table = text.parse().unwrap();
        let string =
            |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let flag = |t: &toml::Table, k: &str| t.get(k).and_then(toml::Value::as_bool);
        let number = |t: &toml::Table, k: &str| u32::try_from(t[k].as_integer().unwrap()).unwrap();
        for range in doc
            .get("range")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let t = range.as_table().unwrap();
            let codes: Vec<&str> = match &t["codes"] {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(a) => a.iter().map(|v| v.as_str().unwrap()).collect(),
                other => panic!("codes: {other}"),
            };
            let intervals = codes
                .iter()
                .map(|c| match c.split_once("..=") {
                    Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
                    None => (c.parse().unwrap(), c.parse().unwrap()),
                })
                .collect();
            self.ranges.push((
                intervals,
                string(t, "name").unwrap(),
                string(t, "reason"),
                string(t, "description").unwrap(),
                flag(t, "sendable").unwrap_or(true),
            ));
        }
        for code in doc
            .get("code")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let t = code.as_table().unwrap();
            let value = number(t, "code");
            match string(t, "name") {
                Some(name) => self.named.push((
                    value,
                    name,
                    string(t, "reason"),
                    string(t, "description").unwrap(),
                    flag(t, "sendable").unwrap_or(true),
                )),
                None => self.documented.push((
                    value,
                    string(t, "reason"),
                    string(t, "description").unwrap(),
                    flag(t, "sendable"),
                )),
            }
        }
    }

    fn expected(&self, value: u32) -> Option<Expected> {
        if let Some((_, name, reason, description, sendable)) =
            self.named.iter().find(|c| c.0 == value)
        {
            return Some(Expected {
                debug: name.clone(),
                reason: reason.clone(),
                description: description.clone(),
                sendable: *sendable,
                range: None,
            });
        }
        let (_, name, reason, description, sendable) = self
            .ranges
            .iter()
            .find(|r| r.0.iter().any(|&(a, b)| (a..=b).contains(&value)))?;
        let documented = self.documented.iter().find(|d| d.0 == value);
        Some(Expected {
            debug: format!("{name}({value})"),
            reason: documented
                .and_then(|d| d.1.clone())
                .or_else(|| reason.clone()),
            description: documented.map_or_else(|| description.clone(), |d| d.2.clone()),
            sendable: documented.and_then(|d| d.3).unwrap_or(*sendable),
            range: Some(name.clone()),
        })
    }
}

fn actual<T: CodeTable + std::fmt::Debug>(code: T, range: Option<&str>) -> Expected {
    Expected {
        debug: format!("{code:?}"),
        reason: code.reason().map(str::to_owned),
        description: code.description().to_owned(),
        sendable: code.is_sendable(),
        range: range.map(str::to_owned),
    }
}

fn spec(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn large_tables_are_above_the_lookup_threshold() {
    // The macro switches to lookup form above 256 named codes (`LOOKUP_ABOVE` in expand.rs).
    assert_eq!(LargeChat::ALL.len(), 415);
    assert_eq!(LargePartial::ALL.len(), 300);
}

#[test]
fn every_u16_of_the_large_total_table_is_what_the_spec_says() {
    let mut oracle = Oracle::default();
    oracle.read(closecodes_spec::Builtin::WebSocket.text());
    oracle.read(&spec("codes/large_chat.toml"));
    for value in 0..=u16::MAX {
        let expected = oracle.expected(u32::from(value)).unwrap();
        let code = LargeChat::from_u16(value);
        assert_eq!(actual(code, code.range()), expected, "value {value}");
        assert_eq!(code.as_u16(), value);
        assert_eq!(u16::from(code), value);
        assert_eq!(CloseCode::from(code).as_u16(), value);
        assert_eq!(LargeChat::from(CloseCode::from_u16(value)), code);
        assert_eq!(code.to_string().parse::<LargeChat>(), Ok(code));
        assert_eq!(
            LargeChat::from_wire(value).is_ok(),
            expected.sendable,
            "value {value}"
        );
    }
}

#[test]
fn every_value_of_the_large_partial_table_is_what_the_spec_says() {
    let mut oracle = Oracle::default();
    oracle.read(&spec("codes/large_partial.toml"));
    for value in 0..=7_000 {
        let code = LargePartial::from_u32(value);
        if let Some(expected) = oracle.expected(value) {
            let code = code.unwrap_or_else(|| panic!("{value} is a code"));
            assert_eq!(actual(code, code.range()), expected, "value {value}");
            assert_eq!(code.as_u32(), value);
            assert_eq!(LargePartial::try_from(value), Ok(code));
            assert_eq!(code.to_string().parse::<LargePartial>(), Ok(code));
        } else {
            assert_eq!(code, None, "{value} is not a code");
            assert!(LargePartial::try_from(value).is_err());
            assert!(value.to_string().parse::<LargePartial>().is_err());
        }
    }
    for value in [u32::MAX, 1_000_000, 6_000, 6_002] {
        assert_eq!(LargePartial::from_u32(value), None, "{value}");
    }
}

#[test]
fn names_of_large_tables_parse() {
    let mut oracle = Oracle::default();
    oracle.read(&spec("codes/large_partial.toml"));
    for (value, name, ..) in &oracle.named {
        assert_eq!(
            name.parse::<LargePartial>().map(LargePartial::as_u32),
            Ok(*value)
        );
    }
    assert!("Named300".parse::<LargePartial>().is_err());
    assert!("Low".parse::<LargePartial>().is_err());
    assert_eq!("Private399".parse::<LargeChat>(), Ok(LargeChat::Private399));
    assert_eq!("Normal".parse::<LargeChat>(), Ok(LargeChat::Normal));
}

#[test]
fn entries_of_large_tables_are_ordered_and_complete() {
    let entries = <LargePartial as CodeTable>::ENTRIES;
    assert!(entries.windows(2).all(|w| w[0].start <= w[1].start));
    let named = entries
        .iter()
        .filter(|e| e.kind == closecodes::EntryKind::Code)
        .count();
    assert_eq!(named, 300);
    let at_1897: Vec<_> = entries.iter().filter(|e| e.start == 1897).collect();
    assert_eq!(
        at_1897.len(),
        2,
        "the named code and the range starting at it"
    );
    assert_eq!(at_1897[0].kind, closecodes::EntryKind::Code);
}

#[test]
fn a_large_derived_enum_is_what_its_attributes_say() {
    assert_eq!(DerivedLarge::ALL.len(), 300, "above the lookup threshold");
    for value in 0..=u16::MAX {
        let Ok(code) = DerivedLarge::try_from(value) else {
            assert!(!(4000..=4999).contains(&value), "{value} is a code");
            continue;
        };
        assert!((4000..=4999).contains(&value), "{value} is not a code");
        let offset = value - 4000;
        if offset % 3 == 0 && offset / 3 < 300 {
            let i = offset / 3;
            assert_eq!(format!("{code:?}"), format!("Derived{i}"));
            let reason = (i % 4 != 0).then(|| format!("Derived {i}"));
            assert_eq!(code.reason(), reason.as_deref(), "{value}");
            assert_eq!(code.description(), format!("Derived code number {i}."));
            assert!(code.is_sendable());
        } else {
            assert_eq!(code, DerivedLarge::Other(value));
            assert_eq!(code.description(), "Any other private code.");
        }
        assert_eq!(code.as_u16(), value);
        assert_eq!(CloseCode::from(code).as_u16(), value);
        assert_eq!(code.to_string().parse::<DerivedLarge>(), Ok(code));
    }
    assert_eq!(
        "Derived299".parse::<DerivedLarge>(),
        Ok(DerivedLarge::Derived299)
    );
}
