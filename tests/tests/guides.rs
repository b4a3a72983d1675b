//! The language guides run as written: every client snippet of `docs/typescript.md`,
//! `docs/python.md`, `docs/go.md`, `docs/kotlin.md`, `docs/csharp.md` and `docs/java.md` is
//! extracted, the guide's own `closecodes render … -o FILE` commands render the example table
//! beside it, and the language's tools check (and, where they can, run) the result.
//!
//! A snippet is a fenced block whose info string names the file it becomes, relative to the
//! guide's project: ```` ```ts file=web/src/client.ts ````. A block ```` ```text output=FILE ````
//! is what running FILE prints. The README's spec block (```` ```toml file=codes/chat.toml ````)
//! is the example table, `tests/codes/chat.toml`, as it stands.
//!
//! Extraction and rendering need no toolchain and always run, so that a guide that lost its
//! snippets or names another table fails here. Checking the snippets needs `tsc` and Node (the
//! packages of `tests/wire`), a Python with `websockets`, `mypy` and `ruff`
//! (`CLOSECODES_PYTHON`), Go (`CLOSECODES_GO`) with the module proxy, `kotlinc` with Debian's
//! `OkHttp`, mono's `mcs`, and `javac` 17 with Spring's `spring-websocket` from Maven Central
//! (its jars in `CLOSECODES_SPRING_LIBS`), so those tests are ignored by `cargo test`;
//! `.ci/wire` runs them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, Options, render_with};

/// Each guide and the languages its snippets must include.
const GUIDES: &[(&str, &[&str])] = &[
    ("docs/typescript.md", &["ts", "js", "json"]),
    ("docs/python.md", &["python"]),
    ("docs/go.md", &["go"]),
    ("docs/kotlin.md", &["kotlin"]),
    ("docs/csharp.md", &["csharp"]),
    ("docs/java.md", &["java"]),
];

/// The one example table of the README and every guide.
const EXAMPLE_SPEC: &str = "codes/chat.toml";

/// `tests/`: the crate's directory, where `codes/chat.toml` lies.
fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn root() -> PathBuf {
    manifest_dir().join("..")
}

/// A fenced block of a Markdown page.
#[derive(Debug)]
struct Block {
    /// The first word of the info string: `ts`, `python`, `sh`, …
    language: String,
    /// The `key=value` words after it.
    attributes: BTreeMap<String, String>,
    text: String,
}

/// Every fenced block of `page` (fences of three backticks, at any indentation).
fn blocks(page: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut open: Option<Block> = None;
    for line in page.lines() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    let mut words = info.split_whitespace();
                    let language = words.next().unwrap_or_default().to_owned();
                    let attributes = words
                        .filter_map(|w| w.split_once('='))
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect();
                    open = Some(Block {
                        language,
                        attributes,
                        text: String::new(),
                    });
                }
            }
            Some(block) => {
                if trimmed == "```" {
                    found.extend(open.take());
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "a fenced block is never closed");
    found
}

/// A `closecodes render` command of a guide that writes a file (`-o`).
#[derive(Debug)]
struct Render {
    format: Format,
    spec: String,
    name: Option<String>,
    package: Option<String>,
    output: String,
}

/// The `closecodes render … -o FILE` lines of the guide's shell blocks.
fn renders(blocks: &[Block]) -> Vec<Render> {
    let mut found = Vec::new();
    for block in blocks.iter().filter(|b| b.language == "sh") {
        for line in block.text.lines() {
            let command = line.split(" #").next().unwrap_or_default();
            let Some(args) = command.trim().strip_prefix("closecodes render ") else {
                continue;
            };
            let mut words = args.split_whitespace();
            let (mut format, mut spec, mut name, mut package, mut output) =
                (None, None, None, None, None);
            while let Some(word) = words.next() {
                let mut value = || words.next().map(str::to_owned);
                match word {
                    "--to" => format = value().map(|f| f.parse::<Format>().expect("a format")),
                    "--name" => name = value(),
                    "--package" | "--namespace" => package = value(),
                    "-o" | "--output" => output = value(),
                    // A drift check writes nothing.
                    "--check" => drop(value()),
                    other if other.starts_with('-') => {
                        panic!("an option the test does not know: {line}")
                    }
                    other => spec = Some(other.to_owned()),
                }
            }
            if let Some(output) = output {
                found.push(Render {
                    format: format.unwrap_or_else(|| panic!("no --to: {line}")),
                    spec: spec.unwrap_or_else(|| panic!("no spec: {line}")),
                    name,
                    package,
                    output,
                });
            }
        }
    }
    found
}

