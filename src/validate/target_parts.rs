//! A target's parts by category weighed against each other and against the
//! target: the shares of one dimension add up to at most 100 %, and its
//! values to at most the target (a category left out, such as `other`,
//! takes the rest). Names and figures were checked while loading.

use rust_decimal::Decimal;

use crate::diag::Diagnostic;
use crate::model::{Framework, PartKind, Target};
use crate::source::Sources;

pub fn check(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in &fw.indicators {
        for t in ind.targets.iter().chain(&ind.end_target) {
            for (dim, kind) in dimensions(t) {
                let parts: Vec<_> = t
                    .parts
                    .iter()
                    .filter(|p| p.dimension == dim && p.kind == kind)
                    .collect();
                let sum: Decimal = parts.iter().map(|p| p.value).sum();
                let name = &fw.disaggregations[dim].name;
                let listed = parts
                    .iter()
                    .map(|p| format!("{} {}", fw.disaggregations[dim].values[p.category], p.value))
                    .collect::<Vec<_>>()
                    .join(" + ");
                let last = parts.last().map_or(t.span, |p| p.span);
                match kind {
                    PartKind::Share if sum > Decimal::ONE_HUNDRED => out.push(
                        Diagnostic::error(format!(
                            "indicator {}: the target's shares by {name} add up to {sum} %",
                            ind.id
                        ))
                        .at(last)
                        .expected("shares of one dimension that add up to at most 100 %")
                        .found(format!("{listed} = {sum} %"))
                        .hint("each share is a minimum percent of the total; lower one of them"),
                    ),
                    PartKind::Value if sum > t.value => out.push(
                        Diagnostic::error(format!(
                            "indicator {}: the target's parts by {name} add up to {sum}, more than the target {}",
                            ind.id, t.value
                        ))
                        .at(last)
                        .expected(format!("parts that add up to at most {}", t.value))
                        .found(format!("{listed} = {sum}"))
                        .hint("the parts are within the target: raise the target or lower a part"),
                    ),
                    _ => {}
                }
            }
        }
    }
    out
}

/// Each (dimension, kind) a target's parts use, in the order first written.
fn dimensions(t: &Target) -> Vec<(usize, PartKind)> {
    let mut out = Vec::new();
    for p in &t.parts {
        if !out.contains(&(p.dimension, p.kind)) {
            out.push((p.dimension, p.kind));
        }
    }
    out
}
