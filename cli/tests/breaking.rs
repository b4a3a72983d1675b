//! `closecodes breaking`: a pair of specs per rule that breaks exactly that rule (or the rules it
//! cannot come without, listed in the pair's `expected`; `rule.another_way` for more pairs of one
//! rule), pairs that must pass, the git mode in a
//! temporary repository, every output format and exit status.

use std::collections::BTreeSet;
use std::fmt::Write as _;
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
        // `flag_changed` or `flag_changed.another_way`: the pair's rule, then what it shows.
        let file_name = dir.file_name().unwrap().to_string_lossy().to_uppercase();
        let name = file_name.split('.').next().unwrap_or_default().to_owned();
        assert!(
            found.contains(&name),
            "{file_name} does not break its own rule"
        );
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
            "version": "new",
            "message": "code `SessionExpired` changed its number from 4003 to 4004; deployed clients still read 4003 as `SessionExpired`",
        })]
    );
    let human = closecodes_in(&dir, &["breaking", "new.toml", "--against", "old.toml"]);
    assert_eq!(human.status.code(), Some(1));
    assert!(human.stdout.is_empty());
    assert!(
        stderr(&human).starts_with(
            "error[CODE_NUMBER_CHANGED]: new.toml:17:8: code `SessionExpired` changed its number from 4003 to 4004; deployed clients still read 4003 as `SessionExpired` (wire)\n   |\n17 | code = 4004\n   |        ^^^^\n"
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
}

/// `breaking` in `dir` with `args`: its status, standard output and standard error.
fn breaking_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["breaking"];
    all.extend(args);
    let output = closecodes_in(dir, &all);
    (output.status.code(), stdout(&output), stderr(&output))
}

#[test]
fn a_removal_is_placed_in_the_old_version_and_annotates_the_new_file() {
    let dir = root().join("tests/breaking/breaks/code_removed_unless_retired");
    let (_, lines) = compare_pair(&dir, &[]);
    assert_eq!(lines[0]["file"], "old.toml");
    assert_eq!(lines[0]["version"], "old");
    assert_eq!(
        (lines[0]["line"].as_u64(), lines[0]["column"].as_u64()),
        (Some(17), Some(8))
    );
    assert!(lines[0].get("revision").is_none(), "{}", lines[0]);
    // Text names the version the line belongs to, and underlines the whole number.
    let (status, _, text) = breaking_in(&dir, &["new.toml", "--against", "old.toml"]);
    assert_eq!(status, Some(1));
    assert!(
        text.starts_with("error[CODE_REMOVED_UNLESS_RETIRED]: old.toml:17:8 (in the old version): code `SessionExpired` (4003) was removed"),
        "{text}"
    );
    assert!(
        text.contains("17 | code = 4003\n   |        ^^^^\n"),
        "{text}"
    );
    // new.toml has 14 lines: the annotation is on the file, the message names the old line.
    let (_, github, _) = breaking_in(
        &dir,
        &[
            "new.toml",
            "--against",
            "old.toml",
            "--message-format",
            "github",
        ],
    );
    let first = github.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("::error file=new.toml,title=CODE_REMOVED_UNLESS_RETIRED (wire)::code `SessionExpired` (4003) was removed"),
        "{github}"
    );
    assert!(
        first.ends_with("; it was at line 17 of `old.toml` in the old version"),
        "{github}"
    );
    assert!(!github.contains("line=17"), "{github}");
}

