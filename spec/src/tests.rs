//! Unit tests of what a rule's own cases (`spec/tests/rules/<id>/`) do not show: the tables that
//! specs make, how errors combine and are ordered, what is accepted, and how snippets are drawn.

use crate::{BaseFile, Error, Loader, NoFiles, Repr, Source, load, parse};

fn errors(text: &str) -> Vec<Error> {
    match load(&Source::inline(text), &mut NoFiles) {
        Ok(table) => panic!("expected errors, got a table: {table:?}"),
        Err(errors) => errors.into_iter().collect(),
    }
}

/// The single error of `text`, as `(line, column, message)`.
fn one(text: &str) -> (usize, usize, String) {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "expected one error, got {errs:#?}");
    (errs[0].line, errs[0].column, errs[0].message.clone())
}

fn assert_lowercase_and_unpunctuated(errs: &[Error]) {
    for e in errs {
        assert!(
            e.message.starts_with(|c: char| !c.is_uppercase()),
            "{}",
            e.message
        );
        assert!(!e.message.ends_with('.'), "{}", e.message);
    }
}

#[test]
fn builtin_websocket_table_is_valid_and_total() {
    let table = load(&Source::builtin("websocket").unwrap(), &mut NoFiles).unwrap();
    assert!(table.total);
    assert_eq!(table.repr, Repr::U16);
    assert_eq!(table.codes.len(), 15);
    assert_eq!(table.builtins, [crate::Builtin::WebSocket]);
    let names: Vec<&str> = table.ranges.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Reserved", "Iana", "Library", "Bad"]);
    let library = &table.ranges[2];
    assert!(library.assignable && library.sendable);
    assert!(table.ranges.iter().filter(|r| r.assignable).count() == 1);
    let iana = &table.ranges[1];
    let documented: Vec<i128> = iana.documented.iter().map(|d| d.value).collect();
    assert_eq!(documented, [3000, 3003, 3008]);
}

#[test]
fn an_extension_carves_ranges_out_of_an_assignable_base_range() {
    let table = load(
        &Source::inline(
            "extends = \"websocket\"\n[[range]]\nname = \"Game\"\ncodes = \"4500..=4599\"\ndescription = \"Game codes.\"\n[[code]]\ncode = 4550\nname = \"Won\"\ndescription = \"x\"\n[[code]]\ncode = 4560\nreason = \"Lost\"\ndescription = \"y\"\n",
        ),
        &mut NoFiles,
    )
    .unwrap();
    let range = |name: &str| table.ranges.iter().find(|r| r.name == name).unwrap();
    assert_eq!(
        range("Library").intervals_text(),
        "4000..=4499, 4600..=4999"
    );
    assert_eq!(range("Game").intervals_text(), "4500..=4599");
    assert_eq!(range("Game").documented[0].value, 4560);
    // The carve-out takes the base range's flags unless it sets its own: 4500 stays
    // browser-closable.
    assert_eq!(
        range("Game").uniform_values().expect("one value").flags,
        [true]
    );
    assert!(
        table
            .codes
            .iter()
            .any(|c| c.name == "Won" && c.value == 4550)
    );
    assert!(table.total);
}

#[test]
fn flags_are_declared_inherited_and_set() {
    let table = load(
        &Source::inline(
            "extends = \"websocket\"\n[[flag]]\nname = \"reconnectable\"\ndescription = \"The client may reconnect.\"\n[[flag]]\nname = \"logged\"\ndescription = \"Logged.\"\ndefault = true\n[[code]]\ncode = 4000\nname = \"Unknown\"\ndescription = \"x\"\nflags = [\"reconnectable\"]\n[[code]]\ncode = 4001\nname = \"Plain\"\ndescription = \"y\"\n[[code]]\ncode = 4002\nname = \"Own\"\ndescription = \"z\"\nflags = []\n",
        ),
        &mut NoFiles,
    )
    .unwrap();
    let names: Vec<&str> = table.flags.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["browser_closable", "reconnectable", "logged"]);
    let code = |name: &str| {
        table
            .codes
            .iter()
            .find(|c| c.name == name)
            .unwrap()
            .flags
            .clone()
    };
    // Sets `reconnectable` and inherits the others: `browser_closable` from `Library`, `logged`
    // its default. `flags` adds; it never clears what the code inherits.
    assert_eq!(code("Unknown"), [true, true, true]);
    // No `flags` key: the range's (`Library`: browser_closable), and the new flags' defaults.
    assert_eq!(code("Plain"), [true, false, true]);
    assert_eq!(code("Own"), [true, false, true]);
    // Base entries take the new flags' defaults.
    assert_eq!(code("Normal"), [true, false, true]);
    assert_eq!(code("Away"), [false, false, true]);
}

