//! The portfolio report as data: the portfolio ([`Portfolio`]: standard
//! indicators rolled up across frameworks, each framework's status
//! counts, the funding per currency) with every word and figure a reader
//! sees already localised and formatted, for the Markdown template
//! (`portfolio.md.j2`), the PDF and JSON. The raw totals of the roll-up
//! are kept beside the formatted ones for machine consumers.
//!
//! (The model is built from the application layer's [`Portfolio`], as
//! the portfolio use case assembles it from several frameworks.)

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::compute::Status;
use crate::compute::portfolio::{DateFrom, Portfolio, Split};
use crate::compute::rollup::{Contribution, Rollup, Total};
use crate::load::standards::{Misfit, Rule};
use crate::locale::{self, Lang};

/// The file stem: `portfolio-2023-12-31`, `portfolio-2023-12-31.fr` in
/// another language than English.
pub fn stem(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("portfolio-{date}"),
        _ => format!("portfolio-{date}.{}", lang.code()),
    }
}

#[derive(Debug, Serialize)]
pub struct PortfolioReport {
    pub lang: Lang,
    pub labels: BTreeMap<&'static str, &'static str>,
    /// The roll-up date, ISO (`2023-12-31`).
    pub date_iso: String,
    /// The roll-up date in words, and how it was chosen.
    pub date: String,
    pub date_from: String,
    /// The generation date: `SOURCE_DATE_EPOCH` if set, else the roll-up date.
    pub generated: String,
    /// Every framework of the workspace and the period it is taken at.
    pub frameworks: Vec<FrameworkRow>,
    pub has_standards: bool,
    pub standards: Vec<StandardSection>,
    /// The frameworks with indicators off track.
    pub off_track: Vec<OffTrack>,
    /// The status names, in the order of [`FrameworkRow::counts`].
    pub statuses: Vec<&'static str>,
    pub funding: Vec<FundingRow>,
    /// `Without a funding section: ...`, when some have none.
    pub without_funding: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FrameworkRow {
    pub id: String,
    pub short_name: String,
    /// `2023-Q4 (1 October 2023 – 31 December 2023)`, or why there is none.
    pub period: String,
    /// Indicators per status, in the order of [`PortfolioReport::statuses`].
    pub counts: Vec<usize>,
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub struct OffTrack {
    pub framework: String,
    pub period: String,
    pub indicators: String,
}

#[derive(Debug, Serialize)]
pub struct StandardSection {
    pub code: String,
    pub title: String,
    pub unit: String,
    /// The standard's rule in words.
    pub rule: String,
    pub rows: Vec<ContributionRow>,
    /// The total in words: `411 people`.
    pub total: String,
    /// The roll-up's own total (figures as decimal strings).
    pub figures: Total,
    /// The total split by each breakdown the standard asks for.
    pub splits: Vec<SplitTable>,
    /// `No value for the period: ...`, when some framework has none.
    pub no_value: Option<String>,
    /// The chart of contributions per framework, relative to the Markdown
    /// file; `None` for levels and milestones.
    pub chart: Option<String>,
    #[serde(skip)]
    pub bars: Vec<ChartBar>,
}

/// A framework's bar in a standard's chart.
#[derive(Debug, Clone)]
pub struct ChartBar {
    pub framework: String,
    pub value: Option<f64>,
    pub label: String,
    pub status: Status,
}

#[derive(Debug, Serialize)]
pub struct ContributionRow {
    pub framework: String,
    pub indicator: String,
    pub title: String,
    pub period: String,
    pub unit: String,
    pub value: String,
    pub status: Option<Status>,
    pub status_label: String,
    /// Why it is not added, or why it has no value; empty otherwise.
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct SplitTable {
    /// `Sex`.
    pub dimension: String,
    /// The group (`women`, or `not broken down`) and its figure.
    pub rows: Vec<(String, String)>,
}

#[derive(Debug, Serialize)]
pub struct FundingRow {
    pub currency: String,
    pub projects: usize,
    pub budget: String,
    pub pledged: String,
    pub shortfall: String,
}

/// The chart file of a standard, relative to the output folder.
pub fn chart_file(stem: &str, code: &str) -> String {
    format!("{stem}/{}", super::chart_file(code))
}

fn money(lang: Lang, d: Decimal, dp: u32) -> String {
    let mut x = d;
    x.rescale(dp);
    locale::money(lang, x)
}

fn total_text(lang: Lang, t: &Total, unit: &str) -> String {
    let n = |d: Decimal| locale::number(lang, d);
    match t {
        Total::Sum { value: Some(v) } => {
            locale::message(lang, "pf-total-sum", [("value", n(*v).into()), ("unit", unit.into())])
        }
        Total::Pool {
            numerator: Some(num),
            denominator: Some(den),
            percent,
        } => locale::message(
            lang,
            "pf-total-pool",
            [
                (
                    "percent",
                    percent
                        .map_or_else(|| super::UNDEFINED.to_string(), |p| locale::percent(lang, p))
                        .into(),
                ),
                ("numerator", n(*num).into()),
                ("denominator", n(*den).into()),
            ],
        ),
        Total::Sum { value: None } | Total::Pool { .. } => locale::text(lang, "pf_total_none").into(),
        Total::List => locale::text(lang, "pf_total_list").into(),
        Total::Done {
            done,
            overdue,
            not_yet_due,
        } => locale::message(
            lang,
            "pf-total-done",
            [
                ("done", (*done).into()),
                ("overdue", (*overdue).into()),
                ("notdue", (*not_yet_due).into()),
            ],
        ),
    }
}

/// A group's figure alone: `188`, `40 % (40 / 100)`.
fn group_figure(lang: Lang, t: &Total) -> String {
    match t {
        Total::Sum { value: Some(v) } => locale::number(lang, *v),
        Total::Sum { value: None } | Total::Pool { .. } | Total::List | Total::Done { .. } => total_text(lang, t, ""),
    }
}

fn note(lang: Lang, c: &Contribution) -> String {
    match &c.misfit {
        Some(Misfit::Unit { found }) => locale::message(
            lang,
            "pf-misfit-unit",
            [(
                "unit",
                found.clone().unwrap_or_else(|| super::UNDEFINED.to_string()).into(),
            )],
        ),
        Some(Misfit::Type { found }) => locale::message(lang, "pf-misfit-type", [("type", found.clone().into())]),
        Some(Misfit::PerPeriod) => locale::text(lang, "pf_misfit_per_period").into(),
        None if c.period.is_none() => locale::text(lang, "pf_no_period").into(),
        None if c.value.is_none() => locale::text(lang, "pf_no_value_here").into(),
        None => String::new(),
    }
}

fn period_text(lang: Lang, p: Option<&crate::model::Period>) -> String {
    match p {
        Some(p) => format!("{p} ({})", locale::date_range(lang, p.start, p.end)),
        None => locale::text(lang, "pf_no_period").into(),
    }
}

fn rule_text(lang: Lang, r: Rule) -> &'static str {
    locale::text(
        lang,
        match r {
            Rule::Sum => "pf_rule_sum",
            Rule::Pool => "pf_rule_pool",
            Rule::List => "pf_rule_list",
            Rule::Done => "pf_rule_done",
        },
    )
}

fn standard(lang: Lang, r: &Rollup, splits: &[&Split], stem: &str) -> StandardSection {
    let l = lang.code();
    let rows = r
        .contributions
        .iter()
        .map(|c| ContributionRow {
            framework: c.framework.clone(),
            indicator: c.indicator.clone(),
            title: c.title.get(l).to_string(),
            period: c.period.map(|p| p.to_string()).unwrap_or_default(),
            unit: c.unit.clone().unwrap_or_default(),
            value: c
                .value
                .as_ref()
                .map_or_else(|| super::UNDEFINED.to_string(), |v| locale::value(lang, v)),
            status: c.status,
            status_label: c
                .status
                .map(|s| locale::status(lang, s).to_string())
                .unwrap_or_default(),
            note: note(lang, c),
        })
        .collect();
    let charted = matches!(r.rule, Rule::Sum | Rule::Pool);
    let bars: Vec<ChartBar> = if charted {
        r.contributions
            .iter()
            .filter(|c| c.misfit.is_none())
            .map(|c| ChartBar {
                framework: c.framework.clone(),
                value: c.figure.and_then(|d| d.to_f64()),
                label: match (&c.value, c.figure) {
                    (Some(_), Some(d)) if r.rule == Rule::Pool => locale::percent(lang, d.round_dp(1)),
                    (Some(v), Some(_)) => locale::value(lang, v),
                    _ => format!("{} ({})", super::UNDEFINED, locale::text(lang, "pf_no_value_here")),
                },
                status: c.status.unwrap_or(Status::NoData),
            })
            .collect()
    } else {
        Vec::new()
    };
    let splits = splits
        .iter()
        .map(|s| SplitTable {
            dimension: locale::dimension(lang, &s.dimension),
            rows: s
                .groups
                .iter()
                .map(|g| {
                    let key = g.key.as_deref().map_or_else(
                        || locale::text(lang, "pf_not_broken_down").to_string(),
                        |k| locale::dimension_value(lang, k),
                    );
                    (key, group_figure(lang, &g.total))
                })
                .collect(),
        })
        .collect();
    StandardSection {
        code: r.code.clone(),
        title: r.title.get(l).to_string(),
        unit: r.unit.clone(),
        rule: rule_text(lang, r.rule).to_string(),
        rows,
        total: total_text(lang, &r.total, &r.unit),
        figures: r.total.clone(),
        splits,
        no_value: (!r.no_value.is_empty())
            .then(|| locale::message(lang, "pf-no-value", [("frameworks", r.no_value.join(", ").into())])),
        chart: (!bars.is_empty()).then(|| chart_file(stem, &r.code)),
        bars,
    }
}

/// The portfolio report in `lang`. `generated` is `SOURCE_DATE_EPOCH`'s
/// date when set; `stem` names the charts' folder.
pub fn build(p: &Portfolio, splits: &[Split], lang: Lang, generated: Option<NaiveDate>, stem: &str) -> PortfolioReport {
    let date_from = match &p.date_from {
        DateFrom::Period { period } => locale::message(lang, "pf-date-period", [("period", period.to_string().into())]),
        DateFrom::AsOf => locale::text(lang, "pf_date_as_of").to_string(),
        DateFrom::Today => locale::text(lang, "pf_date_today").to_string(),
    };
    let frameworks = p
        .frameworks
        .iter()
        .map(|f| {
            let counts: Vec<usize> = Status::ALL
                .iter()
                .map(|s| f.counts.get(s).copied().unwrap_or(0))
                .collect();
            FrameworkRow {
                id: f.framework.clone(),
                short_name: f.short_name.clone().unwrap_or_else(|| f.framework.clone()),
                period: period_text(lang, f.period.as_ref()),
                total: counts.iter().sum(),
                counts,
            }
        })
        .collect();
    let off_track = p
        .frameworks
        .iter()
        .filter(|f| !f.off_track.is_empty())
        .map(|f| OffTrack {
            framework: f.framework.clone(),
            period: f.period.map(|p| p.to_string()).unwrap_or_default(),
            indicators: f.off_track.join(", "),
        })
        .collect();
    let funding = p
        .funding
        .totals
        .iter()
        .map(|t| {
            let dp = [t.budget, t.pledged, t.shortfall]
                .iter()
                .map(Decimal::scale)
                .max()
                .unwrap_or(0);
            FundingRow {
                currency: t.currency.clone(),
                projects: t.projects,
                budget: money(lang, t.budget, dp),
                pledged: money(lang, t.pledged, dp),
                shortfall: money(lang, t.shortfall, dp),
            }
        })
        .collect();
    PortfolioReport {
        lang,
        labels: locale::labels(lang),
        date_iso: p.date.to_string(),
        date: locale::date(lang, p.date),
        date_from,
        generated: locale::date(lang, generated.unwrap_or(p.date)),
        frameworks,
        has_standards: p.has_standards,
        standards: p
            .standards
            .iter()
            .map(|r| {
                let mine: Vec<&Split> = splits.iter().filter(|s| s.code == r.code).collect();
                standard(lang, r, &mine, stem)
            })
            .collect(),
        off_track,
        statuses: Status::ALL.iter().map(|s| locale::status(lang, *s)).collect(),
        funding,
        without_funding: (!p.funding.without_funding.is_empty()).then(|| {
            locale::message(
                lang,
                "pf-without-funding",
                [("frameworks", p.funding.without_funding.join(", ").into())],
            )
        }),
    }
}
