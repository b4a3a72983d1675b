//! What the generated code does for tables of different shapes, read from its pretty-printed text.
//! The whole output of five tables is pinned by the golden expansions (`macros/tests/golden`).

use std::fmt::Write as _;

use closecodes_spec::{NoFiles, RESERVED_METHODS, Source, Table, load};
use quote::{format_ident, quote};

use crate::{Declared, Kind, LOOKUP_ABOVE, Request};

fn table(text: &str) -> Table {
    load(&Source::inline(text), &mut NoFiles).unwrap_or_else(|e| panic!("{e}"))
}

/// `pub enum Test` from `text`, as `close_codes!` expands it, pretty-printed.
fn expand(text: &str) -> String {
    let (krate, name) = (quote!(::closecodes), format_ident!("Test"));
    let target = Request {
        krate: &krate,
        name: &name,
        kind: Kind::Macro,
        conversions: &[],
    };
    let attrs: Vec<syn::Attribute> = vec![syn::parse_quote!(#[derive(Hash, Default)])];
    let vis: syn::Visibility = syn::parse_quote!(pub);
    let declared = Declared {
        attrs: &attrs,
        vis: &vis,
    };
    let tokens = crate::close_codes(&target, &table(text), &declared, None);
    let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| panic!("not Rust: {e}"));
    prettyplease::unparse(&file)
}

/// Whether `code` holds `needle`, whitespace aside (pretty-printing decides the line breaks).
fn has(code: &str, needle: &str) -> bool {
    let squash = |text: &str| text.split_whitespace().collect::<String>();
    squash(code).contains(&squash(needle))
}

/// The text of the generated `fn name` (up to the next `fn` at the same indentation).
fn function<'a>(code: &'a str, name: &str) -> &'a str {
    let start = code
        .find(&format!("fn {name}("))
        .unwrap_or_else(|| panic!("no fn {name} in\n{code}"));
    let rest = &code[start..];
    let end = rest[1..]
        .find("\n        pub const fn ")
        .map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

const SMALL: &str = r#"
    [table]
    repr = "u8"
    description = "A small table."
    [[code]]
    code = 1
    name = "One"
    reason = "Uno"
    description = "The first."
    [[code]]
    code = 2
    name = "Two"
    description = "The second."
    sendable = false
    [[range]]
    name = "Many"
    codes = ["3..=9", "200..=255"]
    description = "More."
    [[code]]
    code = 7
    reason = "Lucky"
    description = "A documented code in a range."
"#;

#[test]
fn user_derives_of_ours_are_dropped_and_others_kept() {
    let code = expand(SMALL);
    assert!(has(&code, "#[derive(Default)]\n"), "{code}");
    assert!(!has(&code, "derive(Hash"), "{code}");
    assert!(has(&code, "#[non_exhaustive]\npub enum Test {"), "{code}");
    assert!(
        has(&code, "/** A small table."),
        "spec description without user docs: {code}"
    );
}

#[test]
fn a_partial_table_returns_option_and_converts_with_try_from() {
    let code = expand(SMALL);
    let from = function(&code, "from_u8");
    assert!(has(from, "-> ::core::option::Option<Self>"), "{from}");
    assert!(has(from, "1 => ::core::option::Option::Some(Self::One),"));
    assert!(has(
        from,
        "3..=9 | 200..=255 => ::core::option::Option::Some(Self::Many(value)),"
    ));
    assert!(has(from, "_ => ::core::option::Option::None,"));
    assert!(has(
        &code,
        "impl ::core::convert::TryFrom<::core::primitive::u8> for Test"
    ));
    assert!(!has(
        &code,
        "impl ::core::convert::From<::core::primitive::u8> for Test"
    ));
    assert!(
        !has(&code, "CloseCode"),
        "no standard conversions without `extends`"
    );
}

