//! The `closecodes` binary as a user runs it: exit statuses, messages, every target, drift checks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn closecodes(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_closecodes"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh directory outside the checkout.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("closecodes-cli-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).expect("writable");
    dir
}

#[test]
fn check_passes_clean_specs_and_follows_extends_through_files() {
    let output = closecodes(&[
        "check",
        "tests/codes/chat.toml",
        "tests/codes/game.toml",
        "spec/tables/websocket.toml",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stderr.is_empty());
}

#[test]
fn check_reports_every_error_with_file_line_column_and_the_line() {
    let output = closecodes(&["check", "tests/ui/file_spec_errors.toml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("error: tests/ui/file_spec_errors.toml:9:8: duplicate code 4001"),
        "{text}"
    );
    assert!(text.contains("9 | code = 4001"), "{text}");
    assert!(text.contains("= note: first defined at line 4"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stderr is not a terminal: {text:?}"
    );
}

#[test]
fn check_prints_one_json_object_per_error() {
    let output = closecodes(&[
        "check",
        "--message-format",
        "json",
        "tests/ui/file_spec_errors.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stderr.is_empty(),
        "JSON goes to standard output: {}",
        stderr(&output)
    );
    let errors: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(errors.len() >= 2, "{errors:?}");
    let duplicate = errors
        .iter()
        .find(|e| e["message"] == "duplicate code 4001")
        .expect("the duplicate");
    assert_eq!(duplicate["file"], "tests/ui/file_spec_errors.toml");
    assert_eq!(
        (duplicate["line"].as_u64(), duplicate["column"].as_u64()),
        (Some(9), Some(8))
    );
    assert_eq!(duplicate["notes"][0], "first defined at line 4");
}

#[test]
fn bad_input_is_one_line_and_status_2() {
    let dir = scratch("bad");
    std::fs::write(dir.join("latin1.toml"), b"description = \"caf\xe9\"\n").unwrap();
    std::fs::write(
        dir.join("unnamed.toml"),
        "[[code]]\ncode = 1\nname = \"One\"\ndescription = \"x\"\n",
    )
    .unwrap();
    let unnamed = dir.join("unnamed.toml").display().to_string();
    let latin1 = dir.join("latin1.toml").display().to_string();
    let directory = dir.display().to_string();
    let cases: [(&[&str], &str); 5] = [
        (
            &["check", "no/such.toml"],
            "error: cannot find spec file `no/such.toml`",
        ),
        (
            &["check", &directory],
            "is a directory; expected a spec file",
        ),
        (
            &["check", &latin1],
            "is not UTF-8 text; expected a TOML file",
        ),
        (
            &["render", "--to", "cobol", "tests/codes/chat.toml"],
            "invalid value 'cobol'",
        ),
        (
            &["render", "--to", "ts", &unnamed],
            "has no `[table] name`; pass `--name NAME`",
        ),
    ];
    for (args, expected) in cases {
        let output = closecodes(args);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains(expected), "{args:?}: {text}");
        assert!(!text.contains("panicked"), "{text}");
    }
}

#[test]
fn render_writes_every_target_and_the_drift_check_catches_changes() {
    let dir = scratch("render");
    for to in ["rust", "ts", "js", "md", "json"] {
        let file = dir.join(format!("chat.{to}"));
        let file = file.display().to_string();
        let output = closecodes(&["render", "--to", to, "tests/codes/game.toml", "-o", &file]);
        assert_eq!(output.status.code(), Some(0), "{to}: {}", stderr(&output));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("ChatCode"),
            "{to}: the name comes from `[table] name` (chat.toml's)"
        );
        assert!(
            text.contains("4001") && text.contains("1000"),
            "{to}: base codes are resolved"
        );
        let output = closecodes(&[
            "render",
            "--to",
            to,
            "tests/codes/game.toml",
            "--check",
            &file,
        ]);
        assert_eq!(output.status.code(), Some(0), "{to}: {}", stderr(&output));
        // Edit the file: the check names the first line that differs.
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        lines[3].push_str(" edited");
        std::fs::write(&file, lines.join("\n") + "\n").unwrap();
        let output = closecodes(&[
            "render",
            "--to",
            to,
            "tests/codes/game.toml",
            "--check",
            &file,
        ]);
        assert_eq!(output.status.code(), Some(1), "{to}");
        assert!(
            stderr(&output).contains("is stale: line 4 differs"),
            "{to}: {}",
            stderr(&output)
        );
    }
    // `--name` renames; standard output by default.
    let output = closecodes(&[
        "render",
        "--to",
        "ts",
        "tests/codes/grpc.toml",
        "--name",
        "Grpc",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("export const Grpc = Object.freeze({")
    );
    // A spec with errors: status 1, the errors, nothing written.
    let output = closecodes(&[
        "render",
        "--to",
        "md",
        "tests/ui/file_spec_errors.toml",
        "--name",
        "X",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("duplicate code 4001"));
    assert!(output.stdout.is_empty());
}
