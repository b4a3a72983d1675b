/// Flags a derived enum sets must be declared by its base.
#[derive(Clone, Copy, closecodes::CloseCodes)]
#[close_codes(extends = "websocket")]
enum AppCode {
    /// Sets a flag the base declares.
    #[code(4001)]
    #[flags(browser_closable)]
    Fine,
    /// Sets one it does not.
    #[code(4002)]
    #[flags(reconnectable)]
    Unknown,
}

fn main() {}
