//! Every rule of the spec format has its cases in one place: `tests/rules/<id>/`, the rule's id
//! in lower case (`name_duplicate` for `NAME_DUPLICATE`). Each `<case>.toml` there is a spec
//! (checked as `close_codes!` checks it, or, named `derive*.toml`, as `#[derive(CloseCodes)]`
//! checks the enum it stands for); `<case>.expected` is every error it has, as rendered. Files
//! named `base*.toml` are only extended. Every error of a case breaks the folder's rule.
//!
//! `CLOSECODES_BLESS=1 cargo test -p closecodes-spec --test rules` rewrites the `.expected` files;
//! review their diff.

use std::fs;
use std::path::{Path, PathBuf};

use closecodes_spec::{
    CheckRule, Errors, Loader, RULES, ReadError, Source, check_derive, load, parse,
};

/// Reads `extends` paths relative to the file that names them.
struct Files;

impl Loader for Files {
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, ReadError> {
        let dir = Path::new(&from.key).parent().unwrap_or(Path::new("."));
        Source::read_file(path, &dir.join(path))
    }
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

/// The folders of `tests/rules`, by name.
fn folders() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(cases_dir())
        .expect("tests/rules is readable")
        .map(|entry| {
            let entry = entry.expect("tests/rules lists");
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The cases of a rule's folder: every `.toml` file that is not a base.
fn cases(folder: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(folder)
        .expect("a rule's folder is readable")
        .map(|entry| entry.expect("a rule's folder lists").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .filter(|path| !file_name(path).starts_with("base"))
        .collect();
    cases.sort();
    cases
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The errors of the spec at `path`: checked as a spec, or, for `derive*.toml`, as a derived enum.
fn errors_of(path: &Path) -> Errors {
    let name = file_name(path);
    let source = Source::read_file(&name, path).expect("a case is readable");
    let outcome = if name.starts_with("derive") {
        let spec = parse(&source).expect("a derive case parses");
        check_derive(&spec, &source, &mut Files)
    } else {
        load(&source, &mut Files)
    };
    match outcome {
        Ok(_) => panic!("{} checks without an error", path.display()),
        Err(errors) => errors,
    }
}

#[test]
fn every_rule_has_a_folder_and_every_folder_a_rule() {
    let folders = folders();
    for info in RULES {
        let folder = info.id.to_ascii_lowercase();
        assert!(
            folders.contains(&folder),
            "rule {} has no cases: expected a folder tests/rules/{folder} with a spec that breaks it",
            info.id
        );
        assert!(
            !cases(&cases_dir().join(&folder)).is_empty(),
            "tests/rules/{folder} has no `.toml` case"
        );
    }
    for folder in &folders {
        assert!(
            CheckRule::from_id(&folder.to_ascii_uppercase()).is_some(),
            "tests/rules/{folder} names no rule"
        );
    }
}

#[test]
fn every_case_breaks_its_rule_and_says_what_it_expects() {
    let bless = std::env::var_os("CLOSECODES_BLESS").is_some();
    let mut differ = Vec::new();
    for folder in folders() {
        let Some(rule) = CheckRule::from_id(&folder.to_ascii_uppercase()) else {
            continue; // reported by the test above
        };
        for case in cases(&cases_dir().join(&folder)) {
            let errors = errors_of(&case);
            for error in &errors {
                assert_eq!(
                    error.rule,
                    Some(rule),
                    "{}: every error of the case breaks {rule}:\n{error}",
                    case.display()
                );
            }
            let rendered = format!("{errors}\n");
            let expected_path = case.with_extension("expected");
            if bless {
                fs::write(&expected_path, &rendered).expect("the expected file is writable");
                continue;
            }
            let expected = fs::read_to_string(&expected_path).unwrap_or_default();
            if expected != rendered {
                differ.push(format!(
                    "{}:\n--- expected\n{expected}--- found\n{rendered}",
                    case.display()
                ));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "cases differ from their `.expected` files; rerun with CLOSECODES_BLESS=1 and review the diff:\n\n{}",
        differ.join("\n")
    );
}

/// Every rule's id is in capitals and underscores (`NAME_DUPLICATE`), as `closecodes breaking`'s
/// are, and its own; its summary is a lowercase phrase without a trailing period.
#[test]
fn ids_are_stable_words_and_summaries_one_line() {
    for info in RULES {
        assert!(
            info.id.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                && !info.id.starts_with('_')
                && !info.id.ends_with('_'),
            "{}",
            info.id
        );
        assert!(
            RULES.iter().filter(|other| other.id == info.id).count() == 1,
            "{} is given twice",
            info.id
        );
        assert!(
            info.summary.starts_with(|c: char| !c.is_uppercase())
                && !info.summary.ends_with('.')
                && !info.summary.contains('\n'),
            "{}: {}",
            info.id,
            info.summary
        );
    }
}

/// `docs/spec.md` lists every rule, with its id and summary, in its section "Check rules".
#[test]
fn the_docs_list_every_rule() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/spec.md");
    let docs = fs::read_to_string(&path).expect("docs/spec.md is readable");
    let section = docs
        .split_once("\n## Check rules\n")
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest))
        .expect("docs/spec.md has a section `## Check rules`");
    let rows: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .collect();
    let expected: Vec<String> = RULES
        .iter()
        .map(|info| format!("| `{}` | {} |", info.id, info.summary))
        .collect();
    assert_eq!(
        rows, expected,
        "the table of docs/spec.md's section `Check rules` is not `RULES`, in order"
    );
}
