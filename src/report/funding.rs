//! The report's financial section: budget, pledges, shortfall, spending by
//! budget line and the pace of spending, formatted for the report's
//! language from `compute::funding` (no arithmetic here or in templates).

use serde::Serialize;

use super::Table;
use crate::compute::funding::FundingSummary;
use crate::locale::{self, Lang};
use crate::model::Period;

/// File name of the burn-rate chart, next to the indicator charts.
pub(crate) const BURN_CHART: &str = "funding.svg";

#[derive(Debug, Serialize)]
pub struct FundingSection {
    pub currency: String,
    /// Label/value rows of the overview table.
    pub overview: Table,
    pub burn_sentence: Option<String>,
    /// A stated shortfall that does not equal budget − pledged.
    pub shortfall_note: Option<String>,
    pub pledges: Table,
    pub lines: Option<Table>,
    /// The burn-rate chart, relative to the Markdown file; `None` without expenditure.
    pub chart: Option<String>,
    pub chart_points: Vec<BurnPoint>,
}

/// One period of the burn-rate chart: cumulative spent and elapsed time, in percent.
#[derive(Debug, Clone, Serialize)]
pub struct BurnPoint {
    pub period: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub spent_percent: Option<rust_decimal::Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub elapsed_percent: Option<rust_decimal::Decimal>,
}

pub(crate) fn section(lang: Lang, f: &FundingSummary, period: &Period, chart_dir: &str) -> FundingSection {
    // Without any expenditure recorded, spending is unknown, not zero.
    let reported = !f.by_period.is_empty();
    let rows = overview_rows(lang, f, reported);
    let burn_sentence = match (reported, f.spent_percent, f.elapsed_percent, f.burn_rate) {
        (true, Some(s), Some(e), Some(r)) => Some(locale::burn_sentence(lang, s, e, r)),
        _ => None,
    };
    let shortfall_note = f
        .shortfall_check
        .as_ref()
        .filter(|c| !c.agrees)
        .map(|c| locale::shortfall_note(lang, &f.currency, c.stated, c.computed));
    let pledges = pledges_table(lang, f);
    let lines = (reported && !f.lines.is_empty()).then(|| lines_table(lang, f));
    let chart_points = chart_points(f, period);
    FundingSection {
        currency: f.currency.clone(),
        overview: Table {
            caption: locale::text(lang, "funding").to_string(),
            header: vec![String::new(), String::new()],
            rows,
        },
        burn_sentence,
        shortfall_note,
        pledges,
        lines,
        chart: (!chart_points.is_empty()).then(|| format!("{chart_dir}/{BURN_CHART}")),
        chart_points,
    }
}

/// Label/value rows: budget, pledged and shortfall, then spending once any
/// expenditure is recorded.
fn overview_rows(lang: Lang, f: &FundingSummary, reported: bool) -> Vec<Vec<String>> {
    let l = |k: &'static str| locale::text(lang, k).to_string();
    let money = |d| format!("{} {}", f.currency, locale::money(lang, d));
    let pct = |d: Option<rust_decimal::Decimal>| {
        d.map(|p| locale::percent(lang, p))
            .unwrap_or_else(|| super::UNDEFINED.into())
    };
    let mut rows = vec![
        vec![l("budget"), money(f.budget)],
        vec![
            l("pledged"),
            format!("{} ({})", money(f.pledged), pct(f.pledged_percent)),
        ],
        vec![l("shortfall"), money(f.shortfall)],
    ];
    if reported {
        rows.push(vec![
            l("spent"),
            format!("{} ({})", money(f.spent), pct(f.spent_percent)),
        ]);
        rows.push(vec![l("remaining"), money(f.remaining)]);
        rows.push(vec![l("elapsed_share"), pct(f.elapsed_percent)]);
        if let Some(r) = f.burn_rate {
            rows.push(vec![l("burn_rate"), locale::number(lang, r)]);
        }
    }
    rows
}

fn pledges_table(lang: Lang, f: &FundingSummary) -> Table {
    let l = |k: &'static str| locale::text(lang, k).to_string();
    Table {
        caption: l("pledges"),
        header: vec![l("pledge_donor"), l("pledge_date"), l("amount")],
        rows: f
            .pledges
            .iter()
            .map(|p| {
                vec![
                    p.donor.clone(),
                    p.date
                        .map(|d| locale::date(lang, d))
                        .unwrap_or_else(|| super::UNDEFINED.into()),
                    format!("{} {}", p.currency, locale::money(lang, p.amount)),
                ]
            })
            .collect(),
    }
}

/// Allocation, spending and remainder by budget line.
fn lines_table(lang: Lang, f: &FundingSummary) -> Table {
    let l = |k: &'static str| locale::text(lang, k).to_string();
    let pct = |d: Option<rust_decimal::Decimal>| {
        d.map(|p| locale::percent(lang, p))
            .unwrap_or_else(|| super::UNDEFINED.into())
    };
    Table {
        caption: l("budget_lines"),
        header: vec![
            l("budget_line"),
            l("allocation"),
            l("spent"),
            l("remaining"),
            "%".into(),
        ],
        rows: f
            .lines
            .iter()
            .map(|line| {
                let title = if line.id.is_none() {
                    l("no_budget_line")
                } else {
                    line.title.clone()
                };
                vec![
                    if line.overspent {
                        format!("{title} ({})", l("overspent"))
                    } else {
                        title
                    },
                    line.allocation
                        .map(|a| locale::money(lang, a))
                        .unwrap_or_else(|| super::UNDEFINED.into()),
                    locale::money(lang, line.spent),
                    line.remaining
                        .map(|a| locale::money(lang, a))
                        .unwrap_or_else(|| super::UNDEFINED.into()),
                    pct(line.spent_percent),
                ]
            })
            .collect(),
    }
}

/// The burn-rate chart's points, up to the report's period.
fn chart_points(f: &FundingSummary, period: &Period) -> Vec<BurnPoint> {
    f.by_period
        .iter()
        .filter(|p| p.period.end <= period.end)
        .map(|p| BurnPoint {
            period: p.period.to_string(),
            spent_percent: p.cumulative_percent,
            elapsed_percent: p.elapsed_percent,
        })
        .collect()
}