#[test]
fn a_range_value_reads_its_documented_codes_and_same_arms_are_grouped() {
    let code = expand(SMALL);
    let reason = function(&code, "reason");
    assert!(
        has(
            reason,
            "Self::Many(value) => {\n                    match value {\n                        7 => ::core::option::Option::Some(\"Lucky\"),\n                        _ => ::core::option::Option::None,"
        ),
        "{reason}"
    );
    // Same-body arms are grouped (clippy::match_same_arms), the largest group as `_`.
    let description = function(&code, "range");
    assert!(
        has(
            description,
            "Self::Many(_) => ::core::option::Option::Some(\"Many\"), _ => ::core::option::Option::None,"
        ),
        "{description}"
    );
    // Accessors match on the canonical code: a hand-built `Many(2)` answers as `Two`.
    let sendable = function(&code, "is_sendable");
    assert!(
        has(sendable, "!::core::matches!(self.canonical(), Self::Two)"),
        "{sendable}"
    );
}

#[test]
fn a_total_table_converts_with_from_and_with_close_code() {
    let code = expand(
        "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"Auth\"\ndescription = \"x\"\n",
    );
    let from = function(&code, "from_u16");
    assert!(
        has(from, "fn from_u16(value: ::core::primitive::u16) -> Self {"),
        "{from}"
    );
    assert!(has(from, "4001 => Self::Auth,"));
    assert!(has(from, "1004 | 1016..=2999 => Self::Reserved(value),"));
    assert!(
        !has(from, "_ =>"),
        "a total match needs no wildcard: {from}"
    );
    assert!(has(
        &code,
        "impl ::core::convert::From<::core::primitive::u16> for Test"
    ));
    assert!(has(
        &code,
        "impl ::core::convert::From<::closecodes::CloseCode> for Test"
    ));
    assert!(has(
        &code,
        "impl ::core::convert::From<Test> for ::closecodes::CloseCode"
    ));
}

#[test]
fn the_widest_interval_is_tested_first() {
    let code = expand("extends = \"websocket\"");
    assert!(
        has(
            function(&code, "from_u16"),
            "{\n            if ::core::matches!(value, 5000..=65535) {\n                return Self::Bad(value);\n            }\n            match value {"
        ),
        "{code}"
    );
    // No interval covers half the values, or the wide one holds a named code: no test first.
    let starts_with_match =
        |code: &str| has(function(code, "from_u8"), "{\n            match value {");
    assert!(starts_with_match(&expand(SMALL)));
    let around = "[table]\nrepr = \"u8\"\n[[range]]\nname = \"Most\"\ncodes = \"0..=200\"\ndescription = \"x\"\n[[code]]\ncode = {code}\nname = \"Named\"\ndescription = \"x\"\n";
    assert!(starts_with_match(&expand(&around.replace("{code}", "100"))));
    let code = expand(&around.replace("{code}", "201"));
    assert!(
        has(
            function(&code, "from_u8"),
            "if ::core::matches!(value, 0..=200) {\n                return ::core::option::Option::Some(Self::Most(value));"
        ),
        "{code}"
    );
}

#[test]
fn negative_codes_are_patterns_with_a_sign() {
    let code = expand(
        "[table]\nrepr = \"i8\"\n[[range]]\nname = \"Neg\"\ncodes = \"-128..=-1\"\ndescription = \"x\"\n",
    );
    assert!(has(function(&code, "from_i8"), "-128..=-1 =>"), "{code}");
}

/// A `u32` table of `n` named codes and one range.
fn many_codes(n: usize) -> String {
    let mut text = String::from(
        "[table]\nrepr = \"u32\"\n[[range]]\nname = \"High\"\ncodes = \"100000..=199999\"\ndescription = \"x\"\n",
    );
    for i in 0..n {
        let _ = write!(
            text,
            "[[code]]\ncode = {i}\nname = \"C{i}\"\nreason = \"R {i}\"\ndescription = \"Code {i}.\"\n"
        );
    }
    text
}

