//! `closecodes breaking`: a pair of specs per rule that breaks exactly that rule (or the rules it
//! cannot come without, listed in the pair's `expected`), pairs that must pass, the git mode in a
//! temporary repository, every output format and exit status.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use closecodes_spec::breaking::Rule;
use support::{closecodes_in, root, scratch, stderr, stdout};

mod support;

/// `breaking new.toml --against old.toml` in a fixture directory, with its `args`, as JSON lines.
fn compare_pair(dir: &Path, extra: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let args_file = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let mut args = vec![
        "breaking",
        "new.toml",
        "--against",
        "old.toml",
        "--message-format",
        "json",
    ];
    args.extend(args_file.split_whitespace());
    args.extend(extra);
    let output = closecodes_in(dir, &args);
    let lines = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (output.status.code(), lines)
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/breaking").join(kind))
        .expect("the fixtures exist")
        .map(|e| e.expect("an entry").path())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_rule_has_a_pair_that_breaks_exactly_it() {
    let mut covered = BTreeSet::new();
    for dir in fixtures("breaks") {
        let expected: BTreeSet<String> = std::fs::read_to_string(dir.join("expected"))
            .expect("each pair lists its rules")
            .lines()
            .map(str::to_owned)
            .collect();
        let (status, lines) = compare_pair(&dir, &[]);
        let found: BTreeSet<String> = lines
            .iter()
            .map(|l| l["rule"].as_str().expect("a rule").to_owned())
            .collect();
        assert_eq!(status, Some(1), "{}", dir.display());
        assert_eq!(found, expected, "{}", dir.display());
        let name = dir.file_name().unwrap().to_string_lossy().to_uppercase();
        assert!(found.contains(&name), "{name} does not break its own rule");
        covered.insert(name);
    }
    for rule in Rule::ALL {
        assert!(covered.contains(rule.id()), "no pair breaks {rule}");
    }
}

#[test]
fn pairs_that_break_nothing_pass() {
    for dir in fixtures("passes") {
        let (status, lines) = compare_pair(&dir, &[]);
        assert_eq!(status, Some(0), "{}: {lines:?}", dir.display());
        assert!(lines.is_empty(), "{}: {lines:?}", dir.display());
    }
}

#[test]
fn every_output_format_names_the_rule_category_and_place() {
    let dir = root().join("tests/breaking/breaks/code_number_changed");
    let (_, lines) = compare_pair(&dir, &[]);
    assert_eq!(
        lines,
        [serde_json::json!({
            "rule": "CODE_NUMBER_CHANGED",
            "category": "wire",
            "file": "new.toml",
            "line": 17,
            "column": 8,
            "message": "code `SessionExpired` changed its number from 4003 to 4004; deployed clients still read 4003 as `SessionExpired`",
        })]
    );
    let human = closecodes_in(&dir, &["breaking", "new.toml", "--against", "old.toml"]);
    assert_eq!(human.status.code(), Some(1));
    assert!(human.stdout.is_empty());
    assert!(
        stderr(&human).starts_with(
            "error[CODE_NUMBER_CHANGED]: new.toml:17:8: code `SessionExpired` changed its number from 4003 to 4004; deployed clients still read 4003 as `SessionExpired` (wire)\n   |\n17 | code = 4004\n   |        ^\n"
        ),
        "{}",
        stderr(&human)
    );
    assert!(stderr(&human).ends_with("1 breaking change\n"));
    let github = closecodes_in(
        &dir,
        &[
            "breaking",
            "new.toml",
            "--against",
            "old.toml",
            "--message-format",
            "github",
        ],
    );
    assert_eq!(
        stdout(&github),
        "::error file=new.toml,line=17,col=8,title=CODE_NUMBER_CHANGED (wire)::code `SessionExpired` changed its number from 4003 to 4004; deployed clients still read 4003 as `SessionExpired`\n"
    );
    // Removals are reported at the old spec's place.
    let removed = root().join("tests/breaking/breaks/code_removed_unless_retired");
    let (_, lines) = compare_pair(&removed, &[]);
    assert_eq!(lines[0]["file"], "old.toml");
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=closecodes",
            "-c",
            "user.email=ci@closecodes.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn against_a_git_revision_reads_the_spec_and_its_bases_there() {
    let dir = scratch("git");
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    let base = |number: u16| {
        format!(
            "extends = \"websocket\"\n\n[[code]]\ncode = {number}\nname = \"SessionExpired\"\ndescription = \"The session expired.\"\n"
        )
    };
    std::fs::write(dir.join("codes/company.toml"), base(4003)).unwrap();
    std::fs::write(
        dir.join("codes/chat.toml"),
        "extends = \"company.toml\"\n\n[table]\nname = \"ChatCode\"\n",
    )
    .unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v1"]);
    git(&dir, &["tag", "v1"]);
    // The second commit changes only the base file.
    std::fs::write(dir.join("codes/company.toml"), base(4004)).unwrap();
    git(&dir, &["commit", "-q", "-am", "v2"]);

    for against in ["HEAD~1", "v1"] {
        let output = closecodes_in(
            &dir,
            &[
                "breaking",
                "codes/chat.toml",
                "--against",
                against,
                "--message-format",
                "json",
            ],
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "{against}: {}",
            stderr(&output)
        );
        let line: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
        assert_eq!(line["rule"], "CODE_NUMBER_CHANGED");
        assert_eq!(
            line["file"], "codes/company.toml",
            "named from where the command ran"
        );
        assert_eq!(
            (line["line"].clone(), line["column"].clone()),
            (4.into(), 8.into())
        );
    }
    let output = closecodes_in(&dir, &["breaking", "codes/chat.toml", "--against", "HEAD"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    // Bad input: status 2 and a message.
    let output = closecodes_in(
        &dir,
        &["breaking", "codes/chat.toml", "--against", "no-such-branch"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`no-such-branch` is neither a spec file nor a revision"),
        "{}",
        stderr(&output)
    );
    std::fs::write(dir.join("codes/new.toml"), "extends = \"company.toml\"\n").unwrap();
    let output = closecodes_in(&dir, &["breaking", "codes/new.toml", "--against", "HEAD"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`codes/new.toml` does not exist at revision `HEAD`"),
        "{}",
        stderr(&output)
    );
    let outside = scratch("not-a-repository");
    std::fs::write(outside.join("chat.toml"), "extends = \"websocket\"\n").unwrap();
    let output = closecodes_in(&outside, &["breaking", "chat.toml", "--against", "main"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not in a git repository"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_rule_or_category_is_bad_usage() {
    let dir = root().join("tests/breaking/breaks/flag_changed");
    for args in [["--allow", "NO_SUCH_RULE"], ["--only", "wires"]] {
        let mut all = vec!["breaking", "new.toml", "--against", "old.toml"];
        all.extend(args);
        let output = closecodes_in(&dir, &all);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}
