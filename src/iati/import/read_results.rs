//! Reading results and their indicators: ids made valid and unique, the
//! logframe type told from the extension attributes or the IATI measure,
//! the score scale, and each period's target, total and disaggregated
//! cells as [`Figure`]s.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::activity::{Dims, Figure, IatiPeriod, ImportedIndicator, ImportedResult};
use super::ctx::Ctx;
use super::text::{date, decimal, dim_name, one_line};
use super::xml::Node;
use crate::model::IndicatorType;

/// Ids made unique by a `-2`, `-3`... suffix (a set: linear in the ids).
#[derive(Default)]
struct UniqueIds(HashSet<String>);

impl UniqueIds {
    /// `id` made a valid logframe id (a publisher's code such as `B1 .1/x`
    /// becomes `B1.1-x`; one with nothing usable becomes `fallback`), then
    /// unique.
    fn take(&mut self, id: String, fallback: impl FnOnce() -> String) -> String {
        let id = match crate::validate::ids::problem(&id) {
            None => id,
            Some(_) => crate::validate::ids::suggestion(&id).unwrap_or_else(fallback),
        };
        let mut candidate = id.clone();
        let mut n = 2;
        while self.0.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.0.insert(candidate.clone());
        candidate
    }
}

/// The results that have indicators, flat, with their levels.
pub(super) fn read_results(ctx: &Ctx, act: &Node) -> Vec<ImportedResult> {
    let mut ids = UniqueIds::default();
    let mut results = Vec::new();
    for (ri, r) in act.all("result").enumerate() {
        let rid = ctx
            .ext(r, "id")
            .or_else(|| r.child("reference").and_then(|x| x.attr("code")).map(str::to_string))
            .unwrap_or_else(|| format!("R{}", ri + 1));
        let rid = ids.take(rid, || format!("R{}", ri + 1));
        let level = ctx.ext(r, "level").unwrap_or_else(|| {
            match r.attr("type").map(str::trim) {
                Some("1") => "output",
                Some("2") => "outcome",
                Some("3") => "impact",
                _ => "other",
            }
            .to_string()
        });
        let indicators: Vec<ImportedIndicator> = r
            .all("indicator")
            .enumerate()
            .map(|(ii, i)| read_indicator(ctx, i, &rid, ii, &mut ids))
            .collect();
        if indicators.is_empty() {
            continue;
        }
        results.push(ImportedResult {
            id: rid,
            level,
            statement: ctx.texts(r.child("title")),
            indicators,
        });
    }
    results
}