#[test]
fn large_tables_take_the_lookup_form() {
    let small = expand(&many_codes(LOOKUP_ABOVE));
    assert!(!has(&small, "__CODES"), "{LOOKUP_ABOVE} codes: plain match");
    assert!(has(
        function(&small, "from_u32"),
        "5 => ::core::option::Option::Some(Self::C5),"
    ));

    let large = expand(&many_codes(LOOKUP_ABOVE + 1));
    assert!(
        has(
            &large,
            "const __CODES: &[::core::primitive::u32] = &[\n        0,\n        1,"
        ),
        "{large}"
    );
    let from = function(&large, "from_u32");
    assert!(
        has(from, "__closecodes::__private::find_u32(__CODES, value,)"),
        "{from}"
    );
    assert!(!has(from, "Self::C5"), "no arm per code: {from}");
    let description = function(&large, "description");
    assert!(has(description, "Self::High(_) => \"x\","), "{description}");
    assert!(
        has(
            description,
            "__closecodes::__private::row_u32(\n                            <Self as __closecodes::CodeTable>::ENTRIES,\n                            self.as_u32(),\n                        )\n                        .description"
        ),
        "{description}"
    );
    // Far fewer tokens per named code.
    let tokens = |code: &str| {
        code.parse::<proc_macro2::TokenStream>()
            .map_or(0, count_tokens)
    };
    let (small, large) = (tokens(&small), tokens(&large));
    assert!(
        large * 3 < small * 2,
        "{large} tokens in lookup form, {small} in match form"
    );
}

fn count_tokens(tokens: proc_macro2::TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|t| match t {
            proc_macro2::TokenTree::Group(g) => 1 + count_tokens(g.stream()),
            _ => 1,
        })
        .sum()
}

#[test]
fn expansion_is_deterministic() {
    assert_eq!(expand(SMALL), expand(SMALL));
}

/// The checks keep range constructors off every method a table has: `RESERVED_METHODS` must list
/// each `fn` the expansion emits that is not a constructor.
#[test]
fn every_generated_method_is_reserved_or_a_constructor() {
    let code = expand("extends = \"websocket\"");
    let constructors = [
        "bad",
        "try_bad",
        "reserved",
        "try_reserved",
        "iana",
        "try_iana",
        "library",
        "try_library",
    ];
    let mut seen = 0;
    for line in code.lines() {
        let line = line.trim_start();
        let Some(rest) = ["pub const fn ", "const fn ", "fn "]
            .iter()
            .find_map(|head| line.strip_prefix(head))
        else {
            continue;
        };
        let name = rest.split(['(', '<']).next().unwrap_or(rest);
        seen += 1;
        assert!(
            constructors.contains(&name)
                || RESERVED_METHODS.contains(&name)
                || name == "from_u16"
                || name == "as_u16"
                || name == "is_browser_closable",
            "`fn {name}` is generated but is not a constructor, a flag's predicate or in `closecodes_spec::RESERVED_METHODS`"
        );
    }
    assert!(seen > 20, "{seen} functions found in\n{code}");
}

/// Rustdoc shows what docs say and the values of associated consts written as paths: neither may
/// name the expansion's internals or hold an unfilled `quote!` interpolation.
#[test]
fn internals_stay_out_of_the_users_docs() {
    for text in [
        "extends = \"websocket\"",
        SMALL,
        &many_codes(LOOKUP_ABOVE + 1),
    ] {
        let code = expand(text);
        let docs: Vec<&str> = code
            .lines()
            .map(str::trim_start)
            .filter(|line| line.starts_with("///") || line.starts_with("/**"))
            .collect();
        assert!(docs.len() > 10, "{code}");
        for doc in docs {
            let unfilled = doc
                .split('#')
                .skip(1)
                .any(|after| after.starts_with(|c: char| c.is_ascii_alphabetic()));
            assert!(!unfilled, "an unfilled interpolation in a doc: {doc}");
            assert!(!doc.contains("__"), "an internal name in a doc: {doc}");
        }
        assert!(
            has(&code, "const ENTRIES: &'static [::closecodes::Entry<"),
            "{code}"
        );
        assert!(
            !has(
                &code,
                "const ENTRIES: &'static [::closecodes::Entry<u16>] = __"
            ),
            "{code}"
        );
        for line in code.lines().filter(|l| l.contains("const ENTRIES")) {
            assert!(
                line.trim_end().ends_with("= &["),
                "ENTRIES is an array literal: {line}"
            );
        }
    }
}

