/// The spec rules, reported on the variants that break them.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
enum AppCode {
    /// In the IANA range, which does not accept new codes.
    #[code(3999)]
    NotPrivate,
    /// The first 4001.
    #[code(4001)]
    First,
    /// The same number again.
    #[code(4001)]
    Second,
    /// A base variant's name.
    #[code(4002)]
    Normal,
    /// Not UpperCamelCase.
    #[code(4003)]
    #[allow(non_camel_case_types)]
    rate_limited,
}

fn main() {}
