//! Renderers: each output format is a function of a computed value.

pub mod chart;
pub mod compare;
pub mod explain;
pub mod funding;
pub mod history;
pub mod markdown;
pub mod status;
pub mod xlsx;