/// A spec checked out with CRLF line endings generates the same code as with LF.
#[test]
fn crlf_and_lf_specs_generate_the_same_code() {
    let lf = "[table]\nrepr = \"u8\"\ndescription = \"\"\"\nTwo\nlines.\"\"\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = '''\nFirst line.\nSecond line.'''\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(table(lf), table(&crlf));
    assert_eq!(expand(lf), expand(&crlf));
    assert!(!expand(&crlf).contains("\\r"));
}

/// A rendered file of a table in lookup form: its long lists are printed as text, not through
/// syn and prettyplease; the result is still one valid Rust file with no placeholder left.
#[cfg(feature = "render")]
#[test]
fn a_rendered_large_table_is_valid_rust_without_placeholders() {
    use crate::render::{Format, render};
    let text = render(
        Format::Rust,
        &table(&many_codes(LOOKUP_ABOVE + 50)),
        "Large",
        "x.toml",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("not Rust: {e}"));
    assert_eq!(file.items.len(), 2, "the enum and the const block");
    assert!(
        !text.contains("set_aside") && !text.contains("TextLists"),
        "{text}"
    );
    assert!(
        text.contains("    /// `5` R 5\n"),
        "variant docs as comments"
    );
    assert!(
        text.contains("            Self::C5 => 5,\n"),
        "as_u32 arms, indented"
    );
    assert!(text.contains("            __code(\"C5\", 5, \"R 5\", \"Code 5.\", true, 0),\n"));
    // A small table goes through prettyplease whole.
    let small = render(Format::Rust, &table(SMALL), "Small", "s.toml").unwrap();
    let formatted = prettyplease::unparse(&syn::parse_file(&small).unwrap());
    assert!(
        small.ends_with(&formatted),
        "a small table is exactly prettyplease's"
    );
}

/// A reason with a `|` or a line break stays in its cell of the enum's doc table.
#[test]
fn a_reason_cannot_break_the_doc_table() {
    let code = expand(
        "[table]\nrepr = \"u8\"\n[[code]]\ncode = 1\nname = \"One\"\nreason = \"A | B\\nC\"\ndescription = \"x\"\n",
    );
    assert!(
        code.contains(" | `1` | [`One`](Test::One) | A \\| B C | yes |"),
        "{code}"
    );
}

const POLICY: &str = r#"
    extends = "websocket"
    [[property]]
    name = "action"
    description = "What a client does."
    values = ["stop", "back_off"]
    [[property]]
    name = "retry_after_ms"
    description = "How long a client waits."
    type = "u32"
    [[range]]
    name = "Backoff"
    codes = "4100..=4199"
    description = "Back off."
    set = { action = "back_off", retry_after_ms = 1000 }
    [[code]]
    code = 4101
    name = "Busy"
    description = "Busy."
    set = { retry_after_ms = 5000 }
    [[code]]
    code = 4150
    description = "Documented."
    set = { retry_after_ms = 60000 }
"#;

/// A property is an enum beside the table and a getter that matches on the canonical code, as
/// the other accessors: a range's documented codes by value, the rest grouped.
#[test]
fn properties_are_a_type_and_a_getter_that_follows_the_number() {
    let code = expand(POLICY);
    assert!(
        has(
            &code,
            "pub enum TestAction { /// `stop`\nStop, /// `back_off`\nBackOff, }"
        ),
        "{code}"
    );
    assert!(has(
        &code,
        "pub const ALL: &'static [Self] = &[Self::Stop, Self::BackOff];"
    ));
    assert!(has(&code, "Self::Stop => \"stop\","), "{code}");
    let action = function(&code, "action");
    assert!(has(action, "fn action(self) -> TestAction {"), "{action}");
    assert!(has(action, "match self.canonical() {"), "{action}");
    assert!(
        has(
            action,
            "Self::Busy | Self::Backoff(_) => TestAction::BackOff,"
        ),
        "{action}"
    );
    assert!(has(action, "_ => TestAction::Stop,"), "{action}");
    let wait = function(&code, "retry_after_ms");
    assert!(has(wait, "-> ::core::primitive::u32 {"), "{wait}");
    assert!(has(wait, "Self::Busy => 5000,"), "{wait}");
    assert!(
        has(
            wait,
            "Self::Backoff(value) => { match value { 4150 => 60000, _ => 1000, } }"
        ),
        "{wait}"
    );
    // The doc table has a column per property.
    assert!(has(&code, "| `action` | `retry_after_ms` |"), "{code}");
}

