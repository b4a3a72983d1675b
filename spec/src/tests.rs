//! Unit tests: one per rule, each asserting the message and the line and column it points at.

use crate::{BaseFile, Error, Loader, NoFiles, Origin, Repr, Source, load, parse};

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

const BASE: &str = "[table]\ndescription = \"d\"\n";

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
fn toml_syntax_errors_are_located() {
    let errs = errors("[table]\nname = \"X\"\nrepr = \n");
    assert_eq!((errs[0].line, errs[0].column), (3, 8));
    assert!(
        errs.iter().all(|e| e.message.starts_with("invalid TOML: ")),
        "{errs:#?}"
    );
}

#[test]
fn wrong_types_are_reported_with_what_was_found() {
    let errs = errors(&format!(
        "{BASE}[[code]]\ncode = \"4001\"\nname = \"A\"\ndescription = \"x\"\n\n[[code]]\ncode = 1.5\nname = \"B\"\ndescription = \"x\"\n\n[[code]]\ncode = 7\nname = 3\ndescription = true\n"
    ));
    let msgs: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(msgs.len(), 4, "{msgs:#?}");
    assert_eq!(
        msgs[0],
        (
            4,
            "expected an integer for `code`, found the string \"4001\"; remove the quotes"
        )
    );
    assert_eq!(
        msgs[1],
        (9, "expected an integer for `code`, found a float")
    );
    assert_eq!(
        msgs[2],
        (15, "expected a string for `name`, found an integer")
    );
    assert_eq!(
        msgs[3],
        (16, "expected a string for `description`, found a boolean")
    );
    assert_lowercase_and_unpunctuated(&errs);
}

#[test]
fn codes_must_fit_the_repr() {
    let (line, col, msg) =
        one("[table]\nrepr = \"u8\"\n[[code]]\ncode = 256\nname = \"A\"\ndescription = \"x\"\n");
    assert_eq!((line, col), (4, 8));
    assert_eq!(
        msg,
        "code 256 does not fit `u8`; expected a code in 0..=255"
    );
    let (_, _, msg) = one("[[code]]\ncode = -1\nname = \"A\"\ndescription = \"x\"\n");
    assert_eq!(
        msg,
        "negative code -1, but `u16` has no negative values; expected a code in 0..=65535"
    );
    let (_, _, msg) = one("[[range]]\nname = \"A\"\ncodes = \"0..=70000\"\ndescription = \"x\"\n");
    assert!(msg.starts_with("code 70000 does not fit `u16`"), "{msg}");
    let (_, _, msg) = one("[table]\nrepr = \"u128\"\n");
    assert!(
        msg.starts_with("unknown `repr` \"u128\"; expected one of `u8`, `u16`"),
        "{msg}"
    );
}

#[test]
fn unknown_keys_suggest_the_close_one() {
    let errs = errors("[[code]]\ncode = 1\nname = \"A\"\ndescripton = \"x\"\ncolour = 1\n");
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert!(
        msgs.contains(&"unknown key `descripton` in a `[[code]]`; did you mean `description`?"),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("unknown key `colour` in a `[[code]]`; expected one of `code`")),
        "{msgs:#?}"
    );
    assert!(msgs.contains(&"missing key `description` in this `[[code]]`; expected a sentence saying what the code means"));
    let (line, col, msg) = one("extend = \"websocket\"\n");
    assert_eq!((line, col), (1, 1));
    assert_eq!(
        msg,
        "unknown key `extend` at the top level; did you mean `extends`?"
    );
}

#[test]
fn missing_keys_point_at_the_entry_header() {
    let errs = errors("[[range]]\nname = \"A\"\n");
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(
        errs.iter()
            .all(|e| e.line == 1 && e.column == 1 && e.width == 9)
    );
    assert!(
        errs[0]
            .message
            .starts_with("missing key `codes` in this `[[range]]`")
    );
    assert!(
        errs[1]
            .message
            .starts_with("missing key `description` in this `[[range]]`")
    );
}

