closecodes::close_codes! {
    pub enum AppCode "codes.toml";
}

fn main() {}
