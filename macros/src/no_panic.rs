//! Property test: random and mutated specs never make parse, check, expand or error rendering panic.
//!
//! CI runs a short version. The long run, 100,000 cases:
//! `PROPTEST_CASES=100000 cargo test --release -p closecodes-macros no_panic`

use closecodes_spec::{NoFiles, Source, load};
use proc_macro2::Span;
use proptest::prelude::*;
use quote::quote;

use crate::report;

const SEEDS: &[&str] = &[
    closecodes_spec::Builtin::WebSocket.text(),
    // An application table, as `tests/codes/chat.toml` (written here: the crate's tests build
    // from its package, which holds nothing outside `macros/`).
    "extends = \"websocket\"\n[table]\nname = \"ChatCode\"\n[[code]]\ncode = 4001\nname = \"Unauthorized\"\nreason = \"Unauthorized\"\ndescription = \"No valid session token.\"\n[[code]]\ncode = 4008\nname = \"RateLimited\"\ndescription = \"Too many messages.\"\nsendable = false\n",
    // A partial table without ranges, as gRPC's.
    "[table]\nrepr = \"u8\"\nnon_exhaustive = false\n[[code]]\ncode = 0\nname = \"Ok\"\nreason = \"OK\"\ndescription = \"Not an error.\"\n[[code]]\ncode = 16\nname = \"Unauthenticated\"\ndescription = \"No valid credentials.\"\n",
    "[table]\nrepr = \"i8\"\n[[range]]\nname = \"Neg\"\ncodes = [\"-128..=-1\", \"1..=127\"]\ndescription = \"x\"\n[[code]]\ncode = 0\nname = \"Zero\"\ndescription = \"z\"\n",
];

const SNIPPETS: &[&str] = &[
    "\n[[code]]\n",
    "\n[[range]]\n",
    "\n[table]\n",
    "code = ",
    "codes = ",
    "name = \"",
    "description = \"d\"\n",
    "extends = \"websocket\"\n",
    "extends = \"base.toml\"\n",
    "repr = \"u8\"\n",
    "repr = \"i64\"\n",
    "-1",
    "0",
    "65535",
    "4001",
    "99999999999999999999999999999999999999999",
    "..=",
    "..",
    "\"",
    "'",
    "=",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\n",
    "\r\n",
    "\u{1F600}",
    "é",
    "\t",
    "#",
    "true",
    "1.5",
    "Self",
    "_",
    "sendable = false\n",
    "assignable = true\n",
];

#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, snippet: usize },
    InsertRandom { at: usize, text: String },
    DuplicateLine { at: usize },
    Truncate { at: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, snippet)| Edit::Insert { at, snippet }),
        (any::<usize>(), ".{0,8}").prop_map(|(at, text)| Edit::InsertRandom { at, text }),
        any::<usize>().prop_map(|at| Edit::DuplicateLine { at }),
        any::<usize>().prop_map(|at| Edit::Truncate { at }),
    ]
}

/// A char boundary of `text` chosen by `at`.
fn boundary(text: &str, at: usize) -> usize {
    let mut i = if text.is_empty() {
        0
    } else {
        at % (text.len() + 1)
    };
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(mut text: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Delete { at, len } => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + len);
                if end > start {
                    text.replace_range(start..end, "");
                }
            }
            Edit::Insert { at, snippet } => {
                let i = boundary(&text, *at);
                text.insert_str(i, SNIPPETS[*snippet]);
            }
            Edit::InsertRandom { at, text: t } => {
                let i = boundary(&text, *at);
                text.insert_str(i, t);
            }
            Edit::DuplicateLine { at } => {
                let lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let line = lines[at % lines.len()].to_owned();
                    let i = boundary(&text, *at);
                    text.insert_str(i, &format!("\n{line}\n"));
                }
            }
            Edit::Truncate { at } => {
                let i = boundary(&text, *at);
                text.truncate(i);
            }
        }
    }
    text
}

/// Runs the whole pipeline; any panic fails the property.
fn pipeline(text: &str) {
    match load(&Source::inline(text), &mut NoFiles) {
        Ok(table) => {
            let (krate, name) = (quote!(::closecodes), quote::format_ident!("Fuzzed"));
            let target = closecodes_codegen::Request {
                krate: &krate,
                name: &name,
                kind: closecodes_codegen::Kind::Macro,
                conversions: &[],
            };
            let vis: syn::Visibility = syn::parse_quote!(pub);
            let declared = closecodes_codegen::Declared {
                attrs: &[],
                vis: &vis,
            };
            let tokens = closecodes_codegen::close_codes(&target, &table, &declared, None);
            // What a checked table expands to is always valid Rust.
            assert!(
                syn::parse2::<syn::File>(tokens).is_ok(),
                "invalid expansion for {text:?}"
            );
        }
        Err(errors) => {
            let lit = syn::LitStr::new(text, Span::call_site());
            let tokens = report::spec_errors(&errors, &lit, true, None);
            assert!(!tokens.is_empty());
            for e in &errors {
                let rendered = e.to_string();
                assert!(e.line >= 1 && e.column >= 1, "{rendered}");
                assert!(!e.message.ends_with('.'), "{rendered}");
            }
        }
    }
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 1_000;
    }
    config.failure_persistence = None;
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_panic_on_mutated_tables(seed in 0..SEEDS.len(), edits in prop::collection::vec(edit(), 1..6)) {
        pipeline(&apply(SEEDS[seed].to_owned(), &edits));
    }

    #[test]
    fn no_panic_on_random_text(text in "(\\PC|\n){0,200}") {
        pipeline(&text);
    }
}