#[test]
fn empty_names_and_descriptions_are_errors() {
    let errs = errors("[[code]]\ncode = 1\nname = \"\"\ndescription = \"  \"\n");
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert!(
        msgs.contains(&"`name` is empty; expected a non-empty string"),
        "{msgs:#?}"
    );
    assert!(
        msgs.contains(&"`description` is empty; expected a non-empty string"),
        "{msgs:#?}"
    );
}

#[test]
fn names_must_be_upper_camel_case_identifiers_and_not_keywords() {
    let cases = [
        (
            "going_away",
            "code name `going_away` is not UpperCamelCase; expected `GoingAway`",
        ),
        (
            "GOING",
            "code name `GOING` is not UpperCamelCase; expected `Going`",
        ),
        (
            "Self",
            "code name `Self` is a Rust keyword; expected another name",
        ),
        (
            "Going Away",
            "code name \"Going Away\" is not a Rust identifier; expected an UpperCamelCase name such as `GoingAway`",
        ),
        (
            "4xx",
            "code name \"4xx\" is not a Rust identifier; expected an UpperCamelCase name that starts with a letter",
        ),
    ];
    for (name, expected) in cases {
        let (line, col, msg) = one(&format!(
            "[[code]]\ncode = 1\nname = \"{name}\"\ndescription = \"x\"\n"
        ));
        assert_eq!((line, col, msg.as_str()), (3, 8, expected));
    }
    let (_, _, msg) = one("[table]\nname = \"close_code\"\n");
    assert_eq!(
        msg,
        "table name `close_code` is not UpperCamelCase; expected `CloseCode`"
    );
}

#[test]
fn inverted_and_malformed_ranges() {
    let (line, col, msg) = one("[[range]]\nname = \"A\"\ncodes = \"5..=1\"\ndescription = \"x\"\n");
    assert_eq!((line, col), (3, 9));
    assert_eq!(
        msg,
        "inverted range \"5..=1\": it starts after it ends; expected \"1..=5\""
    );
    let errs =
        errors("[[range]]\nname = \"A\"\ncodes = [\"1..5\", \"x\", 3.0]\ndescription = \"x\"\n");
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:#?}");
    assert!(msgs[0].ends_with("ranges are inclusive and written with `..=`"));
    assert!(msgs[1].starts_with("malformed range \"x\"; expected \"start..=end\""));
    assert!(msgs[2].starts_with("expected a range string such as \"4000..=4999\", a code, or a list of them for `codes`, found a float"));
    let (_, _, msg) = one("[[range]]\nname = \"A\"\ncodes = []\ndescription = \"x\"\n");
    assert!(msg.starts_with("`codes` is an empty list"));
}

#[test]
fn overlapping_ranges_name_both() {
    let text = "[[range]]\nname = \"A\"\ncodes = \"0..=10\"\ndescription = \"x\"\n\n[[range]]\nname = \"B\"\ncodes = [\"20..=30\", \"5..=12\"]\ndescription = \"x\"\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].column), (8, 21));
    assert_eq!(
        errs[0].message,
        "range `B` (5..=12) overlaps range `A` (0..=10) at 5..=10; expected ranges that share no code"
    );
    assert_eq!(errs[0].notes, ["`A` is defined at line 3"]);
    let (_, _, msg) =
        one("[[range]]\nname = \"A\"\ncodes = [\"0..=10\", \"10..=12\"]\ndescription = \"x\"\n");
    assert_eq!(
        msg,
        "range `A` lists 10..=12 and 0..=10, which overlap at 10; expected disjoint intervals"
    );
}

#[test]
fn duplicates_name_the_first_place() {
    let text = "[[code]]\ncode = 1\nname = \"A\"\ndescription = \"x\"\n\n[[code]]\ncode = 1\nname = \"B\"\ndescription = \"x\"\n\n[[range]]\nname = \"A\"\ncodes = \"5..=9\"\ndescription = \"x\"\n";
    let errs = errors(text);
    let found: Vec<(usize, &str, &[String])> = errs
        .iter()
        .map(|e| (e.line, e.message.as_str(), e.notes.as_slice()))
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        found[0],
        (
            7,
            "duplicate code 1",
            &["first defined at line 2".to_owned()][..]
        )
    );
    assert_eq!(
        found[1],
        (
            12,
            "duplicate name `A`",
            &["first defined at line 3".to_owned()][..]
        )
    );
}

