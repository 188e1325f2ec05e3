//! Indicators and their figures: type, direction, cumulation, baseline,
//! targets by period, disaggregation, scale and PMF texts.

use super::Lower;
use crate::diag::{Diagnostic, did_you_mean};
use crate::load::raw::*;
use crate::model::*;

impl Lower<'_> {
    pub(super) fn indicator(&mut self, loc: &Loc<RawIndicator>, result: usize, fw: &Framework) -> Option<Indicator> {
        let r = loc.value();
        let lang = fw.project.language.clone();
        let kind = self.choice(&r.kind, "indicator type", &IndicatorType::NAMES, IndicatorType::parse);
        let direction = match &r.direction {
            Some(d) => self.choice(d, "direction", &["increase", "decrease"], |s| match s {
                "increase" => Some(Direction::Increase),
                "decrease" => Some(Direction::Decrease),
                _ => None,
            }),
            None => Some(Direction::Increase),
        };
        let kind = kind?;
        let cumulative = self.cumulative(r, kind);
        let aggregate = match &r.aggregate {
            Some(a) => self.choice(a, "aggregation", &Aggregate::NAMES, Aggregate::parse)?,
            None if cumulative => Aggregate::Sum,
            None => Aggregate::Last,
        };
        let id = r.id.value().0.trim().to_string();
        if aggregate == Aggregate::Pooled && kind != IndicatorType::Percentage {
            self.check_pooled(r, &id, kind);
        }
        if cumulative {
            self.check_cumulative(r, &id, kind, aggregate, direction);
        }
        let baseline = r.baseline.as_ref().and_then(|b| {
            let v = b.value();
            let value = self.figure(&v.value, kind, "baseline")?;
            let date = v.date.as_ref().and_then(|d| self.date(d));
            Some(Baseline {
                value,
                date,
                span: self.span(&v.value),
            })
        });
        let disaggregate_by = self.disaggregate_by(r, &id, fw);
        let (targets, end_target) = self.targets(r, &id, kind, &disaggregate_by, fw);
        let scale = self.scale(r, kind);
        let thresholds = match &r.status_thresholds {
            Some(t) => self.thresholds(t, fw.thresholds),
            None => fw.thresholds,
        };
        let target_rule = self.target_rule(r.target_rule.as_ref(), fw.target_rule);
        let opt_text =
            |s: &mut Self, t: &Option<Loc<RawText>>, what: &str| t.as_ref().map(|t| s.text_in(t, &lang, what));
        let pmf = Pmf {
            definition: opt_text(self, &r.definition, "the definition"),
            data_source: opt_text(self, &r.data_source, "the data source"),
            collection_method: opt_text(self, &r.collection_method, "the collection method"),
            frequency: opt_text(self, &r.frequency, "the frequency"),
            responsible: opt_text(self, &r.responsible, "responsible"),
        };
        let unit_text = r.unit.as_ref().map(|u| self.text_in(u, &lang, "the unit"));
        Some(Indicator {
            id,
            title: self.text_in(&r.title, &lang, "the indicator title"),
            kind,
            unit: unit_text.as_ref().map(|t| t.default.clone()),
            unit_text,
            direction: direction?,
            cumulative,
            aggregate,
            baseline,
            targets,
            end_target,
            disaggregate_by,
            scale,
            pmf,
            thresholds,
            target_rule,
            result,
            declared_targets: r.targets.as_ref().map_or(0, Vec::len),
            standard: r.standard.as_ref().map(|s| s.value().0.trim().to_string()),
            standard_span: r.standard.as_ref().map(|s| self.span(s)),
            span: self.span(&r.id),
        })
    }

    /// Whether values add into a running total: `cumulative:` when given,
    /// else true for counts only.
    fn cumulative(&mut self, r: &RawIndicator, kind: IndicatorType) -> bool {
        match &r.cumulative {
            Some(c) => match c.value().0.trim() {
                "true" | "yes" => true,
                "false" | "no" => false,
                other => {
                    self.err(
                        c,
                        Diagnostic::error("`cumulative` is not true or false")
                            .expected("true or false")
                            .found(format!("`{other}`"))
                            .hint("cumulative: true adds period values into a running total"),
                    );
                    kind == IndicatorType::Count
                }
            },
            None => kind == IndicatorType::Count,
        }
    }

    /// `aggregate: pooled` adds numerators and denominators: only a
    /// percentage has them.
    fn check_pooled(&mut self, r: &RawIndicator, id: &str, kind: IndicatorType) {
        let Some(a) = &r.aggregate else { return };
        self.diags.push(
            Diagnostic::error(format!(
                "indicator {id}: `aggregate: pooled` pools numerators and denominators, which a {} indicator does not have",
                kind.name()
            ))
            .at(self.span(a))
            .expected("a percentage indicator (type: percentage)")
            .found(format!("type: {}", kind.name()))
            .hint("use `aggregate: last` (the latest value), `sum`, `max` or `mean`"),
        );
    }

    /// A running total needs a type that adds up, `aggregate: sum` and an
    /// increasing direction.
    fn check_cumulative(
        &mut self,
        r: &RawIndicator,
        id: &str,
        kind: IndicatorType,
        aggregate: Aggregate,
        direction: Option<Direction>,
    ) {
        let problem = match kind {
            IndicatorType::Milestone | IndicatorType::Qualitative => {
                Some(format!("a {} indicator cannot be cumulative", kind.name()))
            }
            _ if aggregate != Aggregate::Sum => Some(format!(
                "a cumulative indicator adds its values up, so it cannot use `aggregate: {}`",
                aggregate.name()
            )),
            _ if direction == Some(Direction::Decrease) => {
                Some("a running total cannot decrease: a cumulative indicator must have direction increase".to_string())
            }
            _ => None,
        };
        if let Some(msg) = problem {
            let at = r
                .cumulative
                .as_ref()
                .map(|c| self.span(c))
                .unwrap_or(self.span(&r.kind));
            self.diags.push(
                Diagnostic::error(format!("indicator {id}: {msg}"))
                    .at(at)
                    .hint("set `cumulative: false` for a level indicator, or change the type or aggregation"),
            );
        }
    }

    fn disaggregate_by(&mut self, r: &RawIndicator, id: &str, fw: &Framework) -> Vec<usize> {
        let mut disaggregate_by = Vec::new();
        for d in r.disaggregate_by.iter().flatten() {
            let name = d.value().trim();
            match fw.disaggregation_index(name) {
                Some(i) if disaggregate_by.contains(&i) => self.err(
                    d,
                    Diagnostic::error(format!("`{name}` is listed twice in disaggregate_by")).hint("remove the repeat"),
                ),
                Some(i) => disaggregate_by.push(i),
                None => {
                    let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
                    self.err(
                        d,
                        Diagnostic::error(format!("unknown disaggregation `{name}`"))
                            .expected(if names.is_empty() {
                                "a dimension declared under `disaggregations:`".to_string()
                            } else {
                                format!("one of {}", names.join(", "))
                            })
                            .found(format!("`{name}`"))
                            .hint(
                                did_you_mean(name, names.iter().copied())
                                    .unwrap_or_else(|| format!("declare it first: disaggregations: {{{name}: [...]}}")),
                            ),
                    );
                }
            }
        }
        if disaggregate_by.len() > MAX_DIMENSIONS {
            self.err(
                &r.id,
                Diagnostic::error(format!(
                    "indicator {id} is broken down by {} dimensions",
                    disaggregate_by.len()
                ))
                .expected(format!("at most {MAX_DIMENSIONS}"))
                .hint("drop the dimensions nobody reports on"),
            );
            disaggregate_by.truncate(MAX_DIMENSIONS);
        }
        disaggregate_by
    }

    /// The score scale of a qualitative indicator.
    fn scale(&mut self, r: &RawIndicator, kind: IndicatorType) -> Option<Scale> {
        r.scale.as_ref().and_then(|s| {
            let min = self.decimal(&s.value().min, "scale min")?;
            let max = self.decimal(&s.value().max, "scale max")?;
            if kind != IndicatorType::Qualitative {
                self.err(
                    s,
                    Diagnostic::error("only qualitative indicators take a score scale").hint("remove `scale:`"),
                );
            }
            if min >= max {
                self.err(
                    s,
                    Diagnostic::error("the scale's min is not below its max")
                        .found(format!("min {min}, max {max}"))
                        .hint("write scale: {min: 1, max: 5}"),
                );
                return None;
            }
            Some(Scale { min, max })
        })
    }
}
