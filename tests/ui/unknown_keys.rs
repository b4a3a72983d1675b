closecodes::close_codes! {
    pub enum Codes = r#"
[table]
nmae = "Codes"

[[code]]
code = 1000
name = "Normal"
descripton = "A typo in a key."
colour = "red"
"#;
}

fn main() {}
