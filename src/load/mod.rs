//! Reading logframes from disk into the model, spans kept.

mod beside;
pub mod countries;
pub mod currencies;
pub mod framework;
pub mod funding;
pub mod raw;
pub mod risks;
pub mod standards;
pub mod workplan;

pub use framework::load_framework;

// The text reader moved below load (ledger uses it too); load keeps its name for it.
pub(crate) use crate::text_file as text;
