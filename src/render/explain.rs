//! `logframe explain`: how one figure was obtained, as text or JSON.

use crate::evaluate::explain::{Explanation, RowTrace};
use crate::format::{self, clip, columns};
use crate::locale::{term, term_message};

fn rows_table(rows: &[&RowTrace], superseded: bool) -> String {
    let mut header = [
        "col-period",
        "col-breakdown",
        "col-value",
        "col-recorded-at",
        "col-by",
        "col-source",
        "col-row",
    ]
    .map(term)
    .to_vec();
    header.push(term(if superseded { "col-superseded-by" } else { "col-role" }));
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.period.to_string(),
                r.breakdown.clone(),
                format::value(&r.value),
                r.recorded_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| term("term-undated").into()),
                r.recorded_by.clone().unwrap_or_default(),
                clip(r.source.as_deref().unwrap_or(""), 32),
                r.row.clone(),
                if superseded {
                    r.superseded_by.clone().unwrap_or_default()
                } else {
                    r.role.unwrap_or("").to_string()
                },
            ]
        })
        .collect();
    columns(&header, &body, &[false, false, true])
        .lines()
        .map(|l| format!("  {l}\n"))
        .collect()
}

pub fn text(e: &Explanation) -> String {
    let p = &e.progress;
    let mut out = format!("{} {}\n", e.indicator, e.title);
    out.push_str(&super::status::period_line(&e.period, e.as_of));
    out.push('\n');
    out.push_str(&format!(
        "{}{}, {}, {}, {}\n\n",
        e.kind.name(),
        e.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default(),
        format!("{:?}", e.direction).to_lowercase(),
        term(if e.cumulative {
            "explain-cumulative"
        } else {
            "explain-not-cumulative"
        }),
        term_message("explain-aggregate", [("name", e.aggregate.name().into())])
    ));
    out.push_str(&term_message(
        "explain-status",
        [("text", crate::locale::plain_explanation(p.status, &p.reason).into())],
    ));
    out.push('\n');
    out.push_str(&term_message(
        "explain-figures",
        [
            ("period", or_none(&format::opt_value(p.period_actual.as_ref())).into()),
            ("to_date", or_none(&format::opt_value(p.to_date_actual.as_ref())).into()),
            (
                "target",
                or_none(&format::target_figure(e.kind, p.target_to_date.map(|t| t.value))).into(),
            ),
            ("end", or_none(&format::target(e.kind, p.end_target)).into()),
            ("percent", or_none(&format::percent(p.percent_to_date)).into()),
            ("percent_end", or_none(&format::percent(p.percent_of_end)).into()),
        ],
    ));
    out.push('\n');

    out.push_str(&format!("\n{}\n", term("explain-points")));
    if e.points.is_empty() {
        out.push_str(&format!("  {}\n", term("explain-no-points")));
    }
    for pt in &e.points {
        out.push_str(&format!(
            "  {} = {}{}: {}\n",
            pt.period,
            format::value(&pt.value),
            if pt.in_period {
                format!(" {}", term("explain-within-period"))
            } else {
                String::new()
            },
            pt.formed
        ));
        for c in &pt.checks {
            out.push_str(&format!("    {c}\n"));
        }
    }
    let all: Vec<&RowTrace> = e.points.iter().flat_map(|p| &p.rows).collect();
    if !all.is_empty() {
        out.push('\n');
        out.push_str(&rows_table(&all, false));
    }
    out.push_str(&format!("\n{}\n", term("explain-superseded")));
    if e.superseded.is_empty() {
        out.push_str(&format!("  {}\n", term("term-none")));
    } else {
        let rows: Vec<&RowTrace> = e.superseded.iter().collect();
        out.push_str(&rows_table(&rows, true));
        for r in &e.superseded {
            if let Some(c) = all.iter().find(|a| Some(&a.row) == r.superseded_by.as_ref()) {
                out.push_str(&format!(
                    "  {} {} ({}): {} -> {}{}\n",
                    e.indicator,
                    r.period,
                    r.breakdown,
                    format::value(&r.value),
                    format::value(&c.value),
                    c.comment
                        .as_deref()
                        .map(|m| format!(": {}", clip(m, 80)))
                        .unwrap_or_default()
                ));
            }
        }
    }
    for (title, lines) in [
        ("explain-aggregation", &e.aggregation),
        ("explain-target", &e.target),
        ("explain-percent", &e.percent),
        ("explain-status-title", &e.status),
    ] {
        out.push_str(&format!("\n{}\n", term(title)));
        for l in lines.iter() {
            out.push_str(&format!("  {l}\n"));
        }
    }
    if !e.parts.is_empty() {
        out.push_str(&format!("\n{}\n", term("explain-parts")));
        for p in &e.parts {
            out.push_str(&format!("  {}\n", p.text));
            if !p.rows.is_empty() {
                out.push_str(&format!("    {}\n", row_list(&p.rows)));
            }
        }
    }
    out
}

/// `file:line` references, the file written once per run of lines in it:
/// `ledger.csv:2,3,4`.
fn row_list(rows: &[String]) -> String {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for r in rows {
        let (file, line) = r.rsplit_once(':').unwrap_or((r.as_str(), ""));
        match out.last_mut() {
            Some((f, lines)) if f == file => lines.push(line.to_string()),
            _ => out.push((file.to_string(), vec![line.to_string()])),
        }
    }
    out.iter()
        .map(|(f, lines)| format!("{f}:{}", lines.join(",")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn or_none(s: &str) -> String {
    if s.is_empty() {
        term("term-none").into()
    } else {
        s.to_string()
    }
}

pub fn json(e: &Explanation) -> String {
    serde_json::to_string_pretty(e).expect("the explanation serialises") + "\n"
}
