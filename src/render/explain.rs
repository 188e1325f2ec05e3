//! `logframe explain`: how one figure was obtained, as text or JSON.

use crate::evaluate::explain::{Explanation, RowTrace};
use crate::format::{self, clip, columns};

fn rows_table(rows: &[&RowTrace], superseded: bool) -> String {
    let mut header = vec!["period", "breakdown", "value", "recorded_at", "by", "source", "row"];
    header.push(if superseded { "superseded by" } else { "role" });
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.period.to_string(),
                r.breakdown.clone(),
                format::value(&r.value),
                r.recorded_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "undated".into()),
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
    out.push_str(&format!(
        "period {} ({} .. {}){}\n",
        e.period,
        e.period.start,
        e.period.end,
        e.as_of
            .map(|a| format!(", ledger as of {}", a.date_naive()))
            .unwrap_or_default()
    ));
    out.push_str(&format!(
        "{}{}, {}, {}, aggregate {}\n\n",
        e.kind.name(),
        e.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default(),
        format!("{:?}", e.direction).to_lowercase(),
        if e.cumulative { "cumulative" } else { "not cumulative" },
        e.aggregate.name()
    ));
    out.push_str(&format!(
        "status: {}\n",
        crate::locale::plain_explanation(p.status, &p.reason)
    ));
    out.push_str(&format!(
        "period value {}, to date {}, target in force {}, end target {}, {} of the target, {} of the end target\n",
        or_none(&format::opt_value(p.period_actual.as_ref())),
        or_none(&format::opt_value(p.to_date_actual.as_ref())),
        or_none(&format::target_figure(e.kind, p.target_to_date.map(|t| t.value))),
        or_none(&format::target(e.kind, p.end_target)),
        or_none(&format::percent(p.percent_to_date)),
        or_none(&format::percent(p.percent_of_end)),
    ));

    out.push_str("\nvalues in force that went into the figures\n");
    if e.points.is_empty() {
        out.push_str("  none recorded up to the period's end\n");
    }
    for pt in &e.points {
        out.push_str(&format!(
            "  {} = {}{}: {}\n",
            pt.period,
            format::value(&pt.value),
            if pt.in_period { " (within the period)" } else { "" },
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
    out.push_str("\nsuperseded by corrections\n");
    if e.superseded.is_empty() {
        out.push_str("  none\n");
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
        ("aggregation", &e.aggregation),
        ("target", &e.target),
        ("percent achieved", &e.percent),
        ("status", &e.status),
    ] {
        out.push_str(&format!("\n{title}\n"));
        for l in lines.iter() {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out
}

fn or_none(s: &str) -> String {
    if s.is_empty() { "none".into() } else { s.to_string() }
}

pub fn json(e: &Explanation) -> String {
    serde_json::to_string_pretty(e).expect("the explanation serialises") + "\n"
}
