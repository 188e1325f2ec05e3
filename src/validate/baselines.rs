//! Level indicators measure progress from their baseline; without one the
//! engine measures from zero and says so.

use crate::diag::Diagnostic;
use crate::model::{Framework, IndicatorType};
use crate::source::Sources;

pub fn check(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    fw.indicators
        .iter()
        .filter(|i| !i.cumulative && !i.has_baseline())
        .filter(|i| matches!(i.kind, IndicatorType::Number | IndicatorType::Percentage))
        .map(|i| {
            Diagnostic::warning(format!("indicator {} has no baseline", i.id))
                .at(i.span)
                .expected("a baseline for a level indicator (progress is measured from it)")
                .found("no `baseline:`")
                .hint("add `baseline: {value: ..., date: ...}`; until then progress is measured from 0")
        })
        .collect()
}
