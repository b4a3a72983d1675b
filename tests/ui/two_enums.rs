closecodes::close_codes! {
    pub enum A = "";
    pub enum B = "";
}

fn main() {}
