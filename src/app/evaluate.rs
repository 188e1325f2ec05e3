//! The evaluator's workbook (`logframe evaluate`): the tracking table of
//! `compare`, with what an evaluator otherwise assembles by hand beside it:
//! status counts by level, every indicator on one sheet with the comments
//! and the narrative's explanation of its figures, the whole ledger trail
//! (superseded and rejected rows marked) and data quality as rates.
//!
//! The tracking table is `compare`'s own model, built by its use case; the
//! rates are `compute::quality_rates` with the rules of `check --quality`.

use std::collections::BTreeMap;

use super::{Done, Failure, Opened, Result, compare};
use crate::compute::Computed;
use crate::compute::quality::Rules;
use crate::compute::quality_rates;
use crate::evaluate::compare::Compare;
use crate::evaluate::evaluation::{self, Evaluation, IndicatorNotes};
use crate::report::narrative::Narrative;

#[derive(Debug, Default, Clone)]
pub struct Query {
    /// First period shown (default: the project's first).
    pub from: Option<String>,
    /// Last period shown (default: the latest with values).
    pub to: Option<String>,
    pub as_of: Option<String>,
    /// Days after a period's end by which its values are due (default:
    /// the project's `reporting_deadline_days`).
    pub deadline_days: Option<u32>,
}

pub fn evaluate(o: &Opened, q: &Query) -> Result<Evaluation> {
    let fw = &o.framework;
    let done = compare::compare(
        o,
        &compare::Query {
            from: q.from.clone(),
            to: q.to.clone(),
            as_of: q.as_of.clone(),
            // The target in force at each column's end: agreed where one
            // falls due, else the value expected to date; the workbook marks
            // which in its "target kind" column and in italics.
            targets: crate::evaluate::compare::TargetsShown::Expected,
            ..Default::default()
        },
    )?;
    let model = done.value;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let today = as_of
        .map_or_else(crate::ledger::write::now, Ok)
        .map_err(|d| o.fail(Failure::usage(d)))?
        .date_naive();
    let (computed, _) = Computed::new(fw, &o.ledger, &o.sources, as_of);
    let rules = Rules {
        deadline_days: q.deadline_days.unwrap_or(fw.project.reporting_deadline_days),
        today,
        now: None,
    };
    let quality = quality_rates::rates(&computed, &rules);
    let levels = evaluation::level_counts(fw, &model);
    let notes = indicator_notes(o, &computed, &model);
    let history = evaluation::history_rows(fw, &o.ledger, &o.sources, as_of);
    Ok(Done::new(
        Evaluation {
            compare: model,
            kinds: evaluation::kind_totals(&levels),
            levels,
            notes,
            history,
            quality,
        },
        done.diagnostics,
        done.sources,
    ))
}

/// Paragraphs and list items of Markdown, without emphasis marks.
fn paragraphs(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut flush = |cur: &mut String| {
        let t = cur.trim().replace("**", "");
        if !t.is_empty() {
            out.push(t);
        }
        cur.clear();
    };
    for line in body.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            flush(&mut cur);
            continue;
        }
        if let Some(item) = t.strip_prefix("- ").or(t.strip_prefix("* ")) {
            flush(&mut cur);
            cur.push_str(item);
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(t);
        }
    }
    flush(&mut cur);
    out
}

fn indicator_notes(o: &Opened, c: &Computed, model: &Compare) -> BTreeMap<String, IndicatorNotes> {
    let fw = c.fw;
    let last = model.periods.last().copied();
    // The narrative for the last period shown, in the project's language.
    let narrative: Vec<String> = last
        .and_then(|p| Narrative::find(&fw.dir, &p.to_string(), &fw.project.language))
        .and_then(|path| Narrative::read(&path, &mut crate::source::Sources::default()).ok())
        .map(|text| {
            Narrative::parse(&text, None)
                .sections
                .iter()
                .flat_map(|s| paragraphs(&s.body))
                .collect()
        })
        .unwrap_or_default();
    let mentions = |para: &str, id: &str| {
        Narrative {
            sections: vec![crate::report::narrative::Section {
                title: String::new(),
                body: para.to_string(),
                stories: Vec::new(),
            }],
            ..Default::default()
        }
        .mentions(id)
    };
    fw.indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let point = c.series.by_indicator[i]
                .iter()
                .rev()
                .find(|p| last.is_none_or(|l| p.period.end <= l.end));
            let mut comments: Vec<String> = Vec::new();
            for &r in point.map(|p| p.rows.as_slice()).unwrap_or_default() {
                let text = o.ledger.str(o.ledger.entry(r).comment).unwrap_or("").trim();
                if !text.is_empty() && !comments.iter().any(|c| c == text) {
                    comments.push(text.to_string());
                }
            }
            let notes = IndicatorNotes {
                period: point.map(|p| p.period),
                comments,
                narrative: narrative.iter().filter(|p| mentions(p, &ind.id)).cloned().collect(),
            };
            (ind.id.clone(), notes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn paragraphs_split_at_blank_lines_and_list_items_without_emphasis() {
        let body = "Intro line one\nline two.\n\n- **Prosecutions (1100.2) are behind**: 6 of 13\n  expected.\n- Staff turnover.\n#### Sub\nLast.";
        assert_eq!(
            paragraphs(body),
            [
                "Intro line one line two.",
                "Prosecutions (1100.2) are behind: 6 of 13 expected.",
                "Staff turnover.",
                "Last.",
            ]
        );
    }
}
