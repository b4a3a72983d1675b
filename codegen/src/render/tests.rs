//! The rendered targets against the spec's checks: every name comes from a namer, and every
//! runtime file has the parts the writers include.

use closecodes_spec::targets::NAMERS;
use closecodes_spec::{NoFiles, Source, Table, load};

use super::{Format, render};

fn table(text: &str) -> Table {
    load(&Source::inline(text), &mut NoFiles).expect("checks")
}

/// Every name a target refuses as `--name` is refused with that target's language named, and
/// each code format's writer uses its own namer.
#[test]
fn every_code_format_renders_through_its_namer() {
    let plain = table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n");
    for format in Format::ALL {
        let Some(namer) = format.writer().namer() else {
            continue;
        };
        assert!(NAMERS.iter().any(|n| n.language() == namer.language()));
        for name in namer.keywords().iter().chain(namer.globals()) {
            let error = render(format, &plain, name, "p.toml").unwrap_err();
            assert!(
                error.to_string().contains(namer.language()),
                "{format} {name}: {error}"
            );
        }
        render(format, &plain, "Plain", "p.toml").expect("renders");
    }
}

/// A runtime file's parts are found: a missing marker would drop the lookups silently.
#[test]
fn every_runtime_file_has_its_parts() {
    for format in Format::ALL {
        let parts = format.runtime_parts();
        if matches!(format, Format::Rust | Format::Markdown | Format::Json) {
            assert!(parts.is_empty());
            continue;
        }
        assert_eq!(parts.len(), 2, "{format}");
        let text = render(
            format,
            &table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n"),
            "Plain",
            "p.toml",
        )
        .unwrap();
        for part in parts {
            assert!(!part.trim().is_empty(), "{format}");
            assert!(text.contains(part), "{format}");
            assert!(
                !part.contains("closecodes: "),
                "{format}: a marker inside a part"
            );
        }
        assert!(
            text.contains("describe") || text.contains("Describe"),
            "{format}"
        );
    }
}

/// A table with no codes renders in every format.
#[test]
fn an_empty_table_renders_everywhere() {
    let empty = table("[[range]]\nname = \"All\"\ncodes = \"0..=9\"\ndescription = \"d\"\n");
    for format in Format::ALL {
        render(format, &empty, "Empty", "e.toml").unwrap_or_else(|e| panic!("{format}: {e}"));
    }
}

#[test]
fn every_format_is_named_as_the_cli_takes_it() {
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>(), Ok(format));
    }
    assert_eq!(
        "py".parse::<Format>().unwrap_err().to_string(),
        "unknown format `py`; expected one of rust, ts, js, md, json, python, go, kotlin, csharp, java"
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

/// A JVM enum's initializer sets its entries and its aliases: a table of the most named codes
/// renders, and one alias more is refused as too large.
#[test]
fn a_jvm_enums_limit_counts_its_aliases() {
    use std::fmt::Write as _;
    for (format, most) in [(Format::Kotlin, 2_500), (Format::Java, 3_000)] {
        // `codes` named codes, the first `aliases` of them with an alias.
        let spec = |codes: usize, aliases: usize| {
            let mut text = String::from("[table]\nname = \"Big\"\n");
            for i in 0..codes {
                let alias = if i < aliases {
                    format!("aliases = [\"Old{i}\"]\n")
                } else {
                    String::new()
                };
                let _ = write!(
                    text,
                    "[[code]]\ncode = {i}\nname = \"Code{i}\"\ndescription = \"d\"\n{alias}"
                );
            }
            table(&text)
        };
        render(format, &spec(most, 0), "Big", "b.toml").expect("the most named codes render");
        render(format, &spec(most - 10, 10), "Big", "b.toml").expect("aliases among them");
        let error = render(format, &spec(most - 10, 11), "Big", "b.toml").unwrap_err();
        assert!(
            matches!(error, super::RenderError::TooLarge { codes, max, .. } if codes == most + 1 && max == most),
            "{format}: {error}"
        );
    }
}

/// Each rendered target spells a property's getter, type and values as its namer does (a value
/// named by its namer, or the spec's word where the namer keeps it), and a table without
/// properties renders none of them.
#[test]
fn property_names_come_from_each_namer() {
    use closecodes_spec::Words;
    let spec = "[[property]]\nname = \"next_step\"\ndescription = \"p\"\nvalues = [\"stay_closed\", \"back_off\"]\n[[property]]\nname = \"wait_ms\"\ndescription = \"w\"\ntype = \"u16\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\nset = { next_step = \"back_off\", wait_ms = 7 }\n";
    let with = table(spec);
    let without = table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n");
    let (property, wait) = (Words::of("next_step"), Words::of("wait_ms"));
    for format in [
        Format::TypeScript,
        Format::JavaScript,
        Format::Python,
        Format::Go,
    ] {
        let namer = format.writer().namer().expect("a code target");
        let text = render(format, &with, "Plain", "p.toml").unwrap();
        let ty = namer.property_type("Plain", &property);
        for name in [namer.getter(&property), namer.getter(&wait), ty.clone()] {
            assert!(text.contains(&name), "{format}: {name} missing");
        }
        for word in ["stay_closed", "back_off"] {
            let value = namer
                .property_value("Plain", &property, &Words::of(word))
                .unwrap_or_else(|| format!("\"{word}\""));
            assert!(text.contains(&value), "{format}: {value} missing");
        }
        let plain = render(format, &without, "Plain", "p.toml").unwrap();
        assert!(
            !plain.contains(&namer.getter(&property)) && !plain.contains("interface Properties"),
            "{format}"
        );
    }
}

/// The names a rendered file defines at its top level (Python: `def`, `class`, assignments and
/// `import … as`; TypeScript and JavaScript: functions, consts, interfaces, types and
/// typedefs), read off the text.
fn top_level_names(format: Format, text: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
            .collect()
    };
    let mut names = Vec::new();
    for line in text.lines() {
        let found = if format == Format::Python {
            if let Some(rest) = line.strip_prefix("def ").or(line.strip_prefix("class ")) {
                Some(ident(rest))
            } else if line.starts_with("from ") || line.starts_with("import ") {
                line.rsplit_once(" as ").map(|(_, name)| ident(name))
            } else if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                let name = ident(line);
                let after = &line[name.len()..];
                (after.starts_with(':') || after.starts_with(" =")).then_some(name)
            } else {
                None
            }
        } else {
            let line = line.strip_prefix("export ").unwrap_or(line);
            [
                "function ",
                "const ",
                "interface ",
                "type ",
                "let ",
                "class ",
            ]
            .iter()
            .find_map(|keyword| line.strip_prefix(keyword))
            .map(ident)
            .or_else(|| {
                line.split_once("@typedef ")
                    .and_then(|(_, rest)| rest.rsplit_once(' '))
                    .map(|(_, name)| ident(name))
            })
        };
        names.extend(found.filter(|n| !n.is_empty()));
    }
    names
}

