closecodes::close_codes! {
    pub enum AppCode from codes;
}

fn main() {}
