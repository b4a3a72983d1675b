//! The `closecodes` binary as a user runs it: exit statuses, messages, every target, drift checks.

use std::fmt::Write as _;
use std::process::{Command, Output};

use support::{closecodes_in, root, scratch, stderr};

mod support;

/// The binary run at the repository's root.
fn closecodes(args: &[&str]) -> Output {
    closecodes_in(&root(), args)
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
        text.contains(
            "error: tests/ui/file_spec_errors.toml:9:8: duplicate code 4001 [CODE_DUPLICATE]"
        ),
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
    assert_eq!(duplicate["rule"], "CODE_DUPLICATE");
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

/// Runs the binary in `dir`.
const APP: &str = "extends = \"websocket\"\n[table]\nname = \"AppCode\"\n[[code]]\ncode = 4001\nname = \"Unauthorized\"\ndescription = \"No session.\"\n";

#[test]
fn output_never_replaces_a_spec_it_read_and_is_written_whole() {
    let dir = scratch("output");
    std::fs::write(dir.join("base.toml"), "extends = \"websocket\"\n").unwrap();
    std::fs::write(
        dir.join("app.toml"),
        APP.replace("\"websocket\"", "\"base.toml\""),
    )
    .unwrap();
    for target in ["app.toml", "base.toml", "./app.toml"] {
        let output = closecodes_in(&dir, &["render", "--to", "ts", "app.toml", "-o", target]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{target}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output)
                .contains("is a spec file this command read; expected another output file"),
            "{}",
            stderr(&output)
        );
    }
    assert!(
        std::fs::read_to_string(dir.join("app.toml"))
            .unwrap()
            .starts_with("extends")
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("base.toml")).unwrap(),
        "extends = \"websocket\"\n"
    );
    // Written through a temporary file that is renamed: none is left behind.
    let output = closecodes_in(&dir, &["render", "--to", "ts", "app.toml", "-o", "app.ts"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["app.toml", "app.ts", "base.toml"]);
}

