closecodes::close_codes! {
    pub enum AppCode from "no_such_spec.toml";
}

fn main() {}
