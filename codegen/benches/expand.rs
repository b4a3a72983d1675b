//! Expansion cost, called as library functions (no rustc): parse + check + expand for the standard
//! table and for generated specs of 1,000 and 10,000 codes with ranges (one per code, or one per
//! hundred codes).
//! `cargo bench -p closecodes-codegen --bench expand`

use std::fmt::Write as _;
use std::hint::black_box;

use closecodes_codegen::{Declared, Kind, Request};
use closecodes_spec::{NoFiles, Source, load};

fn main() {
    divan::main();
}

/// A `u32` table of `n` named codes with a 9-code range after every `range_every`-th: with 1,
/// `n` codes and `n` ranges (the stress shape); with 100, `n / 100` ranges (the shape of a real
/// large table).
fn generated(n: u32, range_every: u32) -> String {
    let mut text = String::from("[table]\nrepr = \"u32\"\ndescription = \"Generated.\"\n");
    for i in 0..n {
        let _ = write!(
            text,
            "[[code]]\ncode = {}\nname = \"Code{i}\"\nreason = \"Reason {i}\"\ndescription = \"Code number {i}.\"\n",
            i * 10,
        );
        if i % range_every == 0 {
            let _ = write!(
                text,
                "[[range]]\nname = \"Range{i}\"\ncodes = \"{}..={}\"\ndescription = \"Range number {i}.\"\n",
                i * 10 + 1,
                i * 10 + 9
            );
        }
    }
    text
}

fn spec(name: &str) -> String {
    match name {
        "websocket" => closecodes_spec::Builtin::WebSocket.text().to_owned(),
        "1000" => generated(1_000, 1),
        "10000x100" => generated(10_000, 100),
        _ => generated(10_000, 1),
    }
}

/// The expansion of `pub enum Bench` from `table`, as `close_codes!` generates it.
fn expand(table: &closecodes_spec::Table) -> proc_macro2::TokenStream {
    let (krate, name) = (quote::quote!(::closecodes), quote::format_ident!("Bench"));
    let target = Request {
        krate: &krate,
        name: &name,
        kind: Kind::Macro,
        conversions: &[],
    };
    let vis: syn::Visibility = syn::parse_quote!(pub);
    closecodes_codegen::close_codes(
        &target,
        table,
        &Declared {
            attrs: &[],
            vis: &vis,
        },
        None,
    )
}

fn pipeline(text: &str) -> usize {
    let table = load(&Source::inline(text), &mut NoFiles).unwrap_or_else(|e| panic!("{e}"));
    expand(&table).into_iter().count()
}

#[divan::bench(args = ["websocket", "1000", "10000", "10000x100"], sample_count = 20)]
fn parse_check_expand(bencher: divan::Bencher, name: &str) {
    let text = spec(name);
    bencher.bench(|| black_box(pipeline(black_box(&text))));
}

#[divan::bench(args = ["websocket", "1000", "10000", "10000x100"], sample_count = 20)]
fn parse_and_check(bencher: divan::Bencher, name: &str) {
    let text = spec(name);
    bencher
        .bench(|| black_box(load(&Source::inline(black_box(text.as_str())), &mut NoFiles).is_ok()));
}

/// Lexing the whole output text with `proc_macro2`'s fallback lexer: the part of the pipeline's
/// cost that only happens outside rustc (inside it, the compiler lexes).
#[divan::bench(args = ["10000", "10000x100"], sample_count = 5)]
fn lex_output(bencher: divan::Bencher, name: &str) {
    let text = spec(name);
    let table = load(&Source::inline(&text), &mut NoFiles).unwrap_or_else(|e| panic!("{e}"));
    let output = expand(&table).to_string();
    bencher.bench(|| black_box(output.parse::<proc_macro2::TokenStream>().is_ok()));
}