fn read_indicator(ctx: &Ctx, i: &Node, rid: &str, ii: usize, ids: &mut UniqueIds) -> ImportedIndicator {
    let iid = ctx
        .ext(i, "id")
        .or_else(|| {
            let refs: Vec<&Node> = i.all("reference").collect();
            refs.iter()
                .find(|x| x.attr("vocabulary") == Some("99"))
                .or(refs.first())
                .and_then(|x| x.attr("code"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| format!("{rid}.{}", ii + 1));
    let iid = ids.take(iid, || format!("{rid}.{}", ii + 1));
    let measure = i.attr("measure").unwrap_or("1").trim().to_string();
    // Periods, read first: some types are told by their values.
    let mut periods: Vec<IatiPeriod> = i
        .all("period")
        .filter_map(|p| read_period(ctx, p, &iid, &measure))
        .collect();
    periods.sort_by_key(|p| (p.end, std::cmp::Reverse(p.start)));
    let kind = indicator_type(ctx, i, &measure, &periods);
    if kind == IndicatorType::Milestone {
        for p in &mut periods {
            if let Some(Figure::Number(v)) = p.total {
                p.total = Some(Figure::Flag(!v.is_zero()));
            }
            p.cells.clear();
        }
    }
    let baseline = i.child("baseline").and_then(|b| {
        let v = ctx.num(b, "value")?;
        Some((v, date(b.attr("iso-date"))))
    });
    let scale = score_scale(ctx, i, kind, &measure, &periods, baseline);
    ImportedIndicator {
        id: iid,
        title: ctx.texts(i.child("title")),
        definition: i
            .child("description")
            .map(|d| ctx.texts(Some(d)))
            .filter(|t| !t.default.is_empty()),
        kind,
        unit: ctx.ext(i, "unit"),
        increase: !matches!(i.attr("ascending").map(str::trim), Some("false" | "0")),
        cumulative: ctx.ext(i, "cumulative").is_some_and(|c| c == "true"),
        aggregate: ctx
            .ext(i, "aggregate")
            .filter(|a| crate::model::Aggregate::parse(a).is_some())
            .unwrap_or_else(|| "last".into()),
        baseline,
        scale,
        periods,
    }
}

/// The logframe type: from the extension attribute, else from the IATI
/// measure (a nominal measure whose values are all 0 or 1 is a milestone).
fn indicator_type(ctx: &Ctx, i: &Node, measure: &str, periods: &[IatiPeriod]) -> IndicatorType {
    if let Some(k) = ctx.ext(i, "type").as_deref().and_then(IndicatorType::parse) {
        return k;
    }
    let binary = || {
        periods.iter().all(|p| match &p.total {
            Some(Figure::Number(v)) => v.is_zero() || *v == Decimal::ONE,
            _ => true,
        })
    };
    match measure {
        "2" => IndicatorType::Percentage,
        "3" if binary() => IndicatorType::Milestone,
        "4" | "5" => IndicatorType::Qualitative,
        _ => IndicatorType::Number,
    }
}

/// The score scale: from the extension attributes, else (ordinal
/// qualitative) the range of the scores used.
fn score_scale(
    ctx: &Ctx,
    i: &Node,
    kind: IndicatorType,
    measure: &str,
    periods: &[IatiPeriod],
    baseline: Option<(Decimal, Option<NaiveDate>)>,
) -> Option<(Decimal, Decimal)> {
    let ext = |name: &str| ctx.ext(i, name).as_deref().and_then(decimal);
    if let (Some(a), Some(b)) = (ext("scale-min"), ext("scale-max")) {
        return Some((a, b));
    }
    if kind != IndicatorType::Qualitative || measure != "4" {
        return None;
    }
    let scores = periods
        .iter()
        .flat_map(|p| {
            p.target.into_iter().chain(match &p.total {
                Some(Figure::Text(_, Some(s))) => Some(*s),
                _ => None,
            })
        })
        .chain(baseline.map(|b| b.0));
    let (lo, hi) = scores.fold((None::<Decimal>, None::<Decimal>), |(lo, hi), s| {
        (Some(lo.map_or(s, |l| l.min(s))), Some(hi.map_or(s, |h| h.max(s))))
    });
    lo.zip(hi)
}

/// One IATI period of an indicator: its target, total and cells.
fn read_period(ctx: &Ctx, p: &Node, iid: &str, measure: &str) -> Option<IatiPeriod> {
    let (Some(start), Some(end)) = (
        date(p.child("period-start").and_then(|n| n.attr("iso-date"))),
        date(p.child("period-end").and_then(|n| n.attr("iso-date"))),
    ) else {
        ctx.warn(
            p,
            format!(
                "indicator {}: a period without valid start and end dates was skipped",
                one_line(iid, 80),
            ),
            "give period-start and period-end an iso-date",
        );
        return None;
    };
    // A target logframe interpolated is not a written one.
    let target = p
        .all("target")
        .find(|t| t.child("dimension").is_none() && ctx.ext_child(t, "interpolated").is_none())
        .and_then(|t| ctx.num(t, "value"));
    let mut total = None;
    let mut cells = Vec::new();
    for a in p.all("actual") {
        let Some(fig) = read_actual(ctx, a, measure) else {
            continue;
        };
        let dims: Dims = a
            .all("dimension")
            .filter_map(|d| Some((dim_name(d.attr("name")?), d.attr("value")?.trim().to_string())))
            .collect();
        if !dims.is_empty() {
            cells.push((dims, fig));
        } else if total.is_some() {
            ctx.warn(
                a,
                format!(
                    "indicator {}: period {start}..{end} has more than one total actual; the first is kept",
                    one_line(iid, 80)
                ),
                "give the others a dimension",
            );
        } else {
            total = Some(fig);
        }
    }
    Some(IatiPeriod {
        start,
        end,
        target,
        total,
        cells,
    })
}

/// The figure of one `actual`, by the indicator's measure.
fn read_actual(ctx: &Ctx, a: &Node, measure: &str) -> Option<Figure> {
    // A qualitative (measure 5) value may be words, not a score.
    let raw = if measure == "5" {
        a.attr("value").and_then(decimal)
    } else {
        ctx.num(a, "value")
    };
    let ratio = ctx.ext_child(a, "ratio");
    let parts = (
        ratio.and_then(|r| ctx.num(r, "numerator")),
        ratio.and_then(|r| ctx.num(r, "denominator")),
    );
    match (measure, parts, raw) {
        (_, (Some(n), Some(d)), _) => Some(Figure::Ratio(n, d)),
        ("2", _, Some(v)) => Some(Figure::Ratio(v, Decimal::ONE_HUNDRED)),
        ("4" | "5", _, score) => {
            let words = (measure == "5")
                .then(|| a.attr("value").map(str::trim).filter(|v| !v.is_empty()))
                .flatten()
                .map(str::to_string);
            let text = a
                .child("comment")
                .map(|c| ctx.texts(Some(c)).default)
                .filter(|s| !s.is_empty())
                .or_else(|| score.map(|s| s.normalize().to_string()))
                .or(words);
            text.map(|t| Figure::Text(t, if measure == "4" { score } else { None }))
        }
        (_, _, Some(v)) => Some(Figure::Number(v)),
        _ => None,
    }
}