#[test]
fn extension_codes_must_lie_in_an_assignable_base_range() {
    let text = "extends = \"websocket\"\n[[code]]\ncode = 3999\nname = \"A\"\ndescription = \"x\"\n[[code]]\ncode = 1001\nname = \"B\"\ndescription = \"x\"\n[[code]]\ncode = 5000\nname = \"C\"\ndescription = \"x\"\n[[code]]\ncode = 4500\nname = \"Normal\"\ndescription = \"x\"\n";
    let errs = errors(text);
    let msgs: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(msgs.len(), 4, "{msgs:#?}");
    assert_eq!(
        msgs[0],
        (
            3,
            "code 3999 lies in range `Iana` (3000..=3999) of the base table `websocket`, which does not accept new codes; new codes must lie in `Library` (4000..=4999)"
        )
    );
    assert_eq!(
        msgs[1],
        (
            7,
            "code 1001 is already defined by the base table `websocket` as `Away`; new codes must lie in `Library` (4000..=4999)"
        )
    );
    assert_eq!(
        msgs[2],
        (
            11,
            "code 5000 lies in range `Bad` (0..=999, 5000..=65535) of the base table `websocket`, which does not accept new codes; new codes must lie in `Library` (4000..=4999)"
        )
    );
    assert_eq!(
        msgs[3],
        (
            16,
            "name `Normal` is already used by code 1000 `Normal` of the base table `websocket`; expected a new name"
        )
    );
}

#[test]
fn extension_keeps_base_repr() {
    let (_, _, msg) = one("extends = \"websocket\"\n[table]\nrepr = \"u32\"\n");
    assert_eq!(
        msg,
        "`repr` is u32 but the base table `websocket` uses u16; an extending table keeps its base's repr"
    );
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
    assert_eq!(range("Game").flags, [true]);
    assert!(
        table
            .codes
            .iter()
            .any(|c| c.name == "Won" && c.value == 4550)
    );
    assert!(table.total);
}

#[test]
fn a_carve_out_stays_inside_one_assignable_base_range() {
    let spec = |codes: &str| {
        format!(
            "extends = \"websocket\"\n[[range]]\nname = \"Mine\"\ncodes = \"{codes}\"\ndescription = \"x\"\n"
        )
    };
    let (line, col, msg) = one(&spec("4900..=5100"));
    assert_eq!((line, col), (4, 9));
    assert_eq!(
        msg,
        "range `Mine` (4900..=5100) spans the base ranges `Library` (4000..=4999) and `Bad` (0..=999, 5000..=65535); expected a range inside one assignable base range"
    );
    let (_, _, msg) = one(&spec("3500..=3599"));
    assert_eq!(
        msg,
        "range `Mine` (3500..=3599) lies in range `Iana` (3000..=3999) of the base table `websocket`, which does not accept new ranges; new ranges must lie in `Library` (4000..=4999)"
    );
    // Leaving an assignable range into a gap of a partial base.
    let mut mem = Memory(vec![(
        "base.toml",
        "[[range]]\nname = \"Open\"\ncodes = \"10..=19\"\ndescription = \"x\"\nassignable = true\n",
    )]);
    let errs = load(
        &Source::inline("extends = \"base.toml\"\n[[range]]\nname = \"Mine\"\ncodes = \"15..=25\"\ndescription = \"x\"\n"),
        &mut mem,
    )
    .unwrap_err();
    assert_eq!(
        errs.as_slice()[0].message,
        "range `Mine` (15..=25) leaves range `Open` (10..=19) of the base table `base.toml`; expected a range inside it"
    );
    // Two new ranges still may not overlap each other.
    let errs = errors(
        "extends = \"websocket\"\n[[range]]\nname = \"A\"\ncodes = \"4000..=4100\"\ndescription = \"x\"\n[[range]]\nname = \"B\"\ncodes = \"4050..=4200\"\ndescription = \"x\"\n",
    );
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(
        errs[0]
            .message
            .starts_with("range `B` (4050..=4200) overlaps range `A` (4000..=4100)"),
        "{}",
        errs[0].message
    );
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
    // Sets `reconnectable`; `logged` keeps its default; `browser_closable` is set, not inherited:
    // a code listing flags takes only those (and the defaults).
    assert_eq!(code("Unknown"), [false, true, true]);
    // No `flags` key: the range's (`Library`: browser_closable), and the new flags' defaults.
    assert_eq!(code("Plain"), [true, false, true]);
    assert_eq!(code("Own"), [false, false, true]);
    // Base entries take the new flags' defaults.
    assert_eq!(code("Normal"), [true, false, true]);
    assert_eq!(code("Away"), [false, false, true]);
}

