closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websockets"
"#;
}

fn main() {}
