closecodes::close_codes! {
    pub enum Codes = r#"
extends = "no_such_base.toml"
"#;
}

fn main() {}