#[test]
fn flag_rules() {
    let errs = errors(
        "[[flag]]\nname = \"Bad\"\ndescription = \"x\"\n[[flag]]\nname = \"sendable\"\ndescription = \"x\"\n[[flag]]\nname = \"ok\"\ndescription = \"x\"\n[[flag]]\nname = \"ok\"\ndescription = \"x\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"x\"\nflags = [\"ok\", \"missing\"]\n",
    );
    let msgs: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(
        msgs,
        [
            (
                2,
                "flag name \"Bad\" is not snake_case; expected a name such as `bad`"
            ),
            (
                5,
                "flag `sendable` would generate the method `is_sendable`, which is a method of every table; expected another name"
            ),
            (11, "duplicate flag `ok`"),
            (
                17,
                "flag `missing` is not declared; expected one of `ok`, or a `[[flag]]` entry declaring it"
            ),
        ]
    );
    assert_eq!(errs[2].notes, ["first defined at line 8"]);
    let (_, _, msg) = one("[[range]]\nname = \"Foo\"\ncodes = \"1..=9\"\ndescription = \"x\"\n[[flag]]\nname = \"foo\"\ndescription = \"x\"\n".replace("Foo", "IsBar").replace("\"foo\"", "\"bar\"").as_str());
    assert_eq!(
        msg,
        "flag `bar` would generate the method `is_bar`, which is the constructor of range `IsBar`; expected another name"
    );
    let (_, _, msg) = one(
        "extends = \"websocket\"\n[[flag]]\nname = \"browser_closable\"\ndescription = \"x\"\n",
    );
    assert_eq!(msg, "duplicate flag `browser_closable`");
}

#[test]
fn a_reason_fits_a_close_frame_in_tables_extending_websocket() {
    let long = "é".repeat(62); // 124 bytes, 62 characters
    let (line, col, msg) = one(&format!(
        "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"Long\"\nreason = \"{long}\"\ndescription = \"x\"\n"
    ));
    assert_eq!((line, col), (5, 10));
    assert_eq!(
        msg,
        "reason is 124 bytes of UTF-8; a Close frame carries at most 123 (its 125-byte payload holds the 2-byte code too), so expected a shorter reason"
    );
    // 123 bytes fit; a table of its own has no such limit.
    let fits = "a".repeat(123);
    assert!(load(&Source::inline(format!("extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"Long\"\nreason = \"{fits}\"\ndescription = \"x\"\n")), &mut NoFiles).is_ok());
    assert!(
        load(
            &Source::inline(format!(
                "[[code]]\ncode = 1\nname = \"Long\"\nreason = \"{long}\"\ndescription = \"x\"\n"
            )),
            &mut NoFiles
        )
        .is_ok()
    );
    // Through a file that extends `websocket`.
    let mut mem = Memory(vec![("chat.toml", "extends = \"websocket\"\n")]);
    let errs = load(
        &Source::inline(format!("extends = \"chat.toml\"\n[[range]]\nname = \"Mine\"\ncodes = \"4100..=4199\"\nreason = \"{long}\"\ndescription = \"x\"\n")),
        &mut mem,
    )
    .unwrap_err();
    assert!(
        errs.as_slice()[0]
            .message
            .starts_with("reason is 124 bytes"),
        "{errs}"
    );
}

