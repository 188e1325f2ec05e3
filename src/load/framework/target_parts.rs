//! A target's parts by category: `share: {sex: {women: 40}}` (at least
//! 40 % of the total are women) and `by: {sex: {women: 150, men: 150}}`
//! (at least 150 women and 150 men). Here the names are resolved against
//! the indicator's disaggregations and the figures typed; the rules that
//! weigh the parts against each other and against the total (shares add
//! up to at most 100, values to at most the target) are checks in
//! `validate::target_parts`.

use rust_decimal::Decimal;

use super::Lower;
use crate::diag::{Diagnostic, did_you_mean};
use crate::load::raw::*;
use crate::model::*;

impl Lower<'_> {
    /// The parts of one target of indicator `id`, whose dimensions are `dims`.
    pub(super) fn target_parts(
        &mut self,
        t: &RawTarget,
        id: &str,
        kind: IndicatorType,
        dims: &[usize],
        fw: &Framework,
    ) -> Vec<PartTarget> {
        let mut out = Vec::new();
        let written = [(PartKind::Share, &t.share, "share"), (PartKind::Value, &t.by, "by")];
        for (part, map, key) in written {
            let Some(map) = map else { continue };
            if matches!(kind, IndicatorType::Milestone | IndicatorType::Qualitative) {
                if let Some((d, _)) = map.0.first() {
                    self.err(
                        d,
                        Diagnostic::error(format!(
                            "indicator {id}: a {} target cannot be split by category",
                            kind.name()
                        ))
                        .expected("`share:` or `by:` only on count, number and percentage targets")
                        .found(format!("`{key}:`"))
                        .hint("record who was reached on a count indicator beside the milestone, and split its target"),
                    );
                }
                continue;
            }
            if part == PartKind::Value && kind == IndicatorType::Percentage {
                if let Some((d, _)) = map.0.first() {
                    self.err(
                        d,
                        Diagnostic::error(format!(
                            "indicator {id}: a percentage target cannot be split with `by:`"
                        ))
                        .expected("`share:`, the share of each category among the respondents (the denominator)")
                        .found("`by:`")
                        .hint("write `share: {sex: {women: 40}}` for at least 40 % women among the respondents"),
                    );
                }
                continue;
            }
            for (dim_loc, categories) in &map.0 {
                let Some(dim) = self.part_dimension(dim_loc, id, dims, fw) else {
                    continue;
                };
                if out.iter().any(|p: &PartTarget| p.dimension == dim && p.kind != part) {
                    self.err(
                        dim_loc,
                        Diagnostic::error(format!(
                            "indicator {id}: the target gives `{}` both as `share:` and as `by:`",
                            fw.disaggregations[dim].name
                        ))
                        .expected("one of `share:` or `by:` per dimension")
                        .found(format!("`{}` under `{key}:` as well", fw.disaggregations[dim].name))
                        .hint("keep the share or the values: each implies the other once the total is known"),
                    );
                    continue;
                }
                for (cat_loc, figure) in &categories.0 {
                    let Some(category) = self.part_category(cat_loc, dim, fw) else {
                        continue;
                    };
                    let Some(value) = self.part_figure(figure, part, kind) else {
                        continue;
                    };
                    out.push(PartTarget {
                        kind: part,
                        dimension: dim,
                        category,
                        value,
                        span: self.span(figure),
                    });
                }
            }
        }
        out
    }

    /// The dimension a part names: one the indicator is disaggregated by.
    fn part_dimension(&mut self, loc: &Loc<String>, id: &str, dims: &[usize], fw: &Framework) -> Option<usize> {
        let name = loc.value().trim();
        if let Some(&d) = dims.iter().find(|&&d| fw.disaggregations[d].name == name) {
            return Some(d);
        }
        let names: Vec<&str> = dims.iter().map(|&d| fw.disaggregations[d].name.as_str()).collect();
        let hint = if fw.disaggregation_index(name).is_some() {
            format!("add `{name}` to the indicator's `disaggregate_by`, so that values are recorded by {name}")
        } else {
            did_you_mean(name, names.iter().copied())
                .unwrap_or_else(|| "split a target only by a dimension the indicator is disaggregated by".into())
        };
        self.err(
            loc,
            Diagnostic::error(format!("indicator {id} is not disaggregated by `{name}`"))
                .expected(if names.is_empty() {
                    "a dimension listed in the indicator's `disaggregate_by`".to_string()
                } else {
                    format!("one of {}", names.join(", "))
                })
                .found(format!("`{name}`"))
                .hint(hint),
        );
        None
    }

    /// The category a part names, among its dimension's values.
    fn part_category(&mut self, loc: &Loc<IdText>, dim: usize, fw: &Framework) -> Option<usize> {
        let d = &fw.disaggregations[dim];
        let name = loc.value().0.trim();
        if let Some(i) = d.values.iter().position(|v| v == name) {
            return Some(i);
        }
        self.err(
            loc,
            Diagnostic::error(format!("unknown {} `{name}`", d.name))
                .expected(format!("one of {}", d.values.join(", ")))
                .found(format!("`{name}`"))
                .hint(
                    did_you_mean(name, d.values.iter().map(String::as_str)).unwrap_or_else(|| {
                        format!("use a category declared under `disaggregations: {{{}: [...]}}`", d.name)
                    }),
                ),
        );
        None
    }

    /// A share in percent (0 to 100), or a value typed like the target.
    fn part_figure(&mut self, loc: &Loc<DecimalText>, part: PartKind, kind: IndicatorType) -> Option<Decimal> {
        let text = loc.value().0.trim();
        let what = match part {
            PartKind::Share => "target share",
            PartKind::Value => "target part",
        };
        let d = self.decimal_text(loc, text, what)?;
        let bad = match part {
            PartKind::Share => d < Decimal::ZERO || d > Decimal::ONE_HUNDRED,
            PartKind::Value => d.is_sign_negative() || (kind == IndicatorType::Count && !d.fract().is_zero()),
        };
        if bad {
            let d = match part {
                PartKind::Share => Diagnostic::error("a target share must lie between 0 and 100")
                    .expected("a percent of the total, e.g. 40 for at least 40 %")
                    .hint("shares are written in percent, not as fractions"),
                PartKind::Value if kind == IndicatorType::Count => {
                    Diagnostic::error("a count target's part must be a whole number of at least 0")
                        .expected("0, 1, 2, ...")
                        .hint("write the number expected in the category, or use `share:` for a percent")
                }
                PartKind::Value => Diagnostic::error("a target's part must be at least 0")
                    .expected("a figure of at least 0")
                    .hint("write the figure expected in the category"),
            };
            self.err(loc, d.found(format!("`{text}`")));
            return None;
        }
        Some(d)
    }
}
