//! Evaluator tools: the targets-versus-actuals table over all periods
//! (`compare`), the trace of one figure back to its ledger rows
//! (`explain`), data-quality findings (`check --quality`) and spreadsheet
//! import.
//!
//! Evaluators must trust every number, so nothing here computes a figure a
//! second way: the models are read off [`crate::compute::Computed`] and
//! the ledger's trail, and the renderers format them.

pub mod command;
pub mod compare;
pub mod explain;
