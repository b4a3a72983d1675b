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

/// `tests/golden/features/markup.toml`: text that doc tools read as markup at any of their line
/// breaks, and characters their linters refuse.
fn markup() -> Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/features/markup.toml");
    let source = Source::read_file("markup.toml", &path).expect("reads");
    load(&source, &mut Files).expect("`closecodes check` accepts it")
}

/// The value of each docstring (each `"""…"""` literal) of a rendered Python module, its
/// escapes read as Python reads them.
fn docstring_values(module: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = module;
    while let Some(open) = rest.find("\"\"\"") {
        let mut value = String::new();
        let mut chars = rest[open + 3..].char_indices();
        let end = loop {
            let (at, c) = chars.next().expect("a docstring ends");
            if c == '"' && rest[open + 3 + at..].starts_with("\"\"\"") {
                break open + 3 + at + 3;
            }
            if c != '\\' {
                value.push(c);
                continue;
            }
            let (_, escape) = chars.next().expect("an escape ends");
            match escape {
                '\\' | '"' => value.push(escape),
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    let hex: String = (0..4).map(|_| chars.next().unwrap().1).collect();
                    value.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                other => panic!("an escape Python does not know (ruff's W605): \\{other}"),
            }
        };
        values.push(value);
        rest = &rest[end..];
    }
    values
}

/// Python's `str.splitlines()`.
fn python_lines(value: &str) -> Vec<&str> {
    value
        .split([
            '\n', '\u{b}', '\u{c}', '\r', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
            '\u{2029}',
        ])
        .collect()
}

#[test]
fn python_docstrings_start_no_doctest_or_directive_at_any_line_break() {
    for table in [nasty(), markup()] {
        let name = table.name.clone().unwrap_or_else(|| "NastyCode".to_owned());
        let module = render(Format::Python, &table, &name, "t.toml").unwrap();
        let values = docstring_values(&module);
        assert!(values.len() > 5, "{name}: {values:?}");
        for value in values {
            for line in python_lines(&value) {
                // Python's `str.lstrip()`: its whitespace is Unicode's and U+001C to U+001F.
                let body = line.trim_start_matches(|c: char| {
                    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
                });
                assert!(
                    !body.starts_with(">>>") && !body.starts_with(".."),
                    "{name}: a doctest or a directive in {value:?}"
                );
                let adornment = body.trim_end();
                assert!(
                    adornment.len() < 2
                        || !adornment.starts_with(|c: char| c.is_ascii_punctuation())
                        || !adornment.chars().all(|c| adornment.starts_with(c)),
                    "{name}: a section adornment in {value:?}"
                );
            }
        }
        // Nothing ruff refuses as itself in a string (PLE2510–PLE2515).
        for refused in ['\u{8}', '\u{1a}', '\u{1b}', '\0', '\u{200b}'] {
            assert!(!module.contains(refused), "{name}: a raw {refused:?}");
        }
    }
    let module = render(Format::Python, &markup(), "MarkupCode", "m.toml").unwrap();
    assert!(module.contains("Zero\\u200bWidth"), "{module}");
}

/// The text of each doc comment of a Go file (the lines of each run of `//` lines, without
/// `// `), the file's header (the comments before the package's doc) left out.
fn go_comments(file: &str) -> Vec<Vec<&str>> {
    let mut comments = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in file.lines() {
        match line.trim_start().strip_prefix("//") {
            Some(text) => current.push(text.strip_prefix(' ').unwrap_or(text)),
            None => {
                if !current.is_empty() {
                    comments.push(std::mem::take(&mut current));
                }
            }
        }
    }
    comments.remove(0);
    comments
}

/// go/doc's old-style heading (`isOldHeading` of go/doc/comment): a line alone in its paragraph,
/// after a paragraph and before another, starting with a capital letter and ending with a letter
/// or digit, without other punctuation than `(),`, `'s` and a `.` inside a word.
fn go_old_heading(lines: &[&str], at: usize) -> bool {
    let line = lines[at];
    at > 0
        && lines[at - 1].is_empty()
        && at + 2 < lines.len()
        && lines[at + 1].is_empty()
        && line.starts_with(char::is_uppercase)
        && line.ends_with(char::is_alphanumeric)
        && !line.contains(|c| ";:!?+*/=[]{}_^°&§~%#@<\">\\".contains(c))
        && line
            .match_indices('\'')
            .all(|(i, _)| line[i + 1..] == *"s" || line[i + 1..].starts_with("s "))
        && line
            .match_indices('.')
            .all(|(i, _)| !line[i + 1..].is_empty() && !line[i + 1..].starts_with(' '))
}

#[test]
fn go_comments_hold_no_markup_of_go_doc_gofmt_or_vet() {
    for table in [nasty(), markup()] {
        let name = table.name.clone().unwrap_or_else(|| "NastyCode".to_owned());
        let file = render(Format::Go, &table, &name, "t.toml").unwrap();
        for lines in go_comments(&file) {
            let paragraphs: Vec<&[&str]> = lines.split(|l| l.is_empty()).collect();
            for paragraph in &paragraphs {
                let heading = paragraph.len() == 1
                    && (paragraph[0].starts_with("# ") || paragraph[0].starts_with("#\t"));
                assert!(!heading, "{name}: a heading {paragraph:?}");
                // A paragraph of link definitions (`[text]: url`) that gofmt moves to the end.
                let links = paragraph.iter().all(|l| {
                    l.starts_with('[')
                        && l.split_once("]:").is_some_and(|(_, url)| {
                            url.starts_with([' ', '\t']) && url.contains("://")
                        })
                });
                assert!(!links, "{name}: link definitions {paragraph:?}");
            }
            for (at, line) in lines.iter().enumerate() {
                assert!(
                    !go_old_heading(&lines, at),
                    "{name}: an old-style heading {line:?}"
                );
                let first = line.split([' ', '\t']).next().unwrap_or_default();
                assert!(
                    first != "+build" && first != "go:build",
                    "{name}: a build constraint {line:?}"
                );
                // Pairs that go/doc and gofmt turn into curly quotes.
                let pair =
                    line.contains("''") || line.split(|c| c != '`').any(|run| run.len() == 2);
                assert!(!pair, "{name}: a pair of quotes {line:?}");
            }
        }
    }
    // The header: go vet reads any `+build` before the package's doc.
    let file = render(Format::Go, &markup(), "MarkupCode", "a+build.toml").unwrap();
    let header: String = file.lines().take_while(|l| !l.is_empty()).collect();
    assert!(!header.contains("+build"), "{header}");
}
