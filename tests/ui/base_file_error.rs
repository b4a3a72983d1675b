closecodes::close_codes! {
    pub enum AppCode = r#"
extends = "broken_base.toml"
"#;
}

fn main() {}
