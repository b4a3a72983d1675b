closecodes::close_codes! {
    /// The spec file has two problems; both are reported on the path.
    pub enum AppCode from "file_spec_errors.toml";
}

fn main() {}
