//! The portfolio as text: the roll-up of each standard indicator (its
//! contributions, total, split), each framework's status counts, and the
//! funding totals per currency; and the roll-up as CSV. Words from the
//! terminal's English catalogue.

use crate::compute::portfolio::{DateFrom, Portfolio};
use crate::compute::rollup::{Contribution, Rollup, Total};
use crate::format::{columns, decimal, percent, value};
use crate::load::standards::Misfit;
use crate::locale::{self, Lang, term, term_message};
use crate::model::Value;
use crate::render::funding::money;
use crate::render::status::spreadsheet_safe;

/// The figure of a roll-up total, in words.
fn total_text(t: &Total, unit: &str) -> String {
    match t {
        Total::Sum { value: Some(v) } => term_message(
            "portfolio-total-sum",
            [("value", decimal(*v).into()), ("unit", unit.to_string().into())],
        ),
        Total::Pool {
            numerator: Some(n),
            denominator: Some(d),
            percent: p,
        } => term_message(
            "portfolio-total-pool",
            [
                ("percent", percent_or_none(*p).into()),
                ("numerator", decimal(*n).into()),
                ("denominator", decimal(*d).into()),
            ],
        ),
        Total::Sum { value: None } | Total::Pool { .. } => term("portfolio-total-none").to_string(),
        Total::List => term("portfolio-total-list").to_string(),
        Total::Done {
            done,
            overdue,
            not_yet_due,
        } => term_message(
            "portfolio-total-done",
            [
                ("done", (*done).into()),
                ("overdue", (*overdue).into()),
                ("notdue", (*not_yet_due).into()),
            ],
        ),
    }
}

/// The figure of a group's total alone: `220`, `40 % (40/100)`.
fn figure_text(t: &Total) -> String {
    match t {
        Total::Sum { value: Some(v) } => decimal(*v),
        Total::Pool {
            numerator: Some(n),
            denominator: Some(d),
            percent: p,
        } => format!("{} ({}/{})", percent_or_none(*p), decimal(*n), decimal(*d)),
        _ => String::new(),
    }
}

fn percent_or_none(p: Option<rust_decimal::Decimal>) -> String {
    p.map_or_else(|| term("portfolio-undefined").to_string(), |p| percent(Some(p)))
}

/// Why a contribution is not added, in words; empty when it is.
fn note(c: &Contribution) -> String {
    match &c.misfit {
        Some(Misfit::Unit { found }) => term_message(
            "portfolio-misfit-unit",
            [(
                "unit",
                found.clone().unwrap_or_else(|| term("term-none").to_string()).into(),
            )],
        ),
        Some(Misfit::Type { found }) => term_message("portfolio-misfit-type", [("type", found.clone().into())]),
        Some(Misfit::PerPeriod) => term("portfolio-misfit-per-period").to_string(),
        None if c.period.is_none() => term("portfolio-no-period").to_string(),
        None if c.value.is_none() => term("portfolio-no-value-here").to_string(),
        None => String::new(),
    }
}

fn period_text(p: Option<&crate::model::Period>) -> String {
    p.map(ToString::to_string).unwrap_or_default()
}

fn status_text(s: Option<crate::compute::Status>) -> String {
    s.map(|s| locale::status(Lang::En, s).to_string()).unwrap_or_default()
}

/// A group's name; a value with no group is "not broken down" (a split by
/// a disaggregation) or "no donor named" (by donor).
fn group_key(by: Option<&str>, k: Option<&str>) -> String {
    let none = if by == Some("donor") {
        "portfolio-no-donor"
    } else {
        "portfolio-not-broken-down"
    };
    k.map_or_else(|| term(none).to_string(), str::to_string)
}

fn date_line(p: &Portfolio) -> String {
    let date = p.date.to_string();
    let from = match &p.date_from {
        DateFrom::Period { period } => term_message("portfolio-date-period", [("period", period.to_string().into())]),
        DateFrom::AsOf => term_message("portfolio-date-as-of", [("date", date.clone().into())]),
        DateFrom::Today => term("portfolio-date-today").to_string(),
    };
    term_message(
        "portfolio-title",
        [
            ("date", date.into()),
            ("from", from.into()),
            ("count", p.frameworks.len().into()),
        ],
    )
}