/// Every name a rendered Python, TypeScript or JavaScript file defines at its top level is one
/// its namer declares (a global, or a name of the table's), so the checks refuse a table whose
/// names would collide with it. A helper added to a writer or runtime file without its namer
/// knowing fails here.
#[test]
fn every_top_level_name_of_a_file_is_known_to_its_namer() {
    let spec = table(
        r#"
[[flag]]
name = "reconnectable"
description = "d"

[[property]]
name = "action"
description = "d"
values = ["stop", "back_off"]

[[property]]
name = "retry_after_ms"
description = "d"
type = "u32"

[[code]]
code = 1
name = "One"
description = "d"
aliases = ["Uno"]
set = { action = "back_off", retry_after_ms = 5 }

[[range]]
name = "Rest"
codes = "2..=9"
description = "d"
flags = ["reconnectable"]
"#,
    );
    for format in [Format::Python, Format::TypeScript, Format::JavaScript] {
        let namer = format.writer().namer().expect("a code target");
        let declared: Vec<String> = namer
            .scopes(&spec, Some("Plain"))
            .into_iter()
            .flatten()
            .map(|d| d.name)
            .chain(namer.globals().iter().map(|g| (*g).to_owned()))
            .collect();
        let text = render(format, &spec, "Plain", "p.toml").expect("renders");
        let defined = top_level_names(format, &text);
        assert!(defined.len() > 5, "{format}: {defined:?}");
        for name in defined {
            assert!(
                declared.contains(&name),
                "{format} defines `{name}`, which its namer does not declare"
            );
        }
    }
}

/// javac reads `\u` escapes before it reads comments: a spec path in the Java header cannot end
/// the comment line and add code (`x\u000apackage p;class Evil{}`), nor fail with an illegal
/// escape.
#[test]
fn a_java_header_holds_no_unicode_escape_of_a_path() {
    let plain = table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n");
    let source = "x\\u000apackage p;class Evil{}\\uZZZZ.toml";
    let text = render(Format::Java, &plain, "Plain", source).expect("renders");
    let header: Vec<&str> = text.lines().take(2).collect();
    for line in &header {
        assert!(
            !line.contains("\\u000a") && !line.contains("\\uZZZZ"),
            "{line}"
        );
    }
    assert!(header[0].contains("x\\u005cu000apackage"), "{header:?}");
}

/// An unclosed code fence in `JSDoc` text would swallow the `@param` and `@returns` tags written
/// after it (TypeScript reads them as code): runs of three backticks are written `&#96;`.
#[test]
fn jsdoc_text_opens_no_code_fence() {
    let spec = table(
        "[[flag]]\nname = \"retry\"\ndescription = \"```js\"\n\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"``a``\"\nflags = [\"retry\"]\n",
    );
    let text = render(Format::JavaScript, &spec, "Plain", "p.toml").expect("renders");
    assert!(!text.contains("```"), "a fence in the JSDoc");
    assert!(text.contains("&#96;&#96;&#96;js"));
    assert!(text.contains("``a``"), "two backticks are left as they are");
}

/// `--name` for the Rust target is held to the spec's rule for `[table] name`: rustc warns of
/// `pub enum describe`.
#[test]
fn a_rust_name_is_upper_camel_case() {
    let plain = table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n");
    for name in ["describe", "entry", "HTTP", "Chat_Code"] {
        let error = render(Format::Rust, &plain, name, "p.toml").unwrap_err();
        assert!(
            error.to_string().contains("UpperCamelCase"),
            "{name}: {error}"
        );
    }
    for name in ["Chat", "ChatCode", "Http2", "X"] {
        render(Format::Rust, &plain, name, "p.toml").expect(name);
    }
}
