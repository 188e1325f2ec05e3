//! The report's workplan: [`crate::compute::workplan`] at the period,
//! turned into a sentence (planned, due, done), the table of what was
//! planned in the period with its status, and the table of what comes in
//! the next reporting period. Nothing is counted here.
//!
//! Where it stands: after the risk register and before the narrative, in
//! both layouts (`report::outline`): it answers "outputs delivered vs
//! planned" and "the workplan for the next period" of Global Affairs
//! Canada's narrative report, and, like every structured part, comes
//! before the prose that explains its delays.

use chrono::NaiveDate;
use serde::Serialize;

use super::Table;
use crate::compute::workplan::workplan_at;
use crate::locale::{self, Lang, message};
use crate::model::workplan::{Activity, ActivityStatus};
use crate::model::{Framework, Period};

#[derive(Debug, Serialize)]
pub struct WorkplanSection {
    /// Planned in the period, due, done.
    pub summary: String,
    /// What was planned in the period; `None` when nothing was.
    pub table: Option<Table>,
    /// `Next period: 2023-Q4 (1 October 2023 – 31 December 2023)`.
    pub next_heading: Option<String>,
    /// What comes next; `None` when nothing does.
    pub next_table: Option<Table>,
    /// Said instead of a table: nothing comes next, or the period is the last.
    pub next_note: Option<String>,
    /// Statuses are the team's latest.
    pub note: String,
    pub activities: Vec<ActivityRow>,
    pub coming: Vec<ActivityRow>,
}

#[derive(Debug, Serialize)]
pub struct ActivityRow {
    pub id: String,
    pub title: String,
    pub result: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The planned dates, as the language writes a range.
    pub planned: String,
    pub status: ActivityStatus,
    pub status_label: String,
    /// The reason of a delay or cancellation, the date done, or since when
    /// an activity carried over is overdue.
    pub note: String,
    pub overdue: bool,
}

fn row(a: &Activity, overdue: bool, lang: Lang) -> ActivityRow {
    let l = lang.code();
    let mut notes: Vec<String> = Vec::new();
    if let Some(r) = &a.reason {
        notes.push(r.get(l).to_string());
    }
    if let Some(d) = a.actual_end {
        notes.push(message(
            lang,
            "workplan-done-on",
            [("date", locale::date(lang, d).into())],
        ));
    }
    if overdue {
        notes.push(message(
            lang,
            "workplan-overdue",
            [("date", locale::date(lang, a.end).into())],
        ));
    }
    ActivityRow {
        id: a.id.clone(),
        title: a.title.get(l).to_string(),
        result: a.result.clone(),
        start: a.start,
        end: a.end,
        planned: locale::date_range(lang, a.start, a.end),
        status: a.status,
        status_label: locale::text(lang, &format!("workplan-status-{}", a.status.name())).to_string(),
        note: notes
            .into_iter()
            .reduce(|a, b| message(lang, "workplan-note-join", [("a", a.into()), ("b", b.into())]))
            .unwrap_or_default(),
        overdue,
    }
}

fn table(rows: &[ActivityRow], lang: Lang) -> Option<Table> {
    if rows.is_empty() {
        return None;
    }
    let header = [
        "workplan_activity",
        "workplan_result",
        "workplan_planned",
        "workplan_status",
        "workplan_note",
    ]
    .iter()
    .map(|k| locale::text(lang, k).to_string())
    .collect();
    Some(Table {
        caption: String::new(),
        header,
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    format!("{} {}", r.id, r.title),
                    r.result.clone().unwrap_or_else(|| super::UNDEFINED.into()),
                    r.planned.clone(),
                    r.status_label.clone(),
                    r.note.clone(),
                ]
            })
            .collect(),
    })
}

/// The section, when the framework has a workplan.
pub(super) fn section(fw: &Framework, period: &Period, lang: Lang) -> Option<WorkplanSection> {
    let plan = fw.workplan.as_ref()?;
    let w = workplan_at(fw, plan, period);
    let code = locale::period_name(lang, period);
    let activities: Vec<ActivityRow> = w
        .in_period
        .iter()
        .map(|&i| row(&plan.activities[i], false, lang))
        .collect();
    let coming: Vec<ActivityRow> = w
        .coming
        .iter()
        .map(|&(i, overdue)| row(&plan.activities[i], overdue, lang))
        .collect();
    let summary = if activities.is_empty() {
        message(lang, "workplan-none", [("period", code.clone().into())])
    } else {
        let statuses: Vec<String> = w
            .by_status
            .iter()
            .map(|(s, n)| {
                message(
                    lang,
                    "workplan-status-count",
                    [
                        ("count", n.to_string().into()),
                        (
                            "status",
                            locale::text(lang, &format!("workplan-status-{}", s.name()))
                                .to_lowercase()
                                .into(),
                        ),
                    ],
                )
            })
            .collect();
        message(
            lang,
            "workplan-summary",
            [
                ("planned", activities.len().into()),
                ("period", code.clone().into()),
                ("due", w.due.into()),
                ("done", w.due_done.into()),
                ("statuses", statuses.join(", ").into()),
            ],
        )
    };
    let next_heading = w.next.map(|n| {
        message(
            lang,
            "workplan-next-heading",
            [
                ("period", locale::period_name(lang, &n).into()),
                ("dates", locale::date_range(lang, n.start, n.end).into()),
            ],
        )
    });
    let next_note = match w.next {
        None => Some(message(lang, "workplan-last", [("period", code.into())])),
        Some(n) if coming.is_empty() => Some(message(
            lang,
            "workplan-next-none",
            [("period", locale::period_name(lang, &n).into())],
        )),
        Some(_) => None,
    };
    Some(WorkplanSection {
        summary,
        table: table(&activities, lang),
        next_heading,
        next_table: table(&coming, lang),
        next_note,
        note: locale::text(lang, "workplan_status_note").to_string(),
        activities,
        coming,
    })
}