/// A guide as a project: its rendered files and its snippets, written into a fresh directory.
struct Project {
    dir: PathBuf,
    /// Each snippet: its language and its path in `dir`.
    snippets: Vec<(String, PathBuf)>,
    /// What running a snippet prints, by its path in `dir`.
    outputs: BTreeMap<PathBuf, String>,
}

impl Project {
    /// The snippets of one language.
    fn files(&self, language: &str) -> Vec<PathBuf> {
        self.snippets
            .iter()
            .filter(|(l, _)| l == language)
            .map(|(_, p)| p.clone())
            .collect()
    }
}

/// The guide at `guide` (relative to the repository) extracted and rendered into a fresh
/// directory outside the checkout, one per test (`purpose`), so that tests never share one.
fn project(guide: &str, purpose: &str) -> Project {
    let page = std::fs::read_to_string(root().join(guide)).expect("the guide reads");
    let blocks = blocks(&page);
    let stem = Path::new(guide).file_stem().expect("a file name");
    let dir = std::env::temp_dir()
        .join(format!("closecodes-guides-{}", std::process::id()))
        .join(purpose)
        .join(stem);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("the old project is removable");
    }
    let write = |path: &str, text: &str| {
        assert!(
            !path.starts_with('/') && !path.contains(".."),
            "{guide}: `{path}` leaves the project"
        );
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a directory")).expect("writable");
        std::fs::write(&path, text).expect("writable");
        path
    };
    let commands = renders(&blocks);
    assert!(
        !commands.is_empty(),
        "{guide} has no `closecodes render … -o FILE` command"
    );
    for command in &commands {
        assert_eq!(
            command.spec, EXAMPLE_SPEC,
            "{guide} renders another table than the README's"
        );
        let source =
            closecodes_spec::Source::read_file(&command.spec, &manifest_dir().join(&command.spec))
                .expect("the spec reads");
        let table = closecodes_spec::load(&source, &mut Files).expect("the spec checks");
        let name = command
            .name
            .clone()
            .or_else(|| table.name.clone())
            .expect("the spec names its table");
        let file = Path::new(&command.spec)
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let options = Options {
            name: &name,
            source: &file,
            package: command.package.as_deref(),
            command: None,
        };
        let text = render_with(command.format, &table, &options)
            .unwrap_or_else(|e| panic!("{guide}: {command:?} does not render: {e}"));
        write(&command.output, &text);
    }
    let mut snippets = Vec::new();
    let mut outputs = BTreeMap::new();
    for block in &blocks {
        if let Some(path) = block.attributes.get("file") {
            snippets.push((block.language.clone(), write(path, &block.text)));
        }
        if let Some(path) = block.attributes.get("output") {
            outputs.insert(dir.join(path), block.text.clone());
        }
    }
    for path in outputs.keys() {
        assert!(
            snippets.iter().any(|(_, p)| p == path),
            "{guide}: an output block names {}, which no snippet writes",
            path.display()
        );
    }
    Project {
        dir,
        snippets,
        outputs,
    }
}

#[test]
fn every_guide_has_its_snippets_and_renders_the_example_table() {
    for (guide, languages) in GUIDES {
        let project = project(guide, "extract");
        for language in *languages {
            assert!(
                !project.files(language).is_empty(),
                "{guide} has no `{language} file=…` snippet"
            );
        }
        for (_, path) in &project.snippets {
            let text = std::fs::read_to_string(path).expect("written");
            assert!(
                !text.trim().is_empty(),
                "{}: an empty snippet",
                path.display()
            );
        }
    }
}

#[test]
fn the_readme_shows_the_example_table_as_it_is() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("reads");
    let shown: Vec<Block> = blocks(&readme)
        .into_iter()
        .filter(|b| b.attributes.get("file").map(String::as_str) == Some(EXAMPLE_SPEC))
        .collect();
    assert_eq!(shown.len(), 1, "the README shows `{EXAMPLE_SPEC}` once");
    let spec = std::fs::read_to_string(manifest_dir().join(EXAMPLE_SPEC)).expect("reads");
    // The fixture's first line points its editor at the schema; the rest is the README's.
    let spec: String = spec
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("#:schema"))
        .collect();
    assert_eq!(
        shown[0].text, spec,
        "the README's example differs from {EXAMPLE_SPEC}"
    );
}

