/// The accessors take `self` by value, so the enum must be `Copy`.
#[derive(closecodes::CloseCodes)]
#[close_codes(repr = "u8")]
enum NotCopy {
    /// A code.
    #[code(1)]
    One,
}

fn main() {}
