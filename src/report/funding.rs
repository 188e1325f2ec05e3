//! The report's financial section: budget, pledges, shortfall, the
//! period's statement by budget line (this period, to date, remaining,
//! variance against the budget pro-rated to time, the explanation written
//! with the expenditure), the pace of spending with the lines that run
//! behind or ahead named, the periods without expenditure and the next
//! period's forecast, formatted for the report's language from
//! `compute::funding` (no arithmetic here or in templates).

use rust_decimal::Decimal;
use serde::Serialize;

use super::Table;
use crate::compute::funding::{Basis, FundingSummary, LineFigure, Pace, VARIANCE_BAND};
use crate::locale::{self, Lang};
use crate::model::Period;

/// File name of the burn-rate chart, next to the indicator charts.
pub(crate) const BURN_CHART: &str = "funding.svg";

#[derive(Debug, Serialize)]
pub struct FundingSection {
    pub currency: String,
    /// Label/value rows of the overview table.
    pub overview: Table,
    /// The pace of the whole budget: spent share, elapsed share, burn rate
    /// and variance; "up to" the last period with expenditure when the
    /// report's period has none.
    pub burn_sentence: Option<String>,
    /// The budget lines running behind and ahead of time, by name, so that
    /// the overall verdict never hides a line that contradicts it.
    pub lines_sentences: Vec<String>,
    /// Periods without expenditure (also in the data-quality annex).
    pub missing_note: Option<String>,
    /// A stated shortfall that does not equal budget − pledged.
    pub shortfall_note: Option<String>,
    pub pledges: Table,
    /// The period's statement by budget line: budget, this period, to date,
    /// remaining, % spent, variance and the explanation written with the
    /// expenditure; the last row is the total.
    pub lines: Option<Table>,
    /// How variance is computed, with the figures of one line.
    pub variance_note: Option<String>,
    /// The next period's forecast by budget line, with its basis.
    pub forecast: Option<Table>,
    /// How an average forecast is computed (when a line has one).
    pub forecast_note: Option<String>,
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

/// A variance with its sign: `+3%`, `−25.6%` (a minus sign, not a hyphen).
fn signed(lang: Lang, v: Decimal) -> String {
    let p = locale::percent(lang, v.abs());
    match v.round_dp(1).cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("+{p}"),
        std::cmp::Ordering::Less => format!("−{p}"),
        std::cmp::Ordering::Equal => p,
    }
}

fn pace_key(p: Pace) -> &'static str {
    match p {
        Pace::Ahead => "ahead",
        Pace::Behind => "behind",
        Pace::InStep => "in-step",
    }
}

fn line_title(lang: Lang, line: &LineFigure) -> String {
    if line.id.is_none() {
        locale::text(lang, "no_budget_line").to_string()
    } else {
        line.translations.get(lang.code()).unwrap_or(&line.title).clone()
    }
}

pub(crate) fn section(lang: Lang, f: &FundingSummary, period: &Period, chart_dir: &str) -> FundingSection {
    // Without any expenditure recorded, spending is unknown, not zero.
    let reported = !f.by_period.is_empty();
    let rows = overview_rows(lang, f, reported);
    let burn_sentence = if reported { burn_sentence(lang, f, period) } else { None };
    let lines_sentences = if reported { lines_sentences(lang, f) } else { Vec::new() };
    let missing_note = (!f.missing.is_empty()).then(|| {
        locale::message(
            lang,
            "missing-note",
            [
                ("periods", locale::period_names(lang, &f.missing).into()),
                ("count", f.missing.len().into()),
            ],
        )
    });
    let shortfall_note = f
        .shortfall_check
        .as_ref()
        .filter(|c| !c.agrees)
        .map(|c| locale::shortfall_note(lang, &f.currency, c.stated, c.computed));
    let pledges = pledges_table(lang, f);
    let lines = (reported && !f.lines.is_empty()).then(|| lines_table(lang, f, period));
    let variance_note = if reported { variance_note(lang, f) } else { None };
    let forecast = forecast_table(lang, f);
    let forecast_note = f
        .forecast
        .as_ref()
        .filter(|_| {
            f.lines
                .iter()
                .any(|l| l.forecast.as_ref().is_some_and(|x| x.basis == Basis::Average))
        })
        .map(|fc| locale::message(lang, "forecast-average-note", [("count", fc.periods_averaged.into())]));
    let chart_points = chart_points(f, period);
    FundingSection {
        currency: f.currency.clone(),
        overview: Table {
            caption: locale::text(lang, "funding").to_string(),
            header: vec![String::new(), String::new()],
            rows,
        },
        burn_sentence,
        lines_sentences,
        missing_note,
        shortfall_note,
        pledges,
        lines,
        variance_note,
        forecast,
        forecast_note,
        chart: (!chart_points.is_empty()).then(|| format!("{chart_dir}/{BURN_CHART}")),
        chart_points,
    }
}

