//! Evaluator models: the targets-versus-actuals table over all periods
//! (`compare`), the trace of one figure back to its ledger rows
//! (`explain`), and the values due from an enterer in a period (`due`,
//! for the entry workbook and the web entry form); their commands are in
//! `cli/`.
//!
//! Evaluators must trust every number, so nothing here computes a figure a
//! second way: the models are read off [`crate::compute::Computed`] and
//! the ledger's trail, and the renderers format them.

pub mod compare;
pub mod due;
pub mod evaluation;
pub mod explain;
