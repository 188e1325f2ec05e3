//! `logframe status`: the status table as text, CSV or JSON.

use crate::compute::{Status, StatusTable};
use crate::format::{self, clip, columns};
use crate::locale::{self, Lang, term, term_message};
use crate::model::Framework;

pub fn table(fw: &Framework, t: &StatusTable) -> String {
    let mut out = format!(
        "{} — {}\n{}\n\n",
        fw.project.short_name.as_deref().unwrap_or(&fw.project.id),
        fw.project.title.default,
        period_line(&t.period, t.as_of)
    );
    if let Some(c) = &t.category {
        out.truncate(out.len() - 1);
        out.push_str(&category_lines(c));
        out.push('\n');
        return category_table(fw, t, out);
    }
    let header = [
        "col-indicator",
        "col-title",
        "col-baseline",
        "col-period",
        "col-to-date",
        "col-target",
        "col-end",
        "col-percent-target",
        "col-percent-end",
        "col-status",
    ]
    .map(term);
    let rows: Vec<Vec<String>> = t
        .indicators
        .iter()
        .map(|p| {
            let ind = indicator(fw, p);
            vec![
                p.indicator.clone(),
                clip(&ind.title.default, 44),
                format::target(ind.kind, p.baseline),
                clip(&format::opt_value(p.period_actual.as_ref()), 24),
                clip(&format::opt_value(p.to_date_actual.as_ref()), 24),
                format::target_figure(ind.kind, p.target_to_date.map(|t| t.value)),
                format::target(ind.kind, p.end_target),
                format::percent(p.percent_to_date),
                format::percent(p.percent_of_end),
                locale::status(Lang::En, p.status).to_string(),
            ]
        })
        .collect();
    let right = [false, false, true, true, true, true, true, true, true, false];
    out.push_str(&columns(&header, &rows, &right));
    out.push('\n');
    for p in &t.indicators {
        out.push_str(&format!(
            "{:<8} {}\n",
            p.indicator,
            locale::plain_explanation(p.status, &p.reason)
        ));
    }
    out.push('\n');
    let counts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| t.counts.get(s).map(|n| format!("{n} {}", locale::status(Lang::En, *s))))
        .collect();
    out.push_str(&term_message(
        "status-counts",
        [
            ("n", t.indicators.len().to_string().into()),
            ("counts", counts.join(", ").into()),
        ],
    ));
    out.push('\n');
    out
}

/// A category's table: what was recorded, within the period and to date
/// (no targets, so no percent and no status).
fn category_table(fw: &Framework, t: &StatusTable, mut out: String) -> String {
    let header = ["col-indicator", "col-title", "col-period", "col-to-date"].map(term);
    let rows: Vec<Vec<String>> = t
        .indicators
        .iter()
        .map(|p| {
            vec![
                p.indicator.clone(),
                clip(&indicator(fw, p).title.default, 44),
                clip(&format::opt_value(p.period_actual.as_ref()), 24),
                clip(&format::opt_value(p.to_date_actual.as_ref()), 24),
            ]
        })
        .collect();
    out.push_str(&columns(&header, &rows, &[false, false, true, true]));
    out
}

/// The indicator a row of the table is about.
fn indicator<'a>(fw: &'a Framework, p: &crate::compute::Progress) -> &'a crate::model::Indicator {
    let i = fw
        .indicator_index(&p.indicator)
        .expect("a status row is one of the framework's indicators");
    &fw.indicators[i]
}

/// `category: country = GT; no targets (...)` and the indicators left out.
fn category_lines(c: &crate::compute::category::CategoryView) -> String {
    let cats: Vec<String> = c.categories.iter().map(|(d, v)| format!("{d} = {v}")).collect();
    let mut s = term_message("status-category", [("categories", cats.join(", ").into())]);
    s.push('\n');
    if !c.not_broken_down.is_empty() {
        s.push_str(&term_message(
            "status-not-broken-down",
            [
                (
                    "dims",
                    c.categories
                        .iter()
                        .map(|(d, _)| d.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                ),
                ("ids", c.not_broken_down.join(", ").into()),
            ],
        ));
        s.push('\n');
    }
    s
}

/// `period 2024-Q1 (2024-01-01 .. 2024-03-31), ledger as of 2024-05-01`.
pub fn period_line(period: &crate::model::Period, as_of: Option<chrono::DateTime<chrono::Utc>>) -> String {
    let mut s = term_message(
        "term-period",
        [
            ("period", period.to_string().into()),
            ("start", period.start.to_string().into()),
            ("end", period.end.to_string().into()),
        ],
    );
    if let Some(a) = as_of {
        s.push_str(", ");
        s.push_str(&term_message(
            "term-as-of",
            [("date", a.date_naive().to_string().into())],
        ));
    }
    s
}

pub fn csv(fw: &Framework, t: &StatusTable) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header = [
        "indicator",
        "title",
        "period",
        "baseline",
        "period_actual",
        "to_date_actual",
        "numerator",
        "denominator",
        "target_to_date",
        "end_target",
        "percent_to_date",
        "percent_of_end",
        "status",
        "explanation",
    ];
    w.write_record(header).expect("in-memory write");
    for p in &t.indicators {
        let ind = indicator(fw, p);
        let (num, den) = match &p.to_date_actual {
            Some(crate::model::Value::Ratio { numerator, denominator }) => {
                (format::decimal(*numerator), format::decimal(*denominator))
            }
            _ => (String::new(), String::new()),
        };
        let fig = |v: Option<&crate::model::Value>| {
            v.and_then(|v| v.figure())
                .map(|d| format::decimal(d.round_dp(4)))
                .unwrap_or_default()
        };
        w.write_record([
            p.indicator.clone(),
            spreadsheet_safe(&ind.title.default),
            p.period.to_string(),
            format::opt_decimal(p.baseline),
            fig(p.period_actual.as_ref()),
            fig(p.to_date_actual.as_ref()),
            num,
            den,
            // Exact figures: CSV is for programs and spreadsheets.
            format::opt_decimal(p.target_to_date.map(|t| t.value)),
            format::target(ind.kind, p.end_target),
            format::opt_decimal(p.percent_to_date),
            format::opt_decimal(p.percent_of_end),
            locale::status(Lang::En, p.status).to_string(),
            spreadsheet_safe(&locale::plain_explanation(p.status, &p.reason)),
        ])
        .expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory write")).expect("utf-8")
}

/// User text that a spreadsheet would take for a formula is prefixed with
/// an apostrophe so that it stays text.
pub fn spreadsheet_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub fn json(t: &StatusTable) -> String {
    serde_json::to_string_pretty(t).expect("status serialises") + "\n"
}
