// The spec has one mistake (a flag name misspelled); the server below uses every item of the
// generated API, and the stand-in emitted beside the error gives each of them: only the spec's
// error is reported.
use std::collections::{BTreeSet, HashSet};
use std::num::NonZeroU16;

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

closecodes::close_codes! {
    /// Close codes of the chat server.
    #[close_codes(convert = "crate::Wire", try_convert = "std::num::NonZeroU16")]
    #[derive(Hash)]
    pub enum ChatCode = r#"
extends = "websocket"

[[flag]]
name = "reconnectable"
description = "The client may reconnect after this close."

[[range]]
name = "Retry"
codes = "4100..=4199"
description = "The server is busy; the client tries again later."
flags = ["reconnectable"]

[[code]]
code = 4001
name = "Unauthorized"
reason = "Unauthorized"
description = "The client did not log in."
aliases = ["NotLoggedIn"]

[[code]]
code = 4002
name = "Overloaded"
description = "Too many clients."
flags = ["reconectable"]
"#;
}

mod server {
    use super::*;

    /// What the server answers to a Close frame's code read from the wire.
    pub fn on_close(raw: u16) -> Result<ChatCode, closecodes::CodeError<u16>> {
        let code = ChatCode::from_wire(raw)?;
        if code.is_reconnectable() && code.is_browser_closable() {
            println!("{code} may reconnect");
        }
        Ok(code.canonical())
    }

    /// Every accessor of a code.
    pub fn describe(code: ChatCode) -> String {
        let number: u16 = code.as_u16();
        let reason: Option<&'static str> = code.reason();
        let description: &'static str = code.description();
        let sendable: bool = code.is_sendable();
        let range: Option<&'static str> = code.range();
        let flags: u64 = code.flags();
        format!("{number} {reason:?} {description} {sendable} {range:?} {flags:#b} {code:?}")
    }

    /// Conversions: from numbers and text, to and from the standard table and the user's types.
    pub fn conversions() -> Result<(), Box<dyn std::error::Error>> {
        let code: ChatCode = ChatCode::from_u16(4001);
        let from: ChatCode = ChatCode::from(1000_u16);
        let into: ChatCode = 4500_u16.into();
        let number: u16 = u16::from(code);
        let parsed: ChatCode = "Unauthorized".parse()?;
        let standard: CloseCode = CloseCode::from(code);
        let back: ChatCode = ChatCode::from(standard);
        let wire: Wire = Wire::from(code);
        let from_wire: ChatCode = ChatCode::from(wire);
        let non_zero: NonZeroU16 = NonZeroU16::try_from(code)?;
        let from_non_zero: ChatCode = ChatCode::from(non_zero);
        println!("{from} {into} {number} {parsed} {back} {from_wire} {from_non_zero}");
        Ok(())
    }

    /// The variants, the range constructors, `ALL` and the former name.
    pub fn variants() -> Vec<ChatCode> {
        let mut all = ChatCode::ALL.to_vec();
        all.extend([
            ChatCode::Normal,
            ChatCode::Unauthorized,
            ChatCode::Overloaded,
            ChatCode::Library(4500),
            ChatCode::Retry(4100),
            ChatCode::library(4500),
            ChatCode::retry(4101),
        ]);
        all.extend(ChatCode::try_library(4501));
        all.extend(ChatCode::try_retry(4102));
        #[allow(deprecated)]
        all.push(ChatCode::NotLoggedIn);
        all
    }

    /// Comparisons and hashing, by code.
    pub fn sets(codes: &[ChatCode]) -> bool {
        let ordered: BTreeSet<ChatCode> = codes.iter().copied().collect();
        let hashed: HashSet<ChatCode> = codes.iter().copied().collect();
        let first = codes.first().copied().map(|c| c.clone());
        ordered.len() == hashed.len() && first < Some(ChatCode::Normal) && first != None
    }

    /// The runtime's trait, for code generic over tables.
    pub fn table<T: CodeTable<Repr = u16>>(raw: u16) -> Option<T> {
        let entries: &[closecodes::Entry<u16>] = T::ENTRIES;
        let _ = (T::NAME, T::ALL, T::TOTAL, T::FLAGS, entries);
        let code = T::try_from_code(raw).ok()?;
        let _ = (code.code(), code.reason(), code.description(), code.is_sendable());
        let _ = (code.flags(), code.flag("reconnectable"), T::from_wire(raw), T::parse_code("1000"));
        Some(code)
    }
}

fn main() {
    let codes = server::variants();
    let _ = (server::sets(&codes), server::conversions(), server::on_close(4001));
    let _ = server::table::<ChatCode>(4001).map(server::describe);
}