fn rollup_table(r: &Rollup, by: Option<&str>) -> String {
    let mut out = term_message(
        "portfolio-standard",
        [
            ("code", r.code.clone().into()),
            ("title", r.title.default.clone().into()),
            ("unit", r.unit.clone().into()),
        ],
    ) + "\n";
    let rows: Vec<Vec<String>> = r
        .contributions
        .iter()
        .map(|c| {
            vec![
                c.framework.clone(),
                c.indicator.clone(),
                period_text(c.period.as_ref()),
                c.unit.clone().unwrap_or_default(),
                c.value.as_ref().map(value).unwrap_or_default(),
                status_text(c.status),
                note(c),
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            term("portfolio-col-framework"),
            term("col-indicator"),
            term("col-period"),
            term("portfolio-col-unit"),
            term("col-to-date"),
            term("col-status"),
            term("portfolio-col-note"),
        ],
        &rows,
        &[false, false, false, false, true, false, false],
    ));
    out.push_str(&total_text(&r.total, &r.unit));
    out.push('\n');
    if let (Some(by), false) = (by, r.groups.is_empty()) {
        let rows: Vec<Vec<String>> = r
            .groups
            .iter()
            .map(|g| vec![group_key(Some(by), g.key.as_deref()), figure_text(&g.total)])
            .collect();
        let head = term_message("portfolio-by", [("by", by.to_string().into())]);
        out.push_str(&columns(&[head.as_str(), term("col-value")], &rows, &[false, true]));
    }
    if !r.no_value.is_empty() {
        out.push_str(&term_message(
            "portfolio-no-value",
            [("frameworks", r.no_value.join(", ").into())],
        ));
        out.push('\n');
    }
    out
}

/// The portfolio as aligned text.
pub fn table(p: &Portfolio) -> String {
    let mut out = date_line(p) + "\n\n";
    out.push_str(term("portfolio-standards"));
    out.push('\n');
    if !p.has_standards {
        out.push_str(term("portfolio-no-standards"));
        out.push('\n');
    }
    for r in &p.standards {
        out.push('\n');
        out.push_str(&rollup_table(r, p.by.as_deref()));
    }
    out.push('\n');
    out.push_str(term("portfolio-status-by-framework"));
    out.push('\n');
    let statuses = crate::compute::Status::ALL;
    let rows: Vec<Vec<String>> = p
        .frameworks
        .iter()
        .map(|f| {
            let mut row = vec![
                f.framework.clone(),
                frequency_name(f.reporting_frequency),
                f.period
                    .map_or_else(|| term("portfolio-no-period").to_string(), |p| p.to_string()),
            ];
            row.extend(
                statuses
                    .iter()
                    .map(|s| f.counts.get(s).copied().unwrap_or(0).to_string()),
            );
            row.push(f.off_track.join(", "));
            row
        })
        .collect();
    let mut head = vec![
        term("portfolio-col-framework"),
        term("portfolio-col-frequency"),
        term("col-period"),
    ];
    head.extend(statuses.iter().map(|s| locale::status(Lang::En, *s)));
    head.push(term("portfolio-col-off-track"));
    let mut right = vec![false, false, false];
    right.extend(statuses.iter().map(|_| true));
    right.push(false);
    out.push_str(&columns(&head, &rows, &right));
    out.push('\n');
    out.push_str(term("portfolio-funding"));
    out.push('\n');
    let rows: Vec<Vec<String>> = p
        .funding
        .totals
        .iter()
        .map(|t| {
            // One number of decimals per row, so that the figures line up.
            let dp = [t.budget, t.pledged, t.shortfall]
                .iter()
                .map(|d| d.scale())
                .max()
                .unwrap_or(0);
            let m = |d: rust_decimal::Decimal| {
                let mut x = d;
                x.rescale(dp);
                money(x)
            };
            vec![
                t.currency.clone(),
                t.projects.to_string(),
                m(t.budget),
                m(t.pledged),
                m(t.shortfall),
            ]
        })
        .collect();
    out.push_str(&columns(
        &[
            term("funding-col-currency"),
            term("funding-col-projects"),
            term("funding-col-budget"),
            term("funding-col-pledged"),
            term("funding-col-shortfall"),
        ],
        &rows,
        &[false, true, true, true, true],
    ));
    if !p.funding.without_funding.is_empty() {
        out.push_str(&term_message(
            "portfolio-without-funding",
            [("frameworks", p.funding.without_funding.join(", ").into())],
        ));
        out.push('\n');
    }
    out
}

/// The reporting frequency as logframe.yaml writes it.
fn frequency_name(f: crate::model::Frequency) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The roll-up as CSV: one row per contribution, per group and per total.
/// The roll-up's columns, in the CSV and the workbook.
pub const ROLLUP_COLUMNS: [&str; 16] = [
    "standard",
    "row",
    "group",
    "framework",
    "indicator",
    "period",
    "unit",
    "status",
    "value",
    "numerator",
    "denominator",
    "percent",
    "done",
    "overdue",
    "not_yet_due",
    "note",
];

/// The columns of [`ROLLUP_COLUMNS`] that hold numbers (the others text).
pub const NUMBER_COLUMNS: std::ops::RangeInclusive<usize> = 8..=14;

