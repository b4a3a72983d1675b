closecodes::close_codes! {
    pub enum ChatCode = "codes/chat.toml";
}

fn main() {}
