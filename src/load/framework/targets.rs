//! Targets and the figures they hold: each target's period (or `end`),
//! no period twice, sorted by period end; baseline and target figures typed
//! by the indicator.

use rust_decimal::Decimal;

use super::Lower;
use crate::diag::Diagnostic;
use crate::load::raw::*;
use crate::model::period::PERIOD_FORMS;
use crate::model::*;

impl Lower<'_> {
    /// The indicator's period targets, sorted, and its life-of-project target.
    pub(super) fn targets(
        &mut self,
        r: &RawIndicator,
        id: &str,
        kind: IndicatorType,
        dims: &[usize],
        fw: &Framework,
    ) -> (Vec<Target>, Option<Target>) {
        let mut targets = Vec::new();
        let mut end_target = None;
        for t in r.targets.iter().flatten() {
            let tv = t.value();
            let ptext = tv.period.value().0.trim();
            let period = if ptext == "end" {
                Some(TargetPeriod::End)
            } else {
                match fw.parse_period(ptext) {
                    Ok(p) => Some(TargetPeriod::Period(p)),
                    Err(e) => {
                        self.err(
                            &tv.period,
                            Diagnostic::error(format!("target period: {}", e.message))
                                .expected(format!("{PERIOD_FORMS}, or `end` for the life of the project"))
                                .found(format!("`{ptext}`"))
                                .hint(e.hint),
                        );
                        None
                    }
                }
            };
            let value = self.figure(&tv.value, kind, "target");
            let parts = self.target_parts(tv, id, kind, dims, fw);
            let (Some(period), Some(value)) = (period, value) else {
                continue;
            };
            let target = Target {
                period,
                value,
                parts,
                span: self.span(&tv.period),
            };
            match period {
                TargetPeriod::End if end_target.is_some() => self.err(
                    &tv.period,
                    Diagnostic::error(format!("indicator {id} has two `end` targets"))
                        .hint("keep one life-of-project target"),
                ),
                TargetPeriod::End => end_target = Some(target),
                TargetPeriod::Period(p) => {
                    if targets.iter().any(|x: &Target| x.period == TargetPeriod::Period(p)) {
                        self.err(
                            &tv.period,
                            Diagnostic::error(format!("indicator {id} has two targets for {p}"))
                                .hint("keep one target per period"),
                        );
                    } else {
                        targets.push(target);
                    }
                }
            }
        }
        targets.sort_by_key(|t| match t.period {
            TargetPeriod::Period(p) => (p.end, p.start),
            TargetPeriod::End => (fw.project.end, fw.project.end),
        });
        (targets, end_target)
    }

    /// A baseline or target figure, typed by the indicator.
    pub(super) fn figure(&mut self, loc: &Loc<FigureText>, kind: IndicatorType, what: &str) -> Option<Decimal> {
        let text = loc.value().0.trim();
        if kind == IndicatorType::Milestone {
            return match text {
                "yes" | "true" => Some(Decimal::ONE),
                "no" | "false" => Some(Decimal::ZERO),
                _ => {
                    self.err(
                        loc,
                        Diagnostic::error(format!("a milestone {what} is yes or no"))
                            .expected("yes or no")
                            .found(format!("`{text}`"))
                            .hint("a milestone target `{period: 2023-06-30, value: yes}` means done by that date"),
                    );
                    None
                }
            };
        }
        let d = self.decimal_text(loc, text, what)?;
        match kind {
            IndicatorType::Count if d.is_sign_negative() || !d.fract().is_zero() => {
                self.err(
                    loc,
                    Diagnostic::error(format!("a count {what} must be a whole number of at least 0"))
                        .expected("0, 1, 2, ...")
                        .found(format!("`{text}`"))
                        .hint("use type: number for figures that are not counts"),
                );
                None
            }
            IndicatorType::Percentage if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED => {
                self.err(
                    loc,
                    Diagnostic::error(format!("a percentage {what} must lie between 0 and 100"))
                        .expected("a percent figure, e.g. 60 for 60 %")
                        .found(format!("`{text}`"))
                        .hint("percentage baselines and targets are written in percent, not as fractions"),
                );
                None
            }
            _ => Some(d),
        }
    }
}
