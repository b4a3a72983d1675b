//! The rendered targets against their languages' own tools, on the specs that try hardest to
//! break them: `codes/nasty.toml` and `golden/features/markup.toml` (text that doc tools read as
//! markup, at any of their line breaks) through `ruff` (its pylint errors, `PLE`, included) and
//! `mypy --strict`, `gofmt` and `go vet`, `javac -Xlint:all -Werror`, `kotlinc -Werror` (1.3 and
//! 2) and `mcs -warnaserror`; and the largest tables the JVM targets take (every flag the checks
//! allow on thousands of documented codes, the most named codes and aliases), compiled and run.
//!
//! They need those toolchains, so `cargo test` lists them as ignored; `.ci/wire` installs them and
//! sets `CLOSECODES_PYTHON`, `CLOSECODES_GO`, `CLOSECODES_KOTLIN_COMPILER` and
//! `CLOSECODES_KOTLIN_LIBS` (as for `tests/tests/clients.rs`). The test that is not ignored holds
//! the JVM targets' rows to what a method of bytecode takes, as measured with `javap`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, Options, RenderError, render_with};
use closecodes_spec::{Source, Table, load};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tool(variable: &str) -> PathBuf {
    let Some(path) = std::env::var_os(variable) else {
        panic!("`{variable}` is not set: run `.ci/wire`, which installs the toolchains")
    };
    PathBuf::from(path)
}

/// A fresh directory outside the checkout.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("closecodes-render-tools-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    dir
}

