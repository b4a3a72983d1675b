//! The spec model, TOML parser and checks behind `closecodes`; a plain library, no proc macro.
//!
//! Data flows one way: [`Source`] → [`parse()`] → [`Spec`] → [`check()`] → [`Table`]. Every
//! problem is an [`Error`] that knows its line and column and the rule it breaks ([`RULES`]); all
//! of them are reported at once.
//!
//! ```
//! use closecodes_spec::{NoFiles, Source, load};
//!
//! let source = Source::inline(r#"
//! extends = "websocket"
//!
//! [[code]]
//! code = 4001
//! name = "Unauthorized"
//! description = "The client did not prove who it is."
//! "#);
//! let table = load(&source, &mut NoFiles)?;
//! assert!(table.total);
//! assert!(table.codes.iter().any(|c| c.name == "Unauthorized" && c.value == 4001));
//! # Ok::<(), closecodes_spec::Errors>(())
//! ```

mod assemble;
pub mod breaking;
mod builtin;
mod check;
mod error;
mod model;
mod names;
mod parse;
mod resolve;
mod rules;
mod source;
pub mod targets;

pub use builtin::Builtin;
pub use error::{Error, Errors, MAX_ERRORS_PER_SOURCE};
pub use model::{
    BaseFile, CodeRange, CodeSpec, DocumentedCode, Flag, FlagSpec, Interval, Location, NamedCode,
    Own, PolicyPlace, PolicySpec, Property, PropertyKind, PropertySpec, PropertyValue, RangeSpec,
    RangeValues, Repr, Retired, RetiredSpec, Row, RowKind, SetValue, Setting, Spanned, Spec, Table,
    TableLocations, TableSpec,
};
pub use names::{
    KEYWORDS, Methods, RESERVED_METHODS, TRAIT_METHODS, Words, is_upper_camel_case,
    is_variant_name, snake_case,
};
pub use parse::{parse, parse_interval, parse_recoverable};
pub use resolve::{Loader, NoFiles, Sketch, check, check_derive, load, sketch};
pub use rules::{CheckRule, RULES, RuleInfo};
pub use source::{MAX_SPEC_BYTES, Origin, ReadError, Source, escaped, needs_escape, read_regular};

#[cfg(test)]
mod tests;
