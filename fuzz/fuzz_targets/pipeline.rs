//! Arbitrary text through the whole pipeline, as library calls: parse, check, generation, and
//! the rendering of every error. Nothing may panic; a checked table always generates valid Rust;
//! every error has a place and a message in the house style.
//!
//! `cargo +nightly fuzz run pipeline fuzz/corpus/pipeline` (from the repository root).
#![no_main]

use closecodes_codegen::{Declared, Kind, Target};
use closecodes_spec::{NoFiles, Source, load};
use libfuzzer_sys::fuzz_target;
use quote::{format_ident, quote};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load(&Source::inline(text), &mut NoFiles) {
        Ok(table) => {
            let (krate, name) = (quote!(::closecodes), format_ident!("Fuzzed"));
            let target = Target {
                krate: &krate,
                name: &name,
                kind: Kind::Macro,
                conversions: &[],
            };
            let vis: syn::Visibility = syn::parse_quote!(pub);
            let declared = Declared {
                attrs: &[],
                vis: &vis,
            };
            let tokens = closecodes_codegen::close_codes(&target, &table, &declared, None);
            if let Err(e) = syn::parse2::<syn::File>(tokens) {
                panic!("a checked table generated invalid Rust ({e}) from {text:?}");
            }
        }
        Err(errors) => {
            for error in &errors {
                let rendered = error.to_string();
                assert!(error.line >= 1 && error.column >= 1, "{rendered}");
                assert!(!error.message.is_empty(), "{rendered}");
                assert!(!error.message.ends_with('.'), "{rendered}");
            }
        }
    }
});