fn run(command: &mut Command) -> Output {
    let output = command.output().expect("the tool runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn spec(path: &str) -> Table {
    let source = Source::read_file(path, &root().join(path)).expect("reads");
    load(&source, &mut Files).expect("checks")
}

/// The specs whose text tries to break every output, and their tables' names.
const NASTY: &[(&str, &str)] = &[
    ("tests/codes/nasty.toml", "NastyCode"),
    ("tests/golden/features/markup.toml", "MarkupCode"),
];

fn rendered(format: Format, table: &Table, name: &str, package: Option<&str>) -> String {
    let options = Options {
        name,
        source: "t.toml",
        package,
        command: None,
    };
    render_with(format, table, &options).expect("renders")
}

/// The most flags a table may have: the checks refuse one more.
const MAX_FLAGS: usize = 64;

/// A table of `flags` flags, `documented` codes documented in a range (each with every flag set)
/// and `named` named codes with `aliases` aliases each, all numbers from 100,000 (which take the
/// JVM's widest constants).
fn big(flags: usize, documented: usize, named: usize, aliases: usize) -> Result<Table, String> {
    let mut text = String::from("[table]\nname = \"Big\"\nrepr = \"i32\"\n");
    let flag_names: Vec<String> = (0..flags).map(|i| format!("\"f{i}\"")).collect();
    for i in 0..flags {
        let _ = write!(
            text,
            "\n[[flag]]\nname = \"f{i}\"\ndescription = \"Flag {i}.\"\n"
        );
    }
    if documented > 0 {
        text.push_str(
            "\n[[range]]\nname = \"Docs\"\ncodes = \"1000000..=1999999\"\ndescription = \"d\"\n",
        );
    }
    for i in 0..documented {
        let _ = write!(
            text,
            "\n[[code]]\ncode = {}\nreason = \"Reason {i}\"\ndescription = \"Documented {i}.\"\nflags = [{}]\n",
            1_000_000 + i,
            flag_names.join(", ")
        );
    }
    for i in 0..named {
        let old: Vec<String> = (0..aliases).map(|j| format!("\"Old{i}x{j}\"")).collect();
        let _ = write!(
            text,
            "\n[[code]]\ncode = {}\nname = \"Code{i}\"\nreason = \"Reason {i}\"\ndescription = \"Named {i}.\"\naliases = [{}]\n",
            100_000 + i,
            old.join(", ")
        );
    }
    let source = Source::file("big.toml", "big.toml", text);
    load(&source, &mut Files).map_err(|e| format!("{e:?}"))
}

/// The rows of each class (Java) or object (Kotlin) of rows of a rendered file.
fn rows_per_class(file: &str, row: &str) -> Vec<usize> {
    let mut classes = Vec::new();
    for line in file.lines() {
        if line.contains("class Rows") || line.starts_with("private object Rows") {
            classes.push(0);
        } else if line.trim_start().starts_with(row)
            && let Some(last) = classes.last_mut()
        {
            *last += 1;
        }
    }
    classes
}

/// A row costs 28 bytes of its method's bytecode and 5 more a flag (javac 17; Kotlin 1.3 and 2
/// spend less), as `javap -c` shows on rows of the widest constants: with every flag the checks
/// take, 400 rows in one method would pass the JVM's 65,535 bytes.
#[test]
fn jvm_rows_fit_a_method_with_every_flag_the_checks_take() {
    assert!(
        big(MAX_FLAGS + 1, 1, 1, 0).is_err(),
        "more flags than the checks take"
    );
    let table = big(MAX_FLAGS, 2_000, 1, 0).expect("checks");
    let bytes = 28 + 5 * MAX_FLAGS;
    for (format, row) in [(Format::Java, "row("), (Format::Kotlin, "entryOf(")] {
        let file = rendered(format, &table, "Big", Some("big"));
        let classes = rows_per_class(&file, row);
        assert_eq!(
            classes.iter().sum::<usize>(),
            table.rows().len(),
            "{format}"
        );
        for rows in classes {
            assert!(
                rows * bytes < 65_535,
                "{format}: {rows} rows of {bytes} bytes"
            );
        }
    }
    // With few flags, the rows are as they were: 400 a class.
    let table = big(2, 2_000, 1, 0).expect("checks");
    let java = rendered(Format::Java, &table, "Big", Some("big"));
    assert_eq!(rows_per_class(&java, "row(")[0], 400);
}

/// The largest table a JVM target takes: `count` named codes or aliases past the most, as the
/// error names it.
fn most_codes(format: Format) -> usize {
    let refused = big(0, 0, 4_000, 0).expect("checks");
    let options = Options {
        name: "Big",
        source: "big.toml",
        package: Some("big"),
        command: None,
    };
    match render_with(format, &refused, &options) {
        Err(RenderError::TooLarge { max, .. }) => max,
        other => panic!("{format}: 4,000 named codes were not refused: {other:?}"),
    }
}

/// Kotlin 2 (the jars of `CLOSECODES_KOTLIN_COMPILER`), warnings as errors, against
/// `CLOSECODES_KOTLIN_LIBS`.
fn kotlinc_2(out: &Path) -> Command {
    let mut command = Command::new("java");
    command
        .arg("-cp")
        .arg(jars(&tool("CLOSECODES_KOTLIN_COMPILER")))
        .arg("org.jetbrains.kotlin.cli.jvm.K2JVMCompiler")
        .args(["-Werror", "-no-stdlib", "-no-reflect", "-cp"])
        .arg(kotlin_libs())
        .arg("-d")
        .arg(out);
    command
}

/// The jars of `dir`, joined as a classpath.
fn jars(dir: &Path) -> String {
    let mut jars: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("`{}` cannot be read ({e}): run `.ci/wire`", dir.display()))
        .map(|entry| entry.expect("reads").path())
        .filter(|path| path.extension().is_some_and(|e| e == "jar"))
        .map(|path| path.display().to_string())
        .collect();
    jars.sort();
    assert!(
        !jars.is_empty(),
        "no jars in `{}`: run `.ci/wire`",
        dir.display()
    );
    jars.join(":")
}

fn kotlin_libs() -> String {
    jars(&tool("CLOSECODES_KOTLIN_LIBS"))
}

