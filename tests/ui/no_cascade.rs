closecodes::close_codes! {
    pub enum Status = r#"
[[code]]
code = 1
name = "bad_name"
description = "The only real error."
"#;
}

fn uses(status: Status) -> Status {
    status
}

const _: Option<Status> = None;

fn main() {}