/// In lookup form, a named code's value is its element of the property's array: two tokens a
/// code, never an arm per code.
#[test]
fn properties_of_large_tables_are_read_from_an_array() {
    let mut text = String::from(
        "[[property]]\nname = \"wait\"\ndescription = \"w\"\ntype = \"i16\"\n[[property]]\nname = \"mood\"\ndescription = \"m\"\nvalues = [\"calm\", \"cross\"]\n",
    );
    text.push_str(&many_codes(LOOKUP_ABOVE + 1));
    let code = expand(&text);
    assert!(
        has(&code, "const __VALUES_0: &[::core::primitive::i16] = &["),
        "{code}"
    );
    assert!(
        has(&code, "const __VALUES_1: &[::core::primitive::usize] = &["),
        "{code}"
    );
    let mood = function(&code, "mood");
    assert!(
        has(
            mood,
            "::core::option::Option::Some(at) => TestMood::ALL[__VALUES_1[at]],"
        ),
        "{mood}"
    );
    assert!(!has(mood, "Self::C1"), "{mood}");
}

/// The build-script form (a rendered file) holds the properties' types beside the table, in
/// both forms.
#[cfg(feature = "render")]
#[test]
fn a_rendered_table_has_its_property_types_and_getters() {
    use crate::render::{Format, render};
    let small = render(Format::Rust, &table(POLICY), "Policy", "p.toml").unwrap();
    let file = syn::parse_file(&small).unwrap_or_else(|e| panic!("not Rust: {e}"));
    assert_eq!(
        file.items.len(),
        3,
        "the enum, the property's type, the const block"
    );
    assert!(small.contains("pub enum PolicyAction {"), "{small}");
    assert!(small.contains("pub const fn retry_after_ms(self) -> ::core::primitive::u32 {"));
    let mut text = String::from(
        "[[property]]\nname = \"mood\"\ndescription = \"m\"\nvalues = [\"calm\", \"cross\"]\n",
    );
    text.push_str(&many_codes(LOOKUP_ABOVE + 50));
    let large = render(Format::Rust, &table(&text), "Large", "x.toml").unwrap();
    let file = syn::parse_file(&large).unwrap_or_else(|e| panic!("not Rust: {e}"));
    assert_eq!(
        file.items.len(),
        3,
        "the enum, the property's type, the const block"
    );
    assert!(
        large.contains("const __VALUES_0: &[::core::primitive::usize] = &["),
        "{large}"
    );
}

/// No `match` of a single `_` arm (`clippy::match_single_binding` in a build-script or rendered
/// file): a table without ranges in both forms, and columns with one value everywhere.
#[test]
fn no_match_is_a_single_wildcard_arm() {
    let codes = |n: usize| -> String {
        let mut text = String::new();
        for i in 0..n {
            let _ = writeln!(
                text,
                "[[code]]\ncode = {}\nname = \"C{i}\"\ndescription = \"c\"",
                i + 1
            );
        }
        text
    };
    for spec in [codes(2), codes(300)] {
        let code = expand(&format!("[table]\ndescription = \"d\"\n{spec}"));
        let lines: Vec<&str> = code.lines().map(str::trim).collect();
        for (at, pair) in lines.windows(3).enumerate() {
            let single = pair[0].starts_with("match ")
                && pair[0].ends_with('{')
                && pair[1].starts_with("_ =>")
                && pair[2].starts_with('}');
            assert!(!single, "a one-arm match at line {at}: {pair:?}");
        }
    }
}
