//! The quick-start demo: the standard WebSocket table, and an application's own codes on top.

use closecodes::{CloseCode, CodeTable, EntryKind};

closecodes::close_codes! {
    /// Close codes of a chat application: the WebSocket registry plus three private codes.
    pub enum ChatCode = r#"
        extends = "websocket"

        [[code]]
        code = 4001
        name = "Unauthorized"
        reason = "Unauthorized"
        description = "The client did not present a valid session token."

        [[code]]
        code = 4008
        name = "RateLimited"
        reason = "Rate Limited"
        description = "The client sent messages faster than its quota allows."

        [[code]]
        code = 4010
        name = "SessionExpired"
        reason = "Session Expired"
        description = "The session ended; the client must log in again."
    "#;
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

fn main() {
    print_table::<CloseCode>();
    print_table::<ChatCode>();

    let received = ChatCode::from_u16(4008);
    println!("received {received}: {}", received.description());
    println!(
        "as the standard table sees it: {:?}",
        CloseCode::from(received)
    );
    match ChatCode::from_wire(1006) {
        Ok(code) => println!("accepted {code}"),
        Err(err) => println!("rejected from the wire: {err}"),
    }
}
