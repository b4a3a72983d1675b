/// Unknown option and unknown built-in table.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extend = "websocket")]
enum Typo {
    /// A code.
    #[code(1)]
    One,
}

/// An unknown built-in table.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "websockets")]
enum UnknownBase {
    /// A code.
    #[code(4001)]
    One,
}

/// An unknown repr.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(repr = "u128")]
enum BadRepr {
    /// A code.
    #[code(1)]
    One,
}

fn main() {}
