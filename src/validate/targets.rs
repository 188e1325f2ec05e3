//! Targets: inside the project, on reporting-period boundaries, consistent
//! for running totals, within a qualitative scale.

use crate::diag::Diagnostic;
use crate::model::{Direction, Framework, IndicatorType, TargetPeriod};
use crate::source::Sources;

/// A dated target must overlap the project and end where a reporting period
/// (or the project) ends, so that it can be compared with reported values.
/// Milestones may fall due on any date within the project.
pub fn periods(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let span = fw.project.span();
    let reporting = fw.reporting_periods();
    let mut out = Vec::new();
    for ind in &fw.indicators {
        for t in &ind.targets {
            let TargetPeriod::Period(p) = t.period else { continue };
            if !span.overlaps(&p) {
                out.push(
                    Diagnostic::error(format!(
                        "indicator {}: target period {p} lies outside the project",
                        ind.id
                    ))
                    .at(t.span)
                    .expected(format!("a period within {} .. {}", fw.project.start, fw.project.end))
                    .found(format!("{p} ({} .. {})", p.start, p.end))
                    .hint("fix the period, or the project's start and end dates"),
                );
                continue;
            }
            if ind.kind == IndicatorType::Milestone {
                continue;
            }
            let on_boundary = p.end == fw.project.end || reporting.iter().any(|r| r.end == p.end);
            if !on_boundary {
                let suggestion = reporting.iter().find(|r| r.contains_date(p.end)).map(|r| r.to_string());
                out.push(
                    Diagnostic::error(format!(
                        "indicator {}: target period {p} ends on {}, which is not the end of a {} reporting period",
                        ind.id, p.end, fw.project.reporting_frequency
                    ))
                    .at(t.span)
                    .expected(format!(
                        "a period ending where a {} reporting period ends",
                        fw.project.reporting_frequency
                    ))
                    .found(p.to_string())
                    .hint(match suggestion {
                        Some(s) => format!("use the reporting period {s}, or a longer period ending with it"),
                        None => "use a reporting period".to_string(),
                    }),
                );
            }
        }
    }
    out
}

/// For a running total, a later target cannot be lower than an earlier one,
/// and the end-of-project target is the highest.
pub fn cumulative_order(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in fw
        .indicators
        .iter()
        .filter(|i| i.cumulative && i.direction == Direction::Increase)
    {
        for w in ind.targets.windows(2) {
            if w[1].value < w[0].value {
                out.push(
                    Diagnostic::warning(format!(
                        "indicator {}: cumulative target falls from {} to {}",
                        ind.id, w[0].value, w[1].value
                    ))
                    .at(w[1].span)
                    .expected(format!(
                        "at least {} (targets of a cumulative indicator are running totals)",
                        w[0].value
                    ))
                    .found(w[1].value.to_string())
                    .hint("write each target as the total expected since the project start"),
                );
            }
        }
        if let (Some(end), Some(last)) = (&ind.end_target, ind.targets.iter().max_by_key(|t| t.value))
            && end.value < last.value
        {
            out.push(
                Diagnostic::warning(format!(
                    "indicator {}: end-of-project target {} is lower than the target {} for {}",
                    ind.id,
                    end.value,
                    last.value,
                    match last.period {
                        TargetPeriod::Period(p) => p.to_string(),
                        TargetPeriod::End => "end".into(),
                    }
                ))
                .at(end.span)
                .expected(format!("an end target of at least {}", last.value))
                .found(end.value.to_string())
                .hint("targets of a cumulative indicator are running totals; raise the end target or lower the period target"),
            );
        }
    }
    out
}

pub fn within_scale(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in &fw.indicators {
        let Some(scale) = ind.scale else { continue };
        for t in ind.targets.iter().chain(&ind.end_target) {
            if t.value < scale.min || t.value > scale.max {
                out.push(
                    Diagnostic::error(format!("indicator {}: target {} is off its scale", ind.id, t.value))
                        .at(t.span)
                        .expected(format!("a score from {} to {}", scale.min, scale.max))
                        .found(t.value.to_string())
                        .hint("use a score on the declared scale"),
                );
            }
        }
    }
    out
}

pub fn missing(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    fw.indicators
        .iter()
        .filter(|i| i.declared_targets == 0)
        .filter(|i| !(i.kind == IndicatorType::Qualitative && i.scale.is_none()))
        .map(|i| {
            Diagnostic::warning(format!("indicator {} has no target", i.id))
                .at(i.span)
                .expected("at least an end-of-project target")
                .found("no `targets:`")
                .hint("add `targets: [{period: end, value: ...}]`; until then its status is `no target`")
        })
        .collect()
}

/// A level indicator's targets lie on the side of the baseline its
/// direction points to: an increase with a target below the baseline is a
/// slip (often a percentage written as a fraction, 0.7 for 70).
pub fn direction(fw: &Framework, _: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in fw
        .indicators
        .iter()
        .filter(|i| !i.cumulative && i.kind != IndicatorType::Milestone)
    {
        let Some(base) = &ind.baseline else { continue };
        for t in ind.targets.iter().chain(&ind.end_target) {
            let wrong = match ind.direction {
                Direction::Increase => t.value < base.value,
                Direction::Decrease => t.value > base.value,
            };
            if !wrong {
                continue;
            }
            let fraction = ind.kind == IndicatorType::Percentage && t.value <= rust_decimal::Decimal::ONE;
            let way = match ind.direction {
                Direction::Increase => "above",
                Direction::Decrease => "below",
            };
            out.push(
                Diagnostic::warning(format!(
                    "indicator {}: target {} is on the wrong side of the baseline {} for direction {}",
                    ind.id,
                    t.value,
                    base.value,
                    if ind.direction == Direction::Increase {
                        "increase"
                    } else {
                        "decrease"
                    }
                ))
                .at(t.span)
                .expected(format!("a target {way} the baseline {}", base.value))
                .found(t.value.to_string())
                .hint(if fraction {
                    format!(
                        "percentages are written in percent: {} is {} %",
                        t.value,
                        crate::model::value::percent(t.value, rust_decimal::Decimal::ONE)
                            .map(|p| p.to_string())
                            .unwrap_or_default()
                    )
                } else {
                    "fix the target, or the indicator's `direction:`".to_string()
                }),
            );
        }
    }
    out
}
