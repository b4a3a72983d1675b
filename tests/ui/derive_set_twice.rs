#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
enum Chat {
    /// A flag set twice in one `#[set]`, and again in a second one: the first would win silently.
    #[code(4001)]
    #[set(browser_closable = false, browser_closable = true)]
    #[set(browser_closable = true)]
    Unauthorized,
    /// Two `#[flags]`: the second would replace the first silently.
    #[code(4002)]
    #[flags(browser_closable)]
    #[flags()]
    Forbidden,
    /// Every other code.
    #[codes("4000", "4003..=4999")]
    Other(u16),
}

fn main() {
    let _ = Chat::Unauthorized.is_browser_closable();
}