/// The pace of the whole budget, to the last period with expenditure.
fn burn_sentence(lang: Lang, f: &FundingSummary, period: &Period) -> Option<String> {
    let (spent, elapsed, rate, variance, pace, to) = (
        f.spent_percent?,
        f.pace_elapsed_percent?,
        f.burn_rate?,
        f.variance_percent?,
        f.pace?,
        f.pace_to?,
    );
    let band = locale::percent(lang, VARIANCE_BAND);
    let args = |id| {
        locale::message(
            lang,
            id,
            [
                ("spent", locale::percent(lang, spent).into()),
                ("elapsed", locale::percent(lang, elapsed).into()),
                ("rate", locale::number(lang, rate).into()),
                ("variance", signed(lang, variance).into()),
                ("pace", pace_key(pace).into()),
                ("band", band.clone().into()),
                ("period", locale::period_name(lang, &to).into()),
            ],
        )
    };
    Some(if to.end < period.end {
        args("burn-sentence-upto")
    } else {
        args("burn-sentence")
    })
}

/// The lines behind and ahead of time, each named with its % spent and
/// variance; or that every line is in step.
fn lines_sentences(lang: Lang, f: &FundingSummary) -> Vec<String> {
    let judged: Vec<&LineFigure> = f.lines.iter().filter(|l| l.pace.is_some()).collect();
    if judged.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for pace in [Pace::Behind, Pace::Ahead] {
        let named: Vec<String> = judged
            .iter()
            .filter(|l| l.pace == Some(pace))
            .map(|l| {
                locale::message(
                    lang,
                    "burn-line",
                    [
                        ("line", line_title(lang, l).into()),
                        (
                            "spent",
                            l.spent_percent
                                .map(|p| locale::percent(lang, p))
                                .unwrap_or_else(|| super::UNDEFINED.into())
                                .into(),
                        ),
                        (
                            "variance",
                            l.variance_percent.map(|v| signed(lang, v)).unwrap_or_default().into(),
                        ),
                    ],
                )
            })
            .collect();
        if !named.is_empty() {
            out.push(locale::message(
                lang,
                "burn-lines",
                [("pace", pace_key(pace).into()), ("lines", named.join("; ").into())],
            ));
        }
    }
    if out.is_empty() {
        out.push(locale::message(
            lang,
            "burn-lines-in-step",
            [("band", locale::percent(lang, VARIANCE_BAND).into())],
        ));
    }
    out
}