#[test]
fn a_reason_of_123_bytes_fits_a_close_frame_and_a_table_of_its_own_has_no_limit() {
    let fits = "a".repeat(123);
    assert!(load(&Source::inline(format!("extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"Long\"\nreason = \"{fits}\"\ndescription = \"x\"\n")), &mut NoFiles).is_ok());
    let long = "é".repeat(62); // 124 bytes, 62 characters
    assert!(
        load(
            &Source::inline(format!(
                "[[code]]\ncode = 1\nname = \"Long\"\nreason = \"{long}\"\ndescription = \"x\"\n"
            )),
            &mut NoFiles
        )
        .is_ok()
    );
}

#[test]
fn without_files_only_built_in_tables_can_be_extended() {
    let (line, col, msg) = one("extends = \"base.toml\"\n");
    assert_eq!((line, col), (1, 11));
    assert_eq!(
        msg,
        "cannot read `base.toml`: only built-in tables can be extended here"
    );
}

/// Serves specs from memory, to test chains and cycles without touching the disk.
struct Memory(Vec<(&'static str, &'static str)>);

impl Loader for Memory {
    fn load(&mut self, path: &str, _from: &Source) -> Result<Source, crate::ReadError> {
        self.0
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(p, text)| Source::file(*p, *p, *text))
            .ok_or_else(|| crate::ReadError::NotFound {
                path: path.to_owned(),
            })
    }
}

#[test]
fn a_chain_of_files_makes_one_table() {
    let mut mem = Memory(vec![(
        "ok.toml",
        "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"A\"\ndescription = \"x\"\n",
    )]);
    let table = load(
        &Source::inline(
            "extends = \"ok.toml\"\n[[code]]\ncode = 4002\nname = \"B\"\ndescription = \"y\"\n",
        ),
        &mut mem,
    )
    .unwrap();
    assert_eq!(table.codes.iter().filter(|c| c.value >= 4000).count(), 2);
    assert_eq!(
        table.base_files,
        [BaseFile {
            written: "ok.toml".to_owned(),
            resolved: "ok.toml".to_owned()
        }]
    );
    assert_eq!(table.builtins, [crate::Builtin::WebSocket]);
}

#[test]
fn totality_is_computed_from_codes_and_ranges() {
    let partial = load(&Source::inline("[table]\nrepr = \"u8\"\n[[range]]\nname = \"A\"\ncodes = \"0..=254\"\ndescription = \"x\"\n"), &mut NoFiles).unwrap();
    assert!(!partial.total);
    let total = load(&Source::inline("[table]\nrepr = \"u8\"\n[[range]]\nname = \"A\"\ncodes = \"0..=254\"\ndescription = \"x\"\n[[code]]\ncode = 255\nname = \"Max\"\ndescription = \"x\"\n"), &mut NoFiles).unwrap();
    assert!(total.total);
    let signed = load(&Source::inline("[table]\nrepr = \"i8\"\n[[range]]\nname = \"A\"\ncodes = [\"-128..=-1\", \"1..=127\"]\ndescription = \"x\"\n[[code]]\ncode = 0\nname = \"Zero\"\ndescription = \"x\"\n"), &mut NoFiles).unwrap();
    assert!(signed.total);
}

#[test]
fn all_errors_are_reported_at_once_in_source_order() {
    let text = "colour = 1\n[table]\nrepr = \"u7\"\n[[code]]\ncode = 1\nname = \"a\"\ndescription = \"x\"\n[[code]]\ncode = 1\nname = \"B\"\ndescription = \"x\"\n[[range]]\nname = \"R\"\ncodes = \"9..=3\"\ndescription = \"x\"\n";
    let errs = errors(text);
    let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 3, 6, 9, 14], "{errs:#?}");
    assert_lowercase_and_unpunctuated(&errs);
}

#[test]
fn parse_keeps_document_order_not_key_order() {
    let spec = parse(&Source::inline("[[code]]\ncode = 9\nname = \"Z\"\ndescription = \"x\"\n[[code]]\ncode = 1\nname = \"A\"\ndescription = \"x\"\n")).unwrap();
    let names: Vec<&str> = spec
        .codes
        .iter()
        .filter_map(|c| c.name.as_ref())
        .map(|n| n.value.as_str())
        .collect();
    assert_eq!(names, ["Z", "A"]);
}

