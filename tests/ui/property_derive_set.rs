#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
enum Chat {
    /// A flag set to a string, and a name that is neither a flag nor a property.
    #[code(4001)]
    #[set(browser_closable = "no", colour = true)]
    Unauthorized,
    /// Every other code.
    #[codes("4000..=4999")]
    Other(u16),
}

fn main() {
    let _ = Chat::Unauthorized.is_browser_closable();
}
