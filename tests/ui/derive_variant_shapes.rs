/// Every way a variant can be written wrong, reported together.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
enum AppCode {
    /// No code attribute at all.
    Forgotten,
    /// A code on a variant with a field.
    #[code(4001)]
    Tuple(u16),
    /// Codes on a unit variant.
    #[codes("4100..=4199")]
    Unit,
    /// The field is not the table's repr.
    #[codes("4200..=4299")]
    WrongType(u32),
    #[code(4002)]
    Undocumented,
}

fn main() {}