#[test]
fn check_reports_every_file_past_an_unreadable_one() {
    let dir = scratch("past-unreadable");
    std::fs::write(
        dir.join("bad.toml"),
        "[[code]]\ncode = 1\nname = \"x y\"\ndescription = \"d\"\n",
    )
    .unwrap();
    let output = closecodes_in(&dir, &["check", "missing.toml", "bad.toml", "."]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.contains("error: cannot find spec file `missing.toml`"),
        "{text}"
    );
    assert!(
        text.contains("error: bad.toml:3:8: code name \"x y\""),
        "{text}"
    );
    assert!(
        text.contains("error: `.` is a directory; expected a spec file"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_read() {
    let dir = scratch("regular");
    let fifo = dir.join("fifo.toml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    std::fs::write(dir.join("app.toml"), "extends = \"zero.toml\"\n").unwrap();
    // A FIFO would block the read, /dev/zero would fill memory: both are refused unopened.
    let output = closecodes_in(&dir, &["check", "fifo.toml", "app.toml"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(text.contains("`fifo.toml` is not a regular file"), "{text}");
    assert!(
        text.contains("app.toml:1:11: `zero.toml` is not a regular file"),
        "{text}"
    );
    // A file over the limit is refused before it is read.
    let big = std::fs::File::create(dir.join("big.toml")).unwrap();
    big.set_len(closecodes_spec::MAX_SPEC_BYTES + 1).unwrap();
    let output = closecodes_in(&dir, &["check", "big.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("spec file `big.toml` is 16777217 bytes or more; expected at most 16777216"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_base_file_is_named_by_a_path_from_where_the_command_ran() {
    let dir = scratch("base-path");
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    std::fs::write(
        dir.join("codes/company.toml"),
        "extends = \"websocket\"\n[[code]]\ncode = 3999\nname = \"Late\"\ndescription = \"x\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("codes/chat.toml"), "extends = \"company.toml\"\n").unwrap();
    let output = closecodes_in(&dir, &["check", "codes/chat.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("error: codes/company.toml:3:8: code 3999 lies in range `Iana`"),
        "{}",
        stderr(&output)
    );
}

/// A `--name` each target refuses, and why.
const NAME_CASES: &[(&str, &str, &str)] = &[
    (
        "rust",
        "r#Foo",
        "cannot name the table in Rust: it is not an identifier",
    ),
    (
        "rust",
        "fn",
        "cannot name the table in Rust: it is a keyword",
    ),
    (
        "rust",
        "__closecodes_list_of_variants",
        "file uses or defines itself",
    ),
    (
        "ts",
        "class",
        "cannot name the table in TypeScript and JavaScript: it is a",
    ),
    (
        "ts",
        "Object",
        "it is a name the TypeScript and JavaScript file uses or defines itself",
    ),
    (
        "js",
        "Entry",
        "it is a name the TypeScript and JavaScript file uses or defines itself",
    ),
    ("ts", "ENTRIES", "file uses or defines itself"),
    ("ts", "describe", "file uses or defines itself"),
    (
        "js",
        "isBrowserClosable",
        "would spell it `isBrowserClosable`",
    ),
    (
        "json",
        "a-b",
        "cannot name the table in JSON: it is not an identifier",
    ),
    (
        "md",
        "# Title",
        "cannot name the table in Markdown: it is not an identifier",
    ),
    ("python", "None", "cannot name the table in Python: it is a"),
    ("python", "type", "cannot name the table in Python: it is a"),
    ("python", "from_wire", "file uses or defines itself"),
    (
        "python",
        "is_browser_closable",
        "would spell it `is_browser_closable`",
    ),
    ("go", "func", "cannot name the table in Go: it is a"),
    ("go", "Describe", "cannot name the table in Go: it is a"),
    (
        "go",
        "IsBrowserClosable",
        "would spell it `IsBrowserClosable`",
    ),
    (
        "kotlin",
        "object",
        "cannot name the table in Kotlin: it is a",
    ),
    ("kotlin", "when", "cannot name the table in Kotlin: it is a"),
    ("kotlin", "fromWire", "would spell it `fromWire`"),
    (
        "kotlin",
        "Unauthorized",
        "Kotlin would spell it `Unauthorized`, as it spells the table's name",
    ),
    ("csharp", "event", "cannot name the table in C#: it is a"),
    ("csharp", "string", "cannot name the table in C#: it is a"),
    ("csharp", "class", "cannot name the table in C#: it is a"),
];

#[test]
fn a_name_is_checked_for_the_chosen_target() {
    let dir = scratch("names");
    std::fs::write(dir.join("app.toml"), APP).unwrap();
    for &(to, name, message) in NAME_CASES {
        let output = closecodes_in(&dir, &["render", "--to", to, "app.toml", "--name", name]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{to} {name}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{to} {name}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_go_constant_may_not_be_a_name_the_file_defines() {
    let dir = scratch("go-constant");
    std::fs::write(
        dir.join("wire.toml"),
        "[[code]]\ncode = 1\nname = \"Wire\"\ndescription = \"d\"\n",
    )
    .unwrap();
    let output = closecodes_in(
        &dir,
        &["render", "--to", "go", "wire.toml", "--name", "From"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("Go would spell it `FromWire`, as it spells a name of the file's own"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_kotlin_table_of_more_than_2500_codes_and_aliases_is_refused() {
    let dir = scratch("kotlin-size");
    let mut spec = String::from("[table]\nname = \"Big\"\n");
    // 2,000 named codes and 501 aliases: one more than a Kotlin enum's initializer takes.
    for i in 0..2000 {
        let _ = writeln!(
            spec,
            "[[code]]
code = {i}
name = \"Code{i}\"
description = \"d\"
aliases = [{}]",
            if i < 501 {
                format!("\"Old{i}\"")
            } else {
                String::new()
            }
        );
    }
    std::fs::write(dir.join("big.toml"), spec).unwrap();
    let output = closecodes_in(&dir, &["render", "--to", "kotlin", "big.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "the table has 2501 named codes and aliases, and a Kotlin enum holds at most 2500"
        ),
        "{}",
        stderr(&output)
    );
    // The other targets take it.
    let output = closecodes_in(&dir, &["render", "--to", "csharp", "big.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn go_takes_a_package_and_checks_it() {
    let dir = scratch("go-package");
    std::fs::write(dir.join("app.toml"), APP).unwrap();
    let output = closecodes_in(&dir, &["render", "--to", "go", "app.toml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("\npackage appcode\n"));
    let output = closecodes_in(
        &dir,
        &["render", "--to", "go", "app.toml", "--package", "chat"],
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("\npackage chat\n"));
    for bad in ["Chat", "func", "chat-code", ""] {
        let output = closecodes_in(
            &dir,
            &["render", "--to", "go", "app.toml", "--package", bad],
        );
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&output).contains("is not a Go package name"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn javascript_codes_beyond_two_to_the_53_are_refused() {
    let dir = scratch("big-codes");
    std::fs::write(
        dir.join("big.toml"),
        "[table]\nname = \"Big\"\nrepr = \"u64\"\n[[code]]\ncode = 9007199254740993\nname = \"Huge\"\ndescription = \"2^53 + 1\"\n",
    )
    .unwrap();
    for to in ["ts", "js"] {
        let output = closecodes_in(&dir, &["render", "--to", to, "big.toml"]);
        assert_eq!(output.status.code(), Some(2), "{to}");
        assert!(
            stderr(&output).contains("code 9007199254740993 cannot be written exactly as a"),
            "{}",
            stderr(&output)
        );
    }
    // Exact in the other targets.
    let output = closecodes_in(&dir, &["render", "--to", "json", "big.toml"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("9007199254740993"));
}

#[test]
fn the_drift_check_names_the_first_line_of_a_crlf_file() {
    let dir = scratch("crlf");
    std::fs::write(dir.join("app.toml"), APP).unwrap();
    let output = closecodes_in(&dir, &["render", "--to", "md", "app.toml"]);
    let crlf = String::from_utf8(output.stdout)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(dir.join("app.md"), crlf).unwrap();
    let output = closecodes_in(
        &dir,
        &["render", "--to", "md", "app.toml", "--check", "app.md"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is stale: line 1 differs from what `closecodes render` writes now (it ends with CRLF where `closecodes render` writes LF)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn spec_text_in_messages_is_escaped_and_long_lines_are_clipped() {
    let dir = scratch("messages");
    let long = "x".repeat(200_000);
    std::fs::write(
        dir.join("app.toml"),
        format!("extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"Bad\\u001b[31mName\"\ndescription = \"{long}\"\n[[code]]\ncode = 3999\nname = \"Late\"\ndescription = \"{long}\" # {long}\n"),
    )
    .unwrap();
    let output = closecodes_in(&dir, &["check", "app.toml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        !text.contains('\x1b'),
        "a control character reached the terminal"
    );
    assert!(text.contains("\\u{1b}[31m"), "{text}");
    assert!(
        text.len() < 4000,
        "{} bytes of messages for two errors",
        text.len()
    );
}

#[test]
fn a_stale_file_shows_the_line_and_the_command_that_regenerates_it() {
    let dir = scratch("stale");
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    std::fs::write(dir.join("codes/app.toml"), APP).unwrap();
    let render = [
        "render",
        "--to",
        "go",
        "--name",
        "Chat",
        "--package",
        "chat",
        "codes/app.toml",
    ];
    let mut write = render.to_vec();
    write.extend(["-o", "chat.go"]);
    let output = closecodes_in(&dir, &write);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.join("chat.go")).unwrap();
    let at = text
        .lines()
        .position(|l| l == "package chat")
        .expect("the package line");
    std::fs::write(
        dir.join("chat.go"),
        text.replacen("package chat\n", "package chatty\n", 1),
    )
    .unwrap();
    let mut check = render.to_vec();
    check.extend(["--check", "chat.go"]);
    let output = closecodes_in(&dir, &check);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: `chat.go` is stale: line {} differs from what `closecodes render` writes now\n  found:    package chatty\n  expected: package chat\n  regenerate it with: closecodes render --to go --name Chat --package chat codes/app.toml -o chat.go\n",
            at + 1
        )
    );
    // The command, run as printed, makes the file current.
    let printed = stderr(&output);
    let command = printed
        .lines()
        .find_map(|l| l.strip_prefix("  regenerate it with: closecodes "))
        .expect("the command");
    let args: Vec<&str> = command.split_whitespace().collect();
    let output = closecodes_in(&dir, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(closecodes_in(&dir, &check).status.code(), Some(0));
    // A file that ends early: what is missing is shown.
    std::fs::write(
        dir.join("chat.go"),
        text.lines().take(2).collect::<Vec<_>>().join("\n") + "\n",
    )
    .unwrap();
    let output = closecodes_in(&dir, &check);
    assert!(
        stderr(&output).contains("is stale: line 3 differs from what `closecodes render` writes now (the file ends before it)\n  found:    (the end of the file)\n  expected: "),
        "{}",
        stderr(&output)
    );
    // A missing file: the command that writes it.
    std::fs::remove_file(dir.join("chat.go")).unwrap();
    let output = closecodes_in(&dir, &check);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot find `chat.go` to check; expected the file that this command writes: closecodes render --to go --name Chat --package chat codes/app.toml -o chat.go"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_very_long_stale_line_is_shown_around_where_it_differs() {
    let dir = scratch("stale-long");
    std::fs::write(dir.join("app.toml"), APP).unwrap();
    let output = closecodes_in(&dir, &["render", "--to", "json", "app.toml"]);
    let text = String::from_utf8(output.stdout).unwrap();
    // The same long line in both, but for one character near its end.
    let long = "x".repeat(10_000);
    std::fs::write(dir.join("app.json"), format!("{long}y\n{text}")).unwrap();
    let output = closecodes_in(
        &dir,
        &["render", "--to", "json", "app.toml", "--check", "app.json"],
    );
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(message.len() < 1000, "{} bytes: {message}", message.len());
    assert!(message.contains("  found:    xxxxx"), "{message}");
}

#[cfg(unix)]
#[test]
fn the_checked_file_is_read_as_a_spec_file_is() {
    let dir = scratch("check-regular");
    std::fs::write(dir.join("app.toml"), APP).unwrap();
    // Over the limit: refused before it is read (it would otherwise be read whole and found stale).
    let big = std::fs::File::create(dir.join("big.md")).unwrap();
    big.set_len(closecodes_spec::MAX_SPEC_BYTES + 1).unwrap();
    std::fs::create_dir_all(dir.join("dir.md")).unwrap();
    std::os::unix::fs::symlink("/dev/null", dir.join("null.md")).unwrap();
    for (file, expected) in [
        (
            "big.md",
            "`big.md` is 16777217 bytes or more; expected a rendered file of at most 16777216",
        ),
        (
            "dir.md",
            "`dir.md` is a directory; expected the file that `closecodes render` writes",
        ),
        (
            "null.md",
            "`null.md` is not a regular file (a FIFO, socket or device)",
        ),
    ] {
        let output = closecodes_in(&dir, &["render", "--to", "md", "app.toml", "--check", file]);
        assert_eq!(output.status.code(), Some(2), "{file}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(expected),
            "{file}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_missing_spec_file_names_the_path_tried_and_a_near_name() {
    let dir = scratch("missing");
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    std::fs::write(dir.join("codes/chat.toml"), APP).unwrap();
    std::fs::write(dir.join("codes/app.toml"), "extends = \"caht.toml\"\n").unwrap();
    let tried = |path: &str| dir.canonicalize().unwrap().join(path).display().to_string();
    // A base file that is missing is an error of the spec that names it: status 1.
    let cases: [(&[&str], i32, String); 5] = [
        (
            &["check", "codes/chta.toml"],
            2,
            format!(
                "error: cannot find spec file `codes/chta.toml` (looked for `{}`); did you mean `codes/chat.toml`?\n",
                tried("codes/chta.toml")
            ),
        ),
        (
            &["render", "--to", "ts", "code/chat.toml"],
            2,
            format!(
                "error: cannot find spec file `code/chat.toml` (looked for `{}`); did you mean `codes/chat.toml`?\n",
                tried("code/chat.toml")
            ),
        ),
        (
            &["check", "codes/app.toml"],
            1,
            format!(
                "error: codes/app.toml:1:11: cannot find spec file `caht.toml` (looked for `{}`); did you mean `chat.toml`? [EXTENDS_UNREADABLE]\n",
                tried("codes/caht.toml")
            ),
        ),
        (
            &["breaking", "codes/chat.toml", "--against", "old/chat.toml"],
            2,
            format!(
                "error: cannot find spec file `old/chat.toml` (looked for `{}`, and for a git revision of that name)\n",
                tried("old/chat.toml")
            ),
        ),
        (
            &["check", "codes/game.toml"],
            2,
            format!(
                "error: cannot find spec file `codes/game.toml` (looked for `{}`)\n",
                tried("codes/game.toml")
            ),
        ),
    ];
    for (args, status, expected) in cases {
        let output = closecodes_in(&dir, args);
        assert_eq!(
            output.status.code(),
            Some(status),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).starts_with(&expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}
