closecodes::close_codes! {
    pub enum Codes = r#"
[table]
repr = "u128"
"#;
}

fn main() {}