#[test]
fn rendering_shows_the_line_and_a_caret() {
    let errs = errors("[[code]]\ncode = 1\nname = \"bad_name\"\ndescription = \"x\"\n");
    let rendered = errs[0].to_string();
    assert_eq!(
        rendered,
        "<inline spec>:3:8: code name `bad_name` is not UpperCamelCase; expected `BadName` [NAME_NOT_CAMEL_CASE]\n  |\n3 | name = \"bad_name\"\n  |        ^^^^^^^^^^"
    );
}

#[test]
fn ten_thousand_codes_check_without_quadratic_work() {
    let mut text = String::from("[table]\nrepr = \"u32\"\n");
    for i in 0..10_000u32 {
        use std::fmt::Write as _;
        let _ = write!(
            text,
            "[[code]]\ncode = {}\nname = \"C{i}\"\ndescription = \"x\"\n[[range]]\nname = \"R{i}\"\ncodes = \"{}..={}\"\ndescription = \"r\"\n",
            i * 10,
            i * 10 + 1,
            i * 10 + 9
        );
    }
    let table = load(&Source::inline(text), &mut NoFiles).unwrap();
    assert_eq!(table.codes.len(), 10_000);
    assert_eq!(table.ranges.len(), 10_000);
    assert!(!table.total);
}

#[test]
fn the_http_table_accepts_a_new_code_in_an_unassigned_slot_of_its_class() {
    let table = load(
        &Source::inline("extends = \"http\"\n[[code]]\ncode = 499\nname = \"ClientClosedRequest\"\ndescription = \"nginx: the client closed the connection.\"\n"),
        &mut NoFiles,
    )
    .unwrap();
    assert!(!table.total);
    let code = table.codes.iter().find(|c| c.value == 499).unwrap();
    // Inside `ClientError` without `flags`: the class flag.
    let client_error = table
        .flags
        .iter()
        .position(|f| f.name == "client_error")
        .unwrap();
    assert!(code.flags[client_error]);
}

#[test]
fn the_grpc_table_checks() {
    let table = load(&Source::builtin("grpc").unwrap(), &mut NoFiles).unwrap();
    assert_eq!(table.codes.len(), 17);
}

#[test]
fn acronyms_are_one_word_in_generated_names() {
    let table = load(
        &Source::inline("[[range]]\nname = \"IOError\"\ncodes = \"0..=9\"\ndescription = \"d\"\n"),
        &mut NoFiles,
    )
    .unwrap();
    let methods = crate::Methods::of(&table);
    assert_eq!(
        methods.constructors,
        [("io_error".to_owned(), "try_io_error".to_owned())]
    );
    assert_eq!(crate::snake_case("Http2ServerError"), "http2_server_error");
}

#[test]
fn an_entry_without_a_description_still_reports_its_other_errors() {
    let errs = errors(
        "extends = \"websocket\"\n[[code]]\ncode = 3999\nname = \"Late\"\n[[code]]\ncode = 4001\nname = \"Empty\"\ndescription = \"\"\nflags = [\"nope\"]\n",
    );
    let found: Vec<(usize, usize, &str)> = errs
        .iter()
        .map(|e| (e.line, e.column, e.message.as_str()))
        .collect();
    assert!(
        found
            .iter()
            .any(|(l, _, m)| *l == 2 && m.starts_with("missing key `description`")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(l, c, m)| (*l, *c) == (3, 8) && m.starts_with("code 3999 lies in range `Iana`")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(l, _, m)| *l == 8 && m.contains("`description`")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(l, _, m)| *l == 9 && m.starts_with("flag `nope` is not declared")),
        "{found:#?}"
    );
}

#[test]
fn snippets_escape_control_characters_and_clip_long_lines() {
    let long = "y".repeat(10_000);
    let errs = errors(&format!(
        "[[code]]\ncode = 1\nname = \"A\"\ndescription = \"{long}\" # \u{202e}x\u{7}\n[[code]]\ncode = 1\nname = \"B\"\ndescription = \"{long}\"\n"
    ));
    for e in &errs {
        let shown = e.to_string();
        assert!(shown.len() < 1200, "{} bytes", shown.len());
        assert!(
            !shown.contains('\u{7}') && !shown.contains('\u{202e}'),
            "{shown}"
        );
    }
    // A line of the spec that holds controls shows them escaped, the underline on the problem.
    let src = Source::inline("[[code]]\ncode = \"\u{202e}1\"\nname = \"A\"\ndescription = \"d\"\n");
    let err = load(&src, &mut NoFiles).unwrap_err();
    let first = err.iter().next().unwrap();
    assert_eq!(first.line_text, "code = \"\\u{202e}1\"");
    assert_eq!((first.caret, first.width), (7, 11));
}

