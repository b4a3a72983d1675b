closecodes::close_codes! {
    /// Conversion options take a type; the spec holds every other setting.
    #[close_codes(convert = "not a type", repr = "u8")]
    pub enum Codes = "extends = \"websocket\"";
}

fn main() {}
