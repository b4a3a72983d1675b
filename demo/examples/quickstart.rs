//! The quick-start demo: the standard table, an application's own codes from a spec file, and a
//! real WebSocket close handshake on 127.0.0.1 that carries them.

use closecodes::{CloseCode, CodeTable, EntryKind};

closecodes::close_codes! {
    /// Close codes of the chat application: the WebSocket registry plus three private codes (the
    /// README's example table).
    pub enum ChatCode from "../tests/codes/chat.toml";
}

fn print_table<T: CodeTable>() {
    println!("{}:", T::NAME);
    println!(
        "  {:<12} {:<16} {:<28} sendable",
        "code", "variant", "reason"
    );
    let entries = T::ENTRIES;
    for (i, entry) in entries.iter().enumerate() {
        // A one-code interval that is also documented (1004) is printed once, with its reason.
        let documented_next = entries
            .get(i + 1)
            .is_some_and(|next| next.kind == EntryKind::Documented && next.start == entry.start);
        if entry.kind == EntryKind::Range && entry.start == entry.end && documented_next {
            continue;
        }
        let codes = if entry.start == entry.end {
            entry.start.to_string()
        } else {
            format!("{}..={}", entry.start, entry.end)
        };
        let variant = match entry.kind {
            EntryKind::Code => entry.variant.to_owned(),
            EntryKind::Range => format!("{}(_)", entry.variant),
            EntryKind::Documented => format!("{}({})", entry.variant, entry.start),
        };
        println!(
            "  {codes:<12} {variant:<16} {:<28} {}",
            entry.reason.unwrap_or("-"),
            if entry.sendable { "yes" } else { "no" }
        );
    }
    println!();
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    print_table::<CloseCode>();
    print_table::<ChatCode>();

    println!("WebSocket on 127.0.0.1: the server closes, the client decodes the close frame");
    for sent in [
        ChatCode::Unauthorized,
        ChatCode::RateLimited,
        ChatCode::SessionExpired,
    ] {
        let (code, reason) =
            closecodes_demo::exchange(sent.as_u16(), sent.reason().unwrap_or(""))??;
        let received = ChatCode::from_wire(code)?;
        println!(
            "  client got {code} {:?}: variant {received:?}, action {}, {}",
            reason,
            received.action(),
            received.description()
        );
        assert_eq!(received, sent);
    }
    match ChatCode::from_wire(1006) {
        Ok(code) => println!("accepted {code}"),
        Err(err) => println!("a frame carrying 1006 is rejected: {err}"),
    }
    Ok(())
}
