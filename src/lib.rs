//! logframe: results monitoring and indicator reporting for logical
//! frameworks.
//!
//! The pipeline is `load -> validate -> compute -> render`; each arrow is a
//! plain function and only `load`, `ledger` and the CLI touch the disk.

// Diagnostics are rich values (message, span, expected, found, hint) and
// travel only on the error path; boxing them would buy nothing measurable.
#![allow(clippy::result_large_err)]

pub mod app;
pub mod cli;
pub mod compute;
pub(crate) mod diag;
pub(crate) mod evaluate;
pub(crate) mod format;
pub mod iati;
pub(crate) mod ledger;
pub mod load;
pub mod locale;
pub mod model;
pub mod output;
pub(crate) mod parallel;
pub mod render;
pub mod report;
pub mod source;

pub(crate) mod text_file;
pub mod users;
pub(crate) mod validate;
pub mod web;
pub mod workspace;
