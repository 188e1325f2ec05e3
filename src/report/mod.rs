//! The donor progress report as data.
//!
//! A [`Report`] is built once from the computed figures
//! ([`crate::compute::Computed`]) and holds every string a reader sees,
//! already localised and formatted: templates only place them, never
//! calculate. Charts, Markdown and JSON are renderings of this one value.
//! Raw figures are kept beside the formatted ones (as decimal strings) for
//! the charts and for machine consumers.

mod data_quality;
mod disaggregation;
pub mod funding;
pub mod gender;
mod headlines;
pub mod narrative;
pub mod outline;
pub mod photo;
pub mod portfolio;
mod results_notes;
pub mod risks;
pub mod scaffold;
pub mod stories;
pub mod translations;
pub mod workplan;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::compute::fiscal::fiscal_year_holding;
use crate::compute::targets::{expected_shown, target_within_period};
use crate::compute::{Computed, Progress, Status};
use crate::diag::Diagnostics;
use crate::ledger::Ledger;
use crate::locale::{self, Lang};
use crate::model::{ExpectedRule, FiscalYearStart, Framework, Indicator, IndicatorType, Period, Project, Value};
use crate::source::Sources;
pub use narrative::Narrative;

/// Which built-in layout a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Results in logframe order.
    General,
    /// Global Affairs Canada: outcomes before outputs, fiscal year
    /// April-March, performance measurement framework annex.
    Gac,
}

impl Layout {
    /// The layout a project's donor expects.
    pub fn for_donor(donor: Option<&str>) -> Layout {
        let d = donor.unwrap_or("").to_lowercase();
        if d.contains("global affairs canada") || d.contains("affaires mondiales canada") {
            Layout::Gac
        } else {
            Layout::General
        }
    }

