//! An indicator's page, `GET /f/{fw}/i/{id}?period=P`: its trail with each
//! row's review state (`app::history`) and how the figure of the period is
//! obtained (`app::explain`).

use axum::extract::{Path, Query, State as AxState};
use axum::response::Response;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::{PeriodQuery, blocking, denied, engine_error, page};
use crate::app::{explain, history};
use crate::ledger::Ledger;
use crate::ledger::row::Review;
use crate::locale::{self, Lang};
use crate::users::Permission;
use crate::web::State;
use crate::web::auth::{self, Denied, WebUser};
use crate::web::engine::EngineError;

#[derive(Serialize)]
struct Row {
    period: String,
    breakdown: String,
    value: String,
    recorded_at: String,
    by: String,
    source: String,
    comment: String,
    state: String,
    /// `in_force`, `superseded`, `pending`, `approved`, `rejected`.
    class: &'static str,
}

/// A row's state, in words: the terminal's `history` states, translated.
fn state(ledger: &Ledger, h: &history::Trail, i: u32, lang: Lang) -> (String, &'static str) {
    let e = &ledger.entry(i);
    let w = |id| locale::text(lang, id);
    let by = |x: &crate::ledger::Entry| ledger.str(x.reviewed_by).unwrap_or("").to_string();
    let note = |x: &crate::ledger::Entry| match ledger.str(x.review_note).unwrap_or("") {
        "" => String::new(),
        n => format!(": {n}"),
    };
    let in_force = h.in_force.binary_search(&i).is_ok();
    let force = if in_force {
        w("web-in-force")
    } else {
        w("web-superseded")
    };
    match e.review {
        Review::None => (force.to_string(), if in_force { "in_force" } else { "superseded" }),
        Review::Approved => (format!("{} {}, {force}", w("web-approved-by"), by(e)), "approved"),
        Review::Rejected => (format!("{} {}{}", w("web-rejection-by"), by(e), note(e)), "rejected"),
        Review::Pending if h.pending.contains(&i) => (w("web-waiting").to_string(), "pending"),
        Review::Pending => {
            let decision = h.rows.iter().map(|&j| ledger.entry(j)).find(|d| {
                d.key() == e.key()
                    && d.review_of.is_some()
                    && d.review_of == e.recorded_at
                    && matches!(d.review, Review::Approved | Review::Rejected)
            });
            match decision {
                Some(d) if d.review == Review::Approved => {
                    (format!("{} {}", w("web-entered-approved"), by(&d)), "superseded")
                }
                Some(d) => (
                    format!("{} {}{}", w("web-entered-rejected"), by(&d), note(&d)),
                    "superseded",
                ),
                None => (w("web-entered-unreviewed").to_string(), "superseded"),
            }
        }
    }
}

pub async fn show(
    AxState(s): AxState<State>,
    u: WebUser,
    Path((fw, id)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Read) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let lang = u.user.lang.report_lang();
    let (s2, n2) = (s.clone(), name.clone());
    let result = blocking(move || {
        let o = s2.workspace.open(&n2)?;
        let app = o.app();
        let fwk = &app.framework;
        let Some(ix) = fwk.indicator_index(&id) else {
            return Ok(None);
        };
        let period = q.period().filter(|p| !p.is_empty()).map(str::to_string);
        let trail = history::history(
            app,
            &history::Query {
                indicator: id.clone(),
                period: period.clone(),
                as_of: None,
            },
        )
        .map_err(EngineError::from_failure)?
        .value;
        let ledger = &app.ledger;
        let rows: Vec<Row> = trail
            .rows
            .iter()
            .map(|&i| {
                let e = &ledger.entry(i);
                let (state, class) = state(ledger, &trail, i, lang);
                Row {
                    period: e.period.to_string(),
                    breakdown: e.dims.describe(fwk),
                    value: crate::format::value(&e.value),
                    recorded_at: e
                        .recorded_at
                        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                    by: ledger.str(e.recorded_by).unwrap_or("").to_string(),
                    source: ledger.str(e.source).unwrap_or("").to_string(),
                    comment: ledger.str(e.comment).unwrap_or("").to_string(),
                    state,
                    class,
                }
            })
            .collect();
        let explained = explain::explain(
            app,
            &explain::Query {
                indicator: id.clone(),
                period,
                as_of: None,
            },
        )
        .map_err(EngineError::from_failure)?
        .value;
        let ind = &fwk.indicators[ix];
        let p = &fwk.project;
        Ok(Some((
            ind.id.clone(),
            ind.title.get(lang.code()).to_string(),
            p.short_name.clone().unwrap_or_else(|| p.id.clone()),
            rows,
            crate::render::explain::text(&explained),
            o.periods(),
        )))
    })
    .await;
    match result {
        Ok(Some((id, title, fw_title, rows, explanation, periods))) => page(
            &s,
            "indicator.html",
            u.user.lang,
            Some(&u),
            context! {
                fw => name, fw_title => fw_title, id => id, title => title,
                rows => Value::from(Serde(rows)), explanation => explanation, periods => periods,
            },
        ),
        Ok(None) => denied(&s, &u, Denied::NotFound),
        Err(e) => engine_error(&s, &u, e),
    }
}