/// The table the README's spec in brief stands for: 4009 lists `reconnectable`, and keeps the
/// `browser_closable` it inherits from websocket's `Library` (issue "Policy as data").
#[test]
fn flags_add_to_what_a_code_inherits() {
    let table = load(
        &Source::inline(
            "extends = \"websocket\"\n[[flag]]\nname = \"reconnectable\"\ndescription = \"r\"\n[[code]]\ncode = 4009\nname = \"SessionTimedOut\"\ndescription = \"x\"\nflags = [\"reconnectable\"]\n[[code]]\ncode = 4010\nname = \"Closed\"\ndescription = \"y\"\nflags = [\"reconnectable\"]\nset = { browser_closable = false }\n",
        ),
        &mut NoFiles,
    )
    .unwrap();
    let code = |name: &str| table.codes.iter().find(|c| c.name == name).unwrap();
    assert_eq!(code("SessionTimedOut").flags, [true, true]);
    assert_eq!(code("SessionTimedOut").own.flags, [false, true]);
    // A flag may be set false.
    assert_eq!(code("Closed").flags, [false, true]);
    assert_eq!(code("Closed").own.flags, [true, true]);
}

const POLICY: &str = r#"
extends = "websocket"

[[property]]
name = "action"
description = "What a client does."
values = ["stop", "reconnect", "back_off", "tls_only"]

[[property]]
name = "retry_after_ms"
description = "How long a client waits."
type = "u32"
default = 250

[[range]]
name = "Fatal"
codes = "4000..=4099"
description = "Do not reconnect."
assignable = true
set = { browser_closable = false }

[[range]]
name = "Backoff"
codes = "4100..=4199"
description = "Back off."
assignable = true
set = { action = "back_off", retry_after_ms = 1000 }

[[code]]
code = 4000
name = "SslOnly"
description = "Reconnect over TLS."
set = { action = "tls_only" }

[[code]]
code = 4101
name = "Busy"
description = "Busy."
set = { retry_after_ms = 5000 }

[[code]]
code = 4150
description = "Documented, waits long."
set = { retry_after_ms = 60000 }
"#;

fn policy() -> crate::Table {
    load(&Source::inline(POLICY), &mut NoFiles).unwrap()
}

#[test]
fn properties_are_inherited_per_property() {
    use crate::{PropertyKind, PropertyValue::*};
    let table = policy();
    let names: Vec<&str> = table.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["action", "retry_after_ms"]);
    assert_eq!(table.properties[0].default, Word(0));
    assert_eq!(table.properties[1].default, Integer(250));
    assert_eq!(
        table.properties[1].kind,
        PropertyKind::Integer(crate::Repr::U32)
    );
    let code = |name: &str| table.codes.iter().find(|c| c.name == name).unwrap();
    let range = |name: &str| table.ranges.iter().find(|r| r.name == name).unwrap();
    // Base entries take the defaults.
    assert_eq!(code("Normal").properties, [Word(0), Integer(250)]);
    assert_eq!(
        range("Fatal")
            .uniform_values()
            .expect("one value")
            .properties,
        [Word(0), Integer(250)]
    );
    // A carve-out inherits the flags it does not set from the base range; a flag set false.
    assert_eq!(
        range("Fatal").uniform_values().expect("one value").flags,
        [false]
    );
    assert_eq!(
        range("Backoff").uniform_values().expect("one value").flags,
        [true]
    );
    assert_eq!(
        range("Backoff")
            .uniform_values()
            .expect("one value")
            .properties,
        [Word(2), Integer(1000)]
    );
    // The code's own value, else its range's, per property and per flag.
    assert_eq!(code("SslOnly").properties, [Word(3), Integer(250)]);
    assert_eq!(code("SslOnly").flags, [false]);
    assert_eq!(code("Busy").properties, [Word(2), Integer(5000)]);
    let documented = &range("Backoff").documented[0];
    assert_eq!(documented.properties, [Word(2), Integer(60000)]);
    assert_eq!(documented.own.properties, [false, true]);
    assert_eq!(table.properties[0].written(Word(2)), "back_off");
    // Every row carries every value, decided once.
    let rows = table.rows();
    let row = rows.iter().find(|r| r.start == 4150).unwrap();
    assert_eq!(row.properties, [Word(2), Integer(60000)]);
    let row = rows.iter().find(|r| r.start == 4200).unwrap();
    assert_eq!(
        (row.variant, row.flags, row.properties),
        ("Library", &[true][..], &[Word(0), Integer(250)][..])
    );
}

