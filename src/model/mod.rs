//! The domain model: what a logframe is once loaded and checked.
//!
//! These types hold parsed, typed values (dates, periods, decimals, enums)
//! with the span each came from. They are built by `load` and never touch
//! the disk themselves.

pub mod country_names;
pub mod framework;
pub mod funding;
pub mod number;
pub mod period;
pub mod risks;
pub mod text;
pub mod value;
pub mod workplan;

pub use framework::*;
pub use period::{FiscalYearStart, Frequency, Period, PeriodKind};
pub use value::Value;