/// How variance is computed, worked with the first line that has one.
fn variance_note(lang: Lang, f: &FundingSummary) -> Option<String> {
    let to = f.pace_to?;
    let elapsed = f.pace_elapsed_percent?;
    // A line that runs behind or ahead shows the rule best; else the first.
    let line = f
        .lines
        .iter()
        .find(|l| l.pace.is_some_and(|p| p != Pace::InStep))
        .or_else(|| f.lines.iter().find(|l| l.variance_percent.is_some()))?;
    Some(locale::message(
        lang,
        "variance-note",
        [
            ("elapsed", locale::percent(lang, elapsed).into()),
            ("date", locale::date(lang, to.end).into()),
            ("band", locale::percent(lang, VARIANCE_BAND).into()),
            ("line", line_title(lang, line).into()),
            ("spent", locale::money(lang, line.spent).into()),
            ("prorated", locale::money(lang, line.pro_rated?).into()),
            ("variance", signed(lang, line.variance_percent?).into()),
        ],
    ))
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
            l("spent_this_period"),
            f.this_period.map(money).unwrap_or_else(|| l("not_recorded")),
        ]);
        rows.push(vec![
            l("spent"),
            format!("{} ({})", money(f.spent), pct(f.spent_percent)),
        ]);
        rows.push(vec![l("remaining"), money(f.remaining)]);
        rows.push(vec![l("elapsed_share"), pct(f.elapsed_percent)]);
        if let (Some(r), Some(to)) = (f.burn_rate, f.pace_to) {
            let rate = locale::number(lang, r);
            rows.push(vec![
                l("burn_rate"),
                if f.period.is_some_and(|p| to.end < p.end) {
                    locale::message(
                        lang,
                        "burn-to",
                        [("rate", rate.into()), ("period", locale::period_name(lang, &to).into())],
                    )
                } else {
                    rate
                },
            ]);
        }
        if let Some(v) = f.variance_percent {
            rows.push(vec![l("variance_overall"), signed(lang, v)]);
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

/// The period's statement by budget line, then the total.
fn lines_table(lang: Lang, f: &FundingSummary, period: &Period) -> Table {
    let l = |k: &'static str| locale::text(lang, k).to_string();
    let pct = |d: Option<Decimal>| {
        d.map(|p| locale::percent(lang, p))
            .unwrap_or_else(|| super::UNDEFINED.into())
    };
    let money = |d: Option<Decimal>| {
        d.map(|a| locale::money(lang, a))
            .unwrap_or_else(|| super::UNDEFINED.into())
    };
    let this = |d: Option<Decimal>| d.map(|a| locale::money(lang, a)).unwrap_or_else(|| l("not_recorded"));
    let mut rows: Vec<Vec<String>> = f
        .lines
        .iter()
        .map(|line| {
            let title = line_title(lang, line);
            vec![
                if line.overspent {
                    format!("{title} ({})", l("overspent"))
                } else {
                    title
                },
                money(line.allocation),
                this(line.this_period),
                locale::money(lang, line.spent),
                money(line.remaining),
                pct(line.spent_percent),
                line.variance_percent
                    .map(|v| signed(lang, v))
                    .unwrap_or_else(|| super::UNDEFINED.into()),
                line.comments.join("; "),
            ]
        })
        .collect();
    rows.push(vec![
        l("total"),
        locale::money(lang, f.budget),
        this(f.this_period),
        locale::money(lang, f.spent),
        locale::money(lang, f.remaining),
        pct(f.spent_percent),
        f.variance_percent
            .map(|v| signed(lang, v))
            .unwrap_or_else(|| super::UNDEFINED.into()),
        String::new(),
    ]);
    Table {
        caption: locale::message(
            lang,
            "statement-caption",
            [("period", locale::period_name(lang, period).into())],
        ),
        header: vec![
            l("budget_line"),
            l("budget"),
            l("this_period"),
            l("spent"),
            l("remaining"),
            l("percent_spent"),
            l("variance"),
            l("spending_explanation"),
        ],
        rows,
    }
}

/// The next period's forecast by budget line, each with its basis, then
/// the total.
fn forecast_table(lang: Lang, f: &FundingSummary) -> Option<Table> {
    let fc = f.forecast.as_ref()?;
    let l = |k: &'static str| locale::text(lang, k).to_string();
    let basis = |b: Basis| match b {
        Basis::Written => l("forecast_written"),
        Basis::Average => l("forecast_average"),
        Basis::Mixed => String::new(),
    };
    let mut rows: Vec<Vec<String>> = f
        .lines
        .iter()
        .filter_map(|line| {
            let x = line.forecast.as_ref()?;
            Some(vec![
                line_title(lang, line),
                locale::money(lang, x.amount),
                basis(x.basis),
                x.comments.join("; "),
            ])
        })
        .collect();
    rows.push(vec![
        l("total"),
        locale::money(lang, fc.amount),
        basis(fc.basis),
        String::new(),
    ]);
    Some(Table {
        caption: locale::message(
            lang,
            "forecast-caption",
            [("period", locale::period_name(lang, &fc.period).into())],
        ),
        header: vec![
            l("budget_line"),
            l("forecast"),
            l("forecast_basis"),
            l("spending_explanation"),
        ],
        rows,
    })
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