/// Kotlin 1.3 (Debian's `kotlinc`), warnings as errors, with room for a large file.
fn kotlinc_1_3(out: &Path) -> Command {
    let mut command = Command::new("kotlinc");
    command
        .env("JAVA_OPTS", "-Xmx3g")
        .arg("-Werror")
        .arg("-d")
        .arg(out);
    command
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
#[ignore = "needs javac 17: run .ci/wire"]
fn the_largest_java_tables_compile_and_load() {
    let most = most_codes(Format::Java);
    // Every flag on 5,000 documented codes, and the most named codes; then half as many named
    // codes, each with an alias.
    for (case, table) in [
        ("flags", big(MAX_FLAGS, 5_000, most, 0)),
        ("aliases", big(0, 0, most / 2, 1)),
    ] {
        let table = table.expect("checks");
        let dir = scratch(&format!("java-{case}"));
        std::fs::create_dir_all(dir.join("big")).expect("writes");
        let file = rendered(Format::Java, &table, "Big", Some("big"));
        std::fs::write(dir.join("big/Big.java"), file).expect("writes");
        std::fs::write(
            dir.join("Main.java"),
            "public class Main {\n    public static void main(String[] args) {\n        System.out.println(big.Big.ENTRIES.size() + \" \" + big.Big.values().length);\n    }\n}\n",
        )
        .expect("writes");
        run(Command::new("javac")
            .args(["-Xlint:all", "-Werror", "-d"])
            .arg(dir.join("out"))
            .arg(dir.join("big/Big.java"))
            .arg(dir.join("Main.java")));
        let output = run(Command::new("java")
            .arg("-cp")
            .arg(dir.join("out"))
            .arg("Main"));
        assert_eq!(
            stdout(&output),
            format!("{} {}\n", table.rows().len(), table.codes.len()),
            "{case}"
        );
    }
}

#[test]
#[ignore = "needs kotlinc 1.3 and Kotlin 2 from Maven Central: run .ci/wire"]
fn the_largest_kotlin_tables_compile_on_kotlin_1_3_and_2_and_load() {
    let most = most_codes(Format::Kotlin);
    // Every flag on 3,000 documented codes; half the most named codes, each with an alias (the
    // most named codes alone: tests/tests/clients.rs).
    for (case, table) in [
        ("flags", big(MAX_FLAGS, 3_000, 1, 0)),
        ("aliases", big(0, 0, most / 2, 1)),
    ] {
        let table = table.expect("checks");
        let dir = scratch(&format!("kotlin-{case}"));
        std::fs::write(
            dir.join("big.kt"),
            rendered(Format::Kotlin, &table, "Big", Some("big")),
        )
        .expect("writes");
        std::fs::write(
            dir.join("Main.kt"),
            "fun main() = println(\"${big.Big.ENTRIES.size} ${big.Big.values().size}\")\n",
        )
        .expect("writes");
        let expected = format!("{} {}\n", table.rows().len(), table.codes.len());
        let sources = [dir.join("big.kt"), dir.join("Main.kt")];
        let out = dir.join("out-1.3");
        run(kotlinc_1_3(&out).args(&sources));
        let classpath = format!("{}:/usr/share/java/kotlin-stdlib.jar", out.display());
        let output = run(Command::new("java").args(["-cp", &classpath, "MainKt"]));
        assert_eq!(stdout(&output), expected, "{case} on Kotlin 1.3");
        let out = dir.join("out-2");
        run(kotlinc_2(&out).args(&sources));
        let classpath = format!("{}:{}", out.display(), kotlin_libs());
        let output = run(Command::new("java").args(["-cp", &classpath, "MainKt"]));
        assert_eq!(stdout(&output), expected, "{case} on Kotlin 2");
    }
}

#[test]
#[ignore = "needs Python with mypy and ruff: run .ci/wire"]
fn nasty_python_passes_ruff_with_pylint_errors_and_mypy_strict() {
    let dir = scratch("python");
    let files: Vec<PathBuf> = NASTY
        .iter()
        .enumerate()
        .map(|(i, (path, name))| {
            let file = dir.join(format!("nasty_{i}.py"));
            std::fs::write(&file, rendered(Format::Python, &spec(path), name, None))
                .expect("writes");
            file
        })
        .collect();
    let python = tool("CLOSECODES_PYTHON");
    // ruff's defaults, its pylint errors (`PLE2510`–`PLE2515`: characters a string may not hold
    // as themselves), invalid escapes and the order of `__all__`.
    run(Command::new(&python)
        .args(["-m", "ruff", "check", "--no-cache", "--isolated"])
        .args(["--extend-select", "PLE,W605,RUF022"])
        .args(&files));
    run(Command::new(&python)
        .args(["-m", "mypy", "--strict", "--no-incremental", "--cache-dir"])
        .arg(dir.join("mypy-cache"))
        .args(&files));
}

#[test]
#[ignore = "needs Go: run .ci/wire"]
fn nasty_go_is_left_as_it_is_by_gofmt_and_passes_vet() {
    let dir = scratch("go");
    std::fs::write(dir.join("go.mod"), "module example.com/nasty\n\ngo 1.21\n").expect("writes");
    for (i, (path, name)) in NASTY.iter().enumerate() {
        let package = format!("nasty{i}");
        std::fs::create_dir_all(dir.join(&package)).expect("writes");
        let options = Options {
            name,
            // A file name that go vet would read as a build constraint in the header.
            source: "codes+build.toml",
            package: Some(&package),
            command: None,
        };
        let table = spec(path);
        let file = render_with(Format::Go, &table, &options).expect("renders");
        std::fs::write(dir.join(&package).join("codes.go"), file).expect("writes");
    }
    let go = tool("CLOSECODES_GO");
    let gofmt = go.parent().expect("go's directory").join("gofmt");
    let listed = run(Command::new(gofmt).arg("-l").arg(&dir));
    assert!(
        listed.stdout.is_empty(),
        "gofmt would change: {}",
        stdout(&listed)
    );
    run(Command::new(go)
        .current_dir(&dir)
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOCACHE", std::env::temp_dir().join("closecodes-gocache"))
        .args(["vet", "./..."]));
}

#[test]
#[ignore = "needs javac 17, kotlinc 1.3, Kotlin 2 and mono's mcs: run .ci/wire"]
fn nasty_jvm_and_csharp_files_compile_with_warnings_as_errors() {
    let dir = scratch("jvm");
    let mut java = Vec::new();
    let mut kotlin = vec![root().join("codegen/src/render/kotlin/Runtime.kt")];
    let mut csharp = vec![root().join("codegen/src/render/csharp/Runtime.cs")];
    for (i, (path, name)) in NASTY.iter().enumerate() {
        let table = spec(path);
        let package = format!("nasty{i}");
        std::fs::create_dir_all(dir.join(&package)).expect("writes");
        let file = dir.join(&package).join(format!("{name}.java"));
        std::fs::write(&file, rendered(Format::Java, &table, name, Some(&package)))
            .expect("writes");
        java.push(file);
        let file = dir.join(format!("{package}.kt"));
        std::fs::write(
            &file,
            rendered(Format::Kotlin, &table, name, Some(&package)),
        )
        .expect("writes");
        kotlin.push(file);
        let file = dir.join(format!("{package}.cs"));
        let namespace = format!("Nasty{i}");
        std::fs::write(
            &file,
            rendered(Format::CSharp, &table, name, Some(&namespace)),
        )
        .expect("writes");
        csharp.push(file);
    }
    run(Command::new("javac")
        .args(["-Xlint:all", "-Werror", "-d"])
        .arg(dir.join("java-out"))
        .args(&java));
    run(kotlinc_1_3(&dir.join("out-1.3")).args(&kotlin));
    run(kotlinc_2(&dir.join("out-2")).args(&kotlin));
    run(Command::new("mcs")
        .args(["-warnaserror", "-target:library"])
        .arg(format!("-out:{}", dir.join("nasty.dll").display()))
        .args(&csharp));
}