/// The roll-up as rows of text: each standard's contributions, its groups
/// and its total.
pub fn rollup_rows(p: &Portfolio) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let figures = |v: Option<&Value>| -> [String; 4] {
        match v {
            Some(Value::Number { value }) => [decimal(*value), String::new(), String::new(), String::new()],
            Some(Value::Ratio { numerator, denominator }) => [
                String::new(),
                decimal(*numerator),
                decimal(*denominator),
                v.and_then(Value::figure).map(decimal).unwrap_or_default(),
            ],
            Some(Value::Flag { done }) => [done.to_string(), String::new(), String::new(), String::new()],
            Some(Value::Text { .. }) | None => Default::default(),
        }
    };
    let total_cells = |t: &Total| -> [String; 7] {
        let o = |d: Option<rust_decimal::Decimal>| d.map(decimal).unwrap_or_default();
        match t {
            Total::Sum { value } => [
                o(*value),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            Total::Pool {
                numerator,
                denominator,
                percent,
            } => [
                String::new(),
                o(*numerator),
                o(*denominator),
                o(*percent),
                String::new(),
                String::new(),
                String::new(),
            ],
            Total::List => Default::default(),
            Total::Done {
                done,
                overdue,
                not_yet_due,
            } => [
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                done.to_string(),
                overdue.to_string(),
                not_yet_due.to_string(),
            ],
        }
    };
    for r in &p.standards {
        for c in &r.contributions {
            let [v, n, d, pc] = figures(c.value.as_ref());
            rows.push(vec![
                r.code.clone(),
                "contribution".into(),
                String::new(),
                c.framework.clone(),
                c.indicator.clone(),
                period_text(c.period.as_ref()),
                c.unit.clone().unwrap_or_default(),
                status_text(c.status),
                v,
                n,
                d,
                pc,
                String::new(),
                String::new(),
                String::new(),
                note(c),
            ]);
        }
        for g in &r.groups {
            let cells = total_cells(&g.total);
            let mut rec = vec![
                r.code.clone(),
                "group".into(),
                group_key(p.by.as_deref(), g.key.as_deref()),
                String::new(),
                String::new(),
                String::new(),
                r.unit.clone(),
                String::new(),
            ];
            rec.extend(cells);
            rec.push(String::new());
            rows.push(rec);
        }
        let mut rec = vec![
            r.code.clone(),
            "total".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            r.unit.clone(),
            String::new(),
        ];
        rec.extend(total_cells(&r.total));
        rec.push(if r.no_value.is_empty() {
            String::new()
        } else {
            term_message("portfolio-no-value", [("frameworks", r.no_value.join(", ").into())])
        });
        rows.push(rec);
    }
    rows
}

/// The roll-up as CSV; text cells that a spreadsheet would run as a
/// formula are quoted with `'`.
pub fn csv(p: &Portfolio) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(ROLLUP_COLUMNS)?;
    for row in rollup_rows(p) {
        w.write_record(row.iter().enumerate().map(|(i, cell)| {
            if NUMBER_COLUMNS.contains(&i) {
                cell.clone()
            } else {
                spreadsheet_safe(cell)
            }
        }))?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8"))
}

/// The portfolio report as files, named relative to the output folder:
/// `<stem>.md` with one SVG chart per standard in the folder `<stem>/`,
/// `<stem>.json` (the model), or `<stem>.pdf`. Nothing is written here.
pub fn report_files(
    r: &crate::report::portfolio::PortfolioReport,
    stem: &str,
    format: crate::render::files::ReportFormat,
    pdf: &crate::render::pdf::Options,
) -> Result<Vec<(std::path::PathBuf, Vec<u8>)>, crate::diag::Diagnostic> {
    use crate::render::files::ReportFormat;
    use std::path::PathBuf;
    Ok(match format {
        ReportFormat::Json => {
            let text = serde_json::to_string_pretty(r).expect("the portfolio report serialises") + "\n";
            vec![(PathBuf::from(format!("{stem}.json")), text.into_bytes())]
        }
        ReportFormat::Md => {
            let mut files = vec![(PathBuf::from(format!("{stem}.md")), report_markdown(r)?.into_bytes())];
            for s in r.standards.iter().filter(|s| s.chart.is_some()) {
                let name = crate::report::portfolio::chart_file(stem, &s.code);
                files.push((
                    PathBuf::from(name),
                    crate::render::chart::contributions(r, s).into_bytes(),
                ));
            }
            files
        }
        ReportFormat::Pdf => vec![(
            PathBuf::from(format!("{stem}.pdf")),
            crate::render::pdf::render_portfolio(r, pdf),
        )],
    })
}

/// The portfolio report as Markdown, from the built-in template
/// `portfolio.md.j2` (values escaped for Markdown as in every report).
pub fn report_markdown(r: &crate::report::portfolio::PortfolioReport) -> Result<String, crate::diag::Diagnostic> {
    let env = crate::render::markdown::environment(Vec::new());
    env.get_template("portfolio.md.j2")
        .and_then(|t| t.render(minijinja::Value::from(minijinja::value::Serde(r))))
        .map_err(|e| {
            crate::diag::Diagnostic::error(format!("portfolio.md.j2: {e}"))
                .expected("the built-in portfolio template to render")
                .found(format!("{:?}", e.kind()))
                .hint("this is a bug in logframe: please report it with the command you ran")
        })
}
