closecodes::close_codes! {
    pub enum Codes = r#"
extends = "/etc/closecodes/base.toml"
"#;
}

fn main() {}
