closecodes::close_codes! {
    pub struct AppCode from "codes.toml";
}

fn main() {}
