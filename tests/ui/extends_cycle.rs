closecodes::close_codes! {
    pub enum Codes = r#"
extends = "cycle_a.toml"
"#;
}

fn main() {}
