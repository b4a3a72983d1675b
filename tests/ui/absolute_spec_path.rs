closecodes::close_codes! {
    pub enum AppCode from "/etc/codes.toml";
}

fn main() {}