/// An extension's carve-out decides the values its base's codes inside it do not set; an
/// extension declares properties of its own, which the base's entries take the default of.
#[test]
fn an_extension_of_an_extension_inherits_per_number() {
    use crate::PropertyValue::*;
    struct Base;
    impl crate::Loader for Base {
        fn load(&mut self, path: &str, _from: &Source) -> Result<Source, crate::ReadError> {
            assert_eq!(path, "policy.toml");
            Ok(Source::file("policy.toml", "policy.toml", POLICY))
        }
    }
    let table = load(
        &Source::inline(
            "extends = \"policy.toml\"\n[[property]]\nname = \"sender\"\ndescription = \"Who sends it.\"\nvalues = [\"server\", \"client\"]\n[[range]]\nname = \"Slow\"\ncodes = \"4100..=4159\"\ndescription = \"Slow.\"\nset = { action = \"reconnect\", sender = \"client\", browser_closable = false }\n[[code]]\ncode = 4102\nname = \"Mine\"\ndescription = \"m\"\n",
        ),
        &mut Base,
    )
    .unwrap();
    let code = |name: &str| table.codes.iter().find(|c| c.name == name).unwrap();
    let range = |name: &str| table.ranges.iter().find(|r| r.name == name).unwrap();
    // The carve-out inherits `retry_after_ms` from `Backoff`.
    assert_eq!(
        range("Slow")
            .uniform_values()
            .expect("one value")
            .properties,
        [Word(1), Integer(1000), Word(1)]
    );
    assert_eq!(
        range("Backoff")
            .uniform_values()
            .expect("one value")
            .properties,
        [Word(2), Integer(1000), Word(0)]
    );
    // The base's `Busy` sets only `retry_after_ms`: the rest is the carve-out's now.
    assert_eq!(code("Busy").properties, [Word(1), Integer(5000), Word(1)]);
    assert_eq!(code("Busy").flags, [false]);
    // The base's documented 4150 moved into the carve-out, and keeps what it set.
    let documented = &range("Slow").documented[0];
    assert_eq!(
        (documented.value, &documented.properties[..]),
        (4150, &[Word(1), Integer(60000), Word(1)][..])
    );
    assert_eq!(code("Mine").properties, [Word(1), Integer(1000), Word(1)]);
    // Outside the carve-out, the base's values.
    assert_eq!(code("SslOnly").properties, [Word(3), Integer(250), Word(0)]);
}

/// A derived enum whose base has `[[policy]]` entries gets the base's values at every number: a
/// range variant over the part of `Reserved` a policy of `graphql-transport-ws` covers is `stop`,
/// one over the rest is the default, and one over both is refused (`DERIVED_RANGE_MIXES_VALUES`).
#[test]
fn a_derived_enum_takes_its_bases_policies() {
    let derive = |ranges: &str| {
        let source = Source::inline(format!("extends = \"graphql-transport-ws\"\n{ranges}"));
        let spec = crate::parse(&source).expect("parses");
        crate::check_derive(&spec, &source, &mut NoFiles)
    };
    let range = |name: &str, codes: &str| {
        format!("[[range]]\nname = \"{name}\"\ncodes = {codes}\ndescription = \"d\"\n")
    };
    let table = derive(&(range("Fatal", "\"1016..=1999\"") + &range("Open", "\"2000..=2999\"")))
        .expect("checks");
    let action = |name: &str| {
        let range = table
            .ranges
            .iter()
            .find(|r| r.name == name)
            .expect("a range");
        let run = range.uniform_values().expect("one value");
        table.properties[0].written(run.properties[0])
    };
    assert_eq!(table.properties[0].name, "action");
    assert_eq!(action("Fatal"), "stop");
    assert_eq!(action("Open"), "back_off");
    let errors = derive(&range("Both", "\"1016..=2999\"")).expect_err("mixes values");
    assert_eq!(
        errors.iter().map(|e| e.rule).collect::<Vec<_>>(),
        [Some(crate::CheckRule::DerivedRangeMixesValues)]
    );
}
