//! The model: the spec as written (with byte spans), the checked table that code is generated
//! from, and the rows every output lists.

mod rows;
mod table;
mod written;

pub use rows::{Row, RowKind};
pub(crate) use table::IntervalIndex;
pub use table::{
    BaseFile, CodeRange, DocumentedCode, Flag, Interval, Location, NamedCode, Own, PolicyPlace,
    Property, PropertyKind, PropertyValue, RangeValues, Repr, Retired, Table, TableLocations,
};
pub use written::{
    CodeSpec, FlagSpec, PolicySpec, PropertySpec, RangeSpec, RetiredSpec, SetValue, Setting,
    Spanned, Spec, TableSpec,
};
