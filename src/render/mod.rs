//! Renderers: each output format is a function of a computed value.

pub mod chart;
pub mod funding;
pub mod compare;
pub mod explain;
pub mod history;
pub mod markdown;
pub mod status;
pub mod xlsx;
