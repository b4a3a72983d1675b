//! The one spelling of the `closecodes render` command that regenerates a file: the stale-file
//! message prints it, and a generated file's header can name it (through
//! `closecodes_codegen::render::Options`), so that both say the same command.

use std::path::Path;

use closecodes_codegen::render::Format;

/// How a `closecodes render` run was asked, as far as the file it writes depends on it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Render<'a> {
    /// `--to`.
    pub(crate) to: Format,
    /// The spec path, as given.
    pub(crate) spec: &'a Path,
    /// `--name`, if given.
    pub(crate) name: Option<&'a str>,
    /// `--package`, if given.
    pub(crate) package: Option<&'a str>,
    /// `--namespace`, if given (C#'s spelling of `--package`).
    pub(crate) namespace: Option<&'a str>,
}

impl Render<'_> {
    /// `closecodes render --to X [--name N] [--package P | --namespace NS] SPEC -o FILE`, each
    /// argument as given and quoted for a POSIX shell where it needs to be, so that the line can be
    /// pasted as it is. FILE is the file written (`-o`) or compared (`--check`), so that both
    /// spell the same command; without one (standard output), no `-o`.
    pub(crate) fn command(&self, output: Option<&Path>) -> String {
        let mut words = vec![
            "closecodes".to_owned(),
            "render".to_owned(),
            "--to".to_owned(),
            self.to.name().to_owned(),
        ];
        let options = [
            ("--name", self.name),
            ("--package", self.package),
            ("--namespace", self.namespace),
        ];
        for (option, value) in options {
            match value {
                // A value that reads as an option is joined to its option.
                Some(value) if value.starts_with('-') => {
                    words.push(quoted(&format!("{option}={value}")));
                }
                Some(value) => {
                    words.push(option.to_owned());
                    words.push(quoted(value));
                }
                None => {}
            }
        }
        words.push(quoted(&path_word(self.spec)));
        if let Some(output) = output {
            words.push("-o".to_owned());
            words.push(quoted(&path_word(output)));
        }
        words.join(" ")
    }
}

/// A path as an argument: one that starts with `-` (which would read as an option) from `./`.
fn path_word(path: &Path) -> String {
    let text = path.to_string_lossy();
    if text.starts_with('-') {
        format!("./{text}")
    } else {
        text.into_owned()
    }
}

/// `word` as a POSIX shell reads it back: as it is when it holds only characters no shell treats
/// specially, else in single quotes.
fn quoted(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:=@%+,-".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_names_every_option_given_and_quotes_what_a_shell_would_split() {
        let render = Render {
            to: Format::Go,
            spec: Path::new("codes/chat.toml"),
            name: None,
            package: Some("chat"),
            namespace: None,
        };
        assert_eq!(
            render.command(Some(Path::new("gen/chat.go"))),
            "closecodes render --to go --package chat codes/chat.toml -o gen/chat.go"
        );
        assert_eq!(
            render.command(None),
            "closecodes render --to go --package chat codes/chat.toml"
        );
        let render = Render {
            to: Format::CSharp,
            spec: Path::new("my codes/it's.toml"),
            name: Some("-Chat"),
            package: None,
            namespace: Some("Acme.Chat"),
        };
        assert_eq!(
            render.command(Some(Path::new("-out.cs"))),
            r"closecodes render --to csharp --name=-Chat --namespace Acme.Chat 'my codes/it'\''s.toml' -o ./-out.cs"
        );
    }
}
