//! Renderers: each output format is a function of a computed value.

pub mod history;
pub mod status;
