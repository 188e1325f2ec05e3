//! Renderers: each output format is a function of a computed value.
//! Markdown (with its SVG charts), PDF, xlsx and the terminal views are
//! peers here; the charts are described once (`chart::model`) and drawn
//! by the SVG and the PDF renderer alike.

pub(crate) mod chart;
pub mod compare;
pub mod explain;
pub mod files;
pub mod funding;
pub mod history;
pub mod markdown;
pub mod pdf;
pub mod portfolio;
pub mod quality;
pub mod status;
pub mod xlsx;