#[test]
fn the_block_parser_reads_info_strings_and_commands() {
    let page = "text\n\n```sh\nclosecodes render --to go codes/chat.toml --package chat -o x/y.go   # a comment\nclosecodes render --to go codes/chat.toml --check x/y.go\n```\n\n  ```go file=x/main.go\n  package x\n  ```\n";
    let found = blocks(page);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].language, "go");
    assert_eq!(found[1].attributes["file"], "x/main.go");
    assert_eq!(found[1].text, "  package x\n");
    let commands = renders(&found);
    assert_eq!(
        commands.len(),
        1,
        "the --check line writes nothing: {commands:?}"
    );
    assert_eq!(commands[0].format, Format::Go);
    assert_eq!(commands[0].package.as_deref(), Some("chat"));
    assert_eq!(commands[0].output, "x/y.go");
}

fn run(command: &mut Command) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?} does not start: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn tool(variable: &str) -> PathBuf {
    let Some(path) = std::env::var_os(variable) else {
        panic!("`{variable}` is not set: run `.ci/wire`, which installs the clients' toolchains")
    };
    PathBuf::from(path)
}

/// Every file under `dir` whose name ends with `suffix`.
fn files_under(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("reads") {
        let path = entry.expect("reads").path();
        if path.is_dir() {
            found.extend(files_under(&path, suffix));
        } else if path.to_string_lossy().ends_with(suffix) {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Runs `node FILE` for every JavaScript snippet, comparing what it prints with its output
/// block when it has one.
fn run_node_snippets(project: &Project) {
    for file in project.files("js") {
        let output = run(Command::new("node")
            .arg(&file)
            .current_dir(file.parent().expect("a directory")));
        if let Some(expected) = project.outputs.get(&file) {
            assert_eq!(
                &String::from_utf8(output.stdout).expect("UTF-8"),
                expected,
                "{} printed other lines than the guide says",
                file.display()
            );
        }
    }
}

#[test]
#[ignore = "needs tests/wire/node_modules: run .ci/wire"]
fn the_typescript_guide_type_checks_and_runs() {
    let project = project("docs/typescript.md", "check");
    let tsc = manifest_dir().join("wire/node_modules/.bin/tsc");
    assert!(
        tsc.exists(),
        "tests/wire/node_modules is missing: run `.ci/wire`, which installs the Node packages"
    );
    let configs = project.files("json");
    for config in &configs {
        run(Command::new(&tsc).arg("-p").arg(config));
    }
    // What a config emitted runs in Node as it is: every module imports.
    let emitted: Vec<PathBuf> = configs
        .iter()
        .flat_map(|c| files_under(c.parent().expect("a directory"), ".js"))
        .filter(|p| p.components().any(|c| c.as_os_str() == "dist"))
        .collect();
    assert!(
        !emitted.is_empty(),
        "no tsconfig of the guide emitted JavaScript"
    );
    for module in emitted {
        let url = format!("file://{}", module.display());
        run(Command::new("node")
            .args(["--input-type=module", "-e"])
            .arg(format!("await import({url:?});")));
    }
    run_node_snippets(&project);
}

#[test]
#[ignore = "needs Python with websockets, mypy and ruff: run .ci/wire"]
fn the_python_guide_passes_mypy_strict_and_ruff_and_imports() {
    let project = project("docs/python.md", "check");
    let python = tool("CLOSECODES_PYTHON");
    let files = files_under(&project.dir, ".py");
    run(Command::new(&python)
        .args([
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
        ])
        .args(&files)
        .current_dir(&project.dir));
    run(Command::new(&python)
        .args(["-m", "ruff", "check", "--no-cache", "--isolated"])
        .args(&files)
        .current_dir(&project.dir));
    for file in project.files("python") {
        let module = file
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        run(Command::new(&python)
            .args(["-c", &format!("import {module}")])
            .current_dir(file.parent().expect("a directory")));
    }
}

/// The checksums of the modules the Go guide's `go.mod` requires.
const GO_SUM: &str =
    "github.com/gorilla/websocket v1.5.3 h1:saDtZ6Pbx/0u+bgYQ3q96pZgCzfhKXGPqt7kZ72aNNg=
github.com/gorilla/websocket v1.5.3/go.mod h1:YR8l580nyteQvAITg2hZ9XVh4b55+EU/adAjf1fMHhE=
";

#[test]
#[ignore = "needs Go and the Go module proxy: run .ci/wire"]
fn the_go_guide_passes_vet_and_gofmt() {
    let project = project("docs/go.md", "check");
    assert!(
        project.dir.join("go.mod").exists(),
        "the Go guide shows its go.mod"
    );
    std::fs::write(project.dir.join("go.sum"), GO_SUM).expect("writes");
    let go = tool("CLOSECODES_GO");
    let command = |args: &[&str]| {
        let mut command = Command::new(&go);
        command
            .args(args)
            .current_dir(&project.dir)
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "-mod=readonly")
            .env("GOCACHE", std::env::temp_dir().join("closecodes-gocache"))
            .env("GOPATH", std::env::temp_dir().join("closecodes-gopath"));
        command
    };
    run(&mut command(&["vet", "./..."]));
    let goroot = run(&mut command(&["env", "GOROOT"]));
    let gofmt = PathBuf::from(String::from_utf8_lossy(&goroot.stdout).trim()).join("bin/gofmt");
    let listed = run(Command::new(gofmt).arg("-l").arg(&project.dir));
    assert!(
        listed.stdout.is_empty(),
        "gofmt would change: {}",
        String::from_utf8_lossy(&listed.stdout)
    );
}

#[test]
#[ignore = "needs kotlinc and Debian's libokhttp-java: run .ci/wire"]
fn the_kotlin_guide_compiles_with_warnings_as_errors() {
    let project = project("docs/kotlin.md", "check");
    run(Command::new("kotlinc")
        .args([
            "-Werror",
            "-cp",
            "/usr/share/java/okhttp.jar:/usr/share/java/okio.jar",
            "-d",
        ])
        .arg(project.dir.join("out"))
        .args(files_under(&project.dir, ".kt")));
}

#[test]
#[ignore = "needs mono's mcs: run .ci/wire"]
fn the_csharp_guide_compiles_with_warnings_as_errors() {
    let project = project("docs/csharp.md", "check");
    run(Command::new("mcs")
        .args(["-warnaserror", "-target:library"])
        .arg(format!("-out:{}", project.dir.join("chat.dll").display()))
        .args(files_under(&project.dir, ".cs")));
}

/// The jars in `dir` (`.ci/wire` copies them there from Maven Central with `mvn`).
fn jars(dir: &Path) -> Vec<PathBuf> {
    let jars = files_under(dir, ".jar");
    assert!(
        !jars.is_empty(),
        "no jars in `{}`: run `.ci/wire`",
        dir.display()
    );
    jars
}

/// The class a Java snippet declares: its package's name and its file's.
fn java_class(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("written");
    let stem = file.file_stem().expect("a name").to_string_lossy();
    text.lines()
        .find_map(|line| line.strip_prefix("package ")?.strip_suffix(';'))
        .map_or_else(|| stem.to_string(), |package| format!("{package}.{stem}"))
}

#[test]
#[ignore = "needs javac 17 and Spring's spring-websocket from Maven Central: run .ci/wire"]
fn the_java_guide_compiles_with_xlint_all_werror_and_runs() {
    let project = project("docs/java.md", "check");
    let libs = jars(&tool("CLOSECODES_SPRING_LIBS"));
    let out = project.dir.join("out");
    let classpath = |first: Option<&Path>| {
        first
            .into_iter()
            .map(Path::to_path_buf)
            .chain(libs.iter().cloned())
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(":")
    };
    run(Command::new("javac")
        .args(["-Xlint:all", "-Werror", "-cp"])
        .arg(classpath(None))
        .arg("-d")
        .arg(&out)
        .args(files_under(&project.dir, ".java")));
    // Every snippet with an output block runs and prints it.
    let mut ran = 0;
    for file in project.files("java") {
        let Some(expected) = project.outputs.get(&file) else {
            continue;
        };
        let output = run(Command::new("java")
            .arg("-cp")
            .arg(classpath(Some(&out)))
            .arg(java_class(&file)));
        assert_eq!(
            &String::from_utf8(output.stdout).expect("UTF-8"),
            expected,
            "{} printed other lines than the guide says",
            file.display()
        );
        ran += 1;
    }
    assert!(ran > 0, "docs/java.md shows no output of a snippet");
}
