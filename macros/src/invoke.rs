//! `close_codes!` end to end: invocation → spec text → checked table → tokens, or located errors.

use closecodes_codegen::{Declared, Kind, Partial, Request, Tracked};
use closecodes_spec::Source;
use proc_macro2::TokenStream;
use quote::quote;

use crate::input::{Invocation, SpecRef};
use crate::load::{FileLoader, Found};
use crate::report;

/// Expands one `close_codes!` invocation; every problem becomes a `compile_error!` at its place.
pub(crate) fn close_codes(input: TokenStream) -> TokenStream {
    match syn::parse2::<Invocation>(input) {
        Ok(inv) => {
            let source_file = report::location(inv.spec.lit().span()).and_then(|l| l.file);
            let mut loader = FileLoader::from_env(source_file);
            expand_invocation(&inv, &mut loader)
        }
        Err(e) => e.to_compile_error(),
    }
}

pub(crate) fn expand_invocation(inv: &Invocation, loader: &mut FileLoader) -> TokenStream {
    let declared = Declared {
        attrs: &inv.attrs,
        vis: &inv.vis,
    };
    let target = Request {
        krate: &inv.krate,
        name: &inv.name,
        kind: if inv.standard {
            Kind::StandardCloseCode
        } else {
            Kind::Macro
        },
        conversions: &inv.conversions,
    };
    let (source, root) = match &inv.spec {
        SpecRef::Inline(lit) => (Source::inline(lit.value()), None),
        SpecRef::File(lit) => match loader.load_root(&lit.value()) {
            Ok((source, found)) => {
                let path = lit.value();
                let root = match found {
                    Found::UnderManifest => Tracked::ManifestRelative(path),
                    Found::BesideSource | Found::BesideSpec => Tracked::SourceRelative(path),
                };
                (source, Some(root))
            }
            Err(message) => {
                let error = syn::Error::new(lit.span(), message).to_compile_error();
                let stand_in = closecodes_codegen::stand_in(&target, &declared, None);
                return quote!(#error #stand_in);
            }
        },
    };
    match closecodes_spec::load(&source, loader) {
        Ok(table) => closecodes_codegen::close_codes(&target, &table, &declared, root.as_ref()),
        Err(errors) => {
            let inline = matches!(inv.spec, SpecRef::Inline(_));
            let hint = inline.then(|| path_hint(&source.text)).flatten();
            let errors = report::spec_errors(&errors, inv.spec.lit(), inline, hint.as_deref());
            // The errors are reported above; what parses is read again for the stand-in.
            let (spec, _) = closecodes_spec::parse_recoverable(&source);
            let base = crate::load::base_table(&spec, &source, loader);
            let partial = Partial {
                spec: &spec,
                base: base.as_ref(),
            };
            let stand_in = closecodes_codegen::stand_in(&target, &declared, Some(partial));
            let tracking = closecodes_codegen::tracking(root.as_ref());
            quote!(#errors #stand_in #tracking)
        }
    }
}

/// For an inline spec that is a path (`pub enum X = "codes/x.toml";`), how to read the file.
fn path_hint(text: &str) -> Option<String> {
    let text = text.trim();
    let looks_like_path = std::path::Path::new(text)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"))
        && !text.contains(['\n', '=', '[']);
    looks_like_path.then(|| {
        format!("to read the spec from a file, write `from \"{text}\"` instead of `= \"{text}\"`")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A fresh directory under the target dir holding `files`.
    fn fixture(name: &str, files: &[(&str, &str)]) -> PathBuf {
        // Under the system's temporary directory: tests write nothing into the checkout.
        let dir = std::env::temp_dir()
            .join(format!("closecodes-invoke-tests-{}", std::process::id()))
            .join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in files {
            std::fs::write(dir.join(file), text).unwrap();
        }
        dir
    }

    fn expand(dir: PathBuf, tokens: TokenStream) -> String {
        let inv: Invocation = syn::parse2(tokens).unwrap();
        let mut loader = FileLoader {
            manifest_dir: Some(dir),
            source_dir: None,
        };
        expand_invocation(&inv, &mut loader).to_string()
    }

    #[test]
    fn file_specs_and_their_bases_are_tracked_for_rebuilds() {
        let dir = fixture(
            "tracked",
            &[
                (
                    "base.toml",
                    "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"A\"\ndescription = \"a\"\n",
                ),
                (
                    "app.toml",
                    "extends = \"base.toml\"\n[[code]]\ncode = 4002\nname = \"B\"\ndescription = \"b\"\n",
                ),
            ],
        );
        let out = expand(
            dir.clone(),
            quote!([::closecodes] pub enum App from "app.toml";),
        );
        assert!(
            out.contains(":: core :: include_bytes ! (:: core :: concat ! (:: core :: env ! (\"CARGO_MANIFEST_DIR\") , \"/\" , \"app.toml\"))"),
            "{out}"
        );
        let base = dir.join("base.toml").canonicalize().unwrap();
        assert!(
            out.contains(&format!(
                "include_bytes ! ({:?})",
                base.display().to_string()
            )),
            "{out}"
        );
        assert!(
            out.contains("B ,") && out.contains("A ,"),
            "both levels' codes are variants"
        );
    }

    #[test]
    fn a_missing_file_is_an_error_on_the_path_with_a_stand_in_enum() {
        let dir = fixture("missing", &[]);
        let out = expand(dir, quote!([::closecodes] pub enum App from "nope.toml";));
        assert!(
            out.contains("compile_error ! { \"cannot find spec file `nope.toml`"),
            "{out}"
        );
        assert!(out.contains("pub enum App { }"), "{out}");
    }

    #[test]
    fn spec_errors_are_all_reported_with_file_line_and_column() {
        let dir = fixture(
            "errors",
            &[(
                "bad.toml",
                "[[code]]\ncode = 1\nname = \"x\"\ndescription = \"d\"\n[[code]]\ncode = 1\nname = \"Y\"\ndescription = \"d\"\n",
            )],
        );
        let out = expand(dir, quote!([::closecodes] pub enum Bad from "bad.toml";));
        assert_eq!(out.matches("compile_error !").count(), 2, "{out}");
        assert!(
            out.contains("bad.toml:3:8: code name `x` is not UpperCamelCase"),
            "{out}"
        );
        assert!(out.contains("bad.toml:6:8: duplicate code 1"), "{out}");
    }

    /// Every way a spec path can fail to name a readable file says which one it is.
    #[test]
    fn bad_spec_paths_say_what_is_wrong() {
        let dir = fixture(
            "bad-paths",
            &[("inline_base.toml", "extends = \"websocket\"\n")],
        );
        std::fs::create_dir_all(dir.join("a_dir.toml")).unwrap();
        std::fs::write(dir.join("latin1.toml"), b"description = \"caf\xe9\"\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("gone.toml"), dir.join("dangling.toml")).unwrap();
        let cases = [
            (
                quote!([::closecodes] pub enum A from "";),
                "spec file path is empty; expected a path to a `.toml` file",
            ),
            (
                quote!([::closecodes] pub enum A from "a_dir.toml";),
                "spec file `a_dir.toml` is a directory (in the crate's directory (`CARGO_MANIFEST_DIR`)); expected a `.toml` file",
            ),
            (
                quote!([::closecodes] pub enum A from "latin1.toml";),
                "cannot read spec file `latin1.toml`: it is not UTF-8 text; expected a TOML file",
            ),
            (
                quote!([::closecodes] pub enum A from "nope.toml";),
                "cannot find spec file `nope.toml`; looked in the crate's directory (`CARGO_MANIFEST_DIR`)",
            ),
            (
                quote!([::closecodes] pub enum A = "extends = \"/etc/base.toml\"";),
                "spec path `/etc/base.toml` is absolute; expected a path relative to the crate's `CARGO_MANIFEST_DIR`",
            ),
            (
                quote!([::closecodes] pub enum A = "extends = \"a_dir.toml\"";),
                "base spec `a_dir.toml` is a directory",
            ),
        ];
        for (tokens, expected) in cases {
            let out = expand(dir.clone(), tokens);
            assert!(out.contains(expected), "{expected:?} not in {out}");
            assert!(
                !out.contains(&dir.display().to_string()),
                "a machine path in {out}"
            );
        }
        #[cfg(unix)]
        {
            let out = expand(
                dir.clone(),
                quote!([::closecodes] pub enum A from "dangling.toml";),
            );
            assert!(
                out.contains(
                    "spec file `dangling.toml` is a symlink to a file that does not exist"
                ),
                "{out}"
            );
        }
    }

    /// A base file that is not TOML at all yields a bounded number of errors.
    #[test]
    fn a_base_that_is_not_toml_gives_a_bounded_number_of_errors() {
        let garbage = "x = = [\n".repeat(400);
        let dir = fixture("garbage", &[("garbage.toml", &garbage)]);
        let out = expand(
            dir,
            quote!([::closecodes] pub enum A = "extends = \"garbage.toml\"";),
        );
        let errors = out.matches("compile_error !").count();
        assert!((2..=51).contains(&errors), "{errors} errors: {out}");
        assert!(
            out.contains("more errors in `garbage.toml` are not shown"),
            "{out}"
        );
    }
}
