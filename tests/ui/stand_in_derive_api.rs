// A derived enum with one mistake (a code outside the base's assignable range); the client below
// uses every item the derive gives, and the stand-in impls emitted beside the error give each of
// them: only the enum's error is reported.
use closecodes::{CloseCode, CodeTable};

/// A type of the user's that the table converts into (`convert`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wire(u16);

impl From<u16> for Wire {
    fn from(value: u16) -> Self {
        Wire(value)
    }
}

impl From<Wire> for u16 {
    fn from(wire: Wire) -> Self {
        wire.0
    }
}

/// Close codes of the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, closecodes::CloseCodes)]
#[close_codes(extends = "websocket", convert = "crate::Wire")]
pub enum AppCode {
    /// The client did not log in.
    #[code(4001)]
    #[reason("Unauthorized")]
    Unauthorized,
    /// Meant for a private code, written as a registered one.
    #[code(3001)]
    Moved,
    /// Any other private code.
    #[codes("4000..=4999")]
    Other(u16),
}

mod client {
    use super::*;

    /// What the client does with a Close frame's code read from the wire.
    pub fn on_close(raw: u16) -> Result<AppCode, closecodes::CodeError<u16>> {
        let code = AppCode::from_wire(raw)?;
        if code.is_browser_closable() {
            println!("{code} is one a browser may send");
        }
        Ok(code.canonical())
    }

    /// Every accessor of a code.
    pub fn describe(code: AppCode) -> String {
        let number: u16 = code.as_u16();
        let reason: Option<&'static str> = code.reason();
        let description: &'static str = code.description();
        let sendable: bool = code.is_sendable();
        let range: Option<&'static str> = code.range();
        let flags: u64 = code.flags();
        format!("{number} {reason:?} {description} {sendable} {range:?} {flags:#b}")
    }

    /// Conversions: from numbers and text, to and from the standard table and the user's type.
    pub fn conversions() -> Result<(), Box<dyn std::error::Error>> {
        let code: Option<AppCode> = AppCode::from_u16(4001);
        let tried: AppCode = AppCode::try_from(4002_u16)?;
        let number: u16 = u16::from(tried);
        let parsed: AppCode = "4001".parse()?;
        let standard: CloseCode = CloseCode::from(parsed);
        let back: AppCode = AppCode::try_from(standard)?;
        let wire: Wire = Wire::from(back);
        let from_wire: AppCode = AppCode::try_from(wire)?;
        println!("{code:?} {number} {from_wire}");
        Ok(())
    }

    /// The variants, the range's constructors and `ALL`.
    pub fn variants() -> Vec<AppCode> {
        let mut all = AppCode::ALL.to_vec();
        all.extend([AppCode::Moved, AppCode::other(4500)]);
        all.extend(AppCode::try_other(4501));
        all
    }

    /// The runtime's trait, for code generic over tables.
    pub fn table<T: CodeTable<Repr = u16>>(raw: u16) -> Option<T> {
        let _ = (T::NAME, T::ALL, T::TOTAL, T::FLAGS, T::ENTRIES);
        T::try_from_code(raw).ok()
    }
}

fn main() {
    let _ = (client::variants(), client::conversions(), client::on_close(4001));
    let _ = client::table::<AppCode>(4001).map(client::describe);
}
