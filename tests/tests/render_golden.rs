//! Golden files of every rendered target: the standard table, the Discord-style table, an `http`
//! extension, and one small case per feature (`tests/golden/features/*.toml`: a flag, ranges, a
//! carve-out, a deprecated code and an alias, retired numbers, an empty table, text that doc tools
//! read as markup, properties, an extension of each built-in protocol table, a `[[policy]]`), each rendered to every format and compared with
//! `tests/golden/<case>/output.<ext>` on every run, so that every change to a renderer shows as a
//! diff in review. A golden file holds the parts of its runtime
//! file as one marker line each (the runtime files are checked as they stand, once):
//! `CLOSECODES_BLESS=1 cargo test -p closecodes-tests --test render_golden` rewrites them.

use std::path::{Path, PathBuf};

use closecodes_codegen::build::Files;
use closecodes_codegen::golden;
use closecodes_codegen::render::{Format, render};
use closecodes_spec::{Source, load};

/// The big cases: a directory name, the spec, the table's name.
const CASES: &[(&str, &str, &str)] = &[
    ("websocket", "spec/tables/websocket.toml", "CloseCode"),
    ("discord", "tests/codes/discord.toml", "GatewayCode"),
    ("http_extension", "tests/codes/api_status.toml", "ApiStatus"),
];

/// The small cases, one per feature, named by their spec's file.
const FEATURES: &[&str] = &[
    "flag",
    "range",
    "carve_out",
    "deprecated",
    "retired",
    "empty",
    "markup",
    "property",
    "extends_graphql_transport_ws",
    "extends_discord_gateway",
    "extends_pusher",
    "extends_centrifugo",
    "policy",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `text` with each included part of the format's runtime file as one marker line.
fn without_runtime(format: Format, text: &str) -> String {
    let mut text = text.to_owned();
    for (i, part) in format.runtime_parts().into_iter().enumerate() {
        assert!(
            text.contains(part),
            "{format}: the output lacks part {i} of its runtime file"
        );
        text = text.replacen(
            part,
            &format!("<<< part {i} of the runtime file, as it stands >>>\n"),
            1,
        );
    }
    text
}

#[test]
fn every_target_matches_its_golden_file() {
    let features: Vec<(String, String, String)> = FEATURES
        .iter()
        .map(|f| {
            (
                format!("features/{f}"),
                format!("tests/golden/features/{f}.toml"),
                String::new(),
            )
        })
        .collect();
    let cases = CASES
        .iter()
        .map(|(c, s, n)| ((*c).to_owned(), (*s).to_owned(), (*n).to_owned()))
        .chain(features);
    let mut stale = Vec::new();
    for (case, spec, name) in cases {
        let source = Source::read_file(&spec, &root().join(&spec)).expect("the spec reads");
        let table = load(&source, &mut Files).expect("the spec checks");
        let name = if name.is_empty() {
            table.name.clone().expect("a named table")
        } else {
            name
        };
        let file_name = Path::new(&spec).file_name().unwrap().to_str().unwrap();
        for format in Format::ALL {
            let text = render(format, &table, &name, file_name).expect("renders");
            let path = root()
                .join("tests/golden")
                .join(&case)
                .join(format!("output.{}", format.extension()));
            if let Err(stale_file) = golden::compare(&path, &without_runtime(format, &text)) {
                stale.push(stale_file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "rendered output differs from its golden file; rerun with CLOSECODES_BLESS=1 and review the diff:\n{}",
        stale.join("\n")
    );
}
