//! Each namer's rules, on tables that the format's own rules accept.

use super::{NAMERS, Subject, check_target, refuse_name};
use crate::{NoFiles, Source, Table, load};

fn table(text: &str) -> Table {
    load(&Source::inline(text), &mut NoFiles).expect("checks")
}

fn plain() -> Table {
    table("[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\n")
}

/// Every namer refuses its keywords and globals as the table's name, with its language named.
#[test]
fn every_namer_refuses_its_keywords_and_globals() {
    let plain = plain();
    for namer in NAMERS {
        for name in namer.keywords().iter().chain(namer.globals()) {
            let refusals = check_target(*namer, &plain, name);
            assert!(
                refusals
                    .iter()
                    .any(|r| r.subject == Subject::Table && r.reason.contains(namer.language())),
                "{} takes `{name}`: {refusals:?}",
                namer.language()
            );
        }
    }
}

/// A default package made from the table's name is checked like a given one.
#[test]
fn default_packages_are_checked() {
    for (language, name) in [("Go", "Select"), ("Kotlin", "When"), ("Java", "Switch")] {
        let namer = NAMERS.iter().find(|n| n.language() == language).unwrap();
        let refusal = refuse_name(*namer, name).expect("refused");
        assert!(refusal.reason.contains("package would be"), "{refusal:?}");
    }
    let go = NAMERS.iter().find(|n| n.language() == "Go").unwrap();
    assert!(refuse_name(*go, "Chat").is_none());
}

#[test]
fn packages_of_the_platform_are_refused() {
    let kotlin = NAMERS.iter().find(|n| n.language() == "Kotlin").unwrap();
    assert!(kotlin.package("kotlin.chat").is_err());
    assert!(kotlin.package("com.example.chat").is_ok());
    assert!(kotlin.package("com.when.chat").is_err());
    assert!(kotlin.package("p._").is_err());
    assert!(kotlin.package("p.__").is_err());
    assert!(kotlin.package("p._x").is_ok());
    let java = NAMERS.iter().find(|n| n.language() == "Java").unwrap();
    assert!(java.package("java.chat").is_err());
    assert!(java.package("javax.chat").is_err());
    assert!(java.package("org.chat").is_ok());
}

/// Names of one scope that a target spells alike are refused, at the user's name.
#[test]
fn names_spelled_alike_in_one_scope_are_refused() {
    // Past the checks (which refuse it): a second code spelled like the first.
    let mut alike = table("[[code]]\ncode = 1\nname = \"IoError\"\ndescription = \"d\"\n");
    let mut second = alike.codes[0].clone();
    second.name = "IOError".into();
    second.value = 2;
    alike.codes.push(second);
    let python = NAMERS.iter().find(|n| n.language() == "Python").unwrap();
    let refusals = check_target(*python, &alike, "T");
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert_eq!(refusals[0].subject, Subject::Code(2));
    assert!(refusals[0].reason.contains("`IO_ERROR`"), "{refusals:?}");
    // Go's constants share the package with the predicates: `Is` + `Reconnectable`.
    let go_clash = table(
        "[[flag]]\nname = \"reconnectable\"\ndescription = \"f\"\n[[code]]\ncode = 1\nname = \"Reconnectable\"\ndescription = \"d\"\n",
    );
    let go = NAMERS.iter().find(|n| n.language() == "Go").unwrap();
    assert!(check_target(*go, &go_clash, "Chat").is_empty());
    let refusals = check_target(*go, &go_clash, "Is");
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert_eq!(refusals[0].subject, Subject::Flag("reconnectable".into()));
}

/// A property's type, getter and values are names of each file: an enum member may not take its
/// enum's name in C# and Kotlin, and Go's value constants share the package with the codes.
#[test]
fn properties_are_spelled_in_every_target() {
    let chat = table(
        "[[property]]\nname = \"action\"\ndescription = \"p\"\nvalues = [\"chat_action\", \"stop\"]\n[[code]]\ncode = 1\nname = \"ActionStop\"\ndescription = \"d\"\n",
    );
    let refused = |language: &str| {
        let namer = NAMERS.iter().find(|n| n.language() == language).unwrap();
        check_target(*namer, &chat, "Chat")
    };
    for language in ["C#", "Kotlin"] {
        let refusals = refused(language);
        assert_eq!(refusals.len(), 1, "{language}: {refusals:?}");
        assert_eq!(
            refusals[0].subject,
            Subject::PropertyValue("action".into(), "chat_action".into())
        );
    }
    let go = refused("Go");
    assert_eq!(go.len(), 1, "{go:?}");
    assert!(go[0].reason.contains("`ChatActionStop`"), "{go:?}");
    assert!(refused("Python").is_empty());
    assert!(refused("TypeScript and JavaScript").is_empty());
    // Java nests the enum in the table's class: a property named like the table is refused.
    let java = NAMERS.iter().find(|n| n.language() == "Java").unwrap();
    let nested =
        table("[[property]]\nname = \"chat\"\ndescription = \"p\"\nvalues = [\"a\", \"b\"]\n");
    let refusals = check_target(*java, &nested, "Chat");
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert_eq!(refusals[0].subject, Subject::Property("chat".into()));
}

/// A property's getter is a function or method of its name: a keyword of a target is refused,
/// at the property's name, though it is none of Rust's (Java's `short`, Kotlin's `when`,
/// Python's `lambda`).
#[test]
fn a_getter_that_is_a_keyword_is_refused() {
    for (language, property) in [("Java", "short"), ("Kotlin", "when"), ("Python", "lambda")] {
        let spec =
            format!("[[property]]\nname = \"{property}\"\ndescription = \"p\"\ntype = \"i16\"\n");
        let errors = load(&Source::inline(&spec), &mut NoFiles).expect_err("refused");
        let expected = format!("{language} would spell it `{property}`, a keyword of {language}");
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains(&expected) && e.line == 2),
            "{language}: {errors:?}"
        );
    }
    // The same getter, spelled in capitals, is no keyword of C#.
    let short = table("[[property]]\nname = \"shorter\"\ndescription = \"p\"\ntype = \"i16\"\n");
    let csharp = NAMERS.iter().find(|n| n.language() == "C#").unwrap();
    assert!(check_target(*csharp, &short, "Chat").is_empty());
}
