/// Range mistakes in `#[codes]`.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(repr = "u8")]
enum Level {
    /// Low levels.
    #[codes("0..=99")]
    Low(u8),
    /// Overlaps `Low`.
    #[codes("50..=150")]
    Middle(u8),
    /// Past the end of `u8`.
    #[codes("200..=300")]
    High(u8),
}

/// Malformed and inverted ranges.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(repr = "u8")]
enum Broken {
    /// Exclusive range syntax.
    #[codes("1..10")]
    Exclusive(u8),
    /// Starts after it ends.
    #[codes("30..=20")]
    Inverted(u8),
}

fn main() {}