    /// The template file the layout starts from.
    pub fn template(self) -> &'static str {
        match self {
            Layout::General => "report.md.j2",
            Layout::Gac => "gac.md.j2",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub lang: Lang,
    pub layout: Layout,
    pub labels: BTreeMap<&'static str, &'static str>,
    pub project: ProjectFacts,
    pub period: PeriodFacts,
    /// The generation date: `SOURCE_DATE_EPOCH` if set, else the period end.
    pub generated: String,
    /// The date of the newest ledger row counted up to the period's end
    /// ([`Computed::data_as_of`]): "Data as of" on the title page.
    pub data_as_of: Option<String>,
    pub as_of: Option<String>,
    pub summary: Summary,
    /// The framework's levels, top first.
    pub levels: Vec<LevelFacts>,
    /// Results in logframe order (depth first).
    pub results: Vec<ResultSection>,
    /// Which rule sets the value expected to date (`target_rule:`), in a
    /// sentence or two, said once above the results.
    pub target_rule: String,
    /// The parts of the body in the layout's order: what the built-in
    /// templates and the PDF both follow.
    pub outline: Vec<outline::Part>,
    /// The summary chart, relative to the Markdown file.
    pub summary_chart: String,
    pub narrative: Narrative,
    /// Off-track, at-risk or not-achieved indicators that the narrative
    /// does not explain ([`Narrative::explains`]): for the team, on
    /// stderr, never in the donor's copy.
    #[serde(skip)]
    pub missing_explanations: Vec<IndicatorRef>,
    pub pmf: Vec<PmfRow>,
    pub data_quality: Vec<String>,
    /// The financial section, when the framework has a `funding:` section.
    pub funding: Option<funding::FundingSection>,
    /// Gender equality results, when some indicator is disaggregated by sex.
    pub gender: Option<gender::GenderSection>,
    /// The risk register at the period, when the framework has `risks.yaml`.
    pub risks: Option<risks::RiskSection>,
    /// Planned vs done, and the next period, when it has `workplan.yaml`.
    pub workplan: Option<workplan::WorkplanSection>,
}

#[derive(Debug, Serialize)]
pub struct ProjectFacts {
    pub id: String,
    pub iati_id: Option<String>,
    pub title: String,
    pub short_name: String,
    pub description: Option<String>,
    pub donor: Option<String>,
    pub implementer: Option<String>,
    pub dates: String,
    /// `CAD 2,901,786.00`.
    pub budget: Option<String>,
    /// The countries by name, in the report's language.
    pub countries: String,
    /// The countries as written (ISO 3166-1 codes), for machines.
    pub country_codes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PeriodFacts {
    /// As written on the command line: `2023-Q3`, `FY2022-23`.
    pub code: String,
    pub dates: String,
    /// The title's reporting period: `2023-Q3 (1 July 2023 – 30 September
    /// 2023)`; in the GAC layout, a fiscal quarter or half by its fiscal
    /// name: `FY2023-24 Q2 (July–September 2023; calendar 2023-Q3)`.
    pub label: String,
    /// The period as the report's pages name it: `2023-Q3`, `T3 2023`.
    pub name: String,
    /// The fiscal year holding the period's end, `FY2023-24 (April – March)`.
    pub fiscal_year: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LevelFacts {
    pub id: String,
    pub name: String,
    /// The last level of a framework with several: outputs.
    pub is_output: bool,
}

#[derive(Debug, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    /// Every status with at least one indicator, in status order.
    pub counts: Vec<StatusCount>,
    pub total: usize,
    /// Chosen by the rule of [`crate::compute::headlines`].
    pub headlines: Vec<Headline>,
    /// Indicators off track, at risk or not achieved.
    pub attention: Vec<IndicatorRef>,
}

#[derive(Debug, Serialize)]
pub struct Headline {
    pub id: String,
    pub title: String,
    /// Which part of the rule chose it.
    pub kind: crate::compute::headlines::Kind,
    /// `172 practitioners of 180 (95.6% of the end-of-project target)`.
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRef {
    pub id: String,
    pub title: String,
    pub status: &'static str,
    pub explanation: String,
}

#[derive(Debug, Serialize)]
pub struct ResultSection {
    pub id: String,
    pub level: String,
    pub level_name: String,
    pub depth: usize,
    /// At the framework's last level (outputs).
    pub is_output: bool,
    pub statement: String,
    pub assumptions: Vec<String>,
    pub indicators: Vec<IndicatorSection>,
    /// Whether the table shows the "Target (period)" column: only when a
    /// target is written for the period for one of its indicators (a
    /// column of dashes says nothing).
    pub period_target_column: bool,
    /// Under the table: the percent formulas worked with one row's figures.
    pub notes: Vec<String>,
}

/// Raw figures behind the formatted cells, as decimal strings.
#[derive(Debug, Serialize)]
pub struct Figures {
    #[serde(with = "rust_decimal::serde::str_option")]
    pub to_date: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target_to_date: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub end_target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent_to_date: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent_of_end: Option<Decimal>,
}

/// One reporting period of an indicator's progress chart.
#[derive(Debug, Serialize)]
pub struct SeriesPoint {
    pub period: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub actual: Option<Decimal>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorSection {
    pub id: String,
    pub title: String,
    pub kind: IndicatorType,
    /// Values add up over periods (a count of things done); else a level
    /// (a share, a score, a number of days), which the progress chart
    /// plots near its range rather than from zero.
    pub cumulative: bool,
    pub unit: Option<String>,
    pub baseline: String,
    /// The target of the period alone
    /// ([`crate::compute::targets::target_within_period`]).
    pub period_target: String,
    /// The value expected to date (the target in force: written, or found
    /// by the rule), a count in whole units
    /// ([`crate::compute::targets::expected_shown`]); `figures` keeps the
    /// exact value that grading uses.
    pub target_to_date: String,
    /// The rule that found it: interpolate or step.
    pub target_rule: ExpectedRule,
    pub end_target: String,
    pub period_actual: String,
    pub to_date_actual: String,
    pub percent_to_date: String,
    pub percent_of_end: String,
    pub status: Status,
    pub status_label: &'static str,
    /// One sentence: the status and the figures behind it.
    pub explanation: String,
    /// The text of the latest qualitative value, if any.
    pub assessment: Option<String>,
    pub disaggregations: Vec<Table>,
    /// Comments recorded with the period's values: `2023-Q3: text`.
    pub comments: Vec<String>,
    /// The progress chart, relative to the Markdown file.
    pub chart: Option<String>,
    pub series: Vec<SeriesPoint>,
    pub figures: Figures,
}

/// A table of formatted cells; the first column is a label.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct PmfRow {
    pub id: String,
    pub title: String,
    pub definition: String,
    pub data_source: String,
    pub collection_method: String,
    pub frequency: String,
    pub responsible: String,
}

/// What a report is built from besides the computed figures.
pub struct Inputs<'a> {
    pub lang: Lang,
    pub layout: Layout,
    pub period: Period,
    pub as_of: Option<DateTime<Utc>>,
    /// `SOURCE_DATE_EPOCH`, seconds.
    pub source_date_epoch: Option<i64>,
    pub narrative: Narrative,
    /// Findings while loading and computing, for the data-quality annex.
    pub diagnostics: &'a Diagnostics,
    pub sources: &'a Sources,
    /// Folder of the charts, relative to the Markdown file.
    pub chart_dir: &'a str,
}

/// Shown where a figure is undefined; the explanation says why.
pub const UNDEFINED: &str = "–";

/// A file name for an indicator's chart: `chart-1100.1.svg`.
pub fn chart_file(id: &str) -> String {
    format!("chart-{}.svg", crate::output::safe_name(id))
}

pub const SUMMARY_CHART: &str = "summary.svg";

pub fn build(c: &Computed, inp: Inputs) -> Report {
    let fw = c.fw;
    let lang = inp.lang;
    let l = lang.code();
    let period = inp.period;
    let table = c.table(&period);
    let last_level = fw.levels.last().cloned().unwrap_or_default();
    // Each indicator's section on its own (on every core for a large
    // framework), in the framework's order.
    let indicators: Vec<IndicatorSection> = crate::parallel::map(&fw.indicators, |i, ind| {
        indicator_section(c, i, ind, &table.indicators[i], &inp)
    });
    let mut by_result: Vec<Vec<IndicatorSection>> = fw.results.iter().map(|_| Vec::new()).collect();
    for (sec, ind) in indicators.into_iter().zip(&fw.indicators) {
        by_result[ind.result].push(sec);
    }
    let results: Vec<ResultSection> = fw
        .results
        .iter()
        .zip(by_result)
        .map(|(r, indicators)| ResultSection {
            period_target_column: indicators.iter().any(|i| i.period_target != UNDEFINED),
            notes: results_notes::percent_notes(
                fw,
                &r.indicators
                    .iter()
                    .map(|&i| (i, &table.indicators[i]))
                    .collect::<Vec<_>>(),
                lang,
            ),
            id: r.id.clone(),
            level: r.level.clone(),
            level_name: locale::level(lang, &r.level),
            depth: r.depth,
            is_output: !last_level.is_empty() && r.level == last_level && fw.levels.len() > 1,
            statement: r.statement.get(l).to_string(),
            assumptions: r.assumptions.iter().map(|a| a.get(l).to_string()).collect(),
            indicators,
        })
        .collect();
    let all: Vec<&IndicatorSection> = results.iter().flat_map(|r| &r.indicators).collect();
    let headlines = headlines::headlines(lang, c, &period, &table, &all);
    let summary = summary(lang, &table.counts, &all, headlines);
    let missing_explanations = summary
        .attention
        .iter()
        .filter(|r| !inp.narrative.explains(&r.id, &r.title))
        .cloned()
        .collect();
    let p = &fw.project;
    let fiscal = fiscal_start(p, inp.layout);
    let fiscal_year = fiscal.map(|fy| fiscal_year(fy, &period, lang));
    let code = period.to_string();
    let dates = locale::date_range(lang, period.start, period.end);
    let label = fiscal
        .filter(|_| inp.layout == Layout::Gac)
        .and_then(|fy| period.as_fiscal_part(fy))
        .and_then(|f| {
            // The calendar name the ledger uses (FY2023-24-Q2 is 2023-Q3).
            let calendar = fw
                .reporting_periods()
                .into_iter()
                .find(|r| *r == period)
                .unwrap_or(period);
            locale::fiscal_part(lang, &f, &locale::period_name(lang, &calendar))
        })
        .unwrap_or_else(|| format!("{} ({dates})", locale::period_name(lang, &period)));
    let generated = inp
        .source_date_epoch
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .map(|t| t.date_naive())
        .unwrap_or(period.end);
    let levels: Vec<LevelFacts> = fw
        .levels
        .iter()
        .map(|lv| LevelFacts {
            id: lv.clone(),
            name: locale::level(lang, lv),
            is_output: fw.levels.len() > 1 && *lv == last_level,
        })
        .collect();
    Report {
        lang,
        layout: inp.layout,
        labels: locale::labels(lang),
        project: ProjectFacts {
            id: p.id.clone(),
            iati_id: p.iati_id.clone(),
            title: p.title.get(l).to_string(),
            short_name: p.short_name.clone().unwrap_or_else(|| p.id.clone()),
            description: p.description.as_ref().map(|d| d.get(l).to_string()),
            donor: p.donor.clone(),
            implementer: p.implementer.clone(),
            dates: locale::date_range(lang, p.start, p.end),
            budget: p.budget.map(|b| match &p.currency {
                Some(c) => format!("{c} {}", locale::money(lang, b)),
                None => locale::money(lang, b),
            }),
            countries: p
                .countries
                .iter()
                .map(|c| locale::country_or_code(lang, c))
                .collect::<Vec<_>>()
                .join(", "),
            country_codes: p.countries.clone(),
        },
        period: PeriodFacts {
            code,
            dates,
            label,
            name: locale::period_name(lang, &period),
            fiscal_year,
        },
        generated: locale::date(lang, generated),
        data_as_of: c.data_as_of(&period).map(|d| locale::date(lang, d)),
        as_of: inp.as_of.map(|a| locale::date(lang, a.date_naive())),
        summary,
        outline: outline::outline(inp.layout, &levels, &results),
        target_rule: results_notes::target_rule(fw, lang),
        levels,
        results,
        summary_chart: format!("{}/{SUMMARY_CHART}", inp.chart_dir),
        narrative: inp.narrative.clone(),
        missing_explanations,
        funding: crate::compute::funding::summary(fw, Some(period))
            .map(|(f, _)| funding::section(lang, &f, &period, inp.chart_dir)),
        gender: gender::section(c, &period, lang),
        risks: risks::section(fw, &period, lang),
        workplan: workplan::section(fw, &period, lang),
        pmf: pmf_rows(fw, lang),
        data_quality: data_quality::data_quality(lang, c, &period, inp.as_of, inp.diagnostics, inp.sources),
    }
}

fn summary(
    lang: Lang,
    counts: &BTreeMap<Status, usize>,
    all: &[&IndicatorSection],
    headlines: Vec<Headline>,
) -> Summary {
    let counts: Vec<StatusCount> = Status::ALL
        .iter()
        .filter_map(|s| {
            counts.get(s).map(|&n| StatusCount {
                status: *s,
                label: locale::status(lang, *s),
                count: n,
            })
        })
        .collect();
    let attention = all
        .iter()
        .filter(|s| matches!(s.status, Status::OffTrack | Status::AtRisk | Status::NotAchieved))
        .map(|s| IndicatorRef {
            id: s.id.clone(),
            title: s.title.clone(),
            status: s.status_label,
            explanation: s.explanation.clone(),
        })
        .collect();
    Summary {
        counts,
        total: all.len(),
        headlines,
        attention,
    }
}

fn indicator_section(c: &Computed, i: usize, ind: &Indicator, p: &Progress, inp: &Inputs) -> IndicatorSection {
    let lang = inp.lang;
    let fig = |d: Option<Decimal>| {
        d.map(|d| locale::figure(lang, ind.kind, d))
            .unwrap_or_else(|| UNDEFINED.into())
    };
    let val = |v: Option<&Value>| v.map(|v| locale::value(lang, v)).unwrap_or_else(|| UNDEFINED.into());
    let pct = |d: Option<Decimal>| d.map(|d| locale::percent(lang, d)).unwrap_or_else(|| UNDEFINED.into());
    let ledger = c.ledger;
    let assessment = match &p.to_date_actual {
        Some(Value::Text { text, .. }) => Some(text.to_string()),
        _ => None,
    };
    let chartable = match ind.kind {
        IndicatorType::Milestone => false,
        IndicatorType::Qualitative => ind.scale.is_some(),
        _ => true,
    };
    let series: Vec<SeriesPoint> = if chartable {
        c.reporting
            .iter()
            .filter(|rp| rp.end <= inp.period.end)
            .map(|rp| {
                let (target, actual) = c.to_date(i, rp);
                SeriesPoint {
                    period: rp.to_string(),
                    target: target.map(|t| t.value),
                    actual: actual.as_ref().and_then(Value::figure).map(|d| d.round_dp(2)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    IndicatorSection {
        id: ind.id.clone(),
        title: ind.title.get(lang.code()).to_string(),
        kind: ind.kind,
        cumulative: ind.cumulative,
        unit: ind.unit_in(lang.code()).map(str::to_string),
        baseline: fig(p.baseline),
        period_target: fig(target_within_period(c.fw, ind, &inp.period)),
        target_to_date: fig(p.target_to_date.map(|t| expected_shown(ind.kind, t.value))),
        target_rule: ind.target_rule,
        end_target: fig(p.end_target),
        period_actual: val(p.period_actual.as_ref()),
        to_date_actual: val(p.to_date_actual.as_ref()),
        percent_to_date: pct(p.percent_to_date),
        percent_of_end: pct(p.percent_of_end),
        status: p.status,
        status_label: locale::status(lang, p.status),
        explanation: locale::explanation(lang, ind.kind, p.status, &p.reason),
        assessment,
        disaggregations: disaggregation::disaggregations(c.fw, ledger, ind, p, lang),
        comments: comments(lang, ledger, &p.period_rows),
        chart: (!series.is_empty()).then(|| format!("{}/{}", inp.chart_dir, chart_file(&ind.id))),
        series,
        figures: Figures {
            to_date: p.to_date_actual.as_ref().and_then(Value::figure),
            target_to_date: p.target_to_date.map(|t| t.value),
            end_target: p.end_target,
            percent_to_date: p.percent_to_date,
            percent_of_end: p.percent_of_end,
        },
    }
}

/// Comments recorded with the rows, once each, by period.
fn comments(lang: Lang, ledger: &Ledger, rows: &[u32]) -> Vec<String> {
    let mut seen: Vec<(Period, &str)> = Vec::new();
    for &r in rows {
        let e = &ledger.entry(r);
        if let Some(text) = ledger.str(e.comment)
            && !seen.iter().any(|(p, t)| *p == e.period && *t == text)
        {
            seen.push((e.period, text));
        }
    }
    seen.sort_by_key(|(p, _)| *p);
    let colon = locale::text(lang, "colon");
    seen.into_iter()
        .map(|(p, t)| format!("{}{colon} {t}", locale::period_name(lang, &p)))
        .collect()
}

/// The project's fiscal year start: the declared one; else April for a
/// Global Affairs Canada project in the GAC layout (another donor's
/// project has none to show).
fn fiscal_start(p: &Project, layout: Layout) -> Option<FiscalYearStart> {
    let gac_donor = Layout::for_donor(p.donor.as_deref()) == Layout::Gac;
    p.fiscal_year_start.or(match layout {
        Layout::Gac if gac_donor => Some(FiscalYearStart { month: 4, day: 1 }),
        _ => None,
    })
}

/// The fiscal year holding the period's end, `FY2023-24 (April – March)`.
fn fiscal_year(fiscal: FiscalYearStart, period: &Period, lang: Lang) -> String {
    let fy_period = fiscal_year_holding(period.end, fiscal);
    let last_month = chrono::Datelike::month(&fy_period.end);
    format!(
        "{} ({} – {})",
        locale::fiscal_year(lang, chrono::Datelike::year(&fy_period.start), "fiscal-year-short"),
        locale::month(lang, fiscal.month),
        locale::month(lang, last_month)
    )
}

fn pmf_rows(fw: &Framework, lang: Lang) -> Vec<PmfRow> {
    let l = lang.code();
    let t = |x: &Option<crate::model::Text>| {
        x.as_ref()
            .map(|t| t.get(l).to_string())
            .unwrap_or_else(|| UNDEFINED.into())
    };
    fw.indicators
        .iter()
        .map(|ind| PmfRow {
            id: ind.id.clone(),
            title: ind.title.get(l).to_string(),
            definition: t(&ind.pmf.definition),
            data_source: t(&ind.pmf.data_source),
            collection_method: t(&ind.pmf.collection_method),
            frequency: t(&ind.pmf.frequency),
            responsible: t(&ind.pmf.responsible),
        })
        .collect()
}
