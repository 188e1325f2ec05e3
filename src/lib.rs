//! logframe: results monitoring and indicator reporting for logical
//! frameworks.
//!
//! The pipeline is `load -> validate -> compute -> render`; each arrow is a
//! plain function and only `load`, `ledger` and the CLI touch the disk.

pub mod app;
pub mod cli;
pub mod compute;
pub mod diag;
pub mod format;
pub mod ledger;
pub mod load;
pub mod model;
pub mod render;
pub mod source;
pub mod validate;
pub mod workspace;
