//! `codes/nasty.toml`, text that `closecodes check` accepts and that tries to break out of every
//! output, rendered to each target: every piece stays inert in its place. (The Rust target is
//! compiled by this crate's build script, and its docs run as doctests; the TypeScript and
//! JavaScript are parsed and type-checked by `tsc` in `tests/tests/wire.rs`.)

use std::path::Path;

use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, render};
use closecodes_spec::{Source, Table, load};

fn nasty() -> Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("codes/nasty.toml");
    let source = Source::read_file("codes/nasty.toml", &path).expect("reads");
    load(&source, &mut Files).expect("`closecodes check` accepts it")
}

/// The lines inside `/** … */` comments, without their ` * ` prefix.
fn jsdoc_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("/**") {
            inside = !trimmed.ends_with("*/");
            out.push(
                trimmed
                    .trim_start_matches("/**")
                    .trim_end_matches("*/")
                    .trim()
                    .to_owned(),
            );
            continue;
        }
        if inside {
            assert!(
                trimmed.starts_with('*'),
                "a line of a JSDoc comment without its `*` prefix: {line:?}"
            );
            if trimmed.starts_with("*/") {
                inside = false;
            } else {
                out.push(trimmed.trim_start_matches('*').trim().to_owned());
            }
        }
    }
    out
}

#[test]
fn javascript_comments_hold_no_tag_and_no_line_break_of_their_own() {
    let table = nasty();
    for format in [Format::TypeScript, Format::JavaScript] {
        let text = render(format, &table, "NastyCode", "nasty.toml").unwrap();
        for separator in ['\u{2028}', '\u{2029}', '\r', '\u{202e}', '\u{2066}', '\0'] {
            assert!(!text.contains(separator), "{format}: a raw {separator:?}");
        }
        let ours = [
            "@param {number} code",
            "@returns {boolean}",
            "@typedef",
            "@type {",
            "@template",
            "@param {T[]} rows",
            "@returns {readonly T[]}",
            "@returns {Entry | undefined}",
            "@param {number} code",
        ];
        for line in jsdoc_lines(&text) {
            // tsc starts a tag at an `@` that begins the line or follows whitespace.
            for (at, _) in line.match_indices('@') {
                let tag_start = at == 0 || line[..at].ends_with(char::is_whitespace);
                if tag_start {
                    assert!(
                        at == 0 && ours.iter().any(|tag| line.starts_with(tag)),
                        "{format}: spec text became a JSDoc tag: {line:?}"
                    );
                }
            }
        }
        // No spec text closes a comment early (string literals may hold `*/`).
        for line in jsdoc_lines(&text) {
            assert!(!line.contains("*/"), "{format}: {line:?}");
        }
        assert!(text.contains("\\@returns {string} a tag"), "{format}");
        assert!(text.contains("*\u{2215} end of comment"), "{format}");
    }
}

#[test]
fn markdown_text_stays_in_its_place() {
    let page = render(Format::Markdown, &nasty(), "NastyCode", "nasty.toml").unwrap();
    let columns = 6 + nasty().flags.len();
    let mut fences = 0;
    for line in page.lines().skip(1) {
        assert!(!line.starts_with('#'), "a heading: {line:?}");
        assert!(
            !line.trim_start().starts_with('<')
                && !line.contains("<script")
                && !line.contains("<b>")
                && !line.contains("<!--"),
            "raw HTML: {line:?}"
        );
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            fences += 1;
        }
        if line.starts_with("| ") {
            // Unescaped `|` only: those that end cells.
            let cells = line
                .char_indices()
                .filter(|(i, c)| {
                    *c == '|' && {
                        let before = &line[..*i];
                        let slashes = before.len() - before.trim_end_matches('\\').len();
                        slashes % 2 == 0
                    }
                })
                .count();
            assert_eq!(cells, columns, "a cell broke its row: {line:?}");
        }
        assert!(
            !line.chars().all(|c| "=-*_ ".contains(c)) || line.is_empty() || line.starts_with('|'),
            "a rule or setext underline: {line:?}"
        );
    }
    assert_eq!(fences % 2, 0, "an unclosed fence swallows the table");
    assert!(
        page.contains("| 4001 |"),
        "the table follows the description"
    );
}

#[test]
fn a_file_name_cannot_end_the_header_comment() {
    let table = nasty();
    for format in [Format::Rust, Format::TypeScript, Format::JavaScript] {
        let text = render(format, &table, "NastyCode", "a\nalert(1)\u{2028}b*/.toml").unwrap();
        let header: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(header.len(), 2, "{format}: {header:?}");
        assert!(
            header.iter().all(|l| l.starts_with("// ")),
            "{format}: {header:?}"
        );
        assert!(!header.concat().contains('\u{2028}'), "{format}");
    }
}

#[test]
fn json_of_the_nasty_table_round_trips_its_text() {
    let table = nasty();
    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, &table, "NastyCode", "n").unwrap()).unwrap();
    let fenced = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Fenced")
        .unwrap();
    let original = &table
        .codes
        .iter()
        .find(|c| c.name == "Fenced")
        .unwrap()
        .description;
    assert_eq!(fenced["description"].as_str(), Some(original.as_str()));
}

#[test]
fn kotlin_and_csharp_comments_hold_the_text_inertly() {
    let table = nasty();
    let kotlin = render(Format::Kotlin, &table, "NastyCode", "nasty.toml").unwrap();
    // Kotlin's block comments nest: no `/*` or `*/` of the text may stay inside a KDoc.
    for line in kotlin.lines().filter(|l| l.trim_start().starts_with("* ")) {
        assert!(!line.contains("/*") && !line.contains("*/"), "{line:?}");
    }
    assert!(!kotlin.contains('\u{202e}') && !kotlin.contains('\r'));
    let csharp = render(Format::CSharp, &table, "NastyCode", "nasty.toml").unwrap();
    // XML doc comments: the only tags are ours; `<` and `&` of the text are escaped.
    for line in csharp
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("///"))
    {
        let line = line
            .replace("<summary>", "")
            .replace("</summary>", "")
            .replace("<para/>", "")
            .replace("<see cref=\"NastyCode\"/>", "")
            .replace("<paramref name=\"code\"/>", "");
        assert!(!line.contains('<') && !line.contains('>'), "{line:?}");
        assert!(
            !line
                .replace("&lt;", "")
                .replace("&gt;", "")
                .replace("&amp;", "")
                .contains('&'),
            "{line:?}"
        );
    }
    assert!(csharp.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
