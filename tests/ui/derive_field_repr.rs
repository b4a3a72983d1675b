/// A table of its own, without `repr`: the fields must be the default `u16`.
#[derive(Clone, Copy, closecodes::CloseCodes)]
enum Defaulted {
    /// Low codes.
    #[codes("0..=9")]
    Low(u32),
}

/// A base file's repr (`u16`, from `websocket`) binds the fields too.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "derive_base.toml")]
enum FromFile {
    /// Any other private code.
    #[codes("4100..=4199")]
    Other(u8),
}

fn main() {}