#[test]
fn unknown_builtin_and_missing_file_point_at_extends() {
    let (line, col, msg) = one("extends = \"websockets\"\n");
    assert_eq!((line, col), (1, 11));
    assert_eq!(
        msg,
        "unknown built-in table \"websockets\"; expected one of \"websocket\", \"http\", \"grpc\" or a path to a `.toml` file"
    );
    let (_, _, msg) = one("extends = \"base.toml\"\n");
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
fn extends_chain_and_cycle() {
    let mut mem = Memory(vec![
        ("a.toml", "extends = \"b.toml\"\n"),
        ("b.toml", "extends = \"a.toml\"\n"),
        (
            "ok.toml",
            "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"A\"\ndescription = \"x\"\n",
        ),
    ]);
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
    let errs = load(
        &Source::file("a.toml", "a.toml", "extends = \"b.toml\"\n"),
        &mut mem,
    )
    .unwrap_err();
    let errs: Vec<&Error> = errs.iter().collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].origin, Origin::File("b.toml".to_owned()));
    assert_eq!(
        errs[0].message,
        "`extends` cycle: a.toml extends b.toml extends a.toml; expected a chain that ends in a table without `extends`"
    );
}

#[test]
fn unnamed_code_must_lie_in_a_range() {
    let (_, _, msg) = one("[[code]]\ncode = 7\ndescription = \"x\"\n");
    assert_eq!(
        msg,
        "code 7 has no `name` and lies in no range; expected a `name` for its own variant, or a `[[range]]` that holds it"
    );
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
fn range_constructors_may_not_clash() {
    let (_, _, msg) = one("[[range]]\nname = \"Reason\"\ncodes = \"1..=2\"\ndescription = \"x\"\n");
    assert_eq!(
        msg,
        "range name `Reason` would generate the constructor `reason`, which is a method of every table; expected another name"
    );
    let (_, _, msg) = one("[[range]]\nname = \"Type\"\ncodes = \"1..=2\"\ndescription = \"x\"\n");
    assert_eq!(
        msg,
        "range name `Type` would generate the constructor `type`, a Rust keyword; expected another name"
    );
    let (_, _, msg) = one(
        "[[range]]\nname = \"Lib\"\ncodes = \"1..=2\"\ndescription = \"x\"\n[[range]]\nname = \"TryLib\"\ncodes = \"3..=4\"\ndescription = \"x\"\n",
    );
    assert_eq!(
        msg,
        "range name `TryLib` would generate the constructor `try_lib`, which is the constructor of range `Lib`; expected another name"
    );
    assert_eq!(crate::snake_case("Http2ServerError"), "http2_server_error");
}

#[test]
fn the_http_table_accepts_new_codes_only_in_unassigned_slots_of_its_classes() {
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
    let (_, _, msg) =
        one("extends = \"http\"\n[[code]]\ncode = 600\nname = \"Beyond\"\ndescription = \"x\"\n");
    assert!(
        msg.starts_with("code 600 lies outside every range of the base table `http`"),
        "{msg}"
    );
    let (_, _, msg) =
        one("extends = \"http\"\n[[code]]\ncode = 404\nname = \"Missing\"\ndescription = \"x\"\n");
    assert!(
        msg.starts_with("code 404 is already defined by the base table `http` as `NotFound`"),
        "{msg}"
    );
    let (_, _, msg) = one(
        "extends = \"http\"\n[[code]]\ncode = 499\nname = \"UnprocessableEntity\"\ndescription = \"x\"\n",
    );
    assert!(
        msg.starts_with("name `UnprocessableEntity` is already used by an alias of code 422"),
        "{msg}"
    );
}

#[test]
fn aliases_name_a_variant_and_are_names_like_any_other() {
    let errs = errors(
        "[[code]]\ncode = 1\nname = \"One\"\ndescription = \"x\"\naliases = [\"Uno\", \"One\", \"bad_alias\"]\n[[range]]\nname = \"R\"\ncodes = \"2..=9\"\ndescription = \"x\"\n[[code]]\ncode = 3\ndescription = \"x\"\naliases = [\"Three\"]\n",
    );
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "duplicate name `One`",
            "alias name `bad_alias` is not UpperCamelCase; expected `BadAlias`",
            "code 3 has `aliases` but no `name`; expected a `name` for the variant the aliases stand for",
        ]
    );
    let table = load(&Source::builtin("grpc").unwrap(), &mut NoFiles).unwrap();
    assert_eq!(table.codes.len(), 17);
}

