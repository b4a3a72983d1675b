//! The build-script form: `codes/chat.toml` rendered to Rust in `OUT_DIR`, included by
//! `src/lib.rs` as `built::ChatCode`, next to the macro's `ChatCode` of the same spec (and the
//! same for `codes/large_chat.toml`).

fn main() {
    // A small table, formatted by prettyplease alone, and one in lookup form (415 codes), whose
    // long lists are printed without going through syn.
    for (spec, name, file) in [
        ("codes/chat.toml", "ChatCode", "chat_code.rs"),
        ("codes/large_chat.toml", "LargeChat", "large_chat.rs"),
        // Spec text that tries to break out of every output: the rendered Rust must compile,
        // with no doctest and no bare CR or bidirectional control in a comment.
        ("codes/nasty.toml", "NastyCode", "nasty_code.rs"),
        // Six-digit numbers and values and no reasons, under the crate's pedantic clippy.
        ("codes/wide.toml", "WideCode", "wide_code.rs"),
    ] {
        if let Err(error) = closecodes_codegen::build::Build::new(spec)
            .name(name)
            .generate(file)
        {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
