//! The rendered targets' namers against the spec's checks, and the names they take from
//! `closecodes_spec::Methods`.

use closecodes_spec::{NoFiles, Source, Table, load};

use super::{Format, View, render};

fn table(text: &str) -> Table {
    load(&Source::inline(text), &mut NoFiles).expect("checks")
}

/// Every name a target refuses for a table, that the spec's rules would allow as `[table] name`,
/// is refused by the checks too: whatever `closecodes check` accepts renders in every target.
#[test]
fn the_checks_refuse_every_table_name_a_target_refuses() {
    let plain = table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n");
    let view = View::new(&plain, "Plain", "p.toml");
    for format in Format::ALL {
        let language = format.language();
        let names = language
            .keywords()
            .iter()
            .chain(language.globals())
            .map(|n| (*n).to_owned())
            .chain(language.defined(&view));
        for name in names {
            if language.table_name(&name, &view).is_ok() {
                continue;
            }
            let spec = format!(
                "[table]\nname = \"{name}\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n"
            );
            assert!(
                load(&Source::inline(spec), &mut NoFiles).is_err(),
                "`{name}` passes the checks but cannot name a table in {format}"
            );
        }
    }
}

#[test]
fn every_format_is_named_as_the_cli_takes_it() {
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>(), Ok(format));
    }
    assert_eq!(
        "py".parse::<Format>().unwrap_err().to_string(),
        "unknown format `py`; expected one of rust, ts, js, md, json, python, go, kotlin, csharp"
    );
}

#[test]
fn generated_names_come_from_the_words() {
    let io = table(
        "[[flag]]\nname = \"io_ok\"\ndescription = \"f\"\n[[range]]\nname = \"IOError\"\ncodes = \"0..=9\"\ndescription = \"d\"\nflags = [\"io_ok\"]\n",
    );
    let rust = render(Format::Rust, &io, "Io", "io.toml").unwrap();
    assert!(rust.contains("pub const fn io_error("), "{rust}");
    assert!(rust.contains("pub const fn try_io_error("), "{rust}");
    assert!(rust.contains("pub const fn is_io_ok("), "{rust}");
    let ts = render(Format::TypeScript, &io, "Io", "io.toml").unwrap();
    assert!(
        ts.contains("export function isIoOk(code: number): boolean"),
        "{ts}"
    );
    // Rendered targets have no range predicates: `describe(code)?.variant` finds the range.
    assert!(
        !ts.contains("isIOError") && !ts.contains("isIoError"),
        "{ts}"
    );
}

/// `extends = "http"` has a range and a flag per class: the module defines each name once.
#[test]
fn an_http_extension_defines_every_name_once() {
    let http = table("extends = \"http\"\n[table]\nname = \"Status\"\n");
    for format in [Format::TypeScript, Format::JavaScript] {
        let text = render(format, &http, "Status", "s.toml").unwrap();
        let mut names: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("export function "))
            .map(|l| l.split('(').next().unwrap_or(""))
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all, "{format}: {names:?}");
        assert!(names.contains(&"isClientError"), "{format}: {names:?}");
    }
}
