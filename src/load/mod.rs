//! Reading logframes from disk into the model, spans kept.

pub mod countries;
pub mod currencies;
pub mod framework;
pub mod funding;
pub mod raw;
pub mod text;

pub use framework::load_framework;