#[test]
fn flags_spelled_alike_in_camel_case_are_refused() {
    let (line, column, message) = one(
        "[[flag]]\nname = \"x2\"\ndescription = \"a\"\n[[flag]]\nname = \"x_2\"\ndescription = \"b\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n",
    );
    assert_eq!((line, column), (5, 8));
    assert_eq!(
        message,
        "flag `x_2` cannot be written in every target: TypeScript and JavaScript would spell it `isX2`, as it spells the predicate of flag `x2`; expected a name with other words"
    );
}

#[test]
fn a_table_name_the_rendered_modules_use_is_refused() {
    for (name, reason) in [
        (
            "Object",
            "it is a name the TypeScript and JavaScript file uses or defines itself",
        ),
        ("None", "it is a keyword of Python"),
        (
            "FromWire",
            "it is a name the Go file uses or defines itself",
        ),
        (
            "Entry",
            "it is a name the TypeScript and JavaScript file uses or defines itself",
        ),
        (
            "Select",
            "its Go package would be `select`, which is not a package name",
        ),
    ] {
        let (line, column, message) = one(&format!(
            "[table]\nname = \"{name}\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n"
        ));
        assert_eq!((line, column), (2, 8));
        assert!(
            message.starts_with(&format!(
                "table name `{name}` cannot be written in every target: {reason}"
            )),
            "{message}"
        );
    }
    // One error however many targets refuse it, with the others in a note.
    let errors = load(&Source::inline("[table]\nname = \"Entry\"\n"), &mut NoFiles).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors.iter().next().unwrap().notes,
        ["Python, Go, Kotlin, C#, Java refuse it too"]
    );
}

#[test]
fn names_spelled_alike_in_python_are_refused() {
    let (line, column, message) = one(
        "[[code]]\ncode = 1\nname = \"IOError\"\ndescription = \"d\"\n[[code]]\ncode = 2\nname = \"IoError\"\ndescription = \"d\"\n",
    );
    assert_eq!((line, column), (7, 8));
    assert_eq!(
        message,
        "name `IoError` of code 2 cannot be written in every target: Python would spell it `IO_ERROR`, as it spells code 1; expected a name with other words"
    );
}

#[test]
fn a_go_constant_may_not_be_a_name_the_file_defines() {
    let (line, column, message) = one(
        "[table]\nname = \"IsFatal\"\n[[flag]]\nname = \"fatal_x\"\ndescription = \"f\"\n[[code]]\ncode = 1\nname = \"X\"\ndescription = \"d\"\n",
    );
    assert_eq!((line, column), (4, 8));
    assert_eq!(
        message,
        "flag `fatal_x` cannot be written in every target: Go would spell it `IsFatalX`, as it spells code 1; expected a name with other words"
    );
}

#[test]
fn a_range_constructor_may_not_take_a_base_flag_predicate() {
    let (line, column, message) = one(
        "extends = \"websocket\"\n[[range]]\nname = \"IsBrowserClosable\"\ncodes = \"4100..=4199\"\ndescription = \"d\"\n",
    );
    assert_eq!((line, column), (3, 8));
    assert_eq!(
        message,
        "range name `IsBrowserClosable` would generate the constructor `is_browser_closable`, which is the predicate of flag `browser_closable` of the base table; expected another name"
    );
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
