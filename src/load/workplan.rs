//! `workplan.yaml` -> [`Workplan`]: the activities beside the logframe.
//!
//! Each activity's own problems (an unknown status, a delay without its
//! reason, an end before the start) are found here, at the activity; rules
//! that need the logframe or the whole plan in view (duplicate ids, linked
//! results, dates inside the project) live in `validate::workplan`. An
//! absent file means no workplan, and no section in the report.

use serde::Deserialize;

use super::beside::{Ctx, read};
use super::raw::{DateText, IdText, Loc, RawText};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::model::workplan::{Activity, ActivityStatus, Workplan};
use crate::source::Sources;

pub const FILE: &str = "workplan.yaml";

/// `workplan.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkplan {
    activities: Vec<Loc<RawActivity>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActivity {
    id: Loc<IdText>,
    title: Loc<RawText>,
    /// The id of the result (usually an output) the activity delivers.
    result: Option<Loc<IdText>>,
    start: Loc<DateText>,
    end: Loc<DateText>,
    /// planned | under_way | done | delayed | cancelled
    status: Loc<String>,
    /// Required when delayed or cancelled.
    reason: Option<Loc<RawText>>,
    actual_end: Option<Loc<DateText>>,
}

/// The workplan of the framework's folder, if it has one.
pub fn load(fw: &Framework, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Workplan> {
    let (raw, file): (RawWorkplan, _) = read(fw, FILE, sources, diags)?;
    let mut cx = Ctx {
        fw,
        file,
        sources,
        diags,
    };
    let activities = raw.activities.iter().filter_map(|a| activity(&mut cx, a)).collect();
    Some(Workplan { activities })
}

fn activity(cx: &mut Ctx, loc: &Loc<RawActivity>) -> Option<Activity> {
    let a = loc.value();
    let id = cx.id(&a.id, "an activity");
    let what = format!("activity {}", id.as_deref().unwrap_or("?"));
    let title = cx.text(&a.title, &format!("the title of {what}"));
    let start = cx.date(&a.start);
    let end = cx.date(&a.end);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        cx.err(
            &a.end,
            Diagnostic::error(format!("{what} ends before it starts"))
                .expected(format!("an end on or after the start, {s}"))
                .found(format!("`{e}`"))
                .hint("swap the two dates, or correct the one mistyped"),
        );
    }
    let status = cx.choice(
        &a.status,
        "activity status",
        &ActivityStatus::NAMES,
        ActivityStatus::parse,
    );
    let reason = a.reason.as_ref().map(|r| cx.text(r, &format!("the reason of {what}")));
    if let Some(st) = status
        && st.needs_reason()
        && reason.as_ref().is_none_or(|r| r.default.is_empty())
    {
        cx.err(
            &a.status,
            Diagnostic::error(format!("{what} is {} without a reason", st.name()))
                .expected("a `reason:` beside the status")
                .found(format!("status `{}` and no reason", st.name()))
                .hint("add `reason: ...`: the donor reads why an activity slipped or was dropped"),
        );
    }
    let actual_end = a.actual_end.as_ref().and_then(|d| cx.date(d));
    if let (Some(st), Some(ae), Some(loc_ae)) = (status, actual_end, a.actual_end.as_ref())
        && st != ActivityStatus::Done
    {
        cx.err(
            loc_ae,
            Diagnostic::warning(format!("{what} has an actual end but is {}", st.name()))
                .expected("`actual_end:` only on a done activity")
                .found(format!("actual_end {ae} with status `{}`", st.name()))
                .hint("set `status: done`, or remove `actual_end:`"),
        );
    }
    let result = a.result.as_ref().map(|r| (r.value().0.trim().to_string(), cx.span(r)));
    let dates_span = cx.span(&a.start);
    let (Some(id), Some(start), Some(end), Some(status)) = (id, start, end, status) else {
        return None;
    };
    if end < start || (status.needs_reason() && reason.is_none()) {
        return None;
    }
    Some(Activity {
        id,
        title,
        result: result.as_ref().map(|(r, _)| r.clone()),
        result_span: result.map(|(_, s)| s),
        start,
        end,
        status,
        reason,
        actual_end,
        span: cx.span(&a.id),
        dates_span,
    })
}
