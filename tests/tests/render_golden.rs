//! Golden files of every rendered target: the standard table, the Discord-style table and an
//! `http` extension, each rendered to every format and compared with
//! `tests/golden/<case>/output.<ext>` on every run, so that every change to a renderer shows as
//! a diff in review. `CLOSECODES_BLESS=1 cargo test -p closecodes-tests --test render_golden`
//! rewrites them.

use std::path::{Path, PathBuf};

use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, render};
use closecodes_spec::{Source, load};

/// The cases: a directory name, the spec, the table's name.
const CASES: &[(&str, &str, &str)] = &[
    ("websocket", "spec/tables/websocket.toml", "CloseCode"),
    ("discord", "tests/codes/discord.toml", "GatewayCode"),
    ("http_extension", "tests/codes/api_status.toml", "ApiStatus"),
];

fn extension(format: Format) -> &'static str {
    match format {
        Format::Rust => "rs",
        Format::TypeScript => "ts",
        Format::JavaScript => "js",
        Format::Markdown => "md",
        Format::Json => "json",
        Format::Python => "py",
        Format::Go => "go",
        Format::Kotlin => "kt",
        Format::CSharp => "cs",
        _ => unreachable!("a format without a golden extension"),
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn every_target_matches_its_golden_file() {
    let bless = std::env::var_os("CLOSECODES_BLESS").is_some();
    let mut stale = Vec::new();
    for (case, spec, name) in CASES {
        let source = Source::read_file(spec, &root().join(spec)).expect("the spec reads");
        let table = load(&source, &mut Files).expect("the spec checks");
        let file_name = Path::new(spec).file_name().unwrap().to_str().unwrap();
        for format in Format::ALL {
            let text = render(format, &table, name, file_name).expect("renders");
            let path = root()
                .join("tests/golden")
                .join(case)
                .join(format!("output.{}", extension(format)));
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &text).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected != text {
                let line = expected
                    .lines()
                    .zip(text.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| expected.lines().count().min(text.lines().count()))
                    + 1;
                stale.push(format!("{} (line {line})", path.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "rendered output differs from its golden file; rerun with CLOSECODES_BLESS=1 and review the diff:\n{}",
        stale.join("\n")
    );
}