#[test]
fn every_caret_covers_the_whole_value() {
    // A string (the removed flag's name) and a number (the code whose flags changed).
    for (pair, value) in [("flag_removed", "\"fatal\""), ("flag_changed", "4001")] {
        let dir = root().join("tests/breaking/breaks").join(pair);
        let (status, _, text) = breaking_in(&dir, &["new.toml", "--against", "old.toml"]);
        assert_eq!(status, Some(1), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        // `error[…]`, ` |`, `NN | line`, ` | ^^^`.
        let (line, underline) = (lines[2], lines[3]);
        let start = line
            .find(value)
            .unwrap_or_else(|| panic!("{value} in {text}"));
        assert_eq!(underline.find('^'), Some(start), "{text}");
        assert_eq!(underline.matches('^').count(), value.len(), "{text}");
    }
}

#[test]
fn an_alias_removed_from_a_code_that_stays_is_placed_at_the_code_now() {
    let dir = root().join("tests/breaking/breaks/alias_removed");
    let (_, lines) = compare_pair(&dir, &[]);
    assert_eq!(lines[0]["rule"], "ALIAS_REMOVED");
    assert_eq!(lines[0]["file"], "new.toml");
    assert_eq!(lines[0]["version"], "new");
    assert_eq!(lines[0]["line"], 11);
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
        stderr(&output).contains("error: `codes/new.toml` does not exist at revision `HEAD`\n"),
        "nothing near: {}",
        stderr(&output)
    );
    // A name near one that exists at the revision: the one that does.
    std::fs::write(dir.join("codes/chta.toml"), "extends = \"company.toml\"\n").unwrap();
    let output = closecodes_in(&dir, &["breaking", "codes/chta.toml", "--against", "HEAD"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "`codes/chta.toml` does not exist at revision `HEAD`; did you mean `codes/chat.toml`?"
        ),
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

/// A spec of `codes` named codes (4001, 4002, …), each five lines long.
fn spec_of(codes: u16) -> String {
    let mut text = String::from("extends = \"websocket\"\n\n[table]\nname = \"ChatCode\"\n");
    for i in 1..=codes {
        let _ = write!(
            text,
            "\n[[code]]\ncode = {}\nname = \"Code{i}\"\ndescription = \"Code {i}.\"\n",
            4000 + i
        );
    }
    text
}

#[test]
fn a_removal_at_a_revision_names_the_revision_and_annotates_a_line_that_exists() {
    let dir = scratch("git-removal");
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    std::fs::write(dir.join("codes/chat.toml"), spec_of(8)).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v1"]);
    // The last code goes: its line (42) is past the end of the file as it is now (39 lines).
    std::fs::write(dir.join("codes/chat.toml"), spec_of(7)).unwrap();
    let now = std::fs::read_to_string(dir.join("codes/chat.toml")).unwrap();
    assert!(now.lines().count() < 42);
    let args = ["codes/chat.toml", "--against", "HEAD"];
    let (status, _, text) = breaking_in(&dir, &args);
    assert_eq!(status, Some(1), "{text}");
    assert!(
        text.starts_with("error[CODE_REMOVED_UNLESS_RETIRED]: codes/chat.toml:42:8 (at revision HEAD): code `Code8` (4008) was removed"),
        "{text}"
    );
    assert!(
        text.contains("42 | code = 4008\n   |        ^^^^\n"),
        "{text}"
    );
    let mut json = args.to_vec();
    json.extend(["--message-format", "json"]);
    let (_, out, _) = breaking_in(&dir, &json);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(
        (&first["version"], &first["revision"], &first["line"]),
        (&"old".into(), &"HEAD".into(), &42.into())
    );
    let mut github = args.to_vec();
    github.extend(["--message-format", "github"]);
    let (_, out, _) = breaking_in(&dir, &github);
    for annotation in out.lines() {
        assert!(
            annotation.starts_with("::error file=codes/chat.toml,title="),
            "the file, no line: {out}"
        );
        assert!(
            annotation.ends_with("; it was at line 42 of `codes/chat.toml` at revision `HEAD`"),
            "{out}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_committed_link_is_read_as_its_target_at_the_revision() {
    use std::os::unix::fs::symlink;
    let dir = scratch("git-links");
    std::fs::create_dir_all(dir.join("specs/v1")).unwrap();
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    let base = |number: u16| {
        format!(
            "extends = \"websocket\"\n\n[[code]]\ncode = {number}\nname = \"SessionExpired\"\ndescription = \"The session expired.\"\n"
        )
    };
    // The spec is a link into a directory of versions; its base a link beside its target, read
    // from the target's directory (as the file system reads it).
    std::fs::write(dir.join("specs/v1/real.toml"), base(4003)).unwrap();
    symlink("real.toml", dir.join("specs/v1/company.toml")).unwrap();
    std::fs::write(
        dir.join("specs/v1/chat.toml"),
        "extends = \"company.toml\"\n\n[table]\nname = \"ChatCode\"\n",
    )
    .unwrap();
    symlink("../specs/v1/chat.toml", dir.join("codes/chat.toml")).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v1"]);
    // Now the links lead elsewhere: the revision is read through its own links.
    std::fs::create_dir_all(dir.join("specs/v2")).unwrap();
    std::fs::write(dir.join("specs/v2/company.toml"), base(4004)).unwrap();
    std::fs::write(
        dir.join("specs/v2/chat.toml"),
        "extends = \"company.toml\"\n\n[table]\nname = \"ChatCode\"\n",
    )
    .unwrap();
    std::fs::remove_file(dir.join("codes/chat.toml")).unwrap();
    symlink("../specs/v2/chat.toml", dir.join("codes/chat.toml")).unwrap();
    let json = [
        "codes/chat.toml",
        "--against",
        "HEAD",
        "--message-format",
        "json",
    ];
    let (status, out, err) = breaking_in(&dir, &json);
    assert_eq!(status, Some(1), "{err}");
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(line["rule"], "CODE_NUMBER_CHANGED", "{out}");
    // Links that lead out of the repository, or round in a circle, are refused.
    for (link, to, expected) in [
        (
            "out.toml",
            "../../outside.toml",
            "`codes/out.toml` at revision `HEAD` leads out of the repository",
        ),
        (
            "absolute.toml",
            "/etc/hostname",
            "`codes/absolute.toml` at revision `HEAD` is a symbolic link to `/etc/hostname`, outside the repository",
        ),
        (
            "loop.toml",
            "loop.toml",
            "`codes/loop.toml` at revision `HEAD` goes through more than 16 symbolic links",
        ),
        (
            "dangling.toml",
            "gone.toml",
            "`codes/dangling.toml` does not exist at revision `HEAD`: its symbolic links lead to `codes/gone.toml`, which does not",
        ),
    ] {
        symlink(to, dir.join("codes").join(link)).unwrap();
        git(&dir, &["add", "."]);
        git(&dir, &["commit", "-q", "-m", link]);
        // The link as it is now must not matter: a spec of its own stands in its place.
        std::fs::remove_file(dir.join("codes").join(link)).unwrap();
        std::fs::write(dir.join("codes").join(link), spec_of(1)).unwrap();
        let (status, _, err) = breaking_in(&dir, &[&format!("codes/{link}"), "--against", "HEAD"]);
        assert_eq!(status, Some(2), "{link}: {err}");
        assert!(err.contains(expected), "{link}: {err}");
        std::fs::remove_file(dir.join("codes").join(link)).unwrap();
        symlink(to, dir.join("codes").join(link)).unwrap();
    }
}

#[test]
fn a_long_or_disguised_line_is_shown_escaped_and_clipped_with_the_caret_on_the_value() {
    let dir = scratch("long-line");
    let spec = |number: u16, comment: &str| {
        format!(
            "extends = \"websocket\"\n\n[[code]]\ncode = {number} # {comment}\nname = \"Late\"\ndescription = \"d\"\n"
        )
    };
    std::fs::write(dir.join("old.toml"), spec(4003, "")).unwrap();
    let comment = format!("\u{202e}{}", "x".repeat(100_000));
    std::fs::write(dir.join("new.toml"), spec(4004, &comment)).unwrap();
    let (status, _, text) = breaking_in(&dir, &["new.toml", "--against", "old.toml"]);
    assert_eq!(status, Some(1), "{text}");
    assert!(text.len() < 2000, "{} bytes", text.len());
    assert!(
        !text.contains('\u{202e}'),
        "a bidirectional control reached the terminal"
    );
    let lines: Vec<&str> = text.lines().collect();
    let (line, underline) = (lines[2], lines[3]);
    assert!(line.starts_with("4 | code = 4004 # \\u{202e}xxx"), "{line}");
    assert!(line.ends_with('…'), "{line}");
    assert_eq!(underline, "  |        ^^^^");
}

/// The fenced block after `<!-- breaking-example: NAME -->` in docs/cli.md.
fn example(doc: &str, name: &str) -> String {
    let marker = format!("<!-- breaking-example: {name} -->\n");
    let after = &doc[doc.find(&marker).unwrap_or_else(|| panic!("{marker}")) + marker.len()..];
    let body = &after[after.find('\n').expect("a fence") + 1..];
    body[..body.find("```").expect("the fence closes")].to_owned()
}

/// docs/cli.md's pull-request example prints the report it shows.
#[test]
fn the_policy_change_in_the_docs_prints_its_report() {
    let doc = std::fs::read_to_string(root().join("docs/cli.md")).expect("docs/cli.md");
    let dir = scratch("docs-example");
    std::fs::create_dir_all(dir.join("codes")).unwrap();
    let main = example(&doc, "main");
    std::fs::write(dir.join("codes/chat.toml"), &main).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "main"]);
    std::fs::write(dir.join("codes/chat.toml"), main + &example(&doc, "added")).unwrap();
    let (status, out, err) = breaking_in(&dir, &["codes/chat.toml", "--against", "main"]);
    assert_eq!(status, Some(1), "{err}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(err, example(&doc, "report"));
}
